import PlanCore

/// An area heading's figures: `4 actions · 75% · A`, then how the area got its
/// status when the board gave it (`assessed`, `signed off 27 May 2026`).
func areaFigures(_ rollup: AreaRollup) -> String {
    let count = rollup.counts.total
    var text = "\(count) action\(count == 1 ? "" : "s")"
    guard count > 0 else { return text }
    text += " · \(SummaryText.percent(rollup.counts.percentComplete))"
    if let status = rollup.status { text += " · \(status.code)" }
    if let signOff = rollup.signOff {
        text += " signed off \(signOff.date.ukShort)"
    } else if rollup.isAssessed {
        text += " assessed"
    }
    return text
}

/// A row of block characters, one per value, from lowest to highest: `▁▃▅▇`.
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func of(_ values: [Double]) -> String {
        guard let low = values.min(), let high = values.max() else { return "" }
        return of(values, from: low, to: high)
    }

    /// The same on a fixed scale (0 to 100 for percentages), so that a flat line reads as a level.
    static func of(_ values: [Double], from low: Double, to high: Double) -> String {
        let range = high - low
        return String(
            values.map { value in
                range == 0 ? blocks[3] : blocks[max(0, min(7, Int((value - low) / range * 7 + 0.5)))]
            })
    }
}
