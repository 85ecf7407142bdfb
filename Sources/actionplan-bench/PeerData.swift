import Foundation
import PlanCore

/// The generated plan's actions written for the peers: a Taskwarrior import (JSON) and a
/// todo.txt file, so that each tool holds the same actions, texts and notes.
enum PeerData {
    /// The uuid of the `index`-th action (from 0) in Taskwarrior: fixed, so that the
    /// commands can name an action the way `actionplan` names it by its ref.
    static func uuid(_ index: Int) -> String {
        let digits = String(index + 1)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// One task of `task import`. Taskwarrior has no RAG status, ref or owners: they are
    /// user-defined attributes (`uda.*` in the isolated taskrc), the notes are annotations.
    private struct Task: Encodable {
        struct Annotation: Encodable {
            var entry: String
            var description: String
        }
        var uuid: String
        var description: String
        var status = "pending"
        var entry: String
        var project: String
        var rag: String
        var ref: String
        var owner: String
        var due: String?
        var annotations: [Annotation]
    }

    /// The plan's actions as a JSON array for `task import`.
    static func taskwarriorImport(_ plan: Plan) throws -> Data {
        let tasks = plan.actions.enumerated().map { index, action in
            Task(
                uuid: uuid(index), description: oneLine(action.text),
                entry: (action.history.first?.date ?? PlanGenerator.today).taskwarrior,
                project: "s" + action.sectionNumber, rag: action.status.identifier, ref: action.ref,
                owner: action.owners.joined(separator: "; "), due: action.due?.date?.taskwarrior,
                annotations: action.notes.map {
                    Task.Annotation(entry: $0.date.taskwarrior, description: oneLine($0.text))
                })
        }
        return try JSONEncoder().encode(tasks)
    }

    /// The isolated taskrc: no colours, no questions, no hooks, and the attributes above.
    static func taskrc(dataLocation: String) -> String {
        """
        data.location=\(dataLocation)
        confirmation=off
        verbose=nothing
        color=off
        hooks=off
        gc=off
        recurrence=off
        defaultwidth=120
        uda.rag.type=string
        uda.rag.values=red,amber,green,blue,not-started
        uda.ref.type=string
        uda.owner.type=string

        """
    }

    /// The todo.txt line of the `index`-th action, with `status` as its `rag:` tag. todo.txt
    /// has only the line, so the notes follow the text on it (what `append` adds to).
    static func todoLine(_ action: Action, status: Status? = nil) -> String {
        var words = [oneLine(action.text), "+s" + action.sectionNumber, "rag:" + (status ?? action.status).identifier]
        words.append("ref:" + action.ref)
        if let due = action.due?.date { words.append("due:" + due.iso) }
        words += action.notes.map { "note:\($0.date.iso) " + oneLine($0.text) }
        return words.joined(separator: " ")
    }

    /// The plan as a todo.txt file, one action a line in the plan's order.
    static func todoFile(_ plan: Plan) -> String {
        plan.actions.map { todoLine($0) + "\n" }.joined()
    }

    /// todo.sh's own configuration (`-d`): everything in `folder`.
    static func todoConfig(folder: String) -> String {
        """
        export TODO_DIR=\(folder)
        export TODO_FILE=\(folder)/todo.txt
        export DONE_FILE=\(folder)/done.txt
        export REPORT_FILE=\(folder)/report.txt

        """
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension PlanDate {
    /// `20261231T000000Z`, the form Taskwarrior's JSON uses.
    fileprivate var taskwarrior: String { iso.replacingOccurrences(of: "-", with: "") + "T000000Z" }
}
