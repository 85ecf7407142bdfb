import ArgumentParser
import PlanCore

@main
struct Actionplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan",
        abstract: "Keep an improvement board's action plan in a plain-text file.",
        discussion: """
            With no subcommand, shows the summary of the default plan: $ACTIONPLAN_PLAN, \
            or else the first .plan file (by name) in ./plans.
            """,
        version: "0.1.0",
        subcommands: [Check.self, List.self, Summary.self, SetStatus.self, AddNote.self]
    )

    func run() throws {
        let path = try DefaultPlan.locate()
        var summary = try Summary.parse([path])
        try summary.run()
    }
}
