/// The buffer a render writes into.
///
/// Appending to a `String` costs bookkeeping per call, and turning a byte buffer into a `String`
/// costs a UTF-8 validation that is slow once non-ASCII text appears. So small ASCII pieces
/// (most of a page: markup, names, numbers) gather as bytes and move into the string in batches,
/// which validate on the fast ASCII path, while other text is appended to the string directly.
struct RenderOutput {
    private var string = ""
    private var ascii: [UInt8] = []

    /// Values longer than this skip the ASCII scan and go straight into the string.
    private static let scanLimit = 256

    init(capacity: Int) {
        string.reserveCapacity(capacity)
        ascii.reserveCapacity(2048)
    }

    /// Appends text known to be ASCII.
    @inline(__always)
    mutating func appendASCII(_ text: String) {
        ascii.append(contentsOf: text.utf8)
    }

    /// Appends bytes known to be ASCII.
    @inline(__always)
    mutating func appendASCII(_ bytes: UnsafeBufferPointer<UInt8>) {
        ascii.append(contentsOf: bytes)
    }

    /// Appends bytes known to be ASCII.
    @inline(__always)
    mutating func appendASCII(_ bytes: [UInt8]) {
        ascii.append(contentsOf: bytes)
    }

    /// Appends text that may hold non-ASCII characters.
    mutating func appendNonASCII(_ text: String) {
        flush()
        string.append(text)
    }

    /// Appends any text, checking short text for the ASCII path.
    mutating func append(_ text: String) {
        let utf8 = text.utf8
        if utf8.count <= RenderOutput.scanLimit,
           utf8.withContiguousStorageIfAvailable({ RenderOutput.isASCII($0) }) == true {
            ascii.append(contentsOf: utf8)
        } else {
            appendNonASCII(text)
        }
    }

    /// Appends parsed template text.
    @inline(__always)
    mutating func append(_ text: Node.Text) {
        if text.isASCII { ascii.append(contentsOf: text.bytes) } else { appendNonASCII(text.string) }
    }

    mutating func finish() -> String {
        flush()
        return string
    }

    private mutating func flush() {
        guard !ascii.isEmpty else { return }
        string.append(String(decoding: ascii, as: UTF8.self))
        ascii.removeAll(keepingCapacity: true)
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        return high < 0x80
    }
}
