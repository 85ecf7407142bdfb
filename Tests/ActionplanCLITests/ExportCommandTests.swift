import Foundation
import Testing

/// `export` and `snapshot` on the sample plan (today pinned to 2026-03-01).
@Suite("Export and snapshot commands", .tags(.endToEnd))
struct ExportCommandTests {
    @Test func exportToStandardOutput() throws {
        let box = try Sandbox()
        try box.write("p.plan", samplePlan)
        let md = try box.run(["export", "p.plan", "--format", "md"])
        #expect(md.status == 0, "\(md)")
        #expect(
            md.stdout.hasPrefix(
                "# Test plan: recording children's views\n\nUpdated as at 14 January 2026; figures as of 1 March 2026; changes since 30 January 2026.\n"
            ))
        #expect(md.stdout.contains("\n4 actions, 1 complete (25%), 2 overdue.\n"))
        #expect(md.stderr.isEmpty)

        let html = try box.run(["export", "p.plan", "--format", "html"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))

        let csv = try box.run(["export", "p.plan", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}Section,Area,Ref,"))
        #expect(csv.stdout.components(separatedBy: "\r\n").count == 6)  // header, 4 actions, final empty

        let json = try box.run(["export", "p.plan", "--format", "json", "--as-of", "2026-01-15"])
        let object = try jsonObject(json.stdout)
        #expect(object["plan"] as? String == "p.plan")
        #expect(object["asOf"] as? String == "2026-01-15" && object["since"] as? String == "2025-12-16")
        #expect(object["total"] as? Int == 3 && object["complete"] as? Int == 0)  // 2.1b added on 20 January
        #expect(try box.listing() == ["p.plan"])
    }

    @Test func exportToAFileReplacesItAtomically() throws {
        let box = try Sandbox()
        try box.write("p.plan", samplePlan)
        let old = try box.write("out/pack.html", "old export")
        let before = try inode(old)
        let result = try box.run(["export", "p.plan", "--format", "html", "-o", "out/pack.html"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let expected = try box.run(["export", "p.plan", "--format", "html"]).stdout
        #expect(try box.text("out/pack.html") == expected)
        // Renamed over the old file (a new inode), with no temporary file left behind.
        #expect(try inode(old) != before)
        #expect(try box.listing("out") == ["pack.html"])

        // --output, and the format from the file's extension.
        let long = try box.run(["export", "p.plan", "--output", "pack.JSON", "--since", "2026-01-05"])
        #expect(long.status == 0, "\(long)")
        #expect(try jsonObject(try box.text("pack.JSON"))["since"] as? String == "2026-01-05")
        let csv = try box.run(["export", "p.plan", "-o", "pack.csv"])
        #expect(csv.status == 0)
        #expect(try box.read("pack.csv").starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func exportRefusals() throws {
        let box = try Sandbox()
        try box.write("p.plan", samplePlan)
        let bad = try box.run(["export", "p.plan", "--format", "docx"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("Error: The value 'docx' is invalid for '--format <format>'"))
        let none = try box.run(["export", "p.plan"])
        #expect(none.status == 64 && none.stderr.contains("give --format"))
        let unknown = try box.run(["export", "p.plan", "-o", "pack.docx"])
        #expect(unknown.status == 64)
        let date = try box.run(["export", "p.plan", "--format", "md", "--as-of", "2026-02-30"])
        #expect(date.status == 64)
        let backwards = try box.run([
            "export", "p.plan", "--format", "md", "--as-of", "2026-01-10", "--since", "2026-02-01",
        ])
        #expect(
            backwards.status == 1 && backwards.stderr.contains("--since 2026-02-01 is after the as-of day 2026-01-10"))
        let folder = try box.run(["export", "p.plan", "--format", "md", "-o", "missing/pack.md"])
        #expect(folder.status == 1 && folder.stderr.contains("missing/pack.md: cannot write: no such folder"))
        try box.write("broken.plan", "no title\n")
        let broken = try box.run(["export", "broken.plan", "--format", "md"])
        #expect(broken.status == 1 && broken.stdout.isEmpty)
        #expect(try box.listing() == ["broken.plan", "p.plan"])
    }

    @Test func snapshotWritesADatedPack() throws {
        let box = try Sandbox()
        try box.write("plans/p.plan", samplePlan)
        let result = try box.run(["snapshot", "plans/p.plan"])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines == ["md", "html", "csv", "json"].map { "plans/snapshots/2026-03-01/p.\($0)" })
        #expect(try box.listing("plans/snapshots") == ["2026-03-01"])
        #expect(try box.listing("plans/snapshots/2026-03-01") == ["p.csv", "p.html", "p.json", "p.md"])
        // Each file is what `export` gives for the same day.
        for format in ["md", "html", "csv", "json"] {
            let export = try box.run(["export", "plans/p.plan", "--format", format])
            #expect(try box.text("plans/snapshots/2026-03-01/p.\(format)") == export.stdout, "\(format)")
        }

        // A second pack for the same plan and day is refused, and nothing is touched.
        try box.write("plans/snapshots/2026-03-01/p.md", "kept")
        let again = try box.run(["snapshot", "plans/p.plan"])
        #expect(again.status == 1)
        #expect(
            again.stderr.contains(
                "error: plans/snapshots/2026-03-01 already holds a pack for p on 2026-03-01 (p.md, p.html, p.csv, p.json); use --force to replace it"
            ))
        #expect(try box.text("plans/snapshots/2026-03-01/p.md") == "kept")
        let forced = try box.run(["snapshot", "plans/p.plan", "--force"])
        #expect(forced.status == 0, "\(forced)")
        #expect(try box.text("plans/snapshots/2026-03-01/p.md") != "kept")

        // Packs accumulate, one folder per day; other plans' packs do not count.
        let earlier = try box.run(["snapshot", "plans/p.plan", "--as-of", "2026-02-01"])
        #expect(earlier.status == 0, "\(earlier)")
        #expect(try box.listing("plans/snapshots") == ["2026-02-01", "2026-03-01"])
        try box.write("plans/q.plan", samplePlan)
        #expect(try box.run(["snapshot", "plans/q.plan"]).status == 0)
        #expect(try box.listing("plans/snapshots/2026-03-01").count == 8)
        #expect(try box.listing("plans") == ["p.plan", "q.plan", "snapshots"])
    }

    @Test func snapshotWritesTheMeasuresTableOfAPlanWithMeasures() throws {
        let box = try Sandbox()
        let text = try String(
            contentsOf: packageRoot.appendingPathComponent("plans/example-jtai.plan"), encoding: .utf8)
        try box.write("jtai.plan", text)
        let result = try box.run(["snapshot", "jtai.plan", "--as-of", "2026-11-10"])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.last == "snapshots/2026-11-10/jtai-measures.csv")
        #expect(
            try box.listing("snapshots/2026-11-10")
                == ["jtai-measures.csv", "jtai.csv", "jtai.html", "jtai.json", "jtai.md"])
        let export = try box.run([
            "export", "jtai.plan", "--format", "csv", "--table", "measures", "--as-of", "2026-11-10",
        ])
        #expect(export.status == 0 && export.stdout.components(separatedBy: "\r\n").count > 8, "\(export)")
        #expect(try box.text("snapshots/2026-11-10/jtai-measures.csv") == export.stdout)
        // It is part of the pack: kept unless --force, like the others.
        try FileManager.default.removeItem(atPath: box.path("snapshots/2026-11-10/jtai.md"))
        try FileManager.default.removeItem(atPath: box.path("snapshots/2026-11-10/jtai.csv"))
        try FileManager.default.removeItem(atPath: box.path("snapshots/2026-11-10/jtai.html"))
        try FileManager.default.removeItem(atPath: box.path("snapshots/2026-11-10/jtai.json"))
        let again = try box.run(["snapshot", "jtai.plan", "--as-of", "2026-11-10"])
        #expect(again.status == 1 && again.stderr.contains("(jtai-measures.csv); use --force"), "\(again)")
    }

    /// `a.plan`'s measures table and `a-measures.plan`'s CSV pack would be one file: the
    /// second is refused by name rather than overwriting the first, with --force too.
    @Test func twoPlansNeverWriteOneSnapshotFile() throws {
        let box = try Sandbox()
        let text = try String(
            contentsOf: packageRoot.appendingPathComponent("plans/example-jtai.plan"), encoding: .utf8)
        try box.write("board/jtai.plan", text)
        try box.write("board/jtai-measures.plan", samplePlan)
        let result = try box.run(["snapshot", "board", "--as-of", "2026-11-10", "--force"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("jtai-measures.csv would be written for both"), "\(result)")
        // The plans are taken in name order: the file is jtai-measures.plan's own CSV pack.
        let pack = try box.run(["export", "board/jtai-measures.plan", "--format", "csv", "--as-of", "2026-11-10"])
        #expect(try box.text("board/snapshots/2026-11-10/jtai-measures.csv") == pack.stdout)
    }

    /// Replacing the pack of a plan that has lost its measures takes its old table away.
    @Test func forceRemovesAMeasuresTableThePlanNoLongerHas() throws {
        let box = try Sandbox()
        let text = try String(
            contentsOf: packageRoot.appendingPathComponent("plans/example-jtai.plan"), encoding: .utf8)
        try box.write("jtai.plan", text)
        #expect(try box.run(["snapshot", "jtai.plan", "--as-of", "2026-11-10"]).status == 0)
        try box.write("jtai.plan", samplePlan)
        let again = try box.run(["snapshot", "jtai.plan", "--as-of", "2026-11-10", "--force"])
        #expect(again.status == 0, "\(again)")
        #expect(try box.listing("snapshots/2026-11-10") == ["jtai.csv", "jtai.html", "jtai.json", "jtai.md"])
    }

    @Test func snapshotIntoAnotherFolder() throws {
        let box = try Sandbox()
        try box.write("p.plan", samplePlan)
        let result = try box.run(["snapshot", "p.plan", "--dir", "board/packs", "--as-of", "28/02/2026"])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "board/packs/2026-02-28/p.md")
        #expect(try box.listing("board/packs/2026-02-28") == ["p.csv", "p.html", "p.json", "p.md"])
        let json = try jsonObject(try box.text("board/packs/2026-02-28/p.json"))
        #expect(json["asOf"] as? String == "2026-02-28")
        // With no folder given and a plan in the current folder: ./snapshots.
        let here = try box.run(["snapshot", "p.plan"])
        #expect(here.outLines.first == "snapshots/2026-03-01/p.md")
    }

    func inode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
    }
}
