#!/usr/bin/env python3
"""Golden files of the highlighter: real code, one file per language, named after it
(Tests/BlogKitTests/Oracles/golden/<language>.<ext>), each with Pygments' coarse category of
every byte beside it (<language>.<ext>.pygments: one letter a byte, the lines kept; k keyword,
s string, c comment, m number, f function or class name, b builtin, o operator or punctuation,
x anything else). HighlightTests.goldenFilesAgree reads both, so CI needs no Python.

    tools/regen-golden.py              # rewrite every .pygments file from its code
    tools/regen-golden.py --copy       # first copy the code from SOURCES (this machine's files)

The letters come from Tests/BlogKitTests/Oracles/pygments_categories.py, the same rule the
corpus comparison uses. Where each file comes from, and its licence, is in golden/SOURCES.md."""
import os
import subprocess
import sys
import json

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(ROOT, "Tests", "BlogKitTests", "Oracles", "golden")
ORACLE = os.path.join(ROOT, "Tests", "BlogKitTests", "Oracles", "pygments_categories.py")

# language (the lexer's name, as Pygments knows it) → real code found on the build machine.
SOURCES = {
    "python.py": "/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/etc/gdb_providers.py",
    "bash.sh": "/usr/share/go-1.19/src/syscall/mkerrors.sh",
    "c.c": "/root/.pyenv/versions/3.7.16/lib/python3.7/distutils/tests/xxmodule.c",
    "go.go": "/usr/share/go-1.19/src/syscall/security_windows.go",
    "java.java": "/usr/share/rubygems-integration/all/gems/concurrent-ruby-1.1.6/ext/concurrent-ruby/com/concurrent_ruby/ext/jsr166e/Striped64.java",
    "javascript.js": "/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/rustdoc/toc-818727da.js",
    "typescript.ts": "/usr/lib/ruby/gems/3.1.0/gems/typeprof-0.21.2/vscode/src/extension.ts",
    "json.json": "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/boto3/data/sns/2010-03-31/resources-1.json",
    "yaml.yaml": "/usr/share/rubygems-integration/all/gems/mime-types-data-3.2022.0105/types/model.yaml",
    "sql.sql": "/usr/share/postgresql/15/extension/seg--1.1.sql",
    "ruby.rb": "/usr/share/rubygems-integration/all/gems/bundler-2.3.15/lib/bundler/source/git.rb",
    "php.php": "/usr/lib/google-cloud-sdk/platform/google_appengine/php/sdk/google/appengine/runtime/proto/ProtocolMessage.php",
    "makefile.mk": "/usr/lib/postgresql/15/lib/pgxs/src/makefiles/pgxs.mk",
    "diff.patch": "/root/.pyenv/plugins/python-build/share/python-build/patches/3.7.16/Python-3.7.16/0001-Port-ctypes-and-system-libffi-patches-for-arm64-macO.patch",
    "xml.xml": "/usr/share/metainfo/org.freedesktop.appstream.cli.metainfo.xml",
    "html.html": "/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/rustdoc/what-is-rustdoc.html",
    "css.css": "/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/rustdoc/css/general-2459343d.css",
    "markdown.md": "/root/.pyenv/plugins/python-build/README.md",
    "swift.swift": "/work/main/.build/checkouts/swift-algorithms/Sources/Algorithms/Chunked.swift",
    "cpp.cpp": "/work/main/.build/checkouts/TOMLKit/Sources/CTOML/Sources/Node.cpp",
    "ini.ini": "/usr/lib/google-cloud-sdk/platform/google_appengine/google/appengine/tools/java/jetty94/jetty-home/start.ini",
    "rust.rs": "/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/error_codes/main.rs",
    "protobuf.proto": "/usr/lib/google-cloud-sdk/lib/third_party/google/cloud/pubsub_v1/proto/schema.proto",
    # The first 400 lines of 32,000.
    "toml.toml": ("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/lib/rustlib/multirust-channel-manifest.toml", 400),
}


def main():
    if "--copy" in sys.argv:
        os.makedirs(GOLDEN, exist_ok=True)
        for name, source in SOURCES.items():
            path, lines = source if isinstance(source, tuple) else (source, None)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if lines:
                text = "".join(text.splitlines(keepends=True)[:lines])
            with open(os.path.join(GOLDEN, name), "w", encoding="utf-8") as f:
                f.write(text)
    names = sorted(n for n in os.listdir(GOLDEN) if not n.endswith(".pygments") and n != "SOURCES.md")
    blocks = []
    for name in names:
        with open(os.path.join(GOLDEN, name), encoding="utf-8") as f:
            blocks.append([name.split(".")[0], f.read()])
    out = subprocess.run([sys.executable, ORACLE], input=json.dumps(blocks), capture_output=True, text=True, check=True)
    lines = out.stdout.split("\n")
    for (language, code), letters in zip(blocks, lines):
        if letters == "?":
            sys.exit(f"Pygments knows no language {language}")
        # The oracle writes a line break as a space; put the lines back, so that a diff reads.
        raw = code.encode("utf-8")
        assert len(letters) == len(raw), language
        kept = bytes(10 if b == 10 else ord(letters[i]) for i, b in enumerate(raw)).decode("ascii")
        name = next(n for n in names if n.split(".")[0] == language)
        with open(os.path.join(GOLDEN, name + ".pygments"), "w", encoding="ascii") as f:
            f.write(kept)
        print(f"{name}: {code.count(chr(10))} lines")


if __name__ == "__main__":
    main()
