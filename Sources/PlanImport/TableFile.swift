import Foundation
import PlanCore

/// Reads a spreadsheet for `actionplan import`, by its extension: `.csv`, `.tsv` and
/// `.txt` as delimited text, `.xlsx` as an Excel workbook.
public enum TableFile {
    public static let extensions = ["csv", "tsv", "txt", "xlsx"]

    /// Reads `path`; `sheet` names the worksheet of a workbook (default: the first).
    public static func read(_ path: String, sheet: String? = nil) throws(ImportError) -> ImportTable {
        let kind = URL(fileURLWithPath: path).pathExtension.lowercased()
        switch kind {
        case "csv", "tsv", "txt":
            if sheet != nil { throw ImportError("--sheet is for .xlsx workbooks; a .\(kind) file has one table") }
            return try DelimitedText.read(try ImportError.readFile(path))
        case "xlsx", "xlsm":
            return try XLSXReader.read(try ImportError.readFile(path), sheet: sheet)
        case "xls", "ods", "numbers":
            throw ImportError(
                "cannot read .\(kind) files; save the spreadsheet as .xlsx or as CSV UTF-8 and import that")
        default:
            throw ImportError(
                "cannot import \(kind.isEmpty ? "a file without an extension" : ".\(kind) files"); "
                    + "give a .csv, .tsv or .xlsx file")
        }
    }
}
