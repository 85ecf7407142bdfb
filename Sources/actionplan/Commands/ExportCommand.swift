import ArgumentParser
import Foundation
import PlanCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "The plan as a board paper: Markdown, HTML (prints on A4), CSV for Excel, or JSON.",
        discussion: """
            Writes to standard output, or with -o to a file (replaced atomically). The paper holds \
            the summary, RAG by section, what needs attention, red and overdue actions, the changes \
            since the last review and the whole plan, as it stood at the end of the --as-of day.
            """)

    @OptionGroup var plans: PlanPathsArgument

    @Option(help: ArgumentHelp("Output format (default: from the extension of --output).", valueName: "format"))
    var format: ExportFormat?

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var since: SinceOption

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp(
            "Write to this file (replaced atomically; - is standard output) instead of standard output.",
            valueName: "file"))
    var output: String?

    func validate() throws {
        guard format == nil, output.flatMap(ExportFormat.init(fileName:)) == nil else { return }
        throw ValidationError(
            "give --format (md, html, csv or json), or an --output file ending in .md, .html, .csv or .json")
    }

    func run() throws {
        let chosen = format ?? output.flatMap(ExportFormat.init(fileName:)) ?? .md
        let text: String
        var portfolio: Portfolio?
        if let path = plans.single {
            let document = try PlanLoading.load(path)
            let pack = try BoardPacks.make(document.plan, asOf: asOf.day, since: since.since?.date)
            text = chosen.render(pack, path: path)
        } else {
            (text, portfolio) = try portfolioPack(chosen)
        }
        if let output {
            try BoardPacks.write(text, to: Console.outputPath(output))
        } else {
            FileHandle.standardOutput.write(Data(Console.forStandardOutput(text).utf8))
        }
        if let portfolio { try PortfolioLoading.finish(portfolio) }
    }
}

extension ExportCommand {
    /// Several plans: the portfolio's figures, then each plan's pack (Markdown or JSON).
    private func portfolioPack(_ format: ExportFormat) throws -> (String, Portfolio) {
        guard format == .md || format == .json else {
            Console.error(
                "error: a pack of several plans is Markdown or JSON (--format md or json); html and csv take one plan")
            throw ExitCode(1)
        }
        let portfolio = try PortfolioLoading.load(plans.paths)
        let summary = PortfolioSummary(portfolio, asOf: asOf.day)
        var packs: [(path: String, pack: BoardPack)] = []
        for (member, document) in portfolio.loaded {
            packs.append((member.path, try BoardPacks.make(document.plan, asOf: asOf.day, since: since.since?.date)))
        }
        let text =
            format == .md
            ? PortfolioPack.markdown(summary, title: portfolio.title, packs: packs.map(\.pack))
            : PortfolioPack.json(summary, title: portfolio.title, packs: packs).serialized() + "\n"
        return (text, portfolio)
    }
}

extension ExportFormat: ExpressibleByArgument {}

struct SinceOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Changes since the end of this day (default: the plan's Last reviewed date, else 30 days before the as-of day).",
            valueName: "date"))
    var since: DateArgument?
}

/// What `export` and `snapshot` share: building the pack and writing its files.
enum BoardPacks {
    static func make(_ plan: Plan, asOf day: PlanDate, since: PlanDate?) throws -> BoardPack {
        if let since, since > day {
            Console.error("error: --since \(since.iso) is after the as-of day \(day.iso)")
            throw ExitCode(1)
        }
        return BoardPack(plan: plan, asOf: day, since: since)
    }

    /// Writes atomically; a failure is reported and ends the command with status 1.
    static func write(_ text: String, to path: String) throws {
        do {
            try AtomicFile.write(Data(text.utf8), to: path)
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}
