#!/usr/bin/env python3
"""Time from saving a post to the reload event of `blog serve`.

Copies a site to a temporary folder, starts `blog serve --port 0` on it, listens to the
live-reload event stream, then edits one post N times and measures, for each save, the
time until `event: reload` arrives. Prints the median and the spread.

    bench/serve-latency.py --site site --edits 20 [--blog .build/release/blog]
"""
import argparse, os, re, shutil, socket, statistics, subprocess, sys, tempfile, time


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", required=True, help="site folder (with blog.yaml)")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--blog", default=".build/release/blog")
    parser.add_argument("--post", help="post to edit, relative to the site (default: the first one found)")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="blog-serve-bench-")
    site = os.path.join(work, "site")
    shutil.copytree(args.site, site, ignore=shutil.ignore_patterns("public"))
    post = os.path.join(site, args.post) if args.post else first_post(site)
    server = subprocess.Popen([args.blog, "serve", "--source", site, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = None
        for line in server.stdout:
            match = re.search(r"at http://127\.0\.0\.1:(\d+)", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            sys.exit("serve did not start")
        events = socket.create_connection(("127.0.0.1", port), timeout=30)
        events.sendall(b"GET /__blog/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        read_until(events, b": connected")

        original = open(post, encoding="utf-8").read()
        timings = []
        complete = []
        for i in range(args.edits):
            time.sleep(0.3)  # let the previous build settle, as between a writer's saves
            start = time.perf_counter()
            with open(post, "w", encoding="utf-8") as f:
                f.write(original + f"\n\nEdit number {i}.\n")
            seen = read_until(events, b"event: reload")
            timings.append((time.perf_counter() - start) * 1000)
            if b'"complete":true' not in seen:
                read_until(events, b'"complete":true')
            complete.append((time.perf_counter() - start) * 1000)
        posts = sum(1 for _ in walk_posts(site))
        print(f"{args.site}: {posts} posts, {args.edits} edits of {os.path.relpath(post, site)}")
        print(f"save → reload event of the edited page: median {statistics.median(timings):.1f} ms, "
              f"min {min(timings):.1f} ms, max {max(timings):.1f} ms")
        print(f"save → whole site rebuilt (lists, feed):  median {statistics.median(complete):.1f} ms, "
              f"min {min(complete):.1f} ms, max {max(complete):.1f} ms")
    finally:
        server.send_signal(2)
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def read_until(sock, marker):
    data = b""
    while marker not in data:
        chunk = sock.recv(65536)
        if not chunk:
            sys.exit("event stream closed")
        data += chunk
    return data


def walk_posts(site):
    for folder, _, files in os.walk(os.path.join(site, "posts")):
        for name in sorted(files):
            if name.endswith(".md"):
                yield os.path.join(folder, name)


def first_post(site):
    return sorted(walk_posts(site))[0]


if __name__ == "__main__":
    main()
