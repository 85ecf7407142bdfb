import PlanCore

/// Keys in the note editor and the edit form.
extension AppState {
    mutating func handleNote(_ key: Key, draft: NoteDraft) -> [Effect] {
        var draft = draft
        if draft.confirmingDiscard {
            if key == .character("y") {
                modal = .none
                message = Message(text: "Note discarded.", kind: .info)
            } else {
                draft.confirmingDiscard = false
                modal = .note(draft)
            }
            return []
        }
        switch key {
        case .control("d"):
            modal = .none
            let text = draft.editor.text
            if let status = draft.status {
                return change { [today, author] document in
                    try document.setStatus(ref: draft.ref, to: status, on: today, by: author, note: text)
                }
            }
            guard !draft.editor.isBlank else {
                message = Message(text: "Empty note not added.", kind: .info)
                return []
            }
            return change { [today, author] document in
                try document.addNote(ref: draft.ref, text: text, on: today, by: author)
            }
        case .control("e"):
            return [.openExternalEditor(text: draft.editor.text)]
        case .escape:
            if draft.editor.isBlank {
                modal = .none
                message = Message(text: draft.status == nil ? "No note added." : "Status not changed.", kind: .info)
            } else {
                draft.confirmingDiscard = true
                modal = .note(draft)
            }
        case .control("c"):
            return [.quit]
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
                modal = .none
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
            modal = .none
            return saveForm(form)
        case .control("e"):
            return [.openExternalEditor(text: form.fields[form.focus].text)]
        case .escape:
            if form.isChanged {
                form.confirmingDiscard = true
                modal = .form(form)
            } else {
                modal = .none
            }
        case .control("c"):
            return [.quit]
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
        let owners = values[0].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
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

    /// The runtime hands back the text from `$EDITOR` (nil when the editor failed).
    public mutating func externalEditFinished(_ text: String?) {
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

import Foundation
