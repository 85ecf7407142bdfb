import ArgumentParser
import FoundationEssentials
import PlanCore
import PlanImport

/// `import --updates SHEET... PLAN...`: the return sheets of the update round applied
/// to their plans, each plan saved through its own session (lock, merge).
extension ImportCommand {
    /// Sheets are the spreadsheet files given; the rest are plans or folders of plans.
    var updateArguments: (sheets: [String], plans: [String]) {
        let all = [file] + more
        let isSheet = { (path: String) in
            TableFile.extensions.contains(PathText.pathExtension(path).lowercased())
        }
        return (all.filter(isSheet), all.filter { !isSheet($0) })
    }

    func validateUpdates() throws {
        let (sheets, plans) = updateArguments
        if sheets.isEmpty { throw ValidationError("--updates: give the return sheets (.csv, .tsv or .xlsx)") }
        if plans.isEmpty { throw ValidationError("--updates: give the plans the sheets update, after the sheets") }
        if output != nil { throw ValidationError("--updates changes the plans given; -o is not used") }
    }

    func runUpdates() throws {
        let (sheetPaths, planPaths) = updateArguments
        let (portfolio, sessions) = try PortfolioLoading.open(planPaths)
        if !portfolio.failed.isEmpty {
            for member in portfolio.failed { Console.error(member.error?.description ?? member.path) }
            Console.error("error: nothing written: every plan must be readable to apply updates to it")
            throw ExitCode(1)
        }
        var sheets: [(path: String, rows: [UpdateRow], errors: [ImportError])] = []
        for path in sheetPaths {
            do {
                let read = try ReturnSheetReader.read(try TableFile.read(path, sheet: sheet))
                sheets.append((path, read.rows, read.errors))
            } catch {
                Console.error(TerminalText.escaped(error.formatted(path: path)))
                Console.error("error: nothing written")
                throw ExitCode(1)
            }
        }
        var documents: [String: PlanDocument] = [:]
        for (member, document) in portfolio.loaded { documents[member.path] = document }
        let result = UpdateImport(
            sheets, documents: documents, on: date?.date ?? PlanDate.today(), author: Author.resolve(explicit: by))
        print(TerminalText.escaped(result.report, keepNewlines: true), terminator: "")
        for problem in result.problems { Console.error(TerminalText.escaped(problem)) }
        if !result.problems.isEmpty, !skipBadRows {
            Console.error(
                "error: nothing written: fix the rows above, or give --skip-bad-rows to apply the others")
            throw ExitCode(1)
        }
        if dryRun {
            print("Dry run: nothing written.")
            return
        }
        for path in result.changedPaths {
            guard let session = sessions[path], let edited = result.documents[path] else { continue }
            let merged = try PlanLoading.save(edited, in: session)
            print("saved \(TerminalText.escaped(path))\(merged)")
        }
    }
}
