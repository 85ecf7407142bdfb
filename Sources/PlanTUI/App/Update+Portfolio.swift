import FoundationEssentials
import PlanCore

/// The portfolio's update: the overview's keys, and routing to each plan's own state.
extension PortfolioState {
    /// The one way in: a key, or an event for one plan (an effect's result, a change on
    /// its disk), makes the next state and the effects, each tagged with its plan.
    public mutating func update(_ event: PortfolioEvent) -> [PortfolioEffect] {
        switch event {
        case .key(let key): return handle(key)
        case .plan(let index, let event): return forward(event, to: index)
        }
    }

    mutating func handle(_ key: Key) -> [PortfolioEffect] {
        switch key {
        case .resize(let w, let h):
            width = w
            height = h
            for index in members.indices { _ = members[index].state?.update(.key(key)) }
            scrollOverviewToSelection()
            let rows = listHeight
            crossView?.scrollToSelection(listHeight: rows)
            return []
        case .tick: return []
        case .hangup: return [.quit]  // every change is already saved
        default: break
        }
        if case .plan(let index) = screen { return handlePlanKey(key, plan: index) }
        if confirmingQuit {
            confirmingQuit = false
            if key == .character("y") { return [.quit] }
            message = Message(text: "Not quitting.", kind: .info)
            return []
        }
        // Every way out asks first when a plan holds a change that is not saved (a failed save).
        if isTooSmall { return key == .character("q") || key == .control("c") ? quit() : [] }
        if let top = helpTop { return handleHelp(key, top: top) }
        // Who is recording is asked before anything is changed from the list or the cross-plan view.
        if let asking = askingName { return forward(.key(key), to: asking) }
        if let picker = ownerPicker { return handleOwnerPicker(key, picker: picker) }
        switch screen {
        case .actions: return handleCrossView(key)
        default: return handleOverview(key)
        }
    }

    // MARK: - One plan

    /// In a plan, keys are the plan's own; Esc with nothing left to close goes back.
    private mutating func handlePlanKey(_ key: Key, plan index: Int) -> [PortfolioEffect] {
        guard let state = members[index].state else {
            screen = .overview
            return []
        }
        if key == .escape && state.isAtRest {
            leavePlan()
            return []
        }
        return forward(.key(key), to: index)
    }

    /// Opens plan `index` (keeping its selection and history from the last visit).
    mutating func enterPlan(_ index: Int, from origin: Screen) {
        guard members.indices.contains(index), members[index].state != nil else { return }
        planReturn = origin
        screen = .plan(index)
        message = nil
    }

    private mutating func leavePlan() {
        screen = planReturn
        if screen == .actions { crossView.map { refreshCrossView(keeping: $0.selectedRow) } }
        recountOverviews()
    }

    /// Passes `event` to plan `index`'s state and tags the effects with the plan.
    mutating func forward(_ event: Event, to index: Int) -> [PortfolioEffect] {
        guard members.indices.contains(index) else { return [] }
        if members[index].state == nil {
            notOpen(event, plan: index)
            return []
        }
        let effects = withPlan(index) { $0.update(event) }
        if case .reloaded = event, screen == .actions, crossView?.editing == nil {
            crossView.map { refreshCrossView(keeping: $0.selectedRow) }
        } else {
            crossView?.isStale = true
        }
        return effects
    }

    /// What happened to the file of a plan that could not be read: it reads now (it opens,
    /// as the others did), or it still has errors (they are shown).
    private mutating func notOpen(_ event: Event, plan index: Int) {
        switch event {
        case .reloaded(let document):
            let like = members.lazy.compactMap(\.state).first
            var state = AppState(
                document: document, path: members[index].path, today: today, author: like?.author, width: width,
                height: height, colors: colors, theme: theme, colorCount: colorCount)
            state.editorName = like?.editorName ?? state.editorName
            state.portfolioName = title
            // While the others still ask who is recording, it asks too: no plan records before a name is given.
            if askingName != nil { state.askForName() }
            members[index].state = state
            members[index].error = nil
            members[index].overviewIsStale = true
            recountOverviews()
            message = Message(text: "\(members[index].path) reads as a plan now; Enter opens it.", kind: .info)
        case .diskInvalid(let error):
            members[index].error = error.description
        default:
            break
        }
    }

    /// Runs `body` on plan `index`'s state in place, and keeps the portfolio up with what
    /// it did: the order of changes (for `u` across plans), a name given at the prompt
    /// (for every plan), the plan's figures, and its message when another screen shows.
    mutating func withPlan(_ index: Int, _ body: (inout AppState) -> [Effect]) -> [PortfolioEffect] {
        // Only what is compared is kept from before: a copy of the whole state would make
        // the edit copy its arrays (copy-on-write) instead of changing them in place.
        guard members.indices.contains(index), let changesBefore = members[index].state?.undoStack.count else {
            return []
        }
        let wasAsking = members[index].state?.nameInput != nil
        let effects = members[index].state?.apply(body) ?? []
        guard let after = members[index].state else { return [] }
        if after.undoStack.count > changesBefore {
            changeOrder += Array(repeating: index, count: after.undoStack.count - changesBefore)
        } else {
            for _ in after.undoStack.count..<changesBefore {
                if let last = changeOrder.lastIndex(of: index) { changeOrder.remove(at: last) }
            }
        }
        if wasAsking && after.nameInput == nil { shareName(from: index) }
        members[index].overviewIsStale = true
        // Counted again only where they show (the list of plans), not for each key typed in a note.
        if screen == .overview { recountOverviews() }
        if screen != .plan(index) {
            if let message = after.message {
                self.message = Message(text: "\(members[index].name): \(message.text)", kind: message.kind)
                members[index].state?.message = nil
            }
        }
        if effects.contains(.quit),
            members.indices.contains(where: { $0 != index && members[$0].state?.unsaved == true })
        {
            // A plan's own q knows only its own changes: another plan's unsaved change is asked about here.
            screen = .overview
            return quit()
        }
        return effects.map { $0 == .quit ? .quit : .plan(index, $0) }
    }

    /// The plan whose name prompt is open (each plan asks, until one is answered), if any.
    var askingName: Int? { members.firstIndex { $0.state?.nameInput != nil } }

    /// The name given at one plan's prompt is every plan's: no plan asks again.
    private mutating func shareName(from index: Int) {
        let author = members[index].state?.author
        for other in members.indices where other != index {
            guard members[other].state?.nameInput != nil else { continue }
            members[other].state?.author = author
            members[other].state?.nameInput = nil
            // A notice held back for the prompt (a letter without a status line) shows in its plan now.
            let notice = members[other].state?.noticeAfterPrompt
            members[other].state?.message = notice
            members[other].state?.noticeAfterPrompt = nil
        }
    }

    // MARK: - The overview

    private mutating func handleOverview(_ key: Key) -> [PortfolioEffect] {
        message = nil
        if let step = step(for: key, rows: members.count) {
            moveOverview(step)
            return []
        }
        if case .mouse(let event) = key {
            if let row = clickedRow(event, top: overviewTop, count: members.count) {
                selected = row
            } else if let step = wheelStep(event) {
                moveOverview(step)
            }
            return []
        }
        switch key {
        case .enter:
            if let error = members[selected].error {
                message = Message(text: "\(members[selected].path) cannot be opened: \(error)", kind: .error)
            } else {
                enterPlan(selected, from: .overview)
            }
        case .character("r"): openCrossView(.red)
        case .character("d"): openCrossView(.overdue)
        case .character("s"): openCrossView(.dueSoon)
        case .character("o"): ownerPicker = OwnerPicker(ownerReport, openOnly: true)
        case .character("?"): helpTop = 0
        case .character("q"), .control("c"): return quit()
        default: break
        }
        return []
    }

    /// How far a movement key moves through `rows` rows (↑ ↓ k j, a page, to either end); nil for other keys.
    func step(for key: Key, rows: Int) -> Int? {
        switch key {
        case .up, .character("k"): -1
        case .down, .character("j"): 1
        case .pageUp: -(listHeight - 1)
        case .pageDown: listHeight - 1
        case .home: -rows
        case .end: rows
        default: nil
        }
    }

    /// The row of a list shown from `top` that a click landed on, if it landed on one.
    func clickedRow(_ event: MouseEvent, top: Int, count: Int) -> Int? {
        guard event.kind == .press else { return nil }
        let row = top + event.y - Self.headerHeight
        return event.y >= Self.headerHeight && row < count ? row : nil
    }

    /// How far the wheel moves a list, for a wheel event.
    func wheelStep(_ event: MouseEvent) -> Int? {
        switch event.kind {
        case .wheelUp: -3
        case .wheelDown: 3
        case .press: nil
        }
    }

    private mutating func moveOverview(_ delta: Int) {
        guard !members.isEmpty else { return }
        selected = min(max(0, selected + delta), members.count - 1)
        scrollOverviewToSelection()
    }

    mutating func scrollOverviewToSelection() {
        let rows = overviewRows
        if selected < overviewTop { overviewTop = selected }
        if selected >= overviewTop + rows { overviewTop = selected - rows + 1 }
        overviewTop = max(0, min(overviewTop, max(0, members.count - rows)))
    }

    /// How many plans the overview's table shows at once.
    var overviewRows: Int { max(1, height - Self.headerHeight - 2) }

    /// Quits, asking first when a plan has a change that is not saved.
    mutating func quit() -> [PortfolioEffect] {
        let unsaved = members.filter { $0.state?.unsaved == true }.map(\.name)
        guard unsaved.isEmpty else {
            confirmingQuit = true
            message = Message(
                text: "Not saved in \(unsaved.joined(separator: ", ")). Quit anyway? y/n", kind: .error)
            return []
        }
        return [.quit]
    }

    private mutating func handleOwnerPicker(_ key: Key, picker: OwnerPicker) -> [PortfolioEffect] {
        var picker = picker
        switch key {
        case .escape:
            ownerPicker = nil
        case .enter:
            ownerPicker = nil
            if let chosen = picker.chosen {
                openCrossView(.pickedOwner(chosen.name))
            } else if !picker.text.isEmpty {
                openCrossView(.owner(picker.text))
            }
        case .control("c"):
            ownerPicker = nil
            return quit()
        default:
            _ = picker.handle(key)
            ownerPicker = picker
        }
        return []
    }

    private mutating func handleHelp(_ key: Key, top: Int) -> [PortfolioEffect] {
        switch key {
        case .up, .character("k"): helpTop = max(0, top - 1)
        case .down, .character("j"): helpTop = top + 1
        case .control("c"):
            helpTop = nil
            return quit()
        default: helpTop = nil
        }
        return []
    }
}
