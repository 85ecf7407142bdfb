import Foundation
import FuzzKit
import PlanCore

/// Fuzzes the plan parser with arbitrary bytes. Besides not crashing, every input must
/// keep the promises of docs/format.md and docs/hardening.md:
///
/// - reading action lines from their bytes gives the plan, spans and diagnostics that
///   the `Substring` code gives, and the one pass that splits the file into lines and
///   reads their shapes reads each line as it reads alone;
/// - a file that loads writes back byte for byte;
/// - a file that does not load has at least one error, each inside the file, and the
///   printed messages carry no control character to the terminal;
/// - everything made from a loaded plan (summary, list, board pack in every format)
///   is safe to print, and JSON output is valid JSON;
/// - an edit either is refused or leaves a file that loads again with the edit in it, and
///   an edit through the file's check record writes the bytes the full read writes.
@main
struct PlanFuzz {
    static func main() {
        Fuzzer.run { bytes, count in
            PlanFuzz.check(Fuzzer.data(bytes, count))
            return 0
        }
    }

    static let today = PlanDate(year: 2026, month: 3, day: 1)!

    static func check(_ data: Data) {
        // The byte-level field reader must read every input as the `Substring` code does.
        if let difference = PlanDocument.byteReaderDisagreement(in: data) {
            Fuzzer.fail("the two readers of action lines disagree: \(difference)", input: data)
        }
        // Splitting the file and shaping its lines in one pass must read each line as alone.
        if let difference = PlanDocument.lineScanDisagreement(in: data) {
            Fuzzer.fail("the one-pass line scan disagrees: \(difference)", input: data)
        }
        // A parse that defers actions must read every input as the one that makes them all.
        if let difference = PlanDocument.deferredReaderDisagreement(in: data) {
            Fuzzer.fail("deferring actions reads differently: \(difference)", input: data)
        }
        // Reading a file leaves the UTF-8 check to the string it makes; it must take the same bytes.
        if let difference = PlanFile.fileTextDisagreement(in: data) {
            Fuzzer.fail("reading the file's text: \(difference)", input: data)
        }
        // An edit through the file's check record must write what the full read writes.
        if let difference = QuickEdit.fullReadDisagreement(in: data, on: today) {
            Fuzzer.fail("the edit through the check record disagrees: \(difference)", input: data)
        }
        let document: PlanDocument
        do {
            document = try PlanDocument(data: data)
        } catch {
            checkErrors(error, data: data)
            return
        }
        guard document.data == data else { Fuzzer.fail("a loaded file does not write back byte for byte", input: data) }
        for warning in document.warnings {
            guard warning.severity == .warning else { Fuzzer.fail("an error in a loaded plan", input: data) }
            checkPrintable(warning.formatted(path: "fuzz.plan", sourceLine: document.sourceLine(warning.line)), data)
        }
        checkOutputs(document, data)
        checkEdits(document, data)
        checkDeferredEdits(document, data)
        checkBoardEdits(document, data)
    }

    /// The same edits, on the first action and then the last, on the plan read in full
    /// and on the plan read for one action (its actions made when read): both refuse, or
    /// both write the same bytes and read as the same plan.
    static func checkDeferredEdits(_ document: PlanDocument, _ data: Data) {
        guard var deferred = try? PlanDocument(data: data, actions: .onDemand) else {
            Fuzzer.fail("a plan that loads does not load with its actions made when read", input: data)
        }
        var full = document
        let actions = document.plan.actions
        for ref in Set([actions.first?.ref, actions.last?.ref].compactMap { $0 }).sorted() {
            let target: Status = document.plan.action(ref: ref)?.status == .green ? .amber : .green
            // Whether both edits were stored; a refused one leaves the document as it found it.
            func edit(_ copy: inout PlanDocument) -> Bool {
                do {
                    try copy.setStatus(ref: ref, to: target, on: today, by: "Fuzz", note: "Checked.")
                    try copy.addNote(ref: ref, text: "Twice\n\nchecked.", on: today, by: nil)
                    return true
                } catch {
                    return false
                }
            }
            guard edit(&full) == edit(&deferred) else {
                Fuzzer.fail("an edit was refused on one reading of the plan only", input: data)
            }
            guard full.data == deferred.data, full.plan == deferred.plan else {
                Fuzzer.fail("an edit wrote differently on the plan read for one action", input: data)
            }
        }
    }

    /// A file that does not load: every error is on one of its lines, and prints safely.
    static func checkErrors(_ error: PlanParseError, data: Data) {
        guard !error.errors.isEmpty else { Fuzzer.fail("refused without an error", input: data) }
        let lines = sourceLines(data)
        let lineCount = data.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        for diagnostic in error.diagnostics {
            guard diagnostic.line >= 1, diagnostic.line <= lineCount, diagnostic.column >= 1 else {
                Fuzzer.fail("diagnostic outside the file: \(diagnostic)", input: data)
            }
            let source = lines.indices.contains(diagnostic.line - 1) ? lines[diagnostic.line - 1] : nil
            checkPrintable(diagnostic.formatted(path: "fuzz.plan", sourceLine: source), data)
        }
    }

    /// The lines of a UTF-8 file without its byte order mark, as `check` shows them.
    static func sourceLines(_ data: Data) -> [Substring] {
        guard var text = String(validating: data, as: UTF8.self) else { return [] }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
    }

    static func checkOutputs(_ document: PlanDocument, _ data: Data) {
        let plan = document.plan
        let summary = PlanSummary(plan: plan, asOf: today)
        checkPrintable(SummaryText.render(summary), data)
        checkJSON(PlanJSON.summary(summary, path: "fuzz.plan").serialized(), data)
        checkPrintable(ActionTable.text(Array(plan.actions), on: today, width: 100), data)
        checkJSON(PlanJSON.list(Array(plan.actions), plan: plan, path: "fuzz.plan", on: today).serialized(), data)
        for warning in BoardCheck.warnings(for: plan.asOf(today), on: today) {
            checkPrintable(warning.formatted(path: "fuzz.plan", sourceLine: document.sourceLine(warning.line)), data)
        }
        let pack = BoardPack(plan: plan, asOf: today)
        _ = BoardPackCSV.renderMeasures(pack)
        for format in ExportFormat.allCases {
            let output = format.render(pack, path: "fuzz.plan")
            if format == .json { checkJSON(output, data) }
            if format == .html, output.contains("<script") {
                Fuzzer.fail("plan text reached the HTML as markup", input: data)
            }
        }
        let changes = Changes(plan: plan, since: PlanDate(year: 2026, month: 1, day: 1)!, until: today)
        checkPrintable(ChangesReport.text(changes, title: plan.title), data)
        checkJSON(ChangesReport.json(changes, path: "fuzz.plan", title: plan.title).serialized(), data)
    }

    /// A status change and a note on the first action: refused, or stored so that
    /// the file loads again and holds them.
    static func checkEdits(_ document: PlanDocument, _ data: Data) {
        guard let action = document.plan.actions.first else { return }
        var edited = document
        let target: Status = action.status == .green ? .amber : .green
        do {
            try edited.setStatus(ref: action.ref, to: target, on: today, by: "Fuzz", note: "Checked.")
        } catch {
            return
        }
        guard let reloaded = try? PlanDocument(data: edited.data) else {
            Fuzzer.fail("an edit wrote a file that does not load", input: data)
        }
        guard reloaded.plan.action(ref: action.ref)?.status == target else {
            Fuzzer.fail("an edit did not hold after reloading", input: data)
        }
        checkUndo(from: document, to: edited, data)
    }

    /// The undo journal's entry for an edit takes it back byte for byte, and found again
    /// in the edited text moved down a line, gives the text before moved down likewise (or
    /// is refused, when its context reached the start).
    static func checkUndo(from document: PlanDocument, to edited: PlanDocument, _ data: Data) {
        let entry = UndoJournal.Entry(description: "fuzz", author: nil, date: today, before: document, after: edited)
        guard (try? entry.undoing(on: edited))?.hasSameBytes(as: document) == true else {
            Fuzzer.fail("undoing an edit did not give back the plan before it", input: data)
        }
        guard case .splice(let splice) = entry.change else { Fuzzer.fail("an entry without a splice", input: data) }
        let moved = Data("\n".utf8) + edited.data
        let undone = moved.withUnsafeBytes { splice.reverted(in: $0) }
        guard undone == nil || undone.map({ Data($0) }) == Data("\n".utf8) + document.data else {
            Fuzzer.fail("a splice found again was put back in the wrong place", input: data)
        }
    }

    /// The board's edits (docs/format.md §3.7) on the first area and the first measure:
    /// a sign-off, an assessment, a value, a review in the log and the As at date. Each
    /// is refused, or gives a file that loads again and holds it.
    static func checkBoardEdits(_ document: PlanDocument, _ data: Data) {
        let board = "Fuzz Board"
        if let area = document.plan.sections.lazy.flatMap(\.areas).first {
            expectHeld(document, data, "a sign-off") {
                try $0.signOff(area: area.number, on: today, by: board, monitoring: "monthly scorecard", force: true)
            } holds: {
                $0.area(number: area.number)?.signOffs.count == area.signOffs.count + 1
            }
            let status = document.plan.statusKey.statuses.first ?? .amber
            expectHeld(document, data, "an assessment") {
                try $0.assess(area: area.number, as: status, on: today, by: board, because: "fuzzed")
            } holds: {
                $0.area(number: area.number)?.assessments.count == area.assessments.count + 1
            }
        }
        if let (holder, measure) = document.plan.allMeasures.first {
            let values = { (plan: Plan) in plan.allMeasures.reduce(0) { $0 + $1.measure.values.count } }
            let before = values(document.plan)
            expectHeld(document, data, "a measure's value") {
                try $0.recordValue(of: measure.name, on: holder, value: "42.5", date: today, by: board)
            } holds: {
                values($0) == before + 1
            }
        }
        let counts = PlanDocument.ReviewCounts(lookedAt: 1, of: 2, changed: 0)
        expectHeld(document, data, "a review") {
            try $0.recordReview(on: today, by: board, counts: counts)
        } holds: {
            $0.lastReviewed?.date == today
        }
        expectHeld(document, data, "the As at date") {
            try $0.setAsAt(today)
        } holds: {
            $0.asAt == today
        }
    }

    /// Runs `edit` on a copy; when it is not refused, the written file must load and `holds` be true of it.
    static func expectHeld(
        _ document: PlanDocument, _ data: Data, _ what: String,
        _ edit: (inout PlanDocument) throws -> PlanDocument.EditOutcome, holds: (Plan) -> Bool
    ) {
        var edited = document
        guard (try? edit(&edited)) != nil else { return }
        guard let reloaded = try? PlanDocument(data: edited.data) else {
            Fuzzer.fail("\(what) wrote a file that does not load", input: data)
        }
        guard holds(reloaded.plan) else { Fuzzer.fail("\(what) did not hold after reloading", input: data) }
    }

    /// Text for a terminal: no control character but line breaks and tabs.
    static func checkPrintable(_ text: String, _ data: Data) {
        for scalar in text.unicodeScalars
        where scalar.value < 0x20 && scalar != "\n" && scalar != "\t"
            || (0x7F..<0xA0).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
        {
            Fuzzer.fail("U+\(String(scalar.value, radix: 16, uppercase: true)) reached terminal output", input: data)
        }
    }

    static func checkJSON(_ text: String, _ data: Data) {
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil else {
            Fuzzer.fail("invalid JSON output", input: data)
        }
    }
}
