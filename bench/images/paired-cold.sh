#!/usr/bin/env bash
# Cold builds of the generated corpus (../shared/tools/gen-corpus: posts with 0–3 PNG images
# each, about 20 distinct ones), alternately with two binaries of blog, the output and the
# state folder (.blog/, the image store included) removed before each: the paired median
# ratio NEW/OLD. With IMAGES=off, NEW builds with `images: {enabled: false}`. With
# STORE=kept, the image store (.blog/images) is kept from the first run on, the rest of the
# state folder removed: a new output folder for a site whose images were made before (a CI
# that caches .blog/images, a second output folder), so nothing is encoded.
#
#   bench/images/paired-cold.sh OLD_BLOG NEW_BLOG [POSTS] [RUNS]
set -euo pipefail
old=$(realpath "${1:?old blog binary}"); new=$(realpath "${2:?new blog binary}")
posts=${3:-10000}; runs=${4:-3}
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${BLOG_SHARED:-$repo/../shared}; [ -d "$shared" ] || shared=/work/shared
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$shared/tools/gen-corpus" --posts "$posts" --out "$work/a" > /dev/null
cp -r "$work/a" "$work/b"
[ "${IMAGES:-on}" = off ] && printf '\nimages: {enabled: false}\n' >> "$work/b/blog.yaml"
if [ "${STORE:-removed}" = kept ]; then  # fill the stores, untimed
  "$old" build --source "$work/a" > /dev/null; "$new" build --source "$work/b" > /dev/null
fi
for _ in $(seq "$runs"); do
  for side in a b; do
    bin=$old; [ "$side" = b ] && bin=$new
    mv "$work/$side/public" "$work/trash-$side-$RANDOM" 2>/dev/null || true
    if [ "${STORE:-removed}" = kept ] && [ -d "$work/$side/.blog/images" ]; then
      mv "$work/$side/.blog/images" "$work/images-$side"
      rm -rf "$work/$side/.blog"; mkdir "$work/$side/.blog"
      mv "$work/images-$side" "$work/$side/.blog/images"
    else
      rm -rf "$work/$side/.blog"
    fi
    start=$(date +%s.%N)
    "$bin" build --source "$work/$side" > /dev/null
    end=$(date +%s.%N)
    echo "$side $(echo "$end - $start" | bc)"
    echo "$side $(echo "$end - $start" | bc)" >&2
  done
done | python3 -c '
import statistics, sys
runs = {"a": [], "b": []}
for line in sys.stdin:
    side, seconds = line.split()
    runs[side].append(float(seconds))
ratios = [b / a for a, b in zip(runs["a"], runs["b"])]
old, new = statistics.median(runs["a"]), statistics.median(runs["b"])
print(f"old median {old:.2f} s, new median {new:.2f} s, paired new/old {statistics.median(ratios):.3f} ({len(ratios)} pairs)")
'
