import ArgumentParser
import FoundationEssentials
import PlanCore

struct AddNote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add a dated progress-and-impact note to an action.",
        discussion: "Quote a multi-line text for several paragraphs, or give - to read the note from standard input.")

    @OptionGroup var plan: PlanPathArgument

    @Argument(help: "The action's ref, e.g. 1.1a.")
    var ref: String

    @Argument(help: "The note's text, or - to read it from standard input.")
    var text: String

    @OptionGroup var author: AuthorOptions

    @OptionGroup var write: WriteOptions

    func run() throws {
        let body = text == "-" ? String(decoding: Console.standardInput(), as: UTF8.self) : text
        try EditCommand.run(
            path: plan.path, options: write, reading: .onDemand, quick: ref, author: author.author, day: author.day
        ) {
            document throws(PlanDocument.EditError) in
            try document.addNote(ref: ref, text: body, on: author.day, by: author.author)
        }
    }
}
