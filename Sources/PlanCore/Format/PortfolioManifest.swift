/// The optional `portfolio.txt` in a folder of plans: which plans the folder's
/// portfolio holds, in what order, under what names, and the owners' addresses.
///
/// ```
/// # Northmoor Safeguarding Children Partnership
///
/// ## Plans
/// - example-jtai.plan: JTAI written statement of action
/// - ilacs.plan
///
/// ## Owners
/// - Jo Barnes: jo.barnes@example.org
/// ```
///
/// See `docs/format.md` ("Portfolios") for the rules.
public struct PortfolioManifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The plan's path relative to the folder, as written.
        public var file: String
        /// The display name, when one is given after the colon.
        public var name: String?
        public var line: Int
    }

    /// The file's name inside a folder of plans.
    public static let fileName = "portfolio.txt"

    public var title: String?
    public var plans: [Entry]
    /// Owner name as written → e-mail address.
    public var addresses: [(owner: String, address: String)]

    public static func == (lhs: PortfolioManifest, rhs: PortfolioManifest) -> Bool {
        lhs.title == rhs.title && lhs.plans == rhs.plans
            && lhs.addresses.map(\.owner) == rhs.addresses.map(\.owner)
            && lhs.addresses.map(\.address) == rhs.addresses.map(\.address)
    }

    /// Reads the manifest's text; every problem is a diagnostic at its line.
    public init(text: String) throws(PortfolioManifestError) {
        enum Part { case preamble, plans, owners }
        var part = Part.preamble
        var title: String?
        var plans: [Entry] = []
        var addresses: [(String, String)] = []
        var problems: [Diagnostic] = []
        var inComment = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let trimmed = line.trimmingWhitespace(newlines: false)
            if inComment || trimmed.hasPrefix("<!--") {
                inComment = !trimmed.hasSuffix("-->")
                continue
            }
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("## ") {
                switch trimmed.dropFirst(3).trimmingWhitespace(newlines: false).lowercased() {
                case "plans": part = .plans
                case "owners": part = .owners
                default:
                    problems.append(
                        Diagnostic(
                            .error, line: number, column: 1, "unknown heading '\(trimmed)'",
                            hint: "a portfolio file has two headings: `## Plans` and `## Owners`"))
                }
                continue
            }
            if trimmed.hasPrefix("# ") {
                if title == nil, part == .preamble {
                    title = trimmed.dropFirst(2).trimmingWhitespace(newlines: false)
                } else {
                    problems.append(
                        Diagnostic(.error, line: number, column: 1, "the title `# …` comes once, before `## Plans`"))
                }
                continue
            }
            guard trimmed.hasPrefix("- ") else { continue }  // prose, for the reader
            let item = trimmed.dropFirst(2).trimmingWhitespace(newlines: false)
            let column = line.count - trimmed.count + 3
            switch part {
            case .preamble:
                problems.append(
                    Diagnostic(
                        .error, line: number, column: 1, "a list item before `## Plans` or `## Owners`",
                        hint: "put plans under `## Plans` and addresses under `## Owners`"))
            case .plans:
                guard let entry = Self.planEntry(Substring(item), line: number) else {
                    problems.append(
                        Diagnostic(
                            .error, line: number, column: column,
                            "expected `- FILE.plan` or `- FILE.plan: Display name`"
                        ))
                    continue
                }
                if plans.contains(where: { $0.file == entry.file }) {
                    problems.append(
                        Diagnostic(.error, line: number, column: column, "\(entry.file) is listed twice"))
                    continue
                }
                plans.append(entry)
            case .owners:
                guard let colon = item.lastIndex(of: ":") else {
                    problems.append(
                        Diagnostic(.error, line: number, column: column, "expected `- Owner name: address@example.org`")
                    )
                    continue
                }
                let owner = item[..<colon].trimmingWhitespace(newlines: false)
                let address = item[item.index(after: colon)...].trimmingWhitespace(newlines: false)
                guard !owner.isEmpty, address.contains("@"),
                    !address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
                else {
                    problems.append(
                        Diagnostic(.error, line: number, column: column, "expected `- Owner name: address@example.org`")
                    )
                    continue
                }
                addresses.append((owner, address))
            }
        }
        if !problems.isEmpty { throw PortfolioManifestError(diagnostics: problems) }
        self.title = title
        self.plans = plans
        self.addresses = addresses
    }

    /// `file.plan` or `file.plan: Name`; the path ends at the first `.plan`.
    private static func planEntry(_ item: Substring, line: Int) -> Entry? {
        guard let end = item.utf8.firstRange(of: ".plan".utf8)?.upperBound else { return nil }
        let file = String(item[..<end])
        let rest = item[end...].trimmingWhitespace(newlines: false)
        if rest.isEmpty { return Entry(file: file, name: nil, line: line) }
        guard rest.hasPrefix(":") else { return nil }
        let name = rest.dropFirst().trimmingWhitespace(newlines: false)
        return Entry(file: file, name: name.isEmpty ? nil : name, line: line)
    }
}

/// The problems found in a `portfolio.txt`.
public struct PortfolioManifestError: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
