import FoundationEssentials
import Glibc
import PlanCore

/// Reads a spreadsheet for `actionplan import`, by its extension: `.csv`, `.tsv` and
/// `.txt` as delimited text, `.xlsx` as an Excel workbook, and `.xls`, `.ods` (and
/// `.xlsb`, `.numbers`…) through LibreOffice when it is installed.
public enum TableFile {
    public static let extensions = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"]

    /// The first bytes of an OLE compound file: an `.xls` workbook, or an `.xlsx` one
    /// encrypted with a password (Excel then wraps it in one).
    public static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The program that converts other spreadsheets: `ACTIONPLAN_SOFFICE`, else `soffice` on PATH.
    static var libreOffice: String { ProcessInfo.processInfo.environment["ACTIONPLAN_SOFFICE"] ?? "soffice" }

    /// How long LibreOffice may take to convert one file.
    static let conversionTimeout: TimeInterval = 120

    /// Reads `path`; `sheet` names the worksheet of a workbook (default: the first that has
    /// a header row).
    public static func read(_ path: String, sheet: String? = nil) throws(ImportError) -> ImportTable {
        let kind = URL(fileURLWithPath: path).pathExtension.lowercased()
        switch kind {
        case "csv", "tsv", "txt":
            if sheet != nil { throw ImportError("--sheet is for workbooks; a .\(kind) file has one table") }
            return try DelimitedText.read(try ImportError.readFile(path))
        case "xlsx", "xlsm":
            let data = try ImportError.readFile(path)
            if data.starts(with: compoundFileMagic) {
                guard isLegacyWorkbook(data) else {
                    throw ImportError(
                        "this workbook is password-protected; remove the password in Excel "
                            + "(File > Info > Protect Workbook > Encrypt with Password, and clear it) and save again")
                }
                return try converted(path, kind: kind, sheet: sheet)
            }
            return try XLSXReader.read(data, sheet: sheet)
        case "xls", "ods", "xlsb", "fods", "numbers":
            return try converted(path, kind: kind, sheet: sheet)
        default:
            throw ImportError(
                "cannot import \(kind.isEmpty ? "a file without an extension" : ".\(kind) files"); "
                    + "give a .csv, .tsv, .xlsx, .xls or .ods file")
        }
    }

    /// An `.xls` workbook (Excel 97–2003) rather than an encrypted `.xlsx`: its compound file
    /// holds a `Workbook` stream, not `EncryptionInfo` (stream names are UTF-16).
    static func isLegacyWorkbook(_ data: Data) -> Bool {
        let encryption = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.firstRange(of: encryption) == nil
    }

    /// A spreadsheet converted to .xlsx by LibreOffice (`soffice --headless --convert-to xlsx`)
    /// in a temporary folder, then read; the folder is removed.
    static func converted(_ path: String, kind: String, sheet: String?) throws(ImportError) -> ImportTable {
        // Read first for the same errors as every other file (missing, unreadable, too large).
        guard !(try ImportError.readFile(path)).isEmpty else { throw ImportError("the file is empty") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actionplan-convert-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw ImportError(
                "cannot make a temporary folder to convert the .\(kind) file in: \(SystemErrorText.describing(error))")
        }
        let hint =
            "install LibreOffice (on Debian and Ubuntu: apt-get install libreoffice-calc) to import .\(kind) files, "
            + "or save the spreadsheet as .xlsx or as CSV UTF-8 and import that"
        let termination: ChildProcess.Termination
        do {
            // A profile of its own, so that a LibreOffice the user has open is not asked to do it.
            termination = try ChildProcess.run(
                libreOffice,
                [
                    "--headless", "--norestore",
                    "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)",
                    "--convert-to", "xlsx", "--outdir", output.path, URL(fileURLWithPath: path).path,
                ],
                stdout: .null, stderr: .null, timeout: conversionTimeout)
        } catch .cannotStart(_, errno: ENOENT) {
            throw ImportError("cannot read .\(kind) files without LibreOffice; \(hint)")
        } catch {
            throw ImportError("LibreOffice could not convert the .\(kind) file: \(error.description)")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + ".xlsx"
        let workbook = output.appendingPathComponent(name)
        guard termination.status == 0, let data = try? Data(contentsOf: workbook) else {
            throw ImportError(
                "LibreOffice could not convert the .\(kind) file (\(termination)); if it is password-protected, "
                    + "remove the password and save again, or save it as .xlsx or as CSV UTF-8 and import that")
        }
        var table = try XLSXReader.read(data, sheet: sheet)
        table.source.insert("converted from .\(kind) to .xlsx by LibreOffice", at: 0)
        return table
    }
}
