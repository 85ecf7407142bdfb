import FoundationEssentials

/// One owner's update request as an RFC 5322 message, ready to open in a mail
/// program as a draft: the text of ``ChaseText/text(_:in:)`` and the return sheet
/// attached (as CSV, as an Excel workbook, or both). Nothing is sent.
public enum ChaseMail {
    /// A file attached to a message: its name, MIME type and bytes.
    public struct Attachment: Sendable {
        public var name: String
        public var contentType: String
        public var data: Data

        public init(name: String, contentType: String, data: Data) {
            self.name = name
            self.contentType = contentType
            self.data = data
        }

        /// The return sheet as CSV.
        public static func csv(name: String, _ letter: ChaseRound.Letter) -> Attachment {
            Attachment(name: name, contentType: "text/csv; charset=UTF-8", data: Data(ReturnSheet.csv(letter).utf8))
        }

        /// An Excel workbook (the bytes of ``ReturnSheet/workbook(_:in:)``, zipped).
        public static func workbook(name: String, _ data: Data) -> Attachment {
            Attachment(name: name, contentType: xlsxType, data: data)
        }

        public static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    }

    /// The message with the return sheet attached as CSV.
    public static func message(
        _ letter: ChaseRound.Letter, in round: ChaseRound, from: String?, sheetName: String, boundary: String
    ) -> String {
        message(letter, in: round, from: from, attachments: [.csv(name: sheetName, letter)], boundary: boundary)
    }

    /// The message. `To` is the owner's address when the portfolio lists one, else
    /// left empty for the sender to fill in; `from` is the sender's address, if given.
    public static func message(
        _ letter: ChaseRound.Letter, in round: ChaseRound, from: String?, attachments: [Attachment], boundary: String
    ) -> String {
        let body = ChaseText.text(letter, in: round, withSheet: !attachments.isEmpty)
        var headers: [String] = []
        if let from { headers.append("From: " + headerSafe(from)) }
        headers.append("To: " + (letter.address.map { mailbox(letter.owner.name, $0) } ?? ""))
        headers.append("Subject: " + encodedWords("Action plan updates by \(round.replyBy.ukLong)", quoted: false))
        headers.append("Date: " + rfc5322Date(round.asOf))
        headers.append("X-Unsent: 1")
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
        var out = headers.joined(separator: "\r\n") + "\r\n\r\n"
        out += "--\(boundary)\r\n"
        out += "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        out += base64Lines(Data(body.utf8))
        for attachment in attachments {
            let name = headerSafe(attachment.name).replacingEvery("\"", with: "'")
            out += "--\(boundary)\r\n"
            out += "Content-Type: \(attachment.contentType); name=\"\(name)\"\r\n"
            out += "Content-Disposition: attachment; filename=\"\(name)\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            out += base64Lines(attachment.data)
        }
        out += "--\(boundary)--\r\n"
        return out
    }

    /// `"Name" <address>`, the name as RFC 2047 encoded words when it is not plain ASCII.
    static func mailbox(_ name: String, _ address: String) -> String {
        encodedWords(name) + " <" + headerSafe(address) + ">"
    }

    /// Printable ASCII as it is (as a quoted string with `quoted`, for a display name);
    /// anything else as `=?UTF-8?B?…?=` words.
    static func encodedWords(_ text: String, quoted: Bool = true) -> String {
        let clean = headerSafe(text)
        if clean.unicodeScalars.allSatisfy({ $0.isASCII }) {
            guard quoted else { return clean }
            return "\""
                + clean.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"")
                + "\""
        }
        // Each word at most 75 characters: 45 bytes of base64 input, cut between characters.
        var words: [String] = []
        var chunk = ""
        for character in clean {
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// A header value with line breaks and control characters removed.
    static func headerSafe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
    }

    static func base64Lines(_ data: Data) -> String {
        let encoded = data.base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return encoded.isEmpty ? "" : encoded + "\r\n"
    }

    /// `Tue, 10 Nov 2026 09:00:00 +0000`: nine in the morning of the round's day, UTC.
    static func rfc5322Date(_ day: PlanDate) -> String {
        // 1970-01-01, day 0, was a Thursday.
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let weekday = weekdays[((day.dayNumber % 7) + 7) % 7]
        let dd = day.day < 10 ? "0\(day.day)" : "\(day.day)"
        let year = String(repeating: "0", count: max(0, 4 - String(day.year).count)) + String(day.year)
        return "\(weekday), \(dd) \(PlanDate.monthNames[day.month - 1].prefix(3)) \(year) 09:00:00 +0000"
    }
}
