import Testing

@testable import PlanCore

/// `LineSyntax.field` reads an ASCII line from its bytes (issue 12); the reading by
/// characters it spares must give the same name, value and value start on generated lines.
@Suite struct FieldFastPathTests {
    private static let pieces = [
        "- ", "-", " ", "\t", ":", ": ", "a", "Z", "q", "1", "(", ")", "/", "_", "'", "-", ".", ";", "\r", "\r\n",
        "Owner", "Needs to improve", "é", "e\u{301}", ":\u{301}", " \u{301}", "–",
    ]

    @Test func fieldsAreTheSameByBytes() {
        let samples = seededTexts(of: Self.pieces, seed: 0xF1E1_D012, upTo: 10, count: 20_000).map { "- " + $0 }
        var read = 0
        for text in samples + [
            "- " + String(repeating: "a", count: 60) + ": x", "- " + String(repeating: "a", count: 61) + ": x",
        ] {
            let content = Substring(text)
            let fast = LineSyntax.field(content)
            let slow = LineSyntax.characterField(content)
            #expect(fast?.name == slow?.name, "\(text.debugDescription)")
            #expect(fast?.value == slow?.value, "\(text.debugDescription)")
            #expect(fast?.valueStart == slow?.valueStart, "\(text.debugDescription)")
            if fast != nil { read += 1 }
        }
        #expect(read > 200, "the samples hold fields")
    }
}
