import ArgumentParser
import FoundationEssentials
import PlanCore

/// What every command that changes a plan does, in one place: open a ``PlanSession``,
/// edit in memory, then print the diff (`--dry-run`) or save through the session
/// (merging changes saved at the same time), record the change for `actionplan undo`,
/// and report in text or JSON.
/// Refused edits print `error: …` and exit 1 with the file untouched.
enum EditCommand {
    typealias Edit = (inout PlanDocument) throws(PlanDocument.EditError) -> PlanDocument.EditOutcome

    /// Runs `edit` on the plan at `path`. `unchanged` words the message when the edit
    /// changed nothing (default: "REF: nothing changed"). An edit of one action passes
    /// `.onDemand` for `reading`, so that only the actions it reads are made.
    static func run(
        path: String, options: WriteOptions, reading: PlanDocument.ActionReading = .everyAction,
        author: String? = nil, day: PlanDate = PlanDate.today(),
        unchanged: ((PlanDocument, PlanDocument.EditOutcome) -> String)? = nil, edit: Edit
    ) throws {
        let session = try PlanLoading.open(path, actions: reading)
        var document = session.document
        let outcome: PlanDocument.EditOutcome
        do {
            outcome = try edit(&document)
        } catch {
            try fail(error.description, path: path, options: options)
        }
        try finish(
            session: session, edited: document, outcome: outcome, options: options, author: author, day: day,
            unchanged: unchanged)
        LeftForExit.keep(document)
    }

    /// Saves (or, with `--dry-run`, diffs) `edited`, a change of the session's document,
    /// and reports it.
    static func finish(
        session: PlanSession, edited: PlanDocument, outcome: PlanDocument.EditOutcome, options: WriteOptions,
        author: String?, day: PlanDate, unchanged: ((PlanDocument, PlanDocument.EditOutcome) -> String)? = nil,
        recordForUndo: Bool = true
    ) throws {
        let original = session.document
        let path = session.path
        // Only a dry run shows the diff: working it out costs a pass over both texts.
        let diff = outcome.changed && options.dryRun ? LineDiff.unified(from: original, to: edited, path: path) : ""
        var saved: PlanSession.Saved?
        if outcome.changed, !options.dryRun {
            var entry: UndoJournal.Entry?
            var result: Result<PlanSession.Saved, any Error>?
            // The edited plan's bytes are put in one piece once, for both the undo entry and the
            // write; the plan as read is the file's own text (the session's).
            edited.withCopiedBytes { new in
                if recordForUndo {
                    entry = session.withDocumentBytes { old in
                        UndoJournal.Entry(
                            description: "\(outcome.ref): " + outcome.changes.joined(separator: "; "), author: author,
                            date: day, before: old, after: new)
                    }
                }
                result = Result { try PlanLoading.saved(edited, bytes: new, in: session) }
            }
            saved = try result?.get()
            // The change is saved; an undo record that cannot be written only costs the undo.
            if let entry {
                do {
                    try UndoJournal(planPath: path).record(entry)
                } catch {
                    Console.error("warning: the change was saved, but it could not be recorded for undo: \(error)")
                }
            }
        }
        switch options.format {
        case .json:
            var pairs: [(String, JSONValue)] = [
                ("schemaVersion", .int(PlanJSON.schemaVersion)), ("plan", .string(path)),
                ("ref", .string(outcome.ref)), ("changed", .bool(outcome.changed)),
                ("changes", .array(outcome.changes.map(JSONValue.string))), ("dryRun", .bool(options.dryRun)),
                ("saved", .bool(saved != nil)), ("merged", .bool(saved?.merged ?? false)),
                ("mergedRefs", .array((saved?.mergedRefs ?? []).map(JSONValue.string))),
            ]
            if options.dryRun { pairs.append(("diff", .string(diff))) }
            print(JSONValue.object(pairs).serialized())
        case .text:
            guard outcome.changed else {
                print(unchanged?(edited, outcome) ?? "\(outcome.ref): nothing changed")
                return
            }
            if options.dryRun {
                print(diff, terminator: "")
                Console.error(
                    "\(outcome.ref): \(outcome.changes.joined(separator: "; ")) (dry run: \(TerminalText.escaped(path)) not changed)"
                )
            } else {
                print(
                    "\(outcome.ref): \(outcome.changes.joined(separator: "; ")) (saved \(TerminalText.escaped(path))"
                        + PlanLoading.mergedWords(saved) + ")")
            }
        }
    }

    /// Reports a refused change (`error: …` on standard error; with `--format json`
    /// also `{"error": …}` on standard output) and ends the command with status 1.
    static func fail(_ message: String, path: String, options: WriteOptions) throws -> Never {
        Console.error("error: \(message)")
        if options.format == .json {
            print(
                JSONValue.object([
                    ("schemaVersion", .int(PlanJSON.schemaVersion)), ("plan", .string(path)),
                    ("error", .string(message)),
                ]).serialized())
        }
        throw ExitCode(1)
    }
}
