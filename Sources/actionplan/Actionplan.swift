import ArgumentParser
import CProcessMemory
import FoundationEssentials
import Glibc
import PlanCore

@main
struct Actionplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan",
        abstract: "Keep an improvement board's action plan in a plain-text file.",
        discussion: """
            With no subcommand, opens the terminal interface: on $ACTIONPLAN_PLAN when it is set, else \
            on the portfolio of ./plans when that folder holds several plans (its portfolio.txt, or its \
            .plan files), else on its one plan. \
            When the output is not a terminal, prints the default plan's summary instead ($ACTIONPLAN_PLAN, \
            else the first plan portfolio.txt lists, else the first .plan file by name in ./plans), or the \
            portfolio's summary when ./plans has a portfolio.txt.
            """,
        version: BuildInfo.versionLine,
        subcommands: [
            Open.self, Check.self, List.self, Summary.self, SetStatus.self, AddNote.self, AddAction.self,
            EditAction.self, RetireAction.self, MoveAction.self, ReviewCommand.self, UndoCommand.self,
            TrendCommand.self, ChangesCommand.self, ExportCommand.self, SnapshotCommand.self, ImportCommand.self,
            MergeDriver.self, GitSetup.self, Sync.self, ConfigCommand.self, Owners.self, Chase.self,
            SignOffCommand.self, AssessCommand.self, MeasureCommand.self, AsAtCommand.self,
        ]
    )

    static func main() {
        // Before the heap holds much: a big plan's pages come 2 MB at a time (shim.h says why).
        process_memory_prefer_huge_pages()
        Self.main(nil)
    }

    func run() throws {
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1, let folder = DefaultPlan.portfolioToOpen {
            return try Open.parse([folder]).run()
        }
        let path = try DefaultPlan.locate()
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            let open = try Open.parse([path])
            try open.run()
        } else {
            let summary = try Summary.parse([DefaultPlan.portfolioFolder ?? path])
            try summary.run()
        }
    }
}
