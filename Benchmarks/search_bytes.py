#!/usr/bin/env python3
"""The bytes a search fetches: types each query into a built site's search page in headless Chromium
and adds up the search files the page loaded (assets/search/*.js, the manifest included).

    python3 Benchmarks/search_bytes.py SITE_DIR [QUERY ...]

Typing is letter by letter, as a reader types, so every file a prefix on the way loaded counts.
The default queries are a common company, a rare word, two words and a two-letter prefix.
"""

import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "browser"))
import check_site  # noqa: E402  (the browser set-up of the browser checks)

QUERIES = ["Tesla", "supercomputer", "battery deal", "ch"]

SIZES_JS = """
return performance.getEntriesByType('resource')
  .filter(function (e) { return e.name.indexOf('/assets/search/') !== -1; })
  .map(function (e) { return [e.name, e.encodedBodySize || e.transferSize]; });
"""


def measure(driver, base, site, query):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(base + "search/index.html")
    box = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "search-input"))
    WebDriverWait(driver, 20).until(lambda d: "stories" in d.find_element(By.ID, "search-status").text)
    box.send_keys(query)
    WebDriverWait(driver, 60).until(lambda d: "Searching" not in d.find_element(By.ID, "search-status").text)
    time.sleep(0.5)
    files = {}
    for name, size in driver.execute_script(SIZES_JS):
        relative = name.split("/assets/search/", 1)[1]
        files[relative] = size or (site / "assets" / "search" / relative).stat().st_size
    status = driver.find_element(By.ID, "search-status").text
    return files, status


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(sys.argv[1]).resolve()
    queries = sys.argv[2:] or QUERIES
    total = sum(p.stat().st_size for p in (site / "assets" / "search").rglob("*.js"))
    print(f"{site}: search files {total / 1e6:.1f} MB in all")
    handler = functools.partial(check_site.QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = check_site.start_browser()
    try:
        for query in queries:
            files, status = measure(driver, base, site, query)
            fetched = sum(files.values())
            print(f"{query!r}: {fetched / 1e3:.0f} kB in {len(files)} files ({status})")
    finally:
        driver.quit()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
