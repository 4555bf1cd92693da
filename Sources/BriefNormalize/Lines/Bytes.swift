import BriefModel
import Foundation

/// Byte-level tests shared by the per-line checks: every line of every source goes through them,
/// so they read UTF-8 bytes instead of iterating `Character`s or searching with Foundation.
enum Bytes {
    /// Whether two buffers hold the same bytes.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    /// Whether `byte` occurs in the first `limit` bytes of the text.
    static func contains(_ byte: UInt8, inFirst limit: Int, of text: some StringProtocol) -> Bool {
        text.withBytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), min(limit, bytes.count)) != nil
        }
    }

    /// A set of ASCII bytes, tested with a shift and a mask instead of a comparison per member.
    struct ASCIISet {
        private var low: UInt64 = 0
        private var high: UInt64 = 0
        private var members: [Int32] = []

        init(_ members: String) {
            for b in members.utf8 {
                precondition(b < 0x80, "ASCII only")
                if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
                self.members.append(Int32(b))
            }
        }

        @inline(__always)
        func contains(_ b: UInt8) -> Bool {
            b < 64 ? low & (1 << UInt64(b)) != 0 : b < 128 && high & (1 << UInt64(b &- 64)) != 0
        }

        /// Whether any byte of the text is in the set (one `memchr` per member: for a few members
        /// that is much faster than a test per byte).
        func containsAny(in text: String) -> Bool {
            text.withBytes { bytes in
                guard let base = bytes.baseAddress else { return false }
                for member in members where memchr(base, member, bytes.count) != nil { return true }
                return false
            }
        }
    }
}
