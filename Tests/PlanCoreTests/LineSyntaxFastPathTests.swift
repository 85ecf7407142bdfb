import Testing

@testable import PlanCore

/// The byte-level readings of headings and history keywords (issue 12) against the
/// character-level ones they stand in for, and the month names a free-text due may hold.
@Suite struct LineSyntaxFastPathTests {
    private static let pieces = [
        "#", "##", "###", " ", "\t", "1", "2", ".", "..", "1.2", "1.2.", "a", "Title", "x", "\r", "-",
    ]

    @Test func asciiHeadingsReadAsCharacterHeadings() {
        for text in seededTexts(of: Self.pieces, seed: 0x4EAD_0012, upTo: 7) {
            let content = Substring(text)
            for level in 1...3 {
                let ascii = LineSyntax.asciiHeading(content, level: level)
                let characters = LineSyntax.characterHeading(content, level: level)
                #expect(ascii?.number == characters?.number, "\(text.debugDescription) at \(level)")
                #expect(ascii?.title == characters?.title, "\(text.debugDescription) at \(level)")
                #expect(ascii?.titleStart == characters?.titleStart, "\(text.debugDescription) at \(level)")
            }
        }
    }

    @Test func headingsOfBothKinds() {
        #expect(LineSyntax.heading("### 1.2. Early help  ", level: 3)?.number == "1.2")
        #expect(LineSyntax.heading("### 1.2. Early help  ", level: 3)?.title == "Early help")
        #expect(LineSyntax.heading("### 1..2 Early", level: 3)?.number == nil)
        #expect(LineSyntax.heading("#### 1 Deeper", level: 3) == nil)
        #expect(LineSyntax.heading("## Glossary", level: 2)?.title == "Glossary")
        #expect(LineSyntax.heading("## 2 Zoë's section", level: 2)?.title == "Zoë's section")
        #expect(LineSyntax.heading("## 2 Zoë's section", level: 2)?.number == "2")
    }

    @Test func historyKeywordsAreFoundInTheBytesInEitherCase() {
        for keyword in LineSyntax.historyKeywords {
            for spelling in [keyword, keyword.uppercased(), keyword.prefix(1).uppercased() + keyword.dropFirst()] {
                let line = "- \(spelling) 2026-01-05 (Sam): x"
                let head = line.utf8.withContiguousStorageIfAvailable {
                    ASCIIFieldReader.historyHead(UnsafeRawBufferPointer($0), from: 0)
                }
                #expect(head??.keyword.rawValue == keyword, "\(line)")
            }
        }
        for word in ["reviewed", "notes", "stat", "dues", "owners", "assessed", "valu", "agree"] {
            let line = "- \(word) 2026-01-05: x"
            let head = line.utf8.withContiguousStorageIfAvailable {
                ASCIIFieldReader.historyHead(UnsafeRawBufferPointer($0), from: 0)
            }
            #expect(head.map { $0 == nil } == true, "\(line)")
        }
    }

    @Test func monthNamesAndTheirAbbreviations() {
        for (index, name) in PlanDate.monthNames.enumerated() {
            #expect(DateText.monthNumber(Substring(name)) == index + 1)
            #expect(DateText.monthNumber(Substring(name.uppercased())) == index + 1)
            #expect(DateText.monthNumber(Substring(name.prefix(3))) == index + 1)
        }
        #expect(DateText.monthNumber("Sept") == 9)
        #expect(DateText.monthNumber("Febr") == nil)
        #expect(DateText.monthNumber("Ma") == nil)
        #expect(DateText.monthNumber("Mayday") == nil)
    }
}
