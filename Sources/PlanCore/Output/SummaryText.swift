/// The `summary` command's text: totals, a line per status, then a table by section.
public enum SummaryText {
    public static func render(_ summary: PlanSummary, width: Int = 100) -> String {
        let overall = summary.overall
        var out = TerminalText.escaped(summary.title) + "\n"
        var dates: [String] = []
        if let asAt = summary.asAt { dates.append("updated as at \(asAt.ukLong)") }
        dates.append("figures as of \(summary.asOf.ukLong)")
        out += dates.joined(separator: "; ") + "\n\n"
        out +=
            "\(overall.total) action\(overall.total == 1 ? "" : "s"), \(overall.complete) complete (\(percent(overall.percentComplete))), "
            + "\(overall.overdue) overdue"
            + (overall.retired > 0 ? "; \(overall.retired) retired (not counted)" : "") + "\n\n"

        let statuses =
            summary.statusKey.statuses + Status.allCases.filter { !summary.statusKey.contains($0) && overall[$0] > 0 }
        let labelWidth = max(6, statuses.map { DisplayWidth.of(summary.statusKey.label(for: $0)) + 4 }.max() ?? 6)
        out += DisplayWidth.fit("Status", to: labelWidth) + "  Actions      %\n"
        for status in statuses {
            let share = overall.total == 0 ? 0 : Double(overall[status]) * 100 / Double(overall.total)
            out +=
                DisplayWidth.fit(
                    "\(status.code)  " + TerminalText.escaped(summary.statusKey.label(for: status)), to: labelWidth)
                + "  " + DisplayWidth.fitRight(String(overall[status]), to: 7)
                + "  " + DisplayWidth.fitRight(percent(share), to: 5) + "\n"
        }

        let flagged = summary.attention.filter { $0.count > 0 }
        if !flagged.isEmpty {
            out += "\nNeeds attention (`actionplan check` lists them)\n"
            for item in flagged {
                out += DisplayWidth.fitRight(String(item.count), to: 4) + "  " + item.check.summary + "\n"
            }
        }

        let codes = statuses.map(\.code)
        let numbers =
            "  Actions  " + codes.map { DisplayWidth.fitRight($0, to: 3) }.joined(separator: " ")
            + "  Complete  Overdue"
        let titleWidth = max(20, min(60, width - DisplayWidth.of(numbers)))
        out += "\n" + DisplayWidth.fit("Section", to: titleWidth) + numbers + "\n"
        for section in summary.sections {
            let c = section.counts
            out +=
                DisplayWidth.fit(TerminalText.escaped("\(section.number) \(section.title)"), to: titleWidth)
                + "  " + DisplayWidth.fitRight(String(c.total), to: 7) + "  "
                + statuses.map { DisplayWidth.fitRight(String(c[$0]), to: 3) }.joined(separator: " ")
                + "  " + DisplayWidth.fitRight(percent(c.percentComplete), to: 8)
                + "  " + DisplayWidth.fitRight(String(c.overdue), to: 7) + "\n"
        }
        return out
    }

    /// Whole percent, as boards report it: "53%".
    public static func percent(_ value: Double) -> String { "\(Int(value.rounded()))%" }
}
