#!/usr/bin/env python3
"""How well the built-in search finds each post, in a real browser, against Pagefind.

For every post of a built site, a phrase that occurs in it and in no other post — five Han
characters for a Chinese post, a rare word (in no other post) for an English one — is typed
into the search page (`/search/?q=…`) of headless Chromium; a post found in the first ten
results counts. The same queries go through Pagefind (PyPI `pagefind-bin`, test-only), run on
a copy of the same output. Prints both rates and the bytes each query loads with an empty cache, its script included
(uncompressed, and gzip -6 of the same files, which is what a server sends compressed):
every query is a first query.

    bench/search-quality.py --site-output site/public [--site-output other/public …] [--limit N]

Needs chromium, chromedriver, python selenium and pagefind-bin (scripts/install-deps --oracles
installs none of these: this is a measurement, not a test).
"""
import argparse, gzip, html.parser, http.server, json, os, re, shutil, subprocess, sys, tempfile, threading, time, urllib.parse
from functools import partial

SKIP = {"pre", "script", "style", "math", "svg", "template", "textarea"}


class PostText(html.parser.HTMLParser):
    """The text of a post page's article (its title and body), without code and drawings."""
    def __init__(self):
        super().__init__()
        self.depth = 0; self.skip = 0; self.parts = []; self.is_post = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body" and "kind-post" in (a.get("class") or ""): self.is_post = True
        if tag == "article": self.depth += 1
        if tag in SKIP: self.skip += 1
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "br", "div", "blockquote"): self.parts.append("\n")
    def handle_endtag(self, tag):
        if tag == "article": self.depth -= 1
        if tag in SKIP: self.skip = max(0, self.skip - 1)
    def handle_data(self, data):
        if self.depth > 0 and self.skip == 0: self.parts.append(data)


def posts(output):
    """{url: text} of every post page of the output."""
    found = {}
    for folder, _, files in os.walk(output):
        if "index.html" not in files or "/search" in folder or "/pagefind" in folder: continue
        with open(os.path.join(folder, "index.html"), encoding="utf-8") as f:
            parser = PostText(); parser.feed(f.read())
        if parser.is_post:
            url = "/" + os.path.relpath(folder, output).replace(os.sep, "/") + "/"
            found[url] = "".join(parser.parts)
    return found


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{5,}")
# A whole word: `universal2` and `8pinLinux` hold none.
WORD = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z]{6,}(?![A-Za-z0-9_])")


def phrases(texts):
    """{url: phrase}: a phrase of each post found in no other post (None when there is none)."""
    urls = sorted(texts)
    lowered = {u: texts[u].lower() for u in urls}
    words = {u: set(w.lower() for w in WORD.findall(texts[u])) for u in urls}
    word_count = {}
    for u in urls:
        for w in words[u]: word_count[w] = word_count.get(w, 0) + 1
    chosen = {}
    for u in urls:
        text = texts[u]
        han = sum(len(m) for m in HAN.findall(text))
        latin = sum(len(m) for m in WORD.findall(text))
        chosen[u] = None
        if han > latin / 3:
            # The middle of the post, where a phrase is not the title's.
            runs = HAN.findall(text)
            middle = len(runs) // 2
            for run in runs[middle:] + runs[:middle]:
                for i in range(0, len(run) - 4):
                    p = run[i:i + 5]
                    if all(p not in texts[o] for o in urls if o != u):
                        chosen[u] = p; break
                if chosen[u]: break
        else:
            rare = [w for w in WORD.findall(text) if word_count[w.lower()] == 1]
            if rare: chosen[u] = rare[len(rare) // 2]
    return chosen


SERVED = []  # every path the server sent, also to Pagefind's web worker (which page timing misses)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args): pass

    def do_GET(self):
        SERVED.append(urllib.parse.unquote(urllib.parse.urlparse(self.path).path))
        super().do_GET()


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    from selenium import webdriver
    options = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"): options.add_argument(a)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    from selenium.webdriver.chrome.service import Service
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))


def loaded(driver, prefixes, folder):
    """(uncompressed, gzip) bytes of the index files under `prefixes` the server sent since
    the last call (not the search page itself)."""
    paths = set(SERVED)
    SERVED.clear()
    raw = zipped = 0
    for path in paths:
        full = os.path.join(folder, path.lstrip("/"))
        if not path.startswith(prefixes) or not os.path.isfile(full) or path.endswith(".html"): continue
        data = open(full, "rb").read()
        raw += len(data); zipped += len(gzip.compress(data, 6))
    return raw, zipped


def ours(driver, port, query):
    driver.get(f"http://127.0.0.1:{port}/search/?q={urllib.parse.quote(query)}")
    deadline = time.time() + 20
    while time.time() < deadline:
        state = driver.execute_script(
            "var r=document.getElementById('search-results');"
            "return r.querySelector('ol') ? 'list' : (r.textContent && r.textContent !== r.dataset.loading ? 'none' : '')")
        if state: break
        time.sleep(0.02)
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-results ol > li > a')).map(a => new URL(a.href).pathname)")


def pagefind(driver, port, query):
    driver.get(f"http://127.0.0.1:{port}/404.html")
    driver.set_script_timeout(30)
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/pagefind/pagefind.js').then(async pf => {
          const r = await pf.search(arguments[0]);
          const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
          done(data.map(d => new URL(d.url, location.href).pathname));
        }).catch(e => done(['error: ' + e]));""", query)


def norm(path):
    return path[:-len("index.html")] if path.endswith("index.html") else path


def first_queries(output, queries, pagefind_bin):
    """Bytes each of `queries` loads as a first query (empty cache), ours and Pagefind's."""
    work = tempfile.mkdtemp(prefix="search-bytes-")
    copy = os.path.join(work, "site")
    shutil.copytree(output, copy)
    if pagefind_bin: subprocess.run([pagefind_bin, "--site", copy, "--output-subdir", "pagefind"], check=True, capture_output=True)
    server = serve(copy)
    port = server.server_address[1]
    driver = browser()
    rows = []
    try:
        for query in queries:
            row = [query]
            for name, run, prefix in (("ours", ours, ("/search/", "/assets/search.js")), ("pagefind", pagefind, ("/pagefind/",))):
                if name == "pagefind" and not pagefind_bin: continue
                driver.get("about:blank")
                driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                loaded(driver, prefix, copy)
                results = run(driver, port, query)
                row.append((name, len(results), loaded(driver, prefix, copy)))
            rows.append(row)
    finally:
        driver.quit(); server.shutdown(); shutil.rmtree(work)
    files = [f for d, _, fs in os.walk(os.path.join(output, "search")) for f in fs if f != "index.html"]
    return rows, len(files)


def measure(output, limit, pagefind_bin):
    texts = posts(output)
    chosen = phrases(texts)
    urls = [u for u in sorted(texts) if chosen[u]][:limit] if limit else [u for u in sorted(texts) if chosen[u]]
    work = tempfile.mkdtemp(prefix="search-quality-")
    copy = os.path.join(work, "site")
    shutil.copytree(output, copy)
    subprocess.run([pagefind_bin, "--site", copy, "--output-subdir", "pagefind"], check=True, capture_output=True)
    server = serve(copy)
    port = server.server_address[1]
    driver = browser()
    found = {"ours": 0, "pagefind": 0}
    loads = {"ours": [], "pagefind": []}
    misses = {"ours": [], "pagefind": []}
    try:
        for i, url in enumerate(urls):
            for name, run, prefix in (("ours", ours, ("/search/", "/assets/search.js")), ("pagefind", pagefind, ("/pagefind/",))):
                driver.get("about:blank")
                driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                loaded(driver, prefix, copy)  # forget what came before
                results = [norm(r) for r in run(driver, port, chosen[url])]
                if url in results: found[name] += 1
                else: misses[name].append((url, chosen[url], results[:3]))
                loads[name].append(loaded(driver, prefix, copy))
    finally:
        driver.quit(); server.shutdown(); shutil.rmtree(work)
    return {"posts": len(texts), "queried": len(urls), "found": found, "loads": loads, "misses": misses}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site-output", action="append", required=True, help="a built site's output folder")
    parser.add_argument("--limit", type=int, default=0, help="query only the first N posts")
    parser.add_argument("--pagefind", default=shutil.which("pagefind") or os.path.join(
        os.path.dirname(__import__("pagefind_bin").__file__), "pagefind"))
    parser.add_argument("--verbose", action="store_true", help="print the misses")
    parser.add_argument("--query", action="append", help="measure the bytes of these first queries instead")
    parser.add_argument("--no-pagefind", action="store_true", help="with --query: ours only")
    args = parser.parse_args()
    for output in args.site_output:
        if args.query:
            rows, files = first_queries(output, args.query, None if args.no_pagefind else args.pagefind)
            print(f"{output}: {files} index files")
            for row in rows:
                print(f"  {row[0]!r}: " + "; ".join(
                    f"{name} {n} results, {raw / 1000:.1f} KB ({zipped / 1000:.1f} KB gzip)" for name, n, (raw, zipped) in row[1:]))
            continue
        r = measure(output, args.limit, args.pagefind)
        q = r["queried"]
        print(f"{output}: {r['posts']} posts, {q} with a phrase of their own")
        for name in ("ours", "pagefind"):
            raws = sorted(l[0] for l in r["loads"][name]) or [0]
            zips = sorted(l[1] for l in r["loads"][name]) or [0]
            print(f"  {name:9s} found {r['found'][name]}/{q} ({100 * r['found'][name] / max(q, 1):.0f} %) in the first 10;"
                  f" a first query (empty cache) loads median {raws[len(raws) // 2] / 1000:.1f} KB"
                  f" ({zips[len(zips) // 2] / 1000:.1f} KB gzip), at most {raws[-1] / 1000:.1f} KB ({zips[-1] / 1000:.1f} KB gzip)")
            if args.verbose:
                for miss in r["misses"][name][:10]: print("    missed", miss)


if __name__ == "__main__":
    main()
