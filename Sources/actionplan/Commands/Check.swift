import ArgumentParser
import PlanCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check plan files: every error and warning, with its line and column.",
        discussion: "Exit status 0 when every file is valid (warnings allowed), 1 otherwise.")

    @Argument(help: "Plan files to check.", completion: .file(extensions: ["plan"]))
    var paths: [String]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Do not print warnings.")
    var quiet = false

    @Flag(
        name: .customLong("no-board-checks"),
        help: "Only check that the file is valid; skip the board checks (overdue, green without a note, …).")
    var noBoardChecks = false

    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one plan file") }
    }

    func run() throws {
        var failed = false
        for path in paths {
            let document: PlanDocument
            do {
                document = try PlanFile.load(path)
            } catch {
                Console.error(error.description)
                failed = true
                continue
            }
            let past = document.plan.asOf(asOf.day)
            let warnings =
                document.warnings
                + (noBoardChecks
                    ? []
                    : (BoardCheck.warnings(for: past, on: asOf.day) + GovernanceCheck.warnings(for: past, on: asOf.day))
                        .sorted { ($0.line, $0.column) < ($1.line, $1.column) })
            if !quiet || strict {
                for warning in warnings {
                    Console.error(warning.formatted(path: path, sourceLine: document.sourceLine(warning.line)))
                }
            }
            if strict, !warnings.isEmpty {
                Console.error(
                    "\(TerminalText.escaped(path)): \(warnings.count) warning\(warnings.count == 1 ? "" : "s") (--strict)"
                )
                failed = true
                continue
            }
            let count = document.plan.actions.count
            let warned = warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
            print("ok: \(TerminalText.escaped(path)): \(count) action\(count == 1 ? "" : "s")\(warned)")
        }
        if failed { throw ExitCode(1) }
    }
}
