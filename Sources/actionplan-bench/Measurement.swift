import Foundation
import Glibc
import PlanCore

/// One figure of the table: the median of several runs and their spread (min–max).
struct Figure {
    enum Unit { case seconds, megabytesPerSecond, bytes }

    var unit: Unit
    var median: Double
    var low: Double
    var high: Double
    /// Shown after the figure, e.g. the ratio of peak memory to the file size.
    var note: String?

    init(_ unit: Unit, samples: [Double], note: String? = nil) {
        let sorted = samples.sorted()
        guard let first = sorted.first, let last = sorted.last else {
            preconditionFailure("a figure needs at least one sample")
        }
        let middle = sorted.count / 2
        self.unit = unit
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        low = first
        high = last
        self.note = note
    }

    /// `12.3 ms (12.1–13.0)`: the spread in the median's unit.
    var formatted: String {
        let (scale, suffix): (Double, String)
        switch unit {
        case .seconds:
            (scale, suffix) = Self.timeUnit(median)
        case .megabytesPerSecond:
            (scale, suffix) = (1e-6, "MB/s")
        case .bytes:
            (scale, suffix) = (1e-6, "MB")
        }
        let number = { (x: Double) in Self.significant(x * scale) }
        let spread = low == high ? "" : " (\(number(low))–\(number(high)))"
        return "\(number(median)) \(suffix)" + spread + (note.map { " " + $0 } ?? "")
    }

    /// `12.3 ms`.
    static func duration(_ seconds: Double) -> String {
        let (scale, suffix) = timeUnit(seconds)
        return significant(seconds * scale) + " " + suffix
    }

    private static func timeUnit(_ seconds: Double) -> (scale: Double, suffix: String) {
        seconds >= 1 ? (1, "s") : seconds >= 1e-3 ? (1e3, "ms") : (1e6, "µs")
    }

    /// Three significant digits, without trailing noise: 0.123, 1.23, 12.3, 123, 1234.
    static func significant(_ x: Double) -> String {
        let decimals = x >= 100 ? 0 : x >= 10 ? 1 : x >= 1 ? 2 : 3
        return String(format: "%.\(decimals)f", x)
    }
}

/// Keeps a result alive so that the optimiser cannot drop the work that made it.
@inline(never)
func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// What a duration is measured in.
enum Clock: String, CaseIterable {
    /// Elapsed time: what a person waits.
    case wall
    /// CPU time of this process (user + system): close to the elapsed time on an idle
    /// machine, and far less disturbed by other processes on a busy one. It leaves out
    /// waiting for the disk, so `fsync` counts for little.
    case cpu

    /// Now, in seconds, on this clock.
    var now: Double {
        var spec = timespec()
        clock_gettime(self == .wall ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    /// Runs `body` once untimed (caches, lazy initialisation), then `runs` times, and
    /// returns the seconds each timed run took.
    func measure(runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
        try body()
        return try (0..<runs).map { _ in
            let start = now
            try body()
            return now - start
        }
    }
}

enum Files {
    /// Writes bytes to a new file (replacing any), the way `cp` does, and flushes
    /// them to disk first when `sync` is set, as a safe save must.
    static func write(_ data: Data, to path: String, sync: Bool) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        precondition(fd >= 0, "cannot write \(path): \(String(cString: strerror(errno)))")
        defer { close(fd) }
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }  // no bytes to write
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                precondition(n > 0 || errno == EINTR, "cannot write \(path): \(String(cString: strerror(errno)))")
                offset += max(0, n)
            }
        }
        if sync { fsync(fd) }
    }

    static func read(_ path: String) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
        return data
    }
}

/// What one run of a child process took: elapsed and CPU time, and peak resident memory.
struct ChildRun {
    var wallSeconds: Double
    var cpuSeconds: Double
    var peakBytes: Int

    func seconds(on clock: Clock) -> Double { clock == .wall ? wallSeconds : cpuSeconds }
}

/// Children the benchmark times: the CLI, and itself as a launcher (see ``runWithOwnPeak(_:)``).
enum MeasuredChild {
    /// Runs a program with standard output sent to /dev/null (and `environment`, the whole
    /// environment, when given) and returns what it took
    /// (``PlanCore/ChildProcess`` reads the child's own usage with `wait4`); nil when it
    /// could not be started or did not exit with status 0.
    static func run(_ arguments: [String], environment: [String: String]? = nil) -> ChildRun? {
        let start = Clock.wall.now
        guard
            let ended = try? ChildProcess.run(
                arguments[0], Array(arguments.dropFirst()), environment: environment, stderr: .inherit),
            ended.status == 0
        else { return nil }
        return ChildRun(wallSeconds: Clock.wall.now - start, cpuSeconds: ended.cpuSeconds, peakBytes: ended.peakBytes)
    }

    /// Runs a program the way ``run(_:)`` does, but started from a fresh copy of this
    /// benchmark (see ``launch(_:)``), so that its peak memory is its own.
    ///
    /// posix_spawn starts the child in this process's memory (vfork), and Linux counts the
    /// memory a process had before `exec` in its peak (`ru_maxrss`): a child started from
    /// the benchmark, which holds the generated plans, would report the benchmark's peak.
    static func runWithOwnPeak(_ arguments: [String]) -> ChildRun? {
        let report = FileManager.default.temporaryDirectory.path + "/actionplan-bench-child-\(getpid()).txt"
        defer { unlink(report) }
        guard let launcher = Bundle.main.executableURL?.path,
            run([launcher, launcherFlag, report] + arguments) != nil,
            let text = try? String(contentsOfFile: report, encoding: .utf8)
        else { return nil }
        let figures = text.split(separator: " ").compactMap { Double($0) }
        guard figures.count == 3 else { return nil }
        return ChildRun(wallSeconds: figures[0], cpuSeconds: figures[1], peakBytes: Int(figures[2]))
    }

    /// The first argument that makes the benchmark a launcher for ``runWithOwnPeak(_:)``.
    static let launcherFlag = "--launch-for-peak-memory"

    /// What a launcher does: runs `REPORT PROGRAM ARGUMENTS…`'s program and writes what it
    /// took to the file REPORT as "wall-seconds cpu-seconds peak-bytes".
    static func launch(_ arguments: [String]) -> Never {
        guard arguments.count >= 2, let child = run(Array(arguments.dropFirst())) else { exit(1) }
        let text = "\(child.wallSeconds) \(child.cpuSeconds) \(child.peakBytes)"
        guard (try? text.write(toFile: arguments[0], atomically: false, encoding: .utf8)) != nil else { exit(1) }
        exit(0)
    }
}
