import Foundation
import Testing

@Suite("several plans at once", .tags(.endToEnd))
struct PortfolioCommandTests {
    /// plans/a.plan (samplePlan) and plans/b.plan (customKeyPlan).
    private func twoPlans() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("plans/a.plan", samplePlan)
        try box.write("plans/b.plan", customKeyPlan)
        return box
    }

    @Test("summary of a folder: a row per plan and the portfolio's totals")
    func summaryOfFolder() throws {
        let box = try twoPlans()
        let result = try box.run(["summary", "plans"])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "Portfolio of 2 plans")
        #expect(result.stdout.contains("2 plans, 6 actions, 2 complete (33%), 2 overdue"), "\(result)")
        let rows = result.outLines.filter {
            $0.hasPrefix("Test plan") || $0.hasPrefix("Custom key") || $0.hasPrefix("Total")
        }
        #expect(rows.count == 3, "\(result)")
        #expect(rows.last?.contains("     6 ") == true, "\(result)")
    }

    @Test("summary of several files names them in the order given")
    func summaryOfFiles() throws {
        let box = try twoPlans()
        let result = try box.run(["summary", "plans/b.plan", "plans/a.plan"])
        #expect(result.status == 0, "\(result)")
        let names = result.outLines.compactMap { line in
            ["Custom key plan", "Test plan"].first { line.hasPrefix($0) }
        }
        #expect(names == ["Custom key plan", "Test plan"])
    }

    @Test("a plan that fails among good ones: its errors on stderr, the others summarised, exit 1")
    func failingPlanAmongGood() throws {
        let box = try twoPlans()
        try box.write("plans/c.plan", brokenPlan)
        let result = try box.run(["summary", "plans"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("plans/c.plan:5:"), "\(result)")
        #expect(result.stderr.contains("1 of 3 plans could not be read"), "\(result)")
        #expect(result.stdout.contains("2 plans, 6 actions"), "\(result)")
        #expect(result.stdout.contains("plans/c.plan"), "\(result)")

        let json = try box.run(["summary", "plans", "--format", "json"])
        #expect(json.status == 1)
        let object = try jsonObject(json.stdout)
        #expect(object["schemaVersion"] as? Int == 2)
        #expect(object["total"] as? Int == 6)
        #expect((object["plans"] as? [[String: Any]])?.count == 2)
        let failed = try #require(object["failed"] as? [[String: Any]])
        #expect(failed.first?["plan"] as? String == "plans/c.plan")
    }

    @Test("two plans with the same refs are kept apart by plan")
    func sameRefs() throws {
        let box = try Sandbox()
        try box.write("plans/one.plan", samplePlan)
        try box.write("plans/two.plan", samplePlan.replacingOccurrences(of: "# Test plan", with: "# Second plan"))
        let table = try box.run(["list", "plans", "--rag", "red"])
        #expect(table.status == 0, "\(table)")
        #expect(table.outLines.first?.hasPrefix("PLAN") == true, "\(table)")
        #expect(table.outLines.filter { $0.contains("2.1a") }.count == 2, "\(table)")
        #expect(table.outLines.contains { $0.hasPrefix("Second plan") && $0.contains("2.1a") })
        #expect(table.outLines.last == "2 of 8 actions in 2 plans; ! = overdue as of 1 Mar 2026 (2)")

        let json = try box.run(["list", "plans", "--rag", "red", "--format", "json"])
        let actions = try #require(try jsonObject(json.stdout)["actions"] as? [[String: Any]])
        #expect(actions.map { $0["plan"] as? String } == ["plans/one.plan", "plans/two.plan"])
        #expect(actions.map { $0["planTitle"] as? String }.last == "Second plan: recording children's views")
        #expect(actions.allSatisfy { $0["ref"] as? String == "2.1a" })

        let csv = try box.run(["list", "plans", "--rag", "red", "--format", "csv"])
        #expect(csv.outLines.first?.hasPrefix("plan,ref,") == true, "\(csv)")
        #expect(
            csv.outLines.dropFirst().map { $0.components(separatedBy: ",").prefix(2).joined(separator: ",") } == [
                "plans/one.plan,2.1a", "plans/two.plan,2.1a",
            ])
    }

    @Test("list --owner matches across plans, folding case and punctuation")
    func ownerAcrossPlans() throws {
        let box = try twoPlans()
        try box.write(
            "plans/c.plan", samplePlan.replacingOccurrences(of: "Designated Nurse", with: "designated nurse."))
        let result = try box.run(["list", "plans", "--owner", "Designated  nurse"])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.filter { $0.contains("2.1a") }.count == 2, "\(result)")
    }

    @Test("owners: every owner folded, with open, overdue, due-soon and not-updated counts")
    func owners() throws {
        let box = try twoPlans()
        try box.write(
            "plans/c.plan", samplePlan.replacingOccurrences(of: "Designated Nurse", with: "designated nurse."))
        let result = try box.run(["owners", "plans"])
        #expect(result.status == 0, "\(result)")
        let nurse = try #require(result.outLines.first { $0.hasPrefix("Designated Nurse") }, "\(result)")
        // Two actions, both open and overdue (due 15 January), none due soon.
        #expect(nurse.split(separator: " ").suffix(5) == ["2", "2", "2", "0", "0"], "\(result)")
        #expect(result.stdout.contains("also written: designated nurse."))
        #expect(result.outLines.contains { $0.hasPrefix("Sam Patel") })
        #expect(result.outLines.contains { $0.hasPrefix("Training team") })

        let json = try box.run(["owners", "plans", "--format", "json"])
        let owners = try #require(try jsonObject(json.stdout)["owners"] as? [[String: Any]])
        let board = try #require(owners.first { $0["name"] as? String == "Board" })
        #expect(board["open"] as? Int == 1)
        #expect(board["dueSoon"] as? Int == 0)
    }

    @Test("one plan file: summary and list work as they always have")
    func singlePlanUnchanged() throws {
        let box = try twoPlans()
        let summary = try box.run(["summary", "plans/a.plan"])
        #expect(summary.outLines.first == "Test plan: recording children's views")
        let list = try box.run(["list", "plans/a.plan"])
        #expect(list.outLines.first?.hasPrefix("REF") == true)
    }

    @Test("summary with no plan: a usage error")
    func noPlan() throws {
        let box = try Sandbox()
        let result = try box.run(["summary"])
        #expect(result.status == 64, "\(result)")
    }

    @Test("actionplan with no arguments, ./plans with a portfolio.txt: the portfolio's summary")
    func noArgumentsPortfolio() throws {
        let box = try twoPlans()
        try box.write("plans/portfolio.txt", "# Our plans\n## Plans\n- b.plan\n- a.plan: Plan A\n")
        let result = try box.run([])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "Our plans")
        #expect(result.outLines.contains { $0.hasPrefix("Plan A  ") })
    }

    @Test("trend of a folder: the portfolio's trend, then each plan's, over the same days")
    func trendOfFolder() throws {
        let box = try twoPlans()
        let result = try box.run(["trend", "plans", "--from", "2026-01-01", "--to", "2026-03-01"])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "Portfolio of 2 plans")
        #expect(result.outLines.contains("Test plan: recording children's views"))
        #expect(result.outLines.contains("Custom key plan"))
        // On 1 March: 6 actions in all, 2 of them complete.
        #expect(
            result.outLines.contains { $0.hasPrefix(" 1 Mar 2026") && $0.hasSuffix("2 of 6, 2 overdue") }, "\(result)")

        let json = try jsonObject(try box.run(["trend", "plans", "--to", "2026-03-01", "--format", "json"]).stdout)
        #expect(json["schemaVersion"] as? Int == 2)
        let points = try #require(json["points"] as? [[String: Any]])
        #expect(points.last?["total"] as? Int == 6)
        #expect((json["plans"] as? [[String: Any]])?.map { $0["plan"] as? String } == ["plans/a.plan", "plans/b.plan"])

        let csv = try box.run(["trend", "plans", "--from", "2026-03-01", "--to", "2026-03-01", "--format", "csv"])
        #expect(csv.outLines.first?.hasPrefix("plan,date,total") == true)
        #expect(
            csv.outLines.dropFirst().map { $0.components(separatedBy: ",").prefix(3) } == [
                ["", "2026-03-01", "6"], ["plans/a.plan", "2026-03-01", "4"], ["plans/b.plan", "2026-03-01", "2"],
            ])
    }

    @Test("changes of several plans: a section per plan")
    func changesOfPlans() throws {
        let box = try twoPlans()
        let result = try box.run(["changes", "plans", "--since", "2026-01-25", "--until", "2026-03-01"])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "Test plan: recording children's views")
        #expect(result.outLines.contains("Custom key plan"), "\(result)")
        let json = try jsonObject(
            try box.run(["changes", "plans", "--since", "2026-01-25", "--format", "json"]).stdout)
        #expect(json["schemaVersion"] as? Int == 2)
        #expect((json["plans"] as? [[String: Any]])?.count == 2)
    }

    @Test("export of a folder: one pack, the portfolio's table first, then each plan's pack; html refused")
    func exportOfFolder() throws {
        let box = try twoPlans()
        try box.write("plans/c.plan", brokenPlan)
        let result = try box.run(["export", "plans", "--format", "md", "-o", "pack.md"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("plans/c.plan:5:"))
        let pack = try box.text("pack.md")
        #expect(pack.hasPrefix("# Portfolio of 2 plans\n"), "\(pack)")
        #expect(pack.contains("| **Total** | 6 |"))
        #expect(pack.contains("\n# Test plan: recording children's views\n"))
        #expect(pack.contains("\n# Custom key plan\n"))
        #expect(pack.contains("could not be read: plans/c.plan"))

        let html = try box.run(["export", "plans/a.plan", "plans/b.plan", "--format", "html"])
        #expect(html.status == 1 && html.stderr.contains("Markdown or JSON"), "\(html)")
    }

    @Test("snapshot of a folder: each plan's pack in the dated folder")
    func snapshotOfFolder() throws {
        let box = try twoPlans()
        let result = try box.run(["snapshot", "plans"])
        #expect(result.status == 0, "\(result)")
        let written = try box.listing("plans/snapshots/2026-03-01")
        #expect(written == ["a.csv", "a.html", "a.json", "a.md", "b.csv", "b.html", "b.json", "b.md"])
    }
}
