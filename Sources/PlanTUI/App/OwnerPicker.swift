import Foundation
import PlanCore

/// Choosing an owner for the cross-plan view (`o`): the name being typed, and the owners
/// of every plan (folded as ``OwnerReport`` folds them) whose names contain it, to pick from.
public struct OwnerPicker: Equatable, Sendable {
    /// One owner to pick: the spelling used most, and how many of their actions are open and overdue.
    public struct Choice: Equatable, Sendable {
        public var name: String
        var key: String
        public var open: Int
        public var overdue: Int
    }

    public internal(set) var input = TextEditor(text: "", multiline: false)
    /// Every owner with an open action, by name.
    public let choices: [Choice]
    /// The highlighted one of ``matches``.
    public internal(set) var selected = 0

    init(_ report: OwnerReport) {
        choices = report.owners.filter { $0.open > 0 }.map {
            Choice(name: $0.name, key: $0.key, open: $0.open, overdue: $0.overdue)
        }
    }

    /// The owners whose folded name contains what is typed (all of them before anything is).
    public var matches: [Choice] {
        let typed = OwnerName.key(input.text)
        return typed.isEmpty ? choices : choices.filter { $0.key.contains(typed) }
    }

    /// The name Enter lists: the highlighted owner's, else what was typed; nil for neither.
    var chosen: String? {
        let matches = matches
        if matches.indices.contains(selected) { return matches[selected].name }
        let typed = input.text.trimmingCharacters(in: .whitespaces)
        return typed.isEmpty ? nil : typed
    }

    /// ↑ and ↓ move through the matches; other keys edit the name.
    mutating func handle(_ key: Key) {
        switch key {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, matches.count - 1), selected + 1)
        default:
            if input.handle(key) { selected = 0 }
        }
    }
}
