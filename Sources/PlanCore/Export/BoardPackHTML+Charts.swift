/// The two inline SVG charts of the HTML paper. Both carry their numbers as text
/// and their statuses as letters, so that neither depends on colour.
extension BoardPackHTML {
    // MARK: - % complete over time

    /// A line chart of % complete at the end of each month, with the % written
    /// above each point (thinned out when the points are close together).
    static func trendChart(_ pack: BoardPack) -> String {
        let points = pack.trend.points
        guard let first = points.first, let last = points.last else { return "" }
        let frame = (width: 680.0, height: 240.0, left: 44.0, right: 24.0, top: 26.0, bottom: 44.0)
        let plotWidth = frame.width - frame.left - frame.right
        let plotHeight = frame.height - frame.top - frame.bottom
        func x(_ i: Int) -> Double {
            points.count == 1
                ? frame.left + plotWidth / 2 : frame.left + plotWidth * Double(i) / Double(points.count - 1)
        }
        func y(_ percent: Double) -> Double { frame.top + plotHeight * (1 - percent / 100) }
        let spacing = points.count > 1 ? plotWidth / Double(points.count - 1) : plotWidth
        let step = max(1, Int((34 / spacing).rounded(.up)))
        func labelled(_ i: Int) -> Bool { i == points.count - 1 || (i % step == 0 && points.count - 1 - i >= step) }

        var parts: [String] = []
        for tick in stride(from: 0, through: 100, by: 25) {
            let ty = y(Double(tick))
            parts.append(
                svg(
                    "line",
                    [
                        ("x1", num(frame.left)), ("x2", num(frame.width - frame.right)), ("y1", num(ty)),
                        ("y2", num(ty)),
                        ("stroke", tick == 0 ? "#0b0c0c" : "#d8dadb"), ("stroke-width", "1"),
                    ]))
            parts.append(
                svgText(
                    "\(tick)%", x: frame.left - 6, y: ty + 4,
                    [("text-anchor", "end"), ("font-size", "11"), ("fill", "#505a5f")]))
        }
        let line = points.indices.map { "\(num(x($0))),\(num(y(points[$0].counts.percentComplete)))" }.joined(
            separator: " ")
        parts.append(
            svg("polyline", [("points", line), ("fill", "none"), ("stroke", "#0b0c0c"), ("stroke-width", "2")]))
        var previousYear: Int?
        for (i, point) in points.enumerated() {
            let percent = point.counts.percentComplete
            parts.append(
                svg("circle", [("cx", num(x(i))), ("cy", num(y(percent))), ("r", "3.5"), ("fill", "#0b0c0c")]))
            guard labelled(i) else { continue }
            parts.append(
                svgText(
                    SummaryText.percent(percent), x: x(i), y: y(percent) - 9,
                    [("text-anchor", "middle"), ("font-size", "11"), ("font-weight", "bold")]))
            let monthEnd = point.date.day == PlanDate.daysIn(month: point.date.month, year: point.date.year)
            let month = String(PlanDate.monthNames[point.date.month - 1].prefix(3))
            let base = frame.top + plotHeight
            parts.append(
                svgText(
                    monthEnd ? month : "\(point.date.day) \(month)", x: x(i), y: base + 16,
                    [("text-anchor", "middle"), ("font-size", "11")]))
            if previousYear != point.date.year {
                parts.append(
                    svgText(
                        String(point.date.year), x: x(i), y: base + 31,
                        [("text-anchor", "middle"), ("font-size", "11"), ("fill", "#505a5f")]))
                previousYear = point.date.year
            }
        }
        let values = points.map { "\($0.date.ukShort) \(SummaryText.percent($0.counts.percentComplete))" }.joined(
            separator: ", ")
        let caption = "% complete at the end of each month, \(first.date.ukLong) to \(last.date.ukLong)"
        return figure(
            caption: caption, id: "trend-chart", description: "% complete: " + values,
            width: frame.width, height: frame.height, parts: parts)
    }

    // MARK: - RAG by section

    /// One stacked bar per plan section: a segment per status, its letter and count
    /// written on it when it is wide enough; a legend of letters and labels above.
    static func ragChart(_ pack: BoardPack) -> String {
        let sections = pack.plan.sections
        guard !sections.isEmpty else { return "" }
        let statuses = pack.statuses
        let layout = (width: 680.0, labelWidth: 250.0, barX: 258.0, legendHeight: 30.0, row: 28.0, bar: 20.0)
        let barWidth = layout.width - layout.barX - 34
        let largest = max(1, sections.map { pack.counts(of: $0).total }.max() ?? 1)
        var parts: [String] = []

        var legendX = 0.0
        for status in statuses {
            let colour = colours(status)
            parts.append(
                svg(
                    "rect",
                    [
                        ("x", num(legendX)), ("y", "4"), ("width", "18"), ("height", "18"), ("rx", "3"),
                        ("fill", colour.fill),
                    ]))
            parts.append(
                svgText(
                    status.code, x: legendX + 9, y: 17.5,
                    [("text-anchor", "middle"), ("font-size", "12"), ("font-weight", "bold"), ("fill", colour.ink)]))
            let label = pack.label(status)
            parts.append(svgText(label, x: legendX + 23, y: 17.5, [("font-size", "12")]))
            legendX += 23 + Double(DisplayWidth.of(label)) * 7 + 16
        }

        for (row, section) in sections.enumerated() {
            let top = layout.legendHeight + Double(row) * layout.row
            let counts = pack.counts(of: section)
            let name = "\(section.number) \(section.title)"
            parts.append(
                svg(
                    "g", [],
                    svg("title", [], HTML.escaped("\(name): \(counts.total) actions"))
                        + svgText(
                            DisplayWidth.truncate(name, to: 38), x: 0, y: top + 14.5, [("font-size", "12")])))
            var segmentX = layout.barX
            for status in statuses where counts[status] > 0 {
                let width = barWidth * Double(counts[status]) / Double(largest)
                let colour = colours(status)
                var segment =
                    svg("title", [], HTML.escaped("\(pack.label(status)): \(counts[status])"))
                    + svg(
                        "rect",
                        [
                            ("x", num(segmentX)), ("y", num(top)), ("width", num(width)), ("height", num(layout.bar)),
                            ("fill", colour.fill), ("stroke", "#ffffff"), ("stroke-width", "1"),
                        ])
                let text = width >= 24 ? "\(status.code) \(counts[status])" : width >= 12 ? status.code : nil
                if let text {
                    segment += svgText(
                        text, x: segmentX + width / 2, y: top + 14.5,
                        [("text-anchor", "middle"), ("font-size", "11"), ("font-weight", "bold"), ("fill", colour.ink)])
                }
                parts.append(svg("g", [], segment))
                segmentX += width
            }
            parts.append(
                svgText(
                    String(counts.total), x: segmentX + 5, y: top + 14.5, [("font-size", "11"), ("fill", "#505a5f")]))
        }
        let height = layout.legendHeight + Double(sections.count) * layout.row + 2
        let description = sections.map { section in
            let counts = pack.counts(of: section)
            return "\(section.number): " + statuses.map { "\($0.code) \(counts[$0])" }.joined(separator: ", ")
        }.joined(separator: "; ")
        return figure(
            caption: "Actions by status in each section", id: "rag-chart",
            description: "Actions by status (" + statuses.map { "\($0.code) \(pack.label($0))" }.joined(separator: ", ")
                + ") in each section: " + description,
            width: layout.width, height: height, parts: parts)
    }

    // MARK: - SVG pieces

    /// A `<figure>` with a caption and an accessible SVG.
    static func figure(caption: String, id: String, description: String, width: Double, height: Double, parts: [String])
        -> String
    {
        let svg = HTML.element(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(num(width)) \(num(height))"),
                ("width", num(width)), ("height", num(height)), ("role", "img"), ("aria-labelledby", "\(id)-title"),
                ("font-family", "Arial, 'Liberation Sans', Helvetica, sans-serif"),
            ],
            "\n" + HTML.element("title", [("id", "\(id)-title")], HTML.escaped(description)) + "\n"
                + parts.joined(separator: "\n") + "\n")
        return HTML.element("figure", [("id", id)], "\n" + HTML.text("figcaption", [], caption) + "\n" + svg + "\n")
    }

    static func svg(_ name: String, _ attributes: [(String, String)], _ inner: String? = nil) -> String {
        guard let inner else { return String(HTML.open(name, attributes).dropLast()) + "/>" }
        return HTML.element(name, attributes, inner)
    }

    /// `<text>` holding plain text, escaped.
    static func svgText(_ text: String, x: Double, y: Double, _ attributes: [(String, String)]) -> String {
        HTML.text("text", [("x", num(x)), ("y", num(y))] + attributes, text)
    }

    /// A coordinate with at most one decimal.
    static func num(_ value: Double) -> String {
        if value < 0 { return "-" + num(-value) }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
