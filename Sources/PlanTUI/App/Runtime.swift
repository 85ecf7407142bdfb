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
        /// Keeps the name changes are recorded under in the config file; nil when saved, else why not.
        public var saveName: (String) -> String?

        public init(
            save: @escaping (PlanDocument, Bool) -> SaveOutcome,
            reloadIfChanged: @escaping () -> PlanSession.Reload = { .unchanged },
            editText: @escaping (String) -> String?,
            saveCopy: @escaping (PlanDocument, String) -> SaveOutcome = { _, path in
                .failed(.readOnly(path: path))  // No copies where none were provided for.
            },
            saveName: @escaping (String) -> String? = { _ in "there is no config file to keep it in" }
        ) {
            self.save = save
            self.reloadIfChanged = reloadIfChanged
            self.editText = editText
            self.saveCopy = saveCopy
            self.saveName = saveName
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
                },
                saveName: { name in
                    do throws(Author.SaveNameError) {
                        try Author.saveConfiguredName(name)
                        return nil
                    } catch {
                        return error.description
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
        drive(&loop, terminal: terminal, pollMilliseconds: pollMilliseconds)
        return loop.state
    }

    /// What a loop goes on doing after an event.
    enum Next { case goOn, quit }

    /// A state the loop drives, with what carries out its effects.
    protocol Driven {
        var frame: Grid { get }
        /// Takes in changes made to the files elsewhere since the last look; true when any came.
        mutating func takeChangesOnDisk() -> Bool
        mutating func dispatch(key: Key) -> Next
        /// Whether there is work for the moments no key is waiting (see ``AppState/doIdleWork()``).
        var hasIdleWork: Bool { get }
        /// One slice of that work.
        mutating func doIdleWork()
    }

    /// Draws, reads keys, takes in changes on disk, and dispatches, until the state quits.
    static func drive(_ loop: inout some Driven, terminal: Terminal, pollMilliseconds: Int) {
        let size = terminal.size
        _ = loop.dispatch(key: .resize(width: size.width, height: size.height))
        var needsDraw = true
        while true {
            if needsDraw { terminal.draw(loop.frame) }
            // With work for idle moments, a key is looked for without waiting, and a slice of
            // the work done when none has come; a key typed meanwhile waits one slice at most.
            let key = terminal.readKey(timeoutMilliseconds: loop.hasIdleWork ? 0 : pollMilliseconds)
            if key == .tick { loop.doIdleWork() }
            // Keys typed while the last frame was drawn are all applied before the next
            // one, so a search on a large plan keeps up with typing instead of queueing.
            let keys = key == .tick ? [key] : [key] + terminal.readPendingKeys()
            // A tick with nothing new (no key, no change on disk) leaves the screen as it is.
            needsDraw = key != .tick
            // Changes made elsewhere (another program, `git pull`) come in before the
            // keys are acted on, so an edit never overwrites them.
            if loop.takeChangesOnDisk() { needsDraw = true }
            for key in keys where loop.dispatch(key: key) == .quit { return }
        }
    }

    /// What carrying out an effect gave: an event to feed back in, nothing, or the end.
    enum Carried {
        case event(Event)
        case none
        case quit
    }

    /// Carries out `effect` for the plan `services` serve, `document` being what is on screen.
    static func carryOut(
        _ effect: Effect, document: PlanDocument, services: Services, terminal: Terminal, reloadRequested: inout Bool
    ) -> Carried {
        switch effect {
        case .save(let description, let force):
            return .event(.saved(description: description, services.save(document, force)))
        case .reloadFromDisk:
            reloadRequested = true
            return .none
        case .saveCopy(let path):
            return .event(.copied(path: path, services.saveCopy(document, path)))
        case .openExternalEditor(let text):
            var result: String?
            terminal.suspend { result = services.editText(text) }
            return .event(.edited(result))
        case .saveName(let name):
            return .event(.nameSaved(name: name, failure: services.saveName(name)))
        case .bell:
            return .none
        case .quit:
            return .quit
        }
    }

    /// The plan's file as it is now, when it changed on disk: the event that says so.
    static func changeOnDisk(_ services: Services) -> Event? {
        switch services.reloadIfChanged() {
        case .unchanged, .settling: nil
        case .changed(let document): .reloaded(document)
        case .invalid(let error): .diskInvalid(error)
        }
    }

    /// The state and what carries out its effects.
    private struct Loop: Driven {
        var state: AppState
        let terminal: Terminal
        let services: Services
        var reloadRequested = false

        var frame: Grid { render(state) }

        mutating func takeChangesOnDisk() -> Bool {
            guard !state.unsaved || reloadRequested else { return false }
            reloadRequested = false
            guard let event = changeOnDisk(services) else { return false }
            _ = dispatch(event)
            return true
        }

        mutating func dispatch(key: Key) -> Next { dispatch(.key(key)) }

        var hasIdleWork: Bool { state.hasIdleWork }

        mutating func doIdleWork() { state.doIdleWork() }

        /// Updates with `event`, carries out the effects and feeds their results back in.
        mutating func dispatch(_ event: Event) -> Next {
            var pending = [event]
            while !pending.isEmpty {
                for effect in state.update(pending.removeFirst()) {
                    switch carryOut(
                        effect, document: state.document, services: services, terminal: terminal,
                        reloadRequested: &reloadRequested)
                    {
                    case .event(let next): pending.append(next)
                    case .none: break
                    case .quit: return .quit
                    }
                }
            }
            return .goOn
        }
    }
}
