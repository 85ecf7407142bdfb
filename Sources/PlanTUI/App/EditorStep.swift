/// What a key in the note editor or the edit form asks for, beyond editing the text.
enum EditorStep: Equatable, Sendable {
    /// The key edited the text (or was ignored); the editor stays open.
    case editing
    /// Ctrl-D: save what was typed.
    case save
    /// Esc with nothing typed, or `y` to "discard?": close without saving.
    case close(discarded: Bool)
    /// Ctrl-E: hand the text to `$EDITOR`.
    case openExternalEditor
}
