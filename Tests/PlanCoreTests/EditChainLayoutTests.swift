import PropertyBased
import Testing

@testable import PlanCore

/// A long chain of the TUI's edit keys (`g`, `a`, `r`, a note, `u`) on a plan of
/// several chunks of actions: after each, the document is what a fresh parse of its
/// bytes gives, every line number and every reported line (JSON, checks, merge blocks)
/// included, though the edits moved the later actions without touching their parts.
@Suite struct EditChainLayoutTests {
    /// Areas of ten actions, with owners (but not every action), due dates, a field,
    /// notes, status lines, and now and then an agreement and a measure with values.
    static func plan(actions: Int) -> String {
        var out = "# Chain plan\n- As at: 2026-01-14\n- Impact agreed by: Board\n"
        for (code, name) in [("R", "Red"), ("A", "Amber"), ("G", "Green"), ("B", "Blue"), ("N", "Not started")] {
            out += "- Status \(code) (\(name)): \(name)\n"
        }
        out += "\n## 1 Section one\n"
        for k in 0..<actions {
            if k % 10 == 0 { out += "### 1.\(k / 10 + 1) Area \(k / 10 + 1)\n" }
            let ref = "1.\(k / 10 + 1)\(Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(k % 10))))"
            let blue = k % 13 == 0
            out += "- [\(blue ? "B" : "A")] \(ref) Action \(k)\n  over two lines.\n"
            if k % 7 != 0 { out += "  - Owner: Owner \(k % 5)\n" }
            out += "  - Due: 2026-0\(k % 9 + 1)-15\n  - Evidence: file \(k)\n"
            out += "  - Note 2025-12-10 (Sam): Note of \(k),\n    on two lines.\n"
            out += "  - Status 2025-12-11 (Sam): N -> \(blue ? "B" : "A")\n"
            if blue { out += "  - Agreed 2025-12-12 (Board): impact evidenced\n" }
            if k % 11 == 0 {
                out +=
                    "  - Measure Visits \(k) (%): baseline 10 on 2025-11-30; target 90 by 2026-09-30; higher is better\n"
                out += "  - Value 2025-12-31 (Team): Visits \(k) = 20\n"
            }
            if k % 10 == 9 { out += "\n" }
        }
        return out
    }

    @Test func everyEditOfAChainReadsAsAFreshParse() throws {
        let original = try parse(Self.plan(actions: LineChunks<Action>.chunkSize + 40))
        #expect(original.plan.actions.count > LineChunks<Action>.chunkSize)
        var random = Xoshiro(seed: (7, 8, 9, 10))
        var document = original
        var undo: [PlanDocument] = []
        var day = date("2030-01-01")
        for step in 0..<24 {
            let actions = document.plan.actions
            let action = actions[Int(random.next() % UInt64(actions.count))]
            let key = ["g", "a", "r", "note", "u"][Int(random.next() % 5)]
            day = day.adding(days: 1)
            switch key {
            case "u":
                guard let before = undo.popLast() else { continue }
                document = before
            case "note":
                undo.append(document)
                try document.addNote(ref: action.ref, text: "Step \(step).\nSecond line.", on: day, by: "Jo")
            default:
                undo.append(document)
                let status: Status = key == "g" ? .green : key == "a" ? .amber : .red
                try document.setStatus(ref: action.ref, to: status, on: day, by: "Jo")
            }
            try IncrementalEditTests.expectSameAsFullParse(document, "step \(step): \(key) on \(action.ref)")
        }
        // The chain moved actions of every chunk: the test checked something.
        #expect(document.plan.actions.contains { $0.linesMoved != 0 } || undo.isEmpty)
    }
}
