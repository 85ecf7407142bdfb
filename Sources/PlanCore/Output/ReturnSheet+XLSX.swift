/// The return sheet as an Excel workbook, made to be filled in by the owner in Excel or
/// LibreOffice: a title with the return-by date, a line of instructions, and one row per
/// open action with two yellow columns to fill (a drop-down of the plan's statuses, and
/// the progress note); every other cell is grey and locked (the sheet is protected
/// without a password). `actionplan import --updates` reads it back as it reads the CSV.
extension ReturnSheet {
    /// The table's headings. The reader finds its columns by them, case and spaces folded
    /// (`New status` is `new_status`); the others are there to be read.
    public static let workbookColumns = [
        "Ref", "Plan", "Action", "Due", "Current status", "Asked because", "Latest note", "New status",
        "Progress note", "Owner",
    ]

    /// The worksheet's tab name.
    public static let workbookSheet = "Return sheet"

    /// The 1-based row of the table's headings: after the title and the instructions.
    public static let workbookHeaderRow = 3

    /// The workbook for `letter`'s owner in `round`.
    public static func workbook(_ letter: ChaseRound.Letter, in round: ChaseRound) -> XLSXWorkbook {
        typealias Cell = XLSXSheet.Cell
        let asked = Dictionary(
            letter.entries.map { ("\($0.item.path)\u{0}\($0.item.action.ref)", $0.needs) },
            uniquingKeysWith: { a, _ in a }
        )
        var rows: [[Cell]] = [
            [
                .text(
                    "Action plan updates for \(letter.owner.name): please send back by \(round.replyBy.ukLong)",
                    .title)
            ],
            [.text(instructions(letter, in: round), .wrapped)],
            workbookColumns.map { .text($0, .header) },
        ]
        // The status drop-downs, one per status key, with the rows each applies to.
        var lists: [(key: StatusKey, rows: [Int])] = []
        for item in letter.openItems {
            let action = item.action
            let needs = asked["\(item.path)\u{0}\(action.ref)"] ?? []
            let due: Cell =
                if let date = action.due?.date, ActionTable.dueLabel(action.due) == date.ukShort {
                    .date(date, .readOnlyDate)
                } else {
                    .text(ActionTable.dueLabel(action.due), .readOnly)
                }
            rows.append([
                .text(action.ref, .readOnly), .text(item.path, .readOnly),
                .text(BoardPackCSV.cellText(action.text), .readOnly), due,
                .text(statusChoice(action.status, item.plan.statusKey), .status(action.status)),
                .text(needs.map(\.text).joined(separator: ", "), .readOnly),
                .text(latestNote(action), .readOnly), .blank(.input), .blank(.input),
                .text(letter.owner.name, .readOnly),
            ])
            if let index = lists.firstIndex(where: { $0.key == item.plan.statusKey }) {
                lists[index].rows.append(rows.count)
            } else {
                lists.append((item.plan.statusKey, [rows.count]))
            }
        }
        var sheet = XLSXSheet(name: workbookSheet, rows: rows)
        sheet.columnWidths = [9, 22, 46, 13, 16, 22, 42, 18, 46, 20]
        sheet.frozenRows = workbookHeaderRow
        sheet.frozenColumns = 1
        sheet.autoFilterRow = workbookHeaderRow
        sheet.isProtected = true
        sheet.mergedRanges = ["A2:\(XLSXSheet.columnLetters(workbookColumns.count - 1))2"]
        // The title's larger type, and the instructions across the merged row.
        sheet.rowHeights[0] = 21
        sheet.rowHeights[1] = 48
        // Room to type a few lines of a note without resizing the row.
        for index in rows.indices.dropFirst(workbookHeaderRow) {
            sheet.rowHeights[index] = max(sheet.rowHeight(rows[index]) ?? 0, 3 * 14 + 2)
        }
        let statusColumn = XLSXSheet.columnLetters(workbookColumns.firstIndex(of: "New status") ?? 7)
        sheet.validations = lists.map { list in
            XLSXValidation(
                cells: cellRanges(column: statusColumn, rows: list.rows),
                choices: list.key.entries.map { statusChoice($0.status, list.key) }, promptTitle: "New status",
                prompt: "Pick the status now from the list; leave it blank if it has not changed.",
                error: "Pick one of this plan's statuses from the list: \(list.key.listing).")
        }
        return XLSXWorkbook(sheets: [sheet])
    }

    /// "A (Amber)": the letter and the plan's name for it, as the drop-down offers it and
    /// the reader reads it back.
    public static func statusChoice(_ status: Status, _ key: StatusKey) -> String {
        "\(status.code) (\(key.label(for: status)))"
    }

    static func instructions(_ letter: ChaseRound.Letter, in round: ChaseRound) -> String {
        let count = letter.openItems.count
        return "As of \(round.asOf.ukLong) you own \(count) open action\(count == 1 ? "" : "s"). For each one that "
            + "has moved on, fill in the yellow columns: New status (pick from the list, or leave it blank if it "
            + "is the same) and Progress note (what was done and what difference it made). The board asks "
            + "about the actions with a reason under Asked because. The grey columns cannot be changed. Save the "
            + "file as it is (.xlsx) and send it back by \(round.replyBy.ukLong)."
    }

    /// "14 Jan 2026, Sam Patel: …", at most 600 characters.
    static func latestNote(_ action: Action) -> String {
        guard let note = action.latestNote else { return "No progress note yet." }
        let text = BoardPackCSV.cellText(note.text)
        let shown = text.count > 600 ? String(text.prefix(599)) + "…" : text
        return note.date.ukShort + (note.author.map { ", \($0)" } ?? "") + ": " + shown
    }

    /// `H4:H6 H9`: the rows (1-based) of one column, runs of rows as ranges.
    static func cellRanges(column: String, rows: [Int]) -> String {
        var ranges: [String] = []
        var start: Int?
        var previous = 0
        for row in rows.sorted() + [Int.max] {
            if let first = start, row != previous + 1 {
                ranges.append(first == previous ? "\(column)\(first)" : "\(column)\(first):\(column)\(previous)")
                start = nil
            }
            if start == nil { start = row }
            previous = row
        }
        return ranges.joined(separator: " ")
    }
}
