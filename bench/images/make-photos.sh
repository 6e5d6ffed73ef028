#!/usr/bin/env bash
# 40 phone-size photos (4032×3024 JPEG, quality 90, 2–4 MB each) made from the real photos of
# ../shared/corpora: each cropped to 4:3 from a different side, upscaled, flipped on every
# second pass, with sensor-like grain added (upscaled pixels alone are smoother than a
# phone's, and encode faster than a real photo would).
#
#   bench/images/make-photos.sh OUT_FOLDER
set -euo pipefail
out=${1:?output folder}
# The shared data as the tests find it: $BLOG_SHARED, ../shared beside the repository, /work/shared.
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${BLOG_SHARED:-$repo/../shared}; [ -d "$shared" ] || shared=/work/shared
shared=$shared/corpora
sources=(
  jekyll-memfault/img/debug-tools/ftdi-cable.jpeg
  jekyll-memfault/img/debug-tools/saleae.jpeg
  jekyll-memfault/img/debug-tools/ftdi-pinout.jpeg
  jekyll-memfault/img/debug-tools/jlink-edu.jpg
  jekyll-memfault/img/sequential-storage-crate/sequential-storage-main-image.jpg
  hugo-zwbetz-gh/content/blog/beef-jerky-recipe/img/walmart-beef-eye-of-round.jpg
  hugo-zwbetz-gh/content/blog/beef-jerky-recipe/img/walmart-beef-sizzle-steak.jpg
  hugo-zwbetz-gh/content/blog/beef-jerky-recipe/img/walmart-beef-milanesa.jpg
  hugo-zwbetz-gh/content/blog/playing-with-background-images/img/federico-bottos-Z3NceSeZqgI-unsplash.jpg
)
crops=(centre attention low high entropy)
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vips gaussnoise "$tmp/grain.v" 4032 3024 --sigma 5 --mean 0
for i in $(seq 0 39); do
  src=$shared/${sources[$((i % ${#sources[@]}))]}
  crop=${crops[$(((i / ${#sources[@]}) % ${#crops[@]}))]}
  vips thumbnail "$src" "$tmp/a.v" 4032 --height 3024 --crop "$crop" --size both
  [ $((i / ${#sources[@]} % 2)) = 1 ] && vips flip "$tmp/a.v" "$tmp/b.v" horizontal && mv "$tmp/b.v" "$tmp/a.v"
  vips bandjoin "$tmp/grain.v $tmp/grain.v $tmp/grain.v" "$tmp/g3.v"
  vips add "$tmp/a.v" "$tmp/g3.v" "$tmp/c.v"
  vips cast "$tmp/c.v" "$tmp/d.v" uchar
  vips jpegsave "$tmp/d.v" "$out/photo-$(printf %02d "$i").jpg" --Q 90
done
du -cb "$out"/*.jpg | awk '/total/ {printf "%d photos, %.1f MB\n", NR - 1, $1 / 1e6}'
