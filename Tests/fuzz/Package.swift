// swift-tools-version:6.1
// libFuzzer targets for brief. Not part of the normal build: `Tests/fuzz/run.sh SECONDS` builds them
// with AddressSanitizer and libFuzzer's coverage instrumentation for every module (brief's too), and runs each.
import Foundation
import PackageDescription

/// A path dependency's identity is its folder's name, so the main package is named from where it is checked out.
let brief = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

/// One executable per target. libFuzzer itself is linked by `run.sh` (`libclang_rt.fuzzer_no_main`).
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: brief) })
}

let package = Package(
    name: "brief-fuzz",
    dependencies: [.package(path: "../..")],
    targets: [
        .target(name: "FuzzerDriver"),
        // libFuzzer is C++ and needs the C++ library.
        .target(name: "FuzzSupport", dependencies: ["FuzzerDriver"], linkerSettings: [.linkedLibrary("stdc++")]),
        fuzzTarget("fuzz-normalizer", ["BriefStories", "BriefModel", "BriefNormalize"]),
        fuzzTarget("fuzz-template", ["BriefTemplate"]),
        fuzzTarget("fuzz-frontmatter", ["BriefSite", "BriefCompanies", "BriefModel", "BriefNormalize"]),
        fuzzTarget("fuzz-cache", ["BriefCache"]),
    ]
)
