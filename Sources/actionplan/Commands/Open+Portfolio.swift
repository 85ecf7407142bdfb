import ArgumentParser
import FoundationEssentials
import PlanCore
import PlanTUI

extension Open {
    /// Opens a folder of plans: the list of its plans when it holds several (each plan
    /// its own session), the plan itself when it holds one.
    func openFolder(_ folder: String) throws {
        let (portfolio, sessions) = try PortfolioLoading.open([folder])
        let opened = portfolio.members.compactMap { member in sessions[member.path].map { (member, $0) } }
        guard portfolio.members.count > 1, !opened.isEmpty else {
            // One plan (or none that opens): as `actionplan open FILE` does, errors and all.
            for member in portfolio.failed { Console.error(member.error?.description ?? member.path) }
            guard let (member, session) = opened.first else { throw ExitCode(1) }
            let screen = try Screen(theme: theme, noColor: noColor, mouse: !noMouse, by: by)
            defer { screen.terminal.restore() }
            Runtime.run(
                planState(session, path: member.path, screen: screen), terminal: screen.terminal,
                services: .live(session))
            return
        }
        let screen = try Screen(theme: theme, noColor: noColor, mouse: !noMouse, by: by)
        defer { screen.terminal.restore() }
        var members: [PortfolioState.Member] = []
        var services: [Runtime.Services] = []
        for member in portfolio.members {
            if let session = sessions[member.path] {
                members.append(
                    PortfolioState.Member(
                        path: member.path, name: member.name,
                        state: planState(session, path: member.path, screen: screen)))
                services.append(.live(session))
            } else {
                let error = member.error?.description ?? "it could not be read"
                members.append(PortfolioState.Member(path: member.path, name: member.name, error: error))
                // Watched, so that the plan opens once its file is mended.
                services.append(.reopening(member.path))
            }
        }
        let size = screen.terminal.size
        let state = PortfolioState(
            title: portfolio.title ?? PathText.standardized(folder), members: members,
            today: PlanDate.today(), width: size.width, height: size.height, colors: screen.terminal.colorsEnabled,
            theme: screen.theme, colorCount: screen.terminal.colorCount)
        Runtime.run(state, terminal: screen.terminal, services: services)
    }
}
