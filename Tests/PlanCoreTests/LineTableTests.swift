import Foundation
import Testing

@testable import PlanCore

/// The document's lines as a table of offsets: the same lines as splitting the text by
/// hand, edits that keep every other line, and the bytes given back unchanged.
@Suite struct LineTableTests {
    /// Lines as the format defines them: cut at LF, CR before it part of the ending.
    static func reference(_ text: String) -> [SourceLine] { PlanDocument.linesSplitByHand(text) }

    static let texts = [
        "", "\n", "a", "a\n", "a\r\nb\nc", "\r\n\r\n", "lone\rcarriage\r", "é\n€\r\n𝄞", "x\n\n\ny\r",
        String(repeating: "- [A] 1.1a Line of a plan.\r\n", count: 300) + "last",
    ]

    @Test(arguments: texts)
    func splitsAsTheFormatSays(_ text: String) throws {
        let table = LineTable(text: text)
        #expect(Array(table) == Self.reference(text))
        var bytes = Data()
        table.withBytes { bytes.append(contentsOf: $0) }
        #expect(bytes == Data(text.utf8))
        #expect(table.byteCount == text.utf8.count)
    }

    @Test func aSpliceChangesOnlyItsLinesAndTheBytesFollow() throws {
        let text = "one\ntwo\r\nthree\nfour"
        var table = LineTable(text: text)
        let copy = table
        table.replaceSubrange(1..<3, with: [SourceLine("TWO", ending: .crlf), SourceLine("2½"), SourceLine("")])
        table[4].ending = .lf
        table.append(SourceLine("five", ending: .none))
        let expected = "one\nTWO\r\n2½\n\nfour\nfive"
        #expect(Array(table) == Self.reference(expected))
        var bytes = Data()
        table.withBytes { bytes.append(contentsOf: $0) }
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(table.byteCount == expected.utf8.count)
        #expect(Array(copy) == Self.reference(text), "the copy a splice was made of is as it was")
        #expect(LineTable(Array(table)) == table)
    }
}

/// The shapes a parse reads from each line's bytes agree with asking the text itself.
@Suite struct LineShapeTests {
    static let lines = [
        "", "   ", "\t x", "  - Note 2026-01-05 (Sam): plain ASCII text long enough for several words",
        "  <!-- a comment", "text -->", "a long line of plain text, then a close at the end -->",
        "-- > not a close", "12345678-->", "1234567\u{1B}[31m red", "é at the start", "plain plain plain \u{7F}",
        "<<<<<<< ours", "======= ", ">>>>>>> theirs", "\u{202E}reversed", "tab\tinside and \u{85} a C1",
        "\r",
    ]

    /// A file's parse splits it and reads every line's shape in one pass over its bytes:
    /// each line must read as it reads alone, with LF, CR LF and a lone CR between them.
    @Test(arguments: ["\n", "\r\n", "\r", "\r\r\n", "-->\n"])
    func theOnePassReadsEachLineAsAlone(_ separator: String) throws {
        let text = Self.lines.joined(separator: separator) + separator + "  tail -->\r"
        #expect(PlanDocument.lineScanDisagreement(in: Data(text.utf8)) == nil)
        for text in LineTableTests.texts {
            #expect(PlanDocument.lineScanDisagreement(in: Data(text.utf8)) == nil, "\(text.debugDescription)")
        }
    }

    @Test func thePlainLoopTellsAWrongShape() throws {
        // The oracle the one pass is checked against must be able to say no.
        let scanned = LineTexts(scanning: "\t<!-- é -->\n")
        #expect(PlanDocument.shapeDisagreement(scanned, 0, Array("\t<!-- é -->".utf8)) == nil)
        for other in ["<!-- é -->", "\t<!-- e -->", "\t<!-- é --", "\t<!- é -->", "\t<!-- é -->\u{1B}", "=<!--"] {
            #expect(PlanDocument.shapeDisagreement(scanned, 0, Array(other.utf8)) != nil, "\(other.debugDescription)")
        }
    }

    @Test func theShapesAgreeWithTheText() throws {
        let table = LineTable(text: Self.lines.joined(separator: "\n"))
        let texts = LineTexts(table)
        for (i, line) in Self.lines.enumerated() {
            let text = Substring(line)
            let (width, start) = text.indentation
            #expect(texts.width(i) == width && texts.lead(i) == text.utf8.distance(from: text.startIndex, to: start))
            #expect(texts.isBlank(i) == text.isBlank, "\(line)")
            #expect(texts.has(.opensComment, i) == text[start...].hasPrefix("<!--"), "\(line)")
            #expect(texts.has(.mayCloseComment, i) == line.utf8.elementsEqual("-->".utf8) || line.contains("-->"))
            let control = line.utf8.contains { TerminalText.mayStartEscape($0, keepNewlines: false) }
            #expect(texts.has(.mayHoldControl, i) == control, "\(line)")
            #expect(texts.has(.mayBeMarker, i) == ["<", "=", ">"].contains(line.first), "\(line)")
        }
    }
}
