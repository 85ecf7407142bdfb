import FoundationEssentials
import PlanCore

/// Keys in the note editor and the edit form: each sub-state updates itself
/// (``NoteDraft/update(_:)``, ``ActionForm/update(_:)``); this carries out what it asks for.
extension AppState {
    mutating func handleNote(_ key: Key, draft: NoteDraft) -> [Effect] {
        var draft = draft
        switch draft.update(key) {
        case .editing:
            modal = .note(draft)
        case .close(let discarded):
            closeEditor()
            let words = draft.status == nil ? "No note added." : "Status not changed."
            message = Message(text: discarded ? "Note discarded." : words, kind: .info)
        case .openExternalEditor:
            modal = .note(draft)
            return [.openExternalEditor(text: draft.editor.text)]
        case .save:
            closeEditor()
            let text = draft.editor.text
            let outcome: ChangeOutcome
            if let status = draft.status {
                let leavingBlue = plan.action(ref: draft.ref)?.status == .blue && status != .blue
                let agreedBy = status == .blue ? plan.impactAgreedBy.first : nil
                outcome = change { [today, author] document in
                    try document.setStatus(
                        ref: draft.ref, to: status, on: today, by: author, note: leavingBlue ? nil : text,
                        agreedBy: agreedBy, reason: leavingBlue ? text : nil)
                }
            } else if draft.editor.isBlank {
                message = Message(text: "Empty note not added.", kind: .info)
                return []
            } else {
                outcome = change { [today, author] document in
                    try document.addNote(ref: draft.ref, text: text, on: today, by: author)
                }
            }
            // A refused note stays open, so that nothing typed is lost.
            if outcome.isRefused { modal = .note(draft) }
            return outcome.effects
        }
        return []
    }

    mutating func handleForm(_ key: Key, form: ActionForm) -> [Effect] {
        var form = form
        switch form.update(key) {
        case .editing:
            modal = .form(form)
        case .close(let discarded):
            closeEditor()
            if discarded { message = Message(text: "Edit discarded.", kind: .info) }
        case .openExternalEditor:
            modal = .form(form)
            return [.openExternalEditor(text: form[form.focus].text)]
        case .save:
            closeEditor()
            let outcome = saveForm(form)
            // A refused edit (an impossible date, say) keeps the form and everything typed.
            if outcome.isRefused { modal = .form(form) }
            return outcome.effects
        }
        return []
    }

    /// Saves the changed fields of the form as one change (one undo step).
    private mutating func saveForm(_ form: ActionForm) -> ChangeOutcome {
        let values = form.values
        guard values != form.original else {
            message = Message(text: "Nothing changed.", kind: .info)
            return .unchanged
        }
        let owners = form.owners
        return change { [today, author] document in
            // In `actionplan edit`'s order (text, owner, due), so the same edit writes the same lines.
            var changes: [String] = []
            if values.text != form.original.text {
                // As `actionplan edit --text` does: the old wording is kept in a Reworded line.
                changes += try document.reword(ref: form.ref, to: values.text, on: today, by: author).changes
            }
            if values.owner != form.original.owner {
                changes += try document.setOwners(ref: form.ref, to: owners, on: today, by: author).changes
            }
            if values.due != form.original.due {
                changes += try document.setDue(ref: form.ref, to: values.due, on: today, by: author).changes
            }
            return PlanDocument.EditOutcome(ref: form.ref, changes: changes)
        }
    }

    /// Back to where the editor was opened from: the full detail, the review, or the list.
    mutating func closeEditor() {
        modal = returnTo
        returnTo = .none
    }

    /// The runtime hands back the text from `$EDITOR` (nil when the editor failed).
    mutating func externalEditFinished(_ text: String?) {
        guard let text else {
            message = Message(text: "The external editor failed; the text is unchanged.", kind: .error)
            return
        }
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        switch modal {
        case .note(var draft):
            draft.editor = TextEditor(text: trimmed)
            modal = .note(draft)
        case .form(var form):
            form[form.focus] = TextEditor(text: trimmed, multiline: form[form.focus].multiline)
            modal = .form(form)
        default:
            break
        }
    }
}
