import ArgumentParser
import PlanCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check plan files: every error and warning, with its line and column.",
        discussion: """
            Exit status 0 when every file is valid (warnings allowed), 1 otherwise. Besides the format, \
            checks the board's rules (overdue, green without a note, …) and the history (lines dated in \
            the future, an overdue action re-dated without a reason, a status with no status line).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Plan files to check.", completion: .file(extensions: ["plan"]))
    var paths: [String]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Do not print warnings.")
    var quiet = false

    @Flag(
        name: .customLong("no-board-checks"),
        help:
            "Only check that the file is valid; skip the board checks (overdue, green without a note, …) and the history checks."
    )
    var noBoardChecks = false

    @Flag(help: "Print how many warnings of each kind, each hint once, instead of every warning.")
    var summary = false

    @Option(help: "Output format: text (messages on standard error) or json (on standard output).")
    var format: Format = .text

    @Flag(
        name: .customLong("fix-history"),
        help: "Record a status line (N -> the letter) for each action whose status has none, dated --date.")
    var fixHistory = false

    @Option(help: ArgumentHelp("With --fix-history: the day the statuses were reached.", valueName: "date"))
    var date: DateArgument?

    @Option(help: ArgumentHelp("With --fix-history: who is recording.", valueName: "name"))
    var by: String?

    @Flag(
        name: .customLong("dry-run"),
        help: "With --fix-history: print the diff the status lines would make to the file, and write nothing.")
    var dryRun = false

    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one plan file") }
        if fixHistory, date == nil {
            throw ValidationError("--fix-history needs --date: the day the letters were changed, as far as you know")
        }
        if fixHistory, paths.count != 1 { throw ValidationError("--fix-history mends one plan at a time") }
        if !fixHistory, date != nil || by != nil || dryRun {
            throw ValidationError("--date, --by and --dry-run go with --fix-history")
        }
        if let date = date?.date, date > PlanDate.today() {
            throw ValidationError("--date \(date.iso) is after today; a status is reached on or before today")
        }
    }

    func run() throws {
        if fixHistory, let date { return try mendHistory(paths[0], on: date.date) }
        var failed = false
        var reports: [JSONValue] = []
        for path in paths {
            let document: PlanDocument
            do {
                document = try PlanFile.load(path)
                // Only the last: an earlier one kept would still be held while the next loads.
                if path == paths.last { LeftForExit.keep(document) }
            } catch {
                failed = true
                if format == .json {
                    reports.append(CheckReport.json(path: path, error: error))
                } else {
                    Console.error(error.description)
                }
                continue
            }
            let past = document.plan.asOf(asOf.day)
            let warnings =
                document.warnings
                + (noBoardChecks
                    ? []
                    : HistoryCheck.warnings(for: document.plan, on: PlanDate.today(), baseline: Git.committedPlan(path))
                        + (BoardCheck.warnings(for: past, on: asOf.day)
                        + GovernanceCheck.warnings(for: past, on: asOf.day))
                        .sorted { ($0.line, $0.column) < ($1.line, $1.column) })
            let refused = strict && !warnings.isEmpty
            if refused { failed = true }
            if format == .json {
                reports.append(CheckReport.json(path: path, document: document, warnings: warnings, valid: !refused))
                continue
            }
            if !quiet || strict {
                if summary, !warnings.isEmpty {
                    Console.error(CheckReport.summary(warnings, path: path))
                } else if !summary {
                    for warning in warnings {
                        Console.error(warning.formatted(path: path, sourceLine: document.sourceLine(warning.line)))
                    }
                }
            }
            if refused {
                Console.error(
                    "\(TerminalText.escaped(path)): \(warnings.count) warning\(warnings.count == 1 ? "" : "s") (--strict)"
                )
                continue
            }
            let count = document.plan.actions.count
            let warned = warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
            print("ok: \(TerminalText.escaped(path)): \(count) action\(count == 1 ? "" : "s")\(warned)")
        }
        if format == .json {
            print(
                JSONValue.object([
                    ("schemaVersion", .int(PlanJSON.schemaVersion)), ("valid", .bool(!failed)),
                    ("files", .array(reports)),
                ]).serialized())
        }
        if failed { throw ExitCode(1) }
    }

    /// `--fix-history`: a status line for each action whose letter has none.
    private func mendHistory(_ path: String, on day: PlanDate) throws {
        let who = Author.resolve(explicit: by, gitName: Git.userName)
        let baseline = Git.committedPlan(path)
        var options = WriteOptions()
        options.dryRun = dryRun
        options.format = format == .json ? .json : .text
        try EditCommand.run(path: path, options: options, author: who, day: day) {
            document throws(PlanDocument.EditError) in
            var changes: [String] = []
            let found = HistoryCheck.actionsWithoutStatusHistory(in: document.plan, baseline: baseline)
            for (action, old) in found {
                let outcome = try document.recordStatusReached(ref: action.ref, from: old, on: day, by: who)
                changes.append("\(outcome.ref) " + outcome.changes.joined(separator: "; "))
            }
            return PlanDocument.EditOutcome(ref: "plan", changes: changes)
        }
    }
}
