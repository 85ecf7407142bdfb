import FoundationEssentials
import PlanCore

/// Reads the table's rows into drafts, collecting the report and the rows that cannot be actions.
struct RowReader {
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
    var rowNotes: [(column: Int, note: ImportError)] = []
    /// Words that start a section's or an area's heading row, from `--map WORD=section`
    /// where no column is headed WORD.
    let headingWords: (section: Set<String>, area: Set<String>)
    /// The progress columns, in date order; the one whose heading names no date last but
    /// one of each. The RAG columns likewise: the undated one is the current status.
    let progressColumns: [(index: Int, date: PlanDate?)]
    let ragColumns: [(index: Int, date: PlanDate?)]
    /// Heading rows seen: section and area rows read from the table itself.
    var sawSectionRows = false, sawAreaRows = false

    init(table: ImportTable, options: ImportOptions) throws(ImportFailure) {
        self.table = table
        self.options = options
        let nonBlank = table.rows.indices.filter { !table.rows[$0].isBlank }
        guard let first = nonBlank.first else { throw ImportFailure(errors: [ImportError("the file has no rows")]) }
        let mapped = Set(options.columnMap.map { ImportColumns.key($0.column) })
        headerIndex = ImportColumns.headerRow(in: table.rows, mapped: mapped) ?? first
        let cells = table.rows[headerIndex].cells
        let width = (cells.lastIndex { !$0.isBlank } ?? -1) + 1
        let headings = (0..<width).map { ImportColumns.heading(cells[$0].text, index: $0) }
        isBoardPack = headings.map(ImportColumns.key) == ImportColumns.boardPackHeader
        // `--map Theme=section` with no column headed Theme: rows starting "Theme" are sections.
        let keys = Set(headings.map(ImportColumns.key))
        let words = options.columnMap.filter {
            [.section, .area].contains($0.field) && !keys.contains(ImportColumns.key($0.column))
        }
        headingWords = (
            Set(words.filter { $0.field == .section }.map { $0.column.lowercased() }),
            Set(words.filter { $0.field == .area }.map { $0.column.lowercased() })
        )
        let overrides = options.columnMap.filter { mapping in !words.contains { $0.column == mapping.column } }
        var resolved: [ImportColumn]
        do {
            resolved = try ImportColumns.resolve(headings, overrides: overrides, asAt: options.asAt)
        } catch {
            throw ImportFailure(errors: [error])
        }
        // A date of update dates the notes of the progress column whose heading has no date.
        if let updated = resolved.firstIndex(where: { $0.use == .field(.updated) }),
            !resolved.contains(where: { $0.use == .field(.progress) && $0.date == nil })
        {
            resolved[updated].use = .extra(
                name: ImportColumns.fieldName(resolved[updated].heading),
                reason: "no progress column without a date of its own")
        }
        columns = resolved
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
        func dated(_ field: ImportField) -> [(index: Int, date: PlanDate?)] {
            resolved.indices.filter { resolved[$0].use == .field(field) }.map { ($0, resolved[$0].date) }
                .sorted {
                    ($0.date == nil ? 1 : 0, $0.date?.iso ?? "", $0.index) < (
                        $1.date == nil ? 1 : 0, $1.date?.iso ?? "", $1.index
                    )
                }
        }
        progressColumns = dated(.progress)
        ragColumns = dated(.rag)
        report = ImportReport(headerRow: table.rows[headerIndex].number, columns: columns, noteDate: options.asAt)
        report.rowsAbove = nonBlank.prefix { $0 < headerIndex }.map { table.rows[$0].number }
        report.source = table.source
    }

    var present: Set<ImportField> {
        Set(fieldColumns.keys).union(sawSectionRows ? [.section] : []).union(sawAreaRows ? [.area] : [])
    }

    func column(_ field: ImportField) -> Int? { fieldColumns[field] }

    mutating func readRows() -> [ActionDraft] {
        var drafts: [ActionDraft] = []
        var firstRowOfRef: [String: Int] = [:]
        var section: String?
        var area: String?
        var findings: [AreaFinding] = []
        var actionsUnderArea = 0
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
            // A banner row starts a section; an area row an area, with the findings it carries.
            if let heading = headingRow(row, cell: cell) {
                switch heading {
                case .section(let text):
                    sawSectionRows = true
                    report.sectionRows.append(row.number)
                    section = text
                    area = nil
                    findings = []
                case .area(let text, let found):
                    sawAreaRows = true
                    report.areaRows.append(row.number)
                    // Findings go on with the area above until it has actions or the same finding again.
                    let continues =
                        text == nil && actionsUnderArea == 0
                        && !found.contains { new in findings.contains { $0.field == new.field } }
                    if !continues {
                        area = text ?? found.first.map { Self.title(fromFinding: $0.text) }
                        findings = []
                        actionsUnderArea = 0
                    }
                    findings += found
                }
                continue
            }
            // Merged cells and "same as above": a blank section or area cell takes the one above.
            // A new section starts without an area.
            if let text = column(.section).map(cell)?.text, !text.allSatisfy(\.isWhitespace) {
                if text != section {
                    area = nil
                    findings = []
                }
                section = text
            }
            if let text = column(.area).map(cell)?.text, !text.allSatisfy(\.isWhitespace) {
                if text != area { findings = [] }
                area = text
            }
            rowNotes = []
            do throws(ImportError) {
                var draft = try read(row, cell: cell)
                draft.sectionCell = section
                draft.areaCell = area
                draft.findings = findings
                actionsUnderArea += 1
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
        var draft = ActionDraft(row: row.number, text: text, status: .notStarted, owners: [], extras: [])
        try readStatus(row, cell: cell, into: &draft)
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
        try readNotes(row, cell: cell, into: &draft)
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
    mutating func readDue(
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
    func prose(_ cell: String, row: Int, heading: String, isActionText: Bool = false) throws(ImportError)
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
    mutating func note(_ row: ImportTable.Row, _ column: Int, _ message: String) {
        rowNotes.append((column, ImportError(row: row.number, "\(columns[column].heading): \(message)")))
    }
}
