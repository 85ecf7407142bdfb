import PlanCore

/// A note being written, for a plain note or to go with a status change.
public struct NoteDraft: Equatable, Sendable {
    public var ref: String
    public var editor: TextEditor
    /// Set when the note goes with a status change (asked when going to red).
    public var status: Status?
    public var confirmingDiscard = false
    /// "1.2d Develop, with children and…": which action the note is for, in the title.
    public var actionLabel: String

    public init(ref: String, editor: TextEditor = TextEditor(), status: Status? = nil, actionLabel: String? = nil) {
        self.ref = ref
        self.editor = editor
        self.status = status
        self.actionLabel = actionLabel ?? ref
    }

    /// A key in the note editor: edits the text, or says what the key asks for.
    mutating func update(_ key: Key) -> EditorStep {
        if confirmingDiscard {
            if key == .character("y") { return .close(discarded: true) }
            confirmingDiscard = false
            return .editing
        }
        switch key {
        case .control("d"): return .save
        case .control("e"): return .openExternalEditor
        case .escape, .control("c"):
            if editor.isBlank { return .close(discarded: false) }
            confirmingDiscard = true
        default:
            _ = editor.handle(key)
        }
        return .editing
    }
}
