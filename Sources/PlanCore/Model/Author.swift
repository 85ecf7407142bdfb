import Foundation

/// Who is making a change: `--by`, else `ACTIONPLAN_USER`, else the `name` in
/// `~/.config/actionplan/config`, else `$USER`.
public enum Author {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        if let explicit, !explicit.trimmingCharacters(in: .whitespaces).isEmpty { return explicit }
        if let name = environment["ACTIONPLAN_USER"], !name.isEmpty { return name }
        if let name = configuredName(environment: environment) { return name }
        if let user = environment["USER"], !user.isEmpty { return user }
        return nil
    }

    /// `name = J Smith` (or `name: J Smith`) in `$XDG_CONFIG_HOME/actionplan/config`.
    static func configuredName(environment: [String: String]) -> String? {
        configured("name", environment: environment)
    }

    /// The value of `key = value` (or `key: value`) in `$XDG_CONFIG_HOME/actionplan/config`
    /// (`~/.config/actionplan/config`), if the file has it: `name`, `theme`.
    public static func configured(_ key: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.config" }
        guard let base, let text = try? String(contentsOfFile: base + "/actionplan/config", encoding: .utf8) else {
            return nil
        }
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == "=" || $0 == ":" })
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == key else {
                continue
            }
            let name = parts[1].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return nil
    }
}
