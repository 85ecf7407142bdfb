import Foundation
import PlanCore
import Testing

/// A board sharing a plan through git: a bare repository standing in for the shared
/// remote, clones for the members, `actionplan git-setup` in each, and real merges
/// through the merge driver. Git runs without the user's or the system's config.
final class Board {
    let sandbox: Sandbox
    let git: String
    let remote: String
    private(set) var clones: [String: String] = [:]

    init(members: [String]) throws {
        sandbox = try Sandbox()
        git = try #require(programPath("git"), "git is needed for these tests")
        remote = sandbox.path("board.git")
        try FileManager.default.createDirectory(atPath: sandbox.path("home"), withIntermediateDirectories: true)
        try check(run(git, ["init", "-q", "--bare", "-b", "main", remote], in: sandbox.url.path))
        for (n, member) in members.enumerated() {
            let clone = sandbox.path(member.lowercased())
            try check(run(git, ["clone", "-q", remote, clone], in: sandbox.url.path))
            clones[member] = clone
            try check(self.git(["config", "user.name", member], member))
            try check(self.git(["config", "user.email", "\(member.lowercased())@board.example"], member))
            try check(actionplan(["git-setup"], member))
            if n == 0 {
                try Data(contentsOf: packageRoot.appendingPathComponent("plans/small.plan")).write(
                    to: URL(fileURLWithPath: clone + "/plan.plan"))
                try check(self.git(["add", "plan.plan", ".gitattributes"], member))
                try check(self.git(["commit", "-q", "-m", "The board's plan"], member))
                try check(self.git(["push", "-q", "-u", "origin", "main"], member))
            } else {
                try check(self.git(["pull", "-q"], member))
            }
        }
    }

    func environment(_ member: String) -> [String: String] {
        isolatedEnvironment(home: sandbox.path("home"), user: member)
    }

    func run(_ program: String, _ arguments: [String], in folder: String, as member: String = "Board") throws -> (
        status: Int32, output: String, errors: String
    ) {
        try BackgroundChild.run(program, arguments, in: folder, environment: environment(member), seconds: 60)
    }

    @discardableResult
    func git(_ arguments: [String], _ member: String) throws -> (status: Int32, output: String, errors: String) {
        try run(git, arguments, in: clones[member]!, as: member)
    }

    @discardableResult
    func actionplan(_ arguments: [String], _ member: String) throws -> (status: Int32, output: String, errors: String) {
        try run(actionplanBinary.path, arguments, in: clones[member]!, as: member)
    }

    func plan(_ member: String) throws -> PlanDocument { try PlanFile.load(clones[member]! + "/plan.plan") }

    func text(_ member: String) throws -> String {
        try String(contentsOfFile: clones[member]! + "/plan.plan", encoding: .utf8)
    }

    /// Edits the plan as a person would in an editor.
    func editByHand(_ member: String, _ edit: (inout [String]) -> Void) throws {
        let path = clones[member]! + "/plan.plan"
        try Data(editingLines(try text(member), edit).utf8).write(to: URL(fileURLWithPath: path))
    }

    func check(
        _ result: (status: Int32, output: String, errors: String), sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try #require(result.status == 0, "\(result.output)\(result.errors)", sourceLocation: sourceLocation)
    }

    /// For every merge commit in `member`'s history: whether git's own line merge would
    /// have merged the plan without a conflict.
    func lineMergeOutcomes(_ member: String) throws -> [Bool] {
        let merges = try git(["rev-list", "--merges", "HEAD"], member).output.split(separator: "\n")
        let scratch = sandbox.path("line-merge")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        return try merges.map { merge in
            let parents = try git(["rev-parse", "\(merge)^1", "\(merge)^2"], member).output.split(separator: "\n")
            let base = try git(["merge-base", String(parents[0]), String(parents[1])], member).output
                .trimmingCharacters(in: .newlines)
            for (name, commit) in [("ours", parents[0]), ("base", Substring(base)), ("theirs", parents[1])] {
                try Data(try git(["show", "\(commit):plan.plan"], member).output.utf8).write(
                    to: URL(fileURLWithPath: "\(scratch)/\(name)"))
            }
            return try run(git, ["merge-file", "-p", "ours", "base", "theirs"], in: scratch).status == 0
        }
    }
}

@Suite("A board sharing plans through git", .serialized, .tags(.endToEnd))
struct GitCollaborationTests {
    @Test func clonesMergeByMeaningAndATwoStatusConflictIsLeftForAPerson() throws {
        let members = ["Ann", "Bob", "Cat"]
        let board = try Board(members: members)
        var merges = 0
        var automatic = 0
        /// Pulls (merging with the driver) and pushes; counts the merges.
        func share(_ member: String) throws {
            let before = try board.git(["rev-parse", "HEAD"], member).output
            let pull = try board.git(["pull", "--no-rebase", "--no-edit", "-q"], member)
            let merged = try board.git(
                ["rev-list", "--merges", "--count", "\(before.trimmingCharacters(in: .newlines))..HEAD"], member)
            if pull.status != 0 {
                merges += 1
                return
            }
            if merged.output.trimmingCharacters(in: .newlines) != "0" {
                merges += 1
                automatic += 1
            }
            try board.check(board.git(["push", "-q"], member))
        }

        let rounds = 3
        for round in 1...rounds {
            // Notes on one shared action from two members, each member's own actions, and edits by hand.
            try board.check(board.actionplan(["note", "plan.plan", "1.1a", "Ann, round \(round)."], "Ann"))
            try board.check(board.actionplan(["note", "plan.plan", "1.1a", "Bob, round \(round)."], "Bob"))
            try board.check(board.actionplan(["note", "plan.plan", "2.1b", "Cat, round \(round)."], "Cat"))
            switch round {
            case 1:
                try board.check(board.actionplan(["set", "plan.plan", "1.1b", "--rag", "green"], "Ann"))
                // Another field of the same action, edited by hand.
                try board.editByHand("Cat") { lines in
                    let owner = lines.firstIndex { $0.hasPrefix("  - Owner: Head of Quality Assurance") }!
                    lines[owner] = "  - Owner: Quality Assurance Team"
                }
            case 2:
                try board.check(
                    board.actionplan(
                        ["set", "plan.plan", "2.1c", "--rag", "red", "--note", "Dip sample postponed."], "Bob"))
                try board.editByHand("Ann") { lines in
                    let due = lines.firstIndex { $0 == "  - Due: 2027-01-29" }!
                    lines[due] = "  - Due: 2027-02-26"
                    lines.insert(
                        "  - Due 2026-11-10 (Ann): 2027-01-29 -> 2027-02-26",
                        at: lines.firstIndex { $0.hasPrefix("  - Due 2026-10-21 (Rachel Moore)") }! + 1)
                }
            default:
                break
            }
            for member in members {
                try board.check(board.git(["commit", "-q", "-am", "\(member), round \(round)"], member))
            }
            for member in members { try share(member) }
        }

        // Two different statuses for one action: a conflict, left in the file for a person.
        try board.check(
            board.actionplan(["set", "plan.plan", "1.2b", "--rag", "amber", "--note", "Second session needed."], "Ann"))
        try board.check(board.git(["commit", "-q", "-am", "Ann: 1.2b amber"], "Ann"))
        try share("Ann")
        try board.check(board.actionplan(["set", "plan.plan", "1.2b", "--rag", "red"], "Bob"))
        try board.check(board.git(["commit", "-q", "-am", "Bob: 1.2b red"], "Bob"))
        let pull = try board.git(["pull", "--no-rebase", "--no-edit"], "Bob")
        merges += 1
        #expect(pull.status != 0)
        #expect(pull.errors.contains("CONFLICT in plan.plan: 1.2b's status (R here, A there)"))
        let check = try board.actionplan(["check", "plan.plan"], "Bob")
        let conflicted = try board.text("Bob").components(separatedBy: "\n")
        let line = try #require(conflicted.firstIndex { $0.hasPrefix("<<<<<<< ours: 1.2b status R") }) + 1
        #expect(check.status == 1)
        #expect(check.errors.hasPrefix("plan.plan:\(line):1: error: unresolved merge conflict (lines \(line)–"))
        // Bob talks to Ann and they keep Ann's amber: delete ours and the markers.
        try board.editByHand("Bob") { lines in
            let start = lines.firstIndex { $0.hasPrefix("<<<<<<<") }!
            let middle = lines.firstIndex { $0 == "=======" }!
            lines.removeSubrange(start...middle)
            lines.remove(at: lines.firstIndex { $0.hasPrefix(">>>>>>>") }!)
        }
        try board.check(board.actionplan(["check", "plan.plan"], "Bob"))
        try board.check(board.git(["commit", "-q", "-am", "Keep Ann's amber for 1.2b"], "Bob"))
        try board.check(board.git(["push", "-q"], "Bob"))
        for member in members { try board.check(board.git(["pull", "-q", "--no-rebase", "--no-edit"], member)) }

        // Every update is in every clone, and the plan is valid.
        let texts = try members.map { try board.text($0) }
        #expect(Set(texts).count == 1)
        let plan = try board.plan("Cat").plan
        let notes = { (ref: String) in plan.action(ref: ref)!.notes.map(\.text) }
        for round in 1...rounds {
            #expect(notes("1.1a").contains("Ann, round \(round).") && notes("1.1a").contains("Bob, round \(round)."))
            #expect(notes("2.1b").contains("Cat, round \(round)."))
        }
        #expect(
            plan.action(ref: "1.1b")?.status == .green && plan.action(ref: "1.1b")?.owners == ["Quality Assurance Team"]
        )
        #expect(plan.action(ref: "2.1c")?.status == .red && plan.action(ref: "2.1c")?.due?.text == "2027-02-26")
        #expect(notes("2.1c") == ["Dip sample postponed."])
        #expect(plan.action(ref: "1.2b")?.status == .amber && notes("1.2b") == ["Second session needed."])
        let dates = plan.action(ref: "1.1a")!.notes.map(\.date)
        #expect(dates == dates.sorted())

        let lineMerges = try board.lineMergeOutcomes("Cat")
        print(
            "git: \(merges) merges of the plan across \(members.count) clones; the merge driver merged \(automatic) automatically, "
                + "\(merges - automatic) conflict (two statuses for 1.2b, on purpose); "
                + "git's own line merge would have merged \(lineMerges.filter { $0 }.count) of the \(lineMerges.count) recorded merge commits"
        )
        #expect(automatic == merges - 1)
    }

    /// The scripted session: four members update one plan at once. Ann and Bob share
    /// one machine (one clone, one file, at the same time); Cat and Dan have clones of
    /// their own and `actionplan sync` after every update, racing each other to push.
    @Test func aBoardSessionOnOneMachineAndAcrossClones() throws {
        let board = try Board(members: ["Ann", "Cat", "Dan"])
        let sharedClone = board.clones["Ann"]!
        let updates: [(who: String, clone: String, ref: String, count: Int, sync: Bool)] = [
            ("Ann", sharedClone, "1.1b", 6, false), ("Bob", sharedClone, "1.1a", 6, false),
            ("Cat", board.clones["Cat"]!, "2.1b", 4, true), ("Dan", board.clones["Dan"]!, "1.1a", 4, true),
        ]
        let script = """
            i=1
            while [ "$i" -le "$COUNT" ]; do
              "$AP" note plan.plan "$REF" "$WHO, update $i." || exit 1
              if [ "$SYNC" = yes ]; then "$AP" sync plan.plan || exit 1; fi
              i=$((i + 1))
            done
            """
        let started = Date()
        let children = try updates.map { member in
            var environment = board.environment(member.who)
            environment.merge([
                "AP": actionplanBinary.path, "REF": member.ref, "WHO": member.who, "COUNT": "\(member.count)",
                "SYNC": member.sync ? "yes" : "no",
            ]) { $1 }
            return try BackgroundChild("/bin/sh", ["-c", script], in: member.clone, environment: environment)
        }
        for (child, member) in zip(children, updates) {
            #expect(child.wait(seconds: 120) == 0, "\(member.who): \(child.output)\(child.errors)")
        }
        // Ann's clone joins in once its two members are done; then everyone catches up.
        try board.check(board.actionplan(["sync", "plan.plan"], "Ann"))
        for member in ["Cat", "Dan", "Ann"] { try board.check(board.actionplan(["sync", "plan.plan"], member)) }
        let seconds = Date().timeIntervalSince(started)

        var present = 0
        for clone in ["Ann", "Cat", "Dan"] {
            #expect(try board.actionplan(["check", "-q", "plan.plan"], clone).status == 0)
            let plan = try board.plan(clone).plan
            for member in updates {
                let notes = plan.action(ref: member.ref)!.notes.filter { $0.author == member.who }.map(\.text)
                #expect(
                    notes == (1...member.count).map { "\(member.who), update \($0)." },
                    "\(member.who)'s notes in \(clone)'s clone")
                present += notes.count
            }
        }
        let total = updates.map(\.count).reduce(0, +)
        let history = try board.git(["rev-list", "--merges", "--count", "HEAD"], "Ann").output.trimmingCharacters(
            in: .newlines)
        print(
            "board session: 4 members (2 on one machine, 2 in clones of their own), \(total) updates, "
                + "\(present / 3) of \(total) present in each of the 3 clones, \(history) git merges (all by the driver, no conflict), "
                + String(format: "%.1f s", seconds))
        #expect(present == total * 3)
    }
}
