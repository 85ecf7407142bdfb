import ArgumentParser
import FoundationEssentials
import PlanCore

/// The plans a portfolio command reads: files, or folders of plans.
struct PlanPathsArgument: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Plan files, or folders of plans (a folder's portfolio.txt, if it has one, lists its plans).",
            valueName: "path"),
        completion: .file(extensions: ["plan"]))
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give a plan file, several, or a folder of plans (<path>)") }
    }

    /// The path when exactly one plan file is given: the command then works as it
    /// always has on one plan.
    var single: String? {
        guard paths.count == 1, let path = paths.first else { return nil }
        return Portfolio.isFolder(path) ? nil : path
    }
}

/// Loading several plans for a command: each plan that fails has its errors written to
/// standard error, the others are still used, and the command then exits 1.
enum PortfolioLoading {
    static func load(_ paths: [String]) throws -> Portfolio {
        let portfolio: Portfolio
        do {
            portfolio = try Portfolio.load(paths)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        for member in portfolio.failed { Console.error(member.error?.description ?? member.path) }
        return portfolio
    }

    /// Reads `paths` as ``load(_:)`` does, opening each plan as a session to edit (see
    /// ``PlanSession``); a plan that fails is a failed member, and is not reported here.
    static func open(_ paths: [String]) throws -> (portfolio: Portfolio, sessions: [String: PlanSession]) {
        var sessions: [String: PlanSession] = [:]
        do {
            let portfolio = try Portfolio.load(paths) { path throws(PlanFileError) -> PlanDocument in
                let session = try PlanSession(opening: path)
                sessions[path] = session
                return session.document
            }
            return (portfolio, sessions)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }

    /// Ends the command with exit 1 when a plan could not be read (its errors were
    /// reported by ``load(_:)``).
    static func finish(_ portfolio: Portfolio) throws {
        let failed = portfolio.failed.count
        guard failed > 0 else { return }
        Console.error(
            "error: \(failed) of \(portfolio.members.count) plans could not be read; the others are shown")
        throw ExitCode(1)
    }
}
