/// The buffer a render writes into.
///
/// Appending to a `String` costs bookkeeping per call, and turning a byte buffer into a `String`
/// costs a UTF-8 validation that is slow once non-ASCII text appears. So small ASCII pieces
/// (most of a page: markup, names, numbers) gather as bytes and move into the string in batches,
/// which validate on the fast ASCII path, while other text is appended to the string directly.
struct RenderOutput {
    private var string = ""
    private let ascii: ByteBuffer

    /// Values longer than this skip the ASCII scan and go straight into the string.
    private static let scanLimit = 256

    /// `capacity` is the expected output size in bytes.
    init(capacity: Int) {
        ascii = ByteBuffer(capacity: capacity)
    }

    /// Appends text known to be ASCII.
    @inline(__always)
    mutating func appendASCII(_ text: String) {
        let ascii = self.ascii
        if text.utf8.withContiguousStorageIfAvailable({ ascii.append($0) }) == nil {
            ascii.append(Array(text.utf8))
        }
    }

    /// Appends bytes known to be ASCII.
    @inline(__always)
    mutating func appendASCII(_ bytes: UnsafeBufferPointer<UInt8>) {
        ascii.append(bytes)
    }

    /// Appends bytes known to be ASCII. (Through a buffer pointer: `append(contentsOf:)` would
    /// take its own reference to the array.)
    @inline(__always)
    mutating func appendASCII(_ bytes: [UInt8]) {
        ascii.append(bytes)
    }

    /// Appends text that may hold non-ASCII characters.
    mutating func appendNonASCII(_ text: String) {
        flush()
        string.append(text)
    }

    /// Appends any text, checking short text for the ASCII path.
    mutating func append(_ text: String) {
        let utf8 = text.utf8
        let ascii = self.ascii
        let handled =
            utf8.count <= RenderOutput.scanLimit
            && utf8.withContiguousStorageIfAvailable({ bytes in
                guard RenderOutput.isASCII(bytes) else { return false }
                ascii.append(bytes)
                return true
            }) == true
        if !handled {
            appendNonASCII(text)
        }
    }

    /// Appends parsed template text.
    @inline(__always)
    mutating func append(_ text: Node.Text) {
        if text.isASCII { appendASCII(text.bytes) } else { appendNonASCII(text.string) }
    }

    /// The bytes written so far.
    var byteCount: Int { string.utf8.count + ascii.count }

    mutating func finish() -> String {
        flush()
        return string
    }

    private mutating func flush() {
        guard ascii.count > 0 else { return }
        let batch = String(decoding: ascii.bytes, as: UTF8.self)
        if string.isEmpty { string = batch } else { string.append(batch) }
        ascii.removeAll()
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        return high < 0x80
    }
}

/// A growable byte buffer with a plain `memcpy` append; `Array.append(contentsOf:)` costs several
/// times more per call, and a render makes hundreds of small appends.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toAtLeast: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    func removeAll() { count = 0 }

    private func grow(toAtLeast needed: Int) {
        let newCapacity = max(capacity * 2, needed)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
