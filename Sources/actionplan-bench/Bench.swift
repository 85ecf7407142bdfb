import ArgumentParser
import CProcessMemory
import Foundation

extension ProfiledOperation: ExpressibleByArgument {}
extension Clock: ExpressibleByArgument {}

/// `swift run -c release actionplan-bench`: measures parsing, queries, the TUI and
/// saving on generated plans, and compares the figures with issue 7's targets.
/// See docs/performance.md.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan-bench",
        abstract: "Measure actionplan on generated plans of 1,000 to 100,000 actions.",
        discussion: """
            Run it in release mode: `swift run -c release actionplan-bench`. Plans are generated \
            with a fixed seed into a temporary folder, which is removed at the end. Progress goes \
            to standard error, the results table to standard output. See docs/performance.md.
            """
    )

    @Option(help: "Plan sizes in actions, comma-separated.")
    var sizes = "1000,10000,100000"

    @Option(help: "Timed runs per operation, after one untimed warm-up run.")
    var runs = 5

    @Flag(help: "A fast smoke run: 1,000 and 10,000 actions only.")
    var quick = false

    @Option(help: "wall: elapsed time. cpu: this process's CPU time, for a machine busy with other work.")
    var clock = Clock.wall

    @Option(
        help: ArgumentHelp(
            "Run only this operation, on the first size, `runs` times, and print nothing else: for a profiler.",
            valueName: ProfiledOperation.allCases.map(\.rawValue).joined(separator: "|")))
    var profile: ProfiledOperation?

    @Option(
        help: ArgumentHelp(
            "Measure only this operation (and the file size) at every size, e.g. `--only merge`.",
            valueName: ProfiledOperation.allCases.map(\.rawValue).joined(separator: "|")))
    var only: ProfiledOperation?

    @Option(
        help: ArgumentHelp(
            "Write the generated plans (plan-SIZE.plan) into this folder and stop, e.g. to profile the CLI on them.",
            valueName: "folder"))
    var writePlans: String?

    @Flag(
        help: """
            Compare the CLI with Taskwarrior and todo.txt on the same actions (list, filter, set, note, \
            export), run alternately; a peer that is not installed is skipped.
            """)
    var peers = false

    @Option(help: "The actionplan binary whose peak memory is measured (default: the one built beside this benchmark).")
    var actionplan: String?

    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count > 1, arguments[1] == MeasuredChild.launcherFlag {
            MeasuredChild.launch(Array(arguments.dropFirst(2)))
        }
        // As the CLI does, so that the parse and the keys measured here take memory as it does.
        process_memory_prefer_huge_pages()
        main(nil)
    }

    private var sizeList: [Int] {
        quick
            ? [1_000, 10_000] : sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    func validate() throws {
        let given = sizes.split(separator: ",")
        guard !given.isEmpty,
            given.allSatisfy({ Int($0.trimmingCharacters(in: .whitespaces)).map { $0 >= 1 } ?? false })
        else {
            throw ValidationError("--sizes takes whole numbers of actions separated by commas, e.g. 1000,10000")
        }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        if let writePlans {
            try FileManager.default.createDirectory(atPath: writePlans, withIntermediateDirectories: true)
            for size in sizeList {
                try Data(PlanGenerator.plan(actions: size).text.utf8).write(
                    to: URL(fileURLWithPath: writePlans + "/plan-\(size).plan"))
            }
            return
        }
        let directory = FileManager.default.temporaryDirectory.path + "/actionplan-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        if let profile {
            let workload = try Workload(size: sizeList[0], directory: directory)
            profiled { for _ in 0..<runs { workload.run(profile) } }
            return
        }

        if peers {
            let bench = PeerBench(runs: runs, clock: clock, actionplan: actionplanBinary)
            let tables = try sizeList.map { try bench.measure(size: $0, in: directory, progress: progress) }
            // What has no peer: start-up, the TUI's keys, the parse against its floor, peak memory.
            var report = Report(sizes: sizeList, runs: runs, clock: clock)
            for size in sizeList {
                try measure(size: size, in: directory, into: &report, rows: Operation.beside)
            }
            print(Self.machine + "\n")
            print(
                "Median of \(runs) runs (min–max) of each command, after one untimed warm-up run; the tools take turns.\n"
            )
            print(tables.joined(separator: "\n"))
            print(report.text, terminator: "")
            return
        }

        #if DEBUG
            progress("warning: this is a debug build; measure with `swift run -c release actionplan-bench`")
        #endif
        var report = Report(sizes: sizeList, runs: runs, clock: clock)
        for size in sizeList {
            try measure(size: size, in: directory, into: &report)
        }
        print(Self.machine + "\n")
        print(report.text, terminator: "")
    }

    /// Measures the rows in `rows` (every row when nil; only `--only`'s with it) at `size`.
    private func measure(
        size: Int, in directory: String, into report: inout Report, rows: Set<Operation>? = nil
    ) throws {
        progress("\(size.grouped) actions: generating and checking the plan…")
        let w = try Workload(size: size, directory: directory)
        try w.checkEdits()
        let bytes = Double(w.data.count)
        report[.fileSize, size] = Figure(.bytes, samples: [bytes], note: "(\(w.lineCount.grouped) lines)")

        func wanted(_ operation: Operation) -> Bool {
            if let only { return operation.profiled == only }
            return rows?.contains(operation) ?? true
        }
        func time(_ operation: Operation, _ body: () -> Void) {
            guard wanted(operation) else { return }
            progress("\(size.grouped) actions: \(operation.rawValue.trimmingCharacters(in: .whitespaces))")
            report[operation, size] = Figure(.seconds, samples: clock.measure(runs: runs, body))
        }
        time(.parse) { w.parse() }
        report[.parseRate, size] = report[.parse, size].map {
            Figure(.megabytesPerSecond, samples: [bytes / $0.high, bytes / $0.median, bytes / $0.low])
        }
        time(.readFile) { consume(Files.read(w.path)) }
        let copyPath = directory + "/copy.plan"
        time(.copyFile) { Files.write(Files.read(w.path), to: copyPath, sync: false) }
        time(.copyFileSync) { Files.write(Files.read(w.path), to: copyPath, sync: true) }
        time(.summary) { w.summary() }
        time(.filteredList) { w.filteredList() }
        time(.firstFrame) { w.firstFrameFromDocument() }
        time(.open) { w.open() }
        time(.keyDown) { w.key(.down, from: w.firstFrame) }
        time(.keyUpAtEnd) { w.key(.up, from: w.atEnd) }
        time(.keyGreen) { w.key(.character("g"), from: w.firstFrame) }
        time(.keyUndo) { w.key(.character("u"), from: w.greened) }
        time(.keySearch) { w.key(.character("e"), from: w.searching) }
        time(.keySearch2) { w.key(.character("a"), from: w.searchingE) }
        time(.searchIndex) { w.buildSearchIndex() }
        time(.setStatusSave) { w.setStatusAndSave() }
        time(.asOfSummary) { w.summary(asOf: PlanGenerator.middleOfHistory) }
        time(.exportHTML) { w.export(.html) }
        time(.exportCSV) { w.export(.csv) }
        time(.exportJSON) { w.export(.json) }
        time(.merge) { w.merge() }

        let binary = actionplanBinary
        if wanted(.cliStart) || wanted(.cliCheckSmall) {
            progress("\(size.grouped) actions: the CLI's start-up, and `check` of a 3 KB plan")
            let small = directory + "/small.plan"
            Files.write(Data(PlanGenerator.plan(actions: 2).text.utf8), to: small, sync: false)
            for (row, arguments) in [
                (Operation.cliStart, ["--version"]), (.cliCheckSmall, ["check", "--quiet", small]),
            ]
            where wanted(row) {
                let started = (0...runs).compactMap { _ in MeasuredChild.run([binary] + arguments) }.dropFirst()
                if started.count == runs {
                    report[row, size] = Figure(.seconds, samples: started.map { $0.seconds(on: clock) })
                }
            }
        }

        guard wanted(.cliSummary) else { return }
        progress("\(size.grouped) actions: the CLI's summary, for peak memory")
        let childRuns = (0...runs).compactMap { _ in MeasuredChild.runWithOwnPeak([binary, "summary", w.path]) }
            .dropFirst()
        if childRuns.count == runs {
            report[.cliSummary, size] = Figure(.seconds, samples: childRuns.map { $0.seconds(on: clock) })
            let peaks = childRuns.map { Double($0.peakBytes) }
            let median = Figure(.bytes, samples: peaks).median
            report[.peakMemory, size] = Figure(.bytes, samples: peaks, note: "×\(Report.ratio(median / bytes))")
        } else {
            progress(
                "warning: could not run `\(binary) summary`; build it with `swift build -c release` or pass --actionplan"
            )
        }
    }

    /// The CLI measured: `--actionplan`, or the one built beside this benchmark.
    private var actionplanBinary: String {
        actionplan
            ?? Bundle.main.executableURL.map {
                $0.deletingLastPathComponent().appendingPathComponent("actionplan").path
            }
            ?? "actionplan"  // not found: the runs fail and say to pass --actionplan
    }

    /// The only code a profiler should count: start it with
    /// `--toggle-collect='*profiled*'` under callgrind.
    @inline(never)
    private func profiled(_ body: () -> Void) {
        body()
    }

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The machine, for the record: CPU, cores, memory and build.
    static var machine: String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let info = ProcessInfo.processInfo
        #if DEBUG
            let build = "DEBUG build (figures not meaningful)"
        #else
            let build = "release build"
        #endif
        return "actionplan-bench: \(model), \(info.activeProcessorCount) cores, "
            + "\(info.physicalMemory / (1 << 30)) GiB, \(build)"
    }
}
