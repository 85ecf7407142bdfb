import Foundation
import Testing

@testable import PlanCore
@testable import PlanImport

/// The XML tokenizer the workbook reader uses in place of FoundationXML.
@Suite("XML scanner")
struct XMLScannerTests {
    static func tokens(_ xml: String) throws(XMLScanner.Failure) -> [XMLScanner.Token] {
        var scanner = XMLScanner(Array(xml.utf8))
        var out: [XMLScanner.Token] = []
        while let token = try scanner.next() { out.append(token) }
        return out
    }

    /// The failure for `xml`, with its line; nil when it reads.
    static func failure(_ xml: String) -> (line: Int, limit: String?)? {
        var scanner = XMLScanner(Array(xml.utf8))
        do {
            while try scanner.next() != nil {}
            return nil
        } catch {
            return (scanner.line(of: error.offset), error.limit)
        }
    }

    @Test func theFivePredefinedEntitiesAndCharacterReferences() throws {
        #expect(
            try Self.tokens("<t>&amp;&lt;&gt;&quot;&apos; &#65;&#x42;&#x1F600;&#8211;</t>") == [
                .start(name: "t", attributes: [], isEmpty: false), .text("&<>\"' AB😀–"), .end(name: "t"),
            ])
        for bad in ["&bogus;", "&#0;", "&#x1;", "&#xD800;", "&#;", "&#x;", "&amp", "& x", "&#1a;"] {
            #expect(Self.failure("<t>\(bad)</t>") != nil, "\(bad)")
        }
    }

    @Test func cdataIsTextAsWritten() throws {
        #expect(
            try Self.tokens("<t>a<![CDATA[<b>&amp;</b>]]>c</t>") == [
                .start(name: "t", attributes: [], isEmpty: false), .text("a"), .text("<b>&amp;</b>"), .text("c"),
                .end(name: "t"),
            ])
        #expect(Self.failure("<t><![CDATA[never closed</t>") != nil)
        #expect(Self.failure("<![CDATA[x]]><t/>") != nil)
    }

    @Test func attributesInBothQuoteStyles() throws {
        #expect(
            try Self.tokens("<c r=\"A1\" t='s'  x:y = \"a&amp;b&#10;c\td\"/>") == [
                .start(
                    name: "c",
                    attributes: [
                        .init(name: "r", value: "A1"), .init(name: "t", value: "s"),
                        .init(name: "x:y", value: "a&b\nc d"),
                    ], isEmpty: true)
            ])
        for bad in [#"<c r=1/>"#, #"<c r="1'/>"#, #"<c r="1"t="2"/>"#, #"<c r="1" r="2"/>"#, #"<c r="<"/>"#, "<c r/>"] {
            #expect(Self.failure(bad) != nil, "\(bad)")
        }
    }

    @Test func selfClosingAndNestedTags() throws {
        #expect(
            try Self.tokens("<?xml version=\"1.0\"?>\n<a><b/><c></c></a>\n<!-- after -->") == [
                .start(name: "a", attributes: [], isEmpty: false), .start(name: "b", attributes: [], isEmpty: true),
                .start(name: "c", attributes: [], isEmpty: false), .end(name: "c"), .end(name: "a"),
            ])
        #expect(Self.failure("<a><b></a></b>")?.line == 1)
        #expect(Self.failure("<a/><b/>") != nil)
        #expect(Self.failure("text<a/>") != nil)
        #expect(Self.failure("<a/>\n<?xml version=\"1.0\"?>")?.line == 2)
    }

    @Test func commentsAndProcessingInstructionsAreSkipped() throws {
        #expect(
            try Self.tokens("<a><!-- a <b> comment --><?pi data?>x</a>") == [
                .start(name: "a", attributes: [], isEmpty: false), .text("x"), .end(name: "a"),
            ])
        #expect(Self.failure("<a><!-- a -- b --></a>") != nil)
        #expect(Self.failure("<a><!-- never closed </a>") != nil)
    }

    @Test func lineEndsAreNormalised() throws {
        #expect(
            try Self.tokens("<t>a\r\nb\rc</t>") == [
                .start(name: "t", attributes: [], isEmpty: false), .text("a\nb\nc"), .end(name: "t"),
            ])
    }

    /// Every cut of a document is refused, at once, and none reads as complete.
    @Test func aTruncatedDocumentIsRefused() {
        let xml = #"<?xml version="1.0"?><sst count="1"><si><t xml:space="preserve"> a &amp; b </t></si></sst>"#
        #expect(Self.failure(xml) == nil)
        let bytes = Array(xml.utf8)
        for length in 0..<bytes.count {
            var scanner = XMLScanner(Array(bytes[..<length]))
            #expect(throws: XMLScanner.Failure.self, "cut at \(length)") {
                while try scanner.next() != nil {}
            }
        }
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let ok = String(repeating: "<a>", count: 256) + String(repeating: "</a>", count: 256)
        #expect(Self.failure(ok) == nil)
        let deep = String(repeating: "<a>", count: 100_000)
        #expect(Self.failure(deep)?.limit == "elements nested deeper than the XML parser's limit of 256")
    }

    /// No document type declaration is read, so no entity can be defined, let alone expanded.
    @Test func aBillionLaughsIsRefused() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <lolz>&lol3;</lolz>
            """
        #expect(
            Self.failure(laughs)?.limit == "a document type declaration (<!DOCTYPE …>), which no workbook part has")
        #expect(Self.failure(laughs)?.line == 2)
        #expect(Self.failure("<lolz>&lol3;</lolz>") != nil)
    }

    @Test func controlCharactersAreRefused() {
        for bad in ["<t>a\u{1}b</t>", "<t a=\"\u{0}\"/>", "<t><![CDATA[\u{7}]]></t>", "<t><!--\u{1b}--></t>"] {
            #expect(Self.failure(bad) != nil, "\(bad.debugDescription)")
        }
        #expect(Self.failure("<t>\ttab</t>") == nil)
    }

    @Test func emptyAndNonDocumentsAreRefused() {
        for bad in ["", "  ", "<!-- only -->", "<?xml version=\"1.0\"?>", "</a>", "<1a/>", "<a></a >x"] {
            #expect(Self.failure(bad) != nil, "\(bad.debugDescription)")
        }
        #expect(Self.failure("\u{FEFF}<?xml version=\"1.0\"?><a></a >") == nil)
    }

    // MARK: - Excel's escapes

    @Test func excelEscapesAreDecoded() {
        #expect(XLSXReader.excelUnescaped("line one_x000D_\nline two") == "line one\r\nline two")
        #expect(XLSXReader.excelUnescaped("_x0041__x0062_c") == "Abc")
        #expect(XLSXReader.excelUnescaped("_x005F_x0041_") == "_x0041_")
        #expect(XLSXReader.excelUnescaped("_xD83D__xDE00_") == "😀")
        #expect(XLSXReader.excelUnescaped("tab_x0009_bell_x0007_") == "tab\tbell\u{7}")
        // Left as written: not an escape, a NUL, a lone surrogate.
        for text in ["_x41_", "_x004G_", "_X0041_", "_x0041", "a_b_c", "_x0000_", "_xD83D_", "_xDE00_x"] {
            #expect(XLSXReader.excelUnescaped(text) == text, "\(text)")
        }
    }

    /// Excel writes a line end typed in a cell as `_x000D_` and a line feed; the cell
    /// reads back as the text that was typed, in shared and in inline strings.
    @Test func excelEscapesInAWorkbook() throws {
        let rows =
            #"<row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>Due_x000D_&#10;soon _x005F_x0031_</t></is></c></row>"#
        let table = try XLSXReader.read(
            try makeWorkbook(
                sheets: [("A", rows)],
                sharedStrings: [#"<r><t xml:space="preserve">First_x000D_</t></r><r><t>&#10;second</t></r>"#]))
        #expect(table.rows.map { $0.cells.map(\.text) } == [["First\r\nsecond", "Due\r\nsoon _x0031_"]])
    }

    @Test func aDoctypeInAWorkbookPartIsNamed() throws {
        let rows = #"<!DOCTYPE x [<!ENTITY a "b">]><row><c t="inlineStr"><is><t>&a;</t></is></c></row>"#
        #expect(
            throws: ImportError(
                "xl/worksheets/sheet1.xml in the workbook is not valid XML (line 2): "
                    + "a document type declaration (<!DOCTYPE …>), which no workbook part has")
        ) {
            try XLSXReader.read(try makeWorkbook(sheets: [("A", rows)], sharedStrings: []))
        }
    }
}
