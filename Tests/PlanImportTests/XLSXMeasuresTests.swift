import Foundation
import Testing

@testable import PlanCore
@testable import PlanImport

/// The workbook's Measures sheet: the measures CSV's rows as cells a spreadsheet can chart.
@Suite("XLSX export: measures")
struct XLSXMeasuresTests {
    static let withMeasures = """
        # Plan
        ## 1 Section
        ### 1.1 Area
        - Measure Days to first visit: baseline 12 on 2026-01-31; target 5 by 2026-12-31; lower is better
        - Value 2026-07-31 (Data team): Days to first visit = 9.5
        - Value 2026-04-30 (Data team): Days to first visit = 10
        - [A] 1.1a Act.
          - Owner: Lead
          - Measure @risk "flagged" (days): baseline -3 on 2026-01-31; target -10 by 2026-12-31; lower is better

        """

    /// The sheet's cells as text, read back as `import` reads a workbook.
    static func sheet(_ plan: Plan, on day: String) throws -> [[String]] {
        let data = try WorkbookFile.boardPack(BoardPack(plan: plan, asOf: date(day)))
        return try XLSXReader.read(data, sheet: BoardPackXLSX.measuresSheet).rows.map { $0.cells.map(\.text) }
    }

    /// The measures CSV's cells, without the `'` that keeps text from running as a formula.
    static func csv(_ plan: Plan, on day: String) throws -> [[String]] {
        let text = BoardPackCSV.renderMeasures(BoardPack(plan: plan, asOf: date(day)))
        return try DelimitedText.read(Data(text.utf8)).rows.map { row in
            row.cells.map { cell in
                cell.text.hasPrefix("'") && "=+-@".contains(cell.text.dropFirst().first ?? " ")
                    ? String(cell.text.dropFirst()) : cell.text
            }
        }
    }

    @Test func theSheetHoldsTheRowsOfTheMeasuresCSV() throws {
        let plan = try PlanDocument(text: Self.withMeasures).plan
        let sheet = try Self.sheet(plan, on: "2026-10-28")
        #expect(sheet == (try Self.csv(plan, on: "2026-10-28")))
        #expect(sheet.count == 4)
        #expect(sheet[0] == BoardPackCSV.measuresHeader)
        #expect(
            sheet[1] == [
                "1 Section", "1.1 Area", "", "Days to first visit", "", "lower", "12", "2026-01-31", "5", "2026-12-31",
                "2026-04-30", "10", "Data team", "10.1", "on track",
            ])
        #expect(sheet[3].suffix(6) == ["2026-12-31", "", "", "", "", "no value yet"])
        // As of a day, only the values recorded by then.
        #expect(try Self.sheet(plan, on: "2026-05-01").count == 3)
    }

    @Test func numbersAndDatesAreCellsOfTheirKind() throws {
        let plan = try PlanDocument(text: Self.withMeasures).plan
        let sheet = try #require(BoardPackXLSX.measures(BoardPack(plan: plan, asOf: date("2026-10-28"))))
        let row = sheet.rows[2]
        #expect(row[6] == .number(12) && row[8] == .number(5) && row[11] == .number(9.5))
        #expect(row[7] == .date(date("2026-01-31")) && row[10] == .date(date("2026-07-31")))
        // The line's value rounded as the CSV shows it; off track in red.
        #expect(row[13] == .number(8.2) && row[14] == .text("off track", .red))
        #expect(sheet.frozenRows == 1 && sheet.autoFilterRow == 1)
    }

    @Test func theExamplePlansMeasuresReadBackAsTheCSV() throws {
        let plan = try XLSXExportTests.examplePlan()
        let sheet = try Self.sheet(plan, on: "2026-11-10")
        #expect(sheet.count > 8)
        #expect(sheet == (try Self.csv(plan, on: "2026-11-10")))
    }

    @Test func aPlanWithoutMeasuresHasNoMeasuresSheet() throws {
        let plan = try PlanDocument(text: "# P\n## 1 S\n### 1.1 A\n- [G] 1.1a Act.\n").plan
        let workbook = BoardPackXLSX.workbook(BoardPack(plan: plan, asOf: date("2026-10-28")))
        #expect(!workbook.sheets.map(\.name).contains(BoardPackXLSX.measuresSheet))
        #expect(
            BoardPackXLSX.workbook(BoardPack(plan: try XLSXExportTests.examplePlan(), asOf: date("2026-11-10")))
                .sheets.map(\.name) == ["Summary", "Actions", "Changes", "Measures"])
    }
}
