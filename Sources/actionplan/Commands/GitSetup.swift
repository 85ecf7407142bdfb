import ArgumentParser
import FoundationEssentials
import PlanCore

struct GitSetup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup",
        abstract: "Set up a git repository so that plans merge by meaning (.gitattributes and git config).",
        discussion: """
            Adds `*.plan merge=actionplan` to the repository's .gitattributes (commit it, so that every clone \
            uses it), defines the `actionplan` merge driver in the repository's git config (each member runs \
            git-setup once in their own clone: git config is not shared), and keeps actionplan's lock and \
            temporary files out of git (.git/info/exclude). Running it again changes nothing.
            """)

    @Argument(help: "A folder inside the repository.", completion: .directory)
    var folder = "."

    @Option(
        help: ArgumentHelp(
            "The command git runs for the driver (default: `actionplan` when that is this program on PATH, else this program's full path).",
            valueName: "command"))
    var command: String?

    func run() throws {
        try Git.reportingErrors(setUp)
    }

    private func setUp() throws {
        let top = try Git.topLevel(of: folder)
        let attributes = top + "/.gitattributes"
        let added = try appendMissing(["*.plan merge=actionplan"], to: attributes)
        print(
            added.isEmpty
                ? ".gitattributes already has `*.plan merge=actionplan`"
                : "added `*.plan merge=actionplan` to \(attributes)")

        let driver = Git.driverCommand(command ?? Self.defaultCommand())
        for (key, value) in [
            ("merge.actionplan.name", "actionplan: merge plans by action"), ("merge.actionplan.driver", driver),
        ] {
            let set = try Git.run(["config", "--local", key, value], in: top)
            guard set.ok else {
                throw GitError("git config \(key) failed: \(set.errors.trimmingNewlines())")
            }
        }
        print("set merge.actionplan.driver = \(driver) in this clone's git config")

        let excludePath = try Git.run(["rev-parse", "--git-path", "info/exclude"], in: top).line
        let exclude = excludePath.hasPrefix("/") ? excludePath : top + "/" + excludePath
        try FileManager.default.createDirectory(
            atPath: PathText.deletingLastComponent(exclude), withIntermediateDirectories: true)
        _ = try appendMissing([".*.plan.lock", ".*.plan.*.tmp"], to: exclude)
        if !added.isEmpty {
            print(
                "commit .gitattributes so that every clone merges plans by meaning; each member runs `actionplan git-setup` once in their clone"
            )
        }
    }

    /// Appends the lines the file lacks; returns them.
    private func appendMissing(_ lines: [String], to path: String) throws -> [String] {
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() })
        let missing = lines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return [] }
        let text =
            existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n")
            + "\n"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw GitError("cannot write \(path): \(SystemErrorText.describing(error))")
        }
        return missing
    }

    /// `actionplan` when the one on PATH is this program, else this program's full path
    /// (quoted for the shell that git runs the driver with).
    static func defaultCommand() -> String {
        let own = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0]
        ).resolvingSymlinksInPath()
            .path
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("actionplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path),
                candidate.resolvingSymlinksInPath().path == own
            {
                return "actionplan"
            }
        }
        let safe = own.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) }
        return safe ? own : "'" + own.replacingEvery("'", with: "'\\''") + "'"
    }
}
