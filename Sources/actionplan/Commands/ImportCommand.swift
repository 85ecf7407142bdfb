import ArgumentParser
import FoundationEssentials
import Glibc
import PlanCore
import PlanImport

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a plan file from a spreadsheet tracker: .csv, .tsv, .xlsx, or .xls and .ods with LibreOffice.",
        discussion: """
            One action per row. Columns are recognised by their headings (Ref, Action, Owner, Due, RAG, \
            Progress, Section, Area and their usual synonyms); other columns are kept as extra fields. \
            Banner rows ("1. Children's voices") start sections and area rows ("1.1 Recording", "What needs \
            to improve: …") start areas; one progress or RAG column per update round ("Update Dec 22", \
            "RAG Jan") becomes dated notes and status history. Prints a report of what was read. A row that \
            cannot become an action stops the import (FILE:ROW: error: …) unless --skip-bad-rows is given. \
            The plan is checked before it is written, atomically, and an existing file is never replaced \
            without --force.

            import --updates SHEET... PLAN... [--dry-run] [--skip-bad-rows] [--date DATE] [--by NAME] reads \
            filled-in return sheets (from `actionplan chase -o`) and applies each row to its plan as a \
            status change and/or a dated note by the row's owner (else --by), dated --date (default \
            today). It prints a report first; if any row is refused, nothing is written unless \
            --skip-bad-rows is given.
            """)

    @Argument(
        help: "The spreadsheet: .csv, .tsv, .xlsx, or .xls and .ods (converted by LibreOffice).",
        completion: .file(extensions: TableFile.extensions))
    var file: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The plan file to write.", valueName: "plan"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "The worksheet to read from a workbook (default: the first with a header row, else the first).",
            valueName: "name"))
    var sheet: String?

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "Read a column as a field: ref, action, owner, due, rag, progress, updated, section, area or ignore "
                + "(repeat for several). WORD=section or WORD=area, where no column is headed WORD, reads rows "
                + "starting with WORD (\"Theme 2: …\") as headings.",
            valueName: "column=field"))
    var map: [ColumnMapping] = []

    @Option(help: ArgumentHelp("The plan's title (default: the file's name without its extension).", valueName: "text"))
    var title: String?

    @Option(
        name: .customLong("as-at"),
        help: ArgumentHelp(
            "The plan's As at date, and the date of the notes of a progress column whose heading names no date "
                + "when no date-of-update column gives one (default: today).", valueName: "date"))
    var asAt: DateArgument?

    @Flag(help: "Print the report and write nothing.")
    var dryRun = false

    @Flag(help: "Leave out rows that cannot become actions, and list them in the report.")
    var skipBadRows = false

    @Flag(help: "Read every row of one text as a section's heading, numbered or not.")
    var sectionRows = false

    @Flag(help: "Read every row of one text as an area's heading, numbered or not (unless --section-rows).")
    var areaRows = false

    @Flag(help: "Replace the plan file if it exists.")
    var force = false

    @Argument(
        help: ArgumentHelp(
            "With --updates: more return sheets, then the plans (files or folders) they update.", valueName: "path",
            visibility: .hidden))
    var more: [String] = []

    @Flag(
        help: ArgumentHelp(
            "Read filled-in return sheets (from `actionplan chase -o`) and apply each row to its plan: "
                + "import --updates SHEET... PLAN..."))
    var updates = false

    @Option(
        help: ArgumentHelp(
            "With --updates: the date of the changes (default: today).", valueName: "date", visibility: .hidden))
    var date: DateArgument?

    @Option(
        help: ArgumentHelp(
            "With --updates: who made the changes, for rows without an owner (default: as for `set`).",
            valueName: "name", visibility: .hidden))
    var by: String?

    func validate() throws {
        if updates { return try validateUpdates() }
        if !more.isEmpty { throw ValidationError("one spreadsheet at a time (or --updates for return sheets)") }
        guard output != nil || dryRun else {
            throw ValidationError("give the plan file to write with -o PLAN, or --dry-run")
        }
    }

    func run() throws {
        if updates { return try runUpdates() }
        let output = output.map(Console.outputPath)
        // The plan on standard output: the report goes to standard error.
        let toStandardOutput = output.map { AtomicFile.descriptor(named: $0) == STDOUT_FILENO } ?? false
        let report = { (text: String) in toStandardOutput ? Console.error(text) : print(text) }
        if let output, !dryRun {
            if Self.isFile(output), !force {
                Console.error("error: \(TerminalText.escaped(output)) already exists; give --force to replace it")
                throw ExitCode(1)
            }
            let resolved = { (path: String) in
                URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            }
            if resolved(output) == resolved(file) {
                Console.error(
                    "error: \(TerminalText.escaped(output)) is the spreadsheet being imported; write the plan to another file"
                )
                throw ExitCode(1)
            }
        }
        let table: ImportTable
        let result: ImportResult
        do {
            table = try TableFile.read(file, sheet: sheet)
        } catch {
            Console.error(TerminalText.escaped(error.formatted(path: file)))
            throw ExitCode(1)
        }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let options = ImportOptions(
            title: title ?? name, asAt: asAt?.date ?? PlanDate.today(),
            columnMap: map.map { ($0.column, $0.field) }, skipBadRows: skipBadRows, sectionRows: sectionRows,
            areaRows: areaRows)
        do {
            result = try PlanImporter.makePlan(from: table, options: options)
        } catch {
            for problem in error.errors { Console.error(TerminalText.escaped(problem.formatted(path: file))) }
            let rows = error.errors.filter { $0.row != nil }.count
            if rows > 0 {
                Console.error(
                    "hint: fix \(rows == 1 ? "this row" : "these rows") in the spreadsheet, "
                        + "or give --skip-bad-rows to import the other rows and list these in the report")
            }
            Console.error("error: nothing written")
            throw ExitCode(1)
        }
        let reportText = TerminalText.escaped(result.report.text, keepNewlines: true)
        if !reportText.isEmpty { report(reportText.hasSuffix("\n") ? String(reportText.dropLast()) : reportText) }
        guard let output, !dryRun else {
            report("Dry run: nothing written.")
            return
        }
        do {
            try PlanFile.save(result.document, to: output)  // under the lock, like every writer of a plan
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(1)
        }
        report(
            "Wrote \(TerminalText.escaped(output)): \(result.report.actions) \(result.report.actions == 1 ? "action" : "actions")."
        )
    }

    /// Whether `path` is a file that writing would replace: not standard output, a device or a pipe.
    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return AtomicFile.descriptor(named: path) == nil && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}

/// `--map COLUMN=FIELD`: the column's heading (any case and spacing) and the field.
struct ColumnMapping: ExpressibleByArgument {
    var column: String
    var field: ImportField

    init?(argument: String) {
        guard let equals = argument.lastIndex(of: "="),
            let field = ImportField(
                rawValue: argument[argument.index(after: equals)...].trimmingWhitespace().lowercased())
        else { return nil }
        column = argument[..<equals].trimmingWhitespace()
        guard !column.isEmpty else { return nil }
        self.field = field
    }
}
