import BriefModel

/// Every file of a build's output, as the site stage plans it: where each goes, what its bytes depend
/// on, and how to make them. The writer consumes it (`FilePlan.write`), and a rebuild decides from it
/// alone what to make again: a file whose fingerprint equals the last build's is kept as it is.
///
/// A plan is a value made before anything is written, so the list of a site's files exists in one
/// place, and a test can read it without writing a site.
package struct FilePlan: Sendable {
    /// The files, in the order they are made (each made by one task; the tasks run in parallel).
    package var entries: [Entry] = []

    /// An empty plan.
    package init() {}

    /// One or more files made together: a page, a company's two feeds, the search files.
    package struct Entry: Sendable {
        /// The paths the entry makes, relative to the output folder.
        package var paths: Paths
        /// The hash of everything the files are made from. When it equals the last build's, the files are not
        /// made again. Nil for files cheaper to make than to fingerprint: they are made every time, and
        /// written when their bytes changed.
        package var fingerprint: UInt64?
        /// Makes the files' bytes; a failure (a template error) is reported and fails the build.
        package var make: @Sendable () throws(DiagnosticError) -> [File]

        /// An entry of files whose paths are known before they are made.
        package init(
            _ paths: [String], fingerprint: UInt64?, make: @escaping @Sendable () throws(DiagnosticError) -> [File]
        ) {
            self.paths = .fixed(paths)
            self.fingerprint = fingerprint
            self.make = make
        }

        /// An entry of files named by their content, known only once made; `owns` tells the last build's.
        package init(
            owning owns: @escaping @Sendable (String) -> Bool, fingerprint: UInt64,
            make: @escaping @Sendable () throws(DiagnosticError) -> [File]
        ) {
            self.paths = .owned(owns)
            self.fingerprint = fingerprint
            self.make = make
        }
    }

    /// Where an entry's files go.
    package enum Paths: Sendable {
        /// These paths, one file each.
        case fixed([String])
        /// Paths known once the files are made (named by their content); the predicate tells which of the last
        /// build's files were the entry's.
        case owned(@Sendable (String) -> Bool)
    }

    /// One made file.
    package struct File: Sendable {
        /// Relative to the output folder.
        package var path: String
        /// The bytes.
        package var contents: Contents

        /// A file of text (a page, a feed).
        package init(_ path: String, text: String) {
            self.path = path
            contents = .text(text)
        }

        /// A file of bytes in pieces written one after the other (never joined: the search index is large);
        /// `hash` is the pieces' `ContentHash` when the maker has it already.
        package init(_ path: String, pieces: [[UInt8]], hash: UInt64? = nil) {
            self.path = path
            contents = .pieces(pieces, hash: hash)
        }
    }

    /// A file's bytes.
    package enum Contents: Sendable {
        case text(String)
        case pieces([[UInt8]], hash: UInt64?)

        /// The content hash, as the build state records it.
        var hash: UInt64 {
            switch self {
            case .text(let text): ContentHash.of(text)
            case .pieces(let pieces, let hash): hash ?? ContentHash.of(pieces: pieces)
            }
        }
    }

    /// Adds an entry.
    package mutating func add(_ entry: Entry) { entries.append(entry) }
}
