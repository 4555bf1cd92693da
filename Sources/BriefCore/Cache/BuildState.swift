/// What the last successful build wrote, kept in the cache to make the next build incremental.
struct BuildState: Sendable {
    /// Settings, theme, gazetteer and brief version the site was built with.
    var globalKey: UInt64
    /// The key of every source file read (relative to `Content/`).
    var sourceKeys: [String: UInt64]
    /// Every file of the output: what it was made from and what its bytes hash to.
    var outputs: [String: Output]
    /// The output folder and its inode, to tell it from a folder someone put there since.
    var outputPath: String
    var outputInode: UInt64
    /// The summary and warnings of that build, repeated when nothing changed.
    var counts: [Int]
    var diagnostics: [Diagnostic]

    struct Output: Equatable, Sendable {
        var fingerprint: UInt64
        var contentHash: UInt64
    }

    static let magic = Array("BRIEFSTATE".utf8)

    func encoded() -> [UInt8] {
        var w = BinaryWriter(capacity: 64 * outputs.count + 64 * sourceKeys.count)
        w.string(BuildCache.version)
        w.uint64(globalKey)
        // In dictionary order: the cache need not be byte-for-byte reproducible, and sorting 50,000 paths costs.
        w.array(Array(sourceKeys)) { w, entry in w.string(entry.key); w.uint64(entry.value) }
        w.array(Array(outputs)) { w, entry in
            w.string(entry.key)
            w.uint64(entry.value.fingerprint)
            w.uint64(entry.value.contentHash)
        }
        w.string(outputPath)
        w.uint64(outputInode)
        w.array(counts) { $0.int($1) }
        w.array(diagnostics) { w, d in
            w.bool(d.severity == .error)
            w.string(d.file)
            w.int(d.line)
            w.int(d.column)
            w.string(d.message)
        }
        return Self.magic + w.bytes
    }

    init(globalKey: UInt64, sourceKeys: [String: UInt64], outputs: [String: Output], outputPath: String, outputInode: UInt64,
         counts: [Int], diagnostics: [Diagnostic]) {
        self.globalKey = globalKey
        self.sourceKeys = sourceKeys
        self.outputs = outputs
        self.outputPath = outputPath
        self.outputInode = outputInode
        self.counts = counts
        self.diagnostics = diagnostics
    }

    init(decoding bytes: [UInt8]) throws(BinaryReader.Malformed) {
        guard bytes.starts(with: Self.magic) else { throw BinaryReader.Malformed() }
        var r = BinaryReader(Array(bytes.dropFirst(Self.magic.count)))
        guard try r.string() == BuildCache.version else { throw BinaryReader.Malformed() }
        globalKey = try r.uint64()
        var sources: [String: UInt64] = [:]
        for (key, value) in try r.array({ r throws(BinaryReader.Malformed) in (try r.string(), try r.uint64()) }) { sources[key] = value }
        sourceKeys = sources
        var outputs: [String: Output] = [:]
        for (key, value) in try r.array({ r throws(BinaryReader.Malformed) in
            (try r.string(), Output(fingerprint: try r.uint64(), contentHash: try r.uint64()))
        }) { outputs[key] = value }
        self.outputs = outputs
        outputPath = try r.string()
        outputInode = try r.uint64()
        counts = try r.array { r throws(BinaryReader.Malformed) in try r.int() }
        diagnostics = try r.array { r throws(BinaryReader.Malformed) -> Diagnostic in
            let severity: Diagnostic.Severity = try r.bool() ? .error : .warning
            return Diagnostic(severity, file: try r.string(), line: try r.int(), column: try r.int(), try r.string())
        }
        guard r.isAtEnd else { throw BinaryReader.Malformed() }
    }
}
