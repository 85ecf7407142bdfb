import Foundation
import PlanCore
import Testing

/// `-o` targets that are not files, plans that are not regular files, saves by other
/// users of a shared folder, and file names that hold escape sequences.
@Suite struct FileSafetyCLITests {
    /// Runs as another user: `setpriv` (util-linux), as root only.
    static let canBecomeOthers = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    static func asUser(_ uid: Int, group gid: Int) -> [String] {
        ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups"]
    }

    static func info(_ path: String) -> stat {
        var info = stat()
        lstat(path, &info)
        return info
    }

    // MARK: - -o

    @Test func dashAndDevStdoutMeanStandardOutputForExportAndImport() throws {
        let box = try Sandbox()
        try box.write("board.plan", samplePlan)
        let expected = try box.run(["export", "board.plan", "--format", "csv"])
        for target in ["-", "/dev/stdout", "/proc/self/fd/1"] {
            let result = try box.run(["export", "board.plan", "--format", "csv", "-o", target])
            #expect(result.status == 0 && result.stdout == expected.stdout, "\(target): \(result)")
        }
        try box.write("tracker.csv", "Ref,Action,RAG\n1.1a,Do it,A\n")
        let imported = try box.run(["import", "tracker.csv", "-o", "-"])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.hasPrefix("# tracker\n"), "\(imported)")
        #expect(imported.stderr.contains("Wrote /dev/stdout: 1 action."), "\(imported)")
        #expect(try box.listing() == ["board.plan", "tracker.csv"])
    }

    @Test func devNullStaysACharacterDevice() throws {
        let box = try Sandbox()
        try box.write("board.plan", samplePlan)
        let result = try box.run(["export", "board.plan", "--format", "md", "-o", "/dev/null"])
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result)")
        #expect(Self.info("/dev/null").st_mode & S_IFMT == S_IFCHR)
        #expect(try box.listing() == ["board.plan"])
    }

    @Test func aNamedPipeGetsTheExportAndStaysAPipe() throws {
        let box = try Sandbox()
        try box.write("board.plan", samplePlan)
        #expect(mkfifo(box.path("pack.md"), 0o644) == 0)
        let none = try box.run(["export", "board.plan", "-o", "pack.md"])
        #expect(
            none.status == 1
                && none.stderr == "error: pack.md: cannot write: it is a named pipe that no program is reading\n")
        let reader = try BackgroundChild("/bin/cat", [box.path("pack.md")], in: box.url.path, environment: [:])
        var written: RunResult?
        for _ in 0..<50 {
            written = try box.run(["export", "board.plan", "-o", "pack.md"])
            if written?.status == 0 { break }
            usleep(100_000)  // until cat has opened the pipe
        }
        #expect(written?.status == 0, "\(written.map(\.description) ?? "")")
        #expect(reader.wait(seconds: 10) == 0)
        #expect(reader.output.hasPrefix("# Test plan: recording children's views"))
        #expect(Self.info(box.path("pack.md")).st_mode & S_IFMT == S_IFIFO)
    }

    @Test func editingAPlanThatIsANamedPipeIsRefusedWithoutWaiting() throws {
        let box = try Sandbox()
        #expect(mkfifo(box.path("board.plan"), 0o644) == 0)
        for arguments in [["note", "board.plan", "1.1a", "Hello."], ["set", "board.plan", "1.1a", "--rag", "g"]] {
            let child = try BackgroundChild(actionplanBinary.path, arguments, in: box.url.path, environment: [:])
            #expect(child.wait(seconds: 10) == 1)
            #expect(child.errors == "board.plan: cannot edit: it is a named pipe, not a plan file\n")
        }
        #expect(Self.info(box.path("board.plan")).st_mode & S_IFMT == S_IFIFO)
    }

    // MARK: - Other users

    /// `board.plan` in a folder anyone may write, owned by 12345:12345 with `mode`.
    static func plan(ownedByAnotherUserWith mode: mode_t, in box: Sandbox) throws -> String {
        let plan = try box.write("board.plan", samplePlan)
        chmod(box.url.path, 0o777)
        #expect(chown(plan, 12345, 12345) == 0)
        chmod(plan, mode)
        return plan
    }

    @Test(.enabled(if: canBecomeOthers, "needs root and setpriv to act as two users"))
    func aGroupMemberSavesAnotherMembersPlanKeepingItsOwnerAndTakingOverTheirStaleLock() throws {
        let box = try Sandbox()
        let plan = try Self.plan(ownedByAnotherUserWith: 0o664, in: box)
        // A save by 12345 killed halfway: its lock file is left, theirs, 0644.
        let lock = try box.write(".board.plan.lock", "pid 999999 on elsewhere\n")
        #expect(chown(lock, 12345, 12345) == 0)
        chmod(lock, 0o644)

        let before = Self.info(plan)
        let result = try box.run(["note", "board.plan", "1.1a", "Checked."], through: Self.asUser(12346, group: 12345))
        #expect(result.status == 0, "\(result)")
        let saved = Self.info(plan)
        #expect(saved.st_uid == 12345 && saved.st_gid == 12345 && saved.st_mode & 0o777 == 0o664)
        #expect(saved.st_ino == before.st_ino, "written in place: 12346 cannot give a new file to 12345")
        #expect(try box.text("board.plan").contains("Note 2026-03-01: Checked."))
        #expect(try box.listing() == ["board.plan"])
    }

    @Test(.enabled(if: canBecomeOthers, "needs root and setpriv to act as another user"))
    func aReadOnlyPlanOfSomeoneElseNamesItsOwnerInsteadOfSuggestingChmod() throws {
        let box = try Sandbox()
        _ = try Self.plan(ownedByAnotherUserWith: 0o644, in: box)
        let result = try box.run(["note", "board.plan", "1.1a", "Checked."], through: Self.asUser(12346, group: 12346))
        #expect(result.status == 1, "\(result)")
        #expect(!result.stderr.contains("chmod"), "\(result)")
        #expect(
            result.stderr.contains(
                "board.plan: cannot write: the file is read-only (it belongs to user 12345: ask them to allow changes, or save elsewhere)"
            ), "\(result)")
    }

    // MARK: - Escape sequences in file names

    @Test func pathsWithEscapeSequencesAreEscapedInEveryMessage() throws {
        let box = try Sandbox()
        let name = "evil\u{1B}]0;owned\u{07}.plan"
        try box.write(name, samplePlan)
        let shown = "evil\\e]0;owned\\u{7}.plan"
        let runs = [
            try box.run(["check", name]),
            try box.run(["set", name, "1.1a", "--rag", "g"]),
            try box.run(["note", name, "1.1a", "Hello."]),
            try box.run(["check", "missing-\u{1B}[2J.plan"]),
            try box.run(["note", name, "9.9z", "Hello."]),
        ]
        for result in runs {
            #expect(!(result.stdout + result.stderr).contains("\u{1B}"), "\(result)")
            #expect(!(result.stdout + result.stderr).contains("\u{07}"), "\(result)")
        }
        #expect(runs[0].stdout.hasPrefix("ok: \(shown): 4 actions"), "\(runs[0])")
        #expect(runs[1].stdout.contains("(saved \(shown))"), "\(runs[1])")
        #expect(runs[2].stdout.contains("(saved \(shown))"), "\(runs[2])")
        #expect(runs[3].stderr == "missing-\\e[2J.plan: cannot read: no such file\n", "\(runs[3])")

        try box.write("base.plan", samplePlan)
        try box.write("ours.plan", samplePlan)
        try box.write("theirs.plan", samplePlan)
        let merged = try box.run(["merge-driver", "base.plan", "ours.plan", "theirs.plan", "--path", name])
        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stderr.contains(shown) && !merged.stderr.contains("\u{1B}"), "\(merged)")
    }

    @Test func csvToATerminalEscapesControlCharactersAndToAFileStaysExact() throws {
        let box = try Sandbox()
        try box.write("board.plan", samplePlan.replacingOccurrences(of: "Designated Nurse", with: "Nurse \u{1B}[31mX"))
        let exact = try box.run(["list", "board.plan", "--format", "csv"])
        #expect(exact.stdout.contains("Nurse \u{1B}[31mX"))
        let exported = try box.run(["export", "board.plan", "--format", "csv"])
        #expect(exported.stdout.contains("Nurse \u{1B}[31mX"))
        // On a terminal: `script` gives the command a pseudo-terminal and copies what it prints.
        for command in ["list board.plan --format csv", "export board.plan --format csv"] {
            let onTerminal = try BackgroundChild.run(
                "/usr/bin/script", ["-qec", "\(actionplanBinary.path) \(command)", "/dev/null"], in: box.url.path,
                environment: ["PATH": "/usr/bin:/bin", "HOME": box.url.path, "TERM": "xterm"])
            #expect(onTerminal.status == 0, "\(onTerminal)")
            #expect(onTerminal.output.contains("Nurse \\e[31mX"), "\(onTerminal)")
            #expect(!onTerminal.output.contains("\u{1B}[31m"), "\(onTerminal)")
        }
    }
}
