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
}
