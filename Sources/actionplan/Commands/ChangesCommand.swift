import ArgumentParser
import PlanCore

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What moved since a date: status changes by kind, actions added, due dates moved, notes added.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, json }

    @OptionGroup var plan: PlanPathArgument

    @Option(help: ArgumentHelp("Changes after the end of this day (e.g. the last review).", valueName: "date"))
    var since: DateArgument

    @Option(help: ArgumentHelp("Up to the end of this day (default: today).", valueName: "date"))
    var until: DateArgument?

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let document = try PlanLoading.load(plan.path)
        let end = until?.date ?? PlanDate.today()
        guard since.date <= end else {
            Console.error("error: --since \(since.date.iso) is after --until \(end.iso)")
            throw ExitCode(1)
        }
        let changes = Changes(plan: document.plan, since: since.date, until: end)
        switch format {
        case .text: print(ChangesReport.text(changes, title: document.plan.title), terminator: "")
        case .md: print(ChangesReport.markdown(changes, title: document.plan.title), terminator: "")
        case .json: print(ChangesReport.json(changes, path: plan.path, title: document.plan.title).serialized())
        }
    }
}
