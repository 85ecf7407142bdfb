import Foundation
import Glibc
import PlanCore

/// `actionplan-bench --peers`: the CLI against Taskwarrior and todo.txt on the same actions,
/// each operation run for ours and theirs alternately, so that every ratio is from one run.
struct PeerBench {
    var runs: Int
    var clock: Clock
    /// The `actionplan` binary measured.
    var actionplan: String

    /// A peer found on `PATH`, set up in its own folder: its program, the arguments that
    /// point it at its own data, its environment, and how to put its data back as generated.
    private struct Peer {
        var name: String
        var program: String
        var leading: [String] = []
        var environment: [String: String]?
        var restore: () -> Void
    }

    /// One row: what each tool runs; nil where the peer has no such command.
    private struct Row {
        var name: String
        var ours: [String]
        var taskwarrior: [String]?
        var todo: [String]?
        /// For a row that changes the data, what each run starts from.
        var edits: Start?
    }

    /// What each run of an editing row starts from: the peers always from their data as
    /// generated; `actionplan` from the plan as its own last edit left it (with the check
    /// record that edit wrote, see ``CheckRecord``), or from the plan as generated with no
    /// record, as after a change made elsewhere (a `git pull`, an editor).
    private enum Start {
        case afterOurEdit
        case changedElsewhere
    }

    static let peerNames = ["Taskwarrior", "todo.txt"]

    /// The first of `names` that is an executable on `PATH`.
    static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") where access("\(folder)/\(name)", X_OK) == 0 {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// Sets the peers up on the plan of `size` actions in `directory`, runs every row and
    /// returns the table, with a line for each peer that is not installed.
    func measure(size: Int, in directory: String, progress: (String) -> Void) throws -> String {
        progress("\(size.grouped) actions: generating the plan and the peers' data…")
        let text = PlanGenerator.plan(actions: size).text
        let data = Data(text.utf8)
        let document = try PlanDocument(data: data)
        let planPath = directory + "/peers-\(size).plan"
        Files.write(data, to: planPath, sync: false)
        guard let first = document.plan.actions.first else { preconditionFailure("a generated plan has actions") }

        var peers: [String: Peer] = [:]
        var notes: [String] = []
        if access(actionplan, X_OK) != 0 {
            progress(
                "warning: no actionplan binary at \(actionplan); build it with `swift build -c release` or pass --actionplan"
            )
        }
        if let task = Self.find(["task"]) {
            peers["Taskwarrior"] = try taskwarrior(task, plan: document.plan, size: size, in: directory)
        } else {
            notes.append("Taskwarrior not installed (`task`; apt-get install taskwarrior): skipped")
        }
        if let todo = Self.find(["todo.sh", "todo-txt"]) {
            peers["todo.txt"] = try todoTxt(todo, plan: document.plan, size: size, in: directory)
        } else {
            notes.append("todo.txt not installed (`todo.sh` or `todo-txt`; apt-get install todotxt-cli): skipped")
        }

        let note = "Reviewed at the benchmark; next step agreed."
        let by = ["--by", Workload.author]
        // Our own cache and state folders: the runs' check records and undo entries stay here.
        var ours = ProcessInfo.processInfo.environment
        ours["XDG_CACHE_HOME"] = directory + "/actionplan-cache"
        ours["XDG_STATE_HOME"] = directory + "/actionplan-state"
        let recordURL = CheckRecord.url(forPlan: planPath, environment: ours)
        // The plan as an earlier edit of ours left it: a note on the last action.
        Self.restore(data, to: planPath)
        let last = document.plan.actions.ref(at: document.plan.actions.count - 1)
        let prepare = [actionplan, "note", planPath, last, "Prepared by the benchmark."] + by
        _ = MeasuredChild.run(prepare, environment: ours)
        let afterOurEdit = Files.read(planPath)
        let record = try? Data(contentsOf: recordURL)
        notes.append(
            "actionplan's `set` and `note` runs start from the plan as its previous edit left it (an untimed note "
                + "on the last action just before), with the check record that edit wrote; the rows \"plan changed "
                + "elsewhere\" start "
                + "from the generated plan without a record, so that the edit reads and checks the whole file")
        if record == nil { notes.append("actionplan wrote no check record: every edit read the whole plan") }
        let setRow = { (start: Start) in
            Row(
                name: "`set REF --rag green`" + (start == .changedElsewhere ? ", plan changed elsewhere" : ""),
                ours: ["set", planPath, first.ref, "--rag", "green"] + by,
                taskwarrior: [PeerData.uuid(0), "modify", "rag:green"],
                todo: ["-f", "replace", "1", PeerData.todoLine(first, status: .green)], edits: start)
        }
        let noteRow = { (start: Start) in
            Row(
                name: "`note REF TEXT`" + (start == .changedElsewhere ? ", plan changed elsewhere" : ""),
                ours: ["note", planPath, first.ref, note] + by, taskwarrior: [PeerData.uuid(0), "annotate", note],
                todo: ["append", "1", note], edits: start)
        }
        let rows = [
            Row(
                name: "start-up (`--version`; todo.txt `shorthelp`)", ours: ["--version"], taskwarrior: ["--version"],
                todo: ["shorthelp"]),
            Row(name: "`list`", ours: ["list", planPath], taskwarrior: ["list"], todo: ["-p", "list"]),
            Row(
                name: "`list --rag red`", ours: ["list", planPath, "--rag", "red"], taskwarrior: ["rag:red", "list"],
                todo: ["-p", "list", "rag:red"]),
            setRow(.afterOurEdit), noteRow(.afterOurEdit), setRow(.changedElsewhere), noteRow(.changedElsewhere),
            Row(
                name: "`export --format json`", ours: ["export", planPath, "--format", "json"], taskwarrior: ["export"]),
        ]

        var lines: [[String]] = []
        for row in rows {
            progress("\(size.grouped) actions: \(row.name)")
            var commands: [(String, [String], Peer?)] = [("actionplan", [actionplan] + row.ours, nil)]
            if let peer = peers["Taskwarrior"], let arguments = row.taskwarrior {
                commands.append((peer.name, [peer.program] + peer.leading + arguments, peer))
            }
            if let peer = peers["todo.txt"], let arguments = row.todo {
                commands.append((peer.name, [peer.program] + peer.leading + arguments, peer))
            }
            var samples: [String: [Double]] = [:]
            var failed: Set<String> = []
            // Run 0 is the untimed warm-up; the tools take turns in every run.
            for run in 0...runs {
                for (name, arguments, peer) in commands where !failed.contains(name) {
                    switch (row.edits, peer) {
                    case (nil, _): break
                    case (.some, let peer?): peer.restore()
                    case (.afterOurEdit, nil):
                        // Then an edit of ours, untimed, so that the file is the one it wrote (its stamp too).
                        Self.restore(afterOurEdit, to: planPath)
                        if let record { Files.write(record, to: recordURL.path, sync: false) }
                        _ = MeasuredChild.run(prepare, environment: ours)
                    case (.changedElsewhere, nil):
                        Self.restore(data, to: planPath)
                        CheckRecord.remove(at: recordURL)
                    }
                    guard let ended = MeasuredChild.run(arguments, environment: peer?.environment ?? ours) else {
                        failed.insert(name)
                        progress("warning: `\(arguments.joined(separator: " "))` failed")
                        continue
                    }
                    if run > 0 { samples[name, default: []].append(ended.seconds(on: clock)) }
                }
            }
            let figures = samples.mapValues { Figure(.seconds, samples: $0) }
            let ours = figures["actionplan"]
            let best = Self.peerNames.compactMap { name in figures[name].map { (name, $0.median) } }
                .min { $0.1 < $1.1 }
            let cells = (["actionplan"] + Self.peerNames).map { name in
                figures[name]?.formatted ?? (failed.contains(name) ? "failed" : "–")
            }
            let ratio = ours.flatMap { ours in best.map { "×" + Report.ratio(ours.median / $0.1) + " (\($0.0))" } }
            lines.append([row.name] + cells + [ratio ?? "–"])
        }
        lines.append(try floorAndParseRow(data: data, path: planPath))

        let header = ["operation (\(size.grouped) actions)", "actionplan"] + Self.peerNames + ["ours ÷ fastest peer"]
        return Report.table(header, lines) + notes.map { "\n- " + $0 }.joined() + (notes.isEmpty ? "" : "\n")
    }

    /// Puts the generated plan back before an edit, dated an hour ago: an edit command
    /// leaves a file another program changed moments ago to settle first (``PlanSession``).
    private static func restore(_ data: Data, to path: String) {
        Files.write(data, to: path, sync: false)
        let hourAgo = time(nil) - 3_600
        var times = [timeval(tv_sec: hourAgo, tv_usec: 0), timeval(tv_sec: hourAgo, tv_usec: 0)]
        utimes(path, &times)
    }

    /// The floors, in the table's units: a process that does nothing (`/bin/true`), and
    /// parsing in this process against reading the file (the `cat` floor), in MB/s.
    private func floorAndParseRow(data: Data, path: String) throws -> [String] {
        let trueRuns = (0...runs).compactMap { _ in MeasuredChild.run(["/bin/true"]) }.dropFirst()
        let start = trueRuns.isEmpty ? "–" : Figure(.seconds, samples: trueRuns.map { $0.seconds(on: clock) }).formatted
        let bytes = Double(data.count)
        let parse = try clock.measure(runs: runs) { consume(try PlanDocument(data: data)) }
        let read = clock.measure(runs: runs) { consume(Files.read(path)) }
        let rate = { (seconds: [Double]) in Figure.significant(bytes / Figure(.seconds, samples: seconds).median / 1e6)
        }
        return [
            "floors: `/bin/true`; parse MB/s vs read (cat)", start, "parse \(rate(parse)) MB/s",
            "read \(rate(read)) MB/s", "–",
        ]
    }

    /// Taskwarrior in its own folder (`TASKRC`, `TASKDATA`), the actions imported as JSON.
    private func taskwarrior(_ program: String, plan: Plan, size: Int, in directory: String) throws -> Peer {
        let folder = directory + "/taskwarrior-\(size)"
        let dataFolder = folder + "/data"
        try FileManager.default.createDirectory(atPath: dataFolder, withIntermediateDirectories: true)
        try PeerData.taskrc(dataLocation: dataFolder).write(
            toFile: folder + "/taskrc", atomically: true, encoding: .utf8)
        let importPath = folder + "/import.json"
        try PeerData.taskwarriorImport(plan).write(to: URL(fileURLWithPath: importPath))
        var environment = ProcessInfo.processInfo.environment
        environment["TASKRC"] = folder + "/taskrc"
        environment["TASKDATA"] = dataFolder
        guard MeasuredChild.run([program, "import", importPath], environment: environment) != nil else {
            throw PeerFailure("`task import` of \(importPath) failed")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dataFolder).map { name in
            (dataFolder + "/" + name, Files.read(dataFolder + "/" + name))
        }
        return Peer(
            name: "Taskwarrior", program: program, environment: environment,
            restore: { for (path, data) in files { Files.write(data, to: path, sync: false) } })
    }

    /// todo.txt with its own configuration (`-d`) and folder.
    private func todoTxt(_ program: String, plan: Plan, size: Int, in directory: String) throws -> Peer {
        let folder = directory + "/todo-\(size)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try PeerData.todoConfig(folder: folder).write(toFile: folder + "/todo.cfg", atomically: true, encoding: .utf8)
        let todo = Data(PeerData.todoFile(plan).utf8)
        Files.write(todo, to: folder + "/todo.txt", sync: false)
        Files.write(Data(), to: folder + "/done.txt", sync: false)
        return Peer(
            name: "todo.txt", program: program, leading: ["-d", folder + "/todo.cfg"],
            restore: { Files.write(todo, to: folder + "/todo.txt", sync: false) })
    }
}

/// A peer that could not be set up.
struct PeerFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
