/// The board pack as an Excel workbook: a Summary sheet (headline figures, statuses,
/// sections and areas, the monthly trend), an Actions sheet with the columns of the
/// CSV export (so that `actionplan import` reads it back), a Changes sheet when
/// anything moved since the last review, and a Measures sheet when the plan has measures.
///
/// Refs, owners and notes are text cells, so a spreadsheet never turns `1.20` into
/// 1.2 or `1-2` into a date, and never runs `=…` as a formula; due dates are date cells.
public enum BoardPackXLSX {
    public static let summarySheet = "Summary"
    public static let actionsSheet = "Actions"
    public static let changesSheet = "Changes"

    public static func workbook(_ pack: BoardPack) -> XLSXWorkbook {
        var sheets = [summary(pack), actions(pack)]
        if !pack.changes.isEmpty { sheets.append(changes(pack)) }
        if let measures = measures(pack) { sheets.append(measures) }
        return XLSXWorkbook(sheets: sheets)
    }

    /// "A - Amber": the letter and the plan's name for it, as `import` reads it back.
    public static func statusText(_ status: Status, _ pack: BoardPack) -> String {
        "\(status.code) - \(pack.label(status))"
    }

    static func status(_ status: Status, _ pack: BoardPack) -> XLSXSheet.Cell {
        .text(statusText(status, pack), .status(status))
    }

    // MARK: - Summary

    static func summary(_ pack: BoardPack) -> XLSXSheet {
        typealias Cell = XLSXSheet.Cell
        let overall = pack.summary.overall
        let statuses = pack.statuses
        var rows: [[Cell]] = [[.text(pack.plan.title, .title)]]
        var firstTable = 0
        var dates: [String] = []
        if let asAt = pack.plan.asAt { dates.append("Updated as at \(asAt.ukLong)") }
        dates.append("figures as of \(pack.asOf.ukLong)")
        dates.append("changes since \(pack.since.ukLong)")
        rows.append([.text(dates.joined(separator: "; "))])
        for field in pack.headerFields { rows.append([.text(field.name, .bold), .text(field.value)]) }
        rows.append([])
        rows.append([.text("Actions", .bold), .number(Double(overall.total))])
        rows.append([.text("Complete", .bold), .number(Double(overall.complete))])
        rows.append([.text("% complete", .bold), .number(overall.percentComplete / 100, .percent)])
        rows.append([.text("Overdue", .bold), .number(Double(overall.overdue))])
        rows.append([])

        firstTable = rows.count
        rows.append(["Status", "Actions", "%", "What it means"].map { .text($0, .header) })
        let key = pack.plan.statusKey
        for status in statuses {
            let share = overall.total == 0 ? 0 : Double(overall[status]) / Double(overall.total)
            let definition = key.entries.first { $0.status == status }?.definition ?? status.defaultDefinition
            rows.append([
                self.status(status, pack), .number(Double(overall[status])), .number(share, .percent),
                // Runs on across the empty cells beside it rather than widening the column.
                .text(definition),
            ])
        }
        rows.append([.text("All", .bold), .number(Double(overall.total))])
        rows.append([])

        let countsHeader = ["Actions"] + statuses.map(\.code) + ["% complete", "Overdue"]
        func countCells(_ counts: StatusCounts) -> [Cell] {
            [.number(Double(counts.total))] + statuses.map { .number(Double(counts[$0])) }
                + [.number(counts.percentComplete / 100, .percent), .number(Double(counts.overdue))]
        }
        rows.append(([.text("Section or area", .header)] + countsHeader.map { .text($0, .header) }))
        for section in pack.plan.sections {
            rows.append([.text("\(section.number) \(section.title)", .bold)] + countCells(pack.counts(of: section)))
            for area in section.areas {
                let counts = StatusCounts(pack.actions(in: area), on: pack.asOf)
                rows.append([.text("    \(area.number) \(area.title)")] + countCells(counts))
            }
        }
        rows.append([.text("All sections", .bold)] + countCells(overall))
        rows.append([])

        rows.append(([.text("Month end", .header)] + countsHeader.map { .text($0, .header) }))
        let firstPoint = rows.count + 1
        for point in pack.trend.points {
            rows.append([.date(point.date)] + countCells(point.counts))
        }
        let lastPoint = rows.count

        var sheet = XLSXSheet(name: summarySheet, rows: rows)
        // The title, dates and header fields above the tables run across the empty cells beside them.
        sheet.fitColumns(minimum: 9, maximum: 60, from: firstTable)
        // The definitions in the status table's last column run on to the right, over the empty cells.
        if sheet.columnWidths.count > 3 { sheet.columnWidths[3] = max(9, sheet.columnWidths[2]) }
        if lastPoint >= firstPoint {
            // % complete by month, under the trend table, as wide as the tables.
            sheet.chart = XLSXChart(
                title: "% complete at each month's end", categoryColumn: 0, valueColumn: 2 + statuses.count,
                rows: firstPoint...lastPoint, from: (column: 0, row: lastPoint + 1),
                to: (column: 4 + statuses.count, row: lastPoint + 21))
        }
        return sheet
    }

    // MARK: - Actions

    static func actions(_ pack: BoardPack) -> XLSXSheet {
        typealias Cell = XLSXSheet.Cell
        let table = BoardPackCSV.table(pack)
        var rows: [[Cell]] = [(BoardPackCSV.header + table.extraNames).map { .text($0, .header) }]
        for row in table.rows {
            let action = row.action
            let note = action.latestNote
            var cells: [Cell] = [
                .text("\(row.section.number) \(row.section.title)", .wrapped),
                .text("\(row.area.number) \(row.area.title)", .wrapped), .text(action.ref, .wrapped),
                .text(BoardPackCSV.cellText(action.text), .wrapped),
                .text(action.owners.joined(separator: "; "), .wrapped),
            ]
            if let due = action.due, let date = due.date, due.text == date.iso {
                cells.append(.date(date))
            } else {
                cells.append(action.due.map { .text($0.text, .wrapped) } ?? .empty)
            }
            cells.append(action.due?.date.map { .date($0) } ?? .empty)
            cells.append(status(action.status, pack))
            cells.append(.text(pack.isOverdue(action) ? "yes" : "no", .wrapped))
            cells.append(note.map { .date($0.date) } ?? .empty)
            cells.append(note.map { .text(BoardPackCSV.cellText($0.text), .wrapped) } ?? .empty)
            cells += row.extras.map { $0.isEmpty ? .empty : .text($0, .wrapped) }
            rows.append(cells)
        }
        var sheet = XLSXSheet(name: actionsSheet, rows: rows)
        sheet.fitColumns(minimum: 6, maximum: 60)
        // Long text wraps in columns of a readable width rather than one as wide as its longest note.
        for (column, cap) in [(0, 28.0), (1, 32.0), (3, 50.0), (4, 26.0), (10, 60.0)]
        where sheet.columnWidths.indices.contains(column) {
            sheet.columnWidths[column] = min(sheet.columnWidths[column], cap)
        }
        sheet.frozenRows = 1
        sheet.autoFilterRow = 1
        return sheet
    }

    // MARK: - Changes

    static func changes(_ pack: BoardPack) -> XLSXSheet {
        typealias Cell = XLSXSheet.Cell
        let changes = pack.changes
        var rows: [[Cell]] = [["Change", "Ref", "Date", "From", "To", "Detail"].map { .text($0, .header) }]
        for group in Changes.Group.allCases {
            for move in changes.moves(in: group) {
                rows.append([
                    .text(group.rawValue), .text(move.ref), .empty, status(move.from, pack), status(move.to, pack),
                    .text(Prose.firstLine(move.text), .wrapped),
                ])
            }
        }
        for move in changes.dueMoves {
            rows.append([
                .text("Due date moved"), .text(move.ref), .date(move.date), .text(move.from, .wrapped),
                .text(move.to, .wrapped),
                .text(move.totalMoves == 1 ? "moved once in all" : "moved \(move.totalMoves) times in all"),
            ])
        }
        for added in changes.notesAdded {
            let who = added.note.author.map { " (\($0))" } ?? ""
            rows.append([
                .text("Note added" + who, .wrapped), .text(added.ref), .date(added.note.date), .empty, .empty,
                .text(BoardPackCSV.cellText(added.note.text), .wrapped),
            ])
        }
        for action in changes.added {
            rows.append([
                .text("Action added"), .text(action.ref), .empty, .empty, status(action.status, pack),
                .text(Prose.firstLine(action.text), .wrapped),
            ])
        }
        var sheet = XLSXSheet(name: changesSheet, rows: rows)
        sheet.fitColumns(minimum: 6, maximum: 70)
        sheet.frozenRows = 1
        sheet.autoFilterRow = 1
        return sheet
    }
}
