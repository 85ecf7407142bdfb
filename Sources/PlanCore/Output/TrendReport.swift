/// The `trend` command's outputs: a bar chart for the terminal, CSV and JSON.
public enum TrendReport {
    public static func text(_ trend: Trend, title: String, every interval: Trend.Interval, barWidth: Int = 40) -> String
    {
        guard let first = trend.points.first, let last = trend.points.last else { return "" }
        var out = TerminalText.escaped(title) + "\n"
        out +=
            "% complete, \(interval == .month ? "month by month" : "week by week"), \(first.date.ukLong) to \(last.date.ukLong)\n\n"
        for point in trend.points {
            let c = point.counts
            out +=
                DisplayWidth.fitRight(point.date.ukShort, to: 11) + "  " + bar(c.percentComplete, width: barWidth)
                + "  " + DisplayWidth.fitRight(SummaryText.percent(c.percentComplete), to: 4)
                + "  \(c.complete) of \(c.total)" + (c.overdue > 0 ? ", \(c.overdue) overdue" : "") + "\n"
        }
        let statuses = trend.statusKey.statuses
        out += "\nLatest: " + statuses.map { "\($0.code) \(last.counts[$0])" }.joined(separator: "  ") + "\n"
        return out
    }

    /// A bar of `width` cells for 0–100%, in eighths of a cell.
    static func bar(_ percent: Double, width: Int) -> String {
        let eighths = Int((percent / 100 * Double(width * 8)).rounded())
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let text = String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
        return text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    public static func csv(_ trend: Trend) -> String { csv(trend, plans: nil) }

    /// Several plans' trends in one table, a first `plan` column naming each row's
    /// plan (empty for the portfolio's total).
    public static func csv(_ trend: Trend, plans: [(path: String, trend: Trend)]?) -> String {
        let writer = CSVWriter(neutraliseFormulas: plans != nil)
        var out = writer.row(
            (plans == nil ? [] : ["plan"]) + ["date", "total", "complete", "percent_complete", "overdue"]
                + Status.allCases.map { $0.identifier })
        for (path, trend) in plans ?? [("", trend)] {
            out += rows(trend, plan: plans == nil ? nil : path, writer: writer)
        }
        return out
    }

    private static func rows(_ trend: Trend, plan: String?, writer: CSVWriter) -> String {
        var out = ""
        for point in trend.points {
            let c = point.counts
            out += writer.row(
                (plan.map { [$0] } ?? []) + [
                    point.date.iso, String(c.total), String(c.complete),
                    JSONValue.double(c.percentComplete).serialized(), String(c.overdue),
                ]
                    + Status.allCases.map { String(c[$0]) })
        }
        return out
    }

    public static func json(_ trend: Trend, path: String, title: String, every interval: Trend.Interval) -> JSONValue {
        .object([
            ("schemaVersion", .int(PlanJSON.schemaVersion)),
            ("plan", .string(path)),
            ("title", .string(title)),
            ("interval", .string(interval.rawValue)),
            ("points", points(trend)),
        ])
    }

    /// Each point's date and counts, as JSON.
    static func points(_ trend: Trend) -> JSONValue {
        .array(
            trend.points.map {
                .object([("date", .string($0.date.iso))] + PlanJSON.counts($0.counts, key: trend.statusKey))
            })
    }
}
