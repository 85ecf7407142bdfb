/// A line in the footer.
public struct Message: Equatable, Sendable {
    public enum Kind: Sendable { case info, error }
    public var text: String
    public var kind: Kind
}
