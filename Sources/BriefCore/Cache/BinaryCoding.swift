import BriefModel
/// A compact binary form for the build cache: little-endian integers and length-prefixed
/// UTF-8, much faster to write and read than JSON for a hundred megabytes of stories.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        for _ in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v)); v >>= 8 }
    }

    mutating func uint64(_ value: UInt64) { int(Int(Int64(bitPattern: value))) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Bytes with their length.
    mutating func byteArray<Bytes: Collection<UInt8>>(_ value: Bytes) {
        int(value.count)
        raw(value)
    }

    /// Bytes as they are, without a length.
    mutating func raw<Bytes: Collection<UInt8>>(_ value: Bytes) { bytes.append(contentsOf: value) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency throws, and the cache entry is ignored.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: ArraySlice<UInt8>
    private var offset: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    init(_ bytes: [UInt8]) { self.init(bytes[...]) }

    var isAtEnd: Bool { offset == bytes.endIndex }

    mutating func int() throws(Malformed) -> Int {
        guard offset + 8 <= bytes.endIndex else { throw Malformed() }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return Int(Int64(bitPattern: v))
    }

    mutating func uint64() throws(Malformed) -> UInt64 { UInt64(bitPattern: Int64(try int())) }

    mutating func count(limit: Int = 1 << 30) throws(Malformed) -> Int {
        let n = try int()
        guard n >= 0, n <= limit else { throw Malformed() }
        return n
    }

    mutating func bool() throws(Malformed) -> Bool {
        guard offset < bytes.endIndex, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws(Malformed) -> String {
        let n = try count()
        guard offset + n <= bytes.endIndex else { throw Malformed() }
        let start = offset - bytes.startIndex
        let text = bytes.withUnsafeBufferPointer { String(validating: $0[start..<(start + n)], as: UTF8.self) }
        guard let text else { throw Malformed() }
        offset += n
        return text
    }

    /// Bytes that share the storage of what is read, without a copy.
    mutating func byteSlice() throws(Malformed) -> ArraySlice<UInt8> {
        let n = try count()
        guard offset + n <= bytes.endIndex else { throw Malformed() }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let n = try count(limit: bytes.count)
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }
}

/// A fast 64-bit hash of large byte buffers (eight bytes at a time), for cache keys and
/// output comparison. Stable across runs and machines, unlike `Hasher`.
enum ContentHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
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

    static func of(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBufferPointer { of($0, seed: seed) }
    }

    static func of(_ text: String, seed: UInt64 = 0) -> UInt64 {
        text.withBytes { of($0, seed: seed) }
    }

    /// A file given in pieces: one piece hashes as its bytes do, several by their hashes (made in parallel).
    static func of(pieces: [[UInt8]]) -> UInt64 {
        guard pieces.count != 1 else { return of(pieces[0]) }
        var hash = Fingerprint(UInt64(pieces.count))
        for piece in Parallel.map(pieces.count, { of(pieces[$0]) }) { hash.add(piece) }
        return hash.value
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z &*= 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}

/// Combines values into one hash, in order: the fingerprint of what a page or file is made of.
struct Fingerprint {
    private(set) var value: UInt64

    init(_ seed: UInt64 = 0) { value = seed ^ 0x2545_F491_4F6C_DD1D }

    mutating func add(_ x: UInt64) { value = ContentHash.mix(value ^ x) &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func add(_ x: Int) { add(UInt64(bitPattern: Int64(x))) }
    mutating func add(_ x: Bool) { add(x ? 1 as UInt64 : 2) }
    mutating func add(_ text: String) { add(ContentHash.of(text)) }
    mutating func add(_ text: String?) { if let text { add(text) } else { add(0x5A5A as UInt64) } }
    mutating func add(_ date: ContentDate?) {
        guard let date else { add(0 as UInt64); return }
        add(date.year * 10000 + date.month * 100 + date.day)
        add(date.secondsOfDay ?? -1)
        add(date.utcOffset ?? Int.min)
    }
}
