import PlanCore

/// The board's form on an area heading: `S` signs the area off (the board and how the
/// area will be monitored), `A` records the board's own assessment (the board, a
/// status and why). Saving goes through the same PlanCore edit as `actionplan
/// sign-off` and `actionplan assess`.
public struct AreaForm: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case signOff, assess
    }

    /// The form's fields, top to bottom.
    public enum Field: Int, CaseIterable, Sendable {
        case board, main, reason

        public func label(for kind: Kind) -> String {
            switch (self, kind) {
            case (.board, _): "Board"
            case (.main, .signOff): "Monitored"
            case (.main, .assess): "Status"
            case (.reason, _): "Why"
            }
        }
    }

    public var kind: Kind
    /// The area's number and title, as its heading shows them.
    public var area: String
    public var areaTitle: String
    public var board: TextEditor
    /// The monitoring arrangement (sign-off) or the status, a letter or a name (assess).
    public var main: TextEditor
    /// Why the board assesses the area so (assess only).
    public var reason: TextEditor
    public var focus = Field.board
    /// The actions that are not complete, while the form asks whether to sign off anyway.
    public var confirmingForce: [String]?
    /// The board confirmed signing off an area with actions that are not complete.
    public var force = false
    public var confirmingDiscard = false
    private let original: [String]

    /// The form for `area`, the board filled in with `board` (the plan's own, when it names one).
    public init(_ kind: Kind, area: Area, board: String?, status: Status? = nil) {
        self.kind = kind
        self.area = area.number
        areaTitle = area.title
        self.board = TextEditor(text: board ?? "", multiline: false)
        main = TextEditor(text: status?.code ?? "", multiline: false)
        reason = TextEditor(text: "", multiline: false)
        original = [board ?? "", status?.code ?? "", ""]
    }

    /// The fields this kind of form has.
    public var fields: [Field] { kind == .signOff ? [.board, .main] : [.board, .main, .reason] }

    public subscript(field: Field) -> TextEditor {
        get {
            switch field {
            case .board: board
            case .main: main
            case .reason: reason
            }
        }
        set {
            switch field {
            case .board: board = newValue
            case .main: main = newValue
            case .reason: reason = newValue
            }
        }
    }

    /// The board typed, or nil when the field is empty.
    var boardName: String? {
        let name = board.text.trimmingWhitespace()
        return name.isEmpty ? nil : name
    }

    var isChanged: Bool { [board.text, main.text, reason.text] != original }

    /// A key in the form: moves between fields (Enter on the last one saves), edits the
    /// focused one, or answers the question the form is asking.
    mutating func update(_ key: Key) -> EditorStep {
        if confirmingDiscard {
            if key == .character("y") { return .close(discarded: true) }
            confirmingDiscard = false
            return .editing
        }
        if confirmingForce != nil {
            confirmingForce = nil
            guard key == .character("y") else { return .editing }
            force = true
            return .save
        }
        let fields = fields
        let position = fields.firstIndex(of: focus) ?? 0
        switch key {
        case .tab, .down:
            focus = fields[(position + 1) % fields.count]
        case .backTab, .up:
            focus = fields[(position + fields.count - 1) % fields.count]
        case .enter:
            if position == fields.count - 1 { return .save }
            focus = fields[position + 1]
        case .control("d"): return .save
        case .escape, .control("c"):
            if !isChanged { return .close(discarded: false) }
            confirmingDiscard = true
        default:
            _ = self[focus].handle(key)
        }
        return .editing
    }
}
