import BriefCompanies
import BriefModel
import BriefNormalize
import BriefSite
import FuzzSupport

/// Bytes as YAML, read by each of brief's three YAML readers: front matter, `brief.yml` and `companies.yml`.
fuzz { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    _ = Normalizer.normalize(SourceText(path: "f.md", format: .markdown, text: "---\n" + text + "\n---\nBody.\n"))
    var diagnostics = Diagnostics()
    _ = SiteConfig.parse(text, path: "brief.yml", into: &diagnostics)
    _ = try? GazetteerFile.parse(text, path: "companies.yml", extending: nil, into: &diagnostics)
}
