import Foundation
import Testing

/// What a small command does at start (issue 12): `check` starts git only where there
/// can be a repository, and `list` and `export` write their whole output, in order.
@Suite("Start-up: no git outside a repository; one write of the output", .tags(.endToEnd))
struct StartupCommandTests {
    static let plan = """
        # Start-up plan
        - As at: 2026-02-28

        ## 1 Schools
        ### 1.1 Attendance
        - Needs to improve: Attendance

        - [A] 1.1a Publish the attendance guidance.
          - Owner: QA Lead
          - Due: 2026-09-30

        """

    /// A `git` first on PATH that only leaves a mark that it ran.
    private func fakeGit(in sandbox: Sandbox) throws -> (path: String, mark: String) {
        let mark = sandbox.url.deletingLastPathComponent().appendingPathComponent(
            "actionplan-git-ran-\(UUID().uuidString)"
        ).path
        let script = try sandbox.write("bin/git", "#!/bin/sh\ntouch '\(mark)'\nexit 1\n")
        chmod(script, 0o755)
        let path = sandbox.path("bin") + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return (path, mark)
    }

    @Test func checkStartsNoGitOutsideARepository() throws {
        let sandbox = try Sandbox()
        let git = try fakeGit(in: sandbox)
        defer { unlink(git.mark) }
        let plan = try sandbox.write("plans/start.plan", Self.plan)
        let result = try sandbox.run(["check", plan], environment: ["PATH": git.path, "GIT_DIR": nil])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("ok: "), "\(result)")
        #expect(access(git.mark, F_OK) != 0, "git was started for a plan outside any repository")
    }

    @Test func checkAsksGitInsideARepository() throws {
        let sandbox = try Sandbox()
        let git = try fakeGit(in: sandbox)
        defer { unlink(git.mark) }
        try FileManager.default.createDirectory(atPath: sandbox.path("repo/.git"), withIntermediateDirectories: true)
        let plan = try sandbox.write("repo/plans/start.plan", Self.plan)
        let result = try sandbox.run(["check", plan], environment: ["PATH": git.path, "GIT_DIR": nil])
        #expect(result.status == 0, "\(result)")
        #expect(access(git.mark, F_OK) == 0, "git was not asked for the committed plan inside a repository")
    }

    @Test func theTableComesBeforeItsCountLine() throws {
        let sandbox = try Sandbox()
        let plan = try sandbox.write("start.plan", Self.plan)
        let result = try sandbox.run(["list", plan])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("REF") == true, "\(result)")
        #expect(lines.last == "1 of 1 actions", "\(result)")
        let json = try sandbox.run(["export", plan, "--format", "json"])
        #expect(json.stdout.hasSuffix("}\n"), "\(json)")
        #expect(try jsonObject(json.stdout)["title"] as? String == "Start-up plan")
    }
}
