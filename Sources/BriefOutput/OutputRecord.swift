import BriefFileSystem

/// What a build knows of one file it put in the output, kept in the build state so that the next
/// build can tell what to make again (`fingerprint`), what to write again (`contentHash`) and
/// what changed on disk since (`stamp`).
package struct OutputRecord: Equatable, Sendable {
    /// The hash of everything the file was made from: equal next time, it need not be made again.
    package var fingerprint: UInt64
    /// The hash of the file's bytes, to tell whether a new version differs.
    package var contentHash: UInt64
    /// What `stat` said of the file once it was in place, to tell whether it changed since.
    package var stamp: OutputStamp

    /// Records one output file; without a stamp, the next build does not trust the file on disk.
    package init(fingerprint: UInt64, contentHash: UInt64, stamp: OutputStamp = .unknown) {
        self.fingerprint = fingerprint
        self.contentHash = contentHash
        self.stamp = stamp
    }
}
