import PlanCore

/// What a key does on the main screen.
public enum Command: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case open, back, toggleFocus, fold, unfold
    case setStatus(Status)
    case addNote, edit, search, filters, sort, nextMatch, previousMatch
    case undo, redo, retrySave, saveElsewhere, review
    case signOff, assess
    case help, quit
}

/// One row of the key table: the keys, how help shows them, and what they do.
public struct Binding: Sendable {
    public var keys: [Key]
    public var label: String
    public var command: Command
    public var help: String
}

/// The keys, as data: the update dispatches through this table, and the help
/// screen and `docs/keys.md` are generated from it, so they cannot drift apart.
public enum KeyMap {
    public static let main: [Binding] = [
        Binding(
            keys: [.up, .character("k")], label: "↑ k", command: .moveUp,
            help: "Move up (scrolls the detail when it has focus)"),
        Binding(keys: [.down, .character("j")], label: "↓ j", command: .moveDown, help: "Move down"),
        Binding(keys: [.pageUp], label: "PgUp", command: .pageUp, help: "Up a page"),
        Binding(keys: [.pageDown], label: "PgDn", command: .pageDown, help: "Down a page"),
        Binding(keys: [.home], label: "Home", command: .first, help: "First row"),
        Binding(keys: [.end], label: "End", command: .last, help: "Last row"),
        Binding(
            keys: [.enter], label: "Enter", command: .open,
            help: "Open an action's full detail; fold or unfold a heading"),
        Binding(
            keys: [.escape], label: "Esc", command: .back, help: "Back from the detail; clear the search and filters"),
        Binding(keys: [.tab], label: "Tab", command: .toggleFocus, help: "Move focus between the list and the detail"),
        Binding(keys: [.left], label: "←", command: .fold, help: "Fold the heading (or go to the heading above)"),
        Binding(keys: [.right], label: "→", command: .unfold, help: "Unfold the heading"),
        Binding(
            keys: [.character("r")], label: "r", command: .setStatus(.red),
            help: "Set Red (asks for a short note, which may be empty)"),
        Binding(keys: [.character("a")], label: "a", command: .setStatus(.amber), help: "Set Amber"),
        Binding(keys: [.character("g")], label: "g", command: .setStatus(.green), help: "Set Green"),
        Binding(
            keys: [.character("b")], label: "b", command: .setStatus(.blue),
            help: "Set Blue (when the plan's key has it)"),
        Binding(keys: [.character("n")], label: "n", command: .addNote, help: "Add a progress note"),
        Binding(keys: [.character("e")], label: "e", command: .edit, help: "Edit the owner, due date and text"),
        Binding(
            keys: [.character("/")], label: "/", command: .search, help: "Search as you type (ref, text, owner, notes)"),
        Binding(
            keys: [.character("]")], label: "] [", command: .nextMatch,
            help: "Next and previous action that matches the search (skips headings)"),
        Binding(keys: [.character("[")], label: "", command: .previousMatch, help: ""),
        Binding(
            keys: [.character("f")], label: "f", command: .filters,
            help: "Filters: status, owner, overdue, due soon, section"),
        Binding(
            keys: [.character("s")], label: "s", command: .sort,
            help: "Sort each area: due, most overdue, status, owner, least updated, ref, file order"),
        Binding(
            keys: [.character("v")], label: "v", command: .review,
            help: "Review: walk through the actions that need attention, one at a time"),
        Binding(
            keys: [.character("S")], label: "S", command: .signOff,
            help: "Sign the area off: the board and how it will be monitored (asks when actions are open)"),
        Binding(
            keys: [.character("A")], label: "A", command: .assess,
            help: "Assess the area: the board's own status for it, and why"),
        Binding(keys: [.character("u")], label: "u", command: .undo, help: "Undo the last change (saved at once)"),
        Binding(keys: [.control("r")], label: "Ctrl-R", command: .redo, help: "Redo"),
        Binding(
            keys: [.character("w")], label: "w", command: .retrySave,
            help: "Try saving again after a failed save (over changes made elsewhere, after a conflict)"),
        Binding(
            keys: [.character("W")], label: "W", command: .saveElsewhere,
            help: "After a failed save: write the plan with your change to another file"),
        Binding(keys: [.character("?")], label: "?", command: .help, help: "This help"),
        Binding(
            keys: [.character("q"), .control("c")], label: "q Ctrl-C", command: .quit,
            help: "Quit (every change is already saved)"),
    ]

    /// Keys of the note and text editor, for help and docs (the editor handles them directly).
    public static let editor: [(label: String, help: String)] = [
        ("← → ↑ ↓", "Move the cursor"),
        ("Home End", "Start and end of the line"),
        ("Backspace Delete", "Delete before and at the cursor"),
        ("Enter", "New line (a blank line separates paragraphs)"),
        ("Tab Shift-Tab", "Next and previous field (in the edit form)"),
        ("Ctrl-D", "Save"),
        ("Ctrl-E", "Edit the text in $EDITOR"),
        ("Esc", "Cancel (asks first when text was typed)"),
    ]

    /// Keys of the review (`v`), besides the status and note keys of the list.
    public static let review: [(label: String, help: String)] = [
        ("Space Enter", "Next action (no change)"),
        ("Backspace", "Previous action (on the closing screen: back to the last one)"),
        ("↑ ↓ PgUp PgDn", "Scroll the action"),
        ("r a g b n e", "Set the status, add a note, edit, as in the list"),
        ("Esc q", "End the review: a closing screen lists what changed"),
        ("Enter (at the end)", "Record the review in the plan's log (asks first if partial); then offers As at"),
    ]

    /// Keys of the filter panel.
    public static let filters: [(label: String, help: String)] = [
        ("r a g b n", "Show only these statuses (toggle; several allowed)"),
        ("o", "Owner: the plan's owners with their open actions, narrowed as you type"),
        ("↑ ↓ Enter", "(picking an owner) Choose a name, or the typed text as \"containing\"; Enter applies"),
        ("Esc", "(picking an owner) No owner filter"),
        ("d", "Only overdue actions"),
        ("s", "Only actions due within \(ReviewCycle.days) days"),
        ("1-9", "Only this section (press again to show all)"),
        ("c", "Clear every filter"),
        ("Enter Esc f", "Close the panel"),
    ]

    /// Keys of the portfolio's list of plans (`actionplan` on a folder of several plans).
    public static let portfolio: [(label: String, help: String)] = [
        ("↑ ↓ k j PgUp PgDn", "Move between plans"),
        ("Enter", "Open the plan (it keeps its selection and undo history; Esc comes back)"),
        ("r", "Every red action, across the plans"),
        ("d", "Every overdue action, across the plans"),
        ("s", "Every open action due within \(ReviewCycle.days) days, across the plans"),
        ("o", "Every open action of one owner: pick from the owners of every plan, or type part of a name"),
        ("?", "This help"),
        ("q Ctrl-C", "Quit (every change is already saved)"),
    ]

    /// Keys of the cross-plan view (`r`, `d`, `s`, `o` in the portfolio).
    public static let crossPlan: [(label: String, help: String)] = [
        ("↑ ↓ k j PgUp PgDn", "Move"),
        ("Enter", "Open the action in its plan (Esc comes back here)"),
        ("r a g b", "Set the status, saved to the action's own plan file"),
        ("n e", "Add a progress note, edit the action, as in a plan"),
        ("u", "Undo the last change, in whichever plan it was made"),
        ("Esc", "Back to the list of plans"),
    ]

    static func command(for key: Key) -> Command? {
        main.first { $0.keys.contains(key) }?.command
    }

    /// The key reference in Markdown: `docs/keys.md` is this text.
    public static var markdown: String {
        var out =
            "# Keys\n\nGenerated from the key table in `Sources/PlanTUI/App/KeyMap.swift`; the `?` help screen shows the same.\n\n"
        out += "## Plan list and detail\n\n| Key | Does |\n|---|---|\n"
        out += main.filter { !$0.label.isEmpty }.map { "| `\($0.label)` | \($0.help) |" }.joined(separator: "\n") + "\n"
        out += "\n## Note and text editor\n\n| Key | Does |\n|---|---|\n"
        out += editor.map { "| `\($0.label)` | \($0.help) |" }.joined(separator: "\n") + "\n"
        out += "\n## Review (`v`)\n\n| Key | Does |\n|---|---|\n"
        out += review.map { "| `\($0.label)` | \($0.help) |" }.joined(separator: "\n") + "\n"
        out += "\n## Filter panel (`f`)\n\n| Key | Does |\n|---|---|\n"
        out += filters.map { "| `\($0.label)` | \($0.help) |" }.joined(separator: "\n") + "\n"
        out += "\n## Portfolio (a folder of plans)\n\n| Key | Does |\n|---|---|\n"
        out += portfolio.map { "| `\($0.label)` | \($0.help) |" }.joined(separator: "\n") + "\n"
        out += "\n## Actions across plans (`r` `d` `s` `o` in the portfolio)\n\n| Key | Does |\n|---|---|\n"
        out += crossPlan.map { "| `\($0.label)` | \($0.help) |" }.joined(separator: "\n") + "\n"
        out +=
            "\nThe mouse selects a row with a click and scrolls with the wheel (over the detail pane, the detail); `actionplan open --no-mouse` turns it off.\n"
        return out
    }
}
