import Foundation
import PlanCore
import Testing

/// Many writers on one plan on one machine: real processes running `actionplan`
/// at the same time, and processes killed in the middle of a save.
@Suite("Many writers on one machine", .serialized, .tags(.endToEnd))
struct ConcurrentWriterTests {
    static let worker = """
        i=1
        while [ "$i" -le "$ROUNDS" ]; do
          "$AP" note plan.plan "$REF" "$WHO update $i" || exit 1
          if [ -n "$STATUSES" ] && [ $((i % 4)) -eq 0 ]; then
            set -- $STATUSES
            shift $(( (i / 4 - 1) % $# ))
            "$AP" set plan.plan "$REF" --rag "$1" || exit 1
          fi
          i=$((i + 1))
        done
        """

    @Test func severalProcessesUpdatingOnePlanLoseNothing() throws {
        let sandbox = try Sandbox()
        try sandbox.write(
            "plan.plan", data: try Data(contentsOf: packageRoot.appendingPathComponent("plans/small.plan")))
        let rounds = 12
        // Two workers with actions of their own (notes and status changes), two adding notes to one shared action.
        let workers: [(who: String, ref: String, statuses: String)] = [
            ("Ann", "1.1b", "green amber green"), ("Bob", "1.2a", "green amber green"),
            ("Cat", "1.1a", ""), ("Dan", "1.1a", ""),
        ]
        let children = try workers.map { worker in
            var environment = isolatedEnvironment(home: sandbox.url.path, user: worker.who)
            environment.merge([
                "AP": actionplanBinary.path, "REF": worker.ref, "WHO": worker.who,
                "STATUSES": worker.statuses, "ROUNDS": "\(rounds)",
            ]) { $1 }
            return try BackgroundChild("/bin/sh", ["-c", Self.worker], in: sandbox.url.path, environment: environment)
        }
        for (child, worker) in zip(children, workers) {
            #expect(child.wait(seconds: 60) == 0, "\(worker.who): \(child.errors)")
        }

        let plan = try PlanFile.load(sandbox.path("plan.plan")).plan
        var present = 0
        for worker in workers {
            let notes = plan.action(ref: worker.ref)!.notes.filter { $0.author == worker.who }.map(\.text)
            #expect(notes == (1...rounds).map { "\(worker.who) update \($0)" })
            present += notes.count
            if !worker.statuses.isEmpty {
                let changes = plan.action(ref: worker.ref)!.statusChanges.filter { $0.author == worker.who }
                #expect(changes.map(\.to) == [.green, .amber, .green])
                present += changes.count
            }
        }
        let merges = children.map {
            $0.output.components(separatedBy: "merged with changes saved at the same time").count - 1
        }.reduce(0, +)
        let saves = workers.count * rounds + 6
        #expect(present == saves)
        print(
            "one machine: \(workers.count) processes, \(saves) saves, \(present) of \(saves) updates present, "
                + "\(merges) saves found the file changed since they read it and merged")
        #expect(try sandbox.listing().filter { $0.hasPrefix(".") }.isEmpty, "a lock or temporary file was left behind")
    }

    @Test func killingSavesAtRandomLeavesTheOldFileOrTheNew() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write(
            "plan.plan", data: try Data(contentsOf: packageRoot.appendingPathComponent("plans/small.plan")))
        let environment = isolatedEnvironment(home: sandbox.url.path, user: "Killer")
        let today = DateText.parseISO(collaborationToday)!

        // How long one `note` takes here (the quickest of three), to spread the kills over a
        // whole run, the save at its end included.
        var runtime = Double.infinity
        for n in 1...3 {
            let started = Date()
            let run = try BackgroundChild.run(
                actionplanBinary.path, ["note", "plan.plan", "1.1a", "Warm-up \(n)"],
                in: sandbox.url.path, environment: environment)
            #expect(run.status == 0)
            runtime = min(runtime, Date().timeIntervalSince(started))
        }

        var outcomes = (old: 0, new: 0, lockLeft: 0, temporaryLeft: 0)
        let kills = 80
        // The first kills fall anywhere in a run; the rest close in on the save: later after
        // a kill that left the old file, earlier after one that left the new one.
        var closingIn = runtime * 0.8
        for n in 1...kills {
            let delay = n <= 20 ? Double.random(in: 0...1.3) * runtime : closingIn
            let old = try sandbox.read("plan.plan")
            var expected = try PlanDocument(data: old)
            try expected.addNote(ref: "1.1a", text: "Kill \(n)", on: today, by: "Killer")
            let child = try BackgroundChild(
                actionplanBinary.path, ["note", "plan.plan", "1.1a", "Kill \(n)"],
                in: sandbox.url.path, environment: environment)
            usleep(UInt32(max(0, delay) * 1_000_000))
            child.killNow()

            let now = try sandbox.read("plan.plan")
            #expect(now == old || now == expected.data, "kill \(n) left a file that is neither the old nor the new one")
            #expect((try? PlanDocument(data: now)) != nil, "kill \(n) left a file that does not parse")
            if now == old { outcomes.old += 1 } else { outcomes.new += 1 }
            closingIn += (now == old ? 1 : -1) * runtime * Double.random(in: 0.01...0.04)
            // What this run left behind: its lock file, or its temporary file (both carry its pid).
            let pid = child.pid
            if (try? sandbox.text(".plan.plan.lock"))?.hasPrefix("pid \(pid) ") == true { outcomes.lockLeft += 1 }
            if try sandbox.listing().contains(where: { $0.hasPrefix(".plan.plan.\(pid).") }) {
                outcomes.temporaryLeft += 1
            }
        }
        print(
            "kill during save: \(kills) kills; \(outcomes.old) left the old file, \(outcomes.new) the new one, none anything else; "
                + "\(outcomes.lockLeft) died holding the lock, \(outcomes.temporaryLeft) left a half-written temporary file"
        )

        // The next save clears what killed saves left behind (stale lock, temporary files).
        #expect(
            try BackgroundChild.run(
                actionplanBinary.path, ["note", "plan.plan", "1.1a", "After the kills"],
                in: sandbox.url.path, environment: environment
            ).status == 0)
        #expect(try sandbox.listing().filter { $0.hasPrefix(".") }.isEmpty)
        #expect(try PlanFile.load(path).plan.action(ref: "1.1a")?.latestNote?.text == "After the kills")
    }
}
