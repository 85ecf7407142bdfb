import Foundation
import Testing

@testable import PlanCore

@Suite("Running child processes")
struct ChildProcessTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("childprocess-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    @Test func exitStatusAndOutputFiles() throws {
        let out = folder.appendingPathComponent("out").path
        let input = folder.appendingPathComponent("in").path
        try Data("from a file\n".utf8).write(to: URL(fileURLWithPath: input))
        let ended = try ChildProcess.run(
            "/bin/sh", ["-c", "cat; pwd; echo \"$GREETING\"; exit 3"],
            environment: ["GREETING": "hello"], directory: folder.path,
            stdin: .file(input), stdout: .file(out))
        #expect(ended == ChildProcess.Termination(status: 3, signal: nil))
        let realFolder = folder.resolvingSymlinksInPath().path
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "from a file\n\(realFolder)\nhello\n")
    }

    /// What the child used, from `wait4`. Its peak may include this process's memory
    /// before `exec` (posix_spawn uses vfork), so only a lower bound holds here; the
    /// benchmark measures from a small launcher for that reason.
    @Test func usageIsReported() throws {
        let ended = try ChildProcess.run("/bin/sh", ["-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done"])
        #expect(ended.status == 0)
        #expect(ended.peakBytes > 100_000)
        #expect(ended.cpuSeconds > 0)
    }

    @Test func aSignalIsReportedAsAShellWould() throws {
        let ended = try ChildProcess.run("/bin/sh", ["-c", "kill -TERM $$"])
        #expect(ended == ChildProcess.Termination(status: 143, signal: SIGTERM))
    }

    @Test func aProgramThatRunsTooLongIsKilled() throws {
        let started = Date()
        #expect(throws: ChildProcess.Failure.self) {
            try ChildProcess.run("/bin/sleep", ["30"], timeout: 0.3)
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aMissingProgramIsAnErrorNotAHang() {
        #expect(throws: ChildProcess.Failure.self) {
            try ChildProcess.run("/no/such/program", [])
        }
    }

    /// A child must not inherit the caller's other descriptors: a long-lived grandchild
    /// holding the write end of a pipe would keep its reader waiting for ever.
    @Test func theChildGetsNoOtherDescriptors() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        let out = folder.appendingPathComponent("fds").path
        try ChildProcess.run("/bin/sh", ["-c", "ls /proc/self/fd"], stdout: .file(out))
        let descriptors = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").compactMap {
            Int32($0)
        }
        #expect(!descriptors.contains(ends[1]))
        #expect(descriptors.allSatisfy { $0 <= 3 })  // 0, 1, 2, and ls's own handle on the folder
    }
}
