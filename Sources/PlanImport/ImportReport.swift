import PlanCore

/// What `actionplan import` read and made: rows, how each column was used, the
/// actions by status, values it could not interpret and rows it skipped.
public struct ImportReport: Sendable {
    /// The spreadsheet row of the header.
    public var headerRow: Int
    public var columns: [ImportColumn]
    /// The date of the notes made from the progress column.
    public var noteDate: PlanDate
    /// Non-blank rows above the header (a title, say), not read.
    public var rowsAbove: [Int] = []
    /// Rows read as the heading of a section (a banner row) or of an area (its number and
    /// title, or its findings).
    public var sectionRows: [Int] = []
    public var areaRows: [Int] = []
    /// How the file was read, when it took more than reading it: "sheet 'Actions' (the
    /// first with a header; passed over: 'Cover')", "Windows-1252 text, decoded".
    public var source: [String] = []
    /// Non-blank rows under the header.
    public var rowsRead = 0
    public var blankRows = 0
    public var actions = 0
    public var sections = 0
    public var areas = 0
    /// R, A and G, then B and N when used.
    public var statusCounts: [(status: Status, count: Int)] = []
    /// Values that could not be read as meant, each with its row and column.
    public var values: [ImportError] = []
    /// Rows that could not become actions (with `--skip-bad-rows`).
    public var skipped: [ImportError] = []

    init(headerRow: Int, columns: [ImportColumn], noteDate: PlanDate) {
        self.headerRow = headerRow
        self.columns = columns
        self.noteDate = noteDate
    }

    /// The report as text, one item a line.
    public var text: String {
        var out: [String] = []
        var rows = "Rows: \(rowsRead) read under the header on row \(headerRow)"
        if blankRows > 0 { rows += ", \(blankRows) blank \(blankRows == 1 ? "row" : "rows") skipped" }
        if !rowsAbove.isEmpty { rows += "; above the header, not read: " + rowList(rowsAbove) }
        out.append(rows)
        out += source.map { "Read: " + $0 }
        if !sectionRows.isEmpty || !areaRows.isEmpty {
            var layout: [String] = []
            if !sectionRows.isEmpty { layout.append("sections from the heading rows " + rowList(sectionRows)) }
            if !areaRows.isEmpty { layout.append("areas from the rows " + rowList(areaRows)) }
            out.append("Layout: " + layout.joined(separator: "; "))
        }

        out.append("Columns:")
        let width = min(32, columns.map { DisplayWidth.of($0.heading) }.max() ?? 0)
        for column in columns {
            let use: String
            switch column.use {
            case .field(.progress):
                if let date = column.date {
                    use = "progress (a note dated \(date.iso), from the heading)"
                } else if let updated = columns.first(where: { $0.use == .field(.updated) }) {
                    use = "progress (a note dated by '\(updated.heading)', else \(noteDate.iso))"
                } else {
                    use = "progress (a note dated \(noteDate.iso))"
                }
            case .field(.rag) where columns.count(where: { $0.use == .field(.rag) }) > 1:
                use =
                    column.date.map { "rag (the status on \($0.iso), from the heading: status history)" }
                    ?? "rag (the current status)"
            case .field(.updated): use = "updated (the date of the undated progress column's notes)"
            case .field(let field): use = field.rawValue
            case .extra(let name, let reason):
                use = "kept as the extra field '\(name)'" + (reason.map { " (\($0))" } ?? "")
            case .ignored(let reason): use = "ignored (\(reason))"
            }
            out.append("  " + DisplayWidth.fit(column.heading, to: width) + "  -> " + use)
        }
        if !columns.contains(where: { $0.use == .field(.rag) }) {
            out.append("  (no RAG column: every action is N, Not started)")
        }

        let counts = statusCounts.map { "\($0.status.code) \($0.count)" }.joined(separator: "  ")
        out.append(
            "Actions: \(actions) in \(sections) \(sections == 1 ? "section" : "sections"), "
                + "\(areas) \(areas == 1 ? "area" : "areas"): \(counts)")
        if !values.isEmpty {
            out.append("Values not interpreted (\(values.count)):")
            out += values.map { "  \($0)" }
        }
        if !skipped.isEmpty {
            out.append("Rows skipped (\(skipped.count), --skip-bad-rows):")
            out += skipped.map { "  \($0)" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `1, 2, 5–7`.
    private func rowList(_ rows: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for row in rows {
            if let last = runs.last, last.upperBound + 1 == row {
                runs[runs.count - 1] = last.lowerBound...row
            } else {
                runs.append(row...row)
            }
        }
        return runs.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }.joined(
            separator: ", ")
    }
}
