#!/usr/bin/env bash
# The highlighter's speed: MB/s per language over the code blocks of the real blogs in
# ../shared/corpora (gathered per language into one file each), and milliseconds for 1 MB of
# every construct each language may leave open (`HostileInputs`: unclosed strings, comments,
# here-documents, `=begin`, `--[[`, `"""`, `<script>`…), once or on every line, each of which
# must take under 100 ms. Release build, one core.
#   bench/highlight.sh
#   HOSTILE_LANGUAGES=ruby,hcl bench/highlight.sh    # only those lexers
#   HOSTILE_ALL=1 bench/highlight.sh                 # every opener in every lexer (long)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import os, re, sys
work = sys.argv[1]
root = os.path.join(os.path.dirname(os.getcwd()), "shared", "corpora")
if not os.path.isdir(root):
    root = "/work/shared/corpora"
blocks = {}
for base, _, files in os.walk(root):
    for name in files:
        if name.endswith(".md"):
            text = open(os.path.join(base, name), encoding="utf-8", errors="replace").read()
            for lang, code in re.findall(r"^```\s*([\w+#-]+)[^\n]*\n(.*?)^```", text, re.S | re.M):
                blocks.setdefault(lang.lower(), []).append(code)
for lang, codes in blocks.items():
    if sum(map(len, codes)) > 2000:
        open(os.path.join(work, lang), "w").write("\n".join(codes))
PY
swift build -c release --product highlight-bench >/dev/null
args=()
for f in "$work"/*; do args+=("$f" "$(basename "$f")"); done
.build/release/highlight-bench "${args[@]}"
