#if canImport(Glibc)
    import Glibc
#endif

/// Byte-level substring tests on UTF-8, for the normalizer's hot paths.
///
/// Foundation's `contains` compares with Unicode folding and is far too slow for
/// megabytes of text; the texts compared here are already normalized, so bytes suffice.
extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte.
    package func containsBytes(_ needle: String) -> Bool { ByteSearch.contains(needle, in: self) }

    /// Whether the text starts with `prefix`, compared byte for byte.
    package func hasPrefixBytes(_ prefix: some StringProtocol) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    /// Whether the text ends with `suffix`, compared byte for byte.
    package func hasSuffixBytes(_ suffix: some StringProtocol) -> Bool {
        withBytes { bytes in
            suffix.withBytes { end in bytes.count >= end.count && bytes[(bytes.count - end.count)...].elementsEqual(end)
            }
        }
    }
}

// `String` and `Substring` in particular: hot loops call these hundreds of thousands of times, and from another
// module the generic version goes through the protocol's witnesses, which costs more than the search.
extension String {
    /// Whether `needle` occurs in the text, compared byte for byte.
    package func containsBytes(_ needle: String) -> Bool { ByteSearch.contains(needle, in: self) }
}

extension Substring {
    /// Whether `needle` occurs in the text, compared byte for byte.
    package func containsBytes(_ needle: String) -> Bool { ByteSearch.contains(needle, in: self) }
}

/// Finds bytes in bytes, with `memchr` for the first byte: far faster than a generic collection search.
package enum ByteSearch {
    /// Whether `needle` occurs in `text`, compared byte for byte (`containsBytes`).
    @inline(__always)
    static func contains(_ needle: String, in text: some StringProtocol) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { firstIndex(of: $0, in: haystack) != nil }
        }
        return (found ?? nil) ?? (firstIndex(of: Array(needle.utf8), in: Array(text.utf8)) != nil)
    }

    /// The offset of the first occurrence of `needle` in `haystack`.
    package static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { firstIndex(of: $0, in: h) } }
    }

    /// The offset of the first occurrence of `needle` in `haystack`; 0 for an empty needle.
    package static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>)
        -> Int?
    {
        guard !needle.isEmpty else { return 0 }
        guard haystack.count >= needle.count, let h = haystack.baseAddress, let n = needle.baseAddress else {
            return nil
        }
        let last = haystack.count - needle.count
        var i = 0
        // memchr finds the candidates for the first byte much faster than a loop over the bytes.
        while i <= last, let hit = memchr(h + i, Int32(n.pointee), last - i + 1) {
            let at = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(h + at, n, needle.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}

extension StringProtocol {
    /// Runs `body` over the text's UTF-8 bytes without copying them when the storage allows it.
    @inlinable
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension StringProtocol {
    /// Whether the text holds the byte, found with `memchr`.
    package func containsByte(_ byte: UInt8) -> Bool {
        withBytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether any byte of the text passes `test`, over contiguous bytes.
    @inlinable
    package func containsByte(where test: (UInt8) -> Bool) -> Bool {
        withBytes { bytes in
            for b in bytes where test(b) { return true }
            return false
        }
    }
}
