#!/usr/bin/env bash
# One post edited, then `blog build`, alternately with two binaries of blog over two copies
# of the same generated corpus: the paired medians of the build and of its "read saved build"
# step. For a change to the incremental build (the saved form, the record) that a cold build
# does not exercise.
#
#   bench/paired-edit.sh OLD_BLOG NEW_BLOG [POSTS] [RUNS]
set -euo pipefail
old=${1:?old blog binary}; new=${2:?new blog binary}
posts=${3:-10000}; runs=${4:-20}
shared=$(cd "$(dirname "$0")/../../shared" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$shared/tools/gen-corpus" --posts "$posts" --out "$work/a" >/dev/null
cp -r "$work/a" "$work/b"
"$old" build --source "$work/a" >/dev/null
"$new" build --source "$work/b" >/dev/null
post=$(cd "$work/a" && find posts -name '*.md' | sort | sed -n 1p)

for _ in $(seq "$runs"); do
    for side in a b; do
        bin=$old; [ "$side" = b ] && bin=$new
        echo "edited" >> "$work/$side/$post"
        start=$(date +%s.%N)
        read_ms=$("$bin" build --source "$work/$side" --verbose 2>&1 | awk '/read saved build/ {print $4}')
        end=$(date +%s.%N)
        echo "$side $(echo "$end - $start" | bc) ${read_ms:-0}"
    done
done | python3 -c '
import sys, statistics as st
rows = [line.split() for line in sys.stdin]
a = [r for r in rows if r[0] == "a"]; b = [r for r in rows if r[0] == "b"]
for name, col in (("build (s)", 1), ("read saved build (ms)", 2)):
    old = [float(r[col]) for r in a]; new = [float(r[col]) for r in b]
    ratio = st.median(n / o for o, n in zip(old, new) if o > 0) if any(old) else float("nan")
    print(f"{name}: old {st.median(old):.3f}, new {st.median(new):.3f}, paired new/old {ratio:.2f}")
'
