import Foundation
import Testing

@testable import PlanCore

/// Sign-offs, assessments, agreements, measures and the review log: how they read,
/// how they are written, and what is refused.
@Suite("Governance lines")
struct GovernanceTests {
    static var fixture: String {
        get throws {
            try String(
                contentsOf: Fixtures.directory.appendingPathComponent("valid/governance.plan"), encoding: .utf8)
        }
    }

    @Test func everyNewLineKindIsRead() throws {
        let plan = try parse(Self.fixture).plan
        #expect(plan.impactAgreedBy == ["Improvement Board"])
        #expect(plan.reviewCycleDays == 31)
        #expect(plan.reviews.map(\.date.iso) == ["2026-08-26", "2026-09-30", "2026-10-28"])
        #expect(plan.reviews[0].lookedAt == 5 && plan.reviews[0].of == 6 && plan.reviews[0].changed == 2)
        #expect(plan.reviews[1].remark == "quorum met")
        #expect(plan.reviews[2].lookedAt == nil)
        #expect(plan.lastReviewed == Review(date: date("2026-10-28"), by: "Improvement Board"))
        let action = try #require(plan.action(ref: "1.1a"))
        #expect(action.agreements.map(\.text) == ["impact evidenced by the June audit"])
        let measure = try #require(action.measures.first)
        #expect(measure.name == "Records with the child's words" && measure.unit == "%")
        #expect(measure.baseline == Measure.Point(value: 46, date: date("2025-09-30")))
        #expect(measure.target == Measure.Point(value: 95, date: date("2026-09-30")))
        #expect(measure.values.map(\.value) == [61, 81])
        let area11 = try #require(plan.area(number: "1.1"))
        #expect(area11.signOffs.map(\.monitoring) == ["monitored through the quarterly audit"])
        let area12 = try #require(plan.area(number: "1.2"))
        #expect(area12.measures.first?.direction == .lower)
        #expect(area12.measures.first?.values.map(\.text) == ["10", "9.5"])
        #expect(area12.assessments.first?.status == .red)
        #expect(area12.assessments.first?.text == "the survey has not started")
        #expect(!action.extraFields.contains { $0.name.lowercased().hasPrefix("measure") })
    }

    @Test func rollUpFollowsTheDocumentedRule() throws {
        let plan = try parse(Self.fixture).plan
        let rollups = plan.areaRollups(on: date("2026-11-01"))
        #expect(rollups.map(\.derived) == [.blue, .amber])
        // The board's assessment of 1.2 holds: nothing changed in the area after it.
        #expect(rollups[1].status == .red && rollups[1].isAssessed)
        // Before the sign-off, 1.1 was rolled up from its action alone.
        let before = plan.areaRollups(on: date("2026-07-01"))
        #expect(before[0].signOff == nil && before[0].derived == .green)
        #expect(before[1].assessment == nil)
    }

    @Test func anAssessmentEndsWithTheNextChangeInTheArea() throws {
        var document = try parse(Self.fixture)
        try document.setStatus(ref: "1.2a", to: .red, on: date("2026-11-02"), by: "Jo")
        let rollup = document.plan.areaRollups(on: date("2026-11-03"))[1]
        #expect(rollup.assessment == nil && rollup.status == .red && !rollup.isAssessed)
    }

    @Test func measureProgressAgainstTheStraightLine() throws {
        let plan = try parse(Self.fixture).plan
        let words = try #require(plan.action(ref: "1.1a")?.measures.first)
        // On 30 June 2026 the line from 46 (30 Sep 2025) to 95 (30 Sep 2026) expects about 82.65.
        #expect(abs((words.expected(on: date("2026-06-30")) ?? 0) - 82.65) < 0.01)
        #expect(words.progress == .offTrack)
        let days = try #require(plan.area(number: "1.2")?.measures.first)
        // 9.5 days on 31 July, when the line from 12 to 5 expects 8.2: off track (lower is better).
        #expect(days.progress == .offTrack)
        #expect(days.asOf(date("2026-05-01")).progress == .onTrack)
        #expect(days.asOf(date("2026-05-01")).values.count == 1)
    }

    @Test func asOfShowsSignOffsAndValuesOnlyFromTheirDates() throws {
        let plan = try parse(Self.fixture).plan
        let past = plan.asOf(date("2026-05-01"))
        #expect(past.area(number: "1.1")?.signOffs.isEmpty == true)
        #expect(past.action(ref: "1.1a")?.measures.first?.values.count == 1)
        #expect(past.action(ref: "1.1a")?.agreements.isEmpty == true)
        #expect(past.reviews.isEmpty && past.lastReviewed == nil)
        #expect(plan.asOf(date("2026-09-01")).lastReviewed?.date == date("2026-08-26"))
    }

    @Test func badLinesAreErrorsWithTheirColumns() {
        let area = planHeader + "- [A] 1.1a Do it.\n  - Owner: X\n  - Due: 2026-05-01\n"
        #expect(
            errors(area + "  - Measure Rate (%): target 95 by 2026-12-31\n") == [
                "9:23: error: measure 'Rate' has a target but no baseline"
            ])
        #expect(
            errors(area + "  - Measure Rate: baseline x on 2026-01-01\n") == ["9:28: error: 'x' is not a number"])
        #expect(
            errors(area + "  - Measure Rate: baseline 1 on 2026-01-01\n  - Value 2026-02-01: Rate = 4%\n") == [
                "10:30: error: '4%' is not a number"
            ])
        #expect(
            errors(area + "  - Value 2026-02-01: Other = 4\n") == ["9:23: error: action 1.1a has no measure 'Other'"])
        #expect(
            errors(area + "\n- Signed off 2026-02-01 (Board):\n") == [
                "10:33: error: a sign-off says how the area will be monitored"
            ])
        #expect(
            errors(area + "\n- Assessed 2026-02-01 (Board): Q\n") == ["10:32: error: 'Q' is not a status of this plan"])
        #expect(
            errors("# T\n- Reviewed 2026-01-01 (B): many\n\n## 1 S\n### 1.1 A\n- [A] 1.1a X\n") == [
                "2:28: error: expected `looked at N of M, changed K` in this review line"
            ])
    }

    // MARK: - Edits: each new line kind written exactly as predicted

    @Test func signOffAppendsOneLineAtTheEndOfTheArea() throws {
        var document = try parse(Self.fixture)
        let before = document.text
        #expect(throws: PlanDocument.EditError.self) {
            try document.signOff(area: "1.2", on: date("2026-11-25"), by: "Improvement Board", monitoring: "scorecard")
        }
        #expect(document.text == before)
        try document.signOff(
            area: "1.2", on: date("2026-11-25"), by: "Improvement Board", monitoring: "scorecard", force: true)
        #expect(document.text == before + "- Signed off 2026-11-25 (Improvement Board): scorecard\n")
        #expect(document.plan.area(number: "1.2")?.signOffs.count == 1)
    }

    @Test func aSignOffAfterAnActionGetsABlankLineFirst() throws {
        var document = try parse(planHeader + "- [G] 1.1a Do it.\n  - Owner: X\n  - Due: 2026-05-01")
        try document.signOff(area: "1.1", on: date("2026-06-01"), by: "B", monitoring: "audit")
        #expect(document.text.hasSuffix("  - Due: 2026-05-01\n\n- Signed off 2026-06-01 (B): audit"))
    }

    @Test func assessmentAndAreaValueAreAppended() throws {
        var document = try parse(Self.fixture)
        let before = document.text
        try document.assess(area: "1.2", as: .amber, on: date("2026-11-25"), by: "Improvement Board", because: "better")
        try document.recordValue(of: "days to first visit", on: "1.2", value: "8", date: date("2026-11-25"), by: nil)
        #expect(
            document.text
                == before + "- Assessed 2026-11-25 (Improvement Board): A, better\n"
                + "- Value 2026-11-25: Days to first visit = 8\n")
    }

    @Test func actionValueIsAppendedToTheAction() throws {
        var document = try parse(Self.fixture)
        let before = document.text
        try document.recordValue(
            of: "Records with the child's words", on: "1.1a", value: "90", date: date("2026-11-25"), by: "Audit team")
        let added = "  - Value 2026-11-25 (Audit team): Records with the child's words = 90\n"
        let anchor = "  - Agreed 2026-07-15 (Improvement Board): impact evidenced by the June audit\n"
        #expect(document.text == before.replacingOccurrences(of: anchor, with: anchor + added))
        #expect(document.plan.action(ref: "1.1a")?.measures.first?.latest?.value == 90)
    }

    @Test func blueNeedsAnAgreementWhereThePlanDeclaresWhoAgrees() throws {
        var document = try parse(Self.fixture)
        #expect(throws: PlanDocument.EditError.self) {
            try document.setStatus(
                ref: "1.2a", to: .blue, on: date("2026-11-25"), by: "Jo", agreedBy: nil, reason: nil)
        }
        #expect(throws: PlanDocument.EditError.self) {
            try document.setStatus(
                ref: "1.2a", to: .blue, on: date("2026-11-25"), by: "Jo", agreedBy: "Someone else", reason: nil)
        }
        try document.setStatus(
            ref: "1.2a", to: .blue, on: date("2026-11-25"), by: "Jo", agreedBy: "Improvement Board", reason: nil)
        let action = try #require(document.plan.action(ref: "1.2a"))
        #expect(action.status == .blue)
        #expect(action.agreements.map(\.by) == ["Improvement Board"])
        #expect(
            document.text.contains(
                "  - Status 2026-11-25 (Jo): A -> B\n  - Agreed 2026-11-25 (Improvement Board): impact evidenced\n"))
    }

    @Test func leavingBlueNeedsAReasonWrittenAsANote() throws {
        var document = try parse(Self.fixture)
        #expect(throws: PlanDocument.EditError.self) {
            try document.setStatus(ref: "1.1a", to: .green, on: date("2026-11-25"), by: "Jo", agreedBy: nil, reason: "")
        }
        try document.setStatus(
            ref: "1.1a", to: .green, on: date("2026-11-25"), by: "Jo", agreedBy: nil, reason: "the audit fell back")
        #expect(document.plan.action(ref: "1.1a")?.latestNote?.text == "Moved out of blue: the audit fell back")
    }

    @Test func aReviewIsAppendedToTheLog() throws {
        var document = try parse(Self.fixture)
        let before = document.text
        try document.recordReview(
            on: date("2026-11-25"), by: "Improvement Board",
            counts: PlanDocument.ReviewCounts(lookedAt: 4, of: 6, changed: 1))
        let anchor = "- Reviewed 2026-10-28 (Improvement Board)\n"
        #expect(
            document.text
                == before.replacingOccurrences(
                    of: anchor,
                    with: anchor + "- Reviewed 2026-11-25 (Improvement Board): looked at 4 of 6, changed 1\n"))
        #expect(document.plan.reviews.count == 4)
        #expect(throws: PlanDocument.EditError.self) {
            try document.recordReview(on: date("2026-11-01"), by: nil, counts: nil)
        }
    }

    @Test func lastReviewedBecomesTheFirstLineOfTheLog() throws {
        var document = try parse(
            "# T\n- As at: 2026-01-14\n- Last reviewed: 2025-12-18, Improvement Board\n\n## 1 S\n### 1.1 A\n")
        try document.recordReview(
            on: date("2026-01-20"), by: "Improvement Board",
            counts: PlanDocument.ReviewCounts(lookedAt: 0, of: 0, changed: 0))
        #expect(
            document.text
                == "# T\n- As at: 2026-01-14\n- Reviewed 2025-12-18 (Improvement Board)\n"
                + "- Reviewed 2026-01-20 (Improvement Board): looked at 0 of 0, changed 0\n\n## 1 S\n### 1.1 A\n")
        #expect(document.plan.reviews.count == 2)
    }

    /// Found by fuzz-plan: a field wrapped over lines was rewritten from its first line
    /// only, with the name's line break inside the new line, and the file written did not load.
    @Test func aWrappedLastReviewedBecomesOneLineOfTheLog() throws {
        var document = try parse(
            "# T\n- Last reviewed: 2025-12-18, Children's Safeguarding\n  Partnership Board\n- Period: 2026\n\n## 1 S\n"
        )
        try document.recordReview(on: date("2026-01-20"), by: "Board", counts: nil)
        #expect(
            document.text
                == "# T\n- Reviewed 2025-12-18 (Children's Safeguarding Partnership Board)\n"
                + "- Reviewed 2026-01-20 (Board)\n- Period: 2026\n\n## 1 S\n")
        #expect(try PlanDocument(data: document.data).plan.reviews.count == 2)
    }

    @Test func aNewHeaderLineGoesAfterTheWholeFieldBeforeIt() throws {
        var document = try parse("# T\n- Period: April 2026 to\n  March 2027\n\n## 1 S\n### 1.1 A\n")
        try document.setAsAt(date("2026-11-25"))
        #expect(
            document.text == "# T\n- Period: April 2026 to\n  March 2027\n- As at: 2026-11-25\n\n## 1 S\n### 1.1 A\n")
        #expect(document.plan.period == "April 2026 to\nMarch 2027")
        try document.setAsAt(date("2026-11-26"))
        #expect(
            document.text == "# T\n- Period: April 2026 to\n  March 2027\n- As at: 2026-11-26\n\n## 1 S\n### 1.1 A\n")
        var wrapped = try parse("# T\n- As at: 2026-11-01\n  <!-- checked -->\n  \n- Period: x\n\n## 1 S\n")
        try wrapped.setAsAt(date("2026-11-25"))
        #expect(wrapped.text == "# T\n- As at: 2026-11-25\n  <!-- checked -->\n  \n- Period: x\n\n## 1 S\n")
        var last = try parse("# T\n- Last reviewed: 2025-12-18, Board\n  of the partnership")
        try last.recordReview(on: date("2026-01-20"), by: "Board", counts: nil)
        #expect(last.text == "# T\n- Reviewed 2025-12-18 (Board of the partnership)\n- Reviewed 2026-01-20 (Board)")
    }

    @Test func anEditThatWouldWriteALineBreakInsideALineIsRefused() throws {
        var document = try parse("# T\n\n## 1 S\n")
        #expect(throws: PlanParseError.self) {
            try document.replaceLines(1..<1, with: [SourceLine("- Period: a\nb")])
        }
        #expect(throws: PlanParseError.self) {
            try document.replaceLines(1..<1, with: [SourceLine("- Period: a\r", ending: .lf)])
        }
        #expect(throws: PlanParseError.self) {
            try document.replaceLines(1..<1, with: [SourceLine("- Period: a", ending: .none)])
        }
        #expect(document.text == "# T\n\n## 1 S\n")
        var commented = try parse("# T\n<!--\n- As at: 2026-01-01\n-->\n- As at: 2026-02-01\n\n## 1 S\n")
        try commented.setAsAt(date("2026-03-01"))
        #expect(commented.text == "# T\n<!--\n- As at: 2026-01-01\n-->\n- As at: 2026-03-01\n\n## 1 S\n")
    }

    @Test func asAtIsRewrittenInPlaceOrAdded() throws {
        var document = try parse(Self.fixture)
        try document.setAsAt(date("2026-11-25"))
        #expect(document.plan.asAt == date("2026-11-25"))
        #expect(document.text.contains("- As at: 2026-11-25\n- Impact agreed by:"))
        var bare = try parse("# T\n\n## 1 S\n### 1.1 A\n")
        try bare.setAsAt(date("2026-11-25"))
        #expect(bare.text == "# T\n- As at: 2026-11-25\n\n## 1 S\n### 1.1 A\n")
    }

    @Test func checksFindWhatTheBoardShouldLookAt() throws {
        let text = try Self.fixture.replacingOccurrences(
            of: "  - Agreed 2026-07-15 (Improvement Board): impact evidenced by the June audit\n", with: "")
        let plan = try parse(text).plan
        let found = GovernanceCheck.warnings(for: plan, on: date("2026-11-20")).map(\.message)
        #expect(found.contains("1.1a is blue with no agreement that its impact is evidenced"))
        #expect(found.contains("measure 'Days to first visit' of 1.2 has had no value since 31 July 2026"))
        var document = try parse(Self.fixture)
        try document.setStatus(ref: "1.1a", to: .green, on: date("2026-10-01"), by: "Jo", note: "Back to green.")
        let later = GovernanceCheck.warnings(for: document.plan, on: date("2026-10-02")).map(\.message)
        #expect(later.contains("area 1.1 was signed off on 30 September 2026, and 1.1a changed after that"))
    }
}

@Suite("Reviews back in time")
struct ReviewDateTests {
    @Test func thePreviousReviewAndTheOneBeforeThat() throws {
        let plan = try parse(GovernanceTests.fixture).plan
        #expect(plan.reviewDate(back: 1, onOrBefore: date("2026-11-01")) == date("2026-10-28"))
        #expect(plan.reviewDate(back: 2, onOrBefore: date("2026-11-01")) == date("2026-09-30"))
        #expect(plan.reviewDate(back: 1, onOrBefore: date("2026-10-01")) == date("2026-09-30"))
        #expect(plan.reviewDate(back: 4, onOrBefore: date("2026-11-01")) == nil)
    }
}
