/// A drop-down list on some cells of an ``XLSXSheet``: Excel and LibreOffice offer the
/// choices and refuse anything else typed in, with `error` as the reason.
public struct XLSXValidation: Sendable, Equatable {
    /// The cells it applies to, as a space-separated list of ranges: `"H4:H9 H12"`.
    public var cells: String
    /// The choices, in order. Commas and double quotes are replaced (the list is written
    /// as one comma-separated string), and the whole list is kept within Excel's 255 characters.
    public var choices: [String]
    /// Shown when a cell is selected: a title of at most 32 characters and a line or two.
    public var promptTitle: String?
    public var prompt: String?
    /// Shown when something not in the list is typed.
    public var error: String

    public init(cells: String, choices: [String], promptTitle: String? = nil, prompt: String? = nil, error: String) {
        self.cells = cells
        self.choices = choices
        self.promptTitle = promptTitle
        self.prompt = prompt
        self.error = error
    }

    /// The choices as Excel's inline list: `"R (Red),A (Amber)"`.
    var formula: String {
        var list = ""
        for choice in choices.map(Self.cleaned) where !choice.isEmpty {
            let next = list.isEmpty ? choice : list + "," + choice
            guard next.count <= 255 else { break }
            list = next
        }
        return "\"" + list + "\""
    }

    static func cleaned(_ choice: String) -> String {
        String(choice.map { $0 == "," ? ";" : $0 == "\"" ? "'" : $0 }).trimmingWhitespace(newlines: true)
    }

    /// The `<dataValidation>` element.
    func xml() -> String {
        func attribute(_ name: String, _ value: String?, limit: Int) -> String {
            guard let value, !value.isEmpty else { return "" }
            return " \(name)=\"\(XLSXWorkbook.escaped(String(value.prefix(limit))))\""
        }
        return "<dataValidation type=\"list\" errorStyle=\"stop\" allowBlank=\"1\" showInputMessage=\"1\" "
            + "showErrorMessage=\"1\"" + attribute("errorTitle", "Not in the list", limit: 32)
            + attribute("error", error, limit: 255) + attribute("promptTitle", promptTitle, limit: 32)
            + attribute("prompt", prompt, limit: 255) + " sqref=\"\(XLSXWorkbook.escaped(cells))\">"
            + "<formula1>\(XLSXWorkbook.escaped(formula))</formula1></dataValidation>"
    }
}
