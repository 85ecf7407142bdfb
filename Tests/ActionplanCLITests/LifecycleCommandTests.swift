import Foundation
import Testing

// End-to-end tests of the commands that change what a plan holds (`add`, `edit`,
// `retire`, `move`), `review`, `undo`, `config name`, and the options every writing
// command shares (`--dry-run`, `--format json`, `--allow-future`).

/// The undo journal's folder: the sandbox's own (``Sandbox/stateURL``), named for clarity.
private func env(_ box: Sandbox) -> [String: String?] { ["XDG_STATE_HOME": box.stateURL.path] }

@Suite("actionplan add, edit, retire, move", .tags(.endToEnd))
struct LifecycleCommandTests {
    @Test("add: the next free ref at the end of the area, with an Added line")
    func add() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(
            [
                "add", "plan.plan", "1.1", "--text", "Audit ten records.", "--owner", "Audit team", "--owner", "Sam",
                "--due", "30/04/2026", "--rag", "amber", "--by", "Jo",
            ], environment: env(box))
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "1.1c: added to area 1.1 (saved plan.plan)\n")
        let expected = editingLines(samplePlan) { lines in
            lines.insert(
                contentsOf: [
                    "", "- [A] 1.1c Audit ten records.", "  - Owner: Audit team; Sam", "  - Due: 2026-04-30",
                    "  - Added 2026-03-01 (Jo)", "  - Status 2026-03-01 (Jo): N -> A",
                ], at: 19)
        }
        #expect(try box.text("plan.plan") == expected)
    }

    @Test(
        "bad input gets a clear error and no write",
        arguments: [
            (
                ["add", "plan.plan", "9.9", "--text", "x", "--owner", "A", "--rag", "A"],
                "error: no area 9.9 in this plan; its areas are 1.1, 2.1"
            ),
            (
                ["add", "plan.plan", "1.1", "--text", "x", "--owner", "A", "--rag", "A", "--ref", "1.1B"],
                "error: the plan already has an action 1.1B; refs are unique (ignoring case)"
            ),
            (
                ["add", "plan.plan", "1.1", "--text", "x", "--owner", "A\nB"],
                "error: an owner's name must be on one line"
            ),
            (
                ["add", "plan.plan", "1.1", "--text", "ring \u{7}", "--owner", "A"],
                "error: the text contains a control character"
            ),
            (
                ["add", "plan.plan", "1.1", "--text", "x", "--owner", "A", "--due", "2023-02-29"],
                "error: '2023-02-29' is not a date: February 2023 has 28 days"
            ),
            (["edit", "plan.plan", "1.1z", "--due", "2026-05-01"], "error: no action with ref '1.1z'"),
            (["retire", "plan.plan", "1.1a", "--reason", " "], "error: the reason is empty"),
            (["move", "plan.plan", "1.1a", "3.1"], "error: no area 3.1 in this plan"),
            (
                ["set", "plan.plan", "1.1a", "--rag", "green", "--date", "2031-05-05"],
                "Error: --date 2031-05-05 is after today (2026-03-01)"
            ),
        ])
    func refused(arguments: [String], message: String) throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(arguments, environment: env(box))
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.hasPrefix(message), "\(result)")
        #expect(try box.text("plan.plan") == samplePlan)
    }

    @Test("--allow-future lets a future date through")
    func allowFuture() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(
            ["note", "plan.plan", "1.1a", "Planned.", "--date", "2026-03-05", "--allow-future", "--by", "Jo"],
            environment: env(box))
        #expect(result.status == 0, "\(result)")
        // check then reports the line dated in the future.
        let check = try box.run(["check", "plan.plan", "--format", "json"])
        let files = try #require(try jsonObject(check.stdout)["files"] as? [[String: Any]])
        let diagnostics = try #require(files.first?["diagnostics"] as? [[String: Any]])
        let future = diagnostics.filter { $0["code"] as? String == "future-history" }
        #expect(future.count == 1 && future.first?["line"] as? Int == 15, "\(check)")
    }

    @Test("edit: each change with its history line; --reason as a note of the day")
    func edit() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(
            [
                "edit", "plan.plan", "1.1a", "--text", "Publish and launch the guidance.", "--owner", "Comms team",
                "--due", "2026-05-31", "--reason", "the launch moved to May", "--by", "Jo",
            ], environment: env(box))
        #expect(result.status == 0, "\(result)")
        let expected = editingLines(samplePlan) { lines in
            lines[9] = "- [A] 1.1a Publish and launch the guidance."
            lines[10] = "  - Owner: Comms team"
            lines[11] = "  - Due: 2026-05-31"
            lines.insert(
                contentsOf: [
                    "  - Reworded 2026-03-01 (Jo): Publish guidance on recording children's views.",
                    "  - Owner 2026-03-01 (Jo): Voice of the child group -> Comms team",
                    "  - Due 2026-03-01 (Jo): 2026-02-28 -> 2026-05-31",
                    "  - Note 2026-03-01 (Jo): Due date moved from 2026-02-28 to 2026-05-31: the launch moved to May",
                ], at: 14)
        }
        #expect(try box.text("plan.plan") == expected)
        #expect(try box.run(["check", "plan.plan", "--format", "json"]).stdout.contains("redated") == false)
    }

    @Test("edit --due on an overdue action without --reason is allowed, and check flags it")
    func redatedWithoutReason() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(
            ["edit", "plan.plan", "1.1a", "--due", "2026-05-31", "--by", "Jo"], environment: env(box))
        #expect(result.status == 0, "\(result)")
        let check = try box.run(["check", "plan.plan"])
        #expect(check.stderr.contains("plan.plan:15:3: warning: 1.1a was overdue (due 2026-02-28)"), "\(check)")
    }

    @Test("retire: a Retired line; the action leaves the figures and is shown as retired")
    func retire() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(
            ["retire", "plan.plan", "2.1a", "--reason", "merged into 1.1a", "--by", "Jo"], environment: env(box))
        #expect(result.status == 0, "\(result)")
        let expected = editingLines(samplePlan) { lines in
            lines.insert("  - Retired 2026-03-01 (Jo): merged into 1.1a", at: 29)
        }
        #expect(try box.text("plan.plan") == expected)
        let summary = try box.run(["summary", "plan.plan"])
        #expect(
            summary.stdout.contains("3 actions, 1 complete (33%), 1 overdue; 1 retired (not counted)"), "\(summary)")
        let list = try box.run(["list", "plan.plan", "--rag", "red"])
        #expect(list.stdout.contains("2.1a  R  x "), "\(list)")
        #expect(list.stdout.contains("(retired) Publish"), "\(list)")
        let json = try jsonObject(try box.run(["list", "plan.plan", "--format", "json", "--rag", "red"]).stdout)
        let action = try #require((json["actions"] as? [[String: Any]])?.first)
        #expect((action["retired"] as? [String: Any])?["reason"] as? String == "merged into 1.1a")
    }

    @Test("move: the action's lines go to the end of the other area, with a Moved line")
    func move() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["move", "plan.plan", "1.1b", "2.1", "--by", "Jo"], environment: env(box))
        #expect(result.status == 0, "\(result)")
        let expected = editingLines(samplePlan) { lines in
            let block = Array(lines[15...18])
            lines.removeSubrange(15...19)
            lines.append(contentsOf: [""] + block + ["  - Moved 2026-03-01 (Jo): 1.1 -> 2.1"])
        }
        #expect(try box.text("plan.plan") == expected)
    }

    @Test("--dry-run prints the diff and writes nothing; --format json says what it would do")
    func dryRun() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["set", "plan.plan", "2.1b", "--rag", "green", "--by", "Jo", "--dry-run"])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout == """
                --- a/plan.plan
                +++ b/plan.plan
                @@ -28,7 +28,8 @@
                   - Due: 15 January 2026
                   - Status 2026-01-10 (Helen Okafor): A -> R
                 
                -- [A] 2.1b Share school absence data with health visitors.
                +- [G] 2.1b Share school absence data with health visitors.
                   - Owner: Education Safeguarding Lead
                   - Due: To be agreed
                   - Added 2026-01-20
                +  - Status 2026-03-01 (Jo): A -> G

                """, "\(result)")
        #expect(try box.text("plan.plan") == samplePlan)
        let json = try box.run([
            "retire", "plan.plan", "2.1b", "--reason", "done elsewhere", "--dry-run", "--format", "json",
        ])
        let object = try jsonObject(json.stdout)
        #expect(object["dryRun"] as? Bool == true && object["saved"] as? Bool == false)
        #expect((object["diff"] as? String)?.contains("+  - Retired 2026-03-01") == true)
        #expect(try box.text("plan.plan") == samplePlan)
        #expect(!FileManager.default.fileExists(atPath: box.stateURL.path))
    }
}

@Suite("actionplan check --fix-history", .tags(.endToEnd))
struct FixHistoryCommandTests {
    /// The sample with 2.1b's letter edited by hand to G, no status line saying when.
    static let edited = samplePlan.replacingOccurrences(of: "- [A] 2.1b", with: "- [G] 2.1b")

    @Test("--dry-run prints the status lines it would add and writes nothing; without it they are saved")
    func dryRunThenFix() throws {
        let box = try Sandbox()
        try box.write("plan.plan", Self.edited)
        let dry = try box.run(
            ["check", "plan.plan", "--fix-history", "--date", "2026-02-20", "--by", "Jo", "--dry-run"],
            environment: env(box))
        #expect(dry.status == 0, "\(dry)")
        #expect(
            dry.stdout == """
                --- a/plan.plan
                +++ b/plan.plan
                @@ -32,3 +32,4 @@
                   - Owner: Education Safeguarding Lead
                   - Due: To be agreed
                   - Added 2026-01-20
                +  - Status 2026-02-20 (Jo): A -> G

                """, "\(dry)")
        #expect(dry.stderr.contains("(dry run: plan.plan not changed)"), "\(dry)")
        #expect(try box.text("plan.plan") == Self.edited)
        #expect(!FileManager.default.fileExists(atPath: box.stateURL.path))

        let json = try box.run(
            ["check", "plan.plan", "--fix-history", "--date", "2026-02-20", "--dry-run", "--format", "json"],
            environment: env(box))
        let object = try jsonObject(json.stdout)
        #expect(object["dryRun"] as? Bool == true && object["saved"] as? Bool == false)
        #expect((object["diff"] as? String)?.contains("+  - Status 2026-02-20") == true)
        #expect(try box.text("plan.plan") == Self.edited)

        let fixed = try box.run(
            ["check", "plan.plan", "--fix-history", "--date", "2026-02-20", "--by", "Jo"], environment: env(box))
        #expect(fixed.status == 0, "\(fixed)")
        #expect(try box.text("plan.plan") == Self.edited + "  - Status 2026-02-20 (Jo): A -> G\n")
    }

    @Test("--dry-run without --fix-history is refused")
    func dryRunAlone() throws {
        let box = try Sandbox()
        try box.write("plan.plan", Self.edited)
        let result = try box.run(["check", "plan.plan", "--dry-run"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--date, --by and --dry-run go with --fix-history"), "\(result)")
    }
}

@Suite("actionplan review, undo, config name", .tags(.endToEnd))
struct ReviewUndoConfigTests {
    @Test("review lists what the review walks; --record appends to the log of reviews")
    func review() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let queue = try box.run(["review", "plan.plan"])
        #expect(
            queue.outLines == [
                "1.1a  overdue since 28 Feb 2026", "2.1a  red; overdue since 15 Jan 2026",
                "2 of 4 actions need attention",
            ], "\(queue)")
        let listed = try box.run(["list", "plan.plan", "--review", "--format", "csv"])
        #expect(listed.outLines.count == 3)
        let record = try box.run(
            ["review", "plan.plan", "--record", "--by", "Improvement Board"], environment: env(box))
        #expect(record.status == 0, "\(record)")
        #expect(
            try box.text("plan.plan").contains("- As at: 2026-01-14\n- Reviewed 2026-03-01 (Improvement Board)\n"))
    }

    @Test("review --record --looked-at says what it records and needs --partial for fewer than the review holds")
    func partialReview() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let record = ["review", "plan.plan", "--record", "--by", "Improvement Board"]
        let refused = try box.run(record + ["--looked-at", "1"], environment: env(box))
        #expect(refused.status == 1, "\(refused)")
        #expect(
            refused.stderr.contains(
                "the board looked at 1 of the 2 actions the review holds: record a partial review with --partial"),
            "\(refused)")
        #expect(try box.text("plan.plan") == samplePlan)
        let tooMany = try box.run(record + ["--looked-at", "3"], environment: env(box))
        #expect(tooMany.status == 1 && tooMany.stderr.contains("more than the 2 the review holds"), "\(tooMany)")
        let partial = try box.run(record + ["--looked-at", "1", "--partial"], environment: env(box))
        #expect(partial.status == 0, "\(partial)")
        let line = "- Reviewed 2026-03-01 (Improvement Board): looked at 1 of 2, changed 0"
        #expect(partial.stdout.hasPrefix("plan: recorded \(line) (saved plan.plan"), "\(partial)")
        #expect(try box.text("plan.plan").contains("- As at: 2026-01-14\n\(line)\n"))
        let stray = try box.run(["review", "plan.plan", "--partial"])
        #expect(stray.status != 0 && stray.stderr.contains("go with --looked-at"), "\(stray)")
    }

    @Test("review --record counts the review as the day began: actions completed at the meeting stay in M")
    func reviewCountsAfterTheMeetingsEdits() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let before = try box.run(["review", "plan.plan"], environment: env(box))
        #expect(before.stdout.contains("2 of "), "the review holds 1.1a and 2.1a: \(before)")
        let set = try box.run(["set", "plan.plan", "1.1a", "--rag", "green", "--by", "Me"], environment: env(box))
        #expect(set.status == 0, "\(set)")
        let record = ["review", "plan.plan", "--record", "--by", "Improvement Board"]
        let missed = try box.run(record + ["--looked-at", "1"], environment: env(box))
        #expect(missed.status == 1 && missed.stderr.contains("looked at 1 of the 2 actions"), "\(missed)")
        let full = try box.run(record + ["--looked-at", "2"], environment: env(box))
        #expect(full.status == 0, "\(full)")
        #expect(
            try box.text("plan.plan").contains(
                "- Reviewed 2026-03-01 (Improvement Board): looked at 2 of 2, changed 1\n"))
    }

    @Test("review --record --date counts the review from the plan as it stood on that day")
    func reviewCountsOnAnEarlierDay() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let set = try box.run(["set", "plan.plan", "1.1a", "--rag", "green", "--by", "Me"], environment: env(box))
        #expect(set.status == 0, "\(set)")
        // On 27 February 1.1a was amber and due the next day, 2.1a red: the review held both.
        let record = try box.run(
            ["review", "plan.plan", "--record", "--by", "Board", "--date", "2026-02-27", "--looked-at", "2"],
            environment: env(box))
        #expect(record.status == 0, "\(record)")
        #expect(try box.text("plan.plan").contains("- Reviewed 2026-02-27 (Board): looked at 2 of 2, changed 0\n"))
    }

    @Test("undo takes back the last change and keeps later changes by others")
    func undo() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        #expect(
            try box.run(["set", "plan.plan", "1.1a", "--rag", "red", "--by", "Me"], environment: env(box)).status == 0)
        // Another account (another state folder) notes another action afterwards.
        #expect(
            try box.run(
                ["note", "plan.plan", "2.1b", "Theirs.", "--by", "Them"],
                environment: ["XDG_STATE_HOME": box.path("other")]
            ).status == 0)
        let undo = try box.run(["undo", "plan.plan"], environment: env(box))
        #expect(undo.status == 0, "\(undo)")
        #expect(undo.stdout.hasPrefix("plan: undid 1.1a: status Amber -> Red"), "\(undo)")
        let expected = editingLines(samplePlan) { lines in lines.append("  - Note 2026-03-01 (Them): Theirs.") }
        #expect(try box.text("plan.plan") == expected)
        let again = try box.run(["undo", "plan.plan"], environment: env(box))
        #expect(again.status == 1 && again.stderr.hasPrefix("error: nothing to undo"), "\(again)")
    }

    @Test("undo takes back set, note, move and retire in turn, from entries of a few kilobytes")
    func undoEachKindOfEdit() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let edits = [
            ["set", "plan.plan", "1.1a", "--rag", "red", "--by", "Me"],
            ["note", "plan.plan", "2.1a", "Chased.", "--by", "Me"],
            ["move", "plan.plan", "1.1b", "2.1", "--by", "Me"],
            ["retire", "plan.plan", "2.1b", "--reason", "Superseded.", "--by", "Me"],
        ]
        var versions = [try box.text("plan.plan")]
        for edit in edits {
            let result = try box.run(edit, environment: env(box))
            #expect(result.status == 0, "\(result)")
            versions.append(try box.text("plan.plan"))
        }
        let folder = try #require(
            try FileManager.default.contentsOfDirectory(atPath: box.stateURL.path + "/actionplan/undo").first)
        let journal = box.stateURL.path + "/actionplan/undo/" + folder
        let names = try FileManager.default.contentsOfDirectory(atPath: journal).sorted()
        #expect(names.count == edits.count)
        for name in names {
            let size = try #require(
                try FileManager.default.attributesOfItem(atPath: journal + "/" + name)[.size] as? Int)
            #expect(size < 4_096, "\(name): \(size) bytes")
        }
        for expected in versions.dropLast().reversed() {
            let undo = try box.run(["undo", "plan.plan"], environment: env(box))
            #expect(undo.status == 0, "\(undo)")
            #expect(try box.text("plan.plan") == expected)
        }
    }

    @Test("undo says what blocks it when a later change depends on it")
    func undoBlocked() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        #expect(
            try box.run(["set", "plan.plan", "1.1a", "--rag", "red", "--by", "Me"], environment: env(box)).status == 0)
        #expect(
            try box.run(
                ["set", "plan.plan", "1.1a", "--rag", "green", "--by", "Them"],
                environment: ["XDG_STATE_HOME": box.path("other")]
            ).status == 0)
        let before = try box.text("plan.plan")
        let undo = try box.run(["undo", "plan.plan"], environment: env(box))
        #expect(undo.status == 1, "\(undo)")
        #expect(undo.stderr.hasPrefix("error: cannot undo 1.1a: status Amber -> Red"), "\(undo)")
        #expect(undo.stderr.contains("a later change depends on it"), "\(undo)")
        #expect(try box.text("plan.plan") == before)
    }

    @Test("config name sets who is recording; --by and ACTIONPLAN_USER come first")
    func configName() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let set = try box.run(["config", "name", "Sam Patel"])
        #expect(set.status == 0, "\(set)")
        #expect(try box.text(".config/actionplan/config") == "name = Sam Patel\n")
        #expect(try box.run(["config", "name"]).stdout == "Sam Patel (from the config file)\n")
        #expect(
            try box.run(["config", "name"], environment: ["ACTIONPLAN_USER": "Jo"]).stdout
                == "Jo (from ACTIONPLAN_USER)\n")
        #expect(try box.run(["note", "plan.plan", "1.1a", "Hello."], environment: env(box)).status == 0)
        #expect(try box.text("plan.plan").contains("  - Note 2026-03-01 (Sam Patel): Hello.\n"))
        #expect(try box.run(["config", "name", "Bad (name)"]).status == 1)
    }

    @Test("git's user.name comes after the config file and before the account's name")
    func gitName() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        try box.write(".gitconfig", "[user]\n\tname = Git Person\n")
        #expect(try box.run(["config", "name"]).stdout == "Git Person (from git config user.name)\n")
        #expect(try box.run(["note", "plan.plan", "1.1a", "Hello."]).status == 0)
        #expect(try box.text("plan.plan").contains("  - Note 2026-03-01 (Git Person): Hello.\n"))
    }
}

@Suite("actionplan list sorting and filters, check --format json and --summary", .tags(.endToEnd))
struct ListAndCheckOptionTests {
    func refs(_ box: Sandbox, _ arguments: [String]) throws -> [String] {
        let result = try box.run(["list", "plan.plan", "--format", "csv"] + arguments)
        #expect(result.status == 0, "\(result)")
        return result.outLines.dropFirst().map { String($0.prefix { $0 != "," }) }
    }

    @Test func sortsAndFilters() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        #expect(try refs(box, ["--sort", "due"]) == ["2.1a", "1.1a", "1.1b", "2.1b"])
        #expect(try refs(box, ["--sort", "-overdue-days", "--sort", "ref"]) == ["2.1a", "1.1a", "1.1b", "2.1b"])
        #expect(try refs(box, ["--sort=-status"]) == ["1.1b", "1.1a", "2.1b", "2.1a"])
        #expect(try refs(box, ["--incomplete"]) == ["1.1a", "2.1a", "2.1b"])
        #expect(try refs(box, ["--area", "2.1"]) == ["2.1a", "2.1b"])
        #expect(try refs(box, ["--due-within", "30", "--as-of", "2026-02-01"]) == ["1.1a"])
        let section = try box.run(["list", "plan.plan", "--section", "1.1"])
        #expect(section.status == 1 && section.stderr.contains("use --area 1.1"), "\(section)")
        let sort = try box.run(["list", "plan.plan", "--sort", "size"])
        #expect(sort.status != 0 && sort.stderr.contains("unknown sort key 'size'"), "\(sort)")
    }

    @Test func checkJSONAndSummary() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        try box.write("bad.plan", "# Bad\n## 1 S\n### 1.1 A\n- [Q] 1.1a x\n")
        let json = try box.run(["check", "plan.plan", "bad.plan", "--format", "json"])
        #expect(json.status == 1)
        let object = try jsonObject(json.stdout)
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(files.map { $0["valid"] as? Bool } == [true, false])
        let first = try #require((files[0]["diagnostics"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["file", "line", "column", "severity", "code", "message", "hint"])
        #expect(first["code"] as? String == "overdue" && first["line"] as? Int == 10 && first["column"] as? Int == 1)
        let bad = try #require((files[1]["diagnostics"] as? [[String: Any]])?.first)
        #expect(bad["severity"] as? String == "error" && bad["line"] as? Int == 4)

        let summary = try box.run(["check", "plan.plan", "--summary"])
        #expect(summary.status == 0)
        #expect(
            summary.errLines == [
                "plan.plan: 2 × overdue (first at line 10): 1.1a is amber and was due on 28 February 2026",
                "  hint: board check 'overdue'; a plan can switch it off with `- Checks off: overdue`",
                "plan.plan: 1 × green-without-note (first at line 16): 1.1b is green but has no progress note to evidence it",
                "  hint: board check 'green-without-note'; a plan can switch it off with `- Checks off: green-without-note`",
                "plan.plan: 1 × red-without-note (first at line 26): 2.1a is red with no note saying why",
                "  hint: board check 'red-without-note'; a plan can switch it off with `- Checks off: red-without-note`",
            ], "\(summary)")
        #expect(summary.outLines == ["ok: plan.plan: 4 actions, 4 warnings"])
    }
}

@Suite("-o - writes to standard output", .tags(.endToEnd))
struct OutputToStandardOutputTests {
    @Test func exportAndImport() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let export = try box.run(["export", "plan.plan", "--format", "md", "-o", "-"])
        #expect(export.status == 0, "\(export)")
        #expect(export.stdout.hasPrefix("# Test plan: recording children's views"), "\(export)")
        #expect(try box.listing() == ["plan.plan"])
        try box.write("tracker.csv", "Ref,Action,Owner,Due,RAG\n1.1a,Do it,Ann,2026-04-30,A\n")
        let imported = try box.run(["import", "tracker.csv", "-o", "-", "--title", "Tracker"])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.hasPrefix("# Tracker\n"), "\(imported)")
        #expect(imported.stdout.contains("- [A] 1.1a Do it"), "\(imported)")
        #expect(!imported.stderr.isEmpty)
        #expect(try box.listing() == ["plan.plan", "tracker.csv"])
    }
}
