/// The workbook's Measures sheet: the rows and columns of the measures CSV
/// (``BoardPackCSV/measuresHeader``), numbers as number cells and dates as date cells,
/// so that a spreadsheet can chart a measure against its target line.
extension BoardPackXLSX {
    public static let measuresSheet = "Measures"

    /// The Measures sheet, or nil when the plan has no measures.
    static func measures(_ pack: BoardPack) -> XLSXSheet? {
        typealias Cell = XLSXSheet.Cell
        let table = pack.measureRows
        guard !table.isEmpty else { return nil }
        let number = { (value: Double?) in value.map { Cell.number($0) } ?? .empty }
        let date = { (day: PlanDate?) in day.map { Cell.date($0) } ?? .empty }
        let text = { (words: String?) in words.flatMap { $0.isEmpty ? nil : Cell.text($0) } ?? .empty }
        var rows: [[Cell]] = [BoardPackCSV.measuresHeader.map { .text($0, .header) }]
        for row in table {
            let measure = row.measure
            let progress = row.progress
            // One line a row (no wrapping), so that a row's cells line up and it charts as a table.
            rows.append([
                .text("\(row.section.number) \(row.section.title)"), .text("\(row.area.number) \(row.area.title)"),
                text(row.ref), .text(measure.name), text(measure.unit), .text(measure.direction.rawValue),
                number(measure.baseline?.value), date(measure.baseline?.date), number(measure.target?.value),
                date(measure.target?.date), date(row.value?.date), number(row.value?.value), text(row.value?.author),
                // Rounded as the CSV writes it: the line's value, not its fifteenth decimal.
                number(row.expected.flatMap { Double(Measure.format($0)) }),
                .text(progress.label, progress.status.map(XLSXStyle.status) ?? .plain),
            ])
        }
        var sheet = XLSXSheet(name: measuresSheet, rows: rows)
        sheet.fitColumns(minimum: 6, maximum: 70)
        sheet.frozenRows = 1
        sheet.autoFilterRow = 1
        return sheet
    }
}
