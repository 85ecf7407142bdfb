import Foundation
import Testing

// Bad input through the real binary: the corpus in Tests/PlanCoreTests/Fixtures/hostile
// (NAME.plan, and in NAME.expected exactly what `actionplan check NAME.plan` prints),
// then the cases made at test time: huge files, folders, missing and unreadable files.
// Whatever the input, the answer is a clear message and a non-zero exit, and nothing is
// written. See docs/hardening.md.

/// The hostile corpus, in the source tree.
let hostileCorpus = packageRoot.appendingPathComponent("Tests/PlanCoreTests/Fixtures/hostile")

/// The names of the corpus's plans, without `.plan`.
func hostileCorpusNames() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: hostileCorpus.path)) ?? []
    return names.filter { $0.hasSuffix(".plan") }.map { String($0.dropLast(5)) }.sorted()
}

@Suite("Hostile input: the corpus", .tags(.endToEnd))
struct HostileCorpusTests {
    @Test("the corpus holds every case of issue 8")
    func corpusIsComplete() {
        #expect(
            hostileCorpusNames() == [
                "action-outside-area", "binary", "bom-only", "duplicate-refs", "empty", "history-contradicts-status",
                "impossible-date", "merge-conflict", "mixed-line-endings", "not-utf8", "note-before-action",
                "ref-with-space", "spreadsheet", "unknown-status", "year-20230",
            ])
    }

    @Test(
        "check prints exactly NAME.expected; a bad file exits 1 and is never written, not even by set",
        arguments: hostileCorpusNames())
    func corpusFile(_ name: String) throws {
        let box = try Sandbox()
        let file = "\(name).plan"
        let original = try Data(contentsOf: hostileCorpus.appendingPathComponent(file))
        let expected = try String(contentsOf: hostileCorpus.appendingPathComponent("\(name).expected"), encoding: .utf8)
        try box.write(file, data: original)
        let listing = try box.listing()

        let check = try box.run(["check", file])
        // Only the mixed line endings are valid: each line keeps its own ending.
        let valid = expected.hasPrefix("ok: ")
        #expect(check.status == (valid ? 0 : 1), "\(check)")
        #expect(check.stdout + check.stderr == expected, "\(check)")
        #expect(valid ? check.stderr.isEmpty : check.stdout.isEmpty, "\(check)")

        if !valid {
            let set = try box.run(["set", file, "1.1a", "--rag", "green", "--by", "Tester"])
            #expect(set.status == 1, "\(set)")
            #expect(set.stdout.isEmpty && set.stderr == expected, "\(set)")
        }
        #expect(try box.read(file) == original)
        #expect(try box.listing() == listing)
    }
}

@Suite("Hostile input: made at test time", .tags(.endToEnd))
struct HostileGeneratedInputTests {
    /// Runs `check` on `name`, and `set` when the file is bad; checks the file and the
    /// folder are as they were. Returns check's result.
    func checkUnchanged(_ box: Sandbox, _ name: String, setToo: Bool = true) throws -> RunResult {
        let before = try box.listing()
        let original = try? box.read(name)
        let result = try box.run(["check", name])
        if setToo {
            let set = try box.run(["set", name, "1.1a", "--rag", "green", "--by", "Tester"])
            #expect(set.status == 1 && set.stdout.isEmpty && set.stderr == result.stderr, "\(set)")
        }
        #expect(try box.listing() == before)
        #expect((try? box.read(name)) == original)
        return result
    }

    @Test("a 10 MB line: the message shows the part of it around the column, not the whole line")
    func tenMegabyteLine() throws {
        let box = try Sandbox()
        try box.write("long.plan", String(repeating: "x", count: 10_000_000) + "\n# Title\n")
        let result = try checkUnchanged(box, "long.plan")
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                long.plan:1:1: error: a plan must start with its title
                    \(String(repeating: "x", count: 100))…
                    ^
                hint: put the title first, on a line of its own: `# Title`

                """)
    }

    @Test("a 10 MB note is valid and is read whole")
    func tenMegabyteNote() throws {
        let box = try Sandbox()
        let note = String(repeating: "Children's voices are heard. ", count: 350_000)  // 10.15 MB
        try box.write(
            "note.plan",
            """
            # Long note
            ## 1 Section
            ### 1.1 Area
            - [A] 1.1a Do it.
              - Owner: Sam Patel
              - Due: 2026-06-30
              - Note 2026-02-20 (Sam Patel): \(note)

            """)
        let result = try box.run(["check", "note.plan"])
        #expect(
            result.status == 0 && result.stdout == "ok: note.plan: 1 action\n" && result.stderr.isEmpty, "\(result)")
        let json = try jsonObject(try box.run(["list", "note.plan", "--format", "json"]).stdout)
        let action = try #require((json["actions"] as? [[String: Any]])?.first)
        let notes = try #require(action["notes"] as? [[String: Any]])
        #expect((notes.first?["text"] as? String)?.utf8.count == note.trimmingCharacters(in: .whitespaces).utf8.count)
    }

    @Test("10,000 sections of one action each check ok")
    func tenThousandSections() throws {
        let box = try Sandbox()
        var text = "# Ten thousand sections\n"
        for n in 1...10_000 {
            text +=
                "\n## \(n) Section \(n)\n\n### \(n).1 Area\n- [A] \(n).1a Do it.\n  - Owner: Board\n  - Due: 2026-06-30\n"
        }
        try box.write("sections.plan", text)
        let result = try box.run(["check", "sections.plan"])
        #expect(result.status == 0, "\(result.stderr.prefix(2_000))")
        #expect(result.stdout == "ok: sections.plan: 10000 actions\n")
    }

    @Test("a folder: one line, exit 1")
    func folder() throws {
        let box = try Sandbox()
        try FileManager.default.createDirectory(atPath: box.path("folder.plan"), withIntermediateDirectories: true)
        let result = try checkUnchanged(box, "folder.plan")
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "folder.plan: cannot read: is a folder, not a plan file\n")
    }

    @Test("a missing file: one line, exit 1, and no file is made")
    func missingFile() throws {
        let box = try Sandbox()
        let result = try checkUnchanged(box, "nowhere.plan")
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "nowhere.plan: cannot read: no such file\n")
    }

    /// As root, `chmod 000` does not stop reading, so the run drops to the user `nobody`
    /// with setpriv (util-linux); without setpriv, as root, the case cannot be made.
    static let canDropPrivileges = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    @Test(
        "no read permission: one line, exit 1, and the file is untouched",
        .enabled(if: canDropPrivileges, "running as root without setpriv: chmod 000 would not stop root reading"))
    func noReadPermission() throws {
        let box = try Sandbox()
        let original = Data(samplePlan.utf8)
        try box.write("secret.plan", data: original)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: box.path("secret.plan"))
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: box.path("secret.plan"))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: box.url.path)
        let before = try box.listing()

        let result: RunResult
        if getuid() == 0 {
            // 65534 is `nobody`; the sandbox folder is open to it, the file is not.
            result = try box.run(
                ["check", "secret.plan"],
                through: [
                    "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                ])
        } else {
            result = try box.run(["check", "secret.plan"])
        }
        #expect(result.status == 1 && result.stdout.isEmpty, "\(result)")
        #expect(result.stderr == "secret.plan: cannot read: permission denied\n", "\(result)")
        #expect(try box.listing() == before)
        #expect(try box.read("secret.plan") == original)
        #expect(try permissions(box.path("secret.plan")) == 0o000)
    }

    @Test("a file over 250 MB is refused before it is read")
    func overTheSizeLimit() throws {
        let box = try Sandbox()
        // Sparse: 300 MB long, nothing on disk.
        _ = FileManager.default.createFile(atPath: box.path("huge.plan"), contents: nil)
        let handle = try FileHandle(forWritingTo: box.url.appendingPathComponent("huge.plan"))
        try handle.truncate(atOffset: 300_000_000)
        try handle.close()
        let result = try checkUnchanged(box, "huge.plan", setToo: false)
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "huge.plan: cannot read: the file is 300 MB; a plan may be at most 250 MB\n")
    }

    @Test("a file of more than 4 million lines is refused")
    func overTheLineLimit() throws {
        let box = try Sandbox()
        try box.write(
            "lines.plan", data: Data("# Title\n".utf8) + Data(repeating: UInt8(ascii: "\n"), count: 4_000_000))
        let result = try checkUnchanged(box, "lines.plan")
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(
            result.stderr
                == "lines.plan: cannot read: the file has more than 4 million lines, the most a plan may have\n")
    }

    @Test("more than 250,000 actions: one error at the first action past the limit")
    func overTheActionLimit() throws {
        let box = try Sandbox()
        var text = "# Many actions\n## 1 Section\n### 1.1 Area\n"
        for n in 1...250_001 { text += "- [A] 1.1.\(n) x\n" }
        try box.write("many.plan", text)
        let result = try checkUnchanged(box, "many.plan", setToo: false)
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(
            result.stderr == """
                many.plan:250004:1: error: more than 250,000 actions, the most a plan may have
                    - [A] 1.1.250001 x
                    ^
                hint: split the plan into several files

                """)
    }

    @Test("more than 10,000 warnings: the first 10,000, then one line for the rest")
    func tooManyWarnings() throws {
        let box = try Sandbox()
        var text = "# Noisy\n"
        for n in 1...12_000 { text += "Introduction line \(n) \u{1B}[1m\n" }
        try box.write("noisy.plan", text)
        let result = try box.run(["check", "noisy.plan"])
        #expect(result.status == 0)
        let warnings = result.errLines.filter { $0.contains(": warning: ") }
        #expect(warnings.count == 10_001)
        #expect(warnings.first == "noisy.plan:2:21: warning: control character U+1B in the text")
        #expect(warnings.last == "noisy.plan:10002:1: warning: 2000 more warnings from here on not shown")
    }

    @Test("a device that never ends stops at the size limit")
    func endlessDevice() throws {
        let box = try Sandbox()
        let result = try box.run(["check", "/dev/zero"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "/dev/zero: cannot read: the file is larger than 250 MB, the most a plan may be\n")
    }
}
