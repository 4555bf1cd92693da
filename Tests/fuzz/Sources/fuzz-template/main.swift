import BriefTemplate
import Foundation
import FuzzSupport

/// Partials the fuzzed template can call: one with a block to override, one that recurses, a parent.
let partials: [Template] = [
    try! Template(name: "partials/card", source: "<p>{{title}}{{$extra}} (default){{/extra}}</p>\n"),
    try! Template(name: "loop", source: "{{#items}}{{>loop}}{{/items}}"),
    try! Template(name: "layout", source: "<main>{{$body}}{{/body}}</main>{{>card}}"),
]

/// Bytes as `template NUL json`: the template is parsed and, when it parses, rendered with the JSON as
/// data (an empty dictionary when it is not JSON), strictly when the first byte is odd (`{` is).
fuzz { bytes in
    let split = bytes.firstIndex(of: 0) ?? bytes.endIndex
    let source = String(decoding: bytes[..<split], as: UTF8.self)
    guard let template = try? Template(name: "fuzz", path: "fuzz.mustache", source: source) else { return }
    let json = split < bytes.endIndex ? Data(bytes[(split + 1)...]) : Data()
    let value = (try? TemplateValue(json: json)) ?? .dictionary([:])
    let options = RenderOptions(strict: (bytes.first ?? 0) & 1 == 1, missingPartialIsError: true)
    let library = TemplateLibrary([template] + partials)
    _ = try? library.render("fuzz", value, options: options)
    _ = library.missingReferences()
}
