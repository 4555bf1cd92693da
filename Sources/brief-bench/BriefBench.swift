// brief-bench: benchmarks of the stages and of whole builds (not shipped). Depends on the stage targets
// (BriefModel, BriefNormalize, BriefCompanies, BriefStories, BriefSite, BriefTemplate) and swift-argument-parser.

import ArgumentParser

/// Benchmarks of brief's stages and of whole builds. Run in release mode:
/// `swift run -c release brief-bench <command>`.
@main
struct BriefBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief-bench",
        abstract: "Measure brief's speed (build with -c release).",
        subcommands: [NormalizeBench.self, TemplateBench.self, TagBench.self, StagesBench.self]
    )
}
