import BriefModel
import BriefFileSystem
/// What the last successful build wrote, kept in the cache to make the next build incremental.
struct BuildState: Sendable {
    /// What every page of the site was built with: brief, the settings every page shows, the options
    /// (`SiteBuilder.globalKey`).
    var globalKey: UInt64
    /// The theme, gazetteer and settings file it was built with: besides `globalKey`, what tells
    /// whether anything changed; a change of these redraws only the pages it touches.
    var otherInputsKey: UInt64
    /// Every source file read (relative to `Content/`): its key, and what tells a rebuild it is unchanged.
    var sources: [String: Source]
    /// When that build began reading sources, in nanoseconds since 1970.
    var readStarted: UInt64
    /// Every file of the output: what it was made from and what its bytes hash to.
    var outputs: [String: Output]
    /// The output folder and its inode, to tell it from a folder someone put there since.
    var outputPath: String
    var outputInode: UInt64
    /// The summary and warnings of that build, repeated when nothing changed.
    var counts: [Int]
    var diagnostics: [Diagnostic]

    struct Source: Equatable, Sendable {
        var key: UInt64
        var contentHash: UInt64
        var stamp: FileStamp
    }

    var sourceKeys: [String: UInt64] { sources.mapValues(\.key) }

    struct Output: Equatable, Sendable {
        var fingerprint: UInt64
        var contentHash: UInt64
    }

    static let magic = Array("BRIEFSTATE".utf8)

    func encoded() -> [UInt8] {
        var w = BinaryWriter(capacity: 64 * outputs.count + 96 * sources.count)
        w.string(BuildCache.version)
        w.uint64(globalKey)
        w.uint64(otherInputsKey)
        // In dictionary order: the cache need not be byte-for-byte reproducible, and sorting 50,000 paths costs.
        w.array(Array(sources)) { w, entry in
            w.string(entry.key)
            for value in [entry.value.key, entry.value.contentHash, entry.value.stamp.device, entry.value.stamp.inode,
                          entry.value.stamp.size, entry.value.stamp.modified, entry.value.stamp.changed] {
                w.uint64(value)
            }
        }
        w.uint64(readStarted)
        w.array(Array(outputs)) { w, entry in
            w.string(entry.key)
            w.uint64(entry.value.fingerprint)
            w.uint64(entry.value.contentHash)
        }
        w.string(outputPath)
        w.uint64(outputInode)
        w.array(counts) { $0.int($1) }
        w.array(diagnostics) { $0.diagnostic($1) }
        return Self.magic + w.bytes
    }
}

// In an extension, so that the struct keeps its memberwise initializer.
extension BuildState {
    init(decoding bytes: [UInt8]) throws(BinaryReader.Malformed) {
        guard bytes.starts(with: Self.magic) else { throw BinaryReader.Malformed() }
        var r = BinaryReader(bytes[Self.magic.count...])
        guard try r.string() == BuildCache.version else { throw BinaryReader.Malformed() }
        globalKey = try r.uint64()
        otherInputsKey = try r.uint64()
        let sourceCount = try r.count(limit: bytes.count)
        sources = Dictionary(minimumCapacity: sourceCount)
        for _ in 0..<sourceCount {
            let path = try r.string()
            let key = try r.uint64(), contentHash = try r.uint64()
            let stamp = FileStamp(device: try r.uint64(), inode: try r.uint64(), size: try r.uint64(),
                                  modified: try r.uint64(), changed: try r.uint64())
            sources[path] = Source(key: key, contentHash: contentHash, stamp: stamp)
        }
        readStarted = try r.uint64()
        let outputCount = try r.count(limit: bytes.count)
        outputs = Dictionary(minimumCapacity: outputCount)
        for _ in 0..<outputCount {
            let path = try r.string()
            outputs[path] = Output(fingerprint: try r.uint64(), contentHash: try r.uint64())
        }
        outputPath = try r.string()
        outputInode = try r.uint64()
        counts = try r.array { r throws(BinaryReader.Malformed) in try r.int() }
        diagnostics = try r.array { r throws(BinaryReader.Malformed) in try r.diagnostic() }
        guard r.isAtEnd else { throw BinaryReader.Malformed() }
    }
}
