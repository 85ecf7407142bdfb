import PlanCore

/// The loop (Bubble Tea's Program): draw the state, read an event, update, carry out
/// the effects, and feed their results back in as events.
public enum Runtime {
    /// What the runtime needs from the outside world besides the terminal: the open
    /// plan file and `$EDITOR`, both carried out by PlanCore.
    public struct Services {
        /// Saves the document. With `force` false it keeps changes made to the file since it
        /// was read (merging them in) and refuses to overwrite a change to the same field.
        public var save: (PlanDocument, _ force: Bool) -> SaveOutcome
        /// The file as it is now when it changed since it was last read or saved.
        public var reloadIfChanged: () -> PlanSession.Reload
        /// Lets a person edit text in another program; nil when that failed.
        public var editText: (String) -> String?
        /// Writes the document to another file, which must not exist yet.
        public var saveCopy: (PlanDocument, _ path: String) -> SaveOutcome

        public init(
            save: @escaping (PlanDocument, Bool) -> SaveOutcome,
            reloadIfChanged: @escaping () -> PlanSession.Reload = { .unchanged },
            editText: @escaping (String) -> String?,
            saveCopy: @escaping (PlanDocument, String) -> SaveOutcome = { _, path in
                .failed(.readOnly(path: path))  // No copies where none were provided for.
            }
        ) {
            self.save = save
            self.reloadIfChanged = reloadIfChanged
            self.editText = editText
            self.saveCopy = saveCopy
        }

        /// The services of a running interface on `session`'s file: saves under the plan's
        /// lock, merging changes made elsewhere; reloads what changed on disk; edits text in
        /// `$VISUAL`/`$EDITOR`; writes copies to new files.
        public static func live(_ session: PlanSession) -> Services {
            Services(
                save: { document, force in
                    perform {
                        () throws(PlanFileError) -> SaveOutcome in
                        if force {
                            try session.overwrite(document)
                            return .saved
                        }
                        let saved = try session.save(document)
                        return saved.merged ? .merged(saved.document, refs: saved.mergedRefs) : .saved
                    }
                },
                reloadIfChanged: session.reloadIfChanged,
                editText: ExternalEditor.edit,
                saveCopy: { document, path in
                    perform { () throws(PlanFileError) -> SaveOutcome in
                        try PlanSession.writeNew(document, to: path)
                        return .saved
                    }
                })
        }

        private static func perform(_ body: () throws(PlanFileError) -> SaveOutcome) -> SaveOutcome {
            do { return try body() } catch { return SaveOutcome(error) }
        }
    }

    /// Runs until the state asks to quit; returns the final state.
    @discardableResult
    public static func run(_ initial: AppState, terminal: Terminal, services: Services, pollMilliseconds: Int = 1000)
        -> AppState
    {
        var loop = Loop(state: initial, terminal: terminal, services: services)
        let size = terminal.size
        _ = loop.dispatch(.key(.resize(width: size.width, height: size.height)))
        var needsDraw = true
        while true {
            if needsDraw { terminal.draw(render(loop.state)) }
            let key = terminal.readKey(timeoutMilliseconds: pollMilliseconds)
            // Keys typed while the last frame was drawn are all applied before the next
            // one, so a search on a large plan keeps up with typing instead of queueing.
            let keys = key == .tick ? [key] : [key] + terminal.readPendingKeys()
            // A tick with nothing new (no key, no change on disk) leaves the screen as it is.
            needsDraw = key != .tick
            // Changes made elsewhere (another program, `git pull`) come in before the
            // keys are acted on, so an edit never overwrites them.
            if !loop.state.unsaved || loop.reloadRequested {
                loop.reloadRequested = false
                switch services.reloadIfChanged() {
                case .unchanged, .settling: break
                case .changed(let document):
                    _ = loop.dispatch(.reloaded(document))
                    needsDraw = true
                case .invalid(let error):
                    _ = loop.dispatch(.diskInvalid(error))
                    needsDraw = true
                }
            }
            for key in keys {
                if loop.dispatch(.key(key)) == .quit { return loop.state }
            }
        }
    }

    /// The state and what carries out its effects.
    private struct Loop {
        var state: AppState
        let terminal: Terminal
        let services: Services
        var reloadRequested = false

        enum Next { case goOn, quit }

        /// Updates with `event`, carries out the effects and feeds their results back in.
        mutating func dispatch(_ event: Event) -> Next {
            var pending = [event]
            while !pending.isEmpty {
                for effect in state.update(pending.removeFirst()) {
                    switch effect {
                    case .save(let description, let force):
                        pending.append(.saved(description: description, services.save(state.document, force)))
                    case .reloadFromDisk:
                        reloadRequested = true
                    case .saveCopy(let path):
                        pending.append(.copied(path: path, services.saveCopy(state.document, path)))
                    case .openExternalEditor(let text):
                        var result: String?
                        terminal.suspend { result = services.editText(text) }
                        pending.append(.edited(result))
                    case .bell:
                        break
                    case .quit:
                        return .quit
                    }
                }
            }
            return .goOn
        }
    }
}
