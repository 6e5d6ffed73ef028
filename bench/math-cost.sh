#!/usr/bin/env bash
# What math costs a cold build: the same generated corpus built with the math extension on
# (the default: `$…$` found, made MathML) and off (`markdown: {extensions: {math: false}}`),
# alternately, medians compared. Twice: the corpus as generated (no
# math: what a post without math pays), and with two formulas added to one post in twenty.
#
#   bench/math-cost.sh [BLOG] [POSTS] [RUNS]      (default .build/release/blog 10000 10)
set -euo pipefail
cd "$(dirname "$0")/.."
blog=$(realpath "${1:-.build/release/blog}"); posts=${2:-10000}; runs=${3:-10}
shared=$(cd ../shared && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$shared/tools/gen-corpus" --posts "$posts" --out "$work/plain" >/dev/null
# Images are published as they are on both sides: their encoding is not what is measured.
printf 'images: {enabled: false}\n' >> "$work/plain/blog.yaml"
cp -r "$work/plain" "$work/math"
# One post in twenty gets a paragraph of the formulas blogs write.
find "$work/math/posts" -name '*.md' | sort | awk 'NR % 20 == 0' | while read -r post; do
    printf '\nThe loss $\\mathcal{L}(\\theta) = -\\sum_{i=1}^{N} y_i \\log \\hat{y}_i$ falls as\n\n$$\n\\frac{\\partial L}{\\partial w} = \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix} x, \\quad \\sqrt{a^2 + b^2}\n$$\n' >> "$post"
done

for corpus in plain math; do
    cp -r "$work/$corpus" "$work/$corpus-off"
    printf 'markdown:\n  extensions: {math: false}\n' >> "$work/$corpus-off/blog.yaml"
    echo "== $corpus corpus ($posts posts): math on vs off, cold builds, alternating"
    "$blog" build --source "$work/$corpus" >/dev/null  # warm the page cache
    for _ in $(seq "$runs"); do
        for side in on off; do
            site=$work/$corpus; [ "$side" = off ] && site=$work/$corpus-off
            rm -rf "$site/public" "$site/.blog"
            start=$(date +%s.%N)
            "$blog" build --source "$site" >/dev/null
            echo "$side $(echo "$(date +%s.%N) - $start" | bc)"
        done
    done | python3 -c '
import statistics, sys
times = {"on": [], "off": []}
for line in sys.stdin:
    side, seconds = line.split()
    times[side].append(float(seconds))
on, off = statistics.median(times["on"]), statistics.median(times["off"])
ratios = [a / b for a, b in zip(times["on"], times["off"])]
print(f"median on {on:.3f} s, off {off:.3f} s: math costs {100 * (on - off) / off:+.1f} % (paired median {100 * (statistics.median(ratios) - 1):+.1f} %)")
'
done
