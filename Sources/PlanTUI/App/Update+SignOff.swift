import PlanCore

/// The board's keys on an area (`S` sign off, `A` assess): a small form, then the same
/// PlanCore edit as `actionplan sign-off` and `actionplan assess`, saved like any change.
extension AppState {
    /// The area the board's keys act on: the selected area heading, or the selected action's area.
    var selectedArea: Area? {
        switch selected {
        case .area(let number): plan.area(number: number)
        case .action(let ref): plan.action(ref: ref).flatMap { plan.area(number: $0.areaNumber) }
        case .section, nil: nil
        }
    }

    mutating func openAreaForm(_ kind: AreaForm.Kind) {
        guard let area = selectedArea else {
            message = Message(text: "Select an area heading (or one of its actions) first.", kind: .info)
            return
        }
        let board = plan.impactAgreedBy.first ?? plan.reviewingBoard
        let status = kind == .assess ? AreaRollup(area: area, in: plan, on: today).status : nil
        returnTo = modal
        modal = .areaForm(AreaForm(kind, area: area, board: board, status: status))
    }

    mutating func handleAreaForm(_ key: Key, form: AreaForm) -> [Effect] {
        var form = form
        switch form.update(key) {
        case .editing, .openExternalEditor:
            modal = .areaForm(form)
        case .close(let discarded):
            closeEditor()
            message = Message(
                text: discarded ? "Discarded." : form.kind == .signOff ? "Not signed off." : "Not assessed.",
                kind: .info)
        case .save:
            if form.kind == .signOff, !form.force, let area = plan.area(number: form.area) {
                let open = plan.incompleteActions(in: area)
                if !open.isEmpty {
                    // The same rule as `sign-off --force`: ask before closing an area with open actions.
                    form.confirmingForce = open
                    modal = .areaForm(form)
                    return []
                }
            }
            closeEditor()
            let outcome = saveAreaForm(form)
            // A refused edit (an empty arrangement, a status not in the key) keeps the form as typed.
            if outcome.isRefused {
                form.force = false
                modal = .areaForm(form)
            }
            return outcome.effects
        }
        return []
    }

    private mutating func saveAreaForm(_ form: AreaForm) -> ChangeOutcome {
        switch form.kind {
        case .signOff:
            return change { [today] document in
                try document.signOff(
                    area: form.area, on: today, by: form.boardName, monitoring: form.main.text, force: form.force)
            }
        case .assess:
            guard let status = Status(userInput: form.main.text.trimmingWhitespace()) else {
                return refuse(
                    "'\(form.main.text)' is not a status; type a letter of the key (\(plan.statusKey.listing)).")
            }
            let reason = form.reason.text.trimmingWhitespace()
            return change { [today] document in
                try document.assess(
                    area: form.area, as: status, on: today, by: form.boardName, because: reason.isEmpty ? nil : reason)
            }
        }
    }
}
