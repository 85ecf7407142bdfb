import Foundation
import Testing
import ZIPFoundation

@testable import PlanCore
@testable import PlanImport

/// The board pack as an Excel workbook (`export --format xlsx`): a valid zip of XML,
/// read back by `import` to the same actions, and export → import → export a fixed point.
@Suite("XLSX export")
struct XLSXExportTests {
    static let day = date("2026-11-10")

    static func examplePlan() throws -> Plan {
        let url = try #require(Fixtures.examplePlans.first { $0.lastPathComponent == "example-jtai.plan" })
        return try PlanFile.load(url.path).plan
    }

    static func workbook(_ plan: Plan) throws -> Data {
        try WorkbookFile.boardPack(BoardPack(plan: plan, asOf: day, since: date("2026-10-28")))
    }

    static func reimport(_ data: Data) throws -> Plan {
        let table = try XLSXReader.read(data)
        return try PlanImporter.makePlan(from: table, options: ImportOptions(title: "Imported", asAt: day))
            .document.plan
    }

    @Test func readsBackThroughImportAsTheSameActions() throws {
        let plan = try Self.examplePlan()
        let pack = BoardPack(plan: plan, asOf: Self.day, since: date("2026-10-28"))
        let back = try Self.reimport(try Self.workbook(plan))
        let before = pack.plan.actions
        #expect(back.actions.map(\.ref) == before.map(\.ref))
        #expect(back.actions.map(\.owners) == before.map(\.owners))
        #expect(back.actions.map(\.due) == before.map(\.due))
        #expect(back.actions.map(\.status) == before.map(\.status))
        // The text as a reader sees it: the file's own line wrapping is not kept.
        let prose = { (text: String?) in text.map(BoardPackCSV.cellText) }
        #expect(back.actions.map { prose($0.text) } == before.map { prose($0.text) })
        #expect(back.actions.map { prose($0.latestNote?.text) } == before.map { prose($0.latestNote?.text) })
        #expect(back.sections.map { "\($0.number) \($0.title)" } == plan.sections.map { "\($0.number) \($0.title)" })
    }

    @Test func exportImportExportIsAFixedPoint() throws {
        let once = try Self.reimport(try Self.workbook(try Self.examplePlan()))
        let second = try Self.workbook(once)
        let twice = try Self.reimport(second)
        #expect(try Self.workbook(twice) == second)
        #expect(try XLSXReader.read(second, sheet: "Actions") == (try XLSXReader.read(try Self.workbook(twice))))
    }

    /// Refs a spreadsheet would read as numbers or dates, and text it would run as a formula, stay text.
    @Test func refsAndFormulaTextStayText() throws {
        let plan = try PlanDocument(
            text:
                """
                # Refs

                ## 1 Section
                ### 1.2 Area two
                - [A] 1.2 Twelve.
                  - Owner: =SUM(A1)
                  - Due: 2026-02-28
                ### 1.20 Area twenty
                - [R] 1.20 Twenty.
                  - Due: Quarterly, from 1 April 2026
                  - Note 2026-01-05 (Sam): -5% on last quarter
                """
        ).plan
        let data = try WorkbookFile.boardPack(BoardPack(plan: plan, asOf: date("2026-03-01")))
        let rows = try XLSXReader.read(data).rows
        #expect(rows[0].cells.map(\.text).prefix(11) == ArraySlice(BoardPackCSV.header))
        #expect(rows[1].cells[2] == ImportCell(text: "1.2") && rows[2].cells[2] == ImportCell(text: "1.20"))
        #expect(rows[1].cells[4].text == "=SUM(A1)")
        // A due that is a date is a date cell; a due in words is text.
        #expect(rows[1].cells[5].text == "2026-02-28" && rows[1].cells[5].number == 46081)
        #expect(rows[2].cells[5] == ImportCell(text: "Quarterly, from 1 April 2026"))
        #expect(rows[1].cells[7].text == "A - Amber" && rows[2].cells[7].text == "R - Red")
        #expect(rows[2].cells[9].number == 46027 && rows[2].cells[10].text == "-5% on last quarter")
        let back = try PlanImporter.makePlan(
            from: try XLSXReader.read(data), options: ImportOptions(title: "Refs", asAt: date("2026-03-01"))
        ).document.plan
        #expect(back.actions.map(\.ref) == ["1.2", "1.20"])
        #expect(back.actions.map(\.owners) == [["=SUM(A1)"], []])
    }

    /// Another zip reader (ZIPFoundation) opens the archive and every part's checksum holds.
    @Test func isAValidZipOfTheParts() throws {
        let data = try Self.workbook(try Self.examplePlan())
        let archive = try Archive(data: data, accessMode: .read)
        let names = archive.map(\.path)
        #expect(names.first == "[Content_Types].xml")
        #expect(
            Set(names).isSuperset(of: [
                "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                "xl/worksheets/sheet3.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/drawings/drawing1.xml",
                "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml",
            ]))
        // The Summary's native chart of % complete reads the trend table's cells.
        var chart = Data()
        _ = try archive.extract(try #require(archive["xl/charts/chart1.xml"])) { chart.append($0) }
        let chartXML = String(decoding: chart, as: UTF8.self)
        #expect(chartXML.contains("<c:lineChart>"))
        #expect(chartXML.contains("<c:f>'Summary'!$A$49:$A$63</c:f>"))
        #expect(chartXML.contains("<c:f>'Summary'!$H$49:$H$63</c:f>"))
        #expect(chartXML.contains("<c:pt idx=\"14\"><c:v>0.6527777777777777</c:v></c:pt>"))
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            #expect(bytes.count == Int(entry.uncompressedSize))
            #expect(!bytes.isEmpty)
        }
        let sheets = try XLSXReader.read(data, sheet: "Summary").rows.map { $0.cells.map(\.text) }
        #expect(sheets.first?.first == "Written statement of action: criminal exploitation of children in Northmoor")
        #expect(sheets.contains { $0.prefix(2) == ["% complete", "0.6527777777777777"] })
        let changes = try XLSXReader.read(data, sheet: "Changes").rows
        #expect(changes.first?.cells.map(\.text) == ["Change", "Ref", "Date", "From", "To", "Detail"])
        #expect(changes.count > 1)
    }

    @Test func actionsSheetHasAFrozenHeaderAndAnAutofilter() throws {
        let pack = BoardPack(plan: try Self.examplePlan(), asOf: Self.day)
        let sheet = BoardPackXLSX.workbook(pack).sheets[1]
        let xml = sheet.xml()
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<autoFilter ref=\"A1:K73\"/>"))
        #expect(sheet.columnWidths.count == 11 && sheet.columnWidths.allSatisfy { (6...60).contains($0) })
        #expect(xml.contains("t=\"inlineStr\"><is><t xml:space=\"preserve\">1.1a</t>"))
    }

    @Test func textIsEscapedForXML() {
        #expect(
            XLSXWorkbook.escaped("a<b>&\"c\"\r\nd\u{0}e\u{FFFE}") == "a&lt;b&gt;&amp;&quot;c&quot;\nd\u{FFFD}e\u{FFFD}")
        // Excel's own escapes in a plan's text are escaped in turn, and import reads them back as written.
        #expect(XLSXWorkbook.cellText("a_x000D_b _x41_ _X0041_") == "a_x005F_x000D_b _x41_ _X0041_")
        #expect(XLSXReader.excelUnescaped(XLSXWorkbook.cellText("_x000D__x005f__xFFFF_")) == "_x000D__x005f__xFFFF_")
        #expect(
            XLSXSheet.columnLetters(0) == "A" && XLSXSheet.columnLetters(25) == "Z"
                && XLSXSheet.columnLetters(26) == "AA")
        #expect(XLSXSheet.serial(date("2026-02-28")) == 46081 && XLSXSheet.serial(date("1900-03-01")) == 61)
    }
}
