/// Owner names as boards write them, folded so that "Head of Service, Front Door",
/// "head of service front door " and "Head of Service – Front Door." count as one.
public enum OwnerName {
    /// The folded form two spellings of one owner share: lower case, letters and digits
    /// only, words separated by one space.
    public static func key(_ name: String) -> String {
        var words: [String] = []
        var word = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if character == "'" || character == "’" {
                continue  // "Children's" and "Childrens" are one word
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// The owners an owner field names: split at `;`, trimmed, empty ones dropped.
    public static func split(_ owners: [String]) -> [String] {
        owners.flatMap { $0.split(separator: ";") }.map { $0.trimmingWhitespace(newlines: true) }.filter {
            !$0.isEmpty
        }
    }

    /// Whether one of `action`'s owners is `owner`, folded: the owner picked from a list
    /// (``OwnerReport``), not every name that contains it.
    public static func isOwner(_ owner: String, of action: Action) -> Bool {
        let wanted = key(owner)
        return !wanted.isEmpty && split(action.owners).contains { key($0) == wanted }
    }

    /// Whether `action` is owned by someone whose folded name contains `query`'s.
    public static func matches(_ action: Action, _ query: String) -> Bool {
        let wanted = key(query)
        guard !wanted.isEmpty else { return true }
        return split(action.owners).contains { key($0).contains(wanted) }
    }
}
