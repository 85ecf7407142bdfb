import Foundation
import Testing
import ZIPFoundation

/// `actionplan import` on the built binary (today pinned to 2026-03-01): the report,
/// the plan it writes, dry runs, refusing to overwrite, bad rows, workbooks, and the
/// round trip through `export --format csv`.
@Suite("Import command", .tags(.endToEnd))
struct ImportCommandTests {
    /// A fixture of the core tests' import folder, copied into the sandbox.
    @discardableResult
    static func copyFixture(_ name: String, to box: Sandbox, as copy: String? = nil) throws -> String {
        let source = packageRoot.appendingPathComponent("Tests/PlanImportTests/Fixtures/import/\(name)")
        return try box.write(copy ?? name, data: try Data(contentsOf: source))
    }

    @Test func importsATrackerAndReports() throws {
        let box = try Sandbox()
        try Self.copyFixture("tracker.csv", to: box)
        let result = try box.run(["import", "tracker.csv", "-o", "board.plan"])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout == """
                Rows: 8 read under the header on row 1
                Columns:
                  No.                          -> ref
                  Theme                        -> section
                  What we will do              -> action
                  Action Owner                 -> owner
                  Due by                       -> due
                  RAG                          -> rag
                  Progress and impact to date  -> progress (a note dated 2026-03-01)
                  Comments                     -> kept as the extra field 'Comments'
                Actions: 8 in 2 sections, 4 areas: R 1  A 3  G 2  B 1  N 1
                Values not interpreted (1):
                  row 5: Due by: 'Quarterly from April 2026' is not a date; kept as a free-text due
                Wrote board.plan: 8 actions.

                """)
        #expect(result.stderr.isEmpty)
        let plan = try box.text("board.plan")
        #expect(
            plan.hasPrefix(
                """
                # tracker
                - As at: 2026-03-01
                - Status R (Red): Delayed or at risk of not being achieved within timescale
                - Status A (Amber): In progress and on track
                - Status G (Green): Completed
                - Status B (Blue): Complete and impact evidenced
                - Status N (Not started): Not started

                ## 1 Children's voices

                ### 1.1 Area 1.1

                - [B] 1.1a Agree and publish a partnership statement on hearing children.
                  - Owner: Learning and Improvement subgroup
                  - Due: 2026-01-31
                  - Comments: Signed off by the executive
                  - Note 2026-03-01: Published in January; audit shows 80% of records now include the child's words.

                """))
        let check = try box.run(["check", "board.plan", "--no-board-checks"])
        #expect(check.status == 0 && check.stdout == "ok: board.plan: 8 actions\n", "\(check)")
        #expect(try box.listing() == ["board.plan", "tracker.csv"])
    }

    @Test func titleAndAsAt() throws {
        let box = try Sandbox()
        try Self.copyFixture("comma-lf.csv", to: box)
        let result = try box.run([
            "import", "comma-lf.csv", "-o", "p.plan", "--title", "Hearing children: action plan",
            "--as-at", "14/01/2026",
        ])
        #expect(result.status == 0, "\(result)")
        let plan = try box.text("p.plan")
        #expect(plan.hasPrefix("# Hearing children: action plan\n- As at: 2026-01-14\n"))
        #expect(plan.contains("  - Note 2026-01-14: The first draft went to the task group.\n"))
    }

    @Test func dryRunWritesNothing() throws {
        let box = try Sandbox()
        try Self.copyFixture("tracker.tsv", to: box)
        let result = try box.run(["import", "tracker.tsv", "--dry-run"])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "Rows: 3 read under the header on row 1")
        #expect(result.outLines.last == "Dry run: nothing written.")
        let named = try box.run(["import", "tracker.tsv", "-o", "p.plan", "--dry-run"])
        #expect(named.status == 0 && named.outLines.last == "Dry run: nothing written.")
        #expect(try box.listing() == ["tracker.tsv"])
    }

    @Test func neverReplacesAPlanWithoutForce() throws {
        let box = try Sandbox()
        try Self.copyFixture("comma-lf.csv", to: box)
        try box.write("p.plan", "# My plan\n")
        let refused = try box.run(["import", "comma-lf.csv", "-o", "p.plan"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: p.plan already exists; give --force to replace it\n")
        #expect(refused.stdout.isEmpty)
        #expect(try box.text("p.plan") == "# My plan\n")

        let forced = try box.run(["import", "comma-lf.csv", "-o", "p.plan", "--force"])
        #expect(forced.status == 0, "\(forced)")
        #expect(try box.text("p.plan").hasPrefix("# comma-lf\n"))
        #expect(try box.listing() == ["comma-lf.csv", "p.plan"])  // no temporary file left

        let itself = try box.run(["import", "comma-lf.csv", "-o", "./comma-lf.csv", "--force"])
        #expect(itself.status == 1)
        #expect(
            itself.stderr == "error: ./comma-lf.csv is the spreadsheet being imported; write the plan to another file\n"
        )
    }

    @Test func badRowsStopTheImport() throws {
        let box = try Sandbox()
        try box.write(
            "t.csv",
            """
            Ref,Action,Owner,RAG
            1.1a,Publish the guidance,Sam Patel,Green
            1.1b,,Sam Patel,Amber
            1.1c,Audit the records,Jo Bloggs,N/A
            1.1a,Run the survey,Jo Bloggs,R

            """)
        let result = try box.run(["import", "t.csv", "-o", "p.plan"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.errLines == [
                "t.csv:3: error: no action text (column 'Action' is empty)",
                "t.csv:4: error: RAG 'N/A' is not a status; use R, A, G, B or N (or Red, Amber, Green, Complete, Done, Blue, Not started)",
                "t.csv:5: error: duplicate ref 1.1a (row 2 has it too)",
                "hint: fix these rows in the spreadsheet, or give --skip-bad-rows to import the other rows and list these in the report",
                "error: nothing written",
            ])
        #expect(try box.listing() == ["t.csv"])

        let skipped = try box.run(["import", "t.csv", "-o", "p.plan", "--skip-bad-rows"])
        #expect(skipped.status == 0, "\(skipped)")
        #expect(
            skipped.stdout.contains(
                """
                Actions: 1 in 1 section, 1 area: R 0  A 0  G 1
                Rows skipped (3, --skip-bad-rows):
                  row 3: no action text (column 'Action' is empty)
                  row 4: RAG 'N/A' is not a status; use R, A, G, B or N (or Red, Amber, Green, Complete, Done, Blue, Not started)
                  row 5: duplicate ref 1.1a (row 2 has it too)
                Wrote p.plan: 1 action.

                """))
    }

    @Test func filesThatCannotBeImported() throws {
        let box = try Sandbox()
        try box.write("empty.csv", "")
        try box.write("binary.csv", data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        try box.write("text.xlsx", "Ref,Action\n")
        try box.write("notes.txt", "Ref,Task\n1,Do it\n")
        try box.write("tracker.ods", "")
        let cases: [([String], String)] = [
            (["empty.csv"], "empty.csv: error: the file is empty"),
            (
                ["binary.csv"],
                "binary.csv: error: not UTF-8 text: byte 0x89 on line 1; save the file as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\")"
            ),
            (["text.xlsx"], "text.xlsx: error: not an .xlsx workbook: the file is not a zip archive"),
            (["missing.csv"], "missing.csv: error: cannot read: no such file"),
            (
                ["tracker.ods"],
                "tracker.ods: error: the file is empty"
            ),
            (
                ["notes.txt"],
                "notes.txt: error: no column holds the actions: none is headed 'Action', 'What we will do', 'Description', 'Actions'; "
                    + "name it with --map COLUMN=action (the columns are 'Ref', 'Task')"
            ),
            (
                ["notes.txt", "--map", "Owner=owner"],
                "notes.txt: error: --map Owner=owner: no column is headed 'Owner'; the columns are 'Ref', 'Task'"
            ),
        ]
        for (arguments, message) in cases {
            let result = try box.run(["import"] + arguments + ["-o", "p.plan"])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.errLines.first == message)
            #expect(result.stdout.isEmpty)
        }
        let mapped = try box.run(["import", "notes.txt", "-o", "p.plan", "--map", " task = ACTION "])
        #expect(mapped.status == 0, "\(mapped)")
        #expect(try box.listing().contains("p.plan"))
    }

    @Test(arguments: [
        ["--map", "Owner"], ["--map", "Owner=boss"], ["--map", "=owner"], [], ["--as-at", "2026-02-30"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        let box = try Sandbox()
        try Self.copyFixture("comma-lf.csv", to: box)
        let result = try box.run(["import", "comma-lf.csv"] + arguments + (arguments.isEmpty ? [] : ["--dry-run"]))
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.hasPrefix("Error: "))
    }

    @Test func anExcelWorkbook() throws {
        let box = try Sandbox()
        try box.write("tracker.xlsx", data: try workbook())
        let result = try box.run(["import", "tracker.xlsx", "--sheet", "Actions", "-o", "p.plan"])
        #expect(result.status == 0, "\(result)")
        #expect(
            try box.text("p.plan").hasSuffix(
                """
                ### 1.1 Area 1.1

                - [A] 1.1a Publish the guidance
                  - Owner: Named Nurse
                  - Due: 2023-03-15

                - [G] 1.1b Audit the records
                  - Owner: Designated Doctor
                  - Due: 2026-06-30

                """))
        let missing = try box.run(["import", "tracker.xlsx", "--sheet", "Summary", "-o", "q.plan"])
        #expect(missing.status == 1)
        #expect(
            missing.errLines.first
                == "tracker.xlsx: error: the workbook has no sheet named 'Summary'; its sheets are 'Cover', 'Actions'")
        // Without --sheet, the first sheet with a header row: the cover sheet is passed over.
        let first = try box.run(["import", "tracker.xlsx", "-o", "q.plan"])
        #expect(first.status == 0)
        #expect(
            first.stdout.contains(
                "Read: sheet 'Actions', the first with a header row (passed over: 'Cover')"))
        #expect(try box.read("q.plan") == box.read("p.plan"))
    }

    /// Import, export the board pack CSV, import that: the same plan, byte for byte.
    @Test(arguments: ["comma-lf.csv", "quoted-multiline.csv", "semicolon-crlf-bom.csv", "tracker.tsv"])
    func roundTripThroughExport(_ name: String) throws {
        let box = try Sandbox()
        try Self.copyFixture(name, to: box)
        #expect(try box.run(["import", name, "-o", "first.plan", "--title", "Plan"]).status == 0)
        let export = try box.run(["export", "first.plan", "--format", "csv", "-o", "pack.csv"])
        #expect(export.status == 0, "\(export)")
        let again = try box.run(["import", "pack.csv", "-o", "second.plan", "--title", "Plan"])
        #expect(again.status == 0, "\(again)")
        #expect(try box.text("second.plan") == box.text("first.plan"))
    }

    @Test func summaryCountsTheRAGColumn() throws {
        let box = try Sandbox()
        try Self.copyFixture("tracker.csv", to: box)
        #expect(try box.run(["import", "tracker.csv", "-o", "p.plan"]).status == 0)
        let summary = try jsonObject(try box.run(["summary", "p.plan", "--format", "json"]).stdout)
        // The tracker's RAG column: B, G, Amber, A, R, Green, Not started, a.
        #expect(summary["total"] as? Int == 8 && summary["complete"] as? Int == 3)
        let counts = try #require(summary["byStatus"] as? [String: Int])
        #expect(counts == ["red": 1, "amber": 3, "green": 2, "blue": 1, "not-started": 1])
    }

    @Test func listedInHelp() throws {
        let box = try Sandbox()
        let help = try box.run(["--help"])
        #expect(help.stdout.contains("  import "))
        let usage = try box.run(["help", "import"])
        #expect(
            usage.stdout.contains(
                "USAGE: actionplan import <file> [--output <plan>] [--sheet <name>] [--map <column=field> ...] "
                    + "[--title <text>] [--as-at <date>] [--dry-run] [--skip-bad-rows] [--section-rows] [--area-rows] "
                    + "[--force]"))
    }

    /// A small workbook: a cover sheet, then "Actions" with shared strings (one in rich
    /// text runs), an inline string, and due dates as a serial number and as text.
    func workbook() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) {
                data.subdata(in: Int($0)..<Int($0) + $1)
            }
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        try add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        try add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\(package)">\
            <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        try add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets>\
            <sheet name="Cover" sheetId="1" r:id="rId1"/><sheet name="Actions" sheetId="2" r:id="rId2"/></sheets></workbook>
            """)
        try add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="\(package)">\
            <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/cover.xml"/>\
            <Relationship Id="rId2" Type="\(relationships)/worksheet" Target="/xl/worksheets/actions.xml"/></Relationships>
            """)
        try add(
            "xl/sharedStrings.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?><sst xmlns="\(main)"><si><t>Ref</t></si><si><t>Action</t></si>\
            <si><t>Action Owner</t></si><si><t>Due by</t></si><si><t>RAG</t></si>\
            <si><r><t xml:space="preserve">Publish </t></r><r><rPr><i/></rPr><t>the guidance</t></r></si></sst>
            """)
        try add(
            "xl/worksheets/cover.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(main)"><sheetData>\
            <row r="1"><c r="A1" t="inlineStr"><is><t>Improvement plan</t></is></c></row></sheetData></worksheet>
            """)
        try add(
            "xl/worksheets/actions.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\(main)"><sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>1.1a</t></is></c><c r="B2" t="s"><v>5</v></c>\
            <c r="C2" t="inlineStr"><is><t>Named Nurse</t></is></c><c r="D2"><v>45000</v></c>\
            <c r="E2" t="inlineStr"><is><t>Amber</t></is></c></row>\
            <row r="3"><c r="B3" t="inlineStr"><is><t>Audit the records</t></is></c>\
            <c r="C3" t="inlineStr"><is><t>Designated Doctor</t></is></c><c r="D3" t="inlineStr"><is><t>30/06/2026</t></is></c>\
            <c r="E3" t="inlineStr"><is><t>Complete</t></is></c></row></sheetData></worksheet>
            """)
        return try #require(archive.data)
    }
}
