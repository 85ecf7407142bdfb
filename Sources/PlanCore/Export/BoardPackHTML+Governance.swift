/// The board pack's governance pages in HTML: areas rolled up with their sign-offs,
/// a chart and a table per measure, and the log of reviews.
extension BoardPackHTML {
    static func areas(_ pack: BoardPack) -> String {
        let rows = pack.summary.areas.map { rollup -> [String] in
            [
                HTML.escaped("\(rollup.area.number) \(rollup.area.title)"), String(rollup.counts.total),
                SummaryText.percent(rollup.counts.percentComplete),
                rollup.derived.map { badge($0, pack) } ?? "–",
                rollup.status.map { badge($0, pack) + (rollup.isAssessed ? " assessed" : "") } ?? "–",
                rollup.signOff.map {
                    HTML.escaped(
                        "Signed off \($0.date.ukLong)" + ($0.by.map { " by \($0)" } ?? "") + ": \($0.monitoring)")
                } ?? "",
            ]
        }
        let table = self.table(
            head: ["Area", "Actions", "Complete", "Derived", "Reported", "Sign-off and monitoring"],
            classes: [1: "num", 2: "num"], rows: rows)
        return part("areas", "Areas", table)
    }

    static func measures(_ pack: BoardPack) -> String {
        let measures = pack.plan.allMeasures
        guard !measures.isEmpty else { return "" }
        let blocks = measures.map { holder, measure in
            let rows = measure.chronological.map { value in
                [
                    value.date.ukLong, HTML.escaped(value.text),
                    measure.expected(on: value.date).map(Measure.format) ?? "–",
                ]
            }
            return HTML.text("h3", [], "\(holder): \(measure.name)") + "\n"
                + (MeasureText.summary(measure).map { HTML.text("p", [], $0) + "\n" } ?? "")
                + measureChart(measure) + "\n"
                + table(head: ["Date", "Value", "Expected"], classes: [1: "num", 2: "num"], rows: rows)
        }
        return part("measures", "Measures", blocks.joined(separator: "\n"))
    }

    /// A line chart of the values with each number written on it, the straight line
    /// from baseline to target dashed, and the target marked.
    static func measureChart(_ measure: Measure) -> String {
        let values = measure.chronological
        var points: [(PlanDate, Double)] = values.map { ($0.date, $0.value) }
        if let baseline = measure.baseline { points.append((baseline.date, baseline.value)) }
        if let target = measure.target { points.append((target.date, target.value)) }
        guard let first = points.map(\.0).min(), let last = points.map(\.0).max(),
            let low = points.map(\.1).min(), let high = points.map(\.1).max()
        else { return "" }
        let (width, height, margin) = (480.0, 160.0, 28.0)
        let span = max(1, Double(last.dayNumber - first.dayNumber))
        let range = high - low == 0 ? 1 : high - low
        func x(_ day: PlanDate) -> Double {
            margin + Double(day.dayNumber - first.dayNumber) / span * (width - 2 * margin)
        }
        func y(_ v: Double) -> Double { height - margin - (v - low) / range * (height - 2 * margin) }
        func n(_ v: Double) -> String { fixedPoint(v, decimals: 1) }
        var svg: [String] = []
        if let baseline = measure.baseline, let target = measure.target {
            svg.append(
                HTML.open(
                    "line",
                    [
                        ("x1", n(x(baseline.date))), ("y1", n(y(baseline.value))), ("x2", n(x(target.date))),
                        ("y2", n(y(target.value))), ("class", "expected"),
                    ]) + "</line>")
            svg.append(
                HTML.text(
                    "text", [("x", n(x(target.date))), ("y", n(y(target.value) - 6)), ("text-anchor", "end")],
                    "target \(Measure.format(target.value))"))
        }
        let path = values.map { "\(n(x($0.date))),\(n(y($0.value)))" }.joined(separator: " ")
        if !values.isEmpty {
            svg.append(HTML.open("polyline", [("points", path), ("class", "actual")]) + "</polyline>")
        }
        for value in values {
            svg.append(
                HTML.open("circle", [("cx", n(x(value.date))), ("cy", n(y(value.value))), ("r", "3")]) + "</circle>")
            svg.append(
                HTML.text(
                    "text", [("x", n(x(value.date))), ("y", n(y(value.value) - 6)), ("text-anchor", "middle")],
                    value.text))
        }
        return HTML.element(
            "svg",
            [
                ("class", "measure-chart"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"),
                ("aria-label", "\(measure.name): \(MeasureText.summary(measure) ?? "")"),
            ], "\n" + svg.joined(separator: "\n") + "\n")
    }

    static func reviews(_ pack: BoardPack) -> String {
        let reviews = pack.plan.reviews
        guard !reviews.isEmpty else { return "" }
        let rows = reviews.reversed().map { review -> [String] in
            [
                review.date.ukLong, HTML.escaped(review.by ?? ""),
                review.lookedAt.map { "\($0) of \(review.of ?? 0)" } ?? "–", review.changed.map(String.init) ?? "–",
            ]
        }
        return part(
            "reviews", "Reviews",
            table(head: ["Date", "Board", "Looked at", "Changed"], classes: [2: "num", 3: "num"], rows: rows))
    }
}
