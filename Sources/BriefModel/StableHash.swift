/// A hash that is the same on every run and machine (FNV-1a, 64 bits), unlike `Hasher`.
public enum StableHash {
    /// The hash of a string's UTF-8 bytes.
    public static func value(_ text: String) -> UInt64 {
        text.withBytes { value(bytes: $0) }
    }

    /// The hash of some bytes; pass a previous hash as `seed` to hash several pieces as one.
    public static func value<S: Sequence>(bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64
    where S.Element == UInt8 {
        var hash = seed
        for b in bytes {
            hash ^= UInt64(b)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    /// The hash of a string in lower-case hex, cut to `digits` (at most 16), for short stable names.
    public static func hex(_ text: String, digits: Int = 16) -> String {
        String(String(value(text), radix: 16).leftPadded(16).prefix(digits))
    }
}

extension String {
    /// The text padded on the left to `width` characters.
    package func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
