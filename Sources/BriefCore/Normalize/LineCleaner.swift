/// Normalizes the characters of one line: every kind of space becomes one plain space,
/// invisible characters go, and the line is trimmed.
enum LineCleaner {
    static func clean(_ line: Substring) -> String {
        if isClean(line.utf8) { return String(line) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                pendingSpace = !out.isEmpty
            case 0x00...0x08, 0x0E...0x1F, 0x7F, 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF, 0xFFFD:
                continue
            default:
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Plain ASCII without tabs, controls, doubled or outer spaces: the common case, kept as it is.
    private static func isClean(_ bytes: Substring.UTF8View) -> Bool {
        var previousSpace = true
        for b in bytes {
            if b >= 0x7F || (b < 0x20) { return false }
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                previousSpace = false
            }
        }
        return !previousSpace || bytes.isEmpty
    }
}
