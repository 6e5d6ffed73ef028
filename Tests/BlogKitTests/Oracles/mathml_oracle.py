#!/usr/bin/env python3
"""The MathML oracle for MathMLTests: PyPI's latex2mathml (test-only, never linked).

Reads a JSON list of {"tex", "display", "ours"} on stdin, where "ours" is blog's <math>
element for the TeX. Converts each TeX with latex2mathml and compares the two as structure:
element names and their text, without attributes, the <math>, <semantics>, <mrow> and
<mstyle> wrappers, the TeX annotation, empty tokens, invisible operators and <mspace> (whose
width, an attribute, is all it says). Writes a JSON
list of {"agree", "ours", "theirs"} (the structures as S-expressions) to stdout.
"""
import json
import sys
import xml.etree.ElementTree as ET

from latex2mathml.converter import convert

UNWRAPPED = {"math", "semantics", "mrow", "mstyle", "mpadded"}
INVISIBLE = {"\u2061", "\u2062", "\u2063"}


def local(tag):
    return tag.rsplit("}", 1)[-1]


def structure(element):
    """The element as a list of (name, text, children) items, wrappers unwrapped."""
    name = local(element.tag)
    if name in {"annotation", "mspace"}:
        return []
    children = []
    for child in element:
        children += structure(child)
    text = (element.text or "").replace("\u00a0", " ").strip()
    if name in UNWRAPPED:
        return children
    if name in {"mi", "mo", "mn", "mtext"} and (text == "" or text in INVISIBLE) and not children:
        return []
    return [(name, text, tuple(children))]


def sexp(items):
    out = []
    for name, text, children in items:
        inner = " ".join(x for x in [text, sexp(children)] if x)
        out.append("(" + name + (" " + inner if inner else "") + ")")
    return " ".join(out)


def parse(xml):
    try:
        return structure(ET.fromstring(xml))
    except ET.ParseError as error:
        return [("unparsable", str(error), ())]


def main():
    results = []
    for item in json.load(sys.stdin):
        try:
            theirs = parse(convert(item["tex"], display="block" if item["display"] else "inline"))
        except Exception as error:  # latex2mathml rejects what it does not know
            theirs = [("oracle-error", type(error).__name__, ())]
        ours = parse(item["ours"])
        results.append({"agree": ours == theirs, "ours": sexp(ours), "theirs": sexp(theirs)})
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
