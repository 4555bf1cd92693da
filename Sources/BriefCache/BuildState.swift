import BriefFileSystem
import BriefModel
import BriefOutput

/// What the last successful build wrote, kept in the cache to make the next build incremental.
package struct BuildState: Sendable {
    /// What every page of the site was built with: brief, the settings every page shows, the options
    /// (`SiteBuilder.globalKey`).
    package var globalKey: UInt64
    /// The theme, gazetteer and settings file it was built with: besides `globalKey`, what tells
    /// whether anything changed; a change of these redraws only the pages it touches.
    package var otherInputsKey: UInt64
    /// Every source file read (relative to `Content/`): its key, and what tells a rebuild it is unchanged.
    package var sources: [String: Source]
    /// When that build began reading sources, in nanoseconds since 1970.
    package var readStarted: UInt64
    /// Every file of the output: what it was made from and what its bytes hash to.
    package var outputs: [String: Output]
    /// The output folder and its inode, to tell it from a folder someone put there since.
    package var outputPath: String
    /// The inode of the output folder then.
    package var outputInode: UInt64
    /// The summary and warnings of that build, repeated when nothing changed.
    package var counts: [Int]
    /// The warnings that build reported, printed again by an up-to-date build.
    package var diagnostics: [Diagnostic]

    /// A state to save after a successful build.
    package init(
        globalKey: UInt64, otherInputsKey: UInt64, sources: [String: Source], readStarted: UInt64,
        outputs: [String: Output], outputPath: String, outputInode: UInt64, counts: [Int],
        diagnostics: [Diagnostic]
    ) {
        self.globalKey = globalKey
        self.otherInputsKey = otherInputsKey
        self.sources = sources
        self.readStarted = readStarted
        self.outputs = outputs
        self.outputPath = outputPath
        self.outputInode = outputInode
        self.counts = counts
        self.diagnostics = diagnostics
    }

    /// What the last build knew of one source file.
    package struct Source: Equatable, Sendable {
        /// The key its processed form is cached under: its content hash with everything processing depends on.
        package var key: UInt64
        /// The hash of the file's bytes, reused without reading them when the stamp shows the file unchanged.
        package var contentHash: UInt64
        /// What `stat` said of the file when it was read.
        package var stamp: FileStamp

        /// Records one source file.
        package init(key: UInt64, contentHash: UInt64, stamp: FileStamp) {
            self.key = key
            self.contentHash = contentHash
            self.stamp = stamp
        }
    }

    /// Each source's cache key by path, to tell which sources changed.
    package var sourceKeys: [String: UInt64] { sources.mapValues(\.key) }

    /// What the last build knew of one output file.
    package typealias Output = OutputRecord

    /// Every output with the stamp it was left with, for `OutputCheck`.
    package var outputStamps: [(path: String, stamp: OutputStamp)] {
        outputs.map { ($0.key, $0.value.stamp) }
    }

    static let magic = Array("BRIEFSTATE".utf8)

    func encoded() -> [UInt8] {
        var w = BinaryWriter(capacity: 88 * outputs.count + 96 * sources.count)
        w.string(BuildCache.version)
        w.uint64(globalKey)
        w.uint64(otherInputsKey)
        // The output first: a build checks it against the disk while it decodes the rest.
        w.string(outputPath)
        w.uint64(outputInode)
        // In dictionary order: the cache need not be byte-for-byte reproducible, and sorting 50,000 paths costs.
        w.array(Array(outputs)) { w, entry in
            w.string(entry.key)
            let stamp = entry.value.stamp
            for value in [entry.value.fingerprint, entry.value.contentHash, stamp.inode, stamp.size, stamp.modified] {
                w.uint64(value)
            }
        }
        w.array(Array(sources)) { w, entry in
            w.string(entry.key)
            for value in [
                entry.value.key, entry.value.contentHash, entry.value.stamp.device, entry.value.stamp.inode,
                entry.value.stamp.size, entry.value.stamp.modified, entry.value.stamp.changed,
            ] {
                w.uint64(value)
            }
        }
        w.uint64(readStarted)
        w.array(counts) { $0.int($1) }
        w.array(diagnostics) { $0.diagnostic($1) }
        let file = Self.magic + w.bytes
        var checksum = BinaryWriter(capacity: 8)
        checksum.uint64(ContentHash.of(file))
        return file + checksum.bytes
    }
}

extension BuildState {
    /// Decodes a state file: the magic, the state, and the checksum of both.
    /// - Parameter outputsRead: called with the output folder, its inode and every output with its stamp as
    ///   soon as they are decoded, before the rest is: time enough to start checking them.
    init(decoding bytes: [UInt8], outputsRead: OutputsRead? = nil) throws(BinaryReader.Malformed) {
        guard bytes.count >= Self.magic.count + 8, bytes.starts(with: Self.magic) else {
            throw BinaryReader.Malformed()
        }
        let body = bytes[..<(bytes.count - 8)]
        var checksum = BinaryReader(bytes[(bytes.count - 8)...])
        guard try checksum.uint64() == body.withUnsafeBufferPointer({ ContentHash.of($0) }) else {
            throw BinaryReader.Malformed()
        }
        try self.init(decodingBody: body[Self.magic.count...], outputsRead: outputsRead)
    }

    /// Given the output folder, its inode and each output with its stamp, before the rest of the state is decoded.
    package typealias OutputsRead =
        (_ path: String, _ inode: UInt64, _ outputs: [(path: String, stamp: OutputStamp)]) -> Void

    /// Decodes the state between the magic and the checksum.
    init(decodingBody bytes: ArraySlice<UInt8>, outputsRead: OutputsRead? = nil) throws(BinaryReader.Malformed) {
        var r = BinaryReader(bytes)
        guard try r.string() == BuildCache.version else { throw BinaryReader.Malformed() }
        globalKey = try r.uint64()
        otherInputsKey = try r.uint64()
        outputPath = try r.string()
        outputInode = try r.uint64()
        let outputCount = try r.count(limit: r.remaining)
        outputs = Dictionary(minimumCapacity: outputCount)
        var stamps: [(path: String, stamp: OutputStamp)] = []
        stamps.reserveCapacity(outputsRead == nil ? 0 : outputCount)
        for _ in 0..<outputCount {
            let path = try r.string()
            let fingerprint = try r.uint64()
            let contentHash = try r.uint64()
            let stamp = OutputStamp(inode: try r.uint64(), size: try r.uint64(), modified: try r.uint64())
            outputs[path] = Output(fingerprint: fingerprint, contentHash: contentHash, stamp: stamp)
            if outputsRead != nil { stamps.append((path, stamp)) }
        }
        outputsRead?(outputPath, outputInode, stamps)
        let sourceCount = try r.count(limit: r.remaining)
        sources = Dictionary(minimumCapacity: sourceCount)
        for _ in 0..<sourceCount {
            let path = try r.string()
            let key = try r.uint64()
            let contentHash = try r.uint64()
            let stamp = FileStamp(
                device: try r.uint64(), inode: try r.uint64(), size: try r.uint64(),
                modified: try r.uint64(), changed: try r.uint64())
            sources[path] = Source(key: key, contentHash: contentHash, stamp: stamp)
        }
        readStarted = try r.uint64()
        counts = try r.array { r throws(BinaryReader.Malformed) in try r.int() }
        diagnostics = try r.array { r throws(BinaryReader.Malformed) in try r.diagnostic() }
        guard r.isAtEnd else { throw BinaryReader.Malformed() }
    }
}
