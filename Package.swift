// swift-tools-version:6.1
import PackageDescription

// brief runs on Linux: it reads and writes files with Glibc's calls (`stat`'s `st_mtim`, `renameat2`) and links
// Debian's cmark-gfm, so no Apple platform is declared.
let package = Package(
    name: "brief",
    products: [
        .executable(name: "brief", targets: ["brief"]),
        .library(name: "BriefCore", targets: ["BriefCore"]),
        .library(name: "BriefModel", targets: ["BriefModel"]),
        .library(name: "BriefNormalize", targets: ["BriefNormalize"]),
        .library(name: "BriefCompanies", targets: ["BriefCompanies"]),
        .library(name: "BriefStories", targets: ["BriefStories"]),
        .library(name: "BriefSite", targets: ["BriefSite"]),
        .library(name: "BriefTemplate", targets: ["BriefTemplate"]),
        .library(name: "BriefCache", targets: ["BriefCache"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "BriefTemplate"),
        .target(name: "BriefModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "BriefFileSystem"),
        .target(name: "BriefBuiltIn", exclude: ["Gazetteer.yml"], plugins: ["EmbedTheme"]),
        .target(name: "BriefMarkdown", dependencies: ["CCmarkGFM"]),
        .target(
            name: "BriefNormalize",
            dependencies: ["BriefModel", "BriefMarkdown", .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"]
        ),
        .target(
            name: "BriefCompanies",
            dependencies: ["BriefModel", "BriefBuiltIn", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "BriefStories",
            dependencies: ["BriefModel", "BriefNormalize", "BriefMarkdown", "BriefCompanies"]
        ),
        .target(name: "BriefOutput", dependencies: ["BriefModel", "BriefFileSystem"]),
        .target(
            name: "BriefSite",
            dependencies: [
                "BriefModel",
                "BriefFileSystem",
                "BriefBuiltIn",
                "BriefNormalize",
                "BriefCompanies",
                "BriefStories",
                "BriefTemplate",
                "BriefOutput",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "BriefCache",
            dependencies: ["BriefModel", "BriefFileSystem", "BriefCompanies", "BriefStories", "BriefOutput"]
        ),
        .target(
            name: "BriefCore",
            dependencies: [
                "BriefModel",
                "BriefFileSystem",
                "BriefBuiltIn",
                "BriefNormalize",
                "BriefCompanies",
                "BriefStories",
                "BriefSite",
                "BriefCache",
                "BriefOutput",
                "BriefTemplate",
            ]
        ),
        .target(
            name: "BriefServe",
            dependencies: [
                "BriefCore",
                "BriefOutput",
                "BriefModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "brief",
            dependencies: [
                "BriefCore",
                "BriefServe",
                "BriefModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "brief-bench",
            dependencies: [
                "BriefModel",
                "BriefNormalize",
                "BriefCompanies",
                "BriefStories",
                "BriefSite",
                "BriefTemplate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "brief-embed", path: "Sources/brief-embed"),
        .plugin(
            name: "EmbedTheme",
            capability: .buildTool(),
            dependencies: ["brief-embed"]
        ),
        .target(name: "BriefTestSupport", dependencies: ["BriefModel"], path: "Tests/BriefTestSupport"),
        .testTarget(name: "BriefTemplateTests", dependencies: ["BriefTemplate"]),
        .testTarget(name: "BriefModelTests", dependencies: ["BriefModel"]),
        .testTarget(name: "BriefFileSystemTests", dependencies: ["BriefFileSystem"]),
        .testTarget(name: "BriefBuiltInTests", dependencies: ["BriefBuiltIn", "BriefTestSupport"]),
        .testTarget(name: "BriefMarkdownTests", dependencies: ["BriefMarkdown"]),
        .testTarget(
            name: "BriefNormalizeTests",
            dependencies: ["BriefNormalize", "BriefModel", "BriefMarkdown", "BriefTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "BriefCompaniesTests",
            dependencies: ["BriefCompanies", "BriefBuiltIn", "BriefModel", "BriefNormalize", "BriefTestSupport"]
        ),
        .testTarget(
            name: "BriefStoriesTests",
            dependencies: ["BriefStories", "BriefModel", "BriefNormalize", "BriefTestSupport"]),
        .testTarget(
            name: "BriefSiteTests",
            dependencies: [
                "BriefSite", "BriefStories", "BriefCompanies", "BriefModel", "BriefNormalize", "BriefOutput",
                "BriefTemplate", "BriefTestSupport",
            ]
        ),
        .testTarget(
            name: "BriefCacheTests",
            dependencies: ["BriefCache", "BriefStories", "BriefFileSystem", "BriefModel", "BriefTestSupport"]
        ),
        .testTarget(
            name: "BriefOutputTests",
            dependencies: ["BriefOutput", "BriefFileSystem", "BriefModel", "BriefTestSupport"]),
        .testTarget(
            name: "BriefCoreTests", dependencies: ["BriefCore", "BriefCache", "BriefFileSystem", "BriefTestSupport"]),
        .testTarget(name: "BriefServeTests", dependencies: ["BriefServe"]),
        .testTarget(name: "BriefCLITests", dependencies: ["brief"]),
    ]
)
