/// The text of the portfolio commands: a line per plan and the totals.
public enum PortfolioText {
    /// `summary` over several plans: one row per plan (counts per status, % complete,
    /// overdue, last reviewed) and a total row; plans that failed are named below.
    public static func summary(_ summary: PortfolioSummary, title: String?, width: Int = 100) -> String {
        let total = summary.total
        var out =
            TerminalText.escaped(title ?? "Portfolio of \(summary.plans.count + summary.failed.count) plans") + "\n"
        out += "figures as of \(summary.asOf.ukLong)\n\n"
        out +=
            "\(summary.plans.count) plan\(summary.plans.count == 1 ? "" : "s"), \(total.total) action\(total.total == 1 ? "" : "s"), "
            + "\(total.complete) complete (\(SummaryText.percent(total.percentComplete))), \(total.overdue) overdue\n\n"
        let statuses = Status.allCases.filter { status in
            total[status] > 0 || summary.plans.contains { $0.summary.statusKey.contains(status) }
        }
        let numbers =
            "  Actions  " + statuses.map { DisplayWidth.fitRight($0.code, to: 3) }.joined(separator: " ")
            + "  Complete  Overdue  Reviewed"
        let nameWidth = max(20, min(60, width - DisplayWidth.of(numbers)))
        out += DisplayWidth.fit("Plan", to: nameWidth) + numbers + "\n"
        func row(_ name: String, _ counts: StatusCounts, reviewed: String) -> String {
            DisplayWidth.fit(TerminalText.escaped(name), to: nameWidth) + "  "
                + DisplayWidth.fitRight(String(counts.total), to: 7) + "  "
                + statuses.map { DisplayWidth.fitRight(String(counts[$0]), to: 3) }.joined(separator: " ")
                + "  " + DisplayWidth.fitRight(SummaryText.percent(counts.percentComplete), to: 8)
                + "  " + DisplayWidth.fitRight(String(counts.overdue), to: 7)
                + (reviewed.isEmpty ? "" : "  " + reviewed)
                + "\n"
        }
        for line in summary.plans {
            out += row(line.name, line.summary.overall, reviewed: line.lastReviewed?.ukShort ?? "-")
        }
        out += row("Total", total, reviewed: "")
        if !summary.failed.isEmpty {
            out += "\nNot included, because they could not be read (errors above):\n"
            for failed in summary.failed { out += "  " + TerminalText.escaped(failed.path) + "\n" }
        }
        return out
    }

    /// `owners`: one row per owner with their counts, and the other spellings seen.
    public static func owners(_ report: OwnerReport, width: Int = 100) -> String {
        let numbers = "  Actions  Open  Overdue  Due soon  Not updated"
        let nameWidth = max(20, min(60, width - DisplayWidth.of(numbers)))
        var out = DisplayWidth.fit("Owner", to: nameWidth) + numbers + "\n"
        for owner in report.owners {
            out +=
                DisplayWidth.fit(TerminalText.escaped(owner.name), to: nameWidth) + "  "
                + DisplayWidth.fitRight(String(owner.items.count), to: 7) + "  "
                + DisplayWidth.fitRight(String(owner.open), to: 4) + "  "
                + DisplayWidth.fitRight(String(owner.overdue), to: 7) + "  "
                + DisplayWidth.fitRight(String(owner.dueSoon), to: 8) + "  "
                + DisplayWidth.fitRight(String(owner.notUpdated), to: 11) + "\n"
            for spelling in owner.spellings.dropFirst() {
                out += "  also written: " + TerminalText.escaped(spelling) + "\n"
            }
        }
        out +=
            "\(report.owners.count) owner\(report.owners.count == 1 ? "" : "s"); due soon = within \(report.dueWithin) days of \(report.asOf.ukShort)\n"
        return out
    }
}
