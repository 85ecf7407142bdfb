import Foundation
import Testing
import ZIPFoundation

@testable import PlanCore
@testable import PlanImport

/// `actionplan import`: spreadsheets in several dialects read field by field, values in
/// their usual spellings, the layout of sections, areas and refs, round trips through
/// the board pack CSV, and hostile inputs.
@Suite("Import")
struct ImportTests {
    static let day = date("2026-03-01")

    static func fixture(_ name: String) -> String {
        Fixtures.directory.appendingPathComponent("import/\(name)").path
    }

    /// Imports a fixture file (any kind) with the day pinned.
    static func importFile(
        _ name: String, sheet: String? = nil, map: [(String, ImportField)] = [],
        skipBadRows: Bool = false
    ) throws -> ImportResult {
        let table = try TableFile.read(fixture(name), sheet: sheet)
        return try PlanImporter.makePlan(
            from: table,
            options: ImportOptions(
                title: "Imported", asAt: day, columnMap: map, skipBadRows: skipBadRows))
    }

    /// Imports CSV text.
    static func importCSV(_ text: String, map: [(String, ImportField)] = [], skipBadRows: Bool = false) throws
        -> ImportResult
    {
        try PlanImporter.makePlan(
            from: try DelimitedText.read(Data(text.utf8)),
            options: ImportOptions(
                title: "Imported", asAt: day, columnMap: map, skipBadRows: skipBadRows))
    }

    /// The errors that stop an import of CSV text, as `row N: message`.
    static func failures(_ text: String, map: [(String, ImportField)] = []) -> [String] {
        do {
            _ = try importCSV(text, map: map)
            return []
        } catch let failure as ImportFailure {
            return failure.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    // MARK: - Dialects, field by field

    @Test func commaSeparatedWithLF() throws {
        let result = try Self.importFile("comma-lf.csv")
        let plan = result.document.plan
        #expect(plan.title == "Imported" && plan.asAt == Self.day)
        #expect(plan.statusKey == StatusKey.standard)
        #expect(
            plan.sections.map { "\($0.number) \($0.title)" } == ["1 Hearing children", "2 Keeping children in view"])
        #expect(
            plan.sections.flatMap(\.areas).map { "\($0.number) \($0.title)" }
                == ["1.1 Recording what children tell us", "2.1 Children not brought to appointments"])
        #expect(plan.actions.map(\.ref) == ["1.1a", "1.1b", "2.1a", "2.1b"])
        #expect(plan.actions.map(\.status) == [.amber, .green, .red, .amber])
        #expect(
            plan.actions.map(\.text) == [
                "Publish guidance on recording children's views.", "Train practitioners in recording children's words.",
                "Publish a \"was not brought\" guide.", "Share school absence data with health visitors.",
            ])
        #expect(
            plan.actions.map(\.owners) == [
                ["Voice of the child group"], ["Training team", "Sam Patel"],
                ["Designated Nurse"], ["Education Safeguarding Lead"],
            ])
        #expect(plan.actions.map { $0.due?.text } == ["2026-02-28", "2026-02-28", "2026-01-15", "To be agreed"])
        #expect(plan.actions.map { $0.due?.date } == [date("2026-02-28"), date("2026-02-28"), date("2026-01-15"), nil])
        #expect(
            plan.actions.map { $0.notes.map(\.text) } == [
                ["The first draft went to the task group."], [],
                ["Delayed by the designers."], [],
            ])
        #expect(plan.actions[0].notes[0].date == Self.day && plan.actions[0].notes[0].author == nil)
        #expect(plan.actions.allSatisfy { $0.history.isEmpty && $0.extraFields.isEmpty })
        #expect(result.document.warnings.isEmpty)
        #expect(
            result.report.values.map(\.description) == [
                "row 5: Due: 'To be agreed' is not a date; kept as a free-text due"
            ])
    }

    @Test func semicolonsCRLFAndByteOrderMark() throws {
        let result = try Self.importFile("semicolon-crlf-bom.csv")
        let plan = result.document.plan
        #expect(result.report.columns.map(\.heading) == ["Ref", "Action", "Owner", "Due", "RAG", "Progress"])
        #expect(plan.actions.map(\.ref) == ["1.1a", "1.1b", "1.2a", "2.1a"])
        #expect(plan.actions.map(\.status) == [.green, .red, .green, .notStarted])
        // `,` and `/` stay inside a name.
        #expect(
            plan.actions.map(\.owners) == [
                ["Head of Safeguarding, Children's Services"], ["Designated Nurse / Named GP"],
                ["Business Manager"], ["Training Lead"],
            ])
        // 13-Jul-23, 13 Jul 2023, 28/2/23, 13 July 2023.
        #expect(plan.actions.map { $0.due?.text } == ["2023-07-13", "2023-07-13", "2023-02-28", "2023-07-13"])
        #expect(
            plan.actions.map(\.text) == [
                "Agree the partnership's escalation policy", "Audit the use of the policy",
                "Publish the annual report", "Review the training offer",
            ])
        #expect(
            plan.actions.map { $0.notes.map(\.text) } == [
                ["Agreed at the March board."], [], ["Published on the website."], [],
            ])
        // Sections and areas from the refs.
        #expect(plan.sections.map { "\($0.number) \($0.title)" } == ["1 Section 1", "2 Section 2"])
        #expect(
            plan.sections.flatMap(\.areas).map { "\($0.number) \($0.title)" } == [
                "1.1 Area 1.1", "1.2 Area 1.2", "2.1 Area 2.1",
            ])
        // The key: R, A, G and Not started, which the rows use; no Blue.
        #expect(plan.statusKey.statuses == [.red, .amber, .green, .notStarted])
        #expect(!result.document.text.contains("\r") && !result.document.text.hasPrefix("\u{FEFF}"))
        #expect(result.report.values.isEmpty)
    }

    @Test func quotedCellsOverSeveralLines() throws {
        let plan = try Self.importFile("quoted-multiline.csv").document.plan
        let campaign = try #require(plan.action(ref: "3.1a"))
        #expect(
            campaign.text == """
                Run a campaign on exploitation, with schools and "trusted adults".
                - Posters in every school
                - A week of assemblies
                """)
        #expect(campaign.owners == ["Detective Chief Inspector", "Head of Education"])
        #expect(campaign.due == Due(text: "2026-03-31", date: date("2026-03-31")))
        #expect(
            campaign.notes.map(\.text) == [
                """
                Progress this month:
                - 12 of 20 schools visited
                - Assemblies booked for May

                The "Know the signs" leaflet is printed.
                """
            ])
        let good = try #require(plan.action(ref: "3.1b"))
        #expect(good.text == "Say what \"good\" looks like" && good.status == .amber)
        #expect(good.owners == ["Named Nurse", "Named GP"])
        #expect(good.due == Due(text: "End of Q3, subject to funding", date: nil))
    }

    @Test func trackerWithItsOwnColumnNames() throws {
        let result = try Self.importFile("tracker.csv")
        let plan = result.document.plan
        #expect(
            result.report.columns.map(\.use) == [
                .field(.ref), .field(.section), .field(.action), .field(.owner), .field(.due), .field(.rag),
                .field(.progress),
                .extra(name: "Comments", reason: nil),
            ])
        // Blank theme cells take the theme above; areas come from the refs.
        #expect(plan.sections.map { "\($0.number) \($0.title)" } == ["1 Children's voices", "2 Identifying risk"])
        #expect(plan.sections.map { $0.areas.map(\.number) } == [["1.1", "1.2"], ["2.1", "2.2"]])
        #expect(plan.actions.map(\.status) == [.blue, .green, .amber, .amber, .red, .green, .notStarted, .amber])
        #expect(plan.statusKey.statuses == [.red, .amber, .green, .blue, .notStarted])
        let first = try #require(plan.action(ref: "1.1a"))
        #expect(first.owners == ["Learning and Improvement subgroup"] && first.due?.text == "2026-01-31")
        #expect(first.extraFields.map { "\($0.name): \($0.value)" } == ["Comments: Signed off by the executive"])
        #expect(
            first.notes.map(\.text) == [
                "Published in January; audit shows 80% of records now include the child's words."
            ])
        let quarterly = try #require(plan.action(ref: "1.2b"))
        #expect(quarterly.due == Due(text: "Quarterly from April 2026", date: nil) && quarterly.notes.isEmpty)
        #expect(quarterly.extraFields.map(\.value) == ["Funding agreed"])
        #expect(result.document.warnings.isEmpty)
        #expect(result.report.rowsRead == 8 && result.report.actions == 8)
    }

    @Test func tabSeparated() throws {
        let plan = try Self.importFile("tracker.tsv").document.plan
        #expect(plan.actions.map(\.ref) == ["1.1a", "1.1b", "1.2a"])
        #expect(
            plan.actions.map(\.text) == [
                "Publish the multi-agency threshold document",
                "Train 200 staff on the thresholds, by agency", "Review the front door",
            ])
        #expect(plan.actions.map(\.owners) == [["Partnership Manager"], ["Training Lead"], ["Head of Service"]])
        #expect(plan.actions.map { $0.due?.text } == ["2026-04-30", "2026-06-30", "March 2026"])
        #expect(plan.actions.map(\.status) == [.amber, .red, .green])
        #expect(
            plan.actions.map { $0.notes.map(\.text) } == [
                ["Draft out for comment"], [], ["Review complete; report to board in April"],
            ])
    }

    // MARK: - Excel workbooks

    /// A workbook with two sheets: "Notes" first, then "Actions" with a shared string
    /// in rich text runs, an inline string, a due date as a serial number, a date-formatted
    /// cell, a boolean, cells skipped within rows and a row skipped.
    static func workbook() throws -> Data {
        let actions = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="inlineStr"><is><t>Agreed</t></is></c>\
            <c r="G1" t="inlineStr"><is><t>Checked</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="s"><v>6</v></c><c r="C2" t="inlineStr"><is><t>Named Nurse</t></is></c>\
            <c r="D2"><v>45000</v></c><c r="E2" t="s"><v>7</v></c><c r="F2" s="1"><v>44927</v></c><c r="G2" t="b"><v>1</v></c></row>
            <row r="4"><c r="A4" t="s"><v>8</v></c><c r="B4" t="inlineStr"><is><r><t>Audit </t></r><r><rPr><b/></rPr><t>records</t></r></is></c>\
            <c r="E4" t="str"><v>G</v></c><c r="G4" t="b"><v>0</v></c></row>
            """
        return try makeWorkbook(
            sheets: [
                ("Notes", #"<row r="1"><c r="A1" t="inlineStr"><is><t>Read me</t></is></c></row>"#),
                ("Actions", actions),
            ],
            sharedStrings: [
                "<t>Ref</t>", "<t>Action</t>", "<t>Owner</t>", "<t>Due</t>", "<t>RAG</t>",
                "<t>1.1a</t>",
                #"<r><t xml:space="preserve">Publish the </t></r><r><rPr><b/></rPr><t>guidance</t></r><rPh><t>x</t></rPh>"#,
                "<t>Amber</t>", "<t>1.1b</t>",
            ])
    }

    @Test func excelWorkbook() throws {
        let box = try TemporaryFolder()
        let path = try box.write("tracker.xlsx", Self.workbook())
        let table = try TableFile.read(path, sheet: "actions")
        #expect(table.rows.map(\.number) == [1, 2, 4])
        #expect(table.rows[0].cells.map(\.text) == ["Ref", "Action", "Owner", "Due", "RAG", "Agreed", "Checked"])
        #expect(
            table.rows[1].cells.map(\.text) == [
                "1.1a", "Publish the guidance", "Named Nurse", "45000", "Amber", "2023-01-01", "TRUE",
            ])
        #expect(table.rows[1].cells[3].number == 45000)
        // Missing cells are filled in.
        #expect(table.rows[2].cells.map(\.text) == ["1.1b", "Audit records", "", "", "G", "", "FALSE"])

        let result = try PlanImporter.makePlan(from: table, options: ImportOptions(title: "Workbook", asAt: Self.day))
        let plan = result.document.plan
        #expect(plan.actions.map(\.ref) == ["1.1a", "1.1b"])
        #expect(plan.actions.map(\.text) == ["Publish the guidance", "Audit records"])
        #expect(plan.actions.map(\.status) == [.amber, .green])
        #expect(plan.actions[0].due == Due(text: "2023-03-15", date: date("2023-03-15")))
        #expect(
            plan.actions[0].extraFields.map { "\($0.name): \($0.value)" } == ["Agreed: 2023-01-01", "Checked: TRUE"])
        #expect(plan.actions[1].extraFields.map { "\($0.name): \($0.value)" } == ["Checked: FALSE"])
        #expect(plan.actions[1].owners.isEmpty && plan.actions[1].due == nil)

        // By default the first sheet with a header row, saying which sheets were passed over.
        let first = try TableFile.read(path)
        #expect(first.rows == table.rows)
        #expect(first.source == ["sheet 'Actions', the first with a header row (passed over: 'Notes')"])
        // …or the first sheet, when none has a header.
        let notes = try box.write(
            "notes.xlsx",
            try makeWorkbook(
                sheets: [("Notes", #"<row r="1"><c r="A1" t="inlineStr"><is><t>Read me</t></is></c></row>"#)],
                sharedStrings: []))
        #expect(try TableFile.read(notes).rows.map { $0.cells.map(\.text) } == [["Read me"]])
    }

    /// A workbook written by another program (openpyxl, as a council's script might):
    /// a cover sheet first, a title row, its own headings, date cells with a UK number
    /// format, blank cells under a theme, bullets and a blank line inside a cell.
    @Test func workbookFromAnotherWriter() throws {
        let result = try Self.importFile("openpyxl-tracker.xlsx", sheet: "Action plan")
        let plan = result.document.plan
        #expect(result.report.rowsAbove == [1] && result.report.headerRow == 3 && result.report.rowsRead == 6)
        #expect(
            result.report.columns.map(\.use) == [
                .field(.section), .field(.area), .field(.ref), .field(.action), .field(.owner), .field(.due),
                .field(.rag), .field(.progress), .extra(name: "Evidence", reason: nil),
            ])
        #expect(
            plan.actions.map { "\($0.ref) \($0.status.code) \($0.due?.text ?? "-")" } == [
                "1.1a G 2023-07-13", "1.1b A 2023-08-31", "1.2a R To be determined",
                "2.1a G 2023-10-31", "2.1b N 2023-09-30", "2.1c A 2024-01-09",
            ])
        #expect(plan.sections.map { "\($0.number) \($0.title)" } == ["1 Hearing from children", "2 Working together"])
        #expect(plan.actions[0].notes.map(\.text) == ["Audit done.\n\n- 60% recorded views\n- 20% used own words"])
        #expect(plan.actions[1].owners == ["PSW", "Named Nurse"])
        // Only the free-text due is reported; the dates were read as dates.
        #expect(
            result.report.values.map(\.description) == [
                "row 6: Target completion date: 'To be determined' is not a date; kept as a free-text due"
            ])
    }

    @Test func excelDateSerials() {
        #expect(PlanDate(excelSerial: 45000, date1904: false) == date("2023-03-15"))
        #expect(PlanDate(excelSerial: 45000.75, date1904: false) == date("2023-03-15"))
        #expect(PlanDate(excelSerial: 1, date1904: false) == date("1900-01-01"))
        #expect(PlanDate(excelSerial: 59, date1904: false) == date("1900-02-28"))
        #expect(PlanDate(excelSerial: 60, date1904: false) == nil)  // 1900-02-29, which Excel counts but never was
        #expect(PlanDate(excelSerial: 61, date1904: false) == date("1900-03-01"))
        #expect(PlanDate(excelSerial: 43538, date1904: true) == date("2023-03-15"))
        #expect(PlanDate(excelSerial: 0, date1904: false) == nil && PlanDate(excelSerial: -5, date1904: false) == nil)
        #expect(
            PlanDate(excelSerial: .infinity, date1904: false) == nil
                && PlanDate(excelSerial: 3e6, date1904: false) == nil)
    }

    @Test func workbooksThatCannotBeRead() throws {
        let box = try TemporaryFolder()
        let text = try box.write("text.xlsx", Data("Ref,Action\n1.1a,Do it\n".utf8))
        #expect(throws: ImportError("not an .xlsx workbook: the file is not a zip archive")) {
            try TableFile.read(text)
        }
        let workbook = try box.write("book.xlsx", Self.workbook())
        #expect(throws: ImportError("the workbook has no sheet named 'Sheet9'; its sheets are 'Notes', 'Actions'")) {
            try TableFile.read(workbook, sheet: "Sheet9")
        }
        for rows in ["<row><c><v>1</v></row>", "<row r=1/>", "<row><c t=\"s\"><v>&bogus;</v></c></row>"] {
            let broken = try box.write("broken.xlsx", try makeWorkbook(sheets: [("A", rows)], sharedStrings: []))
            #expect(throws: ImportError("xl/worksheets/sheet1.xml in the workbook is not valid XML (line 2)")) {
                try TableFile.read(broken)
            }
        }
        let missing = try box.write(
            "missing.xlsx", try makeWorkbook(sheets: [("A", #"<row><c t="s"><v>7</v></c></row>"#)], sharedStrings: []))
        #expect(
            throws: ImportError(
                "xl/worksheets/sheet1.xml refers to shared string 7, which xl/sharedStrings.xml does not have")
        ) {
            try TableFile.read(missing)
        }
        let csv = try box.write("tracker.csv", try Self.workbook())
        #expect(
            throws: ImportError(
                "this is a zip archive, not CSV text; if it is an Excel workbook, give it the extension .xlsx")
        ) {
            try TableFile.read(csv)
        }
        #expect(throws: ImportError("--sheet is for workbooks; a .csv file has one table")) {
            try TableFile.read(Self.fixture("tracker.csv"), sheet: "Sheet1")
        }
        #expect(throws: ImportError("cannot read: no such file")) { try TableFile.read(box.path("old.xls")) }
        #expect(throws: ImportError("cannot import .numbers2 files; give a .csv, .tsv, .xlsx, .xls or .ods file")) {
            try TableFile.read(box.path("old.numbers2"))
        }
        #expect(throws: ImportError("cannot read: no such file")) { try TableFile.read(box.path("missing.csv")) }
    }

    // MARK: - Round trip and counts

    /// Import, export as the board pack CSV, import again: the same plan.
    @Test(arguments: [
        "comma-lf.csv", "semicolon-crlf-bom.csv", "quoted-multiline.csv", "tracker.csv", "tracker.tsv", "workbook",
        "openpyxl-tracker.xlsx",
    ])
    func roundTripThroughTheBoardPackCSV(_ name: String) throws {
        let first: Plan
        if name.hasSuffix(".xlsx") {
            first = try Self.importFile(name, sheet: "Action plan").document.plan
        } else if name == "workbook" {
            let table = try XLSXReader.read(try Self.workbook(), sheet: "Actions")
            first = try PlanImporter.makePlan(from: table, options: ImportOptions(title: "Imported", asAt: Self.day))
                .document.plan
        } else {
            first = try Self.importFile(name).document.plan
        }
        let csv = BoardPackCSV.render(BoardPack(plan: first, asOf: Self.day))
        let again = try Self.importCSV(csv)
        #expect(
            again.report.columns.filter { if case .ignored = $0.use { true } else { false } }.map(\.heading)
                == ["Due date", "Overdue", "Latest note date"])
        let second = again.document.plan
        #expect(second.actions.map(\.ref) == first.actions.map(\.ref))
        #expect(second.actions.map(\.status) == first.actions.map(\.status))
        #expect(second.actions.map(\.owners) == first.actions.map(\.owners))
        #expect(second.actions.map(\.due) == first.actions.map(\.due))
        #expect(second.actions.map(\.text) == first.actions.map(\.text))
        #expect(second.actions.map { $0.notes.map(\.text) } == first.actions.map { $0.notes.map(\.text) })
        #expect(
            second.actions.map { $0.extraFields.map { "\($0.name): \($0.value)" } }
                == first.actions.map { $0.extraFields.map { "\($0.name): \($0.value)" } })
        #expect(second.sections.map(\.number) == first.sections.map(\.number))
        #expect(second.sections.map(\.title) == first.sections.map(\.title))
        #expect(
            second.sections.map { $0.areas.map { "\($0.number) \($0.title)" } }
                == first.sections.map { $0.areas.map { "\($0.number) \($0.title)" } })
        #expect(second.statusKey == first.statusKey)
    }

    /// Cells that the board pack guards against running as formulas read back as they were.
    @Test func roundTripOfCellsThatLookLikeFormulas() throws {
        let first = try Self.importCSV(
            """
            Ref,Action,Owner,Progress
            1.1a,"• Publish the guidance
            • Train the staff",+44 team,"=SUM(A1) is not a formula
            -5% on last quarter"
            """
        ).document.plan
        #expect(
            first.actions[0].text == "- Publish the guidance\n- Train the staff"
                && first.actions[0].owners == ["+44 team"])
        let csv = BoardPackCSV.render(BoardPack(plan: first, asOf: Self.day))
        #expect(csv.contains("\"'- Publish the guidance\r\n- Train the staff\",'+44 team"))
        let second = try Self.importCSV(csv).document.plan
        #expect(second.actions.map(\.text) == first.actions.map(\.text))
        #expect(second.actions.map(\.owners) == first.actions.map(\.owners))
        #expect(second.actions.map { $0.notes.map(\.text) } == [["=SUM(A1) is not a formula\n\n-5% on last quarter"]])
        // Elsewhere a leading ' is text.
        #expect(try Self.importCSV("Action\n'-5% is text\n").document.plan.actions[0].text == "'-5% is text")
    }

    /// The summary's counts are the counts of the spreadsheet's RAG column.
    @Test func summaryCountsMatchTheRAGColumn() throws {
        let table = try TableFile.read(Self.fixture("tracker.csv"))
        var expected: [Status: Int] = [:]
        for row in table.rows.dropFirst() { expected[ImportValues.status(row.cells[5].text)!, default: 0] += 1 }
        #expect(expected == [.blue: 1, .green: 2, .amber: 3, .red: 1, .notStarted: 1])
        let summary = PlanSummary(plan: try Self.importFile("tracker.csv").document.plan, asOf: Self.day)
        #expect(summary.overall.total == 8)
        for status in Status.allCases { #expect(summary.overall[status] == expected[status, default: 0]) }
        #expect(summary.overall.complete == 3)
    }

    // MARK: - Values

    @Test(arguments: [
        ("R", Status.red), ("Red", .red), ("RED", .red), ("red ", .red), ("A", .amber), ("Amber", .amber),
        ("amber", .amber),
        ("G", .green), ("Green", .green), ("Complete", .green), ("Completed", .green), ("Done", .green),
        ("COMPLETE", .green),
        ("B", .blue), ("Blue", .blue), ("N", .notStarted), ("Not started", .notStarted), ("Not Started", .notStarted),
        ("not-started", .notStarted), ("G - Completed", .green), ("Amber (on track)", .amber), ("R: delayed", .red),
    ])
    func statusSpellings(_ text: String, _ status: Status) {
        #expect(ImportValues.status(text) == status)
    }

    @Test(arguments: ["N/A", "n/a", "TBC", "Amber/Green", "Purple", "?", "Greenish"])
    func notStatuses(_ text: String) {
        #expect(ImportValues.status(text) == nil)
    }

    @Test(arguments: [
        ("2023-07-13", "2023-07-13"), ("13/07/2023", "2023-07-13"), ("28/02/2023", "2023-02-28"),
        ("28/2/23", "2023-02-28"),
        ("13 July 2023", "2023-07-13"), ("13-Jul-23", "2023-07-13"), ("13 Jul 2023", "2023-07-13"),
        ("13 Jul 23", "2023-07-13"),
        ("13th July 2023", "2023-07-13"), ("Thursday 13 July 2023", "2023-07-13"), ("13.07.2023", "2023-07-13"),
        ("13-07-2023", "2023-07-13"), ("2023-7-13", "2023-07-13"), ("2023-07-13 00:00:00", "2023-07-13"),
        ("2023-07-13T00:00:00Z", "2023-07-13"), (" 1 Sept 2026 ", "2026-09-01"),
    ])
    func dateForms(_ text: String, _ iso: String) {
        #expect(ImportValues.date(text) == .date(date(iso)))
    }

    @Test func datesThatAreNotDates() {
        #expect(ImportValues.date("31/02/2026") == .impossible("'31/02/2026' is not a date: February 2026 has 28 days"))
        #expect(ImportValues.date("31-Feb-26") == .impossible("'31-Feb-26' is not a date: February 2026 has 28 days"))
        #expect(ImportValues.date("07/13/2023") == .impossible("'07/13/2023' is not a date: there is no month 13"))
        for text in ["March 2026", "Quarterly", "TBC", "Q3 2026", "end of June", "45000"] {
            #expect(ImportValues.date(text) == .notADate, "\(text)")
        }
    }

    @Test func duesThatAreNotDates() throws {
        let result = try Self.importCSV(
            """
            Ref,Action,Due
            1.1a,Impossible,31/02/2026
            1.1b,Free text,To be agreed
            1.1c,One date in a sentence,Launch on 9 January 2026
            1.1d,Two dates,Between 1 May 2026 and 1 June 2026
            """)
        let plan = result.document.plan
        #expect(
            plan.actions.map { $0.due?.text } == [
                nil, "To be agreed", "Launch on 9 January 2026", "Between 1 May 2026 and 1 June 2026",
            ])
        #expect(plan.actions.map { $0.due?.date } == [nil, nil, date("2026-01-09"), nil])
        #expect(
            result.report.values.map(\.description) == [
                "row 2: Due: '31/02/2026' is not a date: February 2026 has 28 days; kept as the extra field 'Due (not a date)', with no due date",
                "row 3: Due: 'To be agreed' is not a date; kept as a free-text due",
                "row 5: Due: 'Between 1 May 2026 and 1 June 2026' is not a date; kept as a free-text due",
            ])
        // The impossible date is kept, as an extra field, so that the plan stays valid.
        #expect(plan.actions[0].extraFields.map { "\($0.name): \($0.value)" } == ["Due (not a date): 31/02/2026"])
    }

    /// A CSV saved from Excel shows a date cell as its serial number when the cell had
    /// a number format; in a due column five such digits are a date, a year is not.
    @Test func excelSerialsInACSVDueColumn() throws {
        let result = try Self.importCSV(
            """
            Ref,Action,Due
            1.1a,Serial,45230
            1.1b,Serial with a time,45230.5
            1.1c,A year,2026
            1.1d,Too small to be a recent date,12345
            """)
        let plan = result.document.plan
        #expect(plan.actions.map { $0.due?.text } == ["2023-10-31", "2023-10-31", "2026", "12345"])
        #expect(ImportValues.excelSerial("45230") == 45230 && ImportValues.excelSerial("4523") == nil)
        #expect(ImportValues.excelSerial("45230x") == nil && ImportValues.excelSerial("85000") == nil)
    }

    @Test(arguments: [
        ("RAG rating", ImportField.rag), ("Current status", .rag), ("Status (RAG)", .rag), ("Action status", .rag),
        ("Target completion date", .due), ("Date due", .due), ("Timescales", .due), ("End date", .due),
        ("Lead officer", .owner), ("Lead agency", .owner), ("Responsible officer", .owner),
        ("Action no.", .ref), ("Action ID", .ref), ("Ref no", .ref),
        ("Progress to date", .progress), ("Latest update", .progress), ("Status update", .progress),
        ("Status commentary", .progress),
        ("Key theme", .section), ("Area for development", .area), ("Inspection finding", .area),
        ("Actions to be taken", .action), ("Action required", .action),
    ])
    func headingsReadByTheirWords(_ heading: String, _ field: ImportField) {
        #expect(ImportField.matching(heading) == nil, "an exact synonym; test it elsewhere")
        #expect(ImportField.matchingWords(heading) == field)
    }

    @Test func headingsNotReadByTheirWords() {
        for heading in ["Date of last update", "Comments", "Evidence", "Date raised", "% done", "Budget"] {
            #expect(ImportField.matchingWords(heading) == nil, "\(heading)")
        }
    }

    /// A council tracker's own headings: whole-heading synonyms win over word matches,
    /// whatever their order, and the summary gives the spreadsheet's RAG counts.
    @Test func aCouncilTrackerWithItsOwnHeadings() throws {
        let result = try Self.importCSV(
            """
            Theme,Finding,Action no.,Actions to be taken,Lead officer,Target completion date,RAG rating,Progress to date,Status
            1. Voice,1.1 Records,1.1a,Audit files,Head of QA,13/07/2023,Complete,Done,Open
            1. Voice,1.1 Records,1.1b,Refresh guidance,PSW,31-Aug-23,Amber,Drafted,Open
            2. Meetings,2.1 Strategy,2.1a,Health attend,Designated Nurse,45230,Green,98% attendance,Closed
            2. Meetings,2.1 Strategy,2.1b,Police notes,DI,30 September 2023,R,Paused,Open
            """)
        #expect(
            result.report.columns.map(\.use) == [
                .field(.section), .field(.area), .field(.ref), .field(.action), .field(.owner), .field(.due),
                .field(.rag), .field(.progress),
                .extra(name: "Column Status", reason: "'RAG rating' is already read as that field"),
            ])
        let plan = result.document.plan
        #expect(
            plan.actions.map { "\($0.ref) \($0.status.code) \($0.due?.text ?? "-")" } == [
                "1.1a G 2023-07-13", "1.1b A 2023-08-31", "2.1a G 2023-10-31", "2.1b R 2023-09-30",
            ])
        #expect(plan.actions.map { $0.extraFields.map(\.value) } == [["Open"], ["Open"], ["Closed"], ["Open"]])
        let summary = PlanSummary(plan: plan, asOf: Self.day)
        #expect(summary.overall.total == 4 && summary.overall.complete == 2)
        #expect([Status.red, .amber, .green].map { summary.overall[$0] } == [1, 1, 2])
    }

    @Test func owners() {
        #expect(ImportValues.owners("Head of Service; Named Nurse") == ["Head of Service", "Named Nurse"])
        #expect(ImportValues.owners("Chief Nurse, NHS Trust / ICB") == ["Chief Nurse, NHS Trust / ICB"])
        #expect(ImportValues.owners("DCI Smith\r\n• Head of Education\n\n;") == ["DCI Smith", "Head of Education"])
        #expect(ImportValues.owners("Police and Health") == ["Police and Health"])
    }

    @Test func proseFromCells() {
        // Bullets as `- `; each line of the cell a paragraph or list item; blank runs as one.
        #expect(
            ImportValues.prose(
                "  Audit results:\r\n• 87% of records\n◦ 64%\n* done\n– dash\n\n\n\nNext steps.\nThen more.  \n\n")
                == [
                    "Audit results:", "- 87% of records", "- 64%", "- done", "- dash", "", "Next steps.", "",
                    "Then more.",
                ])
        #expect(
            ImportValues.prose("-5% on last quarter\n1. First\n2. Second") == [
                "-5% on last quarter", "1. First", "2. Second",
            ])
        #expect(ImportValues.prose(" \n\n ") == [])
    }

    @Test(arguments: [
        ("1. Children's voices", "1", "Children's voices"), ("1 Children's voices", "1", "Children's voices"),
        ("Section 2: Identifying risk", "2", "Identifying risk"), ("Priority 3 - Leadership", "3", "Leadership"),
        ("10) Governance", "10", "Governance"), ("4", "4", ""),
    ])
    func numberedSections(_ cell: String, _ number: String, _ title: String) {
        let read = ImportValues.numbered(cell, dotted: false)
        #expect(read.number == number && read.title == title)
    }

    @Test func unnumberedCells() {
        #expect(ImportValues.numbered("Children's voices", dotted: false).number == nil)
        #expect(ImportValues.numbered("2023 review", dotted: false).number == nil)
        #expect(ImportValues.numbered("1.2 Leaders", dotted: false).number == nil)
        let area = ImportValues.numbered("1.2. Leaders' understanding", dotted: true)
        #expect(area.number == "1.2" && area.title == "Leaders' understanding")
    }

    // MARK: - Layout

    @Test func sectionsWithoutNumbersAreNumberedInOrder() throws {
        let plan = try Self.importCSV(
            """
            Theme,Area for improvement,Action,RAG
            Leadership,Oversight by leaders,Hold quarterly reviews,A
            ,,Publish the findings,G
            2. Voice of the child,,Run a survey,R
            Early help,Thresholds,Publish the threshold document,A
            Leadership,Oversight by leaders,Report to the board,G
            Leadership,1.5 Training,Train managers,G
            """
        ).document.plan
        #expect(
            plan.sections.map { "\($0.number) \($0.title)" } == [
                "1 Leadership", "2 Voice of the child", "3 Early help",
            ])
        #expect(
            plan.sections.map { $0.areas.map { "\($0.number) \($0.title)" } }
                == [["1.1 Oversight by leaders", "1.5 Training"], ["2.1 Voice of the child"], ["3.1 Thresholds"]])
        // Refs within their areas; actions grouped by area in row order.
        #expect(plan.actions.map(\.ref) == ["1.1a", "1.1b", "1.1c", "1.5a", "2.1a", "3.1a"])
        #expect(
            plan.actions.map(\.text) == [
                "Hold quarterly reviews", "Publish the findings", "Report to the board",
                "Train managers", "Run a survey", "Publish the threshold document",
            ])
    }

    @Test func generatedRefsSkipTheRefsInUse() throws {
        let plan = try Self.importCSV(
            """
            Ref,Action,RAG
            1.1b,Second,A
            ,No ref,A
            ,Another,G
            1.2a,Elsewhere,R
            ,Follows 1.2a,R
            """
        ).document.plan
        #expect(plan.actions.map(\.ref) == ["1.1b", "1.1a", "1.1c", "1.2a", "1.2b"])
        #expect(plan.sections.flatMap(\.areas).map(\.number) == ["1.1", "1.2"])
    }

    @Test func noRAGColumnMeansNotStarted() throws {
        let result = try Self.importCSV("Action\nDo one thing\nDo another\n")
        #expect(result.document.plan.actions.map(\.status) == [.notStarted, .notStarted])
        #expect(result.document.plan.actions.map(\.ref) == ["1.1a", "1.1b"])
        #expect(result.report.text.contains("(no RAG column: every action is N, Not started)"))
    }

    @Test func columnMapOverridesHeadings() throws {
        let result = try Self.importCSV(
            """
            Id,Task,Lead officer,Owner,Notes,Status
            A1,Do the thing,Sam Patel,Jo Bloggs,Internal only,Green
            """, map: [("id", .ref), ("TASK", .action), ("Lead Officer", .owner), ("notes", .ignore)])
        let action = try #require(result.document.plan.actions.first)
        #expect(action.ref == "A1" && action.text == "Do the thing" && action.owners == ["Sam Patel"])
        #expect(action.extraFields.map { "\($0.name): \($0.value)" } == ["Column Owner: Jo Bloggs"])
        #expect(
            result.report.columns.map(\.use) == [
                .field(.ref), .field(.action), .field(.owner),
                .extra(name: "Column Owner", reason: "'Lead officer' is already read as that field"),
                .ignored(reason: "--map"), .field(.rag),
            ])
        #expect(
            Self.failures("Ref,Action\n1,x\n", map: [("Lead", .owner)]) == [
                "--map Lead=owner: no column is headed 'Lead'; the columns are 'Ref', 'Action'"
            ])
        #expect(
            Self.failures("Ref,Action,Task\n1,x,y\n", map: [("Action", .action), ("Task", .action)]) == [
                "--map gives two columns to action: 'Action' and 'Task'"
            ])
        #expect(
            Self.failures("Ref,Action\n1,x\n", map: [("Ref", .ref), ("ref", .owner)]) == [
                "--map names the column 'Ref' twice"
            ])
        #expect(
            Self.failures("Ref,Task\n1,x\n") == [
                "no column holds the actions: none is headed 'Action', 'What we will do', 'Description', 'Actions'; "
                    + "name it with --map COLUMN=action (the columns are 'Ref', 'Task')"
            ])
    }

    @Test func otherColumnsAreKeptAsExtraFields() throws {
        let result = try Self.importCSV(
            """
            Action,% done,Date raised,Note,,Risks: key
            Do it,50%,1 May 2026,See minutes,Unheaded,"Budget
            Staffing"
            """)
        let action = try #require(result.document.plan.actions.first)
        #expect(
            action.extraFields.map { "\($0.name): \($0.value)" } == [
                "Column done: 50%", "Date raised: 1 May 2026", "Column Note: See minutes", "Column E: Unheaded",
                "Risks key: Budget\n\nStaffing",
            ])
    }

    @Test func headerBelowATitle() throws {
        let result = try Self.importCSV(
            """
            Written statement of action,,
            ,,
            Ref,Action,RAG
            1.1a,Do it,A

            1.1b,Do more,G
            """)
        #expect(result.report.headerRow == 3 && result.report.rowsAbove == [1])
        #expect(result.report.rowsRead == 2 && result.report.blankRows == 1)
        #expect(result.document.plan.actions.map(\.ref) == ["1.1a", "1.1b"])
        #expect(
            Self.failures("Title\nRef,Action,RAG\n1.1a,Do it,N/A\n") == [
                "row 3: RAG 'N/A' is not a status; use R, A, G, B or N (or Red, Amber, Green, Complete, Done, Blue, Not started)"
            ])
    }

    @Test func textThatWouldReadAsAField() throws {
        let plan = try Self.importCSV(
            """
            Action,Owner
            "Agree the policy.
            - Owner: the board, once agreed
            - Note 2026-01-05: not a note",Sam
            """
        ).document.plan
        #expect(
            plan.actions[0].text == "Agree the policy.\n* Owner: the board, once agreed\n* Note 2026-01-05: not a note")
        #expect(plan.actions[0].owners == ["Sam"])
        #expect(
            Self.failures("Action,Progress\n\"Do it\n<!-- hidden\",x\n") == [
                "row 2: a line of 'Action' starts with `<!--`, which a plan reads as the start of a comment"
            ])
    }

    @Test func reportText() throws {
        let result = try Self.importCSV(
            """
            Ref,Action,Action Owner,Due by,RAG,Lead,Progress update
            1.1a,Do it,Sam,TBC,,Jo,Started.
            1.1b,,Sam,,A,,
            """, skipBadRows: true)
        #expect(
            result.report.text == """
                Rows: 2 read under the header on row 1
                Columns:
                  Ref              -> ref
                  Action           -> action
                  Action Owner     -> owner
                  Due by           -> due
                  RAG              -> rag
                  Lead             -> kept as the extra field 'Lead' ('Action Owner' is already read as that field)
                  Progress update  -> progress (a note dated 2026-03-01)
                Actions: 1 in 1 section, 1 area: R 0  A 0  G 0  N 1
                Values not interpreted (2):
                  row 2: Due by: 'TBC' is not a date; kept as a free-text due
                  row 2: RAG: empty; read as N (Not started)
                Rows skipped (1, --skip-bad-rows):
                  row 3: no action text (column 'Action' is empty)

                """)
        #expect(
            result.document.text == """
                # Imported
                - As at: 2026-03-01
                - Status R (Red): Delayed or at risk of not being achieved within timescale
                - Status A (Amber): In progress and on track
                - Status G (Green): Completed
                - Status N (Not started): Not started

                ## 1 Section 1

                ### 1.1 Area 1.1

                - [N] 1.1a Do it
                  - Owner: Sam
                  - Due: TBC
                  - Lead: Jo
                  - Note 2026-03-01: Started.

                """)
    }

    @Test func anExtraFieldAloneFollowsAnAddedLine() throws {
        let plan = try Self.importCSV("Action,Comments\nDo it,Later\n").document.plan
        #expect(plan.actions[0].extraFields.map(\.value) == ["Later"])
        #expect(plan.actions[0].history.map(\.change) == [.added("")])
    }

    // MARK: - Hostile inputs

    @Test func raggedRows() throws {
        // Short rows are padded; cells past the header are fine when empty.
        let plan = try Self.importCSV("Ref,Action,Owner,RAG\n1.1a,Short\n1.1b,Long,Sam,G,,\n").document.plan
        #expect(plan.actions.map(\.ref) == ["1.1a", "1.1b"] && plan.actions[0].owners.isEmpty)
        // A value past the header is an error: it has no column to go in.
        let ragged = "Ref,Action,RAG\n1.1a,Do it,A,Surprise\n1.1b,Fine,G\n"
        #expect(
            Self.failures(ragged) == [
                "row 2: 'Surprise' in column D, beyond the header's last column (C); give the column a heading"
            ])
        let skipped = try Self.importCSV(ragged, skipBadRows: true)
        #expect(skipped.document.plan.actions.map(\.ref) == ["1.1b"] && skipped.report.skipped.map(\.row) == [2])
    }

    @Test func emptyFiles() {
        for text in ["", "\u{FEFF}", " \n\r\n\t"] {
            #expect(throws: ImportError("the file is empty")) { try DelimitedText.read(Data(text.utf8)) }
        }
        #expect(Self.failures("Ref,Action,RAG\n") == ["no rows to import"])
        #expect(Self.failures("Ref,Action,RAG\n,,\n") == ["no rows to import"])
        #expect(Self.failures("Ref,Action,RAG\n1.1a,,A\n") == ["row 2: no action text (column 'Action' is empty)"])
        let blank = ImportTable(rows: [.init(number: 1, cells: [""])])
        #expect(
            performing: { try PlanImporter.makePlan(from: blank, options: ImportOptions(title: "x", asAt: Self.day)) },
            throws: { ($0 as? ImportFailure)?.errors == [ImportError("the file has no rows")] })
    }

    @Test func binaryFiles() {
        #expect(throws: ImportError("NUL byte on line 2: this looks like a binary file, not CSV text")) {
            try DelimitedText.read(Data("Ref,Action\n1.1a,\0\0".utf8))
        }
        // 0x81 is not a character in Windows-1252 either (0x92, its ’, is: see windows1252Text).
        #expect(
            throws: ImportError(
                "not UTF-8 text: byte 0x81 on line 2; save the file as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\")"
            )
        ) {
            try DelimitedText.read(Data("Ref,Action\n1.1a,Children".utf8) + Data([0x81]) + Data("s voices\n".utf8))
        }
        #expect(throws: ImportError(row: 2, "a quoted cell is not closed: the file ends inside it")) {
            try DelimitedText.read(Data("Ref,Action\n1.1a,\"Open\n1.1b,Closed\n".utf8))
        }
        #expect(throws: ImportError("not an .xlsx workbook: the file is not a zip archive")) {
            try XLSXReader.read(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        }
    }

    /// UTF-16 with a byte order mark, as Excel saves "Unicode text".
    @Test func utf16Text() throws {
        var data = Data([0xFF, 0xFE])
        data.append("Ref\tAction\tRAG\r\n1.1a\tHear children’s voices\tG\r\n".data(using: .utf16LittleEndian)!)
        let plan = try PlanImporter.makePlan(
            from: try DelimitedText.read(data), options: ImportOptions(title: "x", asAt: Self.day)
        ).document.plan
        #expect(plan.actions.map(\.text) == ["Hear children’s voices"] && plan.actions[0].status == .green)
    }

    @Test func separators() {
        #expect(DelimitedText.separator(in: Array("a;b;\"c,d,e\"\n1,2,3".utf8)) == UInt8(ascii: ";"))
        #expect(DelimitedText.separator(in: Array("a\tb,c\td\n".utf8)) == UInt8(ascii: "\t"))
        #expect(DelimitedText.separator(in: Array("\n\na,b;c\n".utf8)) == UInt8(ascii: ","))
        #expect(DelimitedText.separator(in: Array("single\n".utf8)) == UInt8(ascii: ","))
    }

    @Test func aHugeCell() throws {
        let huge = String(repeating: "Children's voices are heard. ", count: 36_000)  // about 1 MB
        let started = threadCPUSeconds()
        let csv = "Ref,Action,Due,Progress\n1.1a,\"\(huge)\",\(huge),\"\(huge)\"\n"
        let result = try Self.importCSV(csv)
        let action = try #require(result.document.plan.actions.first)
        #expect(action.text.utf8.count == huge.trimmingCharacters(in: .whitespaces).utf8.count)
        #expect(action.notes.map(\.text) == [action.text])
        // Far too long for a due date: kept whole, as an extra field.
        #expect(
            action.due == nil && action.extraFields.map(\.name) == ["Due (not a date)"]
                && action.extraFields[0].value == action.text)
        #expect(
            result.report.values.map(\.description)
                == [
                    "row 2: Due: 1043999 characters are too many for a due date; kept as the extra field 'Due (not a date)', with no due date"
                ])
        // A guard against a quadratic pass (hours on 3 MB), loose enough that a loaded machine never trips it.
        #expect(threadCPUSeconds() - started < 60)
    }

    @Test func duplicateRefs() throws {
        let csv = "Ref,Action,RAG\n1.1a,First,A\n1.1A,Second,G\n1.1b,Third,R\n"
        #expect(Self.failures(csv) == ["row 3: duplicate ref 1.1A (row 2 has it too)"])
        let result = try Self.importCSV(csv, skipBadRows: true)
        #expect(result.document.plan.actions.map(\.text) == ["First", "Third"])
        #expect(result.report.skipped.map(\.description) == ["row 3: duplicate ref 1.1A (row 2 has it too)"])
    }

    @Test func badRowsAreAllListed() throws {
        let csv = """
            Ref,Action,RAG
            1.1a,Fine,A
            1.1b,,G
            1.1c,Unclear,N/A
            1.1 d,Spaces are dropped,R
            1.1(e),Bracket,R
            """
        #expect(
            Self.failures(csv) == [
                "row 3: no action text (column 'Action' is empty)",
                "row 4: RAG 'N/A' is not a status; use R, A, G, B or N (or Red, Amber, Green, Complete, Done, Blue, Not started)",
                "row 6: Ref '1.1(e)' cannot be a ref: a ref holds letters, digits and . _ / -, starting with a letter or digit, e.g. 1.1a",
            ])
        let result = try Self.importCSV(csv, skipBadRows: true)
        #expect(result.document.plan.actions.map(\.ref) == ["1.1a", "1.1d"])
        #expect(result.report.skipped.compactMap(\.row) == [3, 4, 6])
        #expect(result.report.rowsRead == 5 && result.report.actions == 2)
    }

    @Test func anAreaInTwoSections() throws {
        let csv = "Section,Area,Action\n1 One,1.1 Shared,First\n2 Two,1.1 Shared,Second\n"
        #expect(Self.failures(csv) == ["row 3: area 1.1 is in section 1 (row 2), so it cannot also be in section 2"])
        #expect(try Self.importCSV(csv, skipBadRows: true).document.plan.actions.map(\.text) == ["First"])
    }
}

// MARK: - Helpers

/// A temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-import-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ data: Data) throws -> String {
        try data.write(to: url.appendingPathComponent(name))
        return path(name)
    }
}

/// A minimal .xlsx: `[Content_Types].xml`, `_rels/.rels`, the workbook, its relationships,
/// shared strings (each the inside of an `<si>`), a style that shows dates (style 1),
/// and one worksheet per sheet (the rows of its `<sheetData>`).
func makeWorkbook(
    sheets: [(name: String, rows: String)], sharedStrings: [String], extraParts: [(path: String, text: String)] = []
) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    func add(_ path: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate)
        { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let package = "http://schemas.openxmlformats.org/package/2006/relationships"
    try add(
        "[Content_Types].xml",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        </Types>
        """)
    try add(
        "_rels/.rels",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="\(package)"><Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """)
    try add(
        "xl/workbook.xml",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets>\
        \(sheets.enumerated().map { #"<sheet name="\#($1.name)" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined())\
        </sheets></workbook>
        """)
    try add(
        "xl/_rels/workbook.xml.rels",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="\(package)">\
        \(sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined())\
        </Relationships>
        """)
    try add(
        "xl/sharedStrings.xml",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="\(main)" count="\(sharedStrings.count)">\(sharedStrings.map { "<si>\($0)</si>" }.joined())</sst>
        """)
    try add(
        "xl/styles.xml",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>
        """)
    for (index, sheet) in sheets.enumerated() {
        try add(
            "xl/worksheets/sheet\(index + 1).xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="\(main)"><sheetData>\(sheet.rows)</sheetData></worksheet>
            """)
    }
    for part in extraParts { try add(part.path, part.text) }
    return try #require(archive.data)
}
