import Foundation
import FuzzDriver

/// The entry point shared by the harnesses: hands the command line to libFuzzer and
/// calls `test` with each input as `Data`.
public enum Fuzzer {
    public typealias Test = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Runs libFuzzer and exits with its status. `test` must not capture anything
    /// (libFuzzer calls it through a C function pointer).
    public static func run(_ test: Test) -> Never {
        exit(fuzz_driver_run(CommandLine.argc, CommandLine.unsafeArgv, test))
    }

    /// The input libFuzzer passes, copied into `Data`.
    public static func data(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let bytes, count > 0 else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    /// Stops the run with a message: libFuzzer records the input as a crash.
    public static func fail(_ message: String, input: Data) -> Never {
        let shown = String(decoding: input.prefix(2_000), as: UTF8.self)
        fatalError("\(message)\n--- input (\(input.count) bytes, first 2,000 shown)\n\(shown)")
    }
}
