import Testing

@testable import PlanCore
@testable import PlanTUI

/// The REF and DUE widths, now measured without building each ISO date's label, give
/// the columns the labels themselves gave (the widest of `DisplayWidth.of(dueLabel)`).
@Suite struct ListColumnsTests {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> PlanDate {
        PlanDate(year: year, month: month, day: day)!
    }

    static let dues: [Due?] = [
        nil, Due(text: "2026-09-30", date: date(2026, 9, 30)), Due(text: "2026-01-02", date: date(2026, 1, 2)),
        Due(text: "0999-01-02", date: date(999, 1, 2)), Due(text: "999-01-02", date: date(999, 1, 2)),
        Due(text: "2026-9-30", date: date(2026, 9, 30)), Due(text: "30/09/2026", date: date(2026, 9, 30)),
        Due(text: "2026-09-30", date: date(2026, 10, 1)), Due(text: "2026-09-30-", date: date(2026, 9, 30)),
        Due(text: "end of March 2027", date: date(2027, 3, 31)), Due(text: "Q3 2026", date: nil),
        Due(text: "2026–09–30 ✓ 漢字", date: date(2026, 9, 30)), Due(text: "", date: date(2026, 9, 30)),
    ]

    @Test func aDueLabelsWidthIsTheLabelsOwn() {
        for due in Self.dues {
            #expect(
                ListColumns.dueLabelWidth(due) == DisplayWidth.of(ActionTable.dueLabel(due)),
                "\(String(describing: due))")
        }
    }

    @Test(arguments: ["example-jtai.plan", "ilacs-improvement.plan", "small.plan", "reviews-tracker.plan"])
    func theColumnsAreThoseTheLabelsGave(name: String) throws {
        var actions = try TUIFixtures.document(name).plan.actions
        for variant in 0..<3 {
            if variant > 0 {
                // The plan's dues, then long refs and every kind of due label.
                for (index, due) in Self.dues.enumerated() where index < actions.count { actions[index].due = due }
            }
            if variant == 2 { actions[actions.count - 1].ref = "12.34abc" }
            let refWidth = actions.lazy.map { DisplayWidth.of($0.ref) }.max() ?? 4
            let dueWidth = actions.lazy.map { DisplayWidth.of(ActionTable.dueLabel($0.due)) }.max() ?? 11
            for width in [60, 80, 100, 120, 200] {
                #expect(
                    ListColumns(
                        width: width, refWidth: ListColumns.refWidth(of: actions),
                        dueWidth: ListColumns.dueWidth(of: actions))
                        == ListColumns(width: width, refWidth: refWidth, dueWidth: dueWidth),
                    "\(name) \(variant) \(width)")
            }
        }
        #expect(ListColumns.refWidth(of: []) == 4 && ListColumns.dueWidth(of: []) == 11)
    }
}
