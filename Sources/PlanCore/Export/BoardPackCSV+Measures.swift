/// The board pack's measures as a table of their own (`export --format csv --table
/// measures`): one row per recorded value, in the plan's order and each measure's date
/// order, so that a spreadsheet can chart them; a measure with no value yet has one
/// row with the value cells empty. The same encoding as the actions table.
extension BoardPackCSV {
    public static let measuresHeader = [
        "Section", "Area", "Ref", "Measure", "Unit", "Better", "Baseline", "Baseline date", "Target",
        "Target date", "Date", "Value", "Recorded by", "Expected", "Progress",
    ]

    public static func renderMeasures(_ pack: BoardPack) -> String {
        let text = CSVWriter(lineEnding: "\r\n", neutraliseFormulas: true)
        // Numbers are written as they are: a plain number (even -5) is never a formula.
        let number = CSVWriter(lineEnding: "\r\n")
        var out = byteOrderMark + text.row(measuresHeader)
        for row in pack.measureRows {
            let measure = row.measure
            let cells = [
                text.cell("\(row.section.number) \(row.section.title)"),
                text.cell("\(row.area.number) \(row.area.title)"), text.cell(row.ref), text.cell(measure.name),
                text.cell(measure.unit ?? ""), measure.direction.rawValue,
                number.cell(measure.baseline.map { Measure.format($0.value) } ?? ""), measure.baseline?.date.iso ?? "",
                number.cell(measure.target.map { Measure.format($0.value) } ?? ""), measure.target?.date.iso ?? "",
                row.value?.date.iso ?? "", number.cell(row.value?.text ?? ""), text.cell(row.value?.author ?? ""),
                number.cell(row.expected.map(Measure.format) ?? ""), row.progress.label,
            ]
            out += cells.joined(separator: ",") + "\r\n"
        }
        return out
    }
}
