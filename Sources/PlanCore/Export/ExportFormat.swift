import FoundationEssentials

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
        String(decoding: data(pack, path: path), as: UTF8.self)
    }

    /// The whole file as its UTF-8 bytes; JSON is streamed into them.
    public func data(_ pack: BoardPack, path: String) -> Data {
        switch self {
        case .md: Data(BoardPackMarkdown.render(pack).utf8)
        case .html: Data(BoardPackHTML.bytes(pack))
        case .csv: Data(BoardPackCSV.render(pack).utf8)
        case .json: Data(BoardPackJSON.bytes(pack, path: path))
        }
    }
}
