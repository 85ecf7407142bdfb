import Foundation
import Testing

@testable import PlanCore

/// A temporary folder for a portfolio test, removed when the value goes away.
private final class Folder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("portfolio-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}

private func plan(_ title: String, reviewed: String? = nil, _ actions: String) -> String {
    "# \(title)\n- As at: 2026-01-14\n" + (reviewed.map { "- Last reviewed: \($0)\n" } ?? "")
        + "\n## 1 Section one\n### 1.1 Area one\n\n" + actions
}

private let planA = plan(
    "Plan A", reviewed: "2026-01-10",
    """
    - [R] 1.1a Write the guidance.
      - Owner: Head of Service, Front Door
      - Due: 2026-01-31

    - [G] 1.1b Train the staff.
      - Owner: Sam Patel; head of service front door
      - Due: 2026-01-15
      - Note 2026-01-12 (Sam Patel): Done.

    """)

private let planB = plan(
    "Plan B",
    """
    - [A] 1.1a Audit twenty cases.
      - Owner: Head of Service – Front Door.
      - Due: 2026-03-20

    """)

@Suite("Portfolio")
struct PortfolioTests {
    @Test("a folder without a manifest: every .plan by name; totals add up")
    func folderByName() throws {
        let folder = try Folder()
        try folder.write("b.plan", planB)
        try folder.write("a.plan", planA)
        try folder.write("notes.txt", "not a plan")
        let portfolio = try Portfolio.load([folder.path])
        #expect(portfolio.members.map(\.name) == ["Plan A", "Plan B"])
        let summary = PortfolioSummary(portfolio, asOf: date("2026-03-01"))
        #expect(summary.plans.map(\.summary.overall.total) == [2, 1])
        #expect(summary.total.total == 3)
        #expect(summary.total.complete == 1)
        #expect(summary.total.overdue == 1)
        #expect(summary.total[.red] == 1 && summary.total[.amber] == 1 && summary.total[.green] == 1)
        #expect(summary.plans.first?.lastReviewed == date("2026-01-10"))
    }

    @Test("the manifest sets the order, the names and the owners' addresses")
    func manifest() throws {
        let folder = try Folder()
        try folder.write("a.plan", planA)
        try folder.write("b.plan", planB)
        try folder.write("ignored.plan", planB)
        try folder.write(
            "portfolio.txt",
            """
            # The partnership's plans
            Prose for the reader is ignored.

            ## Plans
            - b.plan: Second plan
            - a.plan

            ## Owners
            - Head of Service, Front Door: front.door@example.org
            """)
        let portfolio = try Portfolio.load([folder.path + "/"])
        #expect(portfolio.title == "The partnership's plans")
        #expect(portfolio.members.map(\.name) == ["Second plan", "Plan A"])
        #expect(portfolio.address(for: "head of service front door") == "front.door@example.org")
        #expect(portfolio.address(for: "Sam Patel") == nil)
    }

    @Test("a manifest with mistakes: each reported at its line")
    func badManifest() throws {
        let folder = try Folder()
        try folder.write("a.plan", planA)
        try folder.write(
            "portfolio.txt", "# Title\n- a.plan\n## Plans\n- a.plan\n- a.plan\n- notes.txt\n## Others\n")
        #expect {
            try Portfolio.load([folder.path])
        } throws: { error in
            let text = (error as? PortfolioError)?.description ?? ""
            return text.contains("portfolio.txt:2:1: error: a list item before")
                && text.contains("portfolio.txt:5:3: error: a.plan is listed twice")
                && text.contains("portfolio.txt:6:3: error: expected `- FILE.plan`")
                && text.contains("portfolio.txt:7:1: error: unknown heading")
        }
    }

    @Test("a plan that fails is kept with its error; the others are summarised")
    func failingPlan() throws {
        let folder = try Folder()
        try folder.write("a.plan", planA)
        try folder.write("bad.plan", "# Bad\n\n## 1 S\n### 1.1 A\n- [Q] 1.1a Nope.\n")
        let portfolio = try Portfolio.load([folder.path])
        #expect(portfolio.members.count == 2)
        #expect(portfolio.loaded.map(\.member.name) == ["Plan A"])
        let error = try #require(portfolio.failed.first?.error)
        #expect(error.description.contains("bad.plan:5:"))
        let summary = PortfolioSummary(portfolio, asOf: date("2026-03-01"))
        #expect(summary.total.total == 2)
        #expect(summary.failed.map(\.path) == [folder.path + "/bad.plan"])
    }

    @Test("a plan named twice, as a file and through its folder, is read once")
    func duplicates() throws {
        let folder = try Folder()
        let a = try folder.write("a.plan", planA)
        let portfolio = try Portfolio.load([a, folder.path])
        #expect(portfolio.members.count == 1)
    }

    @Test("owners: spellings folded, `a; b` split, counts per need")
    func owners() throws {
        let folder = try Folder()
        try folder.write("a.plan", planA)
        try folder.write("b.plan", planB)
        let report = OwnerReport(try Portfolio.load([folder.path]), asOf: date("2026-03-01"), dueWithin: 30)
        #expect(report.owners.map(\.name) == ["Head of Service, Front Door", "Sam Patel"])
        let head = try #require(report.owners.first)
        #expect(head.items.map(\.action.ref) == ["1.1a", "1.1b", "1.1a"])
        #expect(head.spellings.count == 3)
        #expect(head.open == 2)
        #expect(head.overdue == 1)  // A's 1.1a, due 31 January
        #expect(head.dueSoon == 1)  // B's 1.1a, due 20 March
        #expect(head.red == 1)
        #expect(head.notUpdated == 1)  // A's 1.1a: nothing since the review on 10 January
        #expect(OwnerName.key(" Head of Service – Front Door. ") == "head of service front door")
        #expect(OwnerName.key("Children's services") == OwnerName.key("childrens Services"))
    }

    @Test("list --owner folds case and punctuation")
    func ownerFilter() throws {
        let document = try parse(planA)
        let filter = ActionFilter(owner: "head of service front door")
        #expect(document.plan.actions(matching: filter, on: date("2026-03-01")).map(\.ref) == ["1.1a", "1.1b"])
    }

    @Test(
        "the repository's plans/ folder is a portfolio: every plan reads, the ILACS plan shares owners with the JTAI plan"
    )
    func repositoryPortfolio() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let portfolio = try Portfolio.load([root.appendingPathComponent("plans").path])
        #expect(portfolio.title == "Northmoor Safeguarding Children Partnership")
        #expect(portfolio.failed.isEmpty)
        #expect(portfolio.members.count == 4)
        let plans = Dictionary(
            uniqueKeysWithValues: portfolio.loaded.map {
                (($0.member.path as NSString).lastPathComponent, $0.document.plan)
            })
        let ilacs = try #require(plans["ilacs-improvement.plan"])
        let jtai = try #require(plans["example-jtai.plan"])
        #expect(ilacs.sections.count == 2)
        #expect((20...40).contains(ilacs.actions.count))
        let owners = { (plan: Plan) in Set(plan.actions.flatMap { OwnerName.split($0.owners).map(OwnerName.key) }) }
        #expect(owners(ilacs).intersection(owners(jtai)).count >= 3)
    }
}

@Suite("A portfolio's figures for the interface")
struct PlanOverviewTests {
    @Test func overviewCountsTodayAndTrendsByMonth() throws {
        let url = Fixtures.examplePlans.first { $0.lastPathComponent == "example-jtai.plan" }!
        let plan = try PlanFile.load(url.path).plan
        let day = DateText.parseISO("2026-11-10")!
        let overview = PlanOverview(plan: plan, on: day)
        #expect(overview.counts == StatusCounts(plan.actions, on: day))
        #expect(overview.lastReviewed == plan.lastReviewed?.date)
        #expect(overview.percentByMonth.count > 2)
        #expect(overview.percentByMonth.last == overview.counts.percentComplete)
        let first = Trend.firstDate(of: plan)!
        #expect(
            overview.percentByMonth
                == Trend(plan: plan, from: first, to: day, every: .month).points.map(\.counts.percentComplete))
    }

    @Test func overviewCountsThePlanAsItStoodOnTheDayNotAsWritten() throws {
        let text = """
            # P
            - Reviewed 2026-10-28 (Board): looked at 2 of 2, changed 1
            - Reviewed 2026-12-16 (Board): looked at 2 of 2, changed 1
            ## 1 S
            ### 1.1 A
            - [G] 1.1a Act.
              - Status 2026-10-01 (Sam): N -> R
              - Status 2026-12-01 (Sam): R -> G
            - [G] 1.1b Act.
              - Status 2026-10-01 (Sam): A -> G

            """
        let plan = try PlanDocument(text: text).plan
        let day = DateText.parseISO("2026-11-10")!
        let overview = PlanOverview(plan: plan, on: day)
        let summary = PlanSummary(plan: plan, asOf: day)
        #expect(overview.counts == summary.overall)
        #expect(overview.counts[.red] == 1 && overview.counts[.green] == 1)
        #expect(overview.lastReviewed == DateText.parseISO("2026-10-28"))
        #expect(overview.percentByMonth.last == overview.counts.percentComplete)
    }

    @Test func aPlanWithoutHistoryHasNoTrend() throws {
        let plan = try PlanDocument(text: "# P\n## 1 S\n### 1.1 A\n- [G] 1.1a Act.\n").plan
        #expect(PlanOverview(plan: plan, on: DateText.parseISO("2026-11-10")!).percentByMonth == [])
    }

    @Test func matchesAcrossPlansKeepTheSameRefsApart() throws {
        let a = try PlanDocument(text: "# A\n## 1 S\n### 1.1 A\n- [R] 1.1a Act.\n- [G] 1.1b Act.\n").plan
        let b = try PlanDocument(text: "# B\n## 1 S\n### 1.1 A\n- [R] 1.1a Act.\n- [R] 1.1b Act.\n").plan
        let red = ActionFilter(statuses: [.red]).matches(in: [(0, a), (2, b)], on: DateText.parseISO("2026-11-10")!)
        #expect(
            red == [
                PortfolioActionRef(plan: 0, ref: "1.1a"), PortfolioActionRef(plan: 2, ref: "1.1a"),
                PortfolioActionRef(plan: 2, ref: "1.1b"),
            ])
    }
}
