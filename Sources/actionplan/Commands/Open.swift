import ArgumentParser
import FoundationEssentials
import Glibc
import NcursesTerminal
import PlanCore
import PlanTUI

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract:
            "Open a plan, or a folder of plans, in the terminal interface: find an action, set its RAG, add a note.",
        discussion: """
            Keys: press ? in the interface, or see docs/keys.md. Every change is saved at once. A folder \
            of several plans (its portfolio.txt, or every .plan file in it) opens on the list of its plans.
            """)

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
        if Portfolio.isFolder(plan.path) { return try openFolder(plan.path) }
        // A file that does not parse never opens, so it is never written.
        let session = try PlanLoading.open(plan.path)
        let screen = try Screen(theme: theme, noColor: noColor, mouse: !noMouse, by: by)
        defer { screen.terminal.restore() }
        let state = planState(session, path: plan.path, screen: screen)
        Runtime.run(state, terminal: screen.terminal, services: .live(session))
    }

    /// The terminal, once it is known to be one that can show the interface, and how it is drawn.
    struct Screen {
        var terminal: NcursesTerminal
        var theme: ThemeName
        var author: (name: String, source: Author.Source)?
        var askForName: Bool

        init(theme explicit: ThemeName?, noColor: Bool, mouse: Bool, by: String? = nil) throws {
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                Console.error(
                    "error: `actionplan open` needs a terminal; use `actionplan summary` or `list` in scripts")
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
            theme = ThemeName.resolve(
                explicit: explicit, configured: Author.configured("theme", environment: environment),
                environment: environment)
            terminal = NcursesTerminal(colors: noColor || theme == .mono ? false : nil, mouse: mouse)
            author = Author.resolution(explicit: by, gitName: Git.userName)
            // A bare login name (or none) makes a poor history line: ask once for a full name.
            askForName = Author.isBareLogin(author, environment: environment)
        }
    }

    /// The interface's state for one plan's session, as it opens.
    func planState(_ session: PlanSession, path: String, screen: Screen) -> AppState {
        let size = screen.terminal.size
        var state = AppState(
            document: session.document, path: path, today: PlanDate.today(), author: screen.author?.name,
            width: size.width, height: size.height, colors: screen.terminal.colorsEnabled, theme: screen.theme,
            colorCount: screen.terminal.colorCount)
        state.editorName = ExternalEditor.command
        if screen.askForName { state.askForName() }
        state.announceStatusesWithoutHistory(
            HistoryCheck.actionsWithoutStatusHistory(in: session.document.plan, baseline: Git.committedPlan(path))
                .map(\.action.ref))
        return state
    }
}

extension ThemeName: ExpressibleByArgument {}
