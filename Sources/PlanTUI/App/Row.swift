/// A row of the plan list.
public enum Row: Hashable, Sendable {
    case section(Int)
    case area(section: Int, area: Int)
    case action(Int)
}
