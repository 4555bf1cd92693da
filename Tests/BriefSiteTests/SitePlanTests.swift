import BriefModel
import BriefNormalize
import BriefOutput
import BriefStories
import XCTest

@testable import BriefSite

/// The site's files as one value: every file a build writes is planned, with what it depends on.
final class SitePlanTests: XCTestCase {
    private func plan(_ model: SiteModel, global: UInt64 = 1) throws -> FilePlan {
        let theme = try Theme.load(overrides: nil, displayPrefix: "Templates/")
        let settings = SitePlan.Settings(global: global, strict: false, sourceDateEpoch: nil, drawsMostPages: true)
        return SitePlan.make(model, theme: theme, settings: settings)
    }

    private func fixedPaths(_ plan: FilePlan) -> [String] {
        plan.entries.flatMap { entry -> [String] in
            if case .fixed(let paths) = entry.paths { return paths }
            return []
        }
    }

    func testEveryPageFeedAndAssetIsPlannedOnce() throws {
        let model = SmallSite.model()
        let plan = try plan(model)
        let paths = fixedPaths(plan)
        XCTAssertEqual(paths.count, Set(paths).count, "no path is planned twice")
        let expected =
            Page.all(in: model).map { $0.path(in: model) } + [
                "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "search.json", "assets/style.css",
                "companies/nvidia/feed.xml", "companies/tesla/feed.json", "briefings/monday/index.html",
            ]
        XCTAssertEqual(Set(expected).subtracting(paths), [])
    }

    func testMakingAnEntryGivesTheFilesItPlanned() throws {
        let plan = try plan(SmallSite.model())
        for entry in plan.entries {
            let files = try entry.make()
            switch entry.paths {
            case .fixed(let paths): XCTAssertEqual(files.map(\.path), paths)
            case .owned(let owns):
                XCTAssertFalse(files.isEmpty)
                XCTAssertTrue(files.allSatisfy { owns($0.path) }, "\(files.map(\.path))")
            }
        }
    }

    func testFingerprintsAreStableAndFollowWhatEveryPageShows() throws {
        let model = SmallSite.model()
        let first = try plan(model).entries.map(\.fingerprint)
        XCTAssertEqual(try plan(model).entries.map(\.fingerprint), first, "the same inputs, the same fingerprints")
        let other = try plan(model, global: 2).entries.map(\.fingerprint)
        for (a, b) in zip(first, other) where a != nil {
            XCTAssertNotEqual(a, b, "a setting every page shows changes every fingerprint")
        }
        XCTAssertTrue(first.contains(nil), "cheap files (the feeds, assets) are made every time")
    }
}
