import Foundation

@testable import PlanCore

/// The import test fixtures: spreadsheets in `Fixtures/import`, fuzz finds in `Fixtures/fuzz`.
enum Fixtures {
    static var directory: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
}

func date(_ iso: String) -> PlanDate { DateText.parseISO(iso)! }
