import Foundation
import PlanCore

/// The update: a key and the current state make the next state and the effects
/// for the runtime to carry out. Nothing here touches the terminal or the disk.
extension AppState {
    /// The one way in: an event and the current state make the next state, and the
    /// effects for the runtime to carry out (whose results come back as events).
    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key): return handle(key)
        case .saved(let description, let outcome): saveFinished(description, outcome)
        case .copied(let path, let outcome): copyFinished(path, outcome)
        case .reloaded(let document): reloaded(document)
        case .diskInvalid(let error): diskInvalid(error)
        case .edited(let text): externalEditFinished(text)
        }
        return []
    }

    mutating func handle(_ key: Key) -> [Effect] {
        if case .resize(let w, let h) = key {
            width = w
            height = h
            scrollListToSelection()
            return []
        }
        if case .tick = key { return [] }
        // Every change is already saved; with no terminal there is nothing left to do.
        if case .hangup = key { return [.quit] }
        if isTooSmall {
            return key == .character("q") || key == .control("c") ? [.quit] : []
        }
        switch modal {
        case .none, .detail: return handleMain(key)
        case .help(let top): return handleHelp(key, top: top)
        case .filters(let owner): return handleFilters(key, ownerInput: owner)
        case .note(let draft): return handleNote(key, draft: draft)
        case .form(let form): return handleForm(key, form: form)
        case .review: return handleReview(key)
        case .confirmQuit:
            modal = .none
            if key == .character("y") { return [.quit] }
            message = Message(text: "Not quitting. Press w to try saving again.", kind: .info)
            return []
        }
    }

    // MARK: - Main screen

    private mutating func handleMain(_ key: Key) -> [Effect] {
        if let input = saveAsInput { return handleSaveAs(key, input: input) }
        if let input = searchInput { return handleSearch(key, input: input) }
        if case .mouse(let event) = key { return handleMouse(event) }
        guard let command = KeyMap.command(for: key) else { return [] }
        message = nil
        return handleMainCommand(command)
    }

    mutating func handleMainCommand(_ command: Command) -> [Effect] {
        let scrollsDetail = modal == .detail || focus == .detail
        switch command {
        case .moveUp: scrollsDetail ? scrollDetail(-1) : move(-1)
        case .moveDown: scrollsDetail ? scrollDetail(1) : move(1)
        case .pageUp: scrollsDetail ? scrollDetail(-(listHeight - 1)) : move(-(listHeight - 1))
        case .pageDown: scrollsDetail ? scrollDetail(listHeight - 1) : move(listHeight - 1)
        case .first: if scrollsDetail { detailTop = 0 } else { select(0) }
        case .last: if scrollsDetail { detailTop = maxDetailTop } else { select(rows.count - 1) }
        case .open: open()
        case .back: return back()
        case .toggleFocus: toggleFocus()
        case .fold: fold()
        case .unfold: unfold()
        case .setStatus(let status): return setStatus(status)
        case .addNote:
            guard let action = requireAction() else { return [] }
            returnTo = modal
            modal = .note(NoteDraft(ref: action.ref, editor: TextEditor(), status: nil))
        case .edit:
            guard let action = requireAction() else { return [] }
            let original = [action.owners.joined(separator: "; "), action.due?.text ?? "", action.text]
            returnTo = modal
            modal = .form(
                ActionForm(
                    ref: action.ref,
                    fields: [
                        TextEditor(text: original[0], multiline: false),
                        TextEditor(text: original[1], multiline: false),
                        TextEditor(text: original[2]),
                    ], original: original))
        case .search:
            searchInput = TextEditor(text: filter.core.search ?? "", multiline: false)
        case .filters: modal = .filters(ownerInput: nil)
        case .undo: return undo()
        case .redo: return redo()
        case .retrySave:
            guard unsaved else {
                message = Message(text: "Everything is saved.", kind: .info)
                return []
            }
            return [.save(description: "your change, over the file on disk", force: true)]
        case .saveElsewhere:
            guard unsaved else {
                message = Message(text: "Everything is saved.", kind: .info)
                return []
            }
            saveAsInput = TextEditor(text: Self.copyPath(for: path), multiline: false)
        case .help: modal = .help(top: 0)
        case .review: startReview()
        case .quit:
            if unsaved {
                modal = .confirmQuit
                message = Message(text: "The last change is not saved. Quit anyway? y/n", kind: .error)
                return []
            }
            return [.quit]
        }
        return []
    }

    private mutating func move(_ delta: Int) {
        guard let index = selectedIndex else { return select(0) }
        select(index + delta)
    }

    mutating func select(_ index: Int) {
        guard !rows.isEmpty else { return }
        let clamped = min(max(0, index), rows.count - 1)
        let new = id(of: rows[clamped])
        if new != selected { detailTop = 0 }
        selected = new
        scrollListToSelection()
    }

    mutating func scrollListToSelection() {
        guard let index = selectedIndex else { return }
        if index < listTop { listTop = index }
        if index >= listTop + listHeight { listTop = index - listHeight + 1 }
        listTop = max(0, min(listTop, max(0, rows.count - listHeight)))
    }

    private mutating func scrollDetail(_ delta: Int) {
        detailTop = min(max(0, detailTop + delta), maxDetailTop)
    }

    /// How far the detail can scroll: its lines less the rows that show them.
    var maxDetailTop: Int {
        guard let action = selectedAction else { return 0 }
        let width = modal == .none && isWide ? self.width - listWidth - 1 : self.width
        let lines = detailLines(action, state: self, theme: Theme(colors: colors), width: width - 2).count
        return max(0, lines - (height - 4))
    }

    private mutating func open() {
        guard let index = selectedIndex else { return }
        switch rows[index] {
        case .action:
            modal = .detail
            detailTop = 0
        case .section, .area:
            if let selected, folded.contains(selected) { unfold() } else { fold() }
        }
    }

    private mutating func back() -> [Effect] {
        if conflict {
            message = Message(text: "Dropping your change and loading the file as it is on disk…", kind: .info)
            return [.reloadFromDisk]
        }
        if modal == .detail {
            modal = .none
        } else if focus == .detail {
            focus = .list
        } else if !filter.isEmpty {
            filter = ListFilter()
            refresh()
            scrollListToSelection()
            message = Message(text: "Search and filters cleared.", kind: .info)
        }
        return []
    }

    private mutating func toggleFocus() {
        if modal == .detail {
            modal = .none
            focus = .list
        } else if isWide {
            focus = focus == .list ? .detail : .list
        } else if selectedAction != nil {
            modal = .detail
        }
    }

    private mutating func fold() {
        guard let index = selectedIndex, let id = selected else { return }
        switch rows[index] {
        case .action(let i):
            let area = plan.actions[i].areaNumber
            folded.insert(.area(area))
            selected = .area(area)
        case .area(let s, _):
            if folded.contains(id) {
                selected = .section(plan.sections[s].number)
            } else {
                folded.insert(id)
            }
        case .section:
            folded.insert(id)
        }
        refresh()
        scrollListToSelection()
    }

    private mutating func unfold() {
        guard let id = selected else { return }
        folded.remove(id)
        refresh()
        scrollListToSelection()
    }

    private mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        switch event.kind {
        case .wheelUp: move(-3)
        case .wheelDown: move(3)
        case .press:
            let row = event.y - Self.headerHeight
            guard row >= 0, row < listHeight, event.x < listWidth, listTop + row < rows.count else { return [] }
            modal = .none
            focus = .list
            select(listTop + row)
        }
        return []
    }

    private mutating func handleSearch(_ key: Key, input: TextEditor) -> [Effect] {
        var input = input
        switch key {
        case .escape:
            searchInput = nil
            filter.core.search = nil
        case .enter, .down, .up:
            searchInput = nil
            if key != .enter { return handleMain(key) }
        default:
            guard input.handle(key) else { return [] }
            searchInput = input
            filter.core.search = input.text.isEmpty ? nil : input.text
        }
        refresh()
        scrollListToSelection()
        return []
    }

    /// The path typed after `W`: Enter writes there, Esc cancels.
    private mutating func handleSaveAs(_ key: Key, input: TextEditor) -> [Effect] {
        var input = input
        switch key {
        case .escape:
            saveAsInput = nil
            message = Message(
                text: "Not written elsewhere. The change is still kept here: w tries the plan's file again.",
                kind: .info)
        case .enter:
            let target = input.text.trimmingCharacters(in: .whitespaces)
            guard !target.isEmpty else { return [.bell] }
            saveAsInput = nil
            return [.saveCopy(path: target)]
        default:
            if input.handle(key) { saveAsInput = input }
        }
        return []
    }

    /// Where `W` suggests writing: beside the plan, `NAME-mine.plan`.
    static func copyPath(for path: String) -> String {
        guard path.hasSuffix(".plan") else { return path + "-mine" }
        return String(path.dropLast(5)) + "-mine.plan"
    }

    private mutating func requireAction() -> Action? {
        if let action = selectedAction { return action }
        message = Message(text: "Select an action first (↑/↓).", kind: .info)
        return nil
    }

    // MARK: - Changes

    private mutating func setStatus(_ status: Status) -> [Effect] {
        guard let action = requireAction() else { return [] }
        guard plan.statusKey.contains(status) else {
            message = Message(
                text: "\(status.name) is not in this plan's key (\(plan.statusKey.listing)).", kind: .error)
            return [.bell]
        }
        guard status != action.status else {
            message = Message(text: "\(action.ref) is already \(plan.statusKey.label(for: status)).", kind: .info)
            return []
        }
        // Red asks why; blue asks for the board's evidence where the plan says who agrees
        // impact, and leaving blue asks for the reason (see PlanDocument.setStatus(…agreedBy:reason:)).
        if status == .red || action.status == .blue || (status == .blue && !plan.impactAgreedBy.isEmpty) {
            returnTo = modal
            modal = .note(NoteDraft(ref: action.ref, editor: TextEditor(), status: status))
            return []
        }
        return change { [today, author] document in
            try document.setStatus(ref: action.ref, to: status, on: today, by: author)
        }
    }

    /// Applies an edit in memory, remembers the previous document for undo, and
    /// asks the runtime to save.
    mutating func change(_ edit: (inout PlanDocument) throws -> PlanDocument.EditOutcome) -> [Effect] {
        if let pausedReason {
            message = Message(
                text: "Not changed: the file on disk has errors (\(pausedReason)); fix it first.", kind: .error)
            return [.bell]
        }
        var edited = document
        do {
            let outcome = try edit(&edited)
            guard outcome.changed else {
                message = Message(text: "Nothing changed.", kind: .info)
                return []
            }
            let description = "\(outcome.ref): \(outcome.changes.joined(separator: "; "))"
            undoStack.append((document, description))
            redoStack.removeAll()
            review?.log.append(description)
            if let index = edited.plan.index(ofRef: outcome.ref) {
                replaceDocument(edited, changedAction: index)
            } else {
                replaceDocument(edited)
            }
            return [.save(description: description)]
        } catch {
            message = Message(text: "Not changed: \(error)", kind: .error)
            return [.bell]
        }
    }

    private mutating func undo() -> [Effect] {
        guard let last = undoStack.popLast() else {
            message = Message(text: "Nothing to undo.", kind: .info)
            return []
        }
        redoStack.append((document, last.description))
        replaceDocument(last.document)
        scrollListToSelection()
        return [.save(description: "undid \(last.description)")]
    }

    private mutating func redo() -> [Effect] {
        guard let next = redoStack.popLast() else {
            message = Message(text: "Nothing to redo.", kind: .info)
            return []
        }
        undoStack.append((document, next.description))
        replaceDocument(next.document)
        scrollListToSelection()
        return [.save(description: "redid \(next.description)")]
    }

    /// The file changed on disk and was read again: show it, keeping the selection.
    /// Undo steps are dropped, since undoing would now overwrite the other change.
    private mutating func reloaded(_ fresh: PlanDocument) {
        let wasPaused = pausedReason != nil
        pausedReason = nil
        unsaved = false
        conflict = false
        undoStack.removeAll()
        redoStack.removeAll()
        replaceDocument(fresh)
        scrollListToSelection()
        message = Message(
            text: wasPaused ? "The file is valid again; reloaded it." : "Reloaded: \(path) changed on disk.",
            kind: .info)
    }

    /// The file changed on disk and has errors: changes here wait until it is fixed.
    private mutating func diskInvalid(_ error: PlanFileError) {
        let problem = error.description.split(separator: "\n").first.map(String.init) ?? "it does not parse"
        pausedReason = problem
        message = Message(text: "The file on disk has errors, so changes are paused: \(problem)", kind: .error)
    }

    /// The runtime reports how a save went.
    private mutating func saveFinished(_ description: String, _ outcome: SaveOutcome) {
        switch outcome {
        case .saved:
            unsaved = false
            conflict = false
            message = Message(text: "Saved \(description) to \(path)", kind: .info)
        case .merged(let merged, let refs):
            unsaved = false
            conflict = false
            // Undoing now would take the other changes out again.
            undoStack.removeAll()
            redoStack.removeAll()
            replaceDocument(merged)
            scrollListToSelection()
            let others = refs.isEmpty ? "" : " to " + refs.joined(separator: ", ")
            message = Message(text: "Saved \(description), merged with changes saved elsewhere\(others).", kind: .info)
        case .conflict(let reasons):
            let reason = reasons.joined(separator: "; ")
            unsaved = true
            conflict = true
            message = Message(
                text:
                    "Not saved: \(reason). w writes your whole plan over theirs (their other changes too); Esc drops yours and loads theirs.",
                kind: .error)
        case .failed(let error):
            unsaved = true
            // The reason first: a narrow footer cuts the end.
            message = Message(
                text: "Not saved: \(error). The change is kept here: w tries again, W writes it to another file.",
                kind: .error)
        }
    }

    /// The runtime reports how writing to another file (`W`) went.
    private mutating func copyFinished(_ target: String, _ outcome: SaveOutcome) {
        switch outcome {
        case .failed(let error):
            message = Message(text: "Not written to \(target): \(error). W tries another place.", kind: .error)
        case .conflict(let reasons):
            let error = reasons.joined(separator: "; ")
            message = Message(text: "Not written to \(target): \(error). W tries another place.", kind: .error)
        case .saved, .merged:
            message = Message(
                text: "Wrote the plan with your change to \(target). \(path) is unchanged: w tries it again.",
                kind: .info)
        }
    }

    // MARK: - Help and filters

    private mutating func handleHelp(_ key: Key, top: Int) -> [Effect] {
        switch key {
        case .up, .character("k"): modal = .help(top: max(0, top - 1))
        case .down, .character("j"): modal = .help(top: top + 1)
        case .pageUp: modal = .help(top: max(0, top - listHeight))
        case .pageDown: modal = .help(top: top + listHeight)
        case .control("c"): return [.quit]
        default: modal = review == nil ? .none : .review
        }
        return []
    }

    private mutating func handleFilters(_ key: Key, ownerInput: TextEditor?) -> [Effect] {
        if var input = ownerInput {
            switch key {
            case .enter, .escape:
                if key == .escape { input = TextEditor(text: "", multiline: false) }
                filter.core.owner = input.isBlank ? nil : input.text.trimmingCharacters(in: .whitespaces)
                modal = .filters(ownerInput: nil)
            default:
                _ = input.handle(key)
                modal = .filters(ownerInput: input)
                filter.core.owner = input.isBlank ? nil : input.text.trimmingCharacters(in: .whitespaces)
            }
            refresh()
            return []
        }
        switch key {
        case .character(let c):
            if let status = Status(code: String(c)), "ragbn".contains(c), plan.statusKey.contains(status) {
                if filter.core.statuses.contains(status) {
                    filter.core.statuses.remove(status)
                } else {
                    filter.core.statuses.insert(status)
                }
            } else if c == "o" {
                modal = .filters(ownerInput: TextEditor(text: filter.core.owner ?? "", multiline: false))
            } else if c == "d" {
                filter.core.overdueOnly.toggle()
            } else if c == "s" {
                filter.dueSoon.toggle()
            } else if c.isNumber, plan.sections.contains(where: { $0.number == String(c) }) {
                filter.core.section = filter.core.section == String(c) ? nil : String(c)
            } else if c == "c" {
                filter = ListFilter(core: ActionFilter(search: filter.core.search))
            } else if c == "f" || c == "q" {
                modal = .none
            }
        case .enter, .escape:
            modal = .none
        case .control("c"):
            return [.quit]
        default:
            break
        }
        refresh()
        scrollListToSelection()
        return []
    }
}
