import Foundation
import FuzzKit
import PlanImport

/// Fuzzes the CSV/TSV reader and the importer behind `actionplan import`: any bytes are
/// read as a table or refused with a reason, and any table imports as a plan that
/// loads again (see ``ImportCheck``).
@main
struct DelimitedFuzz {
    static func main() {
        Fuzzer.run { bytes, count in
            let data = Fuzzer.data(bytes, count)
            if let table = try? DelimitedText.read(data) {
                ImportCheck.check(table, input: data)
            }
            return 0
        }
    }
}
