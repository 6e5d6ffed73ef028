"""Per character, the coarse category Pygments gives each code block (the oracle of
HighlightOracleTests). Reads JSON [[language, code], ...] on stdin, writes one line of
category letters per block (or '?' when Pygments knows no such language)."""
import json
import sys

from pygments.lexers import get_lexer_by_name
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String

LETTERS = [
    (Comment, "c"), (String, "s"), (Number, "m"), (Keyword, "k"), (Operator.Word, "k"),
    (Name.Function, "f"), (Name.Class, "f"), (Name.Builtin, "b"), (Operator, "o"), (Punctuation, "o"),
]


def letter(token):
    for kind, mark in LETTERS:
        if token in kind:
            return mark
    return "x"


for language, code in json.load(sys.stdin):
    try:
        # Blog posts show PHP without `<?php`, as Chroma reads it; Pygments needs to be told.
        options = {"startinline": True} if language == "php" else {}
        lexer = get_lexer_by_name(language, stripnl=False, ensurenl=False, **options)
    except Exception:
        print("?")
        continue
    out = []
    for token, text in lexer.get_tokens(code):
        out.append(letter(token) * len(text.encode("utf-8")))
    line = "".join(out)
    print(line.replace("\n", " "))
