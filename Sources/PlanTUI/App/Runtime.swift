import Foundation
import PlanCore

/// The loop (Bubble Tea's Program): draw the state, read a key, update, carry
/// out the effects, and feed their results back in.
public enum Runtime {
    /// What the runtime needs from the outside world besides the terminal.
    public struct Services {
        /// Saves the document. With `force` false it refuses to overwrite a file that
        /// changed since it was read.
        public var save: (PlanDocument, _ force: Bool) -> SaveOutcome
        /// The file as it is now when it changed since it was last read or saved.
        public var reloadIfChanged: () -> Reload
        /// Lets a person edit text in another program; nil when that failed.
        public var editText: (String) -> String?

        public enum Reload {
            case unchanged
            case changed(PlanDocument)
            /// The file changed and does not parse (someone may be halfway through editing it).
            case invalid(String)
        }

        public init(save: @escaping (PlanDocument, Bool) -> SaveOutcome, reloadIfChanged: @escaping () -> Reload = { .unchanged },
                    editText: @escaping (String) -> String?) {
            self.save = save
            self.reloadIfChanged = reloadIfChanged
            self.editText = editText
        }

        /// Saves atomically to `path`, watches it for changes made elsewhere since
        /// `document` was read from it, and edits text in `$VISUAL`/`$EDITOR`.
        public static func live(path: String, readAs document: PlanDocument) -> Services {
            let watch = FileWatch(path: path, expected: document.data)
            return Services(
                save: { document, force in
                    if !force, watch.changed() { return .conflict }
                    do {
                        try PlanFile.save(document, to: path)
                        watch.remember()
                        return .saved
                    } catch {
                        return .failed("\(error)")
                    }
                },
                reloadIfChanged: { [watch] in
                    guard watch.changed() else { return .unchanged }
                    do {
                        let document = try PlanFile.load(path)
                        watch.remember()
                        return .changed(document)
                    } catch {
                        return .invalid("\(error)".split(separator: "\n").first.map(String.init) ?? "it does not parse")
                    }
                },
                editText: ExternalEditor.edit)
        }
    }

    /// Runs until the state asks to quit; returns the final state.
    @discardableResult
    public static func run(_ initial: AppState, terminal: Terminal, services: Services, pollMilliseconds: Int = 1000) -> AppState {
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

/// Tells whether a file changed since it was last read or written here, by its
/// identity, size and modification time (cheap enough to check before every key).
final class FileWatch {
    let path: String
    private var stamp: [Int]

    /// Starts from the file as it is, unless its bytes are no longer `expected`
    /// (it changed between being read and being watched): then it counts as changed.
    init(path: String, expected: Data) {
        self.path = path
        stamp = []
        remember()
        if FileManager.default.contents(atPath: path) != expected { stamp = [] }
    }

    private func current() -> [Int] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        return [Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
    }

    func remember() { stamp = current() }

    func changed() -> Bool { current() != stamp }
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
