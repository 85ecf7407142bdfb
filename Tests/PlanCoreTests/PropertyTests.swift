import Foundation
import PropertyBased
import Testing

@testable import PlanCore

/// A generated plan: its lines (without endings), how they are joined, and where each action is.
struct GeneratedPlan: Sendable, CustomStringConvertible {
    struct ActionSpec: Sendable {
        var status: Status
        var text: String
        var owners: [String]
        var notes: [String]
        var hasHistory: Bool
        var freeTextDue: Bool
    }

    struct Layout: Sendable {
        var ending: String
        var finalNewline: Bool
        var indent: String
        var comments: Bool
        var blankLines: Bool
        var trailingSpaces: Bool
    }

    struct Placed: Sendable {
        var ref: String
        var status: Status
        var line: Int
        /// Index of the first line after the action's content.
        var end: Int
        /// What follows `- [C] REF ` on the action line, as written.
        var textPart: String
        var owners: [String]
        var due: String
    }

    var lines: [String] = []
    var actions: [Placed] = []
    var layout: Layout

    init(sections: [[[ActionSpec]]], layout: Layout) {
        self.layout = layout
        let pad = layout.trailingSpaces ? " \t" : ""
        lines = ["# Generated plan" + pad, "- As at: 2026-01-14", ""]
        for (s, areas) in sections.enumerated() {
            lines.append("## \(s + 1) Section \(s + 1)")
            if layout.blankLines { lines.append("") }
            for (a, specs) in areas.enumerated() {
                lines.append("### \(s + 1).\(a + 1) Area" + pad)
                if layout.comments { lines.append("<!-- area \(s + 1).\(a + 1) -->") }
                for (k, spec) in specs.enumerated() {
                    let ref = "\(s + 1).\(a + 1)" + String(UnicodeScalar(UInt8(97 + k)))
                    let line = lines.count
                    let due = spec.freeTextDue ? "To be determined" : "2026-03-01"
                    lines.append("- [\(spec.status.code)] \(ref) \(spec.text)" + pad)
                    lines.append(layout.indent + "- Owner: " + spec.owners.joined(separator: "; "))
                    lines.append(layout.indent + "- Due: " + due)
                    if layout.comments { lines.append(layout.indent + "<!-- between fields -->") }
                    for (n, note) in spec.notes.enumerated() {
                        lines += GeneratedPlan.noteLines(
                            note, date: "2026-01-0\(n + 1)", author: "Gen", indent: layout.indent)
                    }
                    if spec.hasHistory {
                        lines.append(layout.indent + "- Status 2025-12-01 (Gen): N -> \(spec.status.code)")
                    }
                    actions.append(
                        Placed(
                            ref: ref, status: spec.status, line: line, end: lines.count,
                            textPart: spec.text + pad, owners: spec.owners, due: due))
                    if layout.blankLines { lines.append("") }
                }
            }
        }
    }

    /// A note's lines as the format lays them out: paragraphs separated by empty lines.
    static func noteLines(_ note: String, date: String, author: String, indent: String) -> [String] {
        let paragraphs = note.split(separator: "\n", omittingEmptySubsequences: false)
        return [indent + "- Note \(date) (\(author)): \(paragraphs[0])"]
            + paragraphs.dropFirst().map { $0.isEmpty ? "" : indent + "  " + $0 }
    }

    func text(_ lines: [String]) -> String {
        lines.joined(separator: layout.ending) + (layout.finalNewline ? layout.ending : "")
    }

    var text: String { text(lines) }

    var description: String { text.debugDescription }
}

enum PlanGen {
    static let textCharacters = Array("abcxyz ABC éüß 中文 😀 -,.;:'()[]/#*_\t") as [Character]
    static let wordCharacters = Array("abcdefghij éü中") as [Character]

    static let text = Gen<Character?>.element(of: textCharacters).map { $0! }.string(of: 1...40)
    static let name = Gen<Character?>.element(of: wordCharacters).map { $0! }.string(of: 1...12)
        .map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "Owner" : $0.trimmingCharacters(in: .whitespaces) }
    static let paragraph = Gen<Character?>.element(of: textCharacters + ["\n"]).map { $0! }.string(of: 1...60)
    static let status = Gen<Status?>.element(of: [Status.red, .amber, .green]).map { $0! }

    /// A note as a person types it: paragraphs separated by a blank line, no surrounding spaces.
    static let note = paragraph.map { raw -> String in
        let paragraphs = raw.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        return paragraphs.isEmpty ? "Progress." : paragraphs.joined(separator: "\n\n")
    }

    static let action = zip(status, text, name.array(of: 1...3), note.array(of: 0...2), Gen.bool, Gen.bool)
        .map { GeneratedPlan.ActionSpec(status: $0, text: $1, owners: $2, notes: $3, hasHistory: $4, freeTextDue: $5) }

    static let layout = zip(
        Gen<String?>.element(of: ["\n", "\r\n"]).map { $0! }, Gen.bool,
        Gen<String?>.element(of: ["  ", "\t", "    "]).map { $0! }, Gen.bool, Gen.bool, Gen.bool
    ).map {
        GeneratedPlan.Layout(ending: $0, finalNewline: $1, indent: $2, comments: $3, blankLines: $4, trailingSpaces: $5)
    }

    static let plan = zip(action.array(of: 1...4).array(of: 1...3).array(of: 1...3), layout)
        .map { GeneratedPlan(sections: $0, layout: $1) }
}

@Suite("Properties of generated plans")
struct PropertyTests {
    @Test func generatedPlansRoundTripByteForByte() async {
        await propertyCheck(count: 200, input: PlanGen.plan) { generated in
            let text = generated.text
            guard let document = try? PlanDocument(text: text) else {
                Issue.record("a generated plan did not parse: \(problems(text))")
                return
            }
            #expect(document.text == text)
            #expect(document.plan.actions.map(\.ref) == generated.actions.map(\.ref))
            #expect(document.plan.actions.map(\.status) == generated.actions.map(\.status))
        }
    }

    @Test func aStatusChangeRewritesOneLineAndAppendsOne() async {
        await propertyCheck(count: 200, input: PlanGen.plan, Gen.int(in: 0...1000), PlanGen.status) {
            generated, pick, status in
            guard var document = try? PlanDocument(text: generated.text) else {
                Issue.record("a generated plan did not parse")
                return
            }
            let target = generated.actions[pick % generated.actions.count]
            var expected = generated.lines
            if target.status != status {
                // Only the status box: the action's text may hold `[A]` too.
                let box = expected[target.line].range(of: "[\(target.status.code)]")!
                expected[target.line].replaceSubrange(box, with: "[\(status.code)]")
                expected.insert(
                    generated.layout.indent + "- Status 2026-02-01 (Prop): \(target.status.code) -> \(status.code)",
                    at: target.end)
            }
            #expect(throws: Never.self) {
                try document.setStatus(ref: target.ref, to: status, on: date("2026-02-01"), by: "Prop")
            }
            #expect(document.text == generated.text(expected))
            #expect(document.plan.action(ref: target.ref)?.status == status)
        }
    }

    @Test func aNoteOnlyAddsLines() async {
        await propertyCheck(count: 200, input: PlanGen.plan, Gen.int(in: 0...1000), PlanGen.note) {
            generated, pick, note in
            guard var document = try? PlanDocument(text: generated.text) else {
                Issue.record("a generated plan did not parse")
                return
            }
            let target = generated.actions[pick % generated.actions.count]
            var expected = generated.lines
            expected.insert(
                contentsOf: GeneratedPlan.noteLines(
                    note, date: "2026-02-01", author: "Prop", indent: generated.layout.indent),
                at: target.end)
            #expect(throws: Never.self) {
                try document.addNote(ref: target.ref, text: note, on: date("2026-02-01"), by: "Prop")
            }
            #expect(document.text == generated.text(expected))
            #expect(document.plan.action(ref: target.ref)?.notes.last?.text == note)
        }
    }

    @Test func anOwnerChangeRewritesTheOwnerLineAndAppendsOne() async {
        await propertyCheck(count: 200, input: PlanGen.plan, Gen.int(in: 0...1000), PlanGen.name.array(of: 1...3)) {
            generated, pick, owners in
            guard var document = try? PlanDocument(text: generated.text) else {
                Issue.record("a generated plan did not parse")
                return
            }
            let target = generated.actions[pick % generated.actions.count]
            let (old, new) = (target.owners.joined(separator: "; "), owners.joined(separator: "; "))
            var expected = generated.lines
            if owners != target.owners {
                expected[target.line + 1] = generated.layout.indent + "- Owner: " + new
                expected.insert(generated.layout.indent + "- Owner 2026-02-01 (Prop): \(old) -> \(new)", at: target.end)
            }
            #expect(throws: Never.self) {
                try document.setOwners(ref: target.ref, to: owners, on: date("2026-02-01"), by: "Prop")
            }
            #expect(document.text == generated.text(expected))
            #expect(document.plan.action(ref: target.ref)?.owners == owners)
            #expect(document.plan.asOf(date("2026-01-31")).action(ref: target.ref)?.owners == target.owners)
            #expect(document.plan.asOf(date("2026-02-01")).action(ref: target.ref)?.owners == owners)
        }
    }

    @Test func aDueChangeRewritesTheDueLineAndAppendsOne() async {
        let typed = Gen<(String, String)?>.element(of: [
            ("2026-04-30", "2026-04-30"), ("30/04/2026", "2026-04-30"), ("30 April 2026", "2026-04-30"),
            (" 1 Mar 2026", "2026-03-01"), ("To be determined", "To be determined"),
            ("End of Q2 2026 ", "End of Q2 2026"),
        ]).map { $0! }
        await propertyCheck(count: 200, input: PlanGen.plan, Gen.int(in: 0...1000), typed) { generated, pick, due in
            guard var document = try? PlanDocument(text: generated.text) else {
                Issue.record("a generated plan did not parse")
                return
            }
            let target = generated.actions[pick % generated.actions.count]
            let (typed, stored) = due
            var expected = generated.lines
            if stored != target.due {
                expected[target.line + 2] = generated.layout.indent + "- Due: " + stored
                expected.insert(
                    generated.layout.indent + "- Due 2026-02-01 (Prop): \(target.due) -> \(stored)", at: target.end)
            }
            #expect(throws: Never.self) {
                try document.setDue(ref: target.ref, to: typed, on: date("2026-02-01"), by: "Prop")
            }
            #expect(document.text == generated.text(expected))
            #expect(document.plan.action(ref: target.ref)?.due?.text == stored)
            #expect(document.plan.asOf(date("2026-01-31")).action(ref: target.ref)?.due?.text == target.due)
            #expect(document.plan.asOf(date("2026-02-01")).action(ref: target.ref)?.due?.text == stored)
        }
    }

    @Test func rewordingReplacesOnlyTheText() async {
        await propertyCheck(count: 200, input: PlanGen.plan, Gen.int(in: 0...1000), PlanGen.note) {
            generated, pick, text in
            guard var document = try? PlanDocument(text: generated.text) else {
                Issue.record("a generated plan did not parse")
                return
            }
            let target = generated.actions[pick % generated.actions.count]
            let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
            var expected = generated.lines
            if document.plan.action(ref: target.ref)?.text != text {
                let keptSpace = target.textPart.prefix { $0 == " " || $0 == "\t" }
                expected[target.line] = "- [\(target.status.code)] \(target.ref) \(keptSpace)\(paragraphs[0])"
                expected.insert(
                    contentsOf: paragraphs.dropFirst().map { $0.isEmpty ? "" : generated.layout.indent + $0 },
                    at: target.line + 1)
            }
            #expect(throws: Never.self) {
                try document.setText(ref: target.ref, to: text)
            }
            #expect(document.text == generated.text(expected))
            #expect(document.plan.action(ref: target.ref)?.text == text)
        }
    }
}
