import ArgumentParser
import FoundationEssentials
import Glibc
import PlanCore

/// Loading and saving for commands: problems go to standard error and end the
/// command with exit code 1.
enum PlanLoading {
    static func load(_ path: String) throws -> PlanDocument {
        do {
            let document = try PlanFile.load(path)
            LeftForExit.keep(document)
            return document
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }

    /// Opens a plan for editing (see ``PlanSession``): waits for a file that another
    /// program is still writing to settle. A command that edits one action opens the
    /// plan with its actions made when read (``PlanDocument/ActionReading/onDemand``).
    static func open(_ path: String, actions reading: PlanDocument.ActionReading = .everyAction) throws
        -> PlanSession
    {
        do {
            return try PlanSession(opening: path, actions: reading)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }

    /// Saves `document`, an edit of the session's plan, keeping changes that someone else
    /// saved in the meantime (see ``PlanSession/save(_:)``). Returns words for the
    /// confirmation when such changes were merged in, else "".
    static func save(_ document: PlanDocument, in session: PlanSession) throws -> String {
        mergedWords(try saved(document, in: session))
    }

    /// The same, returning what was written; from `bytes`, the document's bytes in one
    /// piece, when given (see ``PlanSession/save(_:bytes:)``).
    static func saved(
        _ document: PlanDocument, bytes: UnsafeRawBufferPointer? = nil, in session: PlanSession
    ) throws -> PlanSession.Saved {
        do {
            if let bytes { return try session.save(document, bytes: bytes) }
            return try session.save(document)
        } catch {
            Console.error("error: \(error.description); the plan was not changed")
            throw ExitCode(1)
        }
    }

    /// "; merged with changes saved at the same time to 1.2a" when the save merged, else "".
    static func mergedWords(_ saved: PlanSession.Saved?) -> String {
        guard let saved, saved.merged else { return "" }
        let refs = saved.mergedRefs.isEmpty ? "" : " to " + saved.mergedRefs.joined(separator: ", ")
        return "; merged with changes saved at the same time\(refs)"
    }
}

enum DefaultPlan {
    /// `plans`, when `$ACTIONPLAN_PLAN` is not set and `./plans` has a `portfolio.txt`:
    /// then the folder is read as a portfolio.
    static var portfolioFolder: String? {
        if let path = ProcessInfo.processInfo.environment["ACTIONPLAN_PLAN"], !path.isEmpty { return nil }
        return FileManager.default.fileExists(atPath: "plans/" + PortfolioManifest.fileName) ? "plans" : nil
    }

    /// `plans`, when `$ACTIONPLAN_PLAN` is not set and `./plans` holds several plans (the
    /// ones its `portfolio.txt` lists, or its `.plan` files): the interface opens it as a portfolio.
    static var portfolioToOpen: String? {
        if let path = ProcessInfo.processInfo.environment["ACTIONPLAN_PLAN"], !path.isEmpty { return nil }
        // Only the members are counted: none is read here (the interface opens them).
        let skip = { (path: String) throws(PlanFileError) -> PlanDocument in throw .readOnly(path: path) }
        guard let portfolio = try? Portfolio.load(["plans"], reading: skip) else { return nil }
        return portfolio.members.count > 1 ? "plans" : nil
    }

    /// `$ACTIONPLAN_PLAN`, else the first plan of `./plans`' portfolio, else the first
    /// `.plan` file by name in `./plans`.
    static func locate() throws -> String {
        if let path = ProcessInfo.processInfo.environment["ACTIONPLAN_PLAN"], !path.isEmpty { return path }
        if let folder = portfolioFolder, let first = try? Portfolio.load([folder]).members.first {
            return first.path
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "plans")) ?? []
        guard let first = names.filter({ $0.hasSuffix(".plan") }).sorted().first else {
            Console.error("error: no plan given and no .plan file in ./plans; try `actionplan summary PATH`")
            throw ExitCode(1)
        }
        return "plans/" + first
    }
}
