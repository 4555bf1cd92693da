/// Byte-level substring tests on UTF-8, for the normalizer's hot paths.
///
/// Foundation's `contains` compares with Unicode folding and is far too slow for
/// megabytes of text; the texts compared here are already normalized, so bytes suffice.
extension StringProtocol {
    func containsBytes(_ needle: String) -> Bool {
        ByteSearch.firstIndex(of: Array(needle.utf8), in: Array(utf8)) != nil
    }

    func hasPrefixBytes(_ prefix: some StringProtocol) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    func hasSuffixBytes(_ suffix: some StringProtocol) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.reversed().starts(with: suffix.utf8.reversed())
    }
}

enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack`.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first else { return 0 }
        guard haystack.count >= needle.count else { return nil }
        let last = haystack.count - needle.count
        var i = 0
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
