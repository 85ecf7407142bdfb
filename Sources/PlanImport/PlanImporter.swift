import Foundation
import PlanCore

/// What `actionplan import` is asked to do with a table.
public struct ImportOptions: Sendable {
    public var title: String
    /// The plan's `As at` date and the date of the notes made from the progress column.
    public var asAt: PlanDate
    /// `--map COLUMN=FIELD`, in the order given.
    public var columnMap: [(column: String, field: ImportField)]
    /// List rows that cannot become actions in the report instead of stopping.
    public var skipBadRows: Bool

    public init(
        title: String, asAt: PlanDate, columnMap: [(column: String, field: ImportField)] = [], skipBadRows: Bool = false
    ) {
        self.title = title
        self.asAt = asAt
        self.columnMap = columnMap
        self.skipBadRows = skipBadRows
    }
}

/// The import stopped: one problem with the whole table, or every row that cannot become an action.
public struct ImportFailure: Error, Sendable {
    public var errors: [ImportError]
}

public struct ImportResult: Sendable {
    /// The plan, parsed back without errors.
    public var document: PlanDocument
    public var report: ImportReport
}

/// Turns a spreadsheet tracker into a plan: one action per row, in sections and areas
/// from their columns or from the refs, and a report of what was read and how.
public enum PlanImporter {
    public static func makePlan(from table: ImportTable, options: ImportOptions) throws(ImportFailure) -> ImportResult {
        var reader = try RowReader(table: table, options: options)
        var drafts = reader.readRows()
        var bad = reader.bad
        if !bad.isEmpty && !options.skipBadRows { throw ImportFailure(errors: bad) }
        // Placing rows and reading the plan back can find more rows that cannot be
        // actions; without them, try again (each round drops at least one row).
        while true {
            let (placed, misplaced) = ImportLayout.place(drafts, columns: reader.present)
            var problems = misplaced
            var document: PlanDocument?
            if problems.isEmpty {
                let written = ImportPlanText.render(placed, options: options)
                let (parsed, unreadable) = ImportPlanText.readBack(written.text, lines: written.lines, placed)
                document = parsed
                problems = unreadable
            }
            if problems.isEmpty, let document {
                guard !placed.isEmpty else {
                    throw ImportFailure(errors: [
                        ImportError("no rows to import" + (bad.isEmpty ? "" : ": every row was skipped"))
                    ])
                }
                var report = reader.report
                report.skipped = bad.sorted { ($0.row ?? 0) < ($1.row ?? 0) }
                report.values.removeAll { value in bad.contains { $0.row == value.row } }
                report.actions = placed.count
                report.sections = document.plan.sections.count
                report.areas = document.plan.sections.reduce(0) { $0 + $1.areas.count }
                report.statusCounts = Status.allCases.compactMap { status in
                    let n = placed.count { $0.draft.status == status }
                    return n > 0 || [.red, .amber, .green].contains(status) ? (status, n) : nil
                }
                return ImportResult(document: document, report: report)
            }
            bad += problems
            if !options.skipBadRows { throw ImportFailure(errors: bad.sorted { ($0.row ?? 0) < ($1.row ?? 0) }) }
            let dropped = Set(problems.compactMap(\.row))
            guard !dropped.isEmpty else { throw ImportFailure(errors: problems) }
            drafts.removeAll { dropped.contains($0.row) }
        }
    }
}

/// One row read as an action, before it is placed in a section and an area.
struct ActionDraft {
    var row: Int
    var ref: String?
    /// Prose lines: the first goes on the action line.
    var text: [String]
    var status: Status
    var owners: [String]
    var due: String?
    var note: [String]
    var extras: [(name: String, value: [String])]
    /// The section and area cells (blank ones take the value above), when there are such columns.
    var sectionCell: String?
    var areaCell: String?
}

/// Reads the table's rows into drafts, collecting the report and the rows that cannot be actions.
private struct RowReader {
    let table: ImportTable
    let options: ImportOptions
    let headerIndex: Int
    let columns: [ImportColumn]
    let actionColumn: Int
    /// Each field's column, looked up for every row.
    let fieldColumns: [ImportField: Int]
    /// A board pack from `actionplan export --format csv`, whose cells that a spreadsheet
    /// would run as formulas start with `'`.
    let isBoardPack: Bool
    var report: ImportReport
    var bad: [ImportError] = []
    private var rowNotes: [(column: Int, note: ImportError)] = []

    init(table: ImportTable, options: ImportOptions) throws(ImportFailure) {
        self.table = table
        self.options = options
        let nonBlank = table.rows.indices.filter { !table.rows[$0].isBlank }
        guard let first = nonBlank.first else { throw ImportFailure(errors: [ImportError("the file has no rows")]) }
        // The header is the first row with two known headings (a title may stand above it).
        let mapped = Set(options.columnMap.map { ImportColumns.key($0.column) })
        headerIndex =
            nonBlank.prefix(20).first { index in
                table.rows[index].cells.count {
                    ImportField.matching($0.text) != nil || mapped.contains(ImportColumns.key($0.text))
                } >= 2
            } ?? first
        let cells = table.rows[headerIndex].cells
        let width = (cells.lastIndex { !$0.isBlank } ?? -1) + 1
        let headings = (0..<width).map { ImportColumns.heading(cells[$0].text, index: $0) }
        isBoardPack = headings.map(ImportColumns.key) == ImportColumns.boardPackHeader
        do {
            columns = try ImportColumns.resolve(headings, overrides: options.columnMap)
        } catch {
            throw ImportFailure(errors: [error])
        }
        guard let actionColumn = columns.firstIndex(where: { $0.use == .field(.action) }) else {
            throw ImportFailure(errors: [
                ImportError(
                    "no column holds the actions: none is headed "
                        + ImportField.action.synonyms.map { "'\($0)'" }.joined(separator: ", ")
                        + "; name it with --map COLUMN=action (the columns are \(headings.map { "'\($0)'" }.joined(separator: ", ")))"
                )
            ])
        }
        self.actionColumn = actionColumn
        var fieldColumns: [ImportField: Int] = [:]
        for (index, column) in columns.enumerated() {
            if case .field(let field) = column.use, fieldColumns[field] == nil { fieldColumns[field] = index }
        }
        self.fieldColumns = fieldColumns
        report = ImportReport(headerRow: table.rows[headerIndex].number, columns: columns, noteDate: options.asAt)
        report.rowsAbove = nonBlank.prefix { $0 < headerIndex }.map { table.rows[$0].number }
    }

    var present: Set<ImportField> { Set(fieldColumns.keys) }

    func column(_ field: ImportField) -> Int? { fieldColumns[field] }

    mutating func readRows() -> [ActionDraft] {
        var drafts: [ActionDraft] = []
        var firstRowOfRef: [String: Int] = [:]
        var section: String?
        var area: String?
        for row in table.rows[(headerIndex + 1)...] {
            if row.isBlank {
                report.blankRows += 1
                continue
            }
            report.rowsRead += 1
            let cell = { [isBoardPack] (index: Int) -> ImportCell in
                let cell = row.cells.indices.contains(index) ? row.cells[index] : ""
                return isBoardPack ? ImportValues.formulaUnguarded(cell) : cell
            }
            // Merged cells and "same as above": a blank section or area cell takes the one above.
            // A new section starts without an area.
            if let text = column(.section).map(cell)?.text, !text.allSatisfy(\.isWhitespace) {
                if text != section { area = nil }
                section = text
            }
            if let text = column(.area).map(cell)?.text, !text.allSatisfy(\.isWhitespace) { area = text }
            rowNotes = []
            do throws(ImportError) {
                var draft = try read(row, cell: cell)
                draft.sectionCell = section
                draft.areaCell = area
                if let ref = draft.ref {
                    if let first = firstRowOfRef[ref.lowercased()] {
                        throw ImportError(row: row.number, "duplicate ref \(ref) (row \(first) has it too)")
                    }
                    firstRowOfRef[ref.lowercased()] = row.number
                }
                drafts.append(draft)
                report.values += rowNotes.sorted { $0.column < $1.column }.map(\.note)
            } catch {
                bad.append(error)
            }
        }
        return drafts
    }

    private mutating func read(_ row: ImportTable.Row, cell: (Int) -> ImportCell) throws(ImportError) -> ActionDraft {
        if let extra = row.cells.indices.dropFirst(columns.count).first(where: { !row.cells[$0].isBlank }) {
            throw ImportError(
                row: row.number,
                "'\(short(row.cells[extra].text))' in column \(ImportColumns.letters(extra)), "
                    + "beyond the header's last column (\(ImportColumns.letters(columns.count - 1))); give the column a heading"
            )
        }
        let actionHeading = columns[actionColumn].heading
        let text = try prose(cell(actionColumn).text, row: row.number, heading: actionHeading, isActionText: true)
        guard !text.isEmpty else {
            throw ImportError(row: row.number, "no action text (column '\(actionHeading)' is empty)")
        }
        var draft = ActionDraft(row: row.number, text: text, status: .notStarted, owners: [], note: [], extras: [])

        if let index = column(.rag) {
            let value = cell(index).text
            if value.allSatisfy(\.isWhitespace) {
                note(row, index, "empty; read as N (Not started)")
            } else if let status = ImportValues.status(value) {
                draft.status = status
            } else {
                throw ImportError(
                    row: row.number,
                    "\(columns[index].heading) '\(short(value))' is not a status; "
                        + "use R, A, G, B or N (or Red, Amber, Green, Complete, Done, Blue, Not started)")
            }
        }
        if let index = column(.ref) {
            let value = ImportValues.oneLine(cell(index).text).filter { $0 != " " }
            let ref = value.hasSuffix(".") ? String(value.dropLast()) : value
            if !ref.isEmpty {
                guard let first = ref.first, first.isLetter || first.isNumber,
                    ref.allSatisfy({ $0.isLetter || $0.isNumber || "._/-".contains($0) })
                else {
                    throw ImportError(
                        row: row.number,
                        "\(columns[index].heading) '\(short(value))' cannot be a ref: "
                            + "a ref holds letters, digits and . _ / -, starting with a letter or digit, e.g. 1.1a")
                }
                draft.ref = ref
            }
        }
        if let index = column(.owner) { draft.owners = ImportValues.owners(cell(index).text) }
        if let index = column(.due) { readDue(cell(index), row: row, column: index, into: &draft) }
        if let index = column(.progress) {
            draft.note = try prose(cell(index).text, row: row.number, heading: columns[index].heading)
        }
        for (index, column) in columns.enumerated() {
            guard case .extra(let name, _) = column.use, index < row.cells.count, !row.cells[index].isBlank else {
                continue
            }
            let value = cell(index)
            let lines = try prose(value.text, row: row.number, heading: column.heading)
            if !lines.isEmpty { draft.extras.append((name, lines)) }
        }
        return draft
    }

    /// A date (written as an ISO `Due:`), or free text as written. Text that names a day
    /// that does not exist, or is far too long for a due date, is kept as an extra field
    /// instead, so that the plan stays valid and nothing is lost.
    private mutating func readDue(
        _ cell: ImportCell, row: ImportTable.Row, column index: Int, into draft: inout ActionDraft
    ) {
        let text = ImportValues.oneLine(cell.text)
        guard !text.isEmpty else { return }
        let problem: String
        if let serial = cell.number ?? ImportValues.excelSerial(text) {
            if let date = PlanDate(excelSerial: serial, date1904: table.date1904) {
                draft.due = date.iso
            } else {
                draft.due = text
                note(row, index, "'\(short(text))' is not a date; kept as a free-text due")
            }
            return
        } else if text.utf8.count > 500 {
            problem = "\(text.count) characters are too many for a due date"
        } else {
            switch ImportValues.date(text) {
            case .date(let date):
                draft.due = date.iso
                return
            case .impossible(let why): problem = why
            case .notADate:
                let readings = DateText.scan(text).map(\.reading)
                var impossible: String?
                for case .impossible(let why) in readings { impossible = why }
                guard let impossible else {
                    draft.due = text
                    // The plan takes a due date from free text that names exactly one.
                    if readings.count(where: { if case .date = $0 { true } else { false } }) != 1 {
                        note(row, index, "'\(short(text))' is not a date; kept as a free-text due")
                    }
                    return
                }
                problem = impossible
            }
        }
        let name = ImportColumns.fieldName(columns[index].heading + " (not a date)")
        draft.extras.append((name, [text]))
        note(row, index, "\(problem); kept as the extra field '\(name)', with no due date")
    }

    /// A cell as prose lines. In an action's text, a line that the plan would read as a
    /// field (`- Owner: …`) is written as a `* ` item; a line starting `<!--` would open
    /// a comment, so the row cannot be written.
    private func prose(_ cell: String, row: Int, heading: String, isActionText: Bool = false) throws(ImportError)
        -> [String]
    {
        var lines = ImportValues.prose(cell)
        for n in lines.indices.dropFirst() {
            let line = Substring(lines[n])
            if line.hasPrefix("<!--") {
                throw ImportError(
                    row: row, "a line of '\(heading)' starts with `<!--`, which a plan reads as the start of a comment")
            }
            if isActionText,
                LineSyntax.plainActionField(line) != nil || LineSyntax.isDatedHistoryItem(line)
                    || LineSyntax.isUndatedHistoryItem(line)
            {
                lines[n] = "* " + line.dropFirst(2)
            }
        }
        return lines
    }

    /// A value not read as it stands, for the report (in column order once the row is read).
    private mutating func note(_ row: ImportTable.Row, _ column: Int, _ message: String) {
        rowNotes.append((column, ImportError(row: row.number, "\(columns[column].heading): \(message)")))
    }
}

/// A cell's text shortened for a message.
func short(_ text: String) -> String {
    let line = ImportValues.oneLine(text)
    return line.count > 40 ? line.prefix(39) + "…" : line
}
