import ArgumentParser
import Foundation
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
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let problem = trimmed.isEmpty ? "the name is empty" : Author.problem(with: trimmed) {
            Console.error("error: \(problem)")
            throw ExitCode(1)
        }
        guard let path = Author.configPath() else {
            Console.error("error: neither $XDG_CONFIG_HOME nor $HOME is set, so there is nowhere to keep the name")
            throw ExitCode(1)
        }
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(Data(Author.configText(existing, settingName: trimmed).utf8), to: path)
        } catch {
            Console.error("error: cannot write \(path): \(error)")
            throw ExitCode(1)
        }
        Console.print("Your changes will be recorded as \(trimmed) (\(path)).")
    }
}
