import Foundation
import PlanCore

/// The loop (Bubble Tea's Program): draw the state, read a key, update, carry
/// out the effects, and feed their results back in.
public enum Runtime {
    /// What the runtime needs from the outside world besides the terminal.
    public struct Services {
        /// Saves the document; returns an error message, or nil on success.
        public var save: (PlanDocument) -> String?
        /// Lets a person edit text in another program; nil when that failed.
        public var editText: (String) -> String?

        public init(save: @escaping (PlanDocument) -> String?, editText: @escaping (String) -> String?) {
            self.save = save
            self.editText = editText
        }

        /// Saves atomically to `path` and edits text in `$VISUAL`/`$EDITOR`.
        public static func live(path: String) -> Services {
            Services(
                save: { document in
                    do {
                        try PlanFile.save(document, to: path)
                        return nil
                    } catch {
                        return "\(error)"
                    }
                },
                editText: ExternalEditor.edit)
        }
    }

    /// Runs until the state asks to quit; returns the final state.
    @discardableResult
    public static func run(_ initial: AppState, terminal: Terminal, services: Services, pollMilliseconds: Int = 1000) -> AppState {
        var state = initial
        let size = terminal.size
        _ = state.handle(.resize(width: size.width, height: size.height))
        while true {
            terminal.draw(render(state))
            let key = terminal.readKey(timeoutMilliseconds: pollMilliseconds)
            for effect in state.handle(key) {
                switch effect {
                case .save(let description):
                    state.saveFinished(description, error: services.save(state.document))
                case .openExternalEditor(let text):
                    var result: String?
                    terminal.suspend { result = services.editText(text) }
                    state.externalEditFinished(result)
                case .bell:
                    break
                case .quit:
                    return state
                }
            }
        }
    }
}

/// Hands text to `$VISUAL` or `$EDITOR` (default `vi`) in a temporary file.
public enum ExternalEditor {
    public static func edit(_ text: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("actionplan-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data((text + "\n").utf8).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // The editor command may carry arguments ("code -w"); the file goes in as $1.
            process.arguments = ["-c", editor + " \"$1\"", "editor", file.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            return nil
        }
    }
}
