import Foundation
import PlanCore
import Testing

/// Two boards closing areas and recording measures in clones of one plan, merged by
/// git through `actionplan merge-driver`.
@Suite("Board lines merged through git", .serialized, .tags(.endToEnd))
struct GitGovernanceMergeTests {
    /// A measure on 1.1a and one on area 1.1, shared before the boards meet.
    private func boardWithMeasures() throws -> Board {
        let board = try Board(members: ["Ann", "Bob"])
        try board.editByHand("Ann") { lines in
            let status = lines.firstIndex { $0 == "  - Status 2026-07-01 (Rachel Moore): A -> G" }!
            lines.insert(
                "  - Measure Schools using the tool (%): baseline 20 on 2026-04-30; target 80 by 2027-03-31",
                at: status + 1)
            let next = lines.firstIndex { $0.hasPrefix("### 1.2 ") }!
            lines.insert(
                contentsOf: ["- Measure Cases audited: baseline 0 on 2026-04-30; target 20 by 2026-12-18", ""], at: next
            )
        }
        try board.check(board.actionplan(["check", "plan.plan"], "Ann"))
        try board.check(board.git(["commit", "-q", "-am", "Measures"], "Ann"))
        try board.check(board.git(["push", "-q"], "Ann"))
        try board.check(board.git(["pull", "-q"], "Bob"))
        return board
    }

    private func signOff(_ board: Board, _ member: String, area: String, by body: String, _ monitoring: String)
        throws
    {
        try board.check(
            board.actionplan(
                [
                    "sign-off", "plan.plan", area, "--force", "--by", body, "--monitored", monitoring, "--date",
                    "2026-11-05",
                ],
                member))
    }

    private func measure(_ board: Board, _ member: String, _ holder: String, _ name: String, _ value: String) throws {
        try board.check(
            board.actionplan(
                ["measure", "plan.plan", holder, name, value, "--date", "2026-11-05", "--by", member], member))
    }

    /// Ann commits and pushes; Bob commits and pulls, merging with the driver.
    private func bobPulls(_ board: Board) throws -> (status: Int32, output: String, errors: String) {
        try board.check(board.git(["commit", "-q", "-am", "Ann's board"], "Ann"))
        try board.check(board.git(["push", "-q"], "Ann"))
        try board.check(board.git(["commit", "-q", "-am", "Bob's board"], "Bob"))
        return try board.git(["pull", "--no-rebase", "--no-edit"], "Bob")
    }

    @Test func twoBoardsSignOffsAndTwoValuesOnOneDayMergeFieldByField() throws {
        let board = try boardWithMeasures()
        try signOff(board, "Ann", area: "1.1", by: "Improvement Board", "monitored through the quarterly audit")
        try measure(board, "Ann", "1.1a", "Schools using the tool", "45")
        try measure(board, "Ann", "1.1", "Cases audited", "12")
        try signOff(board, "Bob", area: "1.2", by: "Partnership Executive", "monitored through the health scorecard")
        try measure(board, "Bob", "1.1a", "Schools using the tool", "47")
        try measure(board, "Bob", "1.1", "Cases audited", "14")
        let pull = try bobPulls(board)
        #expect(pull.status == 0, "\(pull)")
        #expect(pull.errors.contains("actionplan: merged plan.plan by meaning"), "\(pull)")
        let plan = try board.plan("Bob").plan
        #expect(plan.area(number: "1.1")?.signOffs.map(\.by) == ["Improvement Board"])
        #expect(plan.area(number: "1.2")?.signOffs.map(\.by) == ["Partnership Executive"])
        let action = try #require(plan.action(ref: "1.1a")?.measures.first)
        #expect(action.values.map(\.text).sorted() == ["45", "47"])
        #expect(Set(action.values.compactMap(\.author)) == ["Ann", "Bob"])
        let area = try #require(plan.area(number: "1.1")?.measures.first)
        #expect(area.values.map(\.text).sorted() == ["12", "14"])
        #expect(try board.actionplan(["check", "plan.plan"], "Bob").status == 0)
    }

    @Test func oneAreaSignedOffDifferentlyByTwoBoardsStopsTheMergeNamingBoth() throws {
        let board = try boardWithMeasures()
        try signOff(board, "Ann", area: "1.1", by: "Improvement Board", "monitored through the quarterly audit")
        try signOff(board, "Bob", area: "1.1", by: "Partnership Executive", "monitored through the annual report")
        let pull = try bobPulls(board)
        #expect(pull.status != 0)
        #expect(
            pull.errors.contains(
                "CONFLICT in plan.plan: area 1.1's sign-off (Signed off 2026-11-05 (Partnership Executive): "
                    + "monitored through the annual report here, Signed off 2026-11-05 (Improvement Board): "
                    + "monitored through the quarterly audit there)"), "\(pull)")
        let merging = try board.git(["rev-parse", "-q", "--verify", "MERGE_HEAD"], "Bob")
        #expect(merging.status == 0, "git should be stopped in the middle of the merge")
        // Both sign-offs are in the file, between markers that check reports.
        let text = try board.text("Bob")
        #expect(text.contains("- Signed off 2026-11-05 (Partnership Executive): monitored through the annual report\n"))
        #expect(text.contains("- Signed off 2026-11-05 (Improvement Board): monitored through the quarterly audit\n"))
        let check = try board.actionplan(["check", "plan.plan"], "Bob")
        #expect(check.status == 1 && check.errors.contains("error: unresolved merge conflict"), "\(check)")
    }
}
