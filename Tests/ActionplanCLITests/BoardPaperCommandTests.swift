import Foundation
import PlanCore
import PlanImport
import Testing
import ZIPFoundation

/// The papers a board circulates, end to end: the PDF printed by Chromium (read back
/// with poppler's pdfinfo and pdftotext) and the workbook opened by LibreOffice. Each
/// test that needs a program skips, saying so, when it is not installed.
@Suite("Board papers (PDF, workbook)", .serialized)
struct BoardPaperCommandTests {
    static func installed(_ program: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let chromium = PDFPrinter.find()
    static let poppler = installed("pdfinfo") != nil && installed("pdftotext") != nil
    static let soffice = installed("soffice")
    static let pandoc = installed("pandoc")

    /// The example plan with a protective marking, in the sandbox.
    static func markedExample(in box: Sandbox) throws -> String {
        let text = try String(
            contentsOf: packageRoot.appendingPathComponent("plans/example-jtai.plan"), encoding: .utf8)
        let marked = text.replacingOccurrences(
            of: "\n- Board: ", with: "\n- Classification: OFFICIAL-SENSITIVE\n- Board: ")
        #expect(marked != text)
        return try box.write("plans/example.plan", marked)
    }

    static func run(_ program: String, _ arguments: [String], in box: Sandbox) throws -> String {
        let output = box.path("tool-output-\(UUID().uuidString)")
        let ended = try ChildProcess.run(
            program, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": box.path("home")],
            directory: box.url.path,
            stdout: .file(output), stderr: .null, timeout: 300)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        try FileManager.default.removeItem(atPath: output)
        #expect(ended.status == 0, "\(program) \(arguments): \(ended)")
        return text
    }

    static func pages(_ pdf: String, in box: Sandbox) throws -> [String] {
        let info = try run("pdfinfo", [pdf], in: box)
        let count = try #require(
            info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
                Int($0.split(separator: " ").last ?? "")
            })
        let text = try run("pdftotext", ["-layout", pdf, "-"], in: box)
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        #expect(pages.count == count)
        return pages
    }

    @Test(
        "export --format pdf: numbered, marked A4 pages with bookmarks",
        .enabled(
            if: chromium != nil && poppler, "needs Chromium and poppler-utils (apt-get install chromium poppler-utils)")
    )
    func pdfPack() throws {
        let box = try Sandbox()
        let plan = try Self.markedExample(in: box)
        let full = try box.run(["export", plan, "--as-of", "2026-11-10", "-o", "pack.pdf"])
        #expect(full.status == 0, "\(full)")
        let bytes = try box.read("pack.pdf")
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        let pages = try Self.pages("pack.pdf", in: box)
        #expect(pages.count > 20)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("Page \(index + 1) of \(pages.count)"), "page \(index + 1)")
            #expect(
                page.components(separatedBy: "OFFICIAL-SENSITIVE").count >= 3,
                "page \(index + 1): marked top and bottom")
            #expect(page.contains("As at 10 November 2026") && page.contains("Exploitation Improvement Board"))
        }
        #expect(pages.joined().contains("The digital team has confirmed that a text"))
        // Bookmarks from the headings.
        let raw = String(decoding: bytes, as: UTF8.self)
        #expect(raw.contains("/Outlines") && raw.contains("/Title (Summary)"))

        let short = try box.run(["export", plan, "--as-of", "2026-11-10", "--pack", "short", "-o", "short.pdf"])
        #expect(short.status == 0, "\(short)")
        let shortPages = try Self.pages("short.pdf", in: box)
        #expect((2...4).contains(shortPages.count), "\(shortPages.count) pages")
        let text = shortPages.joined()
        #expect(text.contains("Exceptions: red and overdue actions") && !text.contains("The plan\n"))
    }

    @Test("export --format pdf without Chromium names the package and writes nothing")
    func pdfWithoutARenderer() throws {
        let box = try Sandbox()
        try box.write("p.plan", samplePlan)
        let result = try box.run(
            ["export", "p.plan", "-o", "pack.pdf"], environment: ["ACTIONPLAN_CHROMIUM": box.path("no-such-chromium")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot make a PDF: no Chromium found"))
        #expect(result.stderr.contains("apt-get install chromium"))
        #expect(try box.listing() == ["p.plan"])
        let snapshot = try box.run(
            ["snapshot", "p.plan", "--pdf"], environment: ["ACTIONPLAN_CHROMIUM": box.path("no-such-chromium")])
        #expect(snapshot.status == 1 && !FileManager.default.fileExists(atPath: box.path("snapshots")))
    }

    @Test("snapshot --xlsx writes the workbook beside the other files")
    func snapshotWithAWorkbook() throws {
        let box = try Sandbox()
        try box.write("p.plan", samplePlan)
        let result = try box.run(["snapshot", "p.plan", "--xlsx"])
        #expect(result.status == 0, "\(result)")
        #expect(try box.listing("snapshots/2026-03-01") == ["p.csv", "p.html", "p.json", "p.md", "p.xlsx"])
        let imported = try box.run(["import", "snapshots/2026-03-01/p.xlsx", "-o", "back.plan"])
        #expect(imported.status == 0, "\(imported)")
    }

    @Test(
        "export --format xlsx opens in LibreOffice with the values written, and survives a save there",
        .enabled(if: soffice != nil, "needs LibreOffice (apt-get install libreoffice-calc)"))
    func workbookInLibreOffice() throws {
        let soffice = try #require(Self.soffice)
        let box = try Sandbox()
        let plan = try Self.markedExample(in: box)
        #expect(try box.run(["export", plan, "--as-of", "2026-11-10", "-o", "pack.xlsx"]).status == 0)
        #expect(try box.run(["export", plan, "--as-of", "2026-11-10", "-o", "pack.csv"]).status == 0)
        let profile = "-env:UserInstallation=file://" + box.path("lo-profile")
        // Every sheet to CSV, as shown on screen (UTF-8, all sheets).
        _ = try Self.run(
            soffice,
            [
                profile, "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", "lo",
                "pack.xlsx",
            ], in: box)
        #expect(
            try box.listing("lo") == ["pack-Actions.csv", "pack-Changes.csv", "pack-Measures.csv", "pack-Summary.csv"])
        let shown = try DelimitedText.read(try box.read("lo/pack-Actions.csv")).rows.map { $0.cells.map(\.text) }
        let written = try DelimitedText.read(try box.read("pack.csv")).rows.map { $0.cells.map(\.text) }
        #expect(shown.count == written.count && shown.count == 73)
        #expect(shown.first == written.first)
        let document = try PlanFile.load(plan).plan.asOf(try #require(DateText.parseISO("2026-11-10")))
        for (index, (lo, csv)) in zip(shown.dropFirst(), written.dropFirst()).enumerated() {
            let action = document.actions[index]
            // Section, area, ref, action, owners and the latest note: exactly the text written.
            // (The CSV's cells have CRLF line breaks and a ' before text that starts like a formula.)
            func plain(_ cell: String) -> String {
                let text = cell.replacingOccurrences(of: "\r\n", with: "\n")
                return text.hasPrefix("'") && "=+-@".contains(text.dropFirst().first ?? " ")
                    ? String(text.dropFirst()) : text
            }
            for column in [0, 1, 2, 3, 4, 8, 10] {
                #expect(lo[column] == plain(csv[column]), "row \(index + 2) column \(column)")
            }
            #expect(lo[2] == action.ref)
            // A due that is a date shows in the workbook's date format; one in words as written.
            let due = action.due.flatMap { due in due.date.map { due.text == $0.iso ? $0.ukShort : due.text } }
            #expect(lo[5] == (due ?? action.due?.text ?? ""), "row \(index + 2)")
            #expect(lo[7] == "\(action.status.code) - \(csv[7])")
            #expect(lo[9] == (action.latestNote?.date.ukShort ?? ""))
        }
        let summary = try DelimitedText.read(try box.read("lo/pack-Summary.csv")).rows.map { $0.cells.map(\.text) }
        #expect(summary.first?.first == "Written statement of action: criminal exploitation of children in Northmoor")
        #expect(summary.contains { $0.prefix(2) == ["% complete", "65%"] })
        #expect(summary.contains { $0.prefix(3) == ["R - Red", "5", "7%"] })

        // Saved again by LibreOffice, the workbook still imports to the same refs.
        _ = try Self.run(
            soffice, [profile, "--headless", "--convert-to", "xlsx", "--outdir", "saved", "pack.xlsx"], in: box)
        let back = try box.run(["import", "saved/pack.xlsx", "--sheet", "Actions", "-o", "back.plan"])
        #expect(back.status == 0, "\(back)")
        #expect(try PlanFile.load(box.path("back.plan")).plan.actions.map(\.ref) == document.actions.map(\.ref))
    }

    @Test(
        "the Markdown pack converts to Word with pandoc, the columns as wide as their dashes say",
        .enabled(if: pandoc != nil, "needs pandoc (apt-get install pandoc)"))
    func markdownToWord() throws {
        let box = try Sandbox()
        let plan = try Self.markedExample(in: box)
        #expect(try box.run(["export", plan, "--as-of", "2026-11-10", "--pack", "short", "-o", "pack.md"]).status == 0)
        _ = try Self.run(try #require(Self.pandoc), ["pack.md", "-o", "pack.docx"], in: box)
        let archive = try Archive(url: box.url.appendingPathComponent("pack.docx"), accessMode: .read)
        var document = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { document.append($0) }
        let xml = String(decoding: document, as: UTF8.self)
        #expect(xml.contains("The digital team has confirmed that a text message option"))
        #expect(xml.contains("OFFICIAL-SENSITIVE"))
        // The exceptions table: Ref, Status, Action, Owner, Due, Latest note.
        let grids = xml.components(separatedBy: "<w:tblGrid>").dropFirst().map { grid in
            grid.components(separatedBy: "</w:tblGrid>")[0].components(separatedBy: "w:w=\"").dropFirst()
                .compactMap { Int($0.prefix { $0.isNumber }) }
        }
        let exceptions = try #require(grids.first { $0.count == 6 })
        #expect(exceptions[0] < exceptions[2] && exceptions[2] < exceptions[5], "\(exceptions)")
    }
}
