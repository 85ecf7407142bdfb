/// The pack's measures as a table, a row per recorded value: what the measures CSV
/// (`export --format csv --table measures`) and the workbook's Measures sheet both write.
extension BoardPack {
    /// One row of the measures table: a measure an area or an action holds, and one of its values.
    public struct MeasureRow: Sendable {
        public var section: Section
        public var area: Area
        /// The ref of the action that holds the measure; "" for an area's own measure.
        public var ref: String
        public var measure: Measure
        /// The value of this row; nil for the one row of a measure with no value yet.
        public var value: Measure.Value?

        /// The value the line from baseline to target expects on the value's date.
        public var expected: Double? { value.flatMap { measure.expected(on: $0.date) } }

        /// Where the value stands (``MeasureProgress/noValue`` without one).
        public var progress: MeasureProgress { value.map(measure.progress(of:)) ?? .noValue }
    }

    /// Every measure in the plan's order (an area's own before its actions'), each value
    /// in date order; a measure with no value yet has one row without a value.
    public var measureRows: [MeasureRow] {
        var rows: [MeasureRow] = []
        for section in plan.sections {
            for area in section.areas {
                let held =
                    area.measures.map { (ref: "", measure: $0) }
                    + actions(in: area).flatMap { action in action.currentMeasures.map { (action.ref, $0) } }
                for (ref, measure) in held {
                    let values = measure.chronological
                    let row = MeasureRow(section: section, area: area, ref: ref, measure: measure, value: nil)
                    guard !values.isEmpty else {
                        rows.append(row)
                        continue
                    }
                    for value in values {
                        var valued = row
                        valued.value = value
                        rows.append(valued)
                    }
                }
            }
        }
        return rows
    }
}
