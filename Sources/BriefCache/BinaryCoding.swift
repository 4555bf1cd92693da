import BriefModel

/// A compact binary form for the build cache: little-endian integers and length-prefixed
/// UTF-8, much faster to write and read than JSON for a hundred megabytes of stories.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
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

    /// The bytes not read yet: a bound on any count still to come, each item taking at least one byte.
    var remaining: Int { bytes.endIndex - offset }

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
        let n = try count(limit: remaining)
        var values: [T] = []
        values.reserveCapacity(min(n, 4096))
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }
}
