/// The checks on how a board closes a plan: blue by agreement, sign-offs that still
/// hold, measures that are kept up. Warnings, like ``BoardCheck``, switched off the
/// same way: `- Checks off: measure-without-value`.
public enum GovernanceCheck: String, Sendable, CaseIterable {
    /// Blue with no `- Agreed` line (when the plan says who agrees impact, or there is no note either),
    /// or agreed by someone the plan does not list.
    case blueWithoutAgreement = "blue-without-agreement"
    /// An area signed off while some of its actions are not complete.
    case signedOffIncomplete = "signed-off-incomplete"
    /// An action of a signed-off area changed after the sign-off.
    case changedAfterSignOff = "changed-after-sign-off"
    /// A measure with no value (nor baseline) within the plan's review cycle, and its target not met.
    case measureWithoutValue = "measure-without-value"

    private static func switchedOff(in plan: Plan) -> Set<GovernanceCheck> {
        let fields = plan.extraFields.filter { $0.name.lowercased() == "checks off" }
        return Set(
            fields.flatMap { $0.value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }) }
                .compactMap { GovernanceCheck(rawValue: $0.lowercased()) })
    }

    /// Every finding on `day` for the rules the plan has not switched off; `plan` as of that day.
    public static func warnings(for plan: Plan, on day: PlanDate) -> [Diagnostic] {
        let off = switchedOff(in: plan)
        var out: [(GovernanceCheck, Int, String)] = []
        if !off.contains(.blueWithoutAgreement) { out += blueFindings(plan) }
        for section in plan.sections {
            for area in section.areas {
                guard let signOff = area.signOffs.max(by: { $0.date < $1.date }) else { continue }
                let actions = plan.actions[area.actionRange]
                let open = actions.filter { !$0.status.isComplete }.map(\.ref)
                if !open.isEmpty, !off.contains(.signedOffIncomplete) {
                    out.append(
                        (
                            .signedOffIncomplete, signOff.line,
                            "area \(area.number) is signed off but \(open.joined(separator: ", ")) \(open.count == 1 ? "is" : "are") not complete"
                        ))
                }
                let changed = actions.filter { $0.history.contains { $0.date > signOff.date } }.map(\.ref)
                if !changed.isEmpty, !off.contains(.changedAfterSignOff) {
                    out.append(
                        (
                            .changedAfterSignOff, signOff.line,
                            "area \(area.number) was signed off on \(signOff.date.ukLong), and \(changed.joined(separator: ", ")) changed after that"
                        ))
                }
            }
        }
        if !off.contains(.measureWithoutValue) {
            for (holder, measure) in plan.allMeasures where measure.progress != .met {
                let last = measure.latest?.date ?? measure.baseline?.date
                guard last.map({ $0.adding(days: plan.reviewCycleDays) < day }) ?? true else { continue }
                out.append(
                    (
                        .measureWithoutValue, measure.line,
                        "measure '\(measure.name)' of \(holder) has "
                            + (last.map { "had no value since \($0.ukLong)" } ?? "no value yet")
                    ))
            }
        }
        return out.map { rule, line, message in
            Diagnostic(
                .warning, line: line, column: 1, message,
                hint: "\(rule.hint); a plan can switch this check off with `- Checks off: \(rule.rawValue)`")
        }
    }

    private var hint: String {
        switch self {
        case .blueWithoutAgreement:
            "record the board's agreement: `- Agreed YYYY-MM-DD (Board): …`, or `actionplan set PATH REF --rag blue --agreed-by BOARD`"
        case .signedOffIncomplete: "finish the actions, or record why the board signed the area off anyway"
        case .changedAfterSignOff: "the board may want to look at the area again and sign it off anew"
        case .measureWithoutValue: "record one with `actionplan measure PATH REF NAME VALUE`"
        }
    }

    private static func blueFindings(_ plan: Plan) -> [(GovernanceCheck, Int, String)] {
        let declared = Set(plan.impactAgreedBy.map { $0.lowercased() })
        var out: [(GovernanceCheck, Int, String)] = []
        for action in plan.actions where action.status == .blue {
            if action.agreements.isEmpty {
                guard !declared.isEmpty || action.notes.isEmpty else { continue }
                out.append(
                    (
                        .blueWithoutAgreement, action.line,
                        "\(action.ref) is blue with no agreement that its impact is evidenced"
                            + (action.notes.isEmpty ? " and no note" : "")
                    ))
            }
            for agreement in action.agreements where !declared.isEmpty {
                guard !declared.contains((agreement.by ?? "").lowercased()) else { continue }
                out.append(
                    (
                        .blueWithoutAgreement, action.currentLine(agreement.line),
                        "\(action.ref)'s impact was agreed by \(agreement.by ?? "no one named"), but this plan says \(plan.impactAgreedBy.joined(separator: " or ")) agrees impact"
                    ))
            }
        }
        return out
    }
}
