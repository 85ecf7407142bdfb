import Foundation
import Testing

@testable import PlanCore
@testable import PlanImport

/// Import at scale and against altered workbooks (issue 19): work that grows with the
/// input, parts as large as the documented limit, and a zip or worksheet that would
/// otherwise lose or move data without a word.
@Suite("Import limits")
struct ImportLimitTests {
    static let options = ImportOptions(title: "Wide", asAt: date("2026-03-01"))

    /// Header detection once normalised every heading synonym again for every cell:
    /// 1,000,000 one-letter columns took two minutes of CPU in a release build (over eight
    /// in this debug one). Now each cell is one lookup: about 6 s of CPU here. The limit is
    /// on this thread's CPU time, which other tests running beside it do not inflate.
    @Test func aMillionColumnsImportInLinearTime() throws {
        let started = threadCPUSeconds()
        let letters = (0..<1_000_000).map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }
        let header = letters.joined(separator: ",") + ",Action,RAG\n"
        let rows = String(repeating: ",", count: 1_000_000) + "Publish the guidance,G\n"
        let table = try DelimitedText.read(Data((header + rows).utf8))
        #expect(table.rows.count == 2 && table.rows[0].cells.count == 1_000_002)
        let result = try PlanImporter.makePlan(from: table, options: Self.options)
        #expect(result.document.plan.actions.map(\.text) == ["Publish the guidance"])
        #expect(result.document.plan.actions.map(\.status) == [.green])
        #expect(result.report.columns.count == 1_000_002)
        #expect(threadCPUSeconds() - started < 40)
    }

    /// The header is looked for in the first 20 non-blank rows only.
    @Test func theHeaderIsLookedForInTheFirstTwentyRows() throws {
        let title = (1...20).map { "Title line \($0)\n" }.joined()
        #expect(throws: ImportFailure.self) {
            try PlanImporter.makePlan(
                from: try DelimitedText.read(Data((title + "Ref,Action\n1.1a,Do it\n").utf8)), options: Self.options)
        }
        let shorter = (1...19).map { "Title line \($0)\n" }.joined()
        let result = try PlanImporter.makePlan(
            from: try DelimitedText.read(Data((shorter + "Ref,Action\n1.1a,Do it\n").utf8)), options: Self.options)
        #expect(result.report.headerRow == 20)
    }

    // MARK: - Workbooks

    /// A worksheet part over 10 MB was refused as "not valid XML (line 1)": libxml2
    /// (behind FoundationXML) stops at 10,000,000 bytes unless told the input is huge.
    @Test func aWorksheetOverTenMegabytes() throws {
        let row = { (n: Int) in
            #"<row r="\#(n)"><c r="A\#(n)" t="inlineStr"><is><t>Action \#(n): publish the partnership's guidance on hearing children</t></is></c></row>"#
        }
        let count = 110_000
        let rows = (2...count).map(row).joined()
        let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Action</t></is></c></row>"#
        let workbook = try makeWorkbook(sheets: [("Actions", header + rows)], sharedStrings: [])
        #expect(header.utf8.count + rows.utf8.count > 12_000_000)
        let table = try XLSXReader.read(workbook)
        #expect(table.rows.count == count)
        #expect(
            table.rows.last?.cells.map(\.text) == [
                "Action \(count): publish the partnership's guidance on hearing children"
            ])
    }

    /// Text after an entity reference in a cell is kept.
    @Test func entityReferencesInACell() throws {
        let rows =
            #"<row><c t="inlineStr"><is><t>A &amp; B &lt;C&gt; &#8211; D&apos;s</t></is></c><c t="s"><v>0</v></c></row>"#
        let table = try XLSXReader.read(
            try makeWorkbook(sheets: [("A", rows)], sharedStrings: ["<t>E &quot;F&quot; &amp; G</t>"]))
        #expect(table.rows.map { $0.cells.map(\.text) } == [["A & B <C> – D's", "E \"F\" & G"]])
    }

    /// An entity that XML does not define is refused, not read as the text before it.
    @Test func anUndefinedEntityIsRefused() throws {
        let rows = #"<row><c t="inlineStr"><is><t>A &a; B</t></is></c></row>"#
        #expect(throws: ImportError("xl/worksheets/sheet1.xml in the workbook is not valid XML (line 2)")) {
            try XLSXReader.read(try makeWorkbook(sheets: [("A", rows)], sharedStrings: []))
        }
    }

    /// A limit of the XML parser is named when it is hit.
    @Test func theXMLParsersOwnLimitIsNamed() throws {
        let rows = #"<row><c r="A1" s=""# + String(repeating: "1", count: 10_000_001) + #""><v>1</v></c></row>"#
        #expect(
            throws: ImportError(
                "xl/worksheets/sheet1.xml in the workbook is not valid XML (line 2): "
                    + "a value longer than the XML parser's limit of 10,000,000 bytes")
        ) {
            try XLSXReader.read(try makeWorkbook(sheets: [("A", rows)], sharedStrings: []))
        }
    }

    /// A part whose CRC-32 does not match its contents is refused, stored or deflated.
    @Test func aWrongChecksumIsRefused() throws {
        let rows = #"<row><c t="inlineStr"><is><t>Action</t></is></c></row>"#
        var workbook = try makeWorkbook(sheets: [("A", rows)], sharedStrings: [])
        #expect(try XLSXReader.read(workbook).rows.count == 1)
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        // The central directory's record for the sheet: its CRC-32 is 16 bytes in.
        let central = try #require(Self.centralRecord(named: name, in: workbook))
        workbook[central + 16] ^= 0x01
        #expect(
            throws: ImportError(
                "cannot unpack xl/worksheets/sheet1.xml from the workbook: its checksum is wrong (the file is damaged)")
        ) {
            try XLSXReader.read(workbook)
        }
    }

    /// Two files of one name in the archive: which one a reader takes differs from
    /// reader to reader, so the workbook is refused.
    @Test func twoEntriesOfOneNameAreRefused() throws {
        let rows = #"<row><c t="inlineStr"><is><t>Action</t></is></c></row>"#
        let other =
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"#
        var workbook = try makeWorkbook(
            sheets: [("A", rows)], sharedStrings: [], extraParts: [("xl/worksheets/sheetX.xml", other)])
        // Rename the extra part to the sheet's name, in its local header and its central record.
        let from = Data("xl/worksheets/sheetX.xml".utf8)
        let to = Data("xl/worksheets/sheet1.xml".utf8)
        var search = workbook.startIndex..<workbook.endIndex
        while let found = workbook.range(of: from, in: search) {
            workbook.replaceSubrange(found, with: to)
            search = found.upperBound..<workbook.endIndex
        }
        #expect(
            throws: ImportError("not an .xlsx workbook: the zip archive holds two files named xl/worksheets/sheet1.xml")
        ) {
            try XLSXReader.read(workbook)
        }
    }

    /// A cell reference of more than three letters once landed in the next free column.
    @Test(arguments: ["AAAA1", "XFE1", "ZZZ7", "B", "12", "B0", "B-1"])
    func cellReferencesBeyondTheLastColumn(_ reference: String) throws {
        let rows =
            #"<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="\#(reference)" t="inlineStr"><is><t>x</t></is></c></row>"#
        #expect(
            throws: ImportError(
                "xl/worksheets/sheet1.xml has a cell reference '\(reference)' that is not a cell of a worksheet "
                    + "(columns A to XFD, rows 1 to 1048576)")
        ) {
            try XLSXReader.read(try makeWorkbook(sheets: [("A", rows)], sharedStrings: []))
        }
    }

    @Test func cellReferencesArePlacedByTheirLetters() throws {
        let rows =
            #"<row r="1"><c r="XFD1" t="inlineStr"><is><t>last</t></is></c><c r="c1" t="inlineStr"><is><t>third</t></is></c></row>"#
        let table = try XLSXReader.read(try makeWorkbook(sheets: [("A", rows)], sharedStrings: []))
        let cells = try #require(table.rows.first?.cells)
        #expect(cells.count == 16_384 && cells[16_383].text == "last" && cells[2].text == "third")
    }

    static func centralRecord(named name: Data, in data: Data) -> Int? {
        let signature = Data([0x50, 0x4B, 0x01, 0x02])
        var search = data.startIndex..<data.endIndex
        while let found = data.range(of: signature, in: search) {
            let start = found.lowerBound
            let length = Int(data[start + 28]) | Int(data[start + 29]) << 8
            if data[(start + 46)..<(start + 46 + length)] == name { return start }
            search = found.upperBound..<data.endIndex
        }
        return nil
    }
}
