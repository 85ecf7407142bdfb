import ArgumentParser
import Foundation
import PlanCore

struct Chase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chase",
        abstract: "The update round: for each owner, their actions that need an update, and a return sheet.",
        discussion: """
            An owner is chased for each action that is overdue, due within --due-within days, red, or \
            not updated since the plan's last review. Text and Markdown go to standard output, or with \
            -o into one file per owner; with -o every owner also gets a return sheet (OWNER-return.csv) \
            to fill in and send back for `actionplan import --updates`. --format eml writes one RFC 5322 \
            message per owner (with the sheet attached) into the -o folder, To filled from the \
            portfolio's owners' address list or left empty. Nothing is sent.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, md, eml }

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
        name: [.short, .customLong("output")],
        help: ArgumentHelp("A folder to write one file per owner into (made if missing).", valueName: "folder"))
    var output: String?

    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if dueWithin < 0 { throw ValidationError("--due-within must be 0 or more days") }
        if format == .eml, output == nil { throw ValidationError("--format eml writes files: give a folder with -o") }
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
            Console.print(round.letters.map { render($0, round) }.joined(separator: separator))
        }
        if round.letters.isEmpty { Console.error("no owner has an action that needs an update") }
        try PortfolioLoading.finish(portfolio)
    }

    private func write(_ round: ChaseRound, into folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            Console.error(
                "error: \(TerminalText.escaped(folder)): cannot make the folder: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        var used: Set<String> = []
        for letter in round.letters {
            let name = FileNames.unique(FileNames.slug(letter.owner.name), in: &used)
            let sheetName = name + "-return.csv"
            let message: String
            switch format {
            case .text: message = ChaseText.text(letter, in: round)
            case .md: message = ChaseText.markdown(letter, in: round)
            case .eml:
                message = ChaseMail.message(
                    letter, in: round, from: from, sheetName: sheetName, boundary: "actionplan-" + name)
            }
            let ext = format == .text ? "txt" : format.rawValue
            try BoardPacks.write(Data(message.utf8), to: folder + "/" + name + "." + ext)
            try BoardPacks.write(Data(ReturnSheet.csv(letter).utf8), to: folder + "/" + sheetName)
            let count = letter.entries.count
            print(
                "\(name).\(ext): \(TerminalText.escaped(letter.owner.name)), \(count) action\(count == 1 ? "" : "s")"
                    + (letter.address == nil && format == .eml ? " (no address: To left empty)" : ""))
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
