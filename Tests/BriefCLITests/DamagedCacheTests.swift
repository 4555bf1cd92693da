import Foundation
import XCTest

/// `.brief-cache/` is verified, never trusted: a record that fails its checksum, or whose length
/// does not fit its file, counts as missing and its source is processed again; `--clean` never
/// reads the old cache. Whatever the damage, the site is the one a clean build gives.
final class DamagedCacheTests: XCTestCase {
    /// The case: "Powerwall" turned into "Powerwull" inside a pack must never be published.
    func testFlippedBytesInAPackNeverReachThePages() throws {
        let folder = try BriefRunner.sampleSite(self)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let changed = try rewritePacks(in: folder) {
            replacing(Array("Powerwall".utf8), with: Array("Powerwull".utf8), in: $0)
        }
        XCTAssertGreaterThan(changed, 0, "no pack holds the word")
        // A setting every page shows: the build reads every record from the cache again.
        try E2E.write("title: Damaged Cache\n", "brief.yml", in: folder)

        let result = try BriefRunner.run(["build"], in: folder, environment: ["BRIEF_TIMINGS": "1"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("1 damaged record"), result.stderr)
        let site = E2E.snapshot(folder.appendingPathComponent("Site"))
        for (path, bytes) in site where String(decoding: bytes, as: UTF8.self).contains("Powerwull") {
            XCTFail("\(path) publishes the damaged record")
        }
        E2E.assertSameFiles(site, try cleanBuild(of: folder), "Site/ after a build over a damaged record")
    }

    /// A length field near 2^63 once overflowed `offset + length` and trapped, on every later build,
    /// `--clean` included.
    func testAHugeLengthFieldIsIgnoredEvenByClean() throws {
        let folder = try BriefRunner.sampleSite(self)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let huge: [UInt8] = [0xF0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]
        // After the ten-byte magic and the eight-byte key of the first record.
        XCTAssertGreaterThan(try rewritePacks(in: folder) { Array($0[..<18]) + huge + $0[26...] }, 0)

        let clean = try BriefRunner.run(["build", "--clean"], in: folder)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertGreaterThan(try rewritePacks(in: folder) { Array($0[..<18]) + huge + $0[26...] }, 0)
        try E2E.write("title: Huge Lengths\n", "brief.yml", in: folder)
        let next = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(next.status, 0, next.stderr)
        E2E.assertSameFiles(
            E2E.snapshot(folder.appendingPathComponent("Site")), try cleanBuild(of: folder),
            "Site/ after a build over huge length fields")
    }

    func testTruncatedPacksAndAGarbageStateAreRebuilt() throws {
        let folder = try BriefRunner.sampleSite(self)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        XCTAssertGreaterThan(try rewritePacks(in: folder) { Array($0.prefix($0.count / 2)) }, 0)
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) })
            .write(to: folder.appendingPathComponent(".brief-cache/state.bin"))
        try E2E.write("title: Truncated\n", "brief.yml", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        E2E.assertSameFiles(
            E2E.snapshot(folder.appendingPathComponent("Site")), try cleanBuild(of: folder),
            "Site/ after a build over truncated packs")
    }

    // MARK: Helpers

    /// Applies `change` to every pack of the cache; returns how many it changed.
    private func rewritePacks(in folder: URL, _ change: ([UInt8]) -> [UInt8]) throws -> Int {
        let packs = folder.appendingPathComponent(".brief-cache/sources")
        var changed = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: packs.path) where name.hasSuffix(".pack") {
            let url = packs.appendingPathComponent(name)
            let bytes = [UInt8](try Data(contentsOf: url))
            guard bytes.count > 26 else { continue }
            let new = change(bytes)
            if new != bytes {
                try Data(new).write(to: url)
                changed += 1
            }
        }
        return changed
    }

    private func cleanBuild(of folder: URL) throws -> [String: Data] {
        let reference = BriefRunner.temporaryFolder(self)
        for item in ["Content", "brief.yml"] {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent(item), to: reference.appendingPathComponent(item))
        }
        let result = try BriefRunner.run(["build"], in: reference)
        XCTAssertEqual(result.status, 0, result.stderr)
        return E2E.snapshot(reference.appendingPathComponent("Site"))
    }
}

/// `bytes` with every occurrence of `old` replaced by `new` (of the same length).
private func replacing(_ old: [UInt8], with new: [UInt8], in bytes: [UInt8]) -> [UInt8] {
    var result = bytes
    var i = 0
    while i + old.count <= result.count {
        if result[i..<(i + old.count)].elementsEqual(old) {
            result.replaceSubrange(i..<(i + old.count), with: new)
            i += old.count
        } else {
            i += 1
        }
    }
    return result
}
