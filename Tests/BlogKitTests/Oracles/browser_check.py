#!/usr/bin/env python3
"""Opens pages of a built site in headless Chromium (test-only: selenium, chromium-driver,
axe-selenium-python) and reports, as JSON on stdout, what a reader would meet:

- axe-core's serious and critical violations, in light and in dark colours, at 1280 px;
- at 390 px (a phone, DPR 2): how far the page scrolls sideways, and each embed's ratio;
- each <math>: whether its box is empty, and every <merror>.

Usage: browser_check.py OUTPUT_FOLDER PAGE [PAGE...]   (pages relative to the folder, e.g.
index.html). The folder is served over HTTP on loopback, since pages link from the root.
"""
import functools
import http.server
import json
import sys
import threading

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def serve(root):
    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def emulate(driver, width, dark):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 2 if width < 600 else 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


def axe_problems(driver):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"] if v["impact"] in ("serious", "critical")
    ]


PHONE_SCRIPT = """
const root = document.documentElement;
const embeds = [...document.querySelectorAll('.post-content iframe, .post-content video, .post-content embed')]
  .map(e => { const r = e.getBoundingClientRect(); return {src: e.getAttribute('src') || '', width: r.width, height: r.height}; });
return {sideways: root.scrollWidth - root.clientWidth, width: root.clientWidth, embeds};
"""

MATH_SCRIPT = """
return [...document.querySelectorAll('math')].map(m => {
  const r = m.getBoundingClientRect();
  const tex = m.querySelector('annotation');
  return {tex: tex ? tex.textContent : m.textContent.slice(0, 80), width: r.width, height: r.height,
          merror: m.querySelectorAll('merror').length};
});
"""


def check(driver, base, page):
    url = base + page
    report = {"page": page}
    for dark in (False, True):
        emulate(driver, 1280, dark)
        driver.get(url)
        report["axe_dark" if dark else "axe_light"] = axe_problems(driver)
    report["math"] = driver.execute_script(MATH_SCRIPT)
    emulate(driver, 390, False)
    driver.get(url)
    report["phone"] = driver.execute_script(PHONE_SCRIPT)
    return report


def main():
    root, pages = sys.argv[1], sys.argv[2:]
    server = serve(root)
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    driver = browser()
    try:
        print(json.dumps([check(driver, base, page) for page in pages], ensure_ascii=False))
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
