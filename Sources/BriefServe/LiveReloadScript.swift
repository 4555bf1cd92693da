/// The script that makes open pages follow the builds, and how it is added to a page as the page
/// is served (never to the files in the output folder).
///
/// The page opens a WebSocket to the server. After each build the server sends the files the build
/// changed and the errors of a failed build; the page reloads when its own file or a script or image
/// it uses changed, swaps a changed style sheet in place, and shows the errors over the page.
enum LiveReloadScript {
    /// Where the script is served; the `/__brief/` prefix is the server's own.
    static let scriptPath = "/__brief/live.js"
    static let socketPath = "/__brief/live"

    /// The tag added to an HTML page: `file` is the site file served (so the 404 page knows it is
    /// `404.html`) and `etag` its version, so that the page can tell, once connected, whether a
    /// build changed it in between.
    static func tag(file: String, etag: String) -> String {
        "<script src=\"\(scriptPath)\" data-file=\"\(escape(file))\" data-etag=\"\(escape(etag))\"></script>"
    }

    /// The page with the script added before `</body>` (at the end when it has none); with
    /// `base`, a `<base href>` right after `<head>`, so that the relative links of a page served
    /// at another address (the 404 page) resolve from the site's root.
    static func inject(into html: [UInt8], file: String, etag: String, base: String? = nil) -> [UInt8] {
        var result = html
        let script = Array(tag(file: file, etag: etag).utf8)
        if let body = lastIndex(of: "</body", in: result) {
            result.insert(contentsOf: script, at: body)
        } else {
            result += script
        }
        if let base, lastIndex(of: "<base", in: result) == nil, let head = firstIndex(of: "<head", in: result),
            let close = result[head...].firstIndex(of: UInt8(ascii: ">"))
        {
            result.insert(contentsOf: Array("<base href=\"\(escape(base))\">".utf8), at: close + 1)
        }
        return result
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }

    private static func matches(_ needle: [UInt8], _ bytes: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[i + k] | 0x20 != needle[k] | 0x20 { return false }
        return true
    }

    /// ASCII case-insensitive search, from the start.
    static func firstIndex(of text: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(text.utf8)
        return bytes.indices.first { matches(needle, bytes, at: $0) }
    }

    /// ASCII case-insensitive search, from the end.
    static func lastIndex(of text: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(text.utf8)
        return bytes.indices.reversed().first { matches(needle, bytes, at: $0) }
    }

    /// The script itself.
    static let source = #"""
        (() => {
          "use strict";
          const me = document.currentScript;
          const file = me.dataset.file;
          const etag = me.dataset.etag;
          let retries = 0;
          let overlay = null;

          // A same-origin address as the site path of the file it serves.
          function sitePath(address) {
            const url = new URL(address, location.href);
            if (url.origin !== location.origin) return null;
            let path = decodeURIComponent(url.pathname).replace(/^\/+/, "");
            if (path === "" || path.endsWith("/")) path += "index.html";
            return path;
          }

          function showErrors(errors) {
            if (!errors || errors.length === 0) {
              if (overlay) overlay.remove();
              overlay = null;
              return;
            }
            if (!overlay) {
              overlay = document.createElement("brief-errors");
              overlay.attachShadow({ mode: "open" });
              document.documentElement.appendChild(overlay);
            }
            const root = overlay.shadowRoot;
            root.innerHTML = `<style>
              :host { all: initial; position: fixed; inset: 0; z-index: 2147483647; display: block;
                      background: rgba(20, 20, 20, 0.95); color: #f3f3f3; overflow: auto;
                      font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
              div { max-width: 70rem; margin: 3rem auto; padding: 0 1.5rem; }
              h2 { font: 600 1.1rem/1.4 system-ui, sans-serif; color: #ff8a80; margin: 0 0 .5rem; }
              p { font: 0.95rem/1.4 system-ui, sans-serif; margin: 0 0 1.5rem; color: #ddd; }
              pre { white-space: pre-wrap; margin: 0 0 .75rem; padding: .75rem 1rem; background: #2a2a2a;
                    border-left: 4px solid #ff5252; }
            </style><div role="alert"><h2>The last build failed</h2>
              <p>brief is still serving the last good site. Fix the problem and save: this message goes away.</p>
            </div>`;
            const box = root.querySelector("div");
            for (const error of errors) {
              const pre = document.createElement("pre");
              pre.className = "diagnostic";
              pre.textContent = error;
              box.appendChild(pre);
            }
          }

          // Style sheets are swapped without a reload: the new one replaces the old once loaded.
          function swapStyleSheet(link, build) {
            const next = link.cloneNode();
            const url = new URL(link.href);
            url.searchParams.set("brief-build", build);
            next.href = url.href;
            next.addEventListener("load", () => link.remove());
            next.addEventListener("error", () => next.remove());
            link.after(next);
          }

          function apply(message) {
            showErrors(message.errors);
            if (message.stale || message.all) return location.reload();
            const changed = new Set(message.changed);
            if (changed.size === 0) return;
            if (changed.has(file) || changed.has(sitePath(location.href))) return location.reload();
            const sheets = [];
            for (const element of document.querySelectorAll("script[src], img[src], link[href], source[src]")) {
              const address = element.getAttribute("src") || element.getAttribute("href");
              const path = sitePath(new URL(address, document.baseURI).href);
              if (path === null || !changed.has(path)) continue;
              const rel = (element.getAttribute("rel") || "").toLowerCase().split(/\s+/);
              if (element.tagName === "LINK" && rel.includes("stylesheet")) { sheets.push(element); continue; }
              if (element.tagName === "LINK" && !rel.includes("icon")) continue;
              return location.reload();
            }
            for (const sheet of sheets) swapStyleSheet(sheet, message.build);
          }

          function connect() {
            const scheme = location.protocol === "https:" ? "wss:" : "ws:";
            const query = `file=${encodeURIComponent(file)}&etag=${encodeURIComponent(etag)}` +
              `&page=${encodeURIComponent(location.pathname)}`;
            const socket = new WebSocket(`${scheme}//${location.host}/__brief/live?${query}`);
            socket.onopen = () => { retries = 0; };
            socket.onmessage = (event) => apply(JSON.parse(event.data));
            socket.onclose = () => setTimeout(connect, Math.min(2000, 100 * 2 ** retries++));
          }
          connect();
        })();
        """#
}
