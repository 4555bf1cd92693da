import BriefModel
import XCTest

@testable import BriefCore

/// The collector every step records its problems in.
final class DiagnosticsTests: XCTestCase {
    private let warningB = Diagnostic.warning("b.txt", "late")
    private let errorA = Diagnostic.error("a.txt", line: 2, "broken")

    func testCheckPassesWarnings() throws {
        var diagnostics = Diagnostics()
        diagnostics.add(warningB)
        XCTAssertNoThrow(try diagnostics.check())
        XCTAssertFalse(diagnostics.hasErrors)
    }

    func testCheckThrowsEverythingSortedByLocation() {
        var diagnostics = Diagnostics([warningB])
        diagnostics.add(errorA)
        XCTAssertThrowsError(try diagnostics.check()) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics, [errorA, warningB])
        }
    }

    func testFailingKeepsTheOrderMet() {
        let diagnostics = Diagnostics([warningB])
        let error = diagnostics.failing(with: BuildError.noSources(folder: "Content"))
        XCTAssertEqual(error.diagnostics.count, 2)
        XCTAssertEqual(error.diagnostics.first, warningB)
        XCTAssertEqual(error.diagnostics.last?.file, "Content/")
    }
}
