import Foundation

@testable import PlanCore

/// The import test fixtures: spreadsheets in `Fixtures/import`, fuzz finds in `Fixtures/fuzz`.
enum Fixtures {
    static var directory: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    /// The example plans in the repository's `plans/` folder.
    static var examplePlans: [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("plans")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".plan") }.sorted().map { folder.appendingPathComponent($0) }
    }
}

func date(_ iso: String) -> PlanDate { DateText.parseISO(iso)! }

/// The CPU time the calling thread has used, in seconds: work done, which a busy machine
/// does not inflate as it does the time on the clock.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
