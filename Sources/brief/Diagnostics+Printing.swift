import BriefCore
import BriefModel
import Foundation

/// Prints diagnostics to standard error in the compiler format, one per line, with control
/// characters made visible (see `terminalSafe`).
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let text = diagnostics.map { terminalSafe($0.description) }.joined(separator: "\n") + "\n"
    FileHandle.standardError.write(Data(text.utf8))
}

/// A line of information (not a warning) on standard error.
func printNote(_ text: String) {
    FileHandle.standardError.write(Data((terminalSafe(text) + "\n").utf8))
}

/// Text from content (a slug, a key, a file name) as a terminal may show it: control characters
/// (C0, DEL, C1), bidirectional overrides, isolates and marks, and line separators become
/// `\u{1B}`-style escapes. Otherwise `ESC ]0;…` would retitle the terminal of whoever builds,
/// `ESC [2J` clear it, and a right-to-left override make a line read differently than it is.
func terminalSafe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        if needsEscape(scalar) {
            result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

private func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true  // C0 (tab and newline too: one diagnostic, one line), DEL, C1
    case 0x061C, 0x200E, 0x200F: true  // bidirectional marks
    case 0x202A...0x202E, 0x2066...0x2069: true  // bidirectional embeddings, overrides and isolates
    case 0x2028, 0x2029: true  // line and paragraph separators
    default: false
    }
}

/// "1 story", "4 stories"
func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : (plural ?? singular + "s"))"
}
