import ArgumentParser
import FoundationEssentials
import PlanCore

struct MergeDriver: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge two versions of a plan by meaning: the git merge driver for .plan files.",
        discussion: """
            git runs it as `actionplan merge-driver %O %A %B` (set up with `actionplan git-setup`; see \
            docs/collaboration.md). Actions are matched by ref: changes to different actions or different \
            fields of one action, and notes added on both sides, merge; history lines are kept in date order. \
            The same field of one action changed differently on both sides (two statuses, say) is a conflict: \
            the action is written twice between <<<<<<< and >>>>>>> markers, once as each side has it, and \
            `actionplan check` reports the line. The result is written over OURS. Exit status 0 when merged, \
            1 when conflicts were left in the file. When a version does not parse, or the merge by meaning \
            would not be a valid plan, it falls back to `git merge-file` (a line-by-line merge); when that \
            merge is not a valid plan either, the lines at fault are put between conflict markers and it \
            exits 1, so that no invalid plan is committed.
            """)

    @Argument(help: "The common ancestor's version (%O).")
    var base: String

    @Argument(help: "Our version (%A); the result is written here.")
    var ours: String

    @Argument(help: "Their version (%B).")
    var theirs: String

    @Option(
        name: .customLong("marker-size"), help: ArgumentHelp("Length of the conflict markers (%L).", valueName: "n"))
    var markerSize = 7

    @Option(help: ArgumentHelp("The plan's path in the repository (%P), for messages.", valueName: "path"))
    var path: String?

    func run() throws {
        let name = path ?? ours
        let documents: [PlanDocument]
        do {
            documents = try [base, ours, theirs].map { file throws(PlanFileError) in try PlanFile.load(file) }
        } catch {
            let first = error.description.split(separator: "\n").first.map(String.init) ?? ""
            Console.error("actionplan: \(name): a version does not parse (\(first)); merging it line by line instead")
            try fallBack(name)
        }
        let result: PlanMerge.Result
        do {
            result = try PlanMerge.merge(
                base: documents[0], ours: documents[1], theirs: documents[2], markerSize: markerSize)
        } catch {
            Console.error("actionplan: \(name): \(error.description); merging it line by line instead")
            try fallBack(name)
        }
        do {
            try PlanFile.checkLimits(result.data, path: name)
            try AtomicFile.write(result.data, to: ours)
        } catch {
            Console.error("actionplan: \(error.description)")
            throw ExitCode(2)
        }
        guard result.conflicts.isEmpty else {
            Console.error(
                "actionplan: CONFLICT in \(name): "
                    + result.conflicts.map(\.description).joined(separator: "; ")
                    + ". Each is written twice between <<<<<<< and >>>>>>>: keep one version, delete the other and the marker lines "
                    + "(`actionplan check \(name)` shows where), then `git add` it.")
            throw ExitCode(1)
        }
        let refs = result.theirChangedRefs
        Console.error(
            "actionplan: merged \(name) by meaning"
                + (refs.isEmpty ? "" : " (their changes to \(refs.joined(separator: ", ")))"))
    }

    /// `git merge-file`: a plain line merge into OURS; its exit status is the number of conflicts.
    private func fallBack(_ name: String) throws -> Never {
        let folder = FileManager.default.currentDirectoryPath
        let run: Git.Run
        do {
            run = try Git.run(
                [
                    "merge-file", "--marker-size=\(markerSize)", "-L", "ours", "-L", "base", "-L", "theirs",
                    absolute(ours, in: folder), absolute(base, in: folder), absolute(theirs, in: folder),
                ], in: folder)
        } catch {
            Console.error("actionplan: \(error); \(name) was left as our version")
            throw ExitCode(2)
        }
        if !run.errors.isEmpty { Console.error(run.errors.trimmingNewlines()) }
        guard run.ok else { throw ExitCode(1) }
        try checkLineMerge(name)
        throw ExitCode(0)
    }

    /// A line merge without conflicts can still be no plan (one action moved to two
    /// places): then the lines at fault go between conflict markers, so that git stops
    /// and `actionplan check` points at them.
    private func checkLineMerge(_ name: String) throws {
        let merged: Data
        do {
            merged = try PlanFile.read(ours)
        } catch {
            Console.error("actionplan: \(error.description)")
            throw ExitCode(2)
        }
        guard let problem = PlanMerge.problem(inLineMerge: merged, markerSize: markerSize) else { return }
        if let marked = problem.marked {
            do {
                try PlanFile.checkLimits(marked, path: name)
                try AtomicFile.write(marked, to: ours)
            } catch {
                Console.error("actionplan: \(error.description)")
                throw ExitCode(2)
            }
        }
        Console.error(
            "actionplan: CONFLICT in \(name): merged line by line, it is not a valid plan (line \(problem.diagnostic.line): "
                + "\(problem.diagnostic.message))"
                + (problem.marked == nil
                    ? ". " : "; those lines are between <<<<<<< and >>>>>>>. ")
                + "Fix them and delete the marker lines (`actionplan check \(name)` shows where), then `git add` it.")
        throw ExitCode(1)
    }

    private func absolute(_ file: String, in folder: String) -> String {
        file.hasPrefix("/") ? file : folder + "/" + file
    }
}
