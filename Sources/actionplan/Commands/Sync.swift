import ArgumentParser
import FoundationEssentials
import Glibc
import PlanCore

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Commit a plan, pull the board's changes (merged by meaning) and push.",
        discussion: """
            Commits the plan (only that file) with a message listing what changed, action by action; pulls \
            from the branch's upstream, merging plans with actionplan's merge driver; and pushes. When \
            someone pushed in between, it pulls and pushes again (up to 8 times). A conflict stops it with \
            the file to resolve, and so does a plan that is not valid after pulling: nothing is pushed then. The repository must be set up with `actionplan git-setup`.
            """)

    @OptionGroup var plan: PlanPathArgument

    /// How many times to pull and push again when others pushed in between.
    static let attempts = 8

    func run() throws {
        try Git.reportingErrors(sync)
    }

    private func sync() throws {
        let document = try PlanLoading.load(plan.path)
        let url = URL(fileURLWithPath: plan.path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        _ = try Git.topLevel(of: folder)
        let attribute = try Git.run(["check-attr", "merge", "--", name], in: folder).line
        let driver = try Git.run(["config", "merge.actionplan.driver"], in: folder)
        guard attribute.hasSuffix(": merge: actionplan"), driver.ok else {
            throw GitError("this repository does not merge plans by meaning yet: run `actionplan git-setup` first")
        }

        try commit(document, name: name, in: folder)

        guard try Git.run(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"], in: folder).ok else {
            print(
                "no upstream branch to pull from or push to: committed here only (set one with `git push -u REMOTE BRANCH`)"
            )
            return
        }
        for attempt in 1...Self.attempts {
            let before = try Git.run(["rev-parse", "HEAD"], in: folder).line
            let pull = try Git.run(["pull", "--no-rebase", "--no-edit", "-q"], in: folder)
            guard pull.ok else {
                let unmerged = try Git.run(["diff", "--name-only", "--diff-filter=U"], in: folder).line
                guard unmerged.isEmpty else {
                    throw GitError(
                        """
                        conflict while merging the board's changes into \(unmerged.split(separator: "\n").joined(separator: ", ")). \
                        `actionplan check \(plan.path)` shows where; keep one version of each, delete the other and the marker lines, \
                        then `git add \(plan.path)`, `git commit`, and run sync again
                        """)
                }
                throw GitError("git pull failed: \(pull.errors.trimmingWhitespace(newlines: true))")
            }
            try checkPulledPlan()
            let pulled =
                Int(try Git.run(["rev-list", "--count", "--no-merges", "\(before)..HEAD"], in: folder).line) ?? 0
            if pulled > 0 { print("pulled \(pulled) commit\(pulled == 1 ? "" : "s") from the board, merged") }
            let push = try Git.run(["push", "-q"], in: folder)
            if push.ok {
                print("pushed")
                return
            }
            // Someone pushed in between: pull their commits and try again.
            if attempt < Self.attempts { usleep(UInt32.random(in: 50_000...300_000)) }
        }
        throw GitError(
            "the push was refused \(Self.attempts) times (others keep pushing, or the remote refuses): try again, or see `git push`"
        )
    }

    /// What was pulled is checked before anything is pushed: a plan that does not parse
    /// (merged without the driver, or committed broken by someone) stops the sync.
    private func checkPulledPlan() throws {
        do {
            _ = try PlanFile.load(plan.path)
        } catch {
            let first = error.description.split(separator: "\n").first.map(String.init) ?? ""
            throw GitError(
                "after pulling the board's changes, \(plan.path) is not a valid plan (\(first)), so nothing was pushed: "
                    + "fix it (`actionplan check \(plan.path)` shows where), commit, and run sync again")
        }
    }

    /// Commits the plan, if it changed, with a message that lists what changed.
    private func commit(_ document: PlanDocument, name: String, in folder: String) throws {
        guard !(try Git.run(["status", "--porcelain", "--", name], in: folder).line.isEmpty) else {
            print("\(TerminalText.escaped(name)): nothing to commit")
            return
        }
        let committed = try Git.run(["show", "HEAD:./\(name)"], in: folder)
        let old = committed.ok ? try? PlanDocument(text: committed.output) : nil
        let changes = PlanDelta.changes(from: old, to: document)
        let summary = changes.prefix(3).joined(separator: "; ") + (changes.count > 3 ? "; …" : "")
        let message =
            "Update \(name)" + (summary.isEmpty ? "" : ": \(summary)")
            + (changes.count > 1 ? "\n\n" + changes.map { "- \($0)" }.joined(separator: "\n") : "")
        let add = try Git.run(["add", "--", name], in: folder)
        let commit = try Git.run(["commit", "-q", "-m", message, "--", name], in: folder)
        guard add.ok, commit.ok else {
            throw GitError(
                "git commit failed: \((add.errors + commit.errors).trimmingWhitespace(newlines: true))")
        }
        print(TerminalText.escaped("committed \(name)" + (summary.isEmpty ? "" : ": \(summary)")))
    }
}
