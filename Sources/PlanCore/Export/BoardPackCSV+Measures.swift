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
        for section in pack.plan.sections {
            for area in section.areas {
                let held =
                    area.measures.map { (ref: "", measure: $0) }
                    + pack.actions(in: area).flatMap { action in action.measures.map { (action.ref, $0) } }
                for (ref, measure) in held {
                    let fixed = [
                        text.cell("\(section.number) \(section.title)"), text.cell("\(area.number) \(area.title)"),
                        text.cell(ref), text.cell(measure.name), text.cell(measure.unit ?? ""),
                        measure.direction.rawValue,
                        number.cell(measure.baseline.map { Measure.format($0.value) } ?? ""),
                        measure.baseline?.date.iso ?? "",
                        number.cell(measure.target.map { Measure.format($0.value) } ?? ""),
                        measure.target?.date.iso ?? "",
                    ]
                    let values = measure.chronological
                    guard !values.isEmpty else {
                        out +=
                            (fixed + ["", "", "", "", MeasureProgress.noValue.label]).joined(separator: ",") + "\r\n"
                        continue
                    }
                    for value in values {
                        let cells = [
                            value.date.iso, number.cell(value.text), text.cell(value.author ?? ""),
                            number.cell(measure.expected(on: value.date).map(Measure.format) ?? ""),
                            measure.progress(of: value).label,
                        ]
                        out += (fixed + cells).joined(separator: ",") + "\r\n"
                    }
                }
            }
        }
        return out
    }
}
