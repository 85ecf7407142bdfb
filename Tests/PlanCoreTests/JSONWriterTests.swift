import Foundation
import PropertyBased
import Testing

@testable import PlanCore

/// `JSONWriter` streams the JSON forms that `JSONTree` builds as a `JSONValue`: the
/// bytes must be those of the tree's rendering, on generated plans with odd text
/// (quotes, backslashes, controls, C1 and bidirectional controls, emoji, combining
/// marks, long notes) and on every plan of the repository.
@Suite struct JSONWriterTests {
    static let oddCharacters =
        Array(
            "abc XYZ \"\\/ \u{1}\u{1B}\u{7F}\u{85}\u{9F}\u{A0}\u{2028}\u{2029}\u{202E}\u{2066}\u{2069}\u{206A} é e\u{301} 😀 👩‍👩‍👧 漢 –;:,.#*_\t"
        ) as [Character]

    static let oddText = Gen<Character?>.element(of: oddCharacters).map { $0! }.string(of: 1...40)
        .map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "text" : $0.trimmingCharacters(in: .whitespaces) }

    /// Notes up to a few KB: paragraphs of odd text.
    static let longNote = oddText.array(of: 1...60).map { words in
        words.enumerated().map { $0.offset % 12 == 11 ? $0.element + "\n\n" : $0.element + " " }.joined()
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    static let action = zip(
        PlanGen.status, oddText, PlanGen.name.array(of: 1...3), longNote.array(of: 0...3), Gen.bool, Gen.bool
    ).map {
        GeneratedPlan.ActionSpec(status: $0, text: $1, owners: $2, notes: $3, hasHistory: $4, freeTextDue: $5)
    }

    static let plan = zip(action.array(of: 1...4).array(of: 1...3).array(of: 1...2), PlanGen.layout)
        .map { GeneratedPlan(sections: $0, layout: $1) }

    /// The export and the list, streamed and as trees, for one plan.
    private static func expectSameBytes(_ plan: Plan, path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for day in [date("2026-01-14"), date("2026-11-10")] {
            let pack = BoardPack(plan: plan, asOf: day)
            let streamed = BoardPackJSON.bytes(pack, path: path)
            let tree = BoardPackJSON.render(pack, path: path).serializedBytes() + [UInt8(ascii: "\n")]
            #expect(streamed == tree, "export of \(path) on \(day.iso)", sourceLocation: sourceLocation)
            var writer = JSONWriter()
            PlanJSON.list(Array(plan.actions), plan: plan, path: path, on: day, to: &writer)
            #expect(
                writer.bytes == PlanJSON.list(Array(plan.actions), plan: plan, path: path, on: day).serializedBytes(),
                "list of \(path) on \(day.iso)", sourceLocation: sourceLocation)
        }
    }

    @Test func streamedBytesAreTheTreesOnGeneratedPlans() async {
        await propertyCheck(count: 60, input: Self.plan) { generated in
            guard let document = try? PlanDocument(text: generated.text) else {
                Issue.record("a generated plan did not parse: \(problems(generated.text))")
                return
            }
            #expect(!document.plan.actions.isEmpty)
            Self.expectSameBytes(document.plan, path: "odd \"plan\"\u{1B}.plan")
        }
    }

    @Test func streamedBytesAreTheTreesOnTheRepositorysPlans() throws {
        // The hostile plans that load (most are refused) are compared too.
        let loading = Fixtures.files(in: "hostile").compactMap { url in try? PlanFile.load(url.path).plan }
        #expect(!loading.isEmpty)
        for url in Fixtures.examplePlans + Fixtures.files(in: "valid") {
            Self.expectSameBytes(try PlanFile.load(url.path).plan, path: url.lastPathComponent)
        }
        for plan in loading { Self.expectSameBytes(plan, path: "hostile.plan") }
    }

    @Test func eachKindOfValueIsWrittenAsTheTreeWritesIt() {
        let values: [JSONValue] = [
            .null, .bool(true), .bool(false), .int(0), .int(-42), .int(.max), .int(.min), .double(0), .double(-0.0),
            .double(12.25), .double(-3.04), .double(0.05), .string(""), .string("\u{0}\"\\\u{2028}😀"),
            .array([]), .object([]), .array([.array([]), .object([("", .null)])]),
            .object([("a", .array([.int(1), .object([("b", .string("c"))])])), ("d", .object([]))]),
        ]
        for value in values {
            for indent in ["", "    "] {
                var writer = JSONWriter(indent: indent)
                writer.beginArray()
                writer.value(value)
                writer.beginObject()
                writer.key("k")
                writer.value(value)
                writer.endObject()
                writer.endArray()
                let tree = JSONTree.build {
                    $0.beginArray()
                    $0.value(value)
                    $0.object {
                        $0.key("k")
                        $0.value(value)
                    }
                    $0.endArray()
                }
                #expect(writer.bytes == tree.serializedBytes(indent: indent), "\(value.serialized())")
            }
        }
    }

    @Test func datesAreWrittenAsIsoWritesThem() {
        for iso in ["0001-01-01", "0999-12-31", "2026-02-28", "2024-02-29", "9999-12-31", "2026-10-09"] {
            var writer = JSONWriter()
            writer.date(date(iso))
            #expect(String(decoding: writer.bytes, as: UTF8.self) == "\"\(date(iso).iso)\"")
            #expect(date(iso).iso == iso)
        }
    }
}
