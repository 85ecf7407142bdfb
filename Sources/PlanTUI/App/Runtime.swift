import Foundation
import PlanCore

/// The loop (Bubble Tea's Program): draw the state, read a key, update, carry
/// out the effects, and feed their results back in.
public enum Runtime {
    /// What the runtime needs from the outside world besides the terminal.
    public struct Services {
        /// Saves the document. With `force` false it keeps changes made to the file since it
        /// was read (merging them in) and refuses to overwrite a change to the same field.
        public var save: (PlanDocument, _ force: Bool) -> SaveOutcome
        /// The file as it is now when it changed since it was last read or saved.
        public var reloadIfChanged: () -> Reload
        /// Lets a person edit text in another program; nil when that failed.
        public var editText: (String) -> String?
        /// Writes the document to another file, which must not exist yet.
        public var saveCopy: (PlanDocument, _ path: String) -> SaveOutcome

        public enum Reload {
            case unchanged
            case changed(PlanDocument)
            /// The file changed and does not parse (someone may be halfway through editing it).
            case invalid(String)
        }

        public init(
            save: @escaping (PlanDocument, Bool) -> SaveOutcome,
            reloadIfChanged: @escaping () -> Reload = { .unchanged },
            editText: @escaping (String) -> String?,
            saveCopy: @escaping (PlanDocument, String) -> SaveOutcome = Services.writeNewFile
        ) {
            self.save = save
            self.reloadIfChanged = reloadIfChanged
            self.editText = editText
            self.saveCopy = saveCopy
        }

        /// Saves to `path` under the plan's lock, merging changes made elsewhere since
        /// `document` was read from it; watches it for such changes; edits text in
        /// `$VISUAL`/`$EDITOR`.
        public static func live(path: String, readAs document: PlanDocument) -> Services {
            let file = LivePlanFile(path: path, readAs: document)
            return Services(save: file.save, reloadIfChanged: file.reloadIfChanged, editText: ExternalEditor.edit)
        }

        /// Writes a plan to a new file (refusing one that exists), atomically.
        public static func writeNewFile(_ document: PlanDocument, to path: String) -> SaveOutcome {
            guard !FileManager.default.fileExists(atPath: path) else {
                return .failed("\(path) already exists; choose a new name")
            }
            do {
                try AtomicFile.write(document, to: path)
                return .saved
            } catch {
                return .failed("\(error)")
            }
        }
    }

    /// Runs until the state asks to quit; returns the final state.
    @discardableResult
    public static func run(_ initial: AppState, terminal: Terminal, services: Services, pollMilliseconds: Int = 1000)
        -> AppState
    {
        var state = initial
        var watchForcesReload = false
        let size = terminal.size
        _ = state.handle(.resize(width: size.width, height: size.height))
        var needsDraw = true
        while true {
            if needsDraw { terminal.draw(render(state)) }
            let key = terminal.readKey(timeoutMilliseconds: pollMilliseconds)
            // A tick with nothing new (no key, no change on disk) leaves the screen as it is.
            needsDraw = key != .tick
            // Changes made elsewhere (another program, `git pull`) come in before the
            // key is acted on, so an edit never overwrites them.
            if !state.unsaved || watchForcesReload {
                watchForcesReload = false
                switch services.reloadIfChanged() {
                case .unchanged: break
                case .changed(let document):
                    state.reloaded(document)
                    needsDraw = true
                case .invalid(let problem):
                    state.diskInvalid(problem)
                    needsDraw = true
                }
            }
            for effect in state.handle(key) {
                switch effect {
                case .save(let description, let force):
                    state.saveFinished(description, services.save(state.document, force))
                case .reloadFromDisk:
                    watchForcesReload = true
                case .saveCopy(let path):
                    state.copyFinished(path, services.saveCopy(state.document, path))
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
            // The editor command may carry arguments ("code -w"); the file goes in as $1.
            let ended = try ChildProcess.run(
                "/bin/sh", ["-c", editor + " \"$1\"", "editor", file.path],
                stdin: .inherit, stdout: .inherit, stderr: .inherit)
            guard ended.status == 0 else { return nil }
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            return nil
        }
    }
}
