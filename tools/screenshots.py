#!/usr/bin/env python3
"""Screenshots of built pages for the README, in headless Chromium (selenium; test-only).

Usage: tools/screenshots.py OUTPUT_FOLDER PAGE WIDTH HEIGHT light|dark FILE.png [PAGE ...]
(repeat the five values per shot). The folder is served on loopback, since pages link from
the root; phones (width under 600) are drawn at DPR 2.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Tests", "BlogKitTests", "Oracles"))
import browser_check  # noqa: E402  (the same server and browser as the tests)


def main():
    root, shots = sys.argv[1], sys.argv[2:]
    if len(shots) % 5:
        sys.exit(__doc__)
    server = browser_check.serve(root)
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    driver = browser_check.browser()
    try:
        for i in range(0, len(shots), 5):
            page, width, height, scheme, path = shots[i:i + 5]
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": int(width), "height": int(height), "deviceScaleFactor": 2 if int(width) < 600 else 1,
                "mobile": int(width) < 600})
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                "features": [{"name": "prefers-color-scheme", "value": scheme}]})
            driver.get(base + page)
            driver.save_screenshot(path)
            print(path)
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
