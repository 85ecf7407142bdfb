/// The board pack of several plans: the portfolio's figures, a row per plan, then
/// each plan's own pack.
public enum PortfolioPack {
    /// Markdown: a front page with the portfolio's table, then each plan's Markdown pack.
    public static func markdown(_ summary: PortfolioSummary, title: String?, packs: [BoardPack]) -> String {
        let total = summary.total
        var out = "# \(Markdown.escaped(title ?? "Portfolio of \(summary.plans.count) plans"))\n\n"
        out += "Figures as of \(summary.asOf.ukLong).\n\n"
        out +=
            "\(summary.plans.count) plans, \(total.total) actions, \(total.complete) complete "
            + "(\(SummaryText.percent(total.percentComplete))), \(total.overdue) overdue.\n\n"
        let statuses = Status.allCases.filter { status in
            total[status] > 0 || summary.plans.contains { $0.summary.statusKey.contains(status) }
        }
        out += "| Plan | Actions | " + statuses.map(\.code).joined(separator: " | ")
        out += " | Complete | Overdue | Last reviewed |\n"
        out += "| --- | ---: | " + statuses.map { _ in "---:" }.joined(separator: " | ") + " | ---: | ---: | --- |\n"
        func row(_ name: String, _ counts: StatusCounts, _ reviewed: String) -> String {
            "| \(name) | \(counts.total) | " + statuses.map { String(counts[$0]) }.joined(separator: " | ")
                + " | \(SummaryText.percent(counts.percentComplete)) | \(counts.overdue) | \(reviewed) |\n"
        }
        for line in summary.plans {
            out += row(Markdown.cell(line.name), line.summary.overall, line.lastReviewed?.ukShort ?? "–")
        }
        out += row("**Total**", total, "")
        if !summary.failed.isEmpty {
            out += "\nNot included, because they could not be read: "
            out += summary.failed.map { Markdown.cell($0.path) }.joined(separator: ", ") + ".\n"
        }
        for pack in packs { out += "\n---\n\n" + BoardPackMarkdown.render(pack) }
        return out
    }

    /// JSON: the portfolio summary's object with each plan's `export --format json`
    /// object (without `schemaVersion`) under `packs`.
    public static func json(_ summary: PortfolioSummary, title: String?, packs: [(path: String, pack: BoardPack)])
        -> JSONValue
    {
        guard case .object(let pairs) = PortfolioJSON.summary(summary, title: title) else { return .null }
        let rendered: [JSONValue] = packs.map {
            guard case .object(let fields) = BoardPackJSON.render($0.pack, path: $0.path) else { return .null }
            return .object(fields.filter { $0.0 != "schemaVersion" })
        }
        return .object(pairs + [("packs", .array(rendered))])
    }
}
