import ArgumentParser
import FoundationEssentials
import Glibc
import PlanCore
import PlanImport

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "The plan as a board paper: Markdown, HTML (prints on A4), PDF, an Excel workbook, CSV or JSON.",
        discussion: """
            Writes to standard output, or with -o to a file (replaced atomically). The paper holds \
            the summary, RAG by section, what needs attention, red and overdue actions, the changes \
            since the last review and the whole plan, as it stood at the end of the --as-of day.
            """)

    @OptionGroup var plans: PlanPathsArgument

    @Option(help: ArgumentHelp("Output format (default: from the extension of --output).", valueName: "format"))
    var format: ExportTarget?

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var since: SinceOption

    @OptionGroup var length: PackLengthOption

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp(
            "Write to this file (replaced atomically; - is standard output) instead of standard output.",
            valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "With csv: the table to write, actions (one row per action) or measures (one row per measure value).",
            valueName: "table"))
    var table: CSVTable = .actions

    /// The tables a CSV pack can be: a CSV file holds one.
    enum CSVTable: String, CaseIterable, ExpressibleByArgument {
        case actions, measures
    }

    func validate() throws {
        if table == .measures, (format ?? output.flatMap(ExportTarget.init(fileName:))) != .csv {
            throw ValidationError(
                "--table measures is a CSV table: give --format csv, or an --output file ending in .csv")
        }
        if table == .measures, plans.single == nil {
            throw ValidationError("--table measures is one plan's table: give one plan, not a folder or several")
        }
        guard format == nil, output.flatMap(ExportTarget.init(fileName:)) == nil else { return }
        throw ValidationError(
            "give --format (md, html, pdf, xlsx, csv or json), or an --output file ending in .md, .html, .pdf, "
                + ".xlsx, .csv or .json")
    }

    func run() throws {
        let chosen = format ?? output.flatMap(ExportTarget.init(fileName:)) ?? .md
        if output == nil, chosen.isBinary, isatty(STDOUT_FILENO) == 1 {
            Console.error("error: a .\(chosen.fileExtension) file is not for a terminal; give -o FILE")
            throw ExitCode(1)
        }
        let bytes: Data
        var portfolio: Portfolio?
        if let path = plans.single {
            let document = try PlanLoading.load(path)
            let pack = try BoardPacks.make(
                document.plan, asOf: asOf.day, since: since.since?.date, length: length.pack)
            bytes =
                table == .measures
                ? Data(BoardPackCSV.renderMeasures(pack).utf8) : try chosen.render(pack, path: path)
        } else {
            let (text, loaded) = try portfolioPack(chosen)
            bytes = Data(text.utf8)
            portfolio = loaded
        }
        if let output {
            try BoardPacks.write(bytes, to: Console.outputPath(output))
        } else if chosen.isBinary || isatty(STDOUT_FILENO) != 1 {
            Console.write(bytes)
        } else {
            // Text to a terminal has its control characters escaped; to a file or a pipe it is exact.
            Console.write(Console.forStandardOutput(String(decoding: bytes, as: UTF8.self)))
        }
        if let portfolio { try PortfolioLoading.finish(portfolio) }
    }
}

extension ExportCommand {
    /// Several plans: the portfolio's figures, then each plan's pack (Markdown or JSON).
    private func portfolioPack(_ format: ExportTarget) throws -> (String, Portfolio) {
        guard format == .md || format == .json else {
            Console.error(
                "error: a pack of several plans is Markdown or JSON (--format md or json); other formats take one plan")
            throw ExitCode(1)
        }
        let portfolio = try PortfolioLoading.load(plans.paths)
        let summary = PortfolioSummary(portfolio, asOf: asOf.day)
        var packs: [(path: String, pack: BoardPack)] = []
        for (member, document) in portfolio.loaded {
            packs.append(
                (
                    member.path,
                    try BoardPacks.make(document.plan, asOf: asOf.day, since: since.since?.date, length: length.pack)
                ))
        }
        let text =
            format == .md
            ? PortfolioPack.markdown(summary, title: portfolio.title, packs: packs.map(\.pack))
            : PortfolioPack.json(summary, title: portfolio.title, packs: packs).serialized() + "\n"
        return (text, portfolio)
    }
}

extension ExportFormat: ExpressibleByArgument {}

extension PackLength: ExpressibleByArgument {}

struct PackLengthOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "full: the whole pack with the plan; short: summary, exceptions, changes and trend, for circulation "
                + "(md, html and pdf).",
            valueName: "length"))
    var pack: PackLength = .full
}

struct SinceOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Changes since the end of this day (default: the plan's Last reviewed date, else 30 days before the as-of day).",
            valueName: "date"))
    var since: DateArgument?
}

/// What `export` and `snapshot` share: building the pack and writing its files.
enum BoardPacks {
    static func make(_ plan: Plan, asOf day: PlanDate, since: PlanDate?, length: PackLength = .full) throws
        -> BoardPack
    {
        if let since, since > day {
            Console.error("error: --since \(since.iso) is after the as-of day \(day.iso)")
            throw ExitCode(1)
        }
        var pack = BoardPack(plan: plan, asOf: day, since: since)
        pack.length = length
        return pack
    }

    /// Writes atomically; a failure is reported and ends the command with status 1.
    static func write(_ bytes: Data, to path: String) throws {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}
