import Foundation
import PlanCore

/// The plan file behind a running interface: the version last read or saved (the
/// base that a save merges against), and a watch for changes made elsewhere.
final class LivePlanFile {
    let path: String
    private var base: PlanDocument
    private let watch: FileWatch

    init(path: String, readAs document: PlanDocument) {
        self.path = path
        base = document
        watch = FileWatch(path: path, expected: document)
    }

    func save(_ document: PlanDocument, force: Bool) -> SaveOutcome {
        do {
            if force {
                try PlanFile.save(document, to: path, lockTimeout: 5)
                remember(document)
                return .saved
            }
            let saved = try PlanFile.save(document, editedFrom: base, to: path, lockTimeout: 5)
            remember(saved.document)
            return saved.merged ? .merged(saved.document, refs: saved.mergedRefs) : .saved
        } catch {
            if case .changedElsewhere(_, let reasons) = error { return .conflict(reasons.joined(separator: "; ")) }
            return .failed("\(error)")
        }
    }

    func reloadIfChanged() -> Runtime.Services.Reload {
        guard watch.changed() else { return .unchanged }
        do {
            let document = try PlanFile.load(path)
            remember(document)
            return .changed(document)
        } catch {
            return .invalid("\(error)".split(separator: "\n").first.map(String.init) ?? "it does not parse")
        }
    }

    /// A change made elsewhere after this is caught by the next save's content check,
    /// so the watch may start from the file as it is now.
    private func remember(_ document: PlanDocument) {
        base = document
        watch.remember()
    }
}

/// Tells whether a file changed since it was last read or written here, by its
/// identity, size and modification time (cheap enough to check before every key).
final class FileWatch {
    let path: String
    private var stamp: [Int]

    /// Starts from the file as it is, unless its bytes are no longer `expected`
    /// (it changed between being read and being watched): then it counts as changed.
    init(path: String, expected: PlanDocument) {
        self.path = path
        stamp = []
        remember()
        if !(FileManager.default.contents(atPath: path).map(expected.hasBytes) ?? false) { stamp = [] }
    }

    private func current() -> [Int] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        return [Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
    }

    func remember() { stamp = current() }

    func changed() -> Bool { current() != stamp }
}
