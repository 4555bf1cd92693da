#!/usr/bin/env python3
"""Live reload through `brief serve`, in a real browser, with the time from save to updated page.

    python3 Tests/browser/live_reload.py --brief PATH [--briefings N] [--runs R] [--max-ms MS]

Starts `brief serve` on a free loopback port in a temporary copy of the sample site (or, with
--briefings N, of a corpus of N briefings made by ../shared/bench/gen_corpus.py), opens a story
in headless Chromium and then, with no action in the browser:

1. edits the story's source R times: the open page must show the new text; the time from the
   end of the write to the reloaded page's DOMContentLoaded is measured;
2. changes only the style sheet: the page must take the new style without reloading;
3. breaks the story template: the page must show an overlay with the diagnostic and keep its
   content; fixing the template must remove the overlay;
4. stops the server with SIGINT: it must exit 0.

Prints the times (median, max) and exits 1 when a check fails, or when --max-ms is given and the
median save-to-page time is above it; 2 when a tool is missing.
"""

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

# Runs in every document before its own scripts: notes when the page's live socket is open and
# when the document was ready, so that a reload can be timed from inside the page.
INIT_SCRIPT = """
(() => {
  const Native = window.WebSocket;
  window.__liveOpen = false;
  window.WebSocket = function (...args) {
    const socket = new Native(...args);
    socket.addEventListener("open", () => { window.__liveOpen = true; });
    socket.addEventListener("close", () => { window.__liveOpen = false; });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  document.addEventListener("DOMContentLoaded", () => { window.__shownAt = Date.now(); });
})();
"""


class Failure(Exception):
    pass


def wait_for(condition, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            value = condition()
        except Exception:  # the page may be between two documents
            value = None
        if value:
            return value
        time.sleep(0.005)
    raise Failure(f"timed out after {timeout} s waiting for {what}")


def make_site(folder, briefings):
    if briefings:
        corpus = folder / "corpus"
        subprocess.run([sys.executable, str(REPO.parent / "shared/bench/gen_corpus.py"), "--n", str(briefings),
                        "--seed", "1", "--out", str(corpus)], check=True, stdout=subprocess.DEVNULL)
        shutil.move(str(corpus / "brief/Content"), str(folder / "Content"))
        shutil.rmtree(corpus)
    else:
        shutil.copytree(REPO / "Content", folder / "Content")
        if (REPO / "brief.yml").exists():
            shutil.copy(REPO / "brief.yml", folder / "brief.yml")


def start_server(brief, folder):
    """Starts `brief serve`; returns it, its address, and the list its later output lines go to."""
    process = subprocess.Popen([str(brief), "serve", "--port", "0"], cwd=folder, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    started = time.time()
    while True:
        line = process.stdout.readline()
        if not line:
            raise Failure("brief serve ended before serving")
        print(f"  serve: {line.rstrip()}")
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if match:
            print(f"  first build and start: {time.time() - started:.2f} s")
            break
    lines = []  # read on, so that the pipe never fills up and stops the server
    threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True).start()
    return process, match.group(0), lines


def build_times(lines):
    """The times of the rebuilds the server reported, in ms."""
    return [float(m.group(1)) * 1000 for line in lines if (m := re.search(r"changed: .* in ([\d.]+) s", line))]


def pick_story(folder):
    """A story page and a run of plain words in its body that its source holds, to edit."""
    for page in sorted((folder / "Site/stories").glob("*/index.html")):
        html = page.read_text()
        body = html[html.find('<article class="story">'):]
        for paragraph in re.findall(r"<p>([^<]{60,})</p>", body):
            for run in re.findall(r"[A-Za-z][A-Za-z ]{30,}[A-Za-z]", paragraph):
                for source in sorted((folder / "Content").glob("*.*")):
                    if run in source.read_text():
                        return "/" + str(page.parent.relative_to(folder / "Site")) + "/", source, run
    raise Failure("no story with plain text to edit")


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": INIT_SCRIPT})
    return driver


def write(path, text):
    """Writes as an editor saves; returns the time the write ended."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)
    return time.time()


def edit_story(driver, source, run, n, timeout):
    token = f"Edited {n} {int(time.time() * 1000) % 100000}"
    text = source.read_text()
    driver.execute_script("window.__shownAt = 0;")
    saved = write(source, text.replace(run, f"{run} {token}"))
    wait_for(lambda: token in driver.execute_script("return document.body.innerText;"), timeout,
             f"'{token}' on the page")
    shown = driver.execute_script("return window.__shownAt;") / 1000
    wait_for(lambda: driver.execute_script("return window.__liveOpen;"), timeout, "the page's live socket")
    write(source, text)  # back as it was, for the next run
    wait_for(lambda: token not in driver.execute_script("return document.body.innerText;"), timeout,
             "the page restored")
    wait_for(lambda: driver.execute_script("return window.__liveOpen;"), timeout, "the page's live socket")
    return (shown - saved) * 1000


def change_style(driver, folder, timeout):
    css = (REPO / "Templates/assets/style.css").read_text()
    driver.execute_script("""
        window.__marker = 42;
        window.__styledAt = 0;
        const check = () => {
          if (getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)") window.__styledAt = Date.now();
          else requestAnimationFrame(check);
        };
        check();
    """)
    saved = write(folder / "Templates/assets/style.css", css + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n")
    styled = wait_for(lambda: driver.execute_script("return window.__styledAt;"), timeout, "the new style") / 1000
    if driver.execute_script("return window.__marker;") != 42:
        raise Failure("the page reloaded for a style sheet change; it should swap the sheet")
    return (styled - saved) * 1000


def break_template(driver, folder, timeout):
    template = folder / "Templates/story.mustache"
    driver.execute_script("""
        window.__marker = 43;
        window.__overlayAt = 0;
        new MutationObserver(() => {
          if (document.querySelector("brief-errors") && !window.__overlayAt) window.__overlayAt = Date.now();
        }).observe(document.documentElement, { childList: true });
    """)
    saved = write(template, "{{<layout}}{{$main}}\n{{#story}}unclosed\n{{/main}}{{/layout}}\n")
    shown = wait_for(lambda: driver.execute_script("return window.__overlayAt;"), timeout, "the error overlay") / 1000
    errors = driver.execute_script("""
        const overlay = document.querySelector("brief-errors");
        return [...overlay.shadowRoot.querySelectorAll("pre")].map(pre => pre.textContent);
    """)
    if not any(e.startswith("Templates/story.mustache:") and ": error: " in e for e in errors):
        raise Failure(f"the overlay does not show the template's error: {errors}")
    if driver.execute_script("return window.__marker;") != 43 or "<article" not in driver.page_source:
        raise Failure("the page should keep the last good content under the overlay")
    template.unlink()
    wait_for(lambda: driver.execute_script('return document.querySelector("brief-errors") === null;'), timeout,
             "the overlay to go away")
    return (shown - saved) * 1000, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brief", type=Path, required=True, help="the brief binary")
    parser.add_argument("--briefings", type=int, default=0,
                        help="a generated site of N briefings (default: the sample)")
    parser.add_argument("--runs", type=int, default=10, help="source edits to time")
    parser.add_argument("--max-ms", type=float, help="fail when the median save-to-page time is above this")
    parser.add_argument("--keep", action="store_true", help="keep the temporary site folder")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists() or not Path(CHROMEDRIVER).exists():
        print(f"error: needs {CHROMIUM} and {CHROMEDRIVER}", file=sys.stderr)
        return 2

    folder = Path(tempfile.mkdtemp(prefix="brief-live-"))
    server = driver = None
    try:
        make_site(folder, args.briefings)
        server, url, lines = start_server(args.brief.resolve(), folder)
        page, source, run = pick_story(folder)
        timeout = 30 if args.briefings else 10
        driver = start_browser()
        driver.get(url + page.lstrip("/"))
        wait_for(lambda: driver.execute_script("return window.__liveOpen;"), timeout, "the page's live socket")
        print(f"  page: {url}{page.lstrip('/')}, editing {source.name}")
        times = [edit_story(driver, source, run, n, timeout) for n in range(args.runs)]
        style = change_style(driver, folder, timeout)
        overlay, errors = break_template(driver, folder, timeout)
        server.send_signal(signal.SIGINT)
        if server.wait(timeout=60) != 0:
            raise Failure(f"brief serve exited with {server.returncode} on SIGINT")
        size = f"{args.briefings} briefings" if args.briefings else "the sample site"
        print(f"save to updated page, {size}, {len(times)} edits: median {statistics.median(times):.0f} ms, "
              f"max {max(times):.0f} ms ({', '.join(f'{t:.0f}' for t in times)})")
        builds = build_times(lines)
        if builds:
            print(f"of which the rebuilds (as brief serve reports them): median {statistics.median(builds):.0f} ms, "
                  f"max {max(builds):.0f} ms over {len(builds)} builds")
        print(f"style sheet swapped without reload in {style:.0f} ms; "
              f"error overlay shown in {overlay:.0f} ms: {errors[0]}")
        if args.max_ms is not None and statistics.median(times) > args.max_ms:
            raise Failure(f"median {statistics.median(times):.0f} ms is above {args.max_ms:.0f} ms")
        print("ok   [live reload]")
        return 0
    except Failure as failure:
        print(f"FAIL [live reload] {failure}")
        return 1
    finally:
        if driver:
            driver.quit()
        if server and server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
