/// Where a part of a plan was read: the 1-based line number of the file, as messages,
/// `check` and the terminal interface show it (0 for a value not read from a file).
///
/// It is a source location, not content: two actions (notes, fields, sections…) are
/// equal when they say the same, wherever they stand, so equality ignores it. The
/// layout an edit splices (0-based line indices) is in ``ActionSpan``, which the
/// document keeps beside the plan.
@propertyWrapper
public struct LineNumber: Sendable, Equatable {
    public var wrappedValue: Int

    public init(wrappedValue: Int) {
        self.wrappedValue = wrappedValue
    }

    /// Always equal: see the type's description.
    public static func == (_: LineNumber, _: LineNumber) -> Bool { true }
}
