import Foundation
import Testing

@testable import PlanCore

/// Every line an output reports after in-memory edits (the actions' parts keep the line
/// they were read at, and `Action.currentLine` moves it) is the line a fresh parse of the
/// written bytes reports: the JSON of the board pack, the summary and the list, and the
/// history, board and governance checks.
@Suite struct EditedOutputLinesTests {
    static func outputs(_ document: PlanDocument) -> [String] {
        let plan = document.plan
        var out: [String] = []
        for day in [date("2026-01-14"), date("2026-11-10"), date("2030-01-01")] {
            let pack = BoardPack(plan: plan, asOf: day)
            out.append(String(decoding: BoardPackJSON.bytes(pack, path: "p.plan"), as: UTF8.self))
            out.append(BoardPackJSON.render(pack, path: "p.plan").serialized())
            out.append(PlanJSON.summary(PlanSummary(plan: plan, asOf: day), path: "p.plan").serialized())
            var writer = JSONWriter()
            PlanJSON.list(Array(plan.actions), plan: plan, path: "p.plan", on: day, to: &writer)
            out.append(String(decoding: writer.bytes, as: UTF8.self))
            out += pack.measureRows.map { "\($0.measure.line) \($0.value?.line ?? 0)" }
            let checks =
                HistoryCheck.warnings(for: plan, on: date("2020-01-01"))
                + BoardCheck.warnings(for: plan, on: day) + GovernanceCheck.warnings(for: plan, on: day)
            out += checks.map { "\($0.line):\($0.column) \($0.message)" }
        }
        return out
    }

    /// The example plans, and the fixture with a measure on an action.
    static let plans =
        Fixtures.examplePlans + Fixtures.files(in: "valid").filter { $0.lastPathComponent == "governance.plan" }

    @Test(arguments: plans.map(\.path))
    func outputsAfterEditsAreAFreshParses(path: String) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        var document = try PlanDocument(data: Data(contentsOf: URL(fileURLWithPath: path)))
        let count = document.plan.actions.count
        var moved = false
        for (step, index) in [0, 1, count / 3, count / 2].enumerated() where index < count {
            try document.addNote(
                ref: document.plan.actions[index].ref, text: "Probe \(step).\nSecond line.",
                on: date("2030-01-0\(step + 1)"), by: "Jo")
            moved = moved || document.plan.actions.contains { $0.linesMoved != 0 }
            let fresh = try PlanDocument(data: document.data)
            #expect(Self.outputs(document) == Self.outputs(fresh), "\(name) step \(step)")
        }
        #expect(moved)
    }

    /// A plan whose later areas hold every kind of part (fields, sign-offs, assessments,
    /// measures with values), whose edited area holds parts after its actions, and whose
    /// later actions hold measures: what an edit above them must move.
    static let governedPlan = """
        # Governed
        - As at: 2026-10-28

        ## 1 First
        ### 1.1 Edited area
        - Lead: Jo Barnes

        - [A] 1.1a First action.
          - Owner: Jo
          - Due: 2026-12-31

        - [G] 1.1b Action with a measure after the edit.
          - Owner: Sam
          - Due: 2026-12-31
          - Measure Visits (%): baseline 10 on 2026-01-31; target 90 by 2026-12-31; higher is better
          - Value 2026-03-31 (Data team): Visits = 40

        - Measure Days waiting: baseline 12 on 2026-01-31; target 5 by 2026-12-31; lower is better
        - Value 2026-04-30 (Data team): Days waiting = 10
        - Signed off 2026-09-30 (Board): monitored through the audit
        - Assessed 2026-10-28 (Board): A, the audit is due

        ### 1.2 Later area
        - Lead: Kim
        - Needs to improve: Something.

        - [R] 1.2a Later action.
          - Owner: Kim
          - Due: 2026-12-31

        - Signed off 2026-09-30 (Board): monitored monthly
        - Assessed 2026-10-28 (Board): R, nothing yet
        - Measure Calls: baseline 1 on 2026-01-31; target 5 by 2026-12-31; higher is better
        - Value 2026-05-31 (Data team): Calls = 2

        ## 2 Second
        ### 2.1 Area of a later section
        - Lead: Lee

        - [A] 2.1a Action of a later section.
          - Owner: Lee
          - Due: 2026-12-31
          - Measure Reports: baseline 0 on 2026-01-31; target 4 by 2026-12-31; higher is better
          - Value 2026-06-30 (Data team): Reports = 1

        - Assessed 2026-10-28 (Board): G, done

        ## Notes
        Text after the sections.

        """

    @Test func areaPartsAfterEditsAreAFreshParses() throws {
        var document = try PlanDocument(text: Self.governedPlan)
        let before = document.plan.allMeasures.count + document.plan.sections.count
        for (step, ref) in ["1.1a", "2.1a", "1.1a", "1.2a", "1.1b"].enumerated() {
            try document.addNote(
                ref: ref, text: "Probe \(step).\nSecond line.", on: date("2026-10-0\(step + 1)"), by: "Jo")
            let fresh = try PlanDocument(data: document.data)
            #expect(Self.outputs(document) == Self.outputs(fresh), "step \(step)")
            #expect(
                BoardPack(plan: document.plan, asOf: date("2026-10-28")).measureRows.map(Self.lines)
                    == BoardPack(plan: fresh.plan, asOf: date("2026-10-28")).measureRows.map(Self.lines),
                "step \(step)")
            expectSameLayout(document, fresh, "step \(step)")
        }
        #expect(document.plan.allMeasures.count + document.plan.sections.count == before)
        // The later areas moved by their pending shift, not part by part.
        #expect(document.plan.sections[1].areas[0].linesMoved != 0)
    }

    /// Sections of more areas than a chunk holds, edited in several chunks.
    @Test func manyAreasAfterEditsAreAFreshParse() throws {
        var text = "# Many\n- As at: 2026-10-28\n"
        for s in 1...2 {
            text += "\n## \(s) Section\n"
            for a in 1...300 {
                text +=
                    "\n### \(s).\(a) Area\n- Lead: Jo\n\n- [A] \(s).\(a)a Act.\n  - Owner: Jo\n  - Due: 2026-12-31\n"
                text += "\n- Assessed 2026-10-28 (Board): A, why\n"
            }
        }
        var document = try PlanDocument(text: text)
        for (step, ref) in ["1.280a", "1.3a", "2.300a", "1.256a", "1.257a", "2.1a"].enumerated() {
            try document.addNote(ref: ref, text: "Probe \(step).", on: date("2026-10-01"), by: "Jo")
            let fresh = try PlanDocument(data: document.data)
            expectSameLayout(document, fresh, "step \(step)")
            // Found by number across chunks, with the lines a fresh parse gives.
            for number in ["1.1", "1.256", "1.257", "1.300", "2.1", "2.257", "2.300"] {
                let area = try #require(document.plan.area(number: number))
                #expect(area == fresh.plan.area(number: number), "step \(step), area \(number)")
                #expect(area.line == fresh.plan.area(number: number)?.line, "step \(step), area \(number)")
                #expect(area.assessments.map(\.line) == fresh.plan.area(number: number)?.assessments.map(\.line))
            }
            #expect(document.plan.area(number: "3.1") == nil)
        }
    }

    static func lines(_ row: BoardPack.MeasureRow) -> [Int] { [row.measure.line, row.value?.line ?? 0] }
}
