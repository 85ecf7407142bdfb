import Foundation
import PropertyBased
import Testing

@testable import PlanCore

/// Any sequence of the edits the CLI offers (add, edit, retire, move, set, note)
/// keeps a generated plan valid and round-trippable, each refused edit leaves the
/// document exactly as it was, and `asOf` on each step's day gives what the file said then.
@Suite("Properties of edit sequences")
struct EditSequencePropertyTests {
    /// One edit: which kind, which action or area (an index taken modulo the count), and a text.
    struct Step: Sendable, CustomStringConvertible {
        var kind: Int
        var pick: Int
        var text: String
        var description: String { "\(kind)/\(pick)/\(text.debugDescription)" }
    }

    static let step = zip(Gen.int(in: 0...7), Gen.int(in: 0...1000), PlanGen.note).map {
        Step(kind: $0, pick: $1, text: $2)
    }

    /// Applies `step` dated `day`; refused edits (EditError) are allowed and change nothing.
    static func apply(_ step: Step, to document: inout PlanDocument, on day: PlanDate) throws(PlanDocument.EditError) {
        let actions = document.plan.actions
        let areas = document.plan.sections.flatMap(\.areas)
        let action = actions[step.pick % actions.count]
        let area = areas[step.pick % areas.count]
        let by = "Step \(step.kind)"
        switch step.kind {
        case 0:
            try document.addAction(
                .init(
                    text: step.text, owners: ["Owner \(step.pick)"], due: "2026-0\(step.pick % 9 + 1)-15",
                    status: [Status.red, .amber, .green][step.pick % 3]),
                toArea: area.number, on: day, by: by)
        case 1: try document.reword(ref: action.ref, to: step.text, on: day, by: by)
        case 2: try document.setOwners(ref: action.ref, to: ["New \(step.pick)", "Other"], on: day, by: by)
        case 3: try document.setDue(ref: action.ref, to: "2027-0\(step.pick % 9 + 1)-01", on: day, by: by)
        case 4: try document.retire(ref: action.ref, reason: step.text, on: day, by: by)
        case 5: try document.move(ref: action.ref, toArea: area.number, on: day, by: by)
        case 6:
            try document.setStatus(ref: action.ref, to: [Status.red, .amber, .green][step.pick % 3], on: day, by: by)
        default: try document.addNote(ref: action.ref, text: step.text, on: day, by: by)
        }
    }

    /// What `asOf` rebuilds: per ref, the status, owners, due and whether retired.
    static func state(_ plan: Plan) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: plan.actions.map {
                (
                    $0.ref,
                    "\($0.status.code) \($0.owners) \($0.due?.text ?? "-") \($0.isRetired)"
                )
            })
    }

    @Test func anySequenceKeepsThePlanValidAndRoundTrippable() async {
        await propertyCheck(count: 100, input: PlanGen.plan, Self.step.array(of: 1...12)) { generated, steps in
            guard var document = try? PlanDocument(text: generated.text) else {
                Issue.record("a generated plan did not parse")
                return
            }
            var snapshots: [(day: PlanDate, state: [String: String])] = []
            for (n, step) in steps.enumerated() {
                // History lines of the generator are dated up to 2026-01; each step is a day later.
                let day = PlanDate(year: 2026, month: 2, day: 1)!.adding(days: n)
                let before = document.text
                do {
                    try Self.apply(step, to: &document, on: day)
                } catch {
                    #expect(document.text == before, "a refused \(step) changed the document")
                    continue
                }
                guard let reparsed = try? PlanDocument(text: document.text) else {
                    Issue.record("after \(step) the plan does not parse: \(problems(document.text))")
                    return
                }
                #expect(reparsed.text == document.text)
                #expect(reparsed.plan == document.plan, "after \(step) the edited plan differs from a full parse")
                expectSameLayout(document, reparsed, "after \(step)")
                snapshots.append((day, Self.state(document.plan)))
            }
            for snapshot in snapshots {
                #expect(
                    Self.state(document.plan.asOf(snapshot.day)) == snapshot.state,
                    "as of \(snapshot.day.iso) the plan does not say what it said then")
            }
        }
    }
}
