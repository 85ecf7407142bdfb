import Foundation
import PlanCore

/// Keys in the note editor and the edit form.
extension AppState {
    mutating func handleNote(_ key: Key, draft: NoteDraft) -> [Effect] {
        var draft = draft
        if draft.confirmingDiscard {
            if key == .character("y") {
                closeEditor()
                message = Message(text: "Note discarded.", kind: .info)
            } else {
                draft.confirmingDiscard = false
                modal = .note(draft)
            }
            return []
        }
        switch key {
        case .control("d"):
            closeEditor()
            let text = draft.editor.text
            let effects: [Effect]
            if let status = draft.status {
                let leavingBlue = plan.action(ref: draft.ref)?.status == .blue && status != .blue
                let agreedBy = status == .blue ? plan.impactAgreedBy.first : nil
                effects = change { [today, author] document in
                    try document.setStatus(
                        ref: draft.ref, to: status, on: today, by: author, note: leavingBlue ? nil : text,
                        agreedBy: agreedBy, reason: leavingBlue ? text : nil)
                }
            } else if draft.editor.isBlank {
                message = Message(text: "Empty note not added.", kind: .info)
                return []
            } else {
                effects = change { [today, author] document in
                    try document.addNote(ref: draft.ref, text: text, on: today, by: author)
                }
            }
            // A refused note stays open, so that nothing typed is lost.
            if effects == [.bell] { modal = .note(draft) }
            return effects
        case .control("e"):
            return [.openExternalEditor(text: draft.editor.text)]
        case .escape, .control("c"):
            if draft.editor.isBlank {
                closeEditor()
                message = Message(text: draft.status == nil ? "No note added." : "Status not changed.", kind: .info)
            } else {
                draft.confirmingDiscard = true
                modal = .note(draft)
            }
        default:
            _ = draft.editor.handle(key)
            modal = .note(draft)
        }
        return []
    }

    mutating func handleForm(_ key: Key, form: ActionForm) -> [Effect] {
        var form = form
        if form.confirmingDiscard {
            if key == .character("y") {
                closeEditor()
                message = Message(text: "Edit discarded.", kind: .info)
            } else {
                form.confirmingDiscard = false
                modal = .form(form)
            }
            return []
        }
        switch key {
        case .tab, .backTab:
            form.focus = (form.focus + (key == .tab ? 1 : form.fields.count - 1)) % form.fields.count
            modal = .form(form)
        case .down where form.focus < 2, .enter where form.focus < 2:
            form.focus += 1
            modal = .form(form)
        case .up where form.focus > 0 && (form.focus < 2 || form.fields[2].row == 0):
            form.focus -= 1
            modal = .form(form)
        case .control("d"):
            closeEditor()
            let effects = saveForm(form)
            // A refused edit (an impossible date, say) keeps the form and everything typed.
            if effects == [.bell] { modal = .form(form) }
            return effects
        case .control("e"):
            return [.openExternalEditor(text: form.fields[form.focus].text)]
        case .escape, .control("c"):
            if form.isChanged {
                form.confirmingDiscard = true
                modal = .form(form)
            } else {
                closeEditor()
            }
        default:
            _ = form.fields[form.focus].handle(key)
            modal = .form(form)
        }
        return []
    }

    /// Saves the changed fields of the form as one change (one undo step).
    private mutating func saveForm(_ form: ActionForm) -> [Effect] {
        let values = form.fields.map(\.text)
        guard values != form.original else {
            message = Message(text: "Nothing changed.", kind: .info)
            return []
        }
        let owners = values[0].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        return change { [today, author] document in
            var changes: [String] = []
            if values[0] != form.original[0] {
                changes += try document.setOwners(ref: form.ref, to: owners, on: today, by: author).changes
            }
            if values[1] != form.original[1] {
                changes += try document.setDue(ref: form.ref, to: values[1], on: today, by: author).changes
            }
            if values[2] != form.original[2] {
                changes += try document.setText(ref: form.ref, to: values[2]).changes
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
            form.fields[form.focus] = TextEditor(text: trimmed, multiline: form.fields[form.focus].multiline)
            modal = .form(form)
        default:
            break
        }
    }
}
