/// A date's printed forms appended as UTF-8, without the `String` that ``PlanDate/iso``,
/// ``PlanDate/ukLong`` and ``PlanDate/ukShort`` each make (an export prints a date or
/// two for every note of the plan).
extension PlanDate {
    /// ``iso``'s bytes: `2023-02-28`.
    func appendISO(to out: inout [UInt8]) {
        // The initializer keeps the year in 1...9999: four digits, as `iso` pads it.
        let zero = UInt8(ascii: "0")
        out.append(zero + UInt8(year / 1000))
        out.append(zero + UInt8(year / 100 % 10))
        out.append(zero + UInt8(year / 10 % 10))
        out.append(zero + UInt8(year % 10))
        out.append(UInt8(ascii: "-"))
        PlanDate.appendTwoDigits(month, to: &out)
        out.append(UInt8(ascii: "-"))
        PlanDate.appendTwoDigits(day, to: &out)
    }

    /// ``ukLong``'s bytes: `28 February 2023`.
    func appendUKLong(to out: inout [UInt8]) { appendUK(PlanDate.monthNames[month - 1].utf8, to: &out) }

    /// ``ukShort``'s bytes: `28 Feb 2023`.
    func appendUKShort(to out: inout [UInt8]) { appendUK(PlanDate.monthNames[month - 1].utf8.prefix(3), to: &out) }

    /// The day and year as `String(_:)` writes them (no leading zeros), the month between.
    private func appendUK(_ month: some Collection<UInt8>, to out: inout [UInt8]) {
        PlanDate.appendDecimal(day, to: &out)
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: month)
        out.append(UInt8(ascii: " "))
        PlanDate.appendDecimal(year, to: &out)
    }

    /// A month or day (below 100) in two digits, as `iso` pads it.
    private static func appendTwoDigits(_ value: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "0") + UInt8(value / 10))
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// A day, month or year (0...9999) in decimal, without leading zeros.
    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var started = false
        for divisor in [1000, 100, 10] where started || value >= divisor {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            started = true
        }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
