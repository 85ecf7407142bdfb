import FoundationEssentials
import Glibc

/// A calendar date with no time or time zone: the unit every plan date is in.
///
/// Plans talk about days ("due 28 February 2023", "as at 14 December 2022"),
/// so a civil date avoids the time-zone surprises of `Foundation.Date`.
public struct PlanDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or `nil` when the day does not exist (2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...PlanDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func < (lhs: PlanDate, rhs: PlanDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2023-02-28`: the form the file stores.
    public var iso: String {
        let y = String(year)
        let m = String(month)
        let d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
            + (m.count < 2 ? "0" : "") + m + "-" + (d.count < 2 ? "0" : "") + d
    }

    public var description: String { iso }

    /// `28 Feb 2023`: the short UK form shown in lists.
    public var ukShort: String { "\(day) \(PlanDate.monthNames[month - 1].prefix(3)) \(year)" }

    /// `28 February 2023`.
    public var ukLong: String { "\(day) \(PlanDate.monthNames[month - 1]) \(year)" }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> PlanDate { PlanDate(dayNumber: dayNumber + days) }

    /// Today in the local time zone, or `ACTIONPLAN_TODAY` (an ISO date) when set,
    /// so that scripts and tests can pin "today".
    ///
    /// Reads the one variable and the C library's local time: every command asks for
    /// today at start, and building the whole environment and Foundation's calendar
    /// for it cost more than the rest of a small command's start.
    public static func today() -> PlanDate {
        if let pinned = getenv("ACTIONPLAN_TODAY"), let date = DateText.parseISO(String(cString: pinned)) {
            return date
        }
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil,
            let date = PlanDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        else { return today(environment: [:]) }
        return date
    }

    /// Today in the local time zone, or `environment`'s `ACTIONPLAN_TODAY` (an ISO date) when set.
    public static func today(environment: [String: String]) -> PlanDate {
        if let pinned = environment["ACTIONPLAN_TODAY"], let date = DateText.parseISO(pinned) {
            return date
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day,
            let date = PlanDate(year: year, month: month, day: day)
        else { preconditionFailure("the calendar gave no valid day for now: \(parts)") }
        return date
    }
}
