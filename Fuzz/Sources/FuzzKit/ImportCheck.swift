import Foundation
import PlanCore
import PlanImport

/// What every import must hold to, whatever the spreadsheet: the table becomes a plan
/// that loads again byte for byte, with as many actions as the report says, or the
/// import is refused with at least one reason.
public enum ImportCheck {
    public static func check(_ table: ImportTable, input: Data) {
        for skipBadRows in [false, true] {
            let options = ImportOptions(
                title: "Fuzz", asAt: PlanDate(year: 2026, month: 3, day: 1)!, skipBadRows: skipBadRows)
            let result: ImportResult
            do {
                result = try PlanImporter.makePlan(from: table, options: options)
            } catch {
                if error.errors.isEmpty { Fuzzer.fail("an import refused without a reason", input: input) }
                continue
            }
            let data = result.document.data
            guard let reloaded = try? PlanDocument(data: data) else {
                Fuzzer.fail("an import made a plan that does not load", input: input)
            }
            guard reloaded.data == data, reloaded.plan.actions.count == result.report.actions else {
                Fuzzer.fail("an imported plan does not read back as written", input: input)
            }
        }
    }
}
