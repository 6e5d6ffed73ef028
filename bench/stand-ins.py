#!/usr/bin/env python3
"""Makes a stand-in file for each reference a site's build reports as broken (the corpora's
references broken upstream, which SOURCE.md lists), so that the site builds and can be
searched: `blog build` publishes nothing while it has errors.

    bench/stand-ins.py BLOG SITE
"""
import os, re, subprocess, sys

blog, site = sys.argv[1], sys.argv[2]
for _ in range(3):
    run = subprocess.run([blog, "build", "--source", site], capture_output=True, text=True)
    if run.returncode == 0: break
    made = 0
    for line in run.stderr.splitlines():
        m = re.match(r"(?P<file>[^:]+):\d+: error: (?:link|image) '(?P<ref>[^']+)'.*\((?:looked in (?P<dir>\S+) and at|nothing at) (?P<at>[^)]+)\)", line)
        if not m: continue
        ref = m["ref"].split("#")[0].split("?")[0]
        target = os.path.join(site, "static", ref.lstrip("/")) if ref.startswith("/") else os.path.join(site, m["dir"], ref)
        if ref.startswith("/") and not os.path.splitext(target)[1]: target = os.path.join(target, "index.html")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not os.path.exists(target):
            open(target, "w").write("stand-in for a file missing upstream\n"); made += 1
    if made == 0:
        sys.exit(run.stderr)
