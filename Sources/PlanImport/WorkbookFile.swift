import FoundationEssentials
import PlanCore

/// Writes workbooks: the parts ``XLSXWorkbook`` makes, in a zip container.
public enum WorkbookFile {
    /// The `.xlsx` bytes of `workbook`.
    public static func data(_ workbook: XLSXWorkbook) throws(ImportError) -> Data {
        var zip = ZipWriter()
        do {
            for part in workbook.parts() { try zip.add(part.path, part.data) }
            return try zip.archive()
        } catch {
            switch error {
            case .tooLarge(let what):
                throw ImportError("cannot write the workbook: \(what) is over the 4 GB a zip archive can hold")
            case .cannotCompress(let what):
                throw ImportError("cannot write the workbook: zlib could not compress \(what)")
            }
        }
    }

    /// The board pack as an `.xlsx` workbook (``BoardPackXLSX``).
    public static func boardPack(_ pack: BoardPack) throws(ImportError) -> Data {
        try data(BoardPackXLSX.workbook(pack))
    }

    /// An owner's return sheet as an `.xlsx` workbook (``ReturnSheet/workbook(_:in:)``).
    public static func returnSheet(_ letter: ChaseRound.Letter, in round: ChaseRound) throws(ImportError) -> Data {
        try data(ReturnSheet.workbook(letter, in: round))
    }
}
