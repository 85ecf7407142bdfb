import Foundation
import PlanCore
import Testing

/// Through real git, what an adversarial pass found the merge driver let through
/// (issue 19, item 6): invalid plans committed after a line-by-line fallback, a sync
/// that pushed them, reworded notes kept twice, half-converted line endings, a lost
/// byte order mark, and status histories that were no longer a chain.
@Suite("Merging plans through git: the edge cases", .serialized)
struct GitMergeEdgeCaseTests {
    /// Ann commits and pushes; Bob commits and pulls (merging with the driver).
    private func bothCommitAndBobPulls(_ board: Board) throws -> (status: Int32, output: String, errors: String) {
        try board.check(board.git(["commit", "-q", "-am", "Ann's change"], "Ann"))
        try board.check(board.git(["push", "-q"], "Ann"))
        try board.check(board.git(["commit", "-q", "-am", "Bob's change"], "Bob"))
        return try board.git(["pull", "--no-rebase", "--no-edit"], "Bob")
    }

    /// The plan has no commit in progress and is what `HEAD` says: nothing half-merged was committed.
    private func expectMergeStopped(_ board: Board, _ member: String) throws {
        let merging = try board.git(["rev-parse", "-q", "--verify", "MERGE_HEAD"], member)
        #expect(merging.status == 0, "git should be stopped in the middle of the merge")
        let unmerged = try board.git(["diff", "--name-only", "--diff-filter=U"], member).output
        #expect(unmerged.contains("plan.plan"))
    }

    @Test func anActionMovedToTwoPlacesIsAConflictNotACommittedDuplicate() throws {
        let board = try Board(members: ["Ann", "Bob"])
        func movingTheAuditBefore(_ heading: String) -> (inout [String]) -> Void {
            { lines in
                let start = lines.firstIndex { $0.hasPrefix("- [A] 1.1b") }!
                let block = Array(lines[start..<start + 6])
                lines.removeSubrange(start..<start + 6)
                lines.insert(contentsOf: block, at: lines.firstIndex { $0.hasPrefix(heading) }!)
            }
        }
        try board.editByHand("Ann", movingTheAuditBefore("- [R] 1.2a"))
        try board.editByHand("Bob", movingTheAuditBefore("## 2 "))
        let pull = try bothCommitAndBobPulls(board)
        #expect(pull.status != 0)
        #expect(pull.errors.contains("CONFLICT in plan.plan: merged line by line, it is not a valid plan"))
        #expect(pull.errors.contains("duplicate ref 1.1b"))
        try expectMergeStopped(board, "Bob")
        let check = try board.actionplan(["check", "plan.plan"], "Bob")
        let lines = try board.text("Bob").components(separatedBy: "\n")
        let marker = try #require(lines.firstIndex { $0.hasPrefix("<<<<<<< not valid after merging line by line") })
        #expect(lines[marker + 1].hasPrefix("- [A] 1.1b"))
        #expect(check.status == 1)
        #expect(check.errors.hasPrefix("plan.plan:\(marker + 1):1: error: unresolved merge conflict"))
    }

    @Test func aStatusDroppedFromTheKeyAndUsedOnTheOtherSideIsAConflict() throws {
        let board = try Board(members: ["Ann", "Bob"])
        // A key with Blue, shared first.
        try board.editByHand("Ann") { lines in
            lines.insert(
                contentsOf: [
                    "- Status R (Red): Off track", "- Status A (Amber): On track", "- Status G (Green): Done",
                    "- Status B (Blue): Done and embedded",
                ], at: 4)
        }
        try board.check(board.git(["commit", "-q", "-am", "A key with Blue"], "Ann"))
        try board.check(board.git(["push", "-q"], "Ann"))
        try board.check(board.git(["pull", "-q"], "Bob"))
        // Ann drops Blue from the key; Bob sets an action to Blue.
        try board.editByHand("Ann") { lines in lines.removeAll { $0.hasPrefix("- Status B (Blue)") } }
        try board.check(board.actionplan(["set", "plan.plan", "1.1b", "--rag", "blue"], "Bob"))
        let pull = try bothCommitAndBobPulls(board)
        #expect(pull.status != 0)
        #expect(pull.errors.contains("it is not a valid plan"))
        try expectMergeStopped(board, "Bob")
        let check = try board.actionplan(["check", "plan.plan"], "Bob")
        #expect(check.status == 1)
        #expect(check.errors.contains("error: unresolved merge conflict"))
        #expect(check.errors.contains("not valid after merging line by line"))
    }

    @Test func syncDoesNotPushAPlanThatIsNotValidAfterPulling() throws {
        let board = try Board(members: ["Ann", "Bob"])
        // Ann commits a broken plan with plain git (no check on the way).
        try board.editByHand("Ann") { lines in
            lines[lines.firstIndex { $0.hasPrefix("- [A] 1.1b") }!] = "- [Q] 1.1b Audit 20 cases."
        }
        try board.check(board.git(["commit", "-q", "-am", "Broken"], "Ann"))
        try board.check(board.git(["push", "-q"], "Ann"))
        let remoteBefore = try board.git(["ls-remote", "origin", "main"], "Ann").output
        // Bob has work of his own to push: a note in another file.
        try Data("Minutes.\n".utf8).write(to: URL(fileURLWithPath: board.clones["Bob"]! + "/minutes.txt"))
        try board.check(board.git(["add", "minutes.txt"], "Bob"))
        try board.check(board.git(["commit", "-q", "-m", "Minutes"], "Bob"))
        let sync = try board.actionplan(["sync", "plan.plan"], "Bob")
        #expect(sync.status == 1)
        #expect(sync.errors.contains("after pulling the board's changes, plan.plan is not a valid plan"))
        #expect(sync.errors.contains("nothing was pushed"))
        #expect(try board.git(["ls-remote", "origin", "main"], "Ann").output == remoteBefore)
    }

    @Test func aNoteRewordedOnBothSidesIsAConflict() throws {
        let board = try Board(members: ["Ann", "Bob"])
        let note = "  - Note 2026-07-01 (Rachel Moore): Relaunched on 16 June. The video has been"
        for (member, words) in [("Ann", "on 17 June"), ("Bob", "in mid-June")] {
            try board.editByHand(member) { lines in
                lines[lines.firstIndex(of: note)!] = note.replacingOccurrences(of: "on 16 June", with: words)
            }
        }
        let pull = try bothCommitAndBobPulls(board)
        #expect(pull.status != 0)
        #expect(pull.errors.contains("CONFLICT in plan.plan: 1.1a's note of 2026-07-01"))
        let check = try board.actionplan(["check", "plan.plan"], "Bob")
        #expect(check.status == 1)
        #expect(check.errors.contains("unresolved merge conflict"))
        let notes = try board.text("Bob").components(separatedBy: "\n").filter { $0.hasPrefix("  - Note 2026-07-01") }
        #expect(notes.count == 2 && notes[0].contains("in mid-June") && notes[1].contains("on 17 June"))
    }

    @Test func lineEndingsAByteOrderMarkAndStatusChainsSurviveAMerge() throws {
        let board = try Board(members: ["Ann", "Bob"])
        let path = { (member: String) in board.clones[member]! + "/plan.plan" }
        // Ann converts the file to CRLF and adds a byte order mark; both set 1.1b green on different days.
        let text = try board.text("Ann").replacingOccurrences(of: "\n", with: "\r\n")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: URL(fileURLWithPath: path("Ann")))
        var annEnvironment = board.environment("Ann")
        annEnvironment["ACTIONPLAN_TODAY"] = "2026-11-03"
        try board.check(
            board.run(
                actionplanBinary.path, ["set", "plan.plan", "1.1b", "--rag", "green"], in: board.clones["Ann"]!,
                environment: annEnvironment))
        try board.check(board.actionplan(["set", "plan.plan", "1.1b", "--rag", "green"], "Bob"))
        try board.check(board.actionplan(["note", "plan.plan", "2.1b", "Signed."], "Bob"))
        let pull = try bothCommitAndBobPulls(board)
        try board.check(pull)

        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path("Bob"))))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let crlf = zip(bytes, bytes.dropFirst()).filter { $0 == (13, 10) }.count
        #expect(crlf > 80 && crlf == bytes.filter { $0 == 10 }.count, "every line CRLF")
        let check = try board.actionplan(["check", "plan.plan"], "Bob")
        #expect(check.status == 0 && !check.errors.contains("status change from"), "\(check.errors)")
        let action = try #require(try board.plan("Bob").plan.action(ref: "1.1b"))
        let changes = action.history.compactMap {
            if case .status(let from, let to) = $0.change { "\(from.code) -> \(to.code)" } else { nil }
        }
        #expect(changes == ["A -> G", "G -> G"])
        #expect(action.status == .green)
    }
}

extension Board {
    func run(_ program: String, _ arguments: [String], in folder: String, environment: [String: String]) throws -> (
        status: Int32, output: String, errors: String
    ) {
        try BackgroundChild.run(program, arguments, in: folder, environment: environment, seconds: 60)
    }
}
