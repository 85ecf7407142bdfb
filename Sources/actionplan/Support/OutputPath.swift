import ArgumentParser
import Foundation
import PlanCore

/// What `-o PATH` means: a file, replaced atomically, or standard output for `-`
/// (and `/dev/stdout`, which cannot be renamed over). Every command with `-o` writes
/// through here.
enum OutputPath {
    static func isStandardOutput(_ path: String) -> Bool { path == "-" || path == "/dev/stdout" }

    /// Writes `data` to `path`; a failure is reported and ends the command with status 1.
    static func write(_ data: Data, to path: String) throws {
        if isStandardOutput(path) {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}
