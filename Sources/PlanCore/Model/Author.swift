import FoundationEssentials
import Glibc

/// Who is making a change. The first of: `--by`, `ACTIONPLAN_USER`, the `name` in
/// the config file (`actionplan config name`), `git config user.name`, the account's
/// full name (the GECOS field), the login name (`$USER`, else the account's).
public enum Author {
    /// Where a name came from, so that a front end can ask for a better one.
    public enum Source: String, Sendable, Equatable {
        case option = "--by"
        case environment = "ACTIONPLAN_USER"
        case config = "the config file"
        case git = "git config user.name"
        case account = "the account's full name"
        case login = "the login name"
    }

    public static func resolve(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        gitName: () -> String? = { nil }
    ) -> String? {
        resolution(explicit: explicit, environment: environment, gitName: gitName)?.name
    }

    /// The name and where it came from; nil when there is none at all.
    public static func resolution(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        gitName: () -> String? = { nil }
    ) -> (name: String, source: Source)? {
        func clean(_ text: String?) -> String? {
            guard let trimmed = text?.trimmingWhitespace(newlines: true), !trimmed.isEmpty else {
                return nil
            }
            return trimmed
        }
        if let name = clean(explicit) { return (name, .option) }
        if let name = clean(environment["ACTIONPLAN_USER"]) { return (name, .environment) }
        if let name = configuredName(environment: environment) { return (name, .config) }
        if let name = clean(gitName()) { return (name, .git) }
        let account = getpwuid(getuid())
        // GECOS: "Full Name,room,phone,…"; the first part is the name.
        let gecos = account.flatMap { $0.pointee.pw_gecos }.map { String(cString: $0) }
        if let name = clean(gecos?.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init)) {
            return (name, .account)
        }
        if let name = clean(environment["USER"]) { return (name, .login) }
        if let name = clean(account.flatMap { $0.pointee.pw_name }.map { String(cString: $0) }) {
            return (name, .login)
        }
        return nil
    }

    /// True when the name resolved is no better than a login name: none at all, the
    /// login name itself, or an account "full name" that only repeats it (as root's
    /// often does). A front end asks for a full name then.
    public static func isBareLogin(
        _ found: (name: String, source: Source)?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        guard let found else { return true }
        switch found.source {
        case .login: return true
        case .account:
            let login =
                environment["USER"] ?? getpwuid(getuid()).flatMap { $0.pointee.pw_name }.map { String(cString: $0) }
            return found.name == login
        default: return false
        }
    }

    /// Why `name` cannot be recorded in a history line's brackets, or nil when it can:
    /// brackets, line breaks, tabs and control characters would not read back.
    public static func problem(with name: String) -> String? {
        if name.contains(where: { "()\n\r".contains($0) })
            || name.unicodeScalars.contains(where: { TerminalText.needsEscape($0, keepNewlines: false) || $0 == "\t" })
        {
            return "a name cannot contain brackets, line breaks or control characters: '\(TerminalText.escaped(name))'"
        }
        return nil
    }

    /// `$XDG_CONFIG_HOME/actionplan/config`, else `~/.config/actionplan/config`.
    public static func configPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.config" }
        return base.map { $0 + "/actionplan/config" }
    }

    /// `name = J Smith` (or `name: J Smith`) in the config file.
    static func configuredName(environment: [String: String]) -> String? {
        configured("name", environment: environment)
    }

    /// The value of `key = value` (or `key: value`) in the config file, if it has one:
    /// `name`, `theme`.
    public static func configured(_ key: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        guard let path = configPath(environment: environment),
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return nil }
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == "=" || $0 == ":" })
            guard parts.count == 2, parts[0].trimmingWhitespace().lowercased() == key else {
                continue
            }
            let value = parts[1].trimmingWhitespace()
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// The config file's text with `name = NAME` set: the existing `name` line
    /// rewritten, or one added; other lines kept.
    public static func configText(_ existing: String, settingName name: String) -> String {
        var lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let entry = "name = \(name)"
        if let index = lines.firstIndex(where: {
            $0.split(maxSplits: 1, whereSeparator: { $0 == "=" || $0 == ":" }).first?
                .trimmingWhitespace().lowercased() == "name"
        }) {
            lines[index] = entry
        } else {
            lines.append(entry)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
