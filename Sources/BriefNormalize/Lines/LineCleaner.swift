import BriefModel

/// Normalizes the characters of one line: every kind of space becomes one plain space,
/// invisible characters go, and the line is trimmed.
enum LineCleaner {
    static func clean(_ line: Substring) -> String {
        line.withBytes { bytes in
            if isClean(bytes) { return String(decoding: bytes, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                var pendingSpace = false
                var i = 0
                while i < bytes.count {
                    let (kind, length) = classify(bytes, i)
                    switch kind {
                    case .space:
                        pendingSpace = n > 0
                    case .invisible:
                        break
                    case .text:
                        if pendingSpace {
                            out[n] = 0x20
                            n += 1
                            pendingSpace = false
                        }
                        for k in 0..<length { out[n + k] = bytes[i + k] }
                        n += length
                    }
                    i += length
                }
                return n
            }
        }
    }

    private enum Kind { case space, invisible, text }

    /// What the character starting at `i` is, and its length in bytes.
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Kind, Int) {
        let b = bytes[i]
        if b < 0x80 {
            if b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C { return (.space, 1) }
            return (b < 0x20 || b == 0x7F ? .invisible : .text, 1)
        }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard i + length <= bytes.count else { return (.text, bytes.count - i) }
        let b1 = length > 1 ? bytes[i + 1] : 0
        let b2 = length > 2 ? bytes[i + 2] : 0
        switch (b, b1, b2) {
        case (0xC2, 0xA0, _): return (.space, 2)  // no-break space
        case (0xC2, 0xAD, _): return (.invisible, 2)  // soft hyphen
        case (0xE1, 0x9A, 0x80), (0xE3, 0x80, 0x80): return (.space, 3)  // ogham and ideographic spaces
        case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F):
            return (.space, 3)  // en, em, thin, narrow spaces; line separators
        case (0xE2, 0x80, 0x8B...0x8D), (0xE2, 0x81, 0xA0), (0xEF, 0xBB, 0xBF), (0xEF, 0xBF, 0xBD):
            return (.invisible, 3)  // zero-width characters, BOM, replacement character
        default:
            return (.text, length)
        }
    }

    /// Plain ASCII without tabs, controls, doubled or outer spaces: the common case, kept as it is.
    /// Judged eight bytes at a time, the rest byte by byte.
    private static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        guard first != 0x20, bytes[bytes.count - 1] != 0x20 else { return false }
        let raw = UnsafeRawBufferPointer(bytes)
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        // The high bit of each space byte of the previous eight.
        var spaces: UInt64 = 0
        var i = 0
        while i + 8 <= bytes.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A byte of 0x80 or more, or under 0x20 (the borrow only spreads above a byte that is).
            guard w & high == 0, (w &- ones &* 0x20) & ~w & high == 0, !hasByte(w, 0x7F) else { return false }
            let x = w ^ (ones &* 0x20)
            let now = ~(((x & ~high) &+ ~high) | x) & high
            guard now & ((now << 8) | (spaces >> 56)) == 0 else { return false }
            spaces = now
            i += 8
        }
        var previousSpace = spaces >> 63 != 0
        for b in bytes[i...] {
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

    /// Whether one of the eight bytes is `byte`.
    @inline(__always)
    private static func hasByte(_ w: UInt64, _ byte: UInt8) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let x = w ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (((x & ~high) &+ ~high) | x) & high != high
    }
}
