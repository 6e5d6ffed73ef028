#!/usr/bin/env python3
"""Bytes a phone fetches per image: Chromium at 390 CSS px, DPR 2 (an iPhone 14's screen),
opens every post of a built site, scrolls it to the end so that lazy images load, and sums
the size of the file each image's `currentSrc` names (the variant the browser chose).

    bench/images/phone-bytes.py OUTPUT_FOLDER [OUTPUT_FOLDER ...]

Prints per site: pages, images, average KB per image, and the total. Run it on a build with
`images: {enabled: false}` (before) and one as it comes (after)."""
import functools
import http.server
import os
import sys
import threading
import time
import urllib.parse

from selenium import webdriver


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2.0}})
    options.binary_location = "/usr/bin/chromium"
    # Debian's chromium and chromedriver, found without Selenium Manager's network look-up.
    return webdriver.Chrome(options=options, service=webdriver.ChromeService("/usr/bin/chromedriver"))


SCROLL_AND_LIST = """
const done = arguments[arguments.length - 1];
const step = () => {
  if (window.scrollY + window.innerHeight < document.body.scrollHeight - 2) {
    window.scrollBy(0, window.innerHeight); setTimeout(step, 60);
  } else {
    const images = [...document.querySelectorAll('.post-content img')];
    Promise.all(images.map(i => i.complete ? 0 : new Promise(r => { i.onload = i.onerror = r; setTimeout(r, 3000); })))
      .then(() => done(images.map(i => i.currentSrc)));
  }
};
step();
"""


def posts(folder):
    for root, _, files in os.walk(folder):
        if "index.html" in files:
            path = os.path.relpath(os.path.join(root, "index.html"), folder)
            html = open(os.path.join(root, "index.html"), encoding="utf-8", errors="replace").read()
            if 'class="post-content' in html and "<img" in html:
                yield path


def measure(folder, driver):
    server = serve(folder)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    sizes = []
    pages = 0
    for path in sorted(posts(folder)):
        driver.get(base + path)
        pages += 1
        for src in driver.execute_async_script(SCROLL_AND_LIST):
            url = urllib.parse.urlparse(src)
            if url.netloc != urllib.parse.urlparse(base).netloc:
                continue  # another host's image: not ours to size
            local = os.path.join(folder, urllib.parse.unquote(url.path).lstrip("/"))
            if os.path.isfile(local):
                sizes.append(os.path.getsize(local))
    server.shutdown()
    return pages, sizes


def main():
    driver = browser()
    driver.set_script_timeout(120)
    try:
        for folder in sys.argv[1:]:
            pages, sizes = measure(os.path.abspath(folder), driver)
            average = sum(sizes) / len(sizes) / 1024 if sizes else 0
            print(f"{folder}: {pages} pages, {len(sizes)} images, {average:.0f} KB per image, "
                  f"{sum(sizes) / 1e6:.1f} MB in all")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
