import FoundationEssentials

/// Hands text to `$VISUAL` or `$EDITOR` (default `vi`) in a temporary file.
public enum ExternalEditor {
    /// The edited text; nil when the editor failed or the file could not be read back.
    public static func edit(_ text: String) -> String? {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("actionplan-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data((text + "\n").utf8).write(to: file)
            // The editor command may carry arguments ("code -w"); the file goes in as $1.
            let ended = try ChildProcess.run(
                "/bin/sh", ["-c", command + " \"$1\"", "editor", file.path],
                stdin: .inherit, stdout: .inherit, stderr: .inherit)
            guard ended.status == 0 else { return nil }
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            return nil
        }
    }

    /// The editor that ``edit(_:)`` runs: `$VISUAL`, else `$EDITOR`, else `vi`.
    public static var command: String {
        let environment = ProcessInfo.processInfo.environment
        return [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    }
}
