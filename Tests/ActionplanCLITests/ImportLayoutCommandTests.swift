import Foundation
import Testing

/// `actionplan import` of the files boards have (issue 18), on the built binary: the
/// README's sample tracker, .ods through LibreOffice, and a password-protected workbook.
@Suite("Import layouts command")
struct ImportLayoutCommandTests {
    /// The README's example imports in one command into a plan that `check --strict` passes.
    @Test func theSampleTrackerOfTheReadme() throws {
        let box = try Sandbox()
        let sample = packageRoot.appendingPathComponent("docs/examples/tracker.xlsx")
        try box.write("tracker.xlsx", data: try Data(contentsOf: sample))
        let dry = try box.run(["import", "tracker.xlsx", "-o", "council.plan", "--dry-run"])
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("Read: sheet 'Tracker', the first with a header row (passed over: 'Read me')\n"))
        #expect(
            dry.stdout.contains("Layout: sections from the heading rows 4, 12; areas from the rows 5–7, 10, 13–14\n"))
        #expect(try box.listing() == ["tracker.xlsx"])
        let written = try box.run(["import", "tracker.xlsx", "-o", "council.plan", "--as-at", "2026-11-10"])
        #expect(written.status == 0, "\(written)")
        let check = try box.run(["check", "--strict", "council.plan"], environment: ["ACTIONPLAN_TODAY": "2026-11-10"])
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr.isEmpty, "\(check)")
        let plan = String(decoding: try box.read("council.plan"), as: UTF8.self)
        #expect(plan.contains("\n### 2.1 Return home conversations\n\n- Priority action: Every child who comes home"))
        #expect(plan.contains("  - Status 2026-10-01: R -> A\n"))
    }

    /// An .ods workbook is converted by LibreOffice when it is installed, giving the plan the
    /// same workbook as .xlsx gives; without LibreOffice, the message says what to do.
    @Test func anODSWorkbookThroughLibreOffice() throws {
        let box = try Sandbox()
        try ImportCommandTests.copyFixture("merged-banners.ods", to: box, as: "plan.ods")
        try ImportCommandTests.copyFixture("merged-banners.xlsx", to: box, as: "plan.xlsx")
        let missing = try box.run(
            ["import", "plan.ods", "-o", "ods.plan"], environment: ["ACTIONPLAN_SOFFICE": "/nonexistent/soffice"])
        #expect(missing.status == 1)
        #expect(
            missing.errLines.first
                == "plan.ods: error: cannot read .ods files without LibreOffice; install LibreOffice (on Debian and "
                + "Ubuntu: apt-get install libreoffice-calc) to import .ods files, or save the spreadsheet as .xlsx "
                + "or as CSV UTF-8 and import that")
        #expect(try box.listing() == ["plan.ods", "plan.xlsx"])
        let hasLibreOffice = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
        }
        guard hasLibreOffice else { return }
        // A temporary folder of its own, so that another run's conversion cannot look like a leftover of this one.
        let scratch = box.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let ods = try box.run(["import", "plan.ods", "-o", "ods.plan"], environment: ["TMPDIR": scratch.path])
        #expect(ods.status == 0, "\(ods)")
        #expect(ods.stdout.contains("Read: converted from .ods to .xlsx by LibreOffice\n"))
        let xlsx = try box.run(["import", "plan.xlsx", "-o", "xlsx.plan"])
        #expect(xlsx.status == 0, "\(xlsx)")
        #expect(try box.read("ods.plan") == box.read("xlsx.plan"))
        // The temporary folder of the conversion is gone.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
            .filter { $0.hasPrefix("actionplan-convert-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test func aPasswordProtectedWorkbookWritesNothing() throws {
        let box = try Sandbox()
        try ImportCommandTests.copyFixture("password.xlsx", to: box)
        let result = try box.run(["import", "password.xlsx", "-o", "p.plan"])
        #expect(result.status == 1)
        #expect(
            result.errLines == [
                "password.xlsx: error: this workbook is password-protected; remove the password in Excel "
                    + "(File > Info > Protect Workbook > Encrypt with Password, and clear it) and save again"
            ])
        #expect(try box.listing() == ["password.xlsx"])
    }

    /// Every fixture of issue 18 imports into a plan that `check --strict` passes.
    @Test(arguments: [
        ("word-table.csv", "2026-03-01"), ("merged-banners.xlsx", "2026-03-01"),
        ("update-rounds.csv", "2023-02-28"), ("windows-1252.csv", "2026-03-01"),
    ])
    func checkIsCleanOnTheImportedPlan(_ name: String, _ asAt: String) throws {
        let box = try Sandbox()
        try ImportCommandTests.copyFixture(name, to: box)
        let result = try box.run(["import", name, "-o", "p.plan", "--as-at", asAt])
        #expect(result.status == 0, "\(result)")
        let golden = packageRoot.appendingPathComponent(
            "Tests/PlanImportTests/Fixtures/golden/\(URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent).plan"
        )
        #expect(try box.read("p.plan") == Data(contentsOf: golden))
        let check = try box.run(["check", "--strict", "p.plan"], environment: ["ACTIONPLAN_TODAY": asAt])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check)")
    }
}
