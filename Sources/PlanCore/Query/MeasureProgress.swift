/// Where a measure stands against its target.
///
/// The rule (docs/format.md, section 4.2): the latest value is compared with the
/// straight line from the baseline (value and date) to the target (value and date),
/// read at the latest value's date (and at the target itself after the target date).
/// It is *met* when it reaches the target, *on track* when it is at or past the line
/// in the measure's direction, and *off track* when it is short of it.
public enum MeasureProgress: String, Sendable, Equatable {
    /// No value recorded yet.
    case noValue = "no-value"
    /// Values, but no baseline and target to judge them by.
    case tracked
    case met
    case onTrack = "on-track"
    case offTrack = "off-track"

    /// Words for a person: "on track".
    public var label: String {
        switch self {
        case .noValue: "no value yet"
        case .tracked: "tracked"
        case .met: "target met"
        case .onTrack: "on track"
        case .offTrack: "off track"
        }
    }

    /// The RAG a board would give it: met green, on track amber, off track red.
    public var status: Status? {
        switch self {
        case .met: .green
        case .onTrack: .amber
        case .offTrack: .red
        case .noValue, .tracked: nil
        }
    }
}

extension Measure {
    /// The value the straight line from baseline to target expects on `day`; nil
    /// without both. Before the baseline date it is the baseline, after the target date the target.
    public func expected(on day: PlanDate) -> Double? {
        guard let baseline, let target else { return nil }
        let span = Double(target.date.dayNumber - baseline.date.dayNumber)
        guard span > 0 else { return target.value }
        let fraction = min(1, max(0, Double(day.dayNumber - baseline.date.dayNumber) / span))
        return baseline.value + (target.value - baseline.value) * fraction
    }

    /// Where the latest value stands (see ``MeasureProgress``).
    public var progress: MeasureProgress {
        guard let latest else { return .noValue }
        return progress(of: latest)
    }

    /// Where `value` stands against the target and the line to it, on its own date.
    public func progress(of value: Value) -> MeasureProgress {
        guard let target, let expected = expected(on: value.date) else { return .tracked }
        let better = { (a: Double, b: Double) in direction == .higher ? a >= b : a <= b }
        if better(value.value, target.value) { return .met }
        return better(value.value, expected) ? .onTrack : .offTrack
    }

    /// The measure as it stood at the end of `day`: the values recorded by then.
    public func asOf(_ day: PlanDate) -> Measure {
        var past = self
        past.values = values.filter { $0.date <= day }
        return past
    }

    func hasNothingAfter(_ day: PlanDate) -> Bool { values.allSatisfy { $0.date <= day } }

    /// `46`, `12.5`: a number as a person writes it, without a needless `.0`.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = fixedPoint(value, decimals: 1)
        while text.hasSuffix("0") { text.removeLast() }
        // 61.97 rounds to "62.0": a whole number, without its point.
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}

extension Plan {
    /// Whether nothing of the board's (reviews, sign-offs, assessments, area measures)
    /// is dated after `day`.
    func governanceHasNothingAfter(_ day: PlanDate) -> Bool {
        reviews.allSatisfy { $0.date <= day }
            && sections.allSatisfy { section in
                section.areas.allSatisfy { area in
                    area.signOffs.allSatisfy { $0.date <= day } && area.assessments.allSatisfy { $0.date <= day }
                        && area.measures.allSatisfy { $0.hasNothingAfter(day) }
                }
            }
    }

    /// The plan with the board's lines dated after `day` left out; the actions are as they are.
    func governanceAsOf(_ day: PlanDate) -> Plan {
        var past = self
        if !reviews.isEmpty {
            past.reviews = reviews.filter { $0.date <= day }
            past.lastReviewed = past.reviews.last { record in past.reviews.allSatisfy { $0.date <= record.date } }
                .map { Review(date: $0.date, by: $0.by) }
        }
        for s in past.sections.indices {
            for a in past.sections[s].areas.indices {
                past.sections[s].areas[a].signOffs.removeAll { $0.date > day }
                past.sections[s].areas[a].assessments.removeAll { $0.date > day }
                past.sections[s].areas[a].measures = past.sections[s].areas[a].measures.map { $0.asOf(day) }
            }
        }
        return past
    }

    /// Every measure of the plan with where it is held: an action's ref or an area's number.
    public var allMeasures: [(holder: String, measure: Measure)] {
        var out: [(String, Measure)] = []
        for section in sections {
            for area in section.areas {
                out += area.measures.map { (area.number, $0) }
                for action in actions[area.actionRange] { out += action.currentMeasures.map { (action.ref, $0) } }
            }
        }
        return out
    }
}

extension Measure {
    /// Moves the line positions for which `moves` holds by `delta`.
    mutating func shiftLines(by delta: Int, where moves: (Int) -> Bool) {
        if moves(line) { line += delta }
        for v in values.indices where moves(values[v].line) { values[v].line += delta }
    }
}

extension Plan {
    /// The date of the `n`th latest review on or before `day` (1: the latest, "since the
    /// previous review"; 2: the review before that), from the log, else `Last reviewed`.
    public func reviewDate(back n: Int, onOrBefore day: PlanDate) -> PlanDate? {
        let dates = reviews.isEmpty ? [lastReviewed?.date].compactMap { $0 } : reviews.map(\.date)
        let sorted = Array(Set(dates.filter { $0 <= day })).sorted(by: >)
        return n >= 1 && n <= sorted.count ? sorted[n - 1] : nil
    }
}
