import PlanCore

/// The `e` form: owner, due and text of one action.
public struct ActionForm: Equatable, Sendable {
    /// The form's fields, top to bottom.
    public enum Field: Int, CaseIterable, Sendable {
        case owner, due, text

        public var label: String {
            switch self {
            case .owner: "Owner"
            case .due: "Due"
            case .text: "Action"
            }
        }
    }

    /// The three values as text, as the form shows them.
    public struct Values: Equatable, Sendable {
        public var owner: String
        public var due: String
        public var text: String
    }

    public var ref: String
    public var owner: TextEditor
    public var due: TextEditor
    public var text: TextEditor
    public let original: Values
    public var focus = Field.owner
    public var confirmingDiscard = false

    /// The form for `action`, its values as they are now.
    public init(action: Action) {
        ref = action.ref
        original = Values(
            owner: action.owners.joined(separator: "; "), due: action.due?.text ?? "", text: action.text)
        owner = TextEditor(text: original.owner, multiline: false)
        due = TextEditor(text: original.due, multiline: false)
        text = TextEditor(text: original.text)
    }

    public subscript(field: Field) -> TextEditor {
        get {
            switch field {
            case .owner: owner
            case .due: due
            case .text: text
            }
        }
        set {
            switch field {
            case .owner: owner = newValue
            case .due: due = newValue
            case .text: text = newValue
            }
        }
    }

    public var values: Values { Values(owner: owner.text, due: due.text, text: text.text) }
    var isChanged: Bool { values != original }

    /// The owners typed, split at ";".
    var owners: [String] {
        owner.text.split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// A key in the form: moves between fields, edits the focused one, or says what the key asks for.
    mutating func update(_ key: Key) -> EditorStep {
        if confirmingDiscard {
            if key == .character("y") { return .close(discarded: true) }
            confirmingDiscard = false
            return .editing
        }
        let fields = Field.allCases
        switch key {
        case .tab, .backTab:
            let step = key == .tab ? 1 : fields.count - 1
            focus = fields[(focus.rawValue + step) % fields.count]
        case .down where focus != .text, .enter where focus != .text:
            focus = fields[focus.rawValue + 1]
        case .up where focus != .owner && (focus != .text || text.row == 0):
            focus = fields[focus.rawValue - 1]
        case .control("d"): return .save
        case .control("e"): return .openExternalEditor
        case .escape, .control("c"):
            if !isChanged { return .close(discarded: false) }
            confirmingDiscard = true
        default:
            _ = self[focus].handle(key)
        }
        return .editing
    }
}
