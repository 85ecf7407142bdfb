import Foundation
import Testing

@testable import PlanCore
@testable import PlanImport

/// Trackers laid out as boards keep them (issue 18): banner rows for sections, area rows
/// with their findings, one column per update round, and the files people have.
@Suite("Import layouts")
struct ImportLayoutTests {
    static func fixture(_ name: String) -> String {
        Fixtures.directory.appendingPathComponent("import/\(name)").path
    }

    static func importFile(
        _ name: String, asAt: String = "2026-03-01", map: [(String, ImportField)] = [],
        sectionRows: Bool = false, areaRows: Bool = false
    ) throws -> ImportResult {
        let title = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        return try PlanImporter.makePlan(
            from: try TableFile.read(fixture(name)),
            options: ImportOptions(
                title: title, asAt: date(asAt), columnMap: map, sectionRows: sectionRows, areaRows: areaRows))
    }

    static func importCSV(
        _ text: String, map: [(String, ImportField)] = [], sectionRows: Bool = false, areaRows: Bool = false
    ) throws -> ImportResult {
        try PlanImporter.makePlan(
            from: try DelimitedText.read(Data(text.utf8)),
            options: ImportOptions(
                title: "T", asAt: date("2026-03-01"), columnMap: map, sectionRows: sectionRows, areaRows: areaRows))
    }

    /// Each fixture gives exactly its golden plan, which `check` passes with no warning
    /// (the board checks included, on the plan's As at day).
    @Test(arguments: [
        ("word-table.csv", "2026-03-01"), ("merged-banners.xlsx", "2026-03-01"),
        ("update-rounds.csv", "2023-02-28"), ("windows-1252.csv", "2026-03-01"),
    ])
    func thePlanWritten(_ name: String, _ asAt: String) throws {
        let result = try Self.importFile(name, asAt: asAt)
        let golden = Fixtures.directory.appendingPathComponent(
            "golden/\(URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent).plan")
        #expect(
            String(decoding: result.document.data, as: UTF8.self)
                == String(decoding: try Data(contentsOf: golden), as: UTF8.self))
        #expect(result.document.warnings.map(\.description) == [])
        let day = date(asAt)
        #expect(BoardCheck.warnings(for: result.document.plan.asOf(day), on: day).map(\.description) == [])
    }

    @Test func aWordTableWithBannerAndAreaRows() throws {
        let result = try Self.importFile("word-table.csv")
        let plan = result.document.plan
        #expect(
            plan.sections.map { "\($0.number) \($0.title)" } == [
                "1 Hearing from children and families", "2 Sharing information",
            ])
        let areas = plan.sections.flatMap(\.areas)
        #expect(
            areas.map { "\($0.number) \($0.title)" } == [
                "1.1 Recording what children say", "1.2 Families' part in plans", "2.1 Police notifications to schools",
            ])
        #expect(areas[0].needsToImprove == "Records in every agency show what a child said, in the child's own words.")
        #expect(areas[1].inspectorsFound == "Parents were not always invited to the meetings where plans were made.")
        #expect(result.report.sectionRows == [2, 10] && result.report.areaRows == [3, 4, 7, 8, 11])
        // The dry run says what it found.
        #expect(
            result.report.text.contains(
                "Layout: sections from the heading rows 2, 10; areas from the rows 3–4, 7–8, 11\n"))
    }

    @Test func aWorkbookWithACoverSheetATitleAndMergedBanners() throws {
        let result = try Self.importFile("merged-banners.xlsx")
        #expect(result.report.source == ["sheet 'Action plan', the first with a header row (passed over: 'Cover')"])
        #expect(result.report.rowsAbove == [1] && result.report.headerRow == 3)
        let plan = result.document.plan
        #expect(plan.sections.map(\.title) == ["Early help that reaches families sooner", "Working with schools"])
        #expect(plan.sections[0].areas[0].priorityAction?.hasPrefix("Every family referred") == true)
        #expect(plan.actions.map(\.ref) == ["1.1a", "1.1b", "2.1a", "2.1b"])
    }

    @Test func updateRoundsBecomeDatedNotesAndStatusHistory() throws {
        let result = try Self.importFile("update-rounds.csv", asAt: "2023-02-28")
        let action = try #require(result.document.plan.action(ref: "1.1"))
        #expect(action.notes.map(\.date.iso) == ["2022-12-01", "2023-01-01", "2023-02-01"])
        #expect(action.statusChanges.map { "\($0.date.iso) \($0.from.code)->\($0.to.code)" } == ["2023-01-01 R->A"])
        #expect(action.status == .amber)
        // A round without a RAG gives no change; the latest round is the status.
        #expect(result.document.plan.action(ref: "2.1")?.statusChanges.isEmpty == true)
        #expect(result.document.plan.action(ref: "2.1")?.status == .red)
        // Refs that are area numbers (1.1, 1.2) are each in that area, so check does not warn.
        #expect(result.document.plan.sections.flatMap(\.areas).map(\.number) == ["1.1", "1.2", "2.1"])
        #expect(
            result.report.columns.map(\.date).map { $0?.iso } == [
                nil, nil, nil, nil, "2022-12-01", "2023-01-01", "2022-12-01", "2023-01-01", "2023-02-01",
            ])
        #expect(
            result.report.text.contains(
                "  RAG Dec 22                -> rag (the status on 2022-12-01, from the heading: status history)\n"))
        #expect(
            result.report.text.contains(
                "  Update Jan 23             -> progress (a note dated 2023-01-01, from the heading)\n"))
    }

    /// With a current RAG column beside the rounds, a change to it is dated As at.
    @Test func aCurrentRAGColumnAfterTheRounds() throws {
        let result = try Self.importCSV(
            "Ref,Action,Owner,Due,RAG Jan 2026,RAG Feb 2026,Current RAG\n1.1a,Do it,Sam,2026-12-31,R,A,G\n")
        let action = try #require(result.document.plan.actions.first)
        #expect(action.status == .green)
        #expect(
            action.statusChanges.map { "\($0.date.iso) \($0.from.code)->\($0.to.code)" } == [
                "2026-02-01 R->A", "2026-03-01 A->G",
            ])
        #expect(result.report.text.contains("Current RAG   -> rag (the current status)"))
    }

    @Test func aDateOfUpdateColumnDatesTheNote() throws {
        let result = try Self.importFile("windows-1252.csv")
        #expect(result.document.plan.actions.map { $0.notes.map(\.date.iso) } == [["2026-02-12"], ["2026-02-05"], []])
        #expect(
            result.report.text.contains(
                "Progress             -> progress (a note dated by 'Date of last update', else 2026-03-01)"))
        let bad = try Self.importCSV("Ref,Action,Progress,Date of last update\n1.1a,Do it,Done,soon\n")
        #expect(bad.document.plan.actions[0].notes.map(\.date.iso) == ["2026-03-01"])
        #expect(
            bad.report.values.map(\.description) == [
                "row 2: Date of last update: 'soon' is not a date; the note is dated 2026-03-01"
            ])
    }

    @Test(arguments: [
        ("Update Dec 22", "2022-12-01"), ("Update Jan 23", "2023-01-01"), ("Progress – January 2023", "2023-01-01"),
        ("Update 2023-01", "2023-01-01"), ("Update 13/01/2023", "2023-01-13"), ("RAG Jan", "2026-01-01"),
        ("RAG Dec", "2025-12-01"), ("RAG Sept", "2025-09-01"), ("Update Jan-23", "2023-01-01"),
    ])
    func datesInHeadings(_ heading: String, _ iso: String) {
        #expect(ImportValues.headingDate(heading, asAt: date("2026-03-01"))?.iso == iso)
    }

    @Test func headingsWithoutDates() {
        for heading in ["Progress", "Progress and impact to date", "Update", "RAG", "Latest update", "2023"] {
            #expect(ImportValues.headingDate(heading, asAt: date("2026-03-01")) == nil, "\(heading)")
        }
    }

    @Test(arguments: [
        ("1. Children's voices", "1", "Children's voices"), ("1 Children's voices", "1", "Children's voices"),
        ("Section 1: Voices", "1", "Voices"), ("Theme 1 – Voices", "1", "Voices"), ("Priority 2 - Risk", "2", "Risk"),
    ])
    func sectionBanners(_ text: String, _ number: String, _ title: String) throws {
        let banner = try #require(ImportValues.sectionBanner(text))
        #expect(banner.number == number && banner.title == title)
    }

    @Test func notBanners() {
        for text in ["1.1 Recording", "Children's voices", "2023 review of plans", "1.", "Section 1"] {
            #expect(ImportValues.sectionBanner(text) == nil, "\(text)")
        }
        #expect(ImportValues.areaBanner("1.1 Recording")?.number == "1.1")
        #expect(ImportValues.areaBanner("Area 2.3: Schools")?.title == "Schools")
        #expect(ImportValues.areaBanner("1. Voices") == nil)
    }

    /// Unnumbered heading rows: an error by default (there is no action text), sections or
    /// areas with --section-rows and --area-rows, or by the word they start with (--map).
    @Test func headingRowsWhereDetectionNeedsTelling() throws {
        let csv = """
            Ref,Action,Owner,Due,RAG
            Hearing children,,,,
            Records,,,,
            1.1a,Agree a standard,QA group,2026-06-30,A
            Sharing information,,,,
            Police notifications,,,,
            2.1a,Send notifications,DI,2026-09-30,G

            """
        #expect(throws: ImportFailure.self) { try Self.importCSV(csv) }
        // Every row of one text a section: a section with no actions under it is not written
        // (the report lists its row among the heading rows).
        let sections = try Self.importCSV(csv, sectionRows: true)
        #expect(sections.document.plan.sections.map(\.title) == ["Records", "Police notifications"])
        #expect(sections.report.sectionRows == [2, 3, 5, 6])
        let areas = try Self.importCSV(
            csv.replacingOccurrences(of: "Hearing children", with: "1. Hearing children")
                .replacingOccurrences(of: "Sharing information", with: "2. Sharing information"), areaRows: true)
        #expect(areas.document.plan.sections.map(\.title) == ["Hearing children", "Sharing information"])
        #expect(
            areas.document.plan.sections.flatMap(\.areas).map { "\($0.number) \($0.title)" } == [
                "1.1 Records", "2.1 Police notifications",
            ])

        let themed = """
            Ref,Action,Owner,Due,RAG
            Theme: Hearing children,,,,
            1.1a,Agree a standard,QA group,2026-06-30,A

            """
        let mapped = try Self.importCSV(themed, map: [("Theme", .section)])
        #expect(mapped.document.plan.sections.map(\.title) == ["Hearing children"])
    }

    /// A ref that does not start with its area's number is written as one that does; the
    /// tracker's ref is kept.
    @Test func refsThatDoNotFitTheirArea() throws {
        let result = try Self.importCSV(
            "Area,Ref,Action,Owner,Due\n1.1 Records,1.1a,Agree,QA,2026-06-30\n1.1 Records,2.3b,Audit,QA,2026-06-30\n")
        let plan = result.document.plan
        #expect(plan.actions.map(\.ref) == ["1.1a", "1.1b"])
        #expect(plan.actions[1].extraFields.map { "\($0.name): \($0.value)" } == ["Tracker ref: 2.3b"])
        #expect(
            result.report.values.map(\.description) == [
                "row 3: ref '2.3b' is not in area 1.1; written as 1.1b, the tracker's ref kept as the extra field 'Tracker ref'"
            ])
        #expect(result.document.warnings.isEmpty)
    }

    @Test func aPasswordProtectedWorkbook() {
        #expect(
            throws: ImportError(
                "this workbook is password-protected; remove the password in Excel "
                    + "(File > Info > Protect Workbook > Encrypt with Password, and clear it) and save again")
        ) {
            try TableFile.read(Self.fixture("password.xlsx"))
        }
    }

    @Test func windows1252Text() throws {
        let table = try TableFile.read(Self.fixture("windows-1252.csv"))
        #expect(table.source == ["Windows-1252 text (not UTF-8), decoded; its characters beyond ASCII are £ é – ’"])
        #expect(table.rows[1].cells[0].text == "1. Children’s voices")
        // Text that mixes UTF-8 with another encoding is refused, not garbled.
        #expect(throws: ImportError.self) {
            try DelimitedText.read(Data("Ref,Action\n1.1a,Café ".utf8) + Data([0x92]) + Data("s\n".utf8))
        }
    }

    @Test func utf16WithoutAByteOrderMark() throws {
        let text = "Ref\tAction\tRAG\r\n1.1a\tHear children’s voices\tG\r\n"
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let table = try DelimitedText.read(try #require(text.data(using: encoding)))
            #expect(
                table.rows.map { $0.cells.map(\.text) } == [
                    ["Ref", "Action", "RAG"], ["1.1a", "Hear children’s voices", "G"],
                ])
            #expect(table.source == ["UTF-16 text, decoded"])
        }
    }
}
