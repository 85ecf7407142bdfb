import Foundation
import Testing

@testable import PlanCore

/// The merge driver on the board's lines: values and agreements are history (a union),
/// a measure's definition is a field.
@Suite("Governance merges")
struct GovernanceMergeTests {
    static func base() throws -> PlanDocument { try parse(GovernanceTests.fixture) }

    @Test func twoValuesOfOneMeasureOnTheSameDayAreBothKept() throws {
        let base = try Self.base()
        var ours = base
        try ours.recordValue(
            of: "Records with the child's words", on: "1.1a", value: "88", date: date("2026-11-25"), by: "Audit team")
        var theirs = base
        try theirs.recordValue(
            of: "Records with the child's words", on: "1.1a", value: "86", date: date("2026-11-25"), by: "Data team")
        let result = try PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let values = try #require(result.document?.plan.action(ref: "1.1a")?.measures.first?.values)
        #expect(values.map(\.text) == ["61", "81", "88", "86"])
    }

    @Test func anAgreementOnOneSideAndAValueOnTheOtherMerge() throws {
        let base = try Self.base()
        var ours = base
        try ours.setStatus(
            ref: "1.2a", to: .blue, on: date("2026-11-25"), by: "Jo", agreedBy: "Improvement Board", reason: nil)
        var theirs = base
        try theirs.addNote(ref: "1.2a", text: "Five meetings now.", on: date("2026-11-24"), by: "Sam")
        let result = try PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let action = try #require(result.document?.plan.action(ref: "1.2a"))
        #expect(action.status == .blue && action.agreements.count == 1 && action.notes.count == 2)
    }
}
