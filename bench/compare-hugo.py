#!/usr/bin/env python3
"""Build the same posts with blog and with Hugo, alternately, and compare.

For each corpus size: generates the posts once with ../shared/tools/gen-corpus (this
project's layout and Hugo's, same posts, images and cross-links), then, RUNS times each,
alternating the two tools:
  cold        no output folder (the last one moved aside, see below)
  no change   the same build again
  one post    one post edited, then built again
and the raw floor: the `cmark` command over the same Markdown, on one core. Prints the
median wall time, ms per post, peak memory (/usr/bin/time -v) and blog/Hugo ratios.
Both tools colour code at build time (Hugo with Chroma, as it comes); `--hugo-plain` also
runs Hugo with `codeFences = false`, and `--blog-plain` runs blog on a copy of the site with
`highlight: {enabled: false}`: the cost of colouring, paired run by run.

Old output folders are moved aside into WORK/trash and deleted only after the last run.
Deleting 30,000 files right before a cold build charges the deletion to the build: on an
ext4 without a journal (this kind of VM), the kernel then skips each recently freed inode
when creating files (`recently_deleted` in `perf`), for minutes, and file creation gets
several times slower for whichever tool runs next. `--remove` deletes instead, to see it.

With `--baseline PATH`, another build of blog (an earlier commit, built with
`swift build -c release --scratch-path ...`) runs too, in turn with the others, on its own
output folder: a second table compares this build with it, paired run by run.

    bench/compare-hugo.py [--posts 1000 10000] [--runs 3] [--work /tmp/blog-bench] [--remove]
                          [--baseline PATH]
"""
import argparse, os, re, shutil, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command, cwd=None):
    """Wall seconds and peak memory (MiB) of a command, from GNU time."""
    run = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{run.stdout}\n{run.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", run.stderr)
    hours, minutes, seconds = wall.groups()
    elapsed = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    memory = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1)) / 1024
    return elapsed, memory


def corpus(work, posts):
    folder = os.path.join(work, str(posts))
    gen = os.path.join(ROOT, "..", "shared", "tools", "gen-corpus")
    for flavor in ("blog", "hugo"):
        target = os.path.join(folder, flavor)
        if not os.path.isdir(target):
            subprocess.run([gen, "--posts", str(posts), "--out", target, "--flavor", flavor], check=True,
                           stdout=subprocess.DEVNULL)
    # Hugo as it comes (Chroma colours code), as blog now does too; an earlier version of this
    # script switched Hugo's highlighting off, which `--hugo-plain` still measures alongside.
    config = os.path.join(folder, "hugo", "config.toml")
    text = open(config).read()
    plain = "\n[markup.highlight]\n  codeFences = false\n"
    if plain in text:
        open(config, "w").write(text.replace(plain, ""))
    with open(os.path.join(folder, "hugo", "config-plain.toml"), "w") as f:
        f.write(plain)
    return folder


def plain_copy(site):
    """The same site with highlighting off, for the cost of colouring."""
    copy = site + "-plain"
    if not os.path.isdir(copy):
        shutil.copytree(site, copy)
        with open(os.path.join(copy, "blog.yaml"), "a") as f:
            f.write("\nhighlight:\n  enabled: false\n")
    return copy


def first_post(site, pattern):
    for base, _, files in sorted(os.walk(os.path.join(site, pattern))):
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("_"):
                return os.path.join(base, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/tmp/blog-bench")
    parser.add_argument("--remove", action="store_true", help="delete old output right before a cold build")
    parser.add_argument("--baseline", help="another blog binary to compare with, run by run")
    parser.add_argument("--hugo-plain", action="store_true", help="also run Hugo with its highlighting off")
    parser.add_argument("--blog-plain", action="store_true", help="also run blog with its highlighting off")
    args = parser.parse_args()
    trash = os.path.join(args.work, "trash")
    retired = [0]

    def retire(folder):
        """Gets the output out of the way for a cold build."""
        if not os.path.exists(folder):
            return
        if args.remove:
            shutil.rmtree(folder)
            return
        os.makedirs(trash, exist_ok=True)
        retired[0] += 1
        os.rename(folder, os.path.join(trash, f"{os.getpid()}-{retired[0]}"))

    subprocess.run(["swift", "build", "-c", "release", "--product", "blog"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    blog = os.path.join(ROOT, ".build", "release", "blog")
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    rows = []
    for posts in args.posts:
        folder = corpus(args.work, posts)
        site, hugo_site = os.path.join(folder, "blog"), os.path.join(folder, "hugo")
        out, hugo_out = os.path.join(folder, "out-blog"), os.path.join(folder, "out-hugo")
        blog_build = [blog, "build", "--source", site, "--output", out]
        hugo_build = ["hugo", "--quiet", "--source", hugo_site, "--destination", hugo_out]
        tools = [("blog", blog_build, out), ("hugo", hugo_build, hugo_out)]
        if args.hugo_plain:
            plain_out = os.path.join(folder, "out-hugo-plain")
            configs = ",".join(os.path.join(hugo_site, name) for name in ("config.toml", "config-plain.toml"))
            tools.append(("hugo-plain", ["hugo", "--quiet", "--source", hugo_site, "--config", configs, "--destination", plain_out], plain_out))
        if args.blog_plain:
            plain_site, plain_out = plain_copy(site), os.path.join(folder, "out-blog-plain")
            tools.append(("blog-plain", [blog, "build", "--source", plain_site, "--output", plain_out], plain_out))
        if args.baseline:
            base_out = os.path.join(folder, "out-base")
            tools.append(("base", [args.baseline, "build", "--source", site, "--output", base_out], base_out))
        results = {f"{tool} {key}": [] for tool, _, _ in tools for key in ("cold", "none", "one")}
        post, hugo_post = first_post(site, "posts"), first_post(hugo_site, "content")
        plain_post = first_post(plain_site, "posts") if args.blog_plain else None
        for run in range(args.runs):
            for tool, command, target in tools:
                edited = {"hugo": hugo_post, "blog-plain": plain_post}.get(tool, post) if args.blog_plain else (hugo_post if tool == "hugo" else post)
                retire(target)
                results[f"{tool} cold"].append(timed(command))
                results[f"{tool} none"].append(timed(command))
                with open(edited, "a") as f:
                    f.write(f"\nEdited in run {run}.\n")
                results[f"{tool} one"].append(timed(command))
        markdown = subprocess.run(["find", site, "-name", "*.md"], capture_output=True, text=True).stdout.split()
        concatenated = os.path.join(folder, "all.md")
        with open(concatenated, "wb") as all_md:
            for path in markdown:
                all_md.write(open(path, "rb").read())
        floor = statistics.median(timed(["sh", "-c", f"cmark --unsafe '{concatenated}' > /dev/null"])[0] for _ in range(args.runs))
        rows.append((posts, results, floor))
    shutil.rmtree(trash, ignore_errors=True)

    print(f"\nblog vs Hugo {hugo_version} (both colouring code), median of {args.runs} runs, "
          f"{os.cpu_count()} cores; peak memory is the largest of the runs\n")
    print("| posts | build | blog | Hugo | blog/Hugo | blog ms/post | blog peak MiB | Hugo peak MiB |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for posts, results, floor in rows:
        for key, label in (("cold", "cold"), ("none", "nothing changed"), ("one", "one post changed")):
            b = statistics.median(t for t, _ in results[f"blog {key}"])
            h = statistics.median(t for t, _ in results[f"hugo {key}"])
            bm = max(m for _, m in results[f"blog {key}"])
            hm = max(m for _, m in results[f"hugo {key}"])
            print(f"| {posts:,} | {label} | {b:.2f} s | {h:.2f} s | {b / h:.2f} | {b * 1000 / posts:.2f} | {bm:.0f} | {hm:.0f} |")
        paired = statistics.median(b / h for (b, _), (h, _) in zip(results["blog cold"], results["hugo cold"]))
        print(f"| {posts:,} | cold, paired: median of each run's blog/Hugo | | | {paired:.2f} | | | |")
        if args.blog_plain:
            cost = statistics.median(b / p for (b, _), (p, _) in zip(results["blog cold"], results["blog-plain cold"]))
            print(f"| {posts:,} | cold, paired, against blog with its highlighting off | | | {cost:.2f} | | | |")
        if args.hugo_plain:
            plain = statistics.median(b / h for (b, _), (h, _) in zip(results["blog cold"], results["hugo-plain cold"]))
            print(f"| {posts:,} | cold, paired, against Hugo with its highlighting off | | | {plain:.2f} | | | |")
        print(f"| {posts:,} | raw floor: `cmark` over the same Markdown, one core | {floor:.2f} s | | | {floor * 1000 / posts:.2f} | | |")
    if args.baseline:
        print(f"\nthis build vs {args.baseline}, median of {args.runs} runs; paired: median of each run's ratio\n")
        print("| posts | build | this | baseline | this/baseline | paired | this peak MiB | baseline peak MiB |")
        print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for posts, results, _ in rows:
            for key, label in (("cold", "cold"), ("none", "nothing changed"), ("one", "one post changed")):
                b = statistics.median(t for t, _ in results[f"blog {key}"])
                o = statistics.median(t for t, _ in results[f"base {key}"])
                paired = statistics.median(x / y for (x, _), (y, _) in zip(results[f"blog {key}"], results[f"base {key}"]))
                bm = max(m for _, m in results[f"blog {key}"])
                om = max(m for _, m in results[f"base {key}"])
                print(f"| {posts:,} | {label} | {b:.2f} s | {o:.2f} s | {b / o:.2f} | {paired:.2f} | {bm:.0f} | {om:.0f} |")


if __name__ == "__main__":
    main()
