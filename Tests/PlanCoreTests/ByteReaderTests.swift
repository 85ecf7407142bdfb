import Foundation
import Testing

@testable import PlanCore

/// The byte-level reader of plain ASCII action lines (`ASCIIFieldReader`) against the
/// `Substring` code it stands in for, and the parse that defers actions against the one
/// that makes them all: the same plan, spans and diagnostics on every file.
@Suite struct ByteReaderTests {
    static func agree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let difference = PlanDocument.byteReaderDisagreement(in: Data(text.utf8))
        #expect(difference == nil, sourceLocation: sourceLocation)
        let deferred = PlanDocument.deferredReaderDisagreement(in: Data(text.utf8))
        #expect(deferred == nil, sourceLocation: sourceLocation)
    }

    @Test func examplePlansAndFixturesReadAlike() throws {
        let files = Fixtures.examplePlans + Fixtures.files(in: "valid") + Fixtures.files(in: "hostile")
        #expect(files.count > 20)
        for url in files {
            let data = try Data(contentsOf: url)
            #expect(PlanDocument.byteReaderDisagreement(in: data) == nil, "\(url.lastPathComponent)")
            #expect(PlanDocument.deferredReaderDisagreement(in: data) == nil, "\(url.lastPathComponent)")
        }
    }

    /// A plan shaped like the benchmark's: wrapped texts and notes, paragraphs, owners, dues.
    @Test func aGeneratedPlanReadsAlike() {
        var text = "# Generated\n- As at: 2026-06-30\n\n## 1 Section\n### 1.1 Area\n"
        let owners = ["Sam Patel", "Head of Service, Children's Social Care", " Jo ;; Mei ", "Zoë\u{00A0}", "\u{2003}"]
        let dues = ["2026-03-31", "To be agreed", "New process launched on 9 January 2023", "31 February 2026"]
        for k in 0..<60 {
            let status = ["R", "A", "G", "b", "N"][k % 5]
            text += "- [\(status)] 1.1\(k) Train the staff\(k % 7 == 0 ? " \t " : "") in the new\n"
            text += k % 3 == 0 ? "\n  second paragraph of the text\n" : "  process, over two lines\n"
            text += "  - Owner: \(owners[k % owners.count])\n  - Due: \(dues[k % dues.count])\n"
            text += "  - Status 2026-01-0\(k % 9 + 1) (Name \(k)): N -> \(status.uppercased())\n"
            text +=
                "  - Note 2026-02-0\(k % 9 + 1) ( Sam (Police) ): a note over\n    two lines\n\n    and a paragraph\n"
            text += "  - note 2026-02-10: without a name\n\t- Reviewed 2026-02-11\n"
            if k % 4 == 0 { text += "  - Note 2026-02-12 (Zoë): café\n  <!-- a comment -->\n    more\n" }
        }
        Self.agree(text)
    }

    /// Lines the byte reader must leave to the `Substring` code, and their messages.
    @Test(arguments: [
        "- [X] 1.1a Unknown status.\n",
        "- [A] 1.1a\n",
        "- [A]\n",
        "- [A] 1.1a! Bad ref.\n",
        "- [A] 1.1a Act.\n  - Note 2026-02-30 (Sam): impossible.\n",
        "- [A] 1.1a Act.\n  - Note 2026-1-5 (Sam): not ISO.\n",
        "- [A] 1.1a Act.\n  - Note 2026-01-05 (Sam: not closed.\n",
        "- [A] 1.1a Act.\n  - Note 2026-01-05 (Sam) no colon.\n",
        "- [A] 1.1a Act.\n  - Note 2026-01-05 (\u{1}Sam): control.\n",
        "- [A] 1.1a Act.\n  - Note 2026-01-05 (Sam)\u{301}: a combining mark.\n",
        "- [A] 1.1a Act.\n  - Status 2026-01-05 (Sam): A -> X\n",
        "- [A] 1.1a Act.\n  - Status 2026-01-05 (Sam): a -> g\n",
        "- [A] 1.1a Act.\n  - Status 2026-01-05 (Sam): A→G\n",
        "- [A] 1.1a Act.\n  - Owner: A\n  - Owner: B\n  - Due: soon\n  - Due: later\n",
        "- [A] 1.1a Act.\n  - Owners:Sam\n  - Due:\n",
        "- [A] 1.1a Act.\n  - Note: undated\n",
        "- [A] 1.1a Act.\n  - Owner: Sam\n  text among the fields\n",
        "- [A] 1.1a Act.\n\t- Owner: Tab\n\t\t  continued\n",
        "- [A] 1.1 b Spaced ref.\n",
        "- [A] 1.1a Café.\n  - Owner: Zoë\n  - Due: 2026-02-30\n",
        "- [a] 1.1a Lower case status.\n  - Due: 9 January 2023 or 10 January 2023\n",
        "- [A] 1.1a Act.\n  - Measure Waiting (days): baseline 10; target 5\n  - Value 2026-01-05 (Sam): Waiting = 8\n",
    ])
    func awkwardLinesReadAlike(action: String) {
        Self.agree(planHeader + action)
        Self.agree((planHeader + action).replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func anActionLineIsReadFromItsBytes() throws {
        let line = "- [g] 1.1a  Train staff \t"
        let head = try #require(Array(line.utf8).withUnsafeBytes { ASCIIFieldReader.actionHead($0, from: 0) })
        #expect(head.status == .green && head.statusOffset == 3 && head.ref == 6..<10 && head.text == 12..<23)
        #expect(Array("- [A] 1.1a; Act".utf8).withUnsafeBytes { ASCIIFieldReader.actionHead($0, from: 0) } == nil)
        #expect(Array("- [Q] 1.1a Act".utf8).withUnsafeBytes { ASCIIFieldReader.actionHead($0, from: 0) } == nil)
    }

    @Test func aHistoryHeadIsReadFromItsBytes() throws {
        let line = "  - NOTE 2026-01-05 ( Sam (Police) ) :  Done. "
        let head = try #require(Array(line.utf8).withUnsafeBytes { ASCIIFieldReader.historyHead($0, from: 2) })
        #expect(head.keyword == .note && head.date == date("2026-01-05"))
        #expect(head.author == 22..<34 && head.value == 40..<45)
        for bad in [
            "  - Note 2026-02-30: x", "  - Note 2026-01-05 (Sam: x", "  - Notes 2026-01-05: x", "  - Note 2026-01-05",
        ] {
            #expect(Array(bad.utf8).withUnsafeBytes { ASCIIFieldReader.historyHead($0, from: 2) } == nil, "\(bad)")
        }
        let owner = Array("  - Owners:\tSam; Jo ".utf8).withUnsafeBytes { ASCIIFieldReader.plainField($0, from: 2) }
        #expect(owner?.kind == .owner && owner?.value == 12..<19)
    }

    @Test func ownersAreSplitAsBefore() {
        for text in ["A; B ;C", " ; ;", "Zoë\u{00A0}; \u{2003}Mei\u{2003}", "a\n;b", ""] {
            #expect(LineSyntax.owners(text) == LineSyntax.owners(Substring(text)), "\(text)")
        }
    }

    /// A deferred action only asks whether it names an owner: the quick look may say
    /// "not sure", never "yes" for owners that split to none.
    @Test func theQuickOwnerLookNeverClaimsOneThatIsNot() {
        let texts = [
            "A; B ;C", " ; ;", ";", "", "\u{00A0}", "\u{2003};\u{00A0}", "\u{0B}\u{0C}", "\u{1C};\u{1F}", "\u{01}",
            "\tSam\n", "Zoë", "\u{00A0}x\u{00A0}",
        ]
        for text in texts {
            let owners = LineSyntax.owners(text)
            if LineSyntax.namesAnOwner(quickly: text) { #expect(!owners.isEmpty, "\(text.debugDescription)") }
        }
        #expect(LineSyntax.namesAnOwner(quickly: " ; Sam"))
        #expect(!LineSyntax.namesAnOwner(quickly: " ; ; "))
    }
}
