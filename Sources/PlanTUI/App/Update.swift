import FoundationEssentials
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
        case .nameSaved(let name, let failure): nameSaved(name, failure: failure)
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
        case .filters(let panel): return handleFilters(key, panel: panel)
        case .note(let draft): return handleNote(key, draft: draft)
        case .form(let form): return handleForm(key, form: form)
        case .areaForm(let form): return handleAreaForm(key, form: form)
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
        if let input = nameInput { return handleNameInput(key, input: input) }
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
            modal = .note(NoteDraft(ref: action.ref, actionLabel: Self.label(of: action)))
        case .edit:
            guard let action = requireAction() else { return [] }
            returnTo = modal
            modal = .form(ActionForm(action: action))
        case .search:
            searchInput = TextEditor(text: filter.core.search ?? "", multiline: false)
        case .filters: modal = .filters(FilterPanel())
        case .sort: cycleSort()
        case .nextMatch: moveToAction(1)
        case .previousMatch: moveToAction(-1)
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
        case .signOff: openAreaForm(.signOff)
        case .assess: openAreaForm(.assess)
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

    /// The next (or previous) action row, past headings, wrapping at the ends: with a
    /// search on, every action shown matches it.
    private mutating func moveToAction(_ step: Int) {
        guard !rows.isEmpty else { return }
        let start = selectedIndex ?? (step > 0 ? rows.count - 1 : 0)
        for offset in 1...rows.count {
            let index = ((start + step * offset) % rows.count + rows.count) % rows.count
            if case .action = rows[index] {
                select(index)
                scrollDetailToMatch()
                return
            }
        }
    }

    /// Scrolls the detail to the first line that shows the search, if one does.
    mutating func scrollDetailToMatch() {
        guard let query = filter.core.search, !query.isEmpty, let action = selectedAction else { return }
        let width = modal == .none && isWide ? self.width - listWidth - 1 : self.width
        let lines = detailLines(action, state: self, theme: Theme(self), width: width - 2)
        guard
            let first = lines.firstIndex(where: {
                $0.map(\.text).joined().rangeIgnoringCase(of: query) != nil
            })
        else { return }
        detailTop = min(max(0, first - 1), maxDetailTop)
    }

    mutating func select(_ index: Int) {
        guard !rows.isEmpty else { return }
        let clamped = min(max(0, index), rows.count - 1)
        let new = id(of: rows[clamped])
        if new != selected { detailTop = 0 }
        selected = new
        if let keptRef, new != .action(keptRef) {
            // The changed action leaves the filtered view once the cursor leaves it.
            self.keptRef = nil
            refresh()
        }
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
        let lines = detailLines(action, state: self, theme: Theme(self), width: width - 2).count
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
        case .wheelUp, .wheelDown:
            let step = event.kind == .wheelUp ? -3 : 3
            // Over the detail (beside the list, or full screen) the wheel scrolls the detail.
            if modal == .detail || (isWide && event.x > listWidth) { scrollDetail(step) } else { move(step) }
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
        scrollDetailToMatch()
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
            let target = input.text.trimmingWhitespace()
            guard !target.isEmpty else { return [.bell] }
            saveAsInput = nil
            return [.saveCopy(path: target)]
        default:
            if input.handle(key) { saveAsInput = input }
        }
        return []
    }

    /// The plan's file name, for messages (the full path is long and the same every time).
    var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }

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
            return refuse("\(status.name) is not in this plan's key (\(plan.statusKey.listing)).").effects
        }
        guard status != action.status else {
            message = Message(text: "\(action.ref) is already \(plan.statusKey.label(for: status)).", kind: .info)
            return []
        }
        // Going red, or taking a complete action back (blue → amber, green → red), asks why; blue asks
        // for the board's evidence where the plan says who agrees impact, and leaving blue asks for the
        // reason (see PlanDocument.setStatus(…agreedBy:reason:)).
        let takenBack = action.status.isComplete && !status.isComplete
        if status == .red || takenBack || action.status == .blue
            || (status == .blue && !plan.impactAgreedBy.isEmpty)
        {
            returnTo = modal
            modal = .note(NoteDraft(ref: action.ref, status: status, actionLabel: Self.label(of: action)))
            if status != .red && takenBack {
                message = Message(
                    text:
                        "\(action.ref) is complete (\(plan.statusKey.label(for: action.status))); say why it goes back.",
                    kind: .info)
            }
            return []
        }
        return change { [today, author] document in
            try document.setStatus(ref: action.ref, to: status, on: today, by: author)
        }.effects
    }

    /// Applies an edit in memory, remembers the previous document for undo, and says
    /// how it went (an applied change is then saved; see ``ChangeOutcome/effects``).
    mutating func change(_ edit: (inout PlanDocument) throws -> PlanDocument.EditOutcome) -> ChangeOutcome {
        if let pausedReason {
            return refuse("Not changed: the file on disk has errors (\(pausedReason)); fix it first.")
        }
        var edited = document
        do {
            let outcome = try edit(&edited)
            guard outcome.changed else {
                message = Message(text: "Nothing changed.", kind: .info)
                return .unchanged
            }
            let description = "\(outcome.ref): \(outcome.changes.joined(separator: "; "))"
            let before = document
            let changedRef = edited.plan.index(ofRef: outcome.ref) == nil ? nil : outcome.ref
            replaceDocument(edited, changedRef: changedRef)
            undoStack.append(
                UndoStep(
                    before: before, after: edited, description: description, changedRef: changedRef,
                    revision: revision))
            redoStack.removeAll()
            review?.log.append(description)
            if review != nil {
                // The banner says why the action is in the review as it is now, not as it was.
                let now = actionsNeedingAttention().first { $0.ref == outcome.ref }?.reasons
                review?.reasons[outcome.ref] = now ?? ["no longer needs attention"]
            }
            return .applied(description: description)
        } catch {
            return refuse("Not changed: \(error)")
        }
    }

    /// A refused change: the reason goes to the footer.
    mutating func refuse(_ reason: String) -> ChangeOutcome {
        message = Message(text: reason, kind: .error)
        return .refused(reason: reason)
    }

    /// "1.2d Develop, with children and parents, a…": an action named for a title.
    static func label(of action: Action, words: Int = 6) -> String {
        let text = Prose.firstLine(action.text).split(separator: " ")
        let start = text.prefix(words).joined(separator: " ")
        return action.ref + " " + start + (text.count > words ? "…" : "")
    }

    private mutating func undo() -> [Effect] {
        guard let last = undoStack.popLast() else {
            message = Message(text: "Nothing to undo.", kind: .info)
            return []
        }
        // The undo is itself a change (document → undone); redo takes that back.
        guard let reverse = takeBackAndRecord(last, verb: "undo") else { return [] }
        redoStack.append(reverse)
        return [.save(description: "Undone: \(last.description)")]
    }

    private mutating func redo() -> [Effect] {
        guard let next = redoStack.popLast() else {
            message = Message(text: "Nothing to redo.", kind: .info)
            return []
        }
        guard let reverse = takeBackAndRecord(next, verb: "redo") else { return [] }
        undoStack.append(reverse)
        return [.save(description: "Redone: \(next.description)")]
    }

    /// Takes `step` back (see ``takeBack(_:verb:)``) and returns the step that makes it again.
    private mutating func takeBackAndRecord(_ step: UndoStep, verb: String) -> UndoStep? {
        guard let (result, changedRef) = takeBack(step, verb: verb) else { return nil }
        let before = document
        replaceDocument(result, changedRef: changedRef)
        scrollListToSelection()
        return UndoStep(
            before: before, after: result, description: step.description, changedRef: changedRef,
            revision: revision)
    }

    /// The document with `step` taken back (after → before), merged onto changes saved
    /// since by another writer; nil, with the reason shown, when one of those touched
    /// what the step changed (the step is then dropped). With it, the action that alone
    /// changed, when only one did: always so when the document is still the step's
    /// `after` (then `before` is the answer, with no texts compared and no merge).
    private mutating func takeBack(_ step: UndoStep, verb: String) -> (PlanDocument, changedRef: String?)? {
        if revision == step.revision { return (step.before, step.changedRef) }
        do {
            return (try document.reverting(step.after, to: step.before), nil)
        } catch {
            message = Message(text: "Cannot \(verb) \(step.description): \(error.description).", kind: .error)
            return nil
        }
    }

    /// The file changed on disk and was read again: show it, keeping the selection.
    /// Undo steps are kept: each is taken back onto whatever the file now holds.
    private mutating func reloaded(_ fresh: PlanDocument) {
        let wasPaused = pausedReason != nil
        pausedReason = nil
        // A change that was never saved (Esc after a conflict drops it) has nothing to undo.
        if unsaved { _ = undoStack.popLast() }
        unsaved = false
        conflict = false
        replaceDocument(fresh)
        scrollListToSelection()
        message = Message(
            text: wasPaused ? "The file is valid again; reloaded it." : "Reloaded: \(fileName) changed on disk.",
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
            message = Message(text: "\(description) (saved)", kind: .info)
        case .merged(let merged, let refs):
            unsaved = false
            conflict = false
            // Undo steps stay: each is taken back onto the merged plan, keeping the other changes.
            replaceDocument(merged)
            scrollListToSelection()
            let others = refs.isEmpty ? "" : " to " + refs.joined(separator: ", ")
            message = Message(text: "\(description) (saved, merged with changes made elsewhere\(others))", kind: .info)
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

    private mutating func handleFilters(_ key: Key, panel: FilterPanel) -> [Effect] {
        var panel = panel
        let step = panel.update(key, filter: &filter, plan: plan, today: today)
        switch step {
        case .open: modal = .filters(panel)
        case .close: modal = .none
        case .quit: return [.quit]
        }
        refresh()
        if panel.ownerInput == nil { scrollListToSelection() }
        return []
    }
}
