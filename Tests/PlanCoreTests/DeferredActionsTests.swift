import Foundation
import Testing

@testable import PlanCore

/// A plan opened for one action (``PlanDocument/ActionReading/onDemand``) checks every
/// action as it reads the file but makes only those it can read alone when they are
/// read: it must say, and after an edit write, exactly what the plan read in full does.
@Suite struct DeferredActionsTests {
    /// Two areas of actions with wrapped texts, notes, status changes and extra fields;
    /// one with a comment, one with a measure, one with no owner: the kinds that defer
    /// and the kinds read in full.
    static let text: String = {
        var text = planHeader
        for k in 0..<30 {
            if k == 15 { text += "\n### 1.2 Area two\n\n" }
            let area = k < 15 ? "1.1" : "1.2"
            let status = ["R", "A", "G"][k % 3]
            text += "- [\(status)] \(area).\(k) Train the staff in the new\n  process, over two lines\n"
            if k != 7 { text += "  - Owner: Sam Patel; Jo\n" }
            text += "  - Due: 2026-0\(k % 9 + 1)-15\n"
            text += "  - Status 2026-01-0\(k % 9 + 1) (Sam): N -> \(status)\n"
            text += "  - Note 2026-02-0\(k % 9 + 1) (Jo): a note over\n    two lines\n\n    and a paragraph\n"
            text += "  - Evidence: the audit\n"
            if k == 4 { text += "  <!-- a comment -->\n" }
            if k == 9 {
                text +=
                    "  - Measure Waiting (days): baseline 10 on 2026-01-01; target 5 by 2026-06-30\n  - Value 2026-01-05: Waiting = 8\n"
            }
            text += "\n"
        }
        return text
    }()

    static func bothReadings() throws -> (every: PlanDocument, onDemand: PlanDocument) {
        (
            try PlanDocument(checkedText: text, actions: .everyAction),
            try PlanDocument(checkedText: text, actions: .onDemand)
        )
    }

    @Test func mostActionsAreDeferredAndReadAsInFull() throws {
        let (every, onDemand) = try Self.bothReadings()
        let deferred = onDemand.plan.actions.indices.filter { onDemand.plan.actions.entry(at: $0).isDeferred }
        #expect(deferred.count == 28)
        // The one with a comment, the one with a measure, and none of the full read's.
        #expect(!deferred.contains(4) && !deferred.contains(9))
        #expect(!every.plan.actions.indices.contains { every.plan.actions.entry(at: $0).isDeferred })
        #expect(onDemand.plan == every.plan)
        #expect(onDemand.warnings == every.warnings)
        #expect(lineNumbers(Array(onDemand.plan.actions)) == lineNumbers(Array(every.plan.actions)))
        for index in every.plan.actions.indices {
            #expect(onDemand.plan.actions.ref(at: index) == every.plan.actions[index].ref)
            #expect(onDemand.plan.actions.status(at: index) == every.plan.actions[index].status)
        }
    }

    static let day = date("2026-03-02")
    static let edits = ["set", "note", "retire", "owners", "due", "text", "reword"]

    static func apply(_ edit: String, to document: inout PlanDocument) throws {
        switch edit {
        case "set": try document.setStatus(ref: "1.1.12", to: .green, on: day, by: "Sam", agreedBy: nil, reason: nil)
        case "note": try document.addNote(ref: "1.1.13", text: "Done\n\nand more", on: day, by: "Jo")
        case "retire": try document.retire(ref: "1.2.15", reason: "merged into 1.2.16", on: day, by: "Sam")
        case "owners": try document.setOwners(ref: "1.1.11", to: ["Mei"], on: day, by: "Sam")
        case "due": try document.setDue(ref: "1.2.21", to: "2026-12-31", on: day, by: "Sam")
        case "text": try document.setText(ref: "1.2.20", to: "A new text\nover two lines")
        default: try document.reword(ref: "1.2.29", to: "Reworded", on: day, by: "Sam")
        }
    }

    @Test(arguments: edits) func anEditWritesWhatTheFullReadWrites(name: String) throws {
        var (every, onDemand) = try Self.bothReadings()
        try Self.apply(name, to: &every)
        try Self.apply(name, to: &onDemand)
        #expect(onDemand.text == every.text, "\(name)")
        #expect(onDemand.plan == every.plan, "\(name)")
        #expect(onDemand.warnings == every.warnings, "\(name)")
        #expect(lineNumbers(Array(onDemand.plan.actions)) == lineNumbers(Array(every.plan.actions)), "\(name)")
        // And the edited text reads back as the edited document.
        #expect(try PlanDocument(text: onDemand.text).plan == onDemand.plan, "\(name)")
    }

    /// Edits one after another move the deferred actions after them: each later edit
    /// finds its action's lines where they now stand.
    @Test func editsInTurnWriteWhatTheFullReadWrites() throws {
        var (every, onDemand) = try Self.bothReadings()
        for name in ["note", "text", "set", "owners", "retire", "due", "reword"] {
            try Self.apply(name, to: &every)
            try Self.apply(name, to: &onDemand)
            #expect(onDemand.text == every.text, "\(name)")
            #expect(lineNumbers(Array(onDemand.plan.actions)) == lineNumbers(Array(every.plan.actions)), "\(name)")
            #expect(onDemand.plan == every.plan, "\(name)")
        }
    }

    @Test func anUnknownRefIsAnsweredWithTheSameSuggestions() throws {
        let (every, onDemand) = try Self.bothReadings()
        var documents = [every, onDemand]
        let messages = documents.indices.map { k -> String in
            do throws(PlanDocument.EditError) {
                try documents[k].addNote(ref: "1.1.1z", text: "x", on: Self.day, by: nil)
                return ""
            } catch {
                return error.description
            }
        }
        #expect(messages[0] == messages[1] && messages[0].contains("1.1.1"))
    }

    /// A save that finds the file changed merges the change in: from a session opened for
    /// one action (most of whose actions are deferred) it writes what a session that read
    /// every action writes.
    @Test func aSaveMergesAChangeMadeMeanwhileAsInFull() throws {
        var written: [Data] = []
        for reading in [PlanDocument.ActionReading.everyAction, .onDemand] {
            let (folder, path, _) = try folderWithSmallPlan("deferred-merge")
            defer { try? FileManager.default.removeItem(at: folder) }
            let ours = try PlanSession(opening: path, actions: reading)
            let actions = ours.document.plan.actions
            let deferred = actions.indices.filter { actions.entry(at: $0).isDeferred }.count
            #expect(reading == .everyAction ? deferred == 0 : deferred > actions.count / 2)
            let theirs = try PlanSession(opening: path)
            var their = theirs.document
            try their.addNote(ref: "2.1a", text: "Theirs.", on: date("2026-11-02"), by: "Jo")
            try theirs.save(their)
            var our = ours.document
            try our.setStatus(ref: "1.2a", to: .amber, on: date("2026-11-02"), by: "Sam")
            let saved = try ours.save(our)
            #expect(saved.merged && saved.mergedRefs == ["2.1a"])
            let result = try PlanFile.load(path)
            #expect(result.plan.action(ref: "1.2a")?.status == .amber)
            #expect(result.plan.action(ref: "2.1a")?.notes.last?.text == "Theirs.")
            written.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(written[0] == written[1])
    }

    /// A duplicate ref is found after the whole file: its message reads the deferred
    /// action's text for the hint about a spaced ref.
    @Test func aDuplicateOfADeferredActionIsReportedAsInFull() {
        let text = planHeader + "- [A] 1.1 b One.\n  - Owner: Sam\n  - Due: soon\n- [A] 1.1 b Two.\n  - Owner: Sam\n"
        #expect(PlanDocument.deferredReaderDisagreement(in: Data(text.utf8)) == nil)
        #expect(throws: PlanParseError.self) { try PlanDocument(checkedText: text, actions: .onDemand) }
    }
}
