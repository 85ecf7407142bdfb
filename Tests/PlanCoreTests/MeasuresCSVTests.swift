import Foundation
import Testing

@testable import PlanCore

/// The board pack's measures as CSV: a row per value, with the line to the target.
@Suite("Measures in CSV")
struct MeasuresCSVTests {
    @Test func everyValueIsARowWithItsTargetAndProgress() throws {
        let plan = try parse(GovernanceTests.fixture).plan
        let csv = BoardPackCSV.renderMeasures(BoardPack(plan: plan, asOf: date("2026-10-28")))
        let section = "1 Hearing children"
        #expect(
            csv.components(separatedBy: "\r\n") == [
                "\u{FEFF}Section,Area,Ref,Measure,Unit,Better,Baseline,Baseline date,Target,Target date,Date,Value,"
                    + "Recorded by,Expected,Progress",
                "\(section),1.1 Recording what children tell us,1.1a,Records with the child's words,%,higher,46,"
                    + "2025-09-30,95,2026-09-30,2026-03-31,61,Audit team,70.4,off track",
                "\(section),1.1 Recording what children tell us,1.1a,Records with the child's words,%,higher,46,"
                    + "2025-09-30,95,2026-09-30,2026-06-30,81,Audit team,82.6,off track",
                "\(section),1.2 Leaders hearing from children,,Days to first visit,,lower,12,2026-01-31,5,2026-12-31,"
                    + "2026-04-30,10,Data team,10.1,on track",
                "\(section),1.2 Leaders hearing from children,,Days to first visit,,lower,12,2026-01-31,5,2026-12-31,"
                    + "2026-07-31,9.5,Data team,8.2,off track",
                "",
            ])
    }

    @Test func asOfADayTheValuesAreThoseRecordedByThen() throws {
        let plan = try parse(GovernanceTests.fixture).plan
        let rows = BoardPackCSV.renderMeasures(BoardPack(plan: plan, asOf: date("2026-05-01")))
            .components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.contains(",2026-03-31,61,") || $0.contains(",2026-04-30,10,") }, "\(rows)")
    }

    @Test func aMeasureWithoutValuesHasOneRowAndTextIsNeutralised() throws {
        let text = """
            # Plan
            ## 1 Section
            ### 1.1 Area
            - [A] 1.1a Act.
              - Owner: Lead
              - Measure @risk "flagged" (days): baseline -3 on 2026-01-31; target -10 by 2026-12-31; lower is better

            """
        let plan = try parse(text).plan
        let csv = BoardPackCSV.renderMeasures(BoardPack(plan: plan, asOf: date("2026-10-28")))
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows.count == 3, "\(rows)")
        // The name cannot run as a formula; the numbers stay numbers.
        #expect(
            rows[1]
                == "1 Section,1.1 Area,1.1a,\"'@risk \"\"flagged\"\"\",days,lower,-3,2026-01-31,-10,2026-12-31,,,,,no value yet"
        )
    }

    @Test func aNumberRoundedToAWholeOneHasNoPointLeft() {
        #expect(Measure.format(61.97) == "62" && Measure.format(-4.96) == "-5" && Measure.format(-0.04) == "0")
        #expect(Measure.format(70.41) == "70.4" && Measure.format(9.5) == "9.5" && Measure.format(12) == "12")
    }
}
