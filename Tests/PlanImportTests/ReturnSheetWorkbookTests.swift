import Foundation
import Testing
import ZIPFoundation

@testable import PlanCore
@testable import PlanImport

/// The return sheet as a workbook: laid out to be filled in (a drop-down of the plan's
/// statuses, the rest locked), and read back by `import --updates` as the CSV is.
@Suite("Return sheet workbook")
struct ReturnSheetWorkbookTests {
    static let ownPlan = """
        # Plan A
        - As at: 2026-01-14

        ## 1 Section

        ### 1.1 Area
        - [R] 1.1a Publish a "was not brought" guide.
          - Owner: Designated Nurse
          - Due: 2026-01-15
          - Note 2026-01-10 (Helen Okafor): Drafting has slipped.

        - [A] 1.1b Audit the follow-up of missed appointments.
          - Owner: designated nurse.
          - Due: To be agreed

        - [G] 1.1c Train the health visitors.
          - Owner: Designated Nurse
          - Due: 2026-01-01

        """

    /// Its own status key: N, A and G only, with labels of its own.
    static let keyedPlan = """
        # Plan B
        - Status N (Not yet started): Work has not begun
        - Status A (On track): In progress and on track
        - Status G (Done): Completed

        ## 1 Section

        ### 1.1 Area
        - [N] 1.1a Start the work, carefully.
          - Owner: Designated Nurse
          - Due: 2026-06-30

        """

    static func round() throws -> ChaseRound {
        let members = try [("plans/a.plan", ownPlan), ("plans/b.plan", keyedPlan)].map { path, text in
            Portfolio.Member(path: path, displayName: nil, loaded: .success(try PlanDocument(text: text)))
        }
        return ChaseRound(
            Portfolio(members: members), asOf: date("2026-03-01"), replyBy: date("2026-03-08"), owner: "nurse")
    }

    static func letter() throws -> (ChaseRound.Letter, ChaseRound) {
        let round = try round()
        return (try #require(round.letters.first), round)
    }

    /// A part of the archive, as text.
    static func part(_ name: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        var bytes = Data()
        _ = try archive.extract(try #require(archive[name])) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func oneRowPerOpenActionBelowATitleAndInstructions() throws {
        let (letter, round) = try Self.letter()
        let rows = try XLSXReader.read(try WorkbookFile.returnSheet(letter, in: round)).rows.map {
            $0.cells.map(\.text)
        }
        #expect(rows[0].first == "Action plan updates for Designated Nurse: please send back by 8 March 2026")
        #expect(rows[1].first?.contains("send it back by 8 March 2026") == true)
        #expect(rows[2] == ReturnSheet.workbookColumns)
        // The green action is done: two open actions of plan A, one of plan B.
        #expect(
            rows.dropFirst(3).map { $0[0] + " " + $0[1] } == [
                "1.1a plans/a.plan", "1.1b plans/a.plan", "1.1a plans/b.plan",
            ])
        let first = rows[3]
        #expect(first[2] == "Publish a \"was not brought\" guide.")
        #expect(first[3] == "2026-01-15")
        #expect(first[4] == "R (Red)")
        #expect(first[5] == "red, overdue since 15 Jan 2026")
        #expect(first[6] == "10 Jan 2026, Helen Okafor: Drafting has slipped.")
        #expect(first[7] == "" && first[8] == "" && first[9] == "Designated Nurse")
        #expect(rows[4][3] == "To be agreed" && rows[4][6] == "No progress note yet.")
        #expect(rows[5][4] == "N (Not yet started)")
    }

    @Test func aDropDownOfEachPlansStatusesAndOnlyTheTwoColumnsToFillUnlocked() throws {
        let (letter, round) = try Self.letter()
        let data = try WorkbookFile.returnSheet(letter, in: round)
        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: data)
        #expect(
            sheet.contains(
                "sqref=\"H4:H5\"><formula1>&quot;R (Red),A (Amber),G (Green)&quot;</formula1></dataValidation>"))
        #expect(
            sheet.contains(
                "sqref=\"H6\"><formula1>&quot;N (Not yet started),A (On track),G (Done)&quot;</formula1>"))
        #expect(
            sheet.contains("error=\"Pick one of this plan's statuses from the list: N (Not yet started), A (On track)"))
        #expect(sheet.contains("<sheetProtection sheet=\"1\""))
        #expect(sheet.contains("<pane xSplit=\"1\" ySplit=\"3\" topLeftCell=\"B4\""))
        #expect(sheet.contains("<mergeCell ref=\"A2:J2\"/>"))
        // The two input cells of each row carry the one unlocked style; nothing else does.
        let input = XLSXStyle.input.rawValue
        for row in 4...6 {
            #expect(sheet.contains("<c r=\"H\(row)\" s=\"\(input)\"/><c r=\"I\(row)\" s=\"\(input)\"/>"))
        }
        #expect(sheet.components(separatedBy: "s=\"\(input)\"").count - 1 == 6)
        let styles = try Self.part("xl/styles.xml", of: data)
        let formats = try #require(styles.components(separatedBy: "<cellXfs").last).components(separatedBy: "<xf ")
            .dropFirst()
        #expect(formats.count == XLSXStyle.allCases.count)
        #expect(formats.enumerated().filter { $0.element.contains("locked=\"0\"") }.map(\.offset) == [input])
    }

    @Test func filledInItReadsBackAsTheCSVDoes() throws {
        let (letter, round) = try Self.letter()
        var workbook = ReturnSheet.workbook(letter, in: round)
        // Filled in as the owner would: a status from the drop-down, a note, both.
        workbook.sheets[0].rows[3][7] = .text("A (Amber)", .input)
        workbook.sheets[0].rows[3][8] = .text("Drafted; out for comment.\nFinal by April.", .input)
        workbook.sheets[0].rows[5][7] = .text("A (On track)", .input)
        let table = try XLSXReader.read(try WorkbookFile.data(workbook))
        let read = try ReturnSheetReader.read(table)
        #expect(read.errors.isEmpty)
        #expect(
            read.rows == [
                UpdateRow(
                    row: 4, owner: "Designated Nurse", plan: "plans/a.plan", ref: "1.1a", newStatus: .amber,
                    note: "Drafted; out for comment.\nFinal by April."),
                UpdateRow(
                    row: 6, owner: "Designated Nurse", plan: "plans/b.plan", ref: "1.1a", newStatus: .amber, note: nil),
            ])
        let documents = try [
            "plans/a.plan": PlanDocument(text: Self.ownPlan), "plans/b.plan": PlanDocument(text: Self.keyedPlan),
        ]
        let applied = UpdateImport(
            [("back.xlsx", read.rows, read.errors)], documents: documents, on: date("2026-03-02"), author: nil)
        #expect(applied.problems.isEmpty)
        #expect(applied.changedPaths.sorted() == ["plans/a.plan", "plans/b.plan"])
        let plan = try #require(applied.documents["plans/a.plan"]).plan
        #expect(plan.action(ref: "1.1a")?.status == .amber)
        #expect(plan.action(ref: "1.1a")?.latestNote?.author == "Designated Nurse")
    }

    @Test func theSameUpdatesGivenTwiceAreRefusedTheSecondTime() throws {
        let (letter, round) = try Self.letter()
        var workbook = ReturnSheet.workbook(letter, in: round)
        workbook.sheets[0].rows[3][8] = .text("Drafted.", .input)
        let read = try ReturnSheetReader.read(try XLSXReader.read(try WorkbookFile.data(workbook)))
        // The CSV of the same letter, filled in the same: its row 2 is the workbook's row 4.
        let csv = read.rows.map { row in
            var row = row
            row.row = 2
            return row
        }
        let documents = try [
            "plans/a.plan": PlanDocument(text: Self.ownPlan), "plans/b.plan": PlanDocument(text: Self.keyedPlan),
        ]
        let applied = UpdateImport(
            [("nurse.xlsx", read.rows, []), ("nurse.csv", csv, [])], documents: documents, on: date("2026-03-02"),
            author: nil)
        #expect(applied.applied.map { "\($0.sheet):\($0.row)" } == ["nurse.xlsx:4"])
        #expect(
            applied.problems == [
                "nurse.csv:2: error: 1.1a: the same update as nurse.xlsx:4; is one sheet given twice?"
            ])
        let notes = try #require(applied.documents["plans/a.plan"]?.plan.action(ref: "1.1a")?.notes)
        #expect(notes.filter { $0.text == "Drafted." }.count == 1)
    }

    @Test func twoCoOwnersReturningTheSameUpdateAreNotASheetGivenTwice() throws {
        let (letter, round) = try Self.letter()
        var workbook = ReturnSheet.workbook(letter, in: round)
        workbook.sheets[0].rows[3][8] = .text("Drafted.", .input)
        let read = try ReturnSheetReader.read(try XLSXReader.read(try WorkbookFile.data(workbook)))
        let coOwner = read.rows.map { row in
            var row = row
            row.owner = "Named GP for Safeguarding"
            return row
        }
        let documents = try [
            "plans/a.plan": PlanDocument(text: Self.ownPlan), "plans/b.plan": PlanDocument(text: Self.keyedPlan),
        ]
        let applied = UpdateImport(
            [("nurse.xlsx", read.rows, []), ("gp.xlsx", coOwner, [])], documents: documents,
            on: date("2026-03-02"), author: nil)
        #expect(!applied.problems.contains { $0.contains("given twice") }, "\(applied.problems)")
        #expect(applied.applied.map(\.sheet).contains("gp.xlsx"))
    }

    @Test func aBadRowIsNamedByItsRowInTheWorkbook() throws {
        let (letter, round) = try Self.letter()
        var workbook = ReturnSheet.workbook(letter, in: round)
        workbook.sheets[0].rows[4][7] = .text("purple", .input)
        // XML holds no C0 control characters; a bidirectional override it does.
        workbook.sheets[0].rows[5][8] = .text("Looks \u{202E}reversed", .input)
        let read = try ReturnSheetReader.read(try XLSXReader.read(try WorkbookFile.data(workbook)))
        #expect(read.rows.isEmpty)
        #expect(read.errors.map(\.row) == [5, 6])
        #expect(read.errors.first?.message.hasPrefix("1.1b: new status 'purple' is not a status") == true)
        #expect(
            read.errors.last?.message.hasPrefix("1.1a: the progress note holds a control character (U+202E)") == true)
    }

    @Test func aSheetWithoutTheHeadingsIsNotAReturnSheet() throws {
        let table = try DelimitedText.read(Data("owner,plan,ref,action,status,note\nX,a.plan,1.1a,x,A,y\n".utf8))
        #expect(
            throws: ImportError(
                row: 1,
                "not a return sheet: no row among the first 10 has the headings plan, ref, new_status and "
                    + "progress_note")
        ) { try ReturnSheetReader.read(table) }
    }

    @Test func statusLabelsWithCommasAndQuotesStayOneChoiceEach() {
        let validation = XLSXValidation(
            cells: "H4", choices: ["A (On track, mostly)", "G (\"Done\")", ""], error: "Pick one")
        #expect(validation.formula == "\"A (On track; mostly),G ('Done')\"")
        let long = XLSXValidation(
            cells: "H4", choices: Array(repeating: String(repeating: "x", count: 100), count: 5), error: "")
        #expect(long.formula.count <= 257)
        #expect(ReturnSheet.cellRanges(column: "H", rows: [4, 5, 6, 9, 11, 12]) == "H4:H6 H9 H11:H12")
    }
}
