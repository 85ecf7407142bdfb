import ArgumentParser
import Foundation
import NcursesTerminal
import PlanCore
import PlanTUI

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a plan in the terminal interface: find an action, set its RAG, add a note.",
        discussion: "Keys: press ? in the interface, or see docs/keys.md. Every change is saved at once.")

    @OptionGroup var plan: PlanPathArgument

    @Flag(name: .customLong("no-mouse"), help: "Do not use the mouse (clicks select, the wheel scrolls).")
    var noMouse = false

    @Flag(
        name: .customLong("no-color"), help: "No colours: status letters in bold reverse (also when NO_COLOR is set).")
    var noColor = false

    @Option(
        help: ArgumentHelp(
            "Colours for a dark or light terminal background, or none (default: `theme` in the config file, then $COLORFGBG, then dark).",
            valueName: "dark|light|mono"))
    var theme: ThemeName?

    @Option(
        help: ArgumentHelp(
            "Who is making changes (default: $ACTIONPLAN_USER, the configured name, git's user.name, the account's full name, then the login name; with the login name or none, the interface asks once for a full name).",
            valueName: "name"))
    var by: String?

    func run() throws {
        // A file that does not parse never opens, so it is never written.
        let session = try PlanLoading.open(plan.path)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Console.error("error: `actionplan open` needs a terminal; use `actionplan summary` or `list` in scripts")
            throw ExitCode(1)
        }
        let environment = ProcessInfo.processInfo.environment
        // A terminal that cannot place the cursor would show a blank or garbled screen.
        let term = environment["TERM"] ?? ""
        guard !["", "dumb", "unknown"].contains(term) else {
            Console.error(
                "error: this terminal (TERM=\(term.isEmpty ? "unset" : term)) cannot place the cursor, which the "
                    + "interface needs; use `actionplan summary` or `actionplan list` instead, or set TERM (e.g. xterm-256color)"
            )
            throw ExitCode(1)
        }
        let chosen = ThemeName.resolve(
            explicit: theme, configured: Author.configured("theme", environment: environment), environment: environment)
        let terminal = NcursesTerminal(colors: noColor || chosen == .mono ? false : nil, mouse: !noMouse)
        defer { terminal.restore() }
        let size = terminal.size
        let author = Author.resolution(explicit: by, gitName: Git.userName)
        var state = AppState(
            document: session.document, path: plan.path, today: PlanDate.today(), author: author?.name,
            width: size.width, height: size.height, colors: terminal.colorsEnabled, theme: chosen,
            colorCount: terminal.colorCount)
        state.editorName = ExternalEditor.command
        // A bare login name (or none) makes a poor history line: ask once for a full name.
        if Author.isBareLogin(author, environment: environment) { state.askForName() }
        state.announceStatusesWithoutHistory(
            HistoryCheck.actionsWithoutStatusHistory(in: session.document.plan, baseline: Git.committedPlan(plan.path))
                .map(\.action.ref))
        Runtime.run(state, terminal: terminal, services: .live(session))
    }
}

extension ThemeName: ExpressibleByArgument {}
