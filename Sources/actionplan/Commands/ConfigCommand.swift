import ArgumentParser
import FoundationEssentials
import PlanCore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Settings for this account.",
        subcommands: [ConfigName.self])
}

struct ConfigName: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "name",
        abstract: "Set the name your changes are recorded under, or show it and where it comes from.",
        discussion: """
            Who is recording: --by, then $ACTIONPLAN_USER, then this setting (in \
            $XDG_CONFIG_HOME/actionplan/config, else ~/.config/actionplan/config), then git's user.name, \
            then the account's full name, then the login name.
            """)

    @Argument(help: "Your full name, e.g. \"Sam Patel\". Without it, prints the name in use.")
    var name: String?

    func run() throws {
        guard let name else {
            guard let found = Author.resolution(explicit: nil, gitName: Git.userName) else {
                Console.error("no name: set one with `actionplan config name \"FULL NAME\"`")
                throw ExitCode(1)
            }
            Console.print("\(found.name) (from \(found.source.rawValue))")
            return
        }
        let path: String
        do {
            path = try Author.saveConfiguredName(name)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
        let trimmed = name.trimmingWhitespace()
        Console.print("Your changes will be recorded as \(trimmed) (\(path)).")
    }
}
