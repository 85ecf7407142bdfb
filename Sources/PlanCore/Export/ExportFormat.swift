/// The formats of `actionplan export` and of the files in a `snapshot` pack.
public enum ExportFormat: String, CaseIterable, Sendable {
    case md, html, csv, json

    /// The file name extension of the format (also its name on the command line).
    public var fileExtension: String { rawValue }

    /// The format a file name's extension asks for: `.md`/`.markdown`, `.html`/`.htm`,
    /// `.csv`, `.json` (ignoring case); nil for any other.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .md
        case "html", "htm": self = .html
        case "csv": self = .csv
        case "json": self = .json
        default: return nil
        }
    }

    /// The whole file. `path` is the plan's path as given, which the JSON records.
    public func render(_ pack: BoardPack, path: String) -> String {
        switch self {
        case .md: BoardPackMarkdown.render(pack)
        case .html: BoardPackHTML.render(pack)
        case .csv: BoardPackCSV.render(pack)
        case .json: BoardPackJSON.render(pack, path: path).serialized() + "\n"
        }
    }
}
