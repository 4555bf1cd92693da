import Foundation
import FuzzerDriver

/// The test of the running target; set once, before libFuzzer starts calling back.
nonisolated(unsafe) private var currentTest: ([UInt8]) -> Void = { _ in }

/// Hands the process to libFuzzer, which calls `test` with each input and reports crashes.
///
/// SwiftPM gives every executable its own `main`, so libFuzzer comes in through
/// `LLVMFuzzerRunDriver` (from `libclang_rt.fuzzer_no_main`) rather than its own `main`.
public func fuzz(_ test: @escaping ([UInt8]) -> Void) -> Never {
    currentTest = test
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(
        LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            currentTest(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        })
}
