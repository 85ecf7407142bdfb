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
    /// `.onDemand` for `reading`, so that only the actions it reads are made, and its
    /// ref as `quick`, so that a file saved by the last edit is edited through its
    /// ``CheckRecord`` without reading it all (``QuickEdit``).
    static func run(
        path: String, options: WriteOptions, reading: PlanDocument.ActionReading = .everyAction,
        quick ref: String? = nil, author: String? = nil, day: PlanDate = PlanDate.today(),
        unchanged: ((PlanDocument, PlanDocument.EditOutcome) -> String)? = nil, edit: Edit
    ) throws {
        if let ref, !options.dryRun,
            try editedThroughRecord(
                path: path, ref: ref, options: options, author: author, day: day, unchanged: unchanged, edit: edit)
        {
            return
        }
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

    /// Makes `edit` of the action `ref` through the plan's check record (``QuickEdit``),
    /// records it for undo and reports it; false when it is left to a full read (nothing
    /// written). A file that could not be written ends the command as a session's save does.
    private static func editedThroughRecord(
        path: String, ref: String, options: WriteOptions, author: String?, day: PlanDate,
        unchanged: ((PlanDocument, PlanDocument.EditOutcome) -> String)?, edit: Edit
    ) throws -> Bool {
        guard let record = recordURL(path) else { return false }
        let quick: QuickEdit.Saved?
        do {
            quick = try QuickEdit.run(path: path, ref: ref, record: record, edit)
        } catch {
            Console.error("error: \(error.description); the plan was not changed")
            throw ExitCode(1)
        }
        guard let quick else { return false }
        let outcome = quick.made.outcome
        if let splice = quick.splice {
            recordUndo(outcome, path: path, author: author, day: day, splice: splice)
        }
        report(
            outcome, path: path, options: options, saved: quick.made.bytes != nil, merged: nil, diff: "",
            unchanged: { unchanged?(quick.made.excerpt, outcome) })
        return true
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
            var result: Result<PlanSession.Saved, any Error>?
            // The edited plan's bytes are put in one piece once, for the write, the undo entry
            // and the check record; the plan as read is the file's own text (the session's).
            edited.withCopiedBytes { new in
                // Made before the save, while the session's document is still the plan as read.
                let splice = recordForUndo ? session.withDocumentBytes { old in TextSplice(from: old, to: new) } : nil
                result = Result { try PlanLoading.saved(edited, bytes: new, in: session) }
                guard case .success(let written) = result else { return }
                if let splice { Self.recordUndo(outcome, path: path, author: author, day: day, splice: splice) }
                // A merged save wrote another text than `new`: the next edit reads it in full.
                if !written.merged, let url = recordURL(path) {
                    let record = CheckRecord(document: edited, digest: splice?.after ?? ContentDigest(of: new))
                    if record?.save(to: url) != true { CheckRecord.remove(at: url) }
                }
            }
            saved = try result?.get()
        }
        report(
            outcome, path: path, options: options, saved: saved != nil, merged: saved, diff: diff,
            unchanged: { unchanged?(edited, outcome) })
    }

    /// Where the check record of the plan at `path` is kept; nil when
    /// `$ACTIONPLAN_CHECK_RECORD` is `off` (every edit then reads the whole file).
    static func recordURL(_ path: String) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        guard environment["ACTIONPLAN_CHECK_RECORD"] != "off" else { return nil }
        return CheckRecord.url(forPlan: path, environment: environment)
    }

    /// Records a saved change, `splice`, for `actionplan undo`. The change is saved: an
    /// undo record that cannot be written only costs the undo.
    static func recordUndo(
        _ outcome: PlanDocument.EditOutcome, path: String, author: String?, day: PlanDate, splice: TextSplice
    ) {
        let entry = UndoJournal.Entry(
            description: "\(outcome.ref): " + outcome.changes.joined(separator: "; "), author: author, date: day,
            change: .splice(splice))
        do {
            try UndoJournal(planPath: path).record(entry)
        } catch {
            Console.error("warning: the change was saved, but it could not be recorded for undo: \(error)")
        }
    }

    /// Prints what an edit did, in text or JSON: `saved` when it was written, `merged`
    /// the save when it went through a session, `diff` a dry run's.
    static func report(
        _ outcome: PlanDocument.EditOutcome, path: String, options: WriteOptions, saved: Bool,
        merged: PlanSession.Saved?, diff: String, unchanged: () -> String?
    ) {
        switch options.format {
        case .json:
            var pairs: [(String, JSONValue)] = [
                ("schemaVersion", .int(PlanJSON.schemaVersion)), ("plan", .string(path)),
                ("ref", .string(outcome.ref)), ("changed", .bool(outcome.changed)),
                ("changes", .array(outcome.changes.map(JSONValue.string))), ("dryRun", .bool(options.dryRun)),
                ("saved", .bool(saved)), ("merged", .bool(merged?.merged ?? false)),
                ("mergedRefs", .array((merged?.mergedRefs ?? []).map(JSONValue.string))),
            ]
            if options.dryRun { pairs.append(("diff", .string(diff))) }
            print(JSONValue.object(pairs).serialized())
        case .text:
            guard outcome.changed else {
                print(unchanged() ?? "\(outcome.ref): nothing changed")
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
                        + PlanLoading.mergedWords(merged) + ")")
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
