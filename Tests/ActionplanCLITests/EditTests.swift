import Foundation
import Testing

// End-to-end tests of the editing commands, `set` and `note`: every byte of the file
// other than the changed status letter and the appended lines must stay as it was.

/// samplePlan with 1.1a (line 10) set from A to `code` and `lines` appended after its
/// last line (line 14).
func sampleWith11a(code: String = "A", appending added: [String]) -> String {
    editingLines(samplePlan) { lines in
        lines[9] = lines[9].replacingOccurrences(of: "- [A] 1.1a", with: "- [\(code)] 1.1a")
        lines.insert(contentsOf: added, at: 14)
    }
}

/// The full name of the account the tests run as (the first part of GECOS), which
/// comes before the login name in who is recording.
let accountFullName: String? = {
    guard let gecos = getpwuid(getuid())?.pointee.pw_gecos else { return nil }
    let name = String(cString: gecos).split(separator: ",", omittingEmptySubsequences: false).first
        .map { $0.trimmingCharacters(in: .whitespaces) }
    return name?.isEmpty == false ? name : nil
}()

/// The account's login name, the last resort.
let accountLogin: String? = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) }

@Suite("actionplan set", .tags(.endToEnd))
struct SetTests {
    @Test("changes exactly the status letter and appends one Status line")
    func setStatus() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["set", "plan.plan", "1.1a", "--rag", "green", "--by", "Jo Bloggs"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("1.1a: status Amber -> Green"), "\(result)")
        #expect(result.stderr.isEmpty)
        let expected = sampleWith11a(code: "G", appending: ["  - Status 2026-03-01 (Jo Bloggs): A -> G"])
        #expect(try box.text("plan.plan") == expected)
        // The result is a valid plan that reads back with the new status.
        let check = try box.run(["check", "--no-board-checks", "plan.plan"])
        #expect(check.outLines == ["ok: plan.plan: 4 actions"])
    }

    @Test("the last action of the file, with refs matched ignoring case")
    func lastAction() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["set", "plan.plan", "2.1B", "--rag", "r", "--by", "Jo"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("2.1b: status Amber -> Red"), "\(result)")
        let expected = editingLines(samplePlan) { lines in
            lines[30] = lines[30].replacingOccurrences(of: "- [A] 2.1b", with: "- [R] 2.1b")
            lines.append("  - Status 2026-03-01 (Jo): A -> R")
        }
        #expect(try box.text("plan.plan") == expected)
    }

    @Test(
        "--note adds the note lines after the Status line; --date takes UK forms",
        arguments: ["2026-02-28", "28/02/2026", "28 February 2026", "28 Feb 2026"])
    func withNote(date: String) throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let note = "Launched on 27 February.\n\nTake-up so far:\n- 40 schools\n- 12 GP practices"
        let result = try box.run([
            "set", "plan.plan", "1.1a", "--rag", "G", "--note", note,
            "--by", "Jo", "--date", date,
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("note added"))
        let expected = sampleWith11a(
            code: "G",
            appending: [
                "  - Status 2026-02-28 (Jo): A -> G",
                "  - Note 2026-02-28 (Jo): Launched on 27 February.",
                "",
                "    Take-up so far:",
                "    - 40 schools",
                "    - 12 GP practices",
            ])
        #expect(try box.text("plan.plan") == expected)

        let list = try box.run(["list", "plan.plan", "--format", "json", "--rag", "green", "--section", "1"])
        let actions = try #require(try jsonObject(list.stdout)["actions"] as? [[String: Any]])
        let notes = try #require(actions.first?["notes"] as? [[String: Any]])
        #expect(notes.last?["text"] as? String == note)
        #expect(notes.last?["date"] as? String == "2026-02-28")
    }

    @Test("same status with --note: only the note is added")
    func sameStatusWithNote() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run([
            "set", "plan.plan", "1.1a", "--rag", "amber", "--note", "Still on track.", "--by", "Jo",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(try box.text("plan.plan") == sampleWith11a(appending: ["  - Note 2026-03-01 (Jo): Still on track."]))
    }

    @Test("same status: exit 0, 'nothing changed', file untouched")
    func sameStatus() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["set", "plan.plan", "1.1a", "--rag", "A"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("nothing changed"), "\(result)")
        #expect(try box.text("plan.plan") == samplePlan)
        #expect(try box.listing() == ["plan.plan"])
    }

    @Test(
        "who made the change: --by, else ACTIONPLAN_USER, else the config file, else git's user.name, else the account's full name, else the login name",
        arguments: [
            (["--by", "Jo Bloggs"], [:], " (Jo Bloggs)"),
            (["--by", "Jo Bloggs"], ["ACTIONPLAN_USER": "Env User", "USER": "unixuser"], " (Jo Bloggs)"),
            ([], ["ACTIONPLAN_USER": "Env User"], " (Env User)"),
            ([], ["ACTIONPLAN_USER": "Env User", "USER": "unixuser"], " (Env User)"),
            (["--by", "  "], ["ACTIONPLAN_USER": "Env User"], " (Env User)"),
            ([], ["USER": "unixuser"], " (\(accountFullName ?? "unixuser"))"),
            ([], [:], accountFullName.map { " (\($0))" } ?? accountLogin.map { " (\($0))" } ?? ""),
        ] as [([String], [String: String], String)])
    func author(arguments: [String], environment: [String: String], shown: String) throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(
            ["set", "plan.plan", "1.1a", "--rag", "green"] + arguments,
            environment: environment.mapValues { $0 })
        #expect(result.status == 0, "\(result)")
        #expect(
            try box.text("plan.plan") == sampleWith11a(code: "G", appending: ["  - Status 2026-03-01\(shown): A -> G"]))
    }

    @Test("the configured name: $XDG_CONFIG_HOME/actionplan/config, else ~/.config/actionplan/config")
    func configuredName() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        try box.write("xdg/actionplan/config", "# who I am\nname = Config Person\n")
        try box.write(".config/actionplan/config", "name: Home Person\n")  // HOME is the sandbox

        let xdg = try box.run(
            ["set", "plan.plan", "1.1a", "--rag", "green"],
            environment: ["XDG_CONFIG_HOME": box.path("xdg"), "USER": "unixuser"])
        #expect(xdg.status == 0, "\(xdg)")
        #expect(try box.text("plan.plan").contains("  - Status 2026-03-01 (Config Person): A -> G\n"))

        let home = try box.run(["set", "plan.plan", "1.1a", "--rag", "red"], environment: ["USER": "unixuser"])
        #expect(home.status == 0, "\(home)")
        #expect(try box.text("plan.plan").contains("  - Status 2026-03-01 (Home Person): G -> R\n"))

        let env = try box.run(
            ["set", "plan.plan", "1.1a", "--rag", "amber"],
            environment: ["ACTIONPLAN_USER": "Env User", "XDG_CONFIG_HOME": box.path("xdg")])
        #expect(env.status == 0, "\(env)")
        #expect(try box.text("plan.plan").contains("  - Status 2026-03-01 (Env User): R -> A\n"))
    }

    @Test("a CRLF file stays CRLF, every other byte identical")
    func crlf() throws {
        let box = try Sandbox()
        let original = samplePlan.replacingOccurrences(of: "\n", with: "\r\n")
        try box.write("plan.plan", original)
        let result = try box.run([
            "set", "plan.plan", "1.1a", "--rag", "green", "--by", "Jo", "--note", "Done.\n\nAll of it.",
        ])
        #expect(result.status == 0, "\(result)")
        let expected = sampleWith11a(
            code: "G",
            appending: [
                "  - Status 2026-03-01 (Jo): A -> G",
                "  - Note 2026-03-01 (Jo): Done.",
                "",
                "    All of it.",
            ]
        ).replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try box.read("plan.plan") == Data(expected.utf8))
    }

    @Test("a file without a final newline stays without one")
    func noFinalNewline() throws {
        let box = try Sandbox()
        let original = String(samplePlan.dropLast())
        try box.write("plan.plan", original)
        let result = try box.run(["set", "plan.plan", "2.1b", "--rag", "red", "--by", "Jo"])
        #expect(result.status == 0, "\(result)")
        let expected =
            original.replacingOccurrences(of: "- [A] 2.1b", with: "- [R] 2.1b")
            + "\n  - Status 2026-03-01 (Jo): A -> R"
        #expect(try box.read("plan.plan") == Data(expected.utf8))

        // And an edit in the middle leaves the missing final newline alone.
        let middle = try box.run(["set", "plan.plan", "1.1a", "--rag", "red", "--by", "Jo"])
        #expect(middle.status == 0, "\(middle)")
        #expect(try box.text("plan.plan").hasSuffix("\n  - Status 2026-03-01 (Jo): A -> R"))
    }

    @Test("a byte order mark is kept")
    func byteOrderMark() throws {
        let box = try Sandbox()
        try box.write("plan.plan", "\u{FEFF}" + samplePlan)
        let result = try box.run(["set", "plan.plan", "1.1a", "--rag", "green", "--by", "Jo"])
        #expect(result.status == 0, "\(result)")
        let expected = "\u{FEFF}" + sampleWith11a(code: "G", appending: ["  - Status 2026-03-01 (Jo): A -> G"])
        #expect(try box.read("plan.plan") == Data(expected.utf8))
    }

    @Test("unknown ref: exit 1, file unchanged, refs of the same area suggested")
    func unknownRef() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["set", "plan.plan", "1.1z", "--rag", "green"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no action with ref '1.1z'"), "\(result)")
        #expect(result.stderr.contains("1.1a, 1.1b"), "\(result)")
        #expect(!result.stderr.contains("2.1a"))
        #expect(try box.read("plan.plan") == Data(samplePlan.utf8))
        #expect(try box.listing() == ["plan.plan"])
    }

    @Test("a status not in the plan's key: exit 1, file unchanged")
    func statusNotInKey() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        for status in ["blue", "B", "not-started"] {
            let result = try box.run(["set", "plan.plan", "1.1a", "--rag", status])
            #expect(result.status == 1, "\(status): \(result)")
            #expect(result.stderr.contains("not in this plan's key"), "\(result)")
            #expect(result.stderr.contains("R (Red), A (Amber), G (Green)"), "\(result)")
            #expect(try box.read("plan.plan") == Data(samplePlan.utf8))
        }
    }

    @Test("a plan's own key: its codes are accepted, others refused, its labels shown")
    func customKey() throws {
        let box = try Sandbox()
        try box.write("plan.plan", customKeyPlan)
        let red = try box.run(["set", "plan.plan", "1.1a", "--rag", "red"])
        #expect(red.status == 1, "\(red)")
        #expect(red.stderr.contains("N (Not yet started), A (On track), G (Done), B (Embedded)"), "\(red)")
        #expect(try box.text("plan.plan") == customKeyPlan)

        let blue = try box.run(["set", "plan.plan", "1.1a", "--rag", "blue", "--by", "Board"])
        #expect(blue.status == 0, "\(blue)")
        #expect(blue.stdout.hasPrefix("1.1a: status Not yet started -> Embedded"), "\(blue)")
        let expected = editingLines(customKeyPlan) { lines in
            lines[10] = "- [B] 1.1a Start the work."
            lines.insert("  - Status 2026-03-01 (Board): N -> B", at: 13)
        }
        #expect(try box.text("plan.plan") == expected)
    }

    @Test("a file with errors is never written")
    func brokenFile() throws {
        let box = try Sandbox()
        try box.write("bad.plan", brokenPlan)
        let result = try box.run(["set", "bad.plan", "1.1b", "--rag", "green", "--by", "Jo"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.errLines.contains { $0.hasPrefix("bad.plan:18:7: error: ") }, "\(result)")
        #expect(try box.read("bad.plan") == Data(brokenPlan.utf8))
        #expect(try box.listing() == ["bad.plan"])

        let note = try box.run(["note", "bad.plan", "1.1b", "A note."])
        #expect(note.status == 1, "\(note)")
        #expect(try box.read("bad.plan") == Data(brokenPlan.utf8))
    }

    @Test("a file with only warnings can be edited")
    func fileWithWarnings() throws {
        let box = try Sandbox()
        try box.write("warn.plan", warningPlan)
        let result = try box.run(["set", "warn.plan", "1.1a", "--rag", "red", "--by", "Jo"])
        #expect(result.status == 0, "\(result)")
        #expect(
            try box.text("warn.plan")
                == editingLines(warningPlan) { lines in
                    lines[5] = lines[5].replacingOccurrences(of: "[A]", with: "[R]")
                    lines.insert("  - Status 2026-03-01 (Jo): A -> R", at: 7)
                })
    }

    @Test("a change dated before the latest recorded status change is refused, file unchanged")
    func backdatedChange() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        // 2.1a went A -> R on 2026-01-10; an R -> A change on 2026-01-01 would leave
        // the latest change ending at R while the action says A.
        let result = try box.run(["set", "plan.plan", "2.1a", "--rag", "amber", "--date", "2026-01-01", "--by", "Jo"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("error: "), "\(result)")
        #expect(try box.read("plan.plan") == Data(samplePlan.utf8))
        #expect(try box.listing() == ["plan.plan"])
    }

    @Test("a name with brackets is refused, file unchanged")
    func badName() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["set", "plan.plan", "1.1a", "--rag", "green", "--by", "Jo (Chair)"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("brackets"), "\(result)")
        #expect(try box.read("plan.plan") == Data(samplePlan.utf8))
    }

    @Test(
        "the file's permissions are kept and no temporary file is left behind",
        arguments: [0o640, 0o600, 0o664])
    func permissionsKept(mode: Int) throws {
        let box = try Sandbox()
        let path = try box.write("plan.plan", samplePlan)
        try FileManager.default.setAttributes([.posixPermissions: NSNumber(value: mode)], ofItemAtPath: path)
        let result = try box.run(["set", "plan.plan", "1.1a", "--rag", "green", "--by", "Jo"])
        #expect(result.status == 0, "\(result)")
        #expect(try permissions(path) == mode)
        #expect(try box.listing() == ["plan.plan"])
        let note = try box.run(["note", "plan.plan", "1.1a", "Checked."])
        #expect(note.status == 0, "\(note)")
        #expect(try permissions(path) == mode)
        #expect(try box.listing() == ["plan.plan"])
    }

    @Test("a plan reached through a symbolic link: the link is kept and its target edited")
    func symbolicLink() throws {
        let box = try Sandbox()
        try box.write("real/plan.plan", samplePlan)
        try FileManager.default.createSymbolicLink(atPath: box.path("link.plan"), withDestinationPath: "real/plan.plan")
        let result = try box.run(["set", "link.plan", "1.1a", "--rag", "green", "--by", "Jo"])
        #expect(result.status == 0, "\(result)")
        let expected = sampleWith11a(code: "G", appending: ["  - Status 2026-03-01 (Jo): A -> G"])
        let link = try? FileManager.default.destinationOfSymbolicLink(atPath: box.path("link.plan"))
        let target = try box.text("real/plan.plan")
        #expect(link == "real/plan.plan")
        #expect(target == expected)
    }
}

@Suite("actionplan note", .tags(.endToEnd))
struct NoteTests {
    @Test("appends one Note line and nothing else")
    func singleLine() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["note", "plan.plan", "1.1b", "Evaluation forms are in.", "--by", "Sam Patel"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("1.1b: note added"), "\(result)")
        let expected = editingLines(samplePlan) { lines in
            lines.insert("  - Note 2026-03-01 (Sam Patel): Evaluation forms are in.", at: 19)
        }
        #expect(try box.text("plan.plan") == expected)
    }

    @Test("several paragraphs: continuation lines indented 4, empty lines between paragraphs")
    func paragraphs() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let text = "First paragraph,\nstill the first.\n\nSecond paragraph.\n\n\nThird, after two empty lines."
        let result = try box.run([
            "note", "plan.plan", "1.1a", text, "--by", "Sam", "--date", "2 March 2026", "--allow-future",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(
            try box.text("plan.plan")
                == sampleWith11a(appending: [
                    "  - Note 2026-03-02 (Sam): First paragraph,",
                    "    still the first.",
                    "",
                    "    Second paragraph.",
                    "",
                    "    Third, after two empty lines.",
                ]))
        #expect(try box.run(["check", "--no-board-checks", "plan.plan"]).status == 0)
    }

    @Test("- reads the note from standard input")
    func fromStandardInput() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let input = "Read from stdin.\n\nSecond paragraph.\n"
        let result = try box.run(
            ["note", "plan.plan", "1.1a", "-"], environment: ["ACTIONPLAN_USER": "Piped"],
            stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result)")
        #expect(
            try box.text("plan.plan")
                == sampleWith11a(appending: [
                    "  - Note 2026-03-01 (Piped): Read from stdin.",
                    "",
                    "    Second paragraph.",
                ]))
    }

    @Test("an empty note (argument or stdin) is refused, file unchanged")
    func emptyNote() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let blank = try box.run(["note", "plan.plan", "1.1a", "   "])
        #expect(blank.status == 1, "\(blank)")
        #expect(blank.stderr.contains("empty"), "\(blank)")
        let piped = try box.run(["note", "plan.plan", "1.1a", "-"], stdin: Data("\n\n".utf8))
        #expect(piped.status == 1, "\(piped)")
        #expect(try box.read("plan.plan") == Data(samplePlan.utf8))
        #expect(try box.listing() == ["plan.plan"])
    }

    @Test("a note with a control character is refused, file unchanged")
    func controlCharacter() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["note", "plan.plan", "1.1a", "bell \u{07} here"])
        #expect(result.status == 1, "\(result)")
        #expect(try box.read("plan.plan") == Data(samplePlan.utf8))
    }

    @Test("unknown ref: exit 1, file unchanged")
    func unknownRef() throws {
        let box = try Sandbox()
        try box.write("plan.plan", samplePlan)
        let result = try box.run(["note", "plan.plan", "2.1c", "A note."])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("no action with ref '2.1c'; did you mean 2.1a, 2.1b?"), "\(result)")
        #expect(try box.read("plan.plan") == Data(samplePlan.utf8))
    }

    @Test("on the last line of a file without a final newline")
    func noFinalNewline() throws {
        let box = try Sandbox()
        let original = String(samplePlan.dropLast())
        try box.write("plan.plan", original)
        let result = try box.run(["note", "plan.plan", "2.1b", "One.\n\nTwo.", "--by", "Jo"])
        #expect(result.status == 0, "\(result)")
        #expect(try box.read("plan.plan") == Data((original + "\n  - Note 2026-03-01 (Jo): One.\n\n    Two.").utf8))
    }
}
