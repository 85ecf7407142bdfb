import ArgumentParser
import FoundationEssentials
import PlanCore
import PlanImport

/// What `export --format` and `snapshot` can write: the text formats of ``ExportFormat``,
/// an Excel workbook, and a PDF printed from the HTML pack.
enum ExportTarget: String, CaseIterable, ExpressibleByArgument {
    case md, html, csv, json, xlsx, pdf

    init(_ format: ExportFormat) {
        switch format {
        case .md: self = .md
        case .html: self = .html
        case .csv: self = .csv
        case .json: self = .json
        }
    }

    /// The target a file name's extension asks for (see ``ExportFormat/init(fileName:)``), or `.xlsx`, `.pdf`.
    init?(fileName: String) {
        if let format = ExportFormat(fileName: fileName) {
            self.init(format)
            return
        }
        switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
        case "xlsx": self = .xlsx
        case "pdf": self = .pdf
        default: return nil
        }
    }

    var fileExtension: String { rawValue }

    /// Workbooks and PDFs are not text: they never go to a terminal.
    var isBinary: Bool { self == .xlsx || self == .pdf }

    var textFormat: ExportFormat? { ExportFormat(rawValue: rawValue) }

    /// The file's bytes; a failure is reported and ends the command with status 1.
    func render(_ pack: BoardPack, path: String) throws -> Data {
        do {
            switch self {
            case .xlsx: return try WorkbookFile.boardPack(pack)
            case .pdf: return try PDFPrinter.pdf(html: BoardPackHTML.render(pack))
            default: return textFormat?.data(pack, path: path) ?? Data()
            }
        } catch let error as ImportError {
            Console.error("error: \(error.message)")
        } catch let error as PDFPrinter.Failure {
            Console.error("error: \(error.description)")
        }
        throw ExitCode(1)
    }
}
