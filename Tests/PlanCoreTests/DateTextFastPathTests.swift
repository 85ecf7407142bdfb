import Testing

@testable import PlanCore

/// The byte-level readings of `DateText` (issue 12) against the character-level ones
/// they spare prose: the same words and the same readings on generated text.
@Suite struct DateTextFastPathTests {
    private static let pieces = [
        "a", "Z", "q", " ", "\r\n", "\t", ".", ",", "-", "/", "1", "42", "2026", "2026-03-31", "2026-02-30",
        "31/12/2026",
        "9th", "March", "sept", "Jan", "@", "[", "`", "{", "é", "e\u{301}", "1\u{301}", "-\u{301}", "–", "漢", "😀",
    ]

    private static func samples() -> [String] { seededTexts(of: pieces, seed: 0xDA7E_0012, upTo: 8) }

    /// The reading by characters, as it was before the byte paths.
    private static func referenceWordRanges(_ text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: String.Index?
        func add(_ range: Range<String.Index>) {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, text[lower] == "-" || text[lower] == "/" { lower = text.index(after: lower) }
            while upper > lower, "-/".contains(text[text.index(before: upper)]) { upper = text.index(before: upper) }
            if lower < upper { ranges.append(offsets(lower..<upper, in: text)) }
        }
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            let isWord = c.isLetter || c.isNumber || c == "-" || c == "/"
            if isWord, start == nil { start = index }
            if !isWord, let s = start {
                add(s..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let s = start { add(s..<text.endIndex) }
        return ranges
    }

    private static func offsets(_ range: Range<String.Index>, in text: String) -> Range<Int> {
        text.utf8.distance(
            from: text.startIndex, to: range.lowerBound)..<text.utf8.distance(
                from: text.startIndex, to: range.upperBound)
    }

    @Test func wordsAreTheSameByBytes() {
        for text in Self.samples() {
            let words = DateText.wordRanges(in: text).map { Self.offsets($0, in: text) }
            #expect(words == Self.referenceWordRanges(text), "\(text.debugDescription)")
        }
    }

    @Test func isoReadingsAreTheSameWithTheByteCheck() {
        for text in Self.samples() + [
            "2026-3-31", "202-01-01", "20260-01-01", "2026-01-001", "1-2-3", "--", "2026--01",
        ] {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            let dateShaped =
                parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
                && parts[0].count >= 3 && parts[1].count <= 2 && parts[2].count <= 2
            #expect((DateText.readISO(text) != .notADate) == dateShaped, "\(text.debugDescription)")
        }
    }
}
