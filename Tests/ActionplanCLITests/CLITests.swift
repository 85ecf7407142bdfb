import Foundation
import Testing

// End-to-end tests of the `actionplan` binary: check, list, summary, the default
// plan and usage errors. Editing commands (set, note) are in EditTests.swift.

@Suite("actionplan check", .tags(.endToEnd))
struct CheckTests {
    @Test("a valid file: exit 0, `ok: PATH: N actions`, nothing on stderr")
    func validFile() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["check", "--no-board-checks", "plan.plan"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "ok: plan.plan: 4 actions\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("warnings go to stderr as PATH:LINE:COL: warning: …; the file is still ok")
    func warnings() throws {
        let box = try Sandbox()
        try box.write("warn.plan", warningPlan)
        let result = try box.run(["check", "--no-board-checks", "warn.plan"])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines == ["ok: warn.plan: 1 action, 1 warning"])
        #expect(result.errLines.first == "warn.plan:6:1: warning: action 1.1a has no owner")
        #expect(!result.stdout.contains("warning:"))
    }

    @Test("--strict makes warnings fail")
    func strict() throws {
        let box = try Sandbox()
        try box.write("warn.plan", warningPlan)
        try box.write("good.plan", samplePlan)
        let result = try box.run(["check", "--no-board-checks", "--strict", "warn.plan", "good.plan"])
        #expect(result.status == 1, "\(result)")
        #expect(result.outLines == ["ok: good.plan: 4 actions"])
        #expect(result.errLines.contains("warn.plan:6:1: warning: action 1.1a has no owner"))
        #expect(result.errLines.contains { $0.hasPrefix("warn.plan:") && $0.contains("--strict") })
    }

    @Test("-q/--quiet hides warnings but keeps the ok line")
    func quiet() throws {
        let box = try Sandbox()
        try box.write("warn.plan", warningPlan)
        for flag in ["-q", "--quiet"] {
            let result = try box.run(["check", "--no-board-checks", flag, "warn.plan"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.isEmpty, "\(flag): \(result)")
            #expect(result.outLines == ["ok: warn.plan: 1 action, 1 warning"])
        }
    }

    @Test("a file with several errors: exit 1, every error on stderr with its line:col, nothing on stdout for it")
    func everyError() throws {
        let box = try Sandbox()
        try box.write("bad.plan", brokenPlan)
        try box.write("good.plan", samplePlan)
        let result = try box.run(["check", "--no-board-checks", "bad.plan", "good.plan"])
        #expect(result.status == 1, "\(result)")
        // The good file is still checked and reported; the bad one never is on stdout.
        #expect(result.outLines == ["ok: good.plan: 4 actions"])
        #expect(!result.stdout.contains("bad.plan"))

        let located = result.errLines.filter { $0.hasPrefix("bad.plan:") }
        #expect(located.count == 4, "\(result)")
        #expect(located.allSatisfy { $0.contains(": error: ") })
        let positions = located.compactMap { line -> String? in
            let parts = line.split(separator: ":", maxSplits: 3)
            return parts.count == 4 ? "\(parts[1]):\(parts[2])" : nil
        }
        #expect(positions == ["5:1", "12:10", "14:4", "18:7"])
        #expect(located.contains { $0.hasPrefix("bad.plan:5:1: error: ") && $0.contains("outside any area") })
        #expect(located.contains { $0.hasPrefix("bad.plan:12:10: error: ") && $0.contains("2023-02-30") })
        #expect(located.contains { $0.hasPrefix("bad.plan:14:4: error: ") && $0.contains("'X'") })
        #expect(located.contains { $0.hasPrefix("bad.plan:18:7: error: ") && $0.contains("duplicate ref 1.1a") })
        // Each message is followed by the source line and a caret under the column.
        #expect(result.stderr.contains("\n    - [A] 1.1a Duplicate.\n          ^\n"))
    }

    @Test("a missing file: exit 1 and one line saying 'no such file'")
    func missingFile() throws {
        let box = try Sandbox()
        let result = try box.run(["check", "--no-board-checks", "nowhere.plan"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.errLines.count == 1)
        #expect(result.errLines.first?.contains("nowhere.plan") == true)
        #expect(result.errLines.first?.contains("no such file") == true)
    }

    @Test("a folder: exit 1 and 'is a folder'")
    func folder() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(atPath: box.path("folder.plan"), withIntermediateDirectories: true)
        let result = try box.run(["check", "--no-board-checks", "folder.plan"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.errLines.count == 1)
        #expect(result.errLines.first?.contains("is a folder") == true)
    }

    @Test("the hint for an unknown status lists only the codes in the plan's key")
    func unknownStatusHint() throws {
        let box = try Sandbox()
        try box.write("bad.plan", brokenPlan)
        let result = try box.run(["check", "--no-board-checks", "bad.plan"])
        let hint =
            result.stderr.components(separatedBy: "bad.plan:14:4:").last?
            .split(separator: "\n").first { $0.hasPrefix("hint:") }.map(String.init) ?? ""
        #expect(hint.contains("R (Red), A (Amber)"))
        #expect(!hint.contains("B (Blue)"), "\(hint)")
        #expect(!hint.contains("N (Not started)"), "\(hint)")
    }

    @Test("messages never send control characters from the plan to the terminal")
    func escapedMessages() throws {
        let box = try Sandbox()
        // An escape sequence inside a ref: the source line under the message is shown
        // escaped (`\e`), and so should the message itself be.
        let plan = warningPlan.replacingOccurrences(of: "1.1a An action", with: "1.1\u{1B}[31ma An action")
            .replacingOccurrences(of: "- Due: 2026-01-01", with: "- Owner: X\n  - Due: 2026-01-01")
        try box.write("esc.plan", plan)
        let result = try box.run(["check", "--no-board-checks", "esc.plan"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("esc.plan:6:7: error: "), "\(result)")
        #expect(result.stderr.contains("    - [A] 1.1\\e[31ma An action nobody owns."), "\(result)")
        #expect(
            !result.stderr.unicodeScalars.contains("\u{1B}"),
            "\(result.stderr.replacingOccurrences(of: "\u{1B}", with: "<ESC>"))")
    }

    @Test(
        "every .plan file in the repository's plans/ folder checks ok",
        .enabled(if: !repositoryPlans().isEmpty, "no .plan files in plans/"))
    func repositoryPlansCheck() throws {
        let box = try Sandbox()
        let paths = repositoryPlans()
        let result = try box.run(["check"] + paths)
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.count == paths.count, "\(result)")
        for path in paths {
            #expect(result.outLines.contains { $0.hasPrefix("ok: \(path): ") }, "\(path): \(result)")
        }
        #expect(result.outLines.allSatisfy { $0.hasPrefix("ok: ") })
    }
}

/// The `.plan` files in the repository's plans/ folder, at test time.
func repositoryPlans() -> [String] {
    let folder = packageRoot.appendingPathComponent("plans")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".plan") }.sorted().map { folder.appendingPathComponent($0).path }
}

@Suite("actionplan list", .tags(.endToEnd))
struct ListTests {
    /// The refs `list --format json` prints for `arguments`, or nil (and an issue) if it failed.
    static func refs(
        _ arguments: [String], plan: String = samplePlan,
        environment: [String: String?] = [:]
    ) throws -> [String]? {
        let box = try Sandbox()
        try box.write("plan.plan", plan)
        let result = try box.run(["list", "plan.plan", "--format", "json"] + arguments, environment: environment)
        guard result.status == 0 else {
            Issue.record("list \(arguments) failed: \(result)")
            return nil
        }
        let json = try jsonObject(result.stdout)
        let actions = try #require(json["actions"] as? [[String: Any]])
        #expect(json["count"] as? Int == actions.count)
        return actions.compactMap { $0["ref"] as? String }
    }

    @Test(
        "--rag filters by status, in any spelling, repeatable",
        arguments: [
            (["--rag", "red"], ["2.1a"]),
            (["--rag", "r"], ["2.1a"]),
            (["--rag", "R"], ["2.1a"]),
            (["--rag", "Amber"], ["1.1a", "2.1b"]),
            (["--rag", "A"], ["1.1a", "2.1b"]),
            (["--rag", "green"], ["1.1b"]),
            (["--rag", "r", "--rag", "amber"], ["1.1a", "2.1a", "2.1b"]),
            (["--rag", "G", "--rag", "red"], ["1.1b", "2.1a"]),
            (["--rag", "not-started"], []),
            (["--rag", "not started"], []),
        ])
    func rag(arguments: [String], expected: [String]) throws {
        #expect(try Self.refs(arguments) == expected)
    }

    @Test(
        "--owner matches part of any owner, ignoring case",
        arguments: [
            (["--owner", "sam"], ["1.1b"]),
            (["--owner", "TRAINING TEAM"], ["1.1b"]),
            (["--owner", "nurse"], ["2.1a"]),
            (["--owner", "group"], ["1.1a"]),
            (["--owner", "nobody"], []),
        ])
    func owner(arguments: [String], expected: [String]) throws {
        #expect(try Self.refs(arguments) == expected)
    }

    @Test(
        "--overdue is relative to ACTIONPLAN_TODAY, or to --as-of in ISO or UK form",
        arguments: [
            ([], nil, ["1.1a", "2.1a"]),
            ([], "2026-02-01", ["2.1a"]),
            ([], "2026-01-15", []),
            ([], "2026-01-16", ["2.1a"]),
            (["--as-of", "2026-02-01"], nil, ["2.1a"]),
            (["--as-of", "28/02/2026"], nil, ["2.1a"]),
            (["--as-of", "1 March 2026"], nil, ["1.1a", "2.1a"]),
            (["--as-of", "1 Mar 2026"], nil, ["1.1a", "2.1a"]),
            (["--as-of", "2026-03-01"], "2020-01-01", ["1.1a", "2.1a"]),
        ] as [([String], String?, [String])])
    func overdue(arguments: [String], today: String?, expected: [String]) throws {
        let environment: [String: String?] = today.map { ["ACTIONPLAN_TODAY": $0] } ?? [:]
        #expect(try Self.refs(["--overdue"] + arguments, environment: environment) == expected)
    }

    @Test(
        "--due-before takes ISO and UK dates and is strict",
        arguments: [
            ("2026-02-28", ["2.1a"]),
            ("28/02/2026", ["2.1a"]),
            ("28 February 2026", ["2.1a"]),
            ("01/03/2026", ["1.1a", "1.1b", "2.1a"]),
            ("2026-01-15", []),
            ("2027-01-01", ["1.1a", "1.1b", "2.1a"]),
        ])
    func dueBefore(date: String, expected: [String]) throws {
        #expect(try Self.refs(["--due-before", date]) == expected)
    }

    @Test(
        "--section keeps one section's actions",
        arguments: [
            ("1", ["1.1a", "1.1b"]),
            ("2", ["2.1a", "2.1b"]),
            ("2.", ["2.1a", "2.1b"]),
            ("3", []),
        ])
    func section(section: String, expected: [String]) throws {
        #expect(try Self.refs(["--section", section]) == expected)
    }

    @Test("filters combine: every condition must hold")
    func combined() throws {
        #expect(try Self.refs(["--section", "1", "--overdue"]) == ["1.1a"])
        #expect(try Self.refs(["--rag", "amber", "--owner", "lead"]) == ["2.1b"])
        #expect(try Self.refs(["--search", "first draft"]) == ["1.1a"])
    }

    @Test("--as-of reconstructs statuses from the history and drops actions added later")
    func asOfStatuses() throws {
        // 1.1b was set green on 2026-02-01, 2.1a red on 2026-01-10; 2.1b was added on 2026-01-20.
        #expect(try Self.refs(["--as-of", "2026-01-15", "--rag", "amber"]) == ["1.1a", "1.1b"])
        #expect(try Self.refs(["--as-of", "2026-01-15", "--rag", "green"]) == [])
        #expect(try Self.refs(["--as-of", "2026-01-05", "--rag", "amber"]) == ["1.1a", "1.1b", "2.1a"])
        #expect(try Self.refs(["--as-of", "2026-02-01", "--rag", "green"]) == ["1.1b"])
    }

    @Test("--format json: schemaVersion, count and the fields of each action")
    func json() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["list", "plan.plan", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let json = try jsonObject(result.stdout)
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["plan"] as? String == "plan.plan")
        #expect(json["title"] as? String == "Test plan: recording children's views")
        #expect(json["asOf"] as? String == "2026-03-01")
        #expect(json["count"] as? Int == 4)
        let actions = try #require(json["actions"] as? [[String: Any]])
        try #require(actions.count == 4)

        let first = actions[0]
        #expect(first["ref"] as? String == "1.1a")
        #expect(first["section"] as? String == "1")
        #expect(first["area"] as? String == "1.1")
        #expect(first["status"] as? String == "amber")
        #expect(first["statusCode"] as? String == "A")
        #expect(first["statusLabel"] as? String == "Amber")
        #expect(first["text"] as? String == "Publish guidance on recording children's views.")
        #expect(first["owners"] as? [String] == ["Voice of the child group"])
        let due = try #require(first["due"] as? [String: Any])
        #expect(due["text"] as? String == "2026-02-28")
        #expect(due["date"] as? String == "2026-02-28")
        #expect(first["overdue"] as? Bool == true)
        #expect(first["line"] as? Int == 10)
        let notes = try #require(first["notes"] as? [[String: Any]])
        #expect(notes.count == 1)
        #expect(notes.first?["date"] as? String == "2026-01-14")
        #expect(notes.first?["author"] as? String == "Sam Patel")
        #expect(notes.first?["text"] as? String == "The first draft went to the task group.")
        #expect(notes.first?["line"] as? Int == 13)
        let history = try #require(first["history"] as? [[String: Any]])
        #expect(history.count == 1)
        #expect(history.first?["kind"] as? String == "status")
        #expect(history.first?["from"] as? String == "red")
        #expect(history.first?["to"] as? String == "amber")
        #expect(history.first?["date"] as? String == "2025-11-03")
        #expect(first["extraFields"] as? [Any] != nil)

        let second = actions[1]
        #expect(second["owners"] as? [String] == ["Training team", "Sam Patel"])
        #expect((second["due"] as? [String: Any])?["date"] as? String == "2026-02-28")
        #expect((second["due"] as? [String: Any])?["text"] as? String == "28/02/2026")
        #expect(second["overdue"] as? Bool == false, "complete actions are never overdue")
        #expect((second["notes"] as? [Any])?.isEmpty == true)

        let last = actions[3]
        #expect(last["ref"] as? String == "2.1b")
        let lastDue = try #require(last["due"] as? [String: Any])
        #expect(lastDue["text"] as? String == "To be agreed")
        #expect(lastDue["date"] is NSNull, "a free-text due has a null date")
        #expect(last["overdue"] as? Bool == false)
        let added = try #require((last["history"] as? [[String: Any]])?.first)
        #expect(added["kind"] as? String == "added")
        #expect(added["author"] is NSNull)
    }

    @Test("--format json with a filter: count is the number listed")
    func jsonFiltered() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["list", "plan.plan", "--format", "json", "--overdue"])
        let json = try jsonObject(result.stdout)
        #expect(json["count"] as? Int == 2)
        let actions = try #require(json["actions"] as? [[String: Any]])
        #expect(actions.allSatisfy { $0["overdue"] as? Bool == true })
    }

    @Test("--format csv: a header and one quoted row per action")
    func csv() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["list", "plan.plan", "--format", "csv", "--section", "2"])
        #expect(result.status == 0, "\(result)")
        let lines = result.outLines
        #expect(
            lines.first == "ref,section,area,status,due,due_date,overdue,owners,action,latest_note_date,latest_note")
        #expect(lines.count == 3)
        #expect(
            lines.dropFirst().first
                == #"2.1a,2,2.1,Red,15 January 2026,2026-01-15,yes,Designated Nurse,"Publish a ""was not brought"" guide.",,"#
        )
    }

    @Test("the default table: one row per action, ! marks overdue, and a count line")
    func table() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["list", "plan.plan"])
        #expect(result.status == 0, "\(result)")
        let lines = result.outLines
        try #require(lines.count == 6, "\(result)")
        #expect(lines[0].hasPrefix("REF"))
        #expect(lines[0].contains("OWNER") && lines[0].contains("ACTION"))
        #expect(lines[1].hasPrefix("1.1a  A  ! 28 Feb 2026"))
        #expect(lines[2].hasPrefix("1.1b  G    "))
        #expect(lines[4].hasPrefix("2.1b  A    To be agreed"))
        #expect(lines[5] == "4 of 4 actions; ! = overdue as of 1 Mar 2026 (2)")
        #expect(lines.allSatisfy { $0.count <= 120 })
    }

    @Test("list on a plan with errors: exit 1, errors on stderr, nothing on stdout")
    func brokenPlanList() throws {
        let box = try Sandbox()
        try box.write("bad.plan", brokenPlan)
        let result = try box.run(["list", "bad.plan", "--format", "json"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.errLines.contains { $0.hasPrefix("bad.plan:18:7: error: ") })
    }
}

@Suite("actionplan summary", .tags(.endToEnd))
struct SummaryTests {
    @Test("text: totals, % complete, overdue, per status and per section")
    func text() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["summary", "plan.plan"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let lines = result.outLines
        #expect(lines.first == "Test plan: recording children's views")
        #expect(lines.contains("updated as at 14 January 2026; figures as of 1 March 2026"))
        #expect(lines.contains("4 actions, 1 complete (25%), 2 overdue"))
        #expect(lines.contains { $0.hasPrefix("R  Red") && $0.hasSuffix(" 1    25%") })
        #expect(lines.contains { $0.hasPrefix("A  Amber") && $0.hasSuffix(" 2    50%") })
        #expect(lines.contains { $0.hasPrefix("G  Green") && $0.hasSuffix(" 1    25%") })
        let section1 = try #require(lines.first { $0.hasPrefix("1 Hearing children") })
        #expect(section1.split(separator: " ").suffix(6) == ["2", "0", "1", "1", "50%", "1"])
        let section2 = try #require(lines.first { $0.hasPrefix("2 Keeping children in view") })
        #expect(section2.split(separator: " ").suffix(6) == ["2", "1", "1", "0", "0%", "1"])
    }

    @Test("json: schemaVersion, totals, byStatus and sections")
    func json() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["summary", "plan.plan", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let json = try jsonObject(result.stdout)
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["plan"] as? String == "plan.plan")
        #expect(json["title"] as? String == "Test plan: recording children's views")
        #expect(json["asAt"] as? String == "2026-01-14")
        #expect(json["asOf"] as? String == "2026-03-01")
        #expect(json["total"] as? Int == 4)
        #expect(json["complete"] as? Int == 1)
        #expect(json["percentComplete"] as? Double == 25)
        #expect(json["overdue"] as? Int == 2)
        #expect(json["byStatus"] as? [String: Int] == ["red": 1, "amber": 2, "green": 1])
        let key = try #require(json["statusKey"] as? [[String: Any]])
        #expect(key.compactMap { $0["code"] as? String } == ["R", "A", "G"])
        #expect(key.first?["status"] as? String == "red")
        #expect(key.first?["label"] as? String == "Red")
        let sections = try #require(json["sections"] as? [[String: Any]])
        try #require(sections.count == 2)
        #expect(sections[0]["number"] as? String == "1")
        #expect(sections[0]["title"] as? String == "Hearing children")
        #expect(sections[0]["total"] as? Int == 2)
        #expect(sections[0]["complete"] as? Int == 1)
        #expect(sections[0]["percentComplete"] as? Double == 50)
        #expect(sections[0]["overdue"] as? Int == 1)
        #expect(sections[1]["byStatus"] as? [String: Int] == ["red": 1, "amber": 1, "green": 0])
    }

    @Test(
        "--as-of reconstructs statuses from the history (green on 2026-02-01 counts amber on 2026-01-15)",
        arguments: ["2026-01-15", "15/01/2026", "15 January 2026"])
    func asOf(date: String) throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["summary", "plan.plan", "--as-of", date, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let json = try jsonObject(result.stdout)
        #expect(json["asOf"] as? String == "2026-01-15")
        // 2.1b was only added on 2026-01-20.
        #expect(json["total"] as? Int == 3)
        #expect(json["complete"] as? Int == 0)
        #expect(json["overdue"] as? Int == 0, "2.1a is due on 2026-01-15 itself: not yet overdue")
        #expect(json["byStatus"] as? [String: Int] == ["red": 1, "amber": 2, "green": 0])

        let text = try box.run(["summary", "plan.plan", "--as-of", date])
        #expect(text.outLines.contains("3 actions, 0 complete (0%), 0 overdue"), "\(text)")
        #expect(text.stdout.contains("figures as of 15 January 2026"))
    }

    @Test("a plan with one action says '1 action'")
    func singular() throws {
        let box = try Sandbox()
        try box.write("one.plan", warningPlan)
        let result = try box.run(["summary", "one.plan"])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.contains("1 action, 0 complete (0%), 1 overdue"), "\(result)")
    }

    @Test("--as-of before a status change shows the status it changed from")
    func asOfBeforeRed() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["summary", "plan.plan", "--as-of", "2026-01-05", "--format", "json"])
        let json = try jsonObject(result.stdout)
        #expect(json["byStatus"] as? [String: Int] == ["red": 0, "amber": 3, "green": 0])
    }

    @Test("a plan's own status key: labels and byStatus follow it")
    func customKey() throws {
        let box = try Sandbox()
        try box.write("plan.plan", customKeyPlan)
        let result = try box.run(["summary", "plan.plan", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let json = try jsonObject(result.stdout)
        #expect(json["byStatus"] as? [String: Int] == ["amber": 0, "green": 1, "blue": 0, "not-started": 1])
        let key = try #require(json["statusKey"] as? [[String: Any]])
        #expect(key.compactMap { $0["label"] as? String } == ["Not yet started", "On track", "Done", "Embedded"])
        #expect(json["percentComplete"] as? Double == 50)

        let list = try box.run(["list", "plan.plan", "--format", "json", "--rag", "n"])
        let actions = try #require(try jsonObject(list.stdout)["actions"] as? [[String: Any]])
        #expect(actions.count == 1)
        #expect(actions.first?["status"] as? String == "not-started")
        #expect(actions.first?["statusCode"] as? String == "N")
        #expect(actions.first?["statusLabel"] as? String == "Not yet started")
    }
}

@Suite("actionplan with no arguments", .tags(.endToEnd))
struct DefaultPlanTests {
    @Test("prints the summary of the first .plan file in ./plans")
    func firstPlanInPlansFolder() throws {
        let box = try Sandbox()
        try box.write("plans/x.plan", samplePlan)
        let result = try box.run([])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "Test plan: recording children's views")
        #expect(result.stdout.contains("4 actions, 1 complete (25%), 2 overdue"))
    }

    @Test("chooses by name when ./plans holds several, ignoring other files")
    func firstByName() throws {
        let box = try Sandbox()
        try box.write("plans/b.plan", samplePlan)
        try box.write("plans/a.plan", customKeyPlan)
        try box.write("plans/0-notes.txt", "not a plan")
        let result = try box.run([])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "Custom key plan")
    }

    @Test("ACTIONPLAN_PLAN names the plan, ahead of ./plans")
    func environmentVariable() throws {
        let box = try Sandbox()
        try box.write("plans/x.plan", samplePlan)
        let other = try box.write("elsewhere/other.plan", customKeyPlan)
        let result = try box.run([], environment: ["ACTIONPLAN_PLAN": other])
        #expect(result.status == 0, "\(result)")
        #expect(result.outLines.first == "Custom key plan")
    }

    @Test("with neither: exit 1 and a clear message")
    func neither() throws {
        let box = try Sandbox()
        let result = try box.run([])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no plan given"), "\(result)")
        #expect(result.stderr.contains("plans"))
    }

    @Test("ACTIONPLAN_PLAN naming a missing file: exit 1, 'no such file'")
    func missingEnvironmentPlan() throws {
        let box = try Sandbox()
        let result = try box.run([], environment: ["ACTIONPLAN_PLAN": box.path("gone.plan")])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("no such file"))
    }
}

@Suite("usage errors", .tags(.endToEnd))
struct UsageTests {
    @Test(
        "bad usage: exit 64 and a message naming the problem; the plan is untouched",
        arguments: [
            (["list", "plan.plan", "--bogus"], "--bogus"),
            (["summary", "plan.plan", "--as-of", "2026-02-30"], "2026-02-30"),
            (["list", "plan.plan", "--due-before", "31/02/2026"], "31/02/2026"),
            (["list", "plan.plan", "--rag", "purple"], "purple"),
            (["set", "plan.plan", "1.1a", "--rag", "purple"], "purple"),
            (["set", "plan.plan", "1.1a"], "--rag"),
            (["set", "plan.plan", "1.1a", "--rag", "green", "--date", "2026-13-01"], "2026-13-01"),
            (["list", "plan.plan", "--format", "xml"], "xml"),
            (["summary", "plan.plan", "--format", "csv"], "csv"),
            (["check"], "<paths>"),
            (["frobnicate"], "frobnicate"),
            (["note", "plan.plan", "1.1a"], "<text>"),
        ])
    func badUsage(arguments: [String], named: String) throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(named), "\(result)")
        #expect(result.stderr.hasPrefix("Error: "))
        #expect(try box.text("plan.plan") == samplePlan)
    }

    @Test("--help and --version exit 0 on stdout")
    func helpAndVersion() throws {
        let box = try Sandbox()
        for command in ["check", "list", "summary", "set", "note"] {
            let result = try box.run([command, "--help"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("USAGE: actionplan \(command)"))
        }
        let version = try box.run(["--version"])
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
    }
}
