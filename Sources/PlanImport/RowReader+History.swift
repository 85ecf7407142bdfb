import PlanCore

/// A tracker's update rounds: one progress column per round ("Update Dec 22", "Update
/// Jan 23") becomes one dated note each, and one RAG column per round ("RAG Dec", "RAG
/// Jan") becomes the action's status history.
extension RowReader {
    /// The status from the RAG column whose heading names no date, else from the latest
    /// round; the rounds before it as `Status` changes.
    mutating func readStatus(
        _ row: ImportTable.Row, cell: (Int) -> ImportCell, into draft: inout ActionDraft
    ) throws(ImportError) {
        guard let lastColumn = ragColumns.last?.index else { return }
        var current: Status?
        var currentIsEmpty = false
        var rounds: [(date: PlanDate, status: Status)] = []
        for (index, date) in ragColumns {
            let value = cell(index).text
            if value.allSatisfy(\.isWhitespace) {
                if date == nil { currentIsEmpty = true }
                continue
            }
            guard let status = ImportValues.status(value) else {
                if date != nil {
                    note(row, index, "'\(short(value))' is not a status; left out of the status history")
                    continue
                }
                throw ImportError(
                    row: row.number,
                    "\(columns[index].heading) '\(short(value))' is not a status; "
                        + "use R, A, G, B or N (or Red, Amber, Green, Complete, Done, Blue, Not started)")
            }
            if let date { rounds.append((date, status)) } else { current = status }
        }
        guard let status = current ?? rounds.last?.status else {
            note(
                row, currentIsEmpty ? (ragColumns.first { $0.date == nil }?.index ?? lastColumn) : lastColumn,
                "empty; read as N (Not started)")
            return
        }
        draft.status = status
        for n in rounds.indices.dropFirst() where rounds[n].status != rounds[n - 1].status {
            draft.history.append((rounds[n].date, rounds[n - 1].status, rounds[n].status))
        }
        if let last = rounds.last, last.status != status {
            draft.history.append((max(last.date, options.asAt), last.status, status))
        }
    }

    /// One note per non-empty progress cell, dated by its column's heading, else by the
    /// row's "date of update" cell, else `--as-at`; in date order.
    mutating func readNotes(
        _ row: ImportTable.Row, cell: (Int) -> ImportCell, into draft: inout ActionDraft
    ) throws(ImportError) {
        for (index, date) in progressColumns {
            let lines = try prose(cell(index).text, row: row.number, heading: columns[index].heading)
            guard !lines.isEmpty else { continue }
            draft.notes.append((date ?? updateDate(row, cell: cell), lines))
        }
        draft.notes = draft.notes.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }

    /// The row's "date of last update", or `--as-at` when there is none or it is not a date.
    private mutating func updateDate(_ row: ImportTable.Row, cell: (Int) -> ImportCell) -> PlanDate {
        guard let index = column(.updated) else { return options.asAt }
        let value = cell(index)
        let text = ImportValues.oneLine(value.text)
        guard !text.isEmpty else { return options.asAt }
        if let serial = value.number ?? ImportValues.excelSerial(text),
            let date = PlanDate(excelSerial: serial, date1904: table.date1904)
        {
            return date
        }
        if case .date(let date) = ImportValues.date(text) { return date }
        note(row, index, "'\(short(text))' is not a date; the note is dated \(options.asAt.iso)")
        return options.asAt
    }
}
