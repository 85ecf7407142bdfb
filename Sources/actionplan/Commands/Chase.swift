import ArgumentParser
import FoundationEssentials
import PlanCore
import PlanImport

struct Chase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chase",
        abstract: "The update round: for each owner, their actions that need an update, and a return sheet.",
        discussion: """
            An owner is chased for each action that is overdue, due within --due-within days, red, or \
            not updated since the plan's last review. Text and Markdown go to standard output, or with \
            -o into one file per owner; with -o every owner also gets a return sheet to fill in and send \
            back for `actionplan import --updates`: OWNER-return.xlsx (a workbook with a drop-down of the \
            plan's statuses) and OWNER-return.csv, or one of them with --sheets. --format eml writes one \
            RFC 5322 message per owner (with the sheets attached) into the -o folder, To filled from the \
            portfolio's owners' address list or left empty. --sheets-only writes just the return sheets. \
            Nothing is sent.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, eml }

    /// Which return sheets each owner gets.
    enum Sheets: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx, both, none

        var extensions: [String] {
            switch self {
            case .csv: ["csv"]
            case .xlsx: ["xlsx"]
            case .both: ["xlsx", "csv"]
            case .none: []
            }
        }
    }

    @OptionGroup var plans: PlanPathsArgument

    @Option(help: ArgumentHelp("Only owners whose name contains this text.", valueName: "name"))
    var owner: String?

    @Option(
        name: .customLong("due-within"),
        help: ArgumentHelp("Due soon: due within this many days (default: 30).", valueName: "days"))
    var dueWithin = 30

    @Option(
        name: .customLong("reply-by"),
        help: ArgumentHelp("The day updates are asked for (default: 7 days after the as-of day).", valueName: "date"))
    var replyBy: DateArgument?

    @Option(help: ArgumentHelp("The sender's address, for the From line of --format eml.", valueName: "address"))
    var from: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(
        help: ArgumentHelp(
            "The return sheets written with -o (and attached to --format eml): csv, xlsx, both or none "
                + "(default: both).", valueName: "kind"))
    var sheets: Sheets?

    @Flag(name: .customLong("sheets-only"), help: "With -o, write only the return sheets, no messages.")
    var sheetsOnly = false

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("A folder to write one file per owner into (made if missing).", valueName: "folder"))
    var output: String?

    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if dueWithin < 0 { throw ValidationError("--due-within must be 0 or more days") }
        if format == .eml, output == nil { throw ValidationError("--format eml writes files: give a folder with -o") }
        if output == nil, sheets != nil || sheetsOnly {
            throw ValidationError("return sheets are written into a folder: give one with -o")
        }
        if sheetsOnly, sheets == Sheets.none {
            throw ValidationError("--sheets-only with --sheets none writes nothing")
        }
        if sheetsOnly, format == .eml {
            throw ValidationError("--sheets-only writes no messages: leave out --format eml")
        }
    }

    func run() throws {
        let portfolio = try PortfolioLoading.load(plans.paths)
        let day = asOf.day
        let round = ChaseRound(
            portfolio, asOf: day, dueWithin: dueWithin, replyBy: replyBy?.date ?? day.adding(days: 7), owner: owner)
        if let output {
            try write(round, into: output)
        } else {
            let render = format == .md ? ChaseText.markdown : ChaseText.text
            let separator = format == .md ? "\n---\n\n" : "\n" + String(repeating: "-", count: 72) + "\n\n"
            Console.print(round.letters.map { render($0, round, true) }.joined(separator: separator))
        }
        if round.letters.isEmpty { Console.error("no owner has an action that needs an update") }
        try PortfolioLoading.finish(portfolio)
    }

    private func write(_ round: ChaseRound, into folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            Console.error(
                "error: \(TerminalText.escaped(folder)): cannot make the folder: \(SystemErrorText.describing(error))")
            throw ExitCode(1)
        }
        var used: Set<String> = []
        for letter in round.letters {
            let name = FileNames.unique(FileNames.slug(letter.owner.name), in: &used)
            let attachments = try (sheets ?? .both).extensions.map { ext in
                try sheet(letter, in: round, named: name + "-return." + ext)
            }
            for attachment in attachments {
                try BoardPacks.write(attachment.data, to: folder + "/" + attachment.name)
            }
            let owner = TerminalText.escaped(letter.owner.name)
            if sheetsOnly {
                let count = letter.openItems.count
                for attachment in attachments {
                    print("\(attachment.name): \(owner), \(count) open action\(count == 1 ? "" : "s")")
                }
                continue
            }
            let message: String
            switch format {
            case .text: message = ChaseText.text(letter, in: round, withSheet: !attachments.isEmpty)
            case .md: message = ChaseText.markdown(letter, in: round, withSheet: !attachments.isEmpty)
            case .eml:
                message = ChaseMail.message(
                    letter, in: round, from: from, attachments: attachments, boundary: "actionplan-" + name)
            }
            let ext = format == .text ? "txt" : format.rawValue
            try BoardPacks.write(Data(message.utf8), to: folder + "/" + name + "." + ext)
            let count = letter.entries.count
            print(
                "\(name).\(ext): \(owner), \(count) action\(count == 1 ? "" : "s")"
                    + (letter.address == nil && format == .eml ? " (no address: To left empty)" : ""))
        }
    }

    /// One return sheet, as a file and as an attachment: `.csv` or `.xlsx` by its name.
    private func sheet(_ letter: ChaseRound.Letter, in round: ChaseRound, named name: String) throws
        -> ChaseMail.Attachment
    {
        guard name.hasSuffix(".xlsx") else { return .csv(name: name, letter) }
        do {
            return .workbook(name: name, try WorkbookFile.returnSheet(letter, in: round))
        } catch {
            Console.error("error: \(TerminalText.escaped(name)): \(error.message)")
            throw ExitCode(1)
        }
    }
}

/// File names made from owner names.
enum FileNames {
    /// Lower-case letters and digits joined by `-`, at most 60 characters: "designated-nurse-northmoor-icb".
    static func slug(_ text: String) -> String {
        let words = OwnerName.key(text).split(separator: " ").map {
            String($0.unicodeScalars.filter { $0.isASCII }.map(Character.init))
        }.filter { !$0.isEmpty }
        let slug = String(words.joined(separator: "-").prefix(60))
        return slug.isEmpty ? "owner" : slug
    }

    /// `name`, or `name-2`, `name-3`… when taken.
    static func unique(_ name: String, in used: inout Set<String>) -> String {
        var candidate = name
        var number = 2
        while used.contains(candidate) {
            candidate = "\(name)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}
