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

    @OptionGroup var plan: PlanPathArgument

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
        let document = try PlanLoading.load(plan.path)
        let pack = try BoardPacks.make(document.plan, asOf: asOf.day, since: since.since?.date)
        let chosen = format ?? output.flatMap(ExportFormat.init(fileName:)) ?? .md
        let text = chosen.render(pack, path: plan.path)
        if let output {
            try BoardPacks.write(text, to: Console.outputPath(output))
        } else {
            FileHandle.standardOutput.write(Data(Console.forStandardOutput(text).utf8))
        }
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
