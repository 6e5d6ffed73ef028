#!/usr/bin/env python3
"""What the search index costs a build, and how big it is.

For each site folder: two copies, one with `search: {enabled: false}` added to blog.yaml;
cold builds of both, alternately (`--runs` pairs), each into a fresh output (the old one moved
aside and deleted after the last run, as bench/compare-hugo.py does: deleting tens of
thousands of files right before a build slows file creation on this ext4); then the same for
a build after one post's text changed (the saved build restores the others without their
text; the index keeps their terms). Prints medians of wall and of CPU seconds, the median of
each pair's ratio, and the index's files and bytes.

    bench/search-cost.py --blog .build/release/blog --site DIR [--site DIR …] [--runs 5]
"""
import argparse, os, re, resource, shutil, statistics, subprocess, tempfile, time


def copy_site(site, work, name, search):
    target = os.path.join(work, name)
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("public", ".blog"))
    with open(os.path.join(target, "blog.yaml"), "a", encoding="utf-8") as f:
        if not search: f.write("\nsearch: {enabled: false}\n")
    return target


def timed_build(blog, site):
    """Wall seconds and CPU seconds (user + system): CPU time hardly moves with what else
    this shared machine runs, wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([blog, "build", "--source", site], check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold(blog, site, trash):
    for name in ("public", ".blog"):
        path = os.path.join(site, name)
        if os.path.exists(path): os.rename(path, os.path.join(trash, f"{len(os.listdir(trash))}"))
    return timed_build(blog, site)


def edit_one_post(site, n):
    """Appends a word to the text of one post (the same post each run, a new word)."""
    posts = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "posts")) for f in fs if f.endswith(".md"))
    path = posts[len(posts) // 2]
    with open(path, "a", encoding="utf-8") as f: f.write(f"\n\nedited{n}\n")


def index_size(site):
    folder = os.path.join(site, "public", "search")
    sizes = [os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs if f != "index.html"]
    return len(sizes), sum(sizes), max(sizes)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blog", required=True)
    parser.add_argument("--site", action="append", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    blog = os.path.abspath(args.blog)
    for site in args.site:
        work = tempfile.mkdtemp(prefix="search-cost-")
        trash = os.path.join(work, "trash"); os.mkdir(trash)
        on, off = copy_site(site, work, "on", True), copy_site(site, work, "off", False)
        times = {"cold on": [], "cold off": [], "edit on": [], "edit off": []}
        for run in range(args.runs):
            order = [(on, "on"), (off, "off")] if run % 2 == 0 else [(off, "off"), (on, "on")]
            for folder, name in order: times["cold " + name].append(cold(blog, folder, trash))
            for folder, name in order:
                edit_one_post(folder, run)
                times["edit " + name].append(timed_build(blog, folder))
        files, total, largest = index_size(on)
        print(f"{site}: index {files} files, {total / 1e6:.1f} MB, largest {largest / 1000:.1f} KB")
        for kind in ("cold", "edit"):
            for n, unit in ((0, "s"), (1, "s CPU")):
                a, b = [t[n] for t in times[kind + " on"]], [t[n] for t in times[kind + " off"]]
                ratios = [x / y for x, y in zip(a, b)]
                print(f"  {kind:4s}: search on {statistics.median(a):.2f} {unit}, off {statistics.median(b):.2f} {unit},"
                      f" paired on/off {statistics.median(ratios):.3f} (runs {args.runs})")
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
