import PlanCore

/// One filled-in row of a return sheet (see ``ReturnSheet``): an owner's new status
/// and progress note for one action of one plan.
public struct UpdateRow: Sendable, Equatable {
    /// The sheet's row number (the header is row 1).
    public var row: Int
    public var owner: String?
    /// The plan's path as the sheet gives it.
    public var plan: String
    public var ref: String
    public var newStatus: Status?
    public var note: String?
}

/// Reads return sheets back, CSV or workbook: columns found by their headings (`plan`,
/// `ref`, `new_status`, `progress_note`, and `owner` when present), in any order and case,
/// a space read as `_`, in the first row or (in a workbook) below a title and instructions.
public enum ReturnSheetReader {
    /// The filled-in rows (rows with neither a new status nor a note are left out), and
    /// an error for each row that cannot be read: a status nobody knows, a note with
    /// control characters, no ref.
    public static func read(_ table: ImportTable) throws(ImportError) -> (rows: [UpdateRow], errors: [ImportError]) {
        guard let first = table.rows.first else { throw ImportError("the sheet is empty") }
        func headings(_ row: ImportTable.Row) -> [String] {
            row.cells.map {
                $0.text.trimmingWhitespace().lowercased().replacingEvery(" ", with: "_")
            }
        }
        // The CSV's headings are its first row; the workbook's come after a title and a line of instructions.
        var header: (index: Int, names: [String], plan: Int, ref: Int, status: Int, note: Int)?
        for index in table.rows.indices.prefix(headerSearchRows) {
            let names = headings(table.rows[index])
            if let plan = names.firstIndex(of: "plan"), let ref = names.firstIndex(of: "ref"),
                let status = names.firstIndex(of: "new_status"), let note = names.firstIndex(of: "progress_note")
            {
                header = (index, names, plan, ref, status, note)
                break
            }
        }
        guard let (headerIndex, names, planColumn, refColumn, statusColumn, noteColumn) = header else {
            throw ImportError(
                row: first.number,
                "not a return sheet: no row among the first \(headerSearchRows) has the headings plan, ref, "
                    + "new_status and progress_note")
        }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        let ownerColumn = column("owner")
        var rows: [UpdateRow] = []
        var errors: [ImportError] = []
        for row in table.rows.dropFirst(headerIndex + 1) {
            func cell(_ index: Int?) -> String {
                guard let index, index < row.cells.count else { return "" }
                return row.cells[index].text.trimmingWhitespace(newlines: true)
            }
            let statusText = cell(statusColumn)
            let note = cell(noteColumn)
            guard !statusText.isEmpty || !note.isEmpty else { continue }
            let ref = cell(refColumn)
            guard !ref.isEmpty else {
                errors.append(ImportError(row: row.number, "no ref: which action is this update for?"))
                continue
            }
            var status: Status?
            if !statusText.isEmpty {
                // "A (Amber)", as the sheet shows the current status, reads as A.
                let word = statusText.split(separator: " ").first.map(String.init) ?? statusText
                guard let parsed = Status(userInput: statusText) ?? Status(userInput: word) else {
                    errors.append(
                        ImportError(
                            row: row.number,
                            "\(ref): new status '\(statusText)' is not a status; write R, A, G, B or N (or red, amber…)"
                        ))
                    continue
                }
                status = parsed
            }
            if let bad = note.unicodeScalars.first(where: isForbidden) {
                errors.append(
                    ImportError(
                        row: row.number,
                        "\(ref): the progress note holds a control character (U+\(String(bad.value, radix: 16, uppercase: true))); "
                            + "write plain text"))
                continue
            }
            rows.append(
                UpdateRow(
                    row: row.number, owner: cell(ownerColumn).isEmpty ? nil : cell(ownerColumn), plan: cell(planColumn),
                    ref: ref, newStatus: status, note: note.isEmpty ? nil : note))
        }
        return (rows, errors)
    }

    /// How far down the headings may be: past a title and a few lines of instructions.
    static let headerSearchRows = 10

    /// Control characters other than line breaks and tabs, and bidirectional overrides.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
