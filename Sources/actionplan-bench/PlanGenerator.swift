import PlanCore

/// SplitMix64: a tiny deterministic generator, so that every run benchmarks the same
/// plans. The ranges are drawn by our own arithmetic rather than the standard
/// library's `random(in:using:)`, whose algorithm is not promised to stay the same.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`; the modulo bias is irrelevant here.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// A generated plan: its text, and the facts the benchmark relies on.
struct GeneratedPlan {
    var text: String
    var actions: Int
    /// The first action's ref; it is always Amber, so that `g` on the first frame changes it.
    var firstRef: String
}

/// Writes realistic plans in the format of `docs/format.md`, shaped like
/// `plans/example-jtai.plan`: numbered sections, areas of 5–10 actions, actions of
/// about 200 characters wrapped at 79 columns, owners, due dates (some free text),
/// three dated notes and a status history of 2–4 changes that ends in the current status.
struct PlanGenerator {
    /// "Today" for every measurement: the day after the last update round.
    static let today = day(2026, 7, 1)
    /// A day in the middle of the history, for `--as-of`.
    static let middleOfHistory = day(2025, 4, 1)
    private static let historyStart = day(2024, 1, 1).dayNumber
    private static let historyEnd = day(2026, 6, 30).dayNumber
    private static let dueRange = day(2024, 6, 1).dayNumber...day(2027, 12, 31).dayNumber
    private static let width = 79

    private var rng: SplitMix64
    private var out = ""

    private init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    /// A day written in this file, so known to exist.
    private static func day(_ year: Int, _ month: Int, _ day: Int) -> PlanDate {
        guard let date = PlanDate(year: year, month: month, day: day) else {
            preconditionFailure("\(year)-\(month)-\(day) is not a day")
        }
        return date
    }

    /// A plan of exactly `actions` actions (at least 1), the same for the same arguments.
    static func plan(actions count: Int, seed: UInt64 = 0x5EED_AC71_0F1A_2026) -> GeneratedPlan {
        var generator = PlanGenerator(seed: seed)
        generator.out.reserveCapacity(count * 1_500 + 4_096)
        generator.writePlan(actions: max(1, count))
        return GeneratedPlan(text: generator.out, actions: max(1, count), firstRef: "1.1a")
    }

    // MARK: - Structure

    private mutating func writePlan(actions total: Int) {
        out += "# Written statement of action: benchmark plan of \(total) actions\n"
        out += "- Period: January 2024 – December 2027\n"
        out += "- As at: 2026-06-30\n"
        out += "- Board: Safeguarding Improvement Board\n"
        for status in Status.allCases {
            out += "- Status \(status.code) (\(status.name)): \(status.defaultDefinition)\n"
        }
        out += "\n"
        paragraph(length: 400, head: "", indent: "")
        out += "\n"

        let areaSizes = Self.areaSizes(total: total, rng: &rng)
        // 6 sections for 1,000 actions, 16 for 10,000, 50 for 100,000.
        let sectionCount = min(50, max(6, Int(Double(total).squareRoot() / 6)), areaSizes.count)
        var isFirstAction = true
        for section in 0..<sectionCount {
            let areas = areaSizes.count * section / sectionCount..<areaSizes.count * (section + 1) / sectionCount
            out += "## \(section + 1) \(title())\n\n"
            paragraph(length: 250, head: "", indent: "")
            out += "\n"
            for (a, area) in areas.enumerated() {
                let number = "\(section + 1).\(a + 1)"
                out += "### \(number) \(title())\n"
                paragraph(length: 150, head: "- Needs to improve: ", indent: "  ")
                out += "\n"
                for k in 0..<areaSizes[area] {
                    let letter = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(k)))
                    writeAction(ref: number + String(letter), forceAmber: isFirstAction)
                    isFirstAction = false
                }
            }
        }
    }

    /// Sizes of 5–10 that add up to `total` (a plan under 5 actions gets one small area).
    private static func areaSizes(total: Int, rng: inout SplitMix64) -> [Int] {
        var sizes: [Int] = []
        var left = total
        while left > 0 {
            let size = left <= 10 ? left : left < 15 ? left / 2 : rng.int(5...10)
            sizes.append(size)
            left -= size
        }
        return sizes
    }

    private enum Event { case note, status }

    private mutating func writeAction(ref: String, forceAmber: Bool) {
        let status = forceAmber ? .amber : statusForAction()
        // Status changes: walk backwards from the current status so that the latest
        // change ends in it and each change starts where the one before ended.
        let changeCount = rng.int(2...4)
        var targets = [status]
        while targets.count < changeCount { targets.insert(other(than: targets[0]), at: 0) }
        var from = other(than: targets[0])

        var events: [Event] = Array(repeating: .status, count: changeCount) + [.note, .note, .note]
        for i in events.indices.reversed() { events.swapAt(i, rng.int(0...i)) }
        let days = (0..<events.count).map { _ in rng.int(Self.historyStart...Self.historyEnd) }.sorted()

        paragraph(length: rng.int(180...220), head: "- [\(status.code)] \(ref) ", indent: "  ")
        out += "  - Owner: " + (0..<rng.int(1...3)).map { _ in rng.pick(Self.owners) }.joined(separator: "; ") + "\n"
        out += "  - Due: \(due())\n"
        var changes = targets.makeIterator()
        for (event, day) in zip(events, days) {
            let date = PlanDate(dayNumber: day).iso
            let author = rng.pick(Self.authors)
            switch event {
            case .status:
                // One target per status event: `targets` has `changeCount` of them.
                guard let to = changes.next() else { preconditionFailure("more status events than targets") }
                out += "  - Status \(date) (\(author)): \(from.code) -> \(to.code)\n"
                from = to
            case .note:
                if rng.chance(0.3) {
                    paragraph(length: 170, head: "  - Note \(date) (\(author)): ", indent: "    ")
                    out += "\n"
                    paragraph(length: 120, head: "    ", indent: "    ")
                } else {
                    paragraph(length: rng.int(270...330), head: "  - Note \(date) (\(author)): ", indent: "    ")
                }
            }
        }
        out += "\n"
    }

    private mutating func statusForAction() -> Status {
        switch rng.int(0...99) {
        case 0..<8: .red
        case 8..<38: .amber
        case 38..<78: .green
        case 78..<90: .blue
        default: .notStarted
        }
    }

    private mutating func other(than status: Status) -> Status {
        let others = Status.allCases.filter { $0 != status }
        return rng.pick(others)
    }

    /// An ISO date, or (for about 8%) free text, half of which holds exactly one date.
    private mutating func due() -> String {
        let date = PlanDate(dayNumber: rng.int(Self.dueRange))
        guard rng.chance(0.08) else { return date.iso }
        return rng.chance(0.5) ? "New process to be launched on \(date.ukLong)" : rng.pick(Self.freeTextDues)
    }

    // MARK: - Text

    private mutating func title() -> String {
        let words = (0..<rng.int(3...7)).map { _ in rng.pick(Self.vocabulary) }
        return capitalized(words.joined(separator: " "))
    }

    /// Appends a sentence-like paragraph of about `length` characters, wrapped at 79
    /// columns: the first line starts with `head`, the others with `indent`.
    private mutating func paragraph(length: Int, head: String, indent: String) {
        var line = head
        var written = 0
        var first = true
        while written < length {
            var word = rng.pick(Self.vocabulary)
            if first { word = capitalized(word) }
            if written + word.utf8.count + 1 >= length { word += "." }
            if !first, line.utf8.count + 1 + word.utf8.count > Self.width {
                out += line + "\n"
                line = indent + word
            } else {
                line += first ? word : " " + word
            }
            written += word.utf8.count + 1
            first = false
        }
        out += line + "\n"
    }

    private func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

    private static let vocabulary = """
        children young people families practitioners partnership agencies police health schools social care \
        early help exploitation safeguarding risk missing episodes return home interviews records voice \
        audit evidence impact leaders board oversight training supervision threshold referral assessment \
        strategy meeting plan review quality assurance information sharing intelligence contextual \
        community neighbourhood transport hubs disruption support services mental wellbeing education \
        attendance exclusion alternative provision youth workers outreach consultation guidance standard \
        practice workshop learning improvement subgroup executive scrutiny performance data scorecard \
        monthly quarterly report findings recommendations progress delivery timescale resources \
        commissioning pathway front door multi-agency response consistent timely effective understanding \
        experiences lived trusted relationships parents carers advocacy participation feedback survey \
        we will agree publish embed test measure confirm develop deliver launch review extend share record
        """.split(separator: " ").map(String.init)

    private static let owners = [
        "Learning and Improvement subgroup", "Exploitation subgroup", "Detective Chief Inspector, Public Protection",
        "Head of Service, Children's Social Care", "Designated Nurse for Safeguarding", "Education Safeguarding Lead",
        "Head of Early Help", "Partnership Business Manager", "Named Doctor for Safeguarding", "Head of Youth Justice",
        "Principal Social Worker", "Head of Digital Services", "Participation Lead", "Chief Nursing Officer, ICB",
    ]

    private static let authors = [
        "Priya Shah", "Tom Hughes", "Aisha Rahman", "Jo Barnes", "Sam Patel", "Gareth Lloyd", "Mei Chen", "Ola Adeyemi",
    ]

    private static let freeTextDues = [
        "To be agreed by the board after the review", "Quarterly, reported to each board meeting",
        "Ongoing, with a progress report every six months", "When the new case management system goes live",
    ]
}
