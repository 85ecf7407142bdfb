/// The `summary --by area` table: each area's counts and its rolled-up status.
extension SummaryText {
    /// One line per area: counts per status, % complete, overdue, the status the plan
    /// reports for it (the board's assessment while it holds, else the derived one) and
    /// how it got it: `derived`, `assessed` or `signed off DATE`.
    public static func areaTable(_ summary: PlanSummary, width: Int = 100) -> String {
        let statuses =
            summary.statusKey.statuses
            + Status.allCases.filter { !summary.statusKey.contains($0) && summary.overall[$0] > 0 }
        let numbers =
            "  Actions  " + statuses.map { DisplayWidth.fitRight($0.code, to: 3) }.joined(separator: " ")
            + "  Complete  Overdue  RAG  How"
        let titleWidth = max(20, min(50, width - DisplayWidth.of(numbers) - 12))
        var out = DisplayWidth.fit("Area", to: titleWidth) + numbers + "\n"
        for rollup in summary.areas {
            let c = rollup.counts
            let how =
                rollup.signOff.map { "signed off \($0.date.ukShort)" }
                ?? (rollup.isAssessed ? "assessed" : (rollup.derived == nil ? "" : "derived"))
            out +=
                DisplayWidth.fit(TerminalText.escaped("\(rollup.area.number) \(rollup.area.title)"), to: titleWidth)
                + "  " + DisplayWidth.fitRight(String(c.total), to: 7) + "  "
                + statuses.map { DisplayWidth.fitRight(String(c[$0]), to: 3) }.joined(separator: " ")
                + "  " + DisplayWidth.fitRight(percent(c.percentComplete), to: 8)
                + "  " + DisplayWidth.fitRight(String(c.overdue), to: 7)
                + "  " + DisplayWidth.fitRight(rollup.status?.code ?? "-", to: 3) + "  " + how + "\n"
        }
        return out
    }
}
