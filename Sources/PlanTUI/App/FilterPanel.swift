import Foundation
import PlanCore

/// The filter panel (`f`): toggles on the list's filter, and the owner being typed.
public struct FilterPanel: Equatable, Sendable {
    /// The owner being typed after `o`, if it is.
    public var ownerInput: TextEditor?

    public init(ownerInput: TextEditor? = nil) {
        self.ownerInput = ownerInput
    }

    /// What a key in the panel asks for besides changing the filter.
    enum Step: Equatable, Sendable { case open, close, quit }

    /// A key in the panel: changes `filter` (toggles, owner text) or closes the panel.
    mutating func update(_ key: Key, filter: inout ListFilter, plan: Plan) -> Step {
        if var input = ownerInput {
            switch key {
            case .enter, .escape:
                if key == .escape { input = TextEditor(text: "", multiline: false) }
                ownerInput = nil
            default:
                _ = input.handle(key)
                ownerInput = input
            }
            filter.core.owner = input.isBlank ? nil : input.text.trimmingCharacters(in: .whitespaces)
            return .open
        }
        switch key {
        case .character(let c):
            if let status = Status(code: String(c)), "ragbn".contains(c), plan.statusKey.contains(status) {
                if filter.core.statuses.contains(status) {
                    filter.core.statuses.remove(status)
                } else {
                    filter.core.statuses.insert(status)
                }
            } else if c == "o" {
                ownerInput = TextEditor(text: filter.core.owner ?? "", multiline: false)
            } else if c == "d" {
                filter.core.overdueOnly.toggle()
            } else if c == "s" {
                filter.dueSoon.toggle()
            } else if c.isNumber, plan.sections.contains(where: { $0.number == String(c) }) {
                filter.core.section = filter.core.section == String(c) ? nil : String(c)
            } else if c == "c" {
                filter = ListFilter(core: ActionFilter(search: filter.core.search))
            } else if c == "f" || c == "q" {
                return .close
            }
        case .enter, .escape:
            return .close
        case .control("c"):
            return .quit
        default:
            break
        }
        return .open
    }
}
