#!/usr/bin/env bash
# Imports the real blogs of ../shared/corpora (or $CORPORA) (read-only; imported into a temporary folder),
# builds them and the example site with a release blog, then runs bench/search-quality.py on
# each output: every post searched for by a phrase of its own, ours against Pagefind.
#   BLOG=.build/release/blog WORK=/tmp/corpora bench/search-corpora.sh [--verbose]
# (other arguments go to search-quality.py)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
blog="${BLOG:-$root/.build/release/blog}"
work="${WORK:-$(mktemp -d)}"
corpora="${CORPORA:-$root/../shared/corpora}"
outputs=()
for name in hexo-jasonren0403 jekyll-memfault hugo-zwbetz-gh; do
  rm -rf "$work/$name"
  kind="${name%%-*}"
  # Exit status 1 means the imported site has problems for the writer (broken upstream
  # references); it is written and builds all the same.
  "$blog" import "$kind" "$corpora/$name" "$work/$name" >/dev/null || true
  python3 "$root/bench/stand-ins.py" "$blog" "$work/$name"
  outputs+=(--site-output "$work/$name/public")
done
rm -rf "$work/example" && cp -r "$root/site" "$work/example" && rm -rf "$work/example/public" "$work/example/.blog"
"$blog" build --source "$work/example" >/dev/null
outputs+=(--site-output "$work/example/public")
python3 "$root/bench/search-quality.py" "${outputs[@]}" "$@"
