import ArgumentParser
import FoundationEssentials
import PlanCore

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write the month's board pack (md, html, csv, json; xlsx and pdf on request) into a dated folder.",
        discussion: """
            Writes DIR/YYYY-MM-DD/NAME.md, .html, .csv and .json (and .xlsx with --xlsx, .pdf with \
            --pdf), where NAME is the plan file's name without its extension and the date is the \
            --as-of day, and prints the paths written. A plan with measures also gets \
            NAME-measures.csv, the table `export --format csv --table measures` writes. \
            The trend in each pack is rebuilt from the plan's history, never read from old snapshots. \
            Given several plans or a folder, writes each plan's pack; a plan that cannot be read is \
            reported, the others are written, and the exit status is 1.
            """)

    @OptionGroup var plans: PlanPathsArgument

    @Option(
        help: ArgumentHelp(
            "The folder that holds the dated folders (default: snapshots, next to the plan file).",
            valueName: "dir"))
    var dir: String?

    @OptionGroup var asOf: AsOfOption

    @OptionGroup var since: SinceOption

    @OptionGroup var length: PackLengthOption

    @Flag(help: "Also write the pack as an Excel workbook, NAME.xlsx.")
    var xlsx = false

    @Flag(help: "Also print the HTML pack to NAME.pdf (needs Chromium).")
    var pdf = false

    @Flag(help: "Replace the pack already written for this plan and day.")
    var force = false

    func run() throws {
        guard plans.single == nil else {
            var written: [String: String] = [:]
            return try snapshot(plans.paths[0], PlanLoading.load(plans.paths[0]), written: &written)
        }
        let portfolio = try PortfolioLoading.load(plans.paths)
        var written: [String: String] = [:]
        for (member, document) in portfolio.loaded { try snapshot(member.path, document, written: &written) }
        try PortfolioLoading.finish(portfolio)
    }

    /// `written` maps each file this run has written to the plan it was written for, so that
    /// two plans (`a.plan` and `a-measures.plan`) never write one file between them.
    private func snapshot(_ path: String, _ document: PlanDocument, written: inout [String: String]) throws {
        let day = asOf.day
        let folder = Self.join(dir ?? Self.join(Self.folder(of: path), "snapshots"), day.iso)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let targets = ExportFormat.allCases.map(ExportTarget.init) + (xlsx ? [.xlsx] : []) + (pdf ? [.pdf] : [])
        let files = targets.map { (format: $0, path: Self.join(folder, "\(name).\($0.fileExtension)")) }
        let pack = try BoardPacks.make(document.plan, asOf: day, since: since.since?.date, length: length.pack)
        // The measures table, as `export --format csv --table measures` writes it, when there are measures.
        let measures = pack.measureRows.isEmpty ? nil : Self.join(folder, "\(name)-measures.csv")

        let paths = files.map(\.path) + [measures].compactMap { $0 }
        if let clash = paths.first(where: { written[$0] != nil }), let other = written[clash] {
            Console.error(
                "error: \(clash) would be written for both \(other) and \(path); "
                    + "rename one of the plans, or snapshot them into different folders with --dir")
            throw ExitCode(1)
        }
        let existing = paths.filter {
            FileManager.default.fileExists(atPath: $0)
        }
        if !existing.isEmpty, !force {
            Console.error(
                "error: \(folder) already holds a pack for \(name) on \(day.iso) "
                    + "(\(existing.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))); "
                    + "use --force to replace it")
            throw ExitCode(1)
        }
        // Render everything first: a missing renderer leaves no half-written pack behind.
        var rendered = try files.map { (path: $0.path, bytes: try $0.format.render(pack, path: path)) }
        if let measures { rendered.append((measures, Data(BoardPackCSV.renderMeasures(pack).utf8))) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            Console.error("error: \(folder): cannot create the folder: \(SystemErrorText.describing(error))")
            throw ExitCode(1)
        }
        for file in rendered {
            try BoardPacks.write(file.bytes, to: file.path)
            written[file.path] = path
            Console.print(file.path)
        }
        if measures == nil, force { Self.removeStaleMeasures(of: name, in: folder, written: written) }
    }

    /// A replaced pack of a plan that no longer has measures leaves no measures table of its
    /// old self behind. The file is another plan's own pack (`NAME-measures.plan` writes
    /// `NAME-measures.csv` beside its `.md`) when that plan's Markdown is there too.
    private static func removeStaleMeasures(of name: String, in folder: String, written: [String: String]) {
        let stale = join(folder, "\(name)-measures.csv")
        let ownPack = join(folder, "\(name)-measures.md")
        guard written[stale] == nil, FileManager.default.fileExists(atPath: stale),
            !FileManager.default.fileExists(atPath: ownPack)
        else { return }
        try? FileManager.default.removeItem(atPath: stale)
    }

    /// The folder part of a path as given: "" for a bare file name.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
