import Foundation
import PropertyBased
import Testing

@testable import PlanCore

/// The byte-level fast paths of the output code (issue 12) against the character-level
/// readings they replace: the same widths and cuts, list items, JSON strings and today,
/// on generated text that mixes ASCII, controls, CRLF, combining marks and wide letters.
@Suite struct OutputFastPathTests {
    private static let pieces = [
        "a", "Z", " ", "\t", "\r\n", "\r", "\n", "\u{1B}", "\u{7F}", "-", "*", ".", "1", "42", "1234", "\"", "\\",
        "é", "e\u{301}", "\u{301}", "•", "漢", "😀", "\u{85}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}",
        "\u{202E}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{2027}", "–", "&", "<",
    ]

    private static func samples(count: Int = 4_000) -> [String] {
        seededTexts(of: pieces, seed: 0x5EED_0012, upTo: 12, count: count)
    }

    private static func referenceWidth(_ text: String) -> Int { text.reduce(0) { $0 + DisplayWidth.of($1) } }

    private static func referenceTruncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard referenceWidth(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    @Test func widthsAndCutsAreThoseOfTheCharacters() {
        for text in Self.samples() {
            #expect(DisplayWidth.of(text) == Self.referenceWidth(text), "width of \(text.debugDescription)")
            #expect(DisplayWidth.of(text[...]) == Self.referenceWidth(text))
            for width in 0...9 {
                #expect(
                    DisplayWidth.truncate(text, to: width) == Self.referenceTruncate(text, to: width),
                    "\(text.debugDescription) cut to \(width)")
                let cut = DisplayWidth.truncated(text, to: width)
                #expect(cut.cells == Self.referenceWidth(cut.text), "cells of \(text.debugDescription) cut to \(width)")
            }
        }
    }

    private static func referenceStartsListItem(_ line: Substring) -> Bool {
        let content = line.drop { $0 == " " || $0 == "\t" }
        if content.hasPrefix("- ") || content.hasPrefix("* ") || content.hasPrefix("• ") { return true }
        let digits = content.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && digits.count <= 3 && content.dropFirst(digits.count).hasPrefix(". ")
    }

    @Test func listItemsAreThoseOfTheCharacters() {
        let items = ["- x", "* x", "• x", "1. x", "12. x", "123. x", "1234. x", "  - x", "\t3. x", "-x", "1.x"]
        for text in Self.samples() + items + items.map { $0 + "\u{301}" } + ["- \u{301}x", "1. \u{301}", "-\u{301} x"] {
            #expect(
                Prose.startsListItem(text[...]) == Self.referenceStartsListItem(text[...]), "\(text.debugDescription)")
        }
    }

    @Test func firstLineIsTheFirstOfTheLogicalLines() {
        let texts = Self.samples() + ["\n\nfirst\nsame paragraph\n\nsecond", "- one\n- two", "one\n- two", ""]
        for text in texts {
            #expect(Prose.firstLine(text) == (Prose.logicalLines(text).first ?? ""), "\(text.debugDescription)")
        }
    }

    /// Multi-line ASCII text as plans have it: wrapped paragraphs, indentation, list
    /// items, trailing blanks, blank lines; with a non-ASCII letter, a control or a CR
    /// now and then.
    private static func asciiProse(count: Int = 3_000) -> [String] {
        let words = [
            "word", "a", "longer-word", " ", "  ", "\t", "\n", "\n", "\n\n", "\n  ", "\n\t", "\n- ", "\n12. ",
            "\n1234. ",
            "\n* ", "-", "1.", " \n", "\t\n", "x", "é", "\u{301}", "\r\n", "\u{1B}", "\u{7F}", "漢",
        ]
        var random = Xoshiro(seed: (0x5EED_0013, 0xA5C1, 0x11, 1))
        func next() -> Int { Int(truncatingIfNeeded: random.next() >> 33) }
        return (0..<count).map { _ in
            (0..<(next() % 40)).map { _ in words[next() % (next() % 3 == 0 ? words.count : 20)] }.joined()
        }
    }

    @Test func fittedFirstLineIsTheCutOfTheFirstLine() {
        for text in Self.asciiProse() + Self.samples() + ["", "\n\n", "  \n\tx"] {
            for prefix in ["", "(retired) ", "\u{1B}"] {
                for width in [0, 1, 2, 3, 5, 8, 13, 40, 200] {
                    let expected = DisplayWidth.truncate(
                        TerminalText.escaped(prefix + Prose.firstLine(text)), to: width)
                    #expect(
                        Prose.firstLine(text, after: prefix, fittedTo: width) == expected,
                        "\(text.debugDescription) after \(prefix.debugDescription) in \(width)")
                }
            }
        }
    }

    /// The JSON string as it was written before the byte-level escape, scalar by scalar.
    private static func referenceQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _
            where TerminalText.needsEscape(scalar, keepNewlines: false) || (0x2028...0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func jsonStringsAreEscapedAsScalarByScalar() throws {
        // Long runs of ASCII too, which are scanned eight bytes at a time, with what needs
        // escaping at every offset of a word.
        let padded = Self.samples(count: 600).enumerated().map {
            String(repeating: "abcdefg", count: $0.offset % 5) + $0.element
                + String(repeating: "z", count: $0.offset % 11)
        }
        for text in Self.samples() + padded + Self.asciiProse(count: 400) {
            #expect(JSONValue.quoted(text) == Self.referenceQuoted(text), "\(text.debugDescription)")
            // And the result is JSON that reads back as the text.
            let decoded = try JSONDecoder().decode([String].self, from: Data("[\(JSONValue.quoted(text))]".utf8))
            #expect(decoded == [text])
        }
    }

    @Test func csvCellsFromTheBytesAreThoseOfTheCharacters() {
        let formulas = ["=1+2", "-a,b", "+\"q\"", "@x\ny", "\tx", "\r=", "a\nb\nc", "\"\"", ",", "\n"]
        for writer in [CSVWriter(), CSVWriter(lineEnding: "\r\n", neutraliseFormulas: true)] {
            for text in Self.samples() + formulas {
                var bytes: [UInt8] = []
                writer.appendCell(text, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == writer.cell(text), "\(text.debugDescription)")
            }
        }
    }

    @Test func aDocumentIsWrittenAsItWasJoined() {
        let value = JSONValue.object([
            ("a", .array([.int(1), .string("x\ny"), .object([]), .array([]), .null])),
            ("b", .object([("c", .bool(true)), ("d", .double(12.34))])),
        ])
        #expect(
            value.serialized() == """
                {
                  "a": [
                    1,
                    "x\\ny",
                    {},
                    [],
                    null
                  ],
                  "b": {
                    "c": true,
                    "d": 12.3
                  }
                }
                """)
    }

    @Test func todayWithoutTheEnvironmentIsTheCalendarsToday() {
        // ACTIONPLAN_TODAY is not set in the tests' environment unless a test sets it for a child.
        let pinned = ProcessInfo.processInfo.environment["ACTIONPLAN_TODAY"].flatMap(DateText.parseISO)
        #expect(PlanDate.today() == (pinned ?? PlanDate.today(environment: [:])))
    }
}
