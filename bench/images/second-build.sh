#!/usr/bin/env bash
# A real blog with images (the Chinese Hexo blog of ../shared/corpora, imported): a cold build
# (no output, no .blog/) against a build after one post is edited, RUNS times each; prints
# each build's time and what `-v` says about images (the edited build decodes none).
#
#   bench/images/second-build.sh BLOG_BINARY [RUNS]
set -euo pipefail
blog=$(realpath "${1:?blog binary}"); runs=${2:-3}
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${BLOG_SHARED:-$repo/../shared}; [ -d "$shared" ] || shared=/work/shared
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$blog" import "$shared/corpora/hexo-jasonren0403" "$work/site" > /dev/null 2>&1 || true
post=$(cd "$work/site" && find posts -name '*.md' | sort | sed -n 1p)
timed() {
  local start end out
  start=$(date +%s.%N)
  out=$("$blog" build --source "$work/site" -v 2>&1 | grep -E 'images:' | sed 's/^ *//')
  end=$(date +%s.%N)
  printf '%s %.2f s (%s)\n' "$1" "$(echo "$end - $start" | bc)" "$out"
}
for _ in $(seq "$runs"); do
  rm -rf "$work/site/public" "$work/site/.blog"
  timed cold
  echo "Edited." >> "$work/site/$post"
  timed "one post edited"
done | tee "$work/times"
python3 - "$work/times" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    name, seconds = line.split(" s (")[0].rsplit(" ", 1)
    times.setdefault(name, []).append(float(seconds))
cold, edited = statistics.median(times["cold"]), statistics.median(times["one post edited"])
print(f"medians: cold {cold:.2f} s, one post edited {edited:.2f} s ({edited / cold:.1%} of cold)")
PY
