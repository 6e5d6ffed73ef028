#!/usr/bin/env bash
# A phone's bytes per image before and after issue #23, on the example site and on the three
# real blogs of ../shared/corpora imported with `blog import`: each built twice, with
# `images: {enabled: false}` (as published before) and as it comes, then measured in Chromium
# at 390 px, DPR 2 (phone-bytes.py).
#
#   bench/images/phone-bytes.sh BLOG_BINARY
set -euo pipefail
blog=$(realpath "${1:?blog binary}")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${BLOG_SHARED:-$repo/../shared}; [ -d "$shared" ] || shared=/work/shared
work=${WORK:-/tmp/blog-phone-bytes}
rm -rf "$work"; mkdir -p "$work"
cp -r "$repo/site" "$work/example"
rm -rf "$work/example/public" "$work/example/.blog"
for corpus in hexo-jasonren0403 hugo-zwbetz-gh jekyll-memfault; do
  # A corpus with references broken upstream imports with errors; its site is written all the same.
  "$blog" import "$shared/corpora/$corpus" "$work/$corpus" > /dev/null 2>&1 || true
done
for name in example hexo-jasonren0403 hugo-zwbetz-gh jekyll-memfault; do
  cp -r "$work/$name" "$work/$name-before"
  printf '\nimages: {enabled: false}\n' >> "$work/$name-before/blog.yaml"
  "$blog" build --source "$work/$name-before" > "$work/$name-before.log" 2>&1 || true
  "$blog" build --source "$work/$name" > "$work/$name.log" 2>&1 || true
done
for name in example hexo-jasonren0403 hugo-zwbetz-gh jekyll-memfault; do
  python3 "$here/phone-bytes.py" "$work/$name-before/public" "$work/$name/public"
done
