import Testing

@testable import PlanCore

/// `LineSyntax.field` reads an ASCII line from its bytes (issue 12); the reading by
/// characters it spares must give the same name, value and value start on generated lines.
@Suite struct FieldFastPathTests {
    private static let pieces = [
        "- ", "-", " ", "\t", ":", ": ", "a", "Z", "q", "1", "(", ")", "/", "_", "'", "-", ".", ";", "\r", "\r\n",
        "Owner", "Needs to improve", "é", "e\u{301}", ":\u{301}", " \u{301}", "–",
    ]

    /// The reading by characters, as it was before the byte path.
    private static func reference(_ content: Substring) -> (
        name: Substring, value: Substring, valueStart: Substring.Index
    )? {
        guard content.hasPrefix("- ") else { return nil }
        let rest = content.dropFirst(2)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let name = rest[rest.startIndex..<colon]
        guard let first = name.first, first.isLetter, name.count <= 60, name.last != " ",
            name.allSatisfy({ $0.isLetter || $0.isNumber || " ()/_'-".contains($0) })
        else { return nil }
        let afterColon = rest[rest.index(after: colon)...]
        guard afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t" else { return nil }
        let value = afterColon.drop { $0 == " " || $0 == "\t" }
        return (name, value.trimmingTrailingWhitespace(), value.startIndex)
    }

    @Test func fieldsAreTheSameByBytes() {
        let samples = seededTexts(of: Self.pieces, seed: 0xF1E1_D012, upTo: 10, count: 20_000).map { "- " + $0 }
        var read = 0
        for text in samples + [
            "- " + String(repeating: "a", count: 60) + ": x", "- " + String(repeating: "a", count: 61) + ": x",
        ] {
            let content = Substring(text)
            let fast = LineSyntax.field(content)
            let slow = Self.reference(content)
            #expect(fast?.name == slow?.name, "\(text.debugDescription)")
            #expect(fast?.value == slow?.value, "\(text.debugDescription)")
            #expect(fast?.valueStart == slow?.valueStart, "\(text.debugDescription)")
            if fast != nil { read += 1 }
        }
        #expect(read > 200, "the samples hold fields")
    }
}
