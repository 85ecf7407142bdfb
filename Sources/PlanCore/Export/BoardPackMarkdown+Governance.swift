/// The board pack's governance pages in Markdown: areas rolled up with their
/// sign-offs, measures against their targets, and the log of reviews.
extension BoardPackMarkdown {
    static func areas(_ pack: BoardPack) -> String {
        var out = "## Areas\n\n| Area | Actions | Complete | Derived | Reported | Sign-off and monitoring |\n"
        out += "|---|--:|--:|:-:|:-:|---|\n"
        for rollup in pack.summary.areas {
            let reported = rollup.status.map { $0.code + (rollup.isAssessed ? " (assessed)" : "") } ?? "–"
            let signOff =
                rollup.signOff.map {
                    "Signed off \($0.date.ukLong)" + ($0.by.map { " by \(Markdown.cell($0))" } ?? "") + ": "
                        + Markdown.cell($0.monitoring)
                } ?? ""
            out +=
                "| \(Markdown.cell("\(rollup.area.number) \(rollup.area.title)")) | \(rollup.counts.total) | "
                + "\(SummaryText.percent(rollup.counts.percentComplete)) | \(rollup.derived?.code ?? "–") | "
                + "\(reported) | \(signOff) |\n"
        }
        return out
    }

    static func measures(_ pack: BoardPack) -> String {
        let measures = pack.plan.allMeasures
        guard !measures.isEmpty else { return "" }
        var out = "## Measures\n\n"
        for (holder, measure) in measures {
            out += "### \(Markdown.escaped(holder)): \(Markdown.escaped(measure.name))\n\n"
            out += MeasureText.summary(measure).map { Markdown.escaped($0) + "\n\n" } ?? ""
            out += "| Date | Value | Expected |\n|---|--:|--:|\n"
            for value in measure.chronological {
                let expected = measure.expected(on: value.date).map(Measure.format) ?? "–"
                out += "| \(value.date.ukLong) | \(Markdown.cell(value.text)) | \(expected) |\n"
            }
            out += "\n"
        }
        return String(out.dropLast())
    }

    static func reviews(_ pack: BoardPack) -> String {
        let reviews = pack.plan.reviews
        guard !reviews.isEmpty else { return "" }
        var out = "## Reviews\n\n| Date | Board | Looked at | Changed |\n|---|---|--:|--:|\n"
        for review in reviews.reversed() {
            let looked = review.lookedAt.map { "\($0) of \(review.of ?? 0)" } ?? "–"
            out +=
                "| \(review.date.ukLong) | \(Markdown.cell(review.by ?? "")) | \(looked) | "
                + "\(review.changed.map(String.init) ?? "–") |\n"
        }
        return out
    }
}

/// Words for a measure, shared by the exports and the terminal interface.
public enum MeasureText {
    /// "Baseline 46% (30 Sep 2025), target 95% by 30 Sep 2026, higher is better; latest 81% on 30 Jun 2026: off track."
    public static func summary(_ measure: Measure) -> String? {
        let unit = measure.unit.map { $0 == "%" ? "%" : " " + $0 } ?? ""
        var parts: [String] = []
        if let baseline = measure.baseline {
            parts.append("baseline \(Measure.format(baseline.value))\(unit) (\(baseline.date.ukShort))")
        }
        if let target = measure.target {
            parts.append(
                "target \(Measure.format(target.value))\(unit) by \(target.date.ukShort), \(measure.direction.rawValue) is better"
            )
        }
        var text = parts.joined(separator: ", ")
        if let latest = measure.latest {
            text +=
                (text.isEmpty ? "" : "; ") + "latest \(latest.text)\(unit) on \(latest.date.ukShort): "
                + measure.progress.label
        }
        guard !text.isEmpty else { return nil }
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}
