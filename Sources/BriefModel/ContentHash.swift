/// A fast 64-bit hash of large byte buffers (eight bytes at a time), for cache keys and
/// output comparison. Stable across runs and machines, unlike `Hasher`.
package enum ContentHash {
    /// The hash of a buffer; a different `seed` gives an unrelated hash of the same bytes.
    package static func of(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ seed ^ (UInt64(bytes.count) &* 0xFF51_AFD7_ED55_8CCD)
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        return mix(mix(h ^ tail) ^ 0x94D0_49BB_1331_11EB)
    }

    /// The hash of a byte array.
    package static func of(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBufferPointer { of($0, seed: seed) }
    }

    /// The hash of a string's UTF-8 bytes.
    package static func of(_ text: String, seed: UInt64 = 0) -> UInt64 {
        text.withBytes { of($0, seed: seed) }
    }

    /// A file given in pieces: one piece hashes as its bytes do, several by their hashes (made in parallel).
    package static func of(pieces: [[UInt8]]) -> UInt64 {
        guard pieces.count != 1 else { return of(pieces[0]) }
        var hash = Fingerprint(UInt64(pieces.count))
        for piece in Parallel.map(pieces.count, { of(pieces[$0]) }) { hash.add(piece) }
        return hash.value
    }

    /// Scrambles 64 bits so that every input bit affects every output bit (SplitMix64's finalizer).
    @inline(__always)
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z &*= 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}
