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

    /// A timed-out child is already killed and reaped: asking again gives that end, and
    /// does not signal its pid, which the system may have given to another process.
    @Test func aTimedOutChildIsNotSignalledAgain() throws {
        let child = try ChildProcess.start("/bin/sleep", ["30"])
        #expect(throws: ChildProcess.Failure.self) { try child.wait(timeout: 0.2) }
        let killed = ChildProcess.Termination(status: 128 + SIGKILL, signal: SIGKILL)
        #expect(try child.wait() == killed)
        #expect(child.kill() == killed)
    }

    @Test func aChildThatEndsInTimeIsReportedWithWhatItUsed() throws {
        let ended = try ChildProcess.run(
            "/bin/sh", ["-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; exit 7"], timeout: 60)
        #expect(ended == ChildProcess.Termination(status: 7, signal: nil))
        #expect(ended.cpuSeconds > 0 && ended.peakBytes > 100_000)
    }

    /// A wait with a deadline blocks once rather than sleeping and looking again: the
    /// waiting thread gives up the processor a handful of times (spawning, then the one
    /// wait), where a poll every 20 ms would give it up some 30 times in half a second.
    @Test func aWaitWithADeadlineDoesNotPoll() throws {
        func voluntarySwitches() -> Int {
            var usage = rusage()
            // RUSAGE_THREAD (1), which glibc declares only under _GNU_SOURCE: this thread alone.
            _ = getrusage(__rusage_who_t(1), &usage)
            return usage.ru_nvcsw
        }
        let before = voluntarySwitches()
        let ended = try ChildProcess.run("/bin/sleep", ["0.5"], timeout: 30)
        let switches = voluntarySwitches() - before
        #expect(ended.status == 0)
        #expect(switches <= 8, "\(switches) voluntary context switches")
    }

    /// Both ways of waiting: on the child's process descriptor, and on a thread in
    /// `waitid` where there is no descriptor. Neither reaps the child; a timed-out one is killed.
    @Test(arguments: [true, false])
    func waitingWithADeadlineLeavesTheChildToBeReaped(descriptor: Bool) throws {
        let quick = try ChildProcess.start("/bin/sh", ["-c", "exit 4"])
        #expect(ChildProcess.endsOrIsKilled(quick.pid, within: 60, usingDescriptor: descriptor))
        #expect(try quick.wait() == ChildProcess.Termination(status: 4, signal: nil))

        let slow = try ChildProcess.start("/bin/sleep", ["30"])
        let started = Date()
        #expect(!ChildProcess.endsOrIsKilled(slow.pid, within: 0.2, usingDescriptor: descriptor))
        #expect(Date().timeIntervalSince(started) >= 0.2 && Date().timeIntervalSince(started) < 10)
        #expect(try slow.wait() == ChildProcess.Termination(status: 128 + SIGKILL, signal: SIGKILL))
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
