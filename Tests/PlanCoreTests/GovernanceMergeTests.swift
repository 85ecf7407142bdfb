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

    /// Two boards each sign off an area: the improvement board area 1.2 (its action still
    /// open, so forced), the partnership executive area 1.1 again.
    static func signedOff(_ document: PlanDocument, area: String, by board: String, _ monitoring: String) throws
        -> PlanDocument
    {
        var edited = document
        try edited.signOff(area: area, on: date("2026-11-25"), by: board, monitoring: monitoring, force: true)
        return edited
    }

    @Test func twoBoardsSignOffsOfTwoAreasAreBothKept() throws {
        let base = try Self.base()
        let ours = try Self.signedOff(base, area: "1.2", by: "Improvement Board", "monitored through the scorecard")
        let theirs = try Self.signedOff(
            base, area: "1.1", by: "Partnership Executive", "monitored through the executive's annual report")
        let result = try PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let plan = try #require(result.document?.plan)
        #expect(plan.area(number: "1.1")?.signOffs.map(\.by) == ["Improvement Board", "Partnership Executive"])
        #expect(plan.area(number: "1.2")?.signOffs.map(\.monitoring) == ["monitored through the scorecard"])
        // The same merge the other way round gives the same plan.
        let reverse = try PlanMerge.merge(base: base, ours: theirs, theirs: ours)
        #expect(reverse.document?.plan.area(number: "1.1")?.signOffs == plan.area(number: "1.1")?.signOffs)
    }

    @Test func twoValuesOfAnAreasMeasureOnTheSameDayAreBothKept() throws {
        let base = try Self.base()
        var ours = base
        try ours.recordValue(
            of: "Days to first visit", on: "1.2", value: "8", date: date("2026-10-31"), by: "Data team")
        var theirs = base
        try theirs.recordValue(
            of: "Days to first visit", on: "1.2", value: "8.5", date: date("2026-10-31"), by: "Audit team")
        let result = try PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        let measure = try #require(result.document?.plan.area(number: "1.2")?.measures.first)
        #expect(measure.values.map(\.text) == ["10", "9.5", "8", "8.5"])
        #expect(measure.values.suffix(2).map(\.author) == ["Data team", "Audit team"])
    }

    @Test func theSameAreaSignedOffDifferentlyOnBothSidesIsAConflictNamingBoth() throws {
        let base = try Self.base()
        let ours = try Self.signedOff(base, area: "1.2", by: "Improvement Board", "monitored through the scorecard")
        let theirs = try Self.signedOff(
            base, area: "1.2", by: "Partnership Executive", "monitored through the executive's annual report")
        let result = try PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        let expected = PlanMerge.Conflict(
            ref: "area 1.2", field: "sign-off",
            ours: "Signed off 2026-11-25 (Improvement Board): monitored through the scorecard",
            theirs: "Signed off 2026-11-25 (Partnership Executive): monitored through the executive's annual report")
        #expect(result.conflicts == [expected])
        #expect(result.document == nil)
        #expect(
            expected.description
                == "area 1.2's sign-off (Signed off 2026-11-25 (Improvement Board): monitored through the scorecard here, "
                + "Signed off 2026-11-25 (Partnership Executive): monitored through the executive's annual report there)"
        )
        #expect(
            PlanFile.reason(expected)
                == "area 1.2 was signed off there too, differently (Signed off 2026-11-25 (Partnership Executive): "
                + "monitored through the executive's annual report)")
        // Neither sign-off is lost: both stand between the markers, which `check` reports as errors.
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(
            text.contains(
                "<<<<<<< ours: Signed off 2026-11-25 (Improvement Board): monitored through the scorecard\n"
                    + "- Signed off 2026-11-25 (Improvement Board): monitored through the scorecard\n=======\n"
                    + "- Signed off 2026-11-25 (Partnership Executive): monitored through the executive's annual report\n"
                    + ">>>>>>> theirs: "))
        #expect(throws: PlanParseError.self) { try PlanDocument(data: result.data) }
    }

    @Test func theSameSignOffOnBothSidesIsWrittenOnce() throws {
        let base = try Self.base()
        let ours = try Self.signedOff(base, area: "1.2", by: "Improvement Board", "monitored through the scorecard")
        let result = try PlanMerge.merge(base: base, ours: ours, theirs: ours)
        #expect(result.conflicts.isEmpty)
        #expect(result.document?.plan.area(number: "1.2")?.signOffs.count == 1)
    }
}
