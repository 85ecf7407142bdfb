import FoundationEssentials

/// An action's RAG status. The code is the letter stored in the file.
public enum Status: String, CaseIterable, Sendable, Hashable, Comparable {
    case red = "R"
    case amber = "A"
    case green = "G"
    case blue = "B"
    case notStarted = "N"

    public var code: String { rawValue }

    /// The default English name ("Not started" for `N`).
    public var name: String {
        switch self {
        case .red: "Red"
        case .amber: "Amber"
        case .green: "Green"
        case .blue: "Blue"
        case .notStarted: "Not started"
        }
    }

    /// The stable identifier used in JSON and on the command line.
    public var identifier: String {
        switch self {
        case .red: "red"
        case .amber: "amber"
        case .green: "green"
        case .blue: "blue"
        case .notStarted: "not-started"
        }
    }

    /// Green and Blue count as complete.
    public var isComplete: Bool { self == .green || self == .blue }

    public var defaultDefinition: String {
        switch self {
        case .red: "Delayed or at risk of not being achieved within timescale"
        case .amber: "In progress and on track"
        case .green: "Completed"
        case .blue: "Complete and impact evidenced"
        case .notStarted: "Not started"
        }
    }

    /// Order used in tables: R, A, G, B, N.
    public static func < (lhs: Status, rhs: Status) -> Bool {
        guard let left = allCases.firstIndex(of: lhs), let right = allCases.firstIndex(of: rhs) else {
            preconditionFailure("every status is one of allCases")
        }
        return left < right
    }

    /// The one-letter code as written in a file (any case).
    public init?(code: some StringProtocol) {
        guard code.count == 1, let status = Status(rawValue: code.uppercased()) else { return nil }
        self = status
    }

    /// What a person types: `red`, `r`, `R`, `Not started`, `not-started`, `n`…
    public init?(userInput: String) {
        let folded = userInput.trimmingWhitespace().lowercased()
            .replacingEvery("_", with: "-").replacingEvery(" ", with: "-")
        if let byCode = Status(code: folded) {
            self = byCode
            return
        }
        guard let match = Status.allCases.first(where: { $0.identifier == folded }) else { return nil }
        self = match
    }
}

/// The plan's status key: which codes the plan uses and what it calls them.
public struct StatusKey: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var status: Status
        public var label: String
        public var definition: String
    }

    public var entries: [Entry]

    /// Red, Amber, Green with their default definitions.
    public static let standard = StatusKey(
        entries: [Status.red, .amber, .green].map {
            Entry(status: $0, label: $0.name, definition: $0.defaultDefinition)
        })

    public func contains(_ status: Status) -> Bool { entries.contains { $0.status == status } }

    public func label(for status: Status) -> String {
        entries.first { $0.status == status }?.label ?? status.name
    }

    public var statuses: [Status] { entries.map(\.status) }

    /// "R (Red), A (Amber), G (Green)": for hints and help.
    public var listing: String {
        entries.map { "\($0.status.code) (\($0.label))" }.joined(separator: ", ")
    }
}
