import Foundation
import Testing

@testable import PlanCore

/// The merge's answers to what an adversarial pass found (issue 19, items 6 and 7):
/// reworded notes, line-ending conversions, byte order marks, concurrent status
/// changes, actions moved on both sides, and the work a merge does as plans grow.
@Suite struct MergeEdgeCaseTests {
    let base: PlanDocument

    init() throws { base = try smallExamplePlan() }

    private func edited(_ edit: (inout PlanDocument) throws -> Void) rethrows -> PlanDocument {
        try base.edited(edit)
    }

    private func replacing(_ old: String, with new: String, in text: String? = nil) throws -> PlanDocument {
        let text = text ?? base.text
        #expect(text.contains(old))
        return try parse(text.replacingOccurrences(of: old, with: new))
    }

    static let note = "  - Note 2026-07-01 (Rachel Moore): Relaunched on 16 June."

    @Test func aNoteRewordedDifferentlyOnBothSidesIsAConflict() throws {
        let ours = try replacing(Self.note, with: "  - Note 2026-07-01 (Rachel Moore): Relaunched on 17 June.")
        let theirs = try replacing(Self.note, with: "  - Note 2026-07-01 (Rachel Moore): Relaunched in mid-June.")
        let result = try PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        #expect(result.document == nil)
        #expect(
            result.conflicts == [
                PlanMerge.Conflict(
                    ref: "1.1a", field: "note of 2026-07-01", ours: "\"Relaunched on 17 June. The video has be…\"",
                    theirs: "\"Relaunched in mid-June. The video has b…\"")
            ])
        let text = String(decoding: result.data, as: UTF8.self)
        // Each side's half has its own wording only.
        let notes = text.split(separator: "\n").filter { $0.hasPrefix("  - Note 2026-07-01") }
        #expect(
            notes == [
                "  - Note 2026-07-01 (Rachel Moore): Relaunched on 17 June. The video has been",
                "  - Note 2026-07-01 (Rachel Moore): Relaunched in mid-June. The video has been",
            ])
        #expect(errors(text).first?.contains("unresolved merge conflict") == true)
    }

    @Test func aNoteRewordedOnOneSideOrTheSameOnBothMerges() throws {
        let reworded = "  - Note 2026-07-01 (Rachel Moore): Relaunched on 17 June."
        let ours = try replacing(Self.note, with: reworded)
        let theirs = try edited { try $0.addNote(ref: "1.1a", text: "Checked.", on: date("2026-11-02"), by: "Jo") }
        let one = try #require(try PlanMerge.merge(base: base, ours: ours, theirs: theirs).document)
        #expect(
            one.plan.action(ref: "1.1a")?.notes.map { String($0.text.prefix(22)) } == [
                "Relaunched on 17 June.", "Checked.",
            ])
        let both = try PlanMerge.merge(base: base, ours: ours, theirs: ours)
        #expect(both.conflicts.isEmpty && both.data == ours.data)
    }

    @Test func theirConversionToCRLFIsAppliedToEveryLine() throws {
        let ours = try edited {
            try $0.setStatus(ref: "1.1b", to: .green, on: date("2026-11-02"), by: "Sam", note: "Audited.")
            try $0.setLastReviewed(on: date("2026-11-20"), by: "Board")
        }
        let theirs = try PlanDocument(data: Data(base.text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        for (mine, other) in [(ours, theirs), (theirs, ours)] {
            let result = try PlanMerge.merge(base: base, ours: mine, theirs: other)
            let merged = try #require(result.document)
            let text = String(decoding: result.data, as: UTF8.self)
            let bytes = [UInt8](result.data)
            let crlf = zip(bytes, bytes.dropFirst()).filter { $0 == (13, 10) }.count
            #expect(crlf > 80 && crlf == bytes.filter { $0 == 10 }.count)
            #expect(merged.plan.action(ref: "1.1b")?.status == .green)
            #expect(merged.plan.lastReviewed?.date == date("2026-11-20"))
        }
        #expect(try PlanMerge.merge(base: base, ours: base, theirs: theirs).theirFrameChanged)
    }

    @Test func aFileOfMixedEndingsKeepsEachLinesOwnEnding() throws {
        // One CRLF line in an LF file is not a conversion: it stays as it is.
        let mixed = try replacing("- As at: 2026-11-01\n", with: "- As at: 2026-11-01\r\n")
        let theirs = try PlanDocument(
            data: Data(mixed.text.replacingOccurrences(of: "neglect flag", with: "neglect marker").utf8))
        let ours = try replacing("Audit 20 cases", with: "Audit 25 cases", in: mixed.text)
        let result = try PlanMerge.merge(base: mixed, ours: ours, theirs: theirs)
        let text = String(decoding: result.data, as: UTF8.self)
        #expect(result.data.filter { $0 == 13 }.count == 1 && text.contains("- As at: 2026-11-01\r\n"))
        #expect(text.contains("neglect marker") && text.contains("Audit 25 cases"))
    }

    @Test func aByteOrderMarkAddedOnEitherSideIsKept() throws {
        let ours = try edited { try $0.addNote(ref: "1.1a", text: "x", on: date("2026-11-02"), by: "Sam") }
        let marked = try PlanDocument(data: Data([0xEF, 0xBB, 0xBF]) + base.data)
        for (mine, other) in [(ours, marked), (marked, ours)] {
            let result = try PlanMerge.merge(base: base, ours: mine, theirs: other)
            #expect(result.data.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(result.document?.plan.action(ref: "1.1a")?.notes.count == 2)
        }
        // Removed on one side (the base had one): removed.
        let ourMarked = try PlanDocument(data: Data([0xEF, 0xBB, 0xBF]) + ours.data)
        let result = try PlanMerge.merge(base: marked, ours: ourMarked, theirs: base)
        #expect(result.data.first == UInt8(ascii: "#"))
        #expect(result.document?.plan.action(ref: "1.1a")?.notes.count == 2)
    }

    /// Status transitions as `(from, to)`, in date order.
    private func chain(_ document: PlanDocument, _ ref: String) throws -> [(Status, Status)] {
        try #require(document.plan.action(ref: ref)).history.compactMap {
            if case .status(let from, let to) = $0.change { (from, to) } else { nil }
        }
    }

    @Test func twoStatusChangesToTheSameStatusStayAChain() throws {
        let ours = try edited { try $0.setStatus(ref: "1.1b", to: .green, on: date("2026-11-02"), by: "Sam") }
        let theirs = try edited { try $0.setStatus(ref: "1.1b", to: .green, on: date("2026-11-03"), by: "Jo") }
        let result = try PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        let merged = try #require(result.document)
        let changes = try chain(merged, "1.1b")
        #expect(changes.map { "\($0.0.code) -> \($0.1.code)" } == ["A -> G", "G -> G"])
        #expect(merged.warnings.isEmpty)
        #expect(merged.text.contains("  - Status 2026-11-03 (Jo): G -> G\n"))
        // The same either way round.
        let other = try #require(try PlanMerge.merge(base: base, ours: theirs, theirs: ours).document)
        #expect(try chain(other, "1.1b").map { "\($0.0.code) -> \($0.1.code)" } == ["A -> G", "G -> G"])
    }

    @Test func aChangeAndAChangeBackOnTheOtherSideStayAChain() throws {
        // Theirs went A -> R -> G over two days; ours set G in between.
        let ours = try edited { try $0.setStatus(ref: "1.1b", to: .green, on: date("2026-11-02"), by: "Sam") }
        let theirs = try edited {
            try $0.setStatus(ref: "1.1b", to: .red, on: date("2026-11-01"), by: "Jo")
            try $0.setStatus(ref: "1.1b", to: .green, on: date("2026-11-03"), by: "Jo")
        }
        let merged = try #require(try PlanMerge.merge(base: base, ours: ours, theirs: theirs).document)
        let changes = try chain(merged, "1.1b")
        #expect(changes.map { "\($0.0.code) -> \($0.1.code)" } == ["A -> R", "R -> G", "G -> G"])
        for (previous, next) in zip(changes, changes.dropFirst()) { #expect(previous.1 == next.0) }
        #expect(merged.warnings.isEmpty)
    }

    @Test func anActionMovedToDifferentAreasOnBothSidesIsNotMergedByMeaning() throws {
        let block = base.span(of: try #require(base.plan.action(ref: "1.1b")))
        let lines = base.text.components(separatedBy: "\n")
        let moved = Array(lines[block.lines]) + [""]
        func movingBefore(_ heading: String) throws -> PlanDocument {
            var edited = lines
            edited.removeSubrange(block.lines.lowerBound..<block.lines.upperBound + 1)
            let at = try #require(edited.firstIndex { $0.hasPrefix(heading) })
            edited.insert(contentsOf: moved, at: at)
            return try parse(edited.joined(separator: "\n"))
        }
        let ours = try movingBefore("- [R] 1.2a")
        let theirs = try movingBefore("## 2 ")
        #expect(throws: PlanMerge.Failure.self) { try PlanMerge.merge(base: base, ours: ours, theirs: theirs) }
        // Moved on one side only: it goes where that side put it.
        let one = try #require(try PlanMerge.merge(base: base, ours: ours, theirs: base).document)
        #expect(one.data == ours.data)
    }

    // MARK: - Linear work

    /// A plan of `count` actions in areas of five, each with two lines of prose around it.
    static func generated(_ count: Int) -> String {
        var text = "# Generated\n- As at: 2026-01-01\n\nIntro.\n\n## 1 Everything\n\n"
        for area in 0..<(count + 4) / 5 {
            text += "### 1.\(area + 1) Area \(area + 1)\n- Needs to improve: things.\n\nSome prose.\n\n"
            for k in 0..<min(5, count - area * 5) {
                let letter = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(k)))
                text += "- [A] 1.\(area + 1)\(letter) Do thing \(area) \(k).\n  - Owner: Someone\n"
                text += "  - Due: 2026-12-31\n  - Note 2026-01-0\(k + 1) (Sam): Started.\n\n"
            }
        }
        return text
    }

    /// Ours changes every tenth action and a heading near the start; theirs adds a
    /// note to every tenth action (others) and changes the prose of the last area.
    private func work(_ count: Int) throws -> Int {
        let text = Self.generated(count)
        let base = try PlanDocument(text: text)
        var ours = try PlanDocument(text: text.replacingOccurrences(of: "Intro.", with: "Introduction."))
        var theirs = try PlanDocument(
            text: text.replacingOccurrences(
                of: "### 1.\((count + 4) / 5) Area", with: "### 1.\((count + 4) / 5) Last area"))
        for (n, action) in base.plan.actions.enumerated() where n % 10 == 0 {
            try ours.setStatus(ref: action.ref, to: .green, on: date("2026-02-01"), by: "Sam")
        }
        for (n, action) in base.plan.actions.enumerated() where n % 10 == 5 {
            try theirs.addNote(ref: action.ref, text: "Seen.", on: date("2026-02-02"), by: "Jo")
        }
        let result = try PlanMerge.merge(base: base, ours: ours, theirs: theirs)
        let merged = try #require(result.document)
        #expect(merged.plan.actions.count == count)
        #expect(merged.plan.sections[0].areas.last?.title.hasPrefix("Last area") == true)
        return result.work
    }

    @Test func theWorkOfAMergeGrowsLinearlyWithThePlan() throws {
        let (small, large) = (try work(200), try work(2_000))
        // Ten times the plan (and ten times the edits), about ten times the work.
        #expect(Double(large) / Double(small) < 12, "work \(small) → \(large)")
    }
}
