#!/usr/bin/env bash
# Issue #23's race: the same 40 phone photos (make-photos.sh), one a post, resized to 480, 960
# and 1440 px in WebP and JPEG by Hugo 0.111 (a render hook calling .Resize "480x webp" …) and
# by blog (`images: {formats: [webp]}`, the same widths and formats), cold: each tool's cache
# and output removed before every run. Then blog as it comes (AVIF too), which Hugo cannot do.
# hyperfine alternates nothing itself: the two commands' runs follow each other, so both see
# the same machine; medians are what the README quotes.
#
#   bench/images/vs-hugo.sh BLOG_BINARY [RUNS]
set -euo pipefail
blog=$(realpath "${1:?blog binary (a release build)}"); runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
work=${WORK:-/tmp/blog-images-bench}
rm -rf "$work"; mkdir -p "$work"
photos=${PHOTOS:-$work-photos}
[ -d "$photos" ] || "$here/make-photos.sh" "$photos"


# Hugo: a page bundle per photo, a render hook that makes every variant the page lists.
hugo=$work/hugo
mkdir -p "$hugo/layouts/_default/_markup"
cat > "$hugo/config.toml" <<'TOML'
baseURL = "https://example.com/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[imaging]
quality = 75
TOML
cat > "$hugo/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html><title>{{ .Title }}</title>{{ .Content }}
HTML
cp "$hugo/layouts/_default/single.html" "$hugo/layouts/_default/list.html"
cat > "$hugo/layouts/_default/_markup/render-image.html" <<'HTML'
{{- $img := .Page.Resources.GetMatch .Destination -}}
{{- $w := slice 480 960 1440 -}}
<picture><source type="image/webp" srcset="{{ range $w }}{{ ($img.Resize (printf "%dx webp" .)).RelPermalink }} {{ . }}w, {{ end }}">
<img src="{{ ($img.Resize "1440x jpg").RelPermalink }}" srcset="{{ range $w }}{{ ($img.Resize (printf "%dx jpg" .)).RelPermalink }} {{ . }}w, {{ end }}" alt="{{ .Text }}"></picture>
HTML
# blog: the same posts, the same photos beside them.
site=$work/blog
printf 'title: Photos\nbase_url: https://example.com/\nimages: {formats: [webp]}\n' > "$site.yaml"
for i in $(seq -w 0 39); do
  mkdir -p "$hugo/content/posts/p$i" "$site/posts/p$i"
  printf -- '---\ntitle: Photo %s\ndate: 2026-01-%02d\n---\n![A photo](photo.jpg)\n' "$i" $((10#$i % 28 + 1)) > "$hugo/content/posts/p$i/index.md"
  cp "$hugo/content/posts/p$i/index.md" "$site/posts/p$i/index.md"
  cp "$photos/photo-$i.jpg" "$hugo/content/posts/p$i/photo.jpg"
  cp "$photos/photo-$i.jpg" "$site/posts/p$i/photo.jpg"
done
mv "$site.yaml" "$site/blog.yaml"
cp -r "$site" "$work/blog-avif"
printf 'title: Photos\nbase_url: https://example.com/\n' > "$work/blog-avif/blog.yaml"

hyperfine --runs "$runs" --export-json "$work/result.json" \
  --prepare "rm -rf $hugo/public $hugo/resources $work/hugo-cache" \
  -n "hugo 0.111 (webp + jpg)" "hugo --quiet --source $hugo --cacheDir $work/hugo-cache" \
  --prepare "rm -rf $site/public $site/.blog" \
  -n "blog (webp + jpg)" "$blog build --source $site" \
  --prepare "rm -rf $work/blog-avif/public $work/blog-avif/.blog" \
  -n "blog (avif + webp + jpg)" "$blog build --source $work/blog-avif"
python3 - "$work/result.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
medians = {r["command"]: r["median"] for r in results}
hugo = medians["hugo 0.111 (webp + jpg)"]
for name, median in medians.items():
    print(f"{name}: median {median:.2f} s, {median / hugo:.2f}× Hugo's")
PY
find "$hugo/public" -name '*.webp' | wc -l | xargs echo "Hugo's WebP files:"
find "$site/public" -name '*.webp' | wc -l | xargs echo "blog's WebP files:"
