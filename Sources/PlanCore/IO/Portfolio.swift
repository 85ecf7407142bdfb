import FoundationEssentials
import Glibc

/// Several plans read together: a folder of plans (with its optional
/// ``PortfolioManifest``), or plan files named one by one.
///
/// A plan that cannot be read or parsed stays in the portfolio with its error, so
/// that the others can still be summarised and the error reported.
public struct Portfolio: Sendable {
    /// One plan of the portfolio.
    public struct Member: Sendable {
        /// The path it was read from (folder + file for a folder's plans).
        public var path: String
        /// The display name from the manifest, if it gives one.
        public var displayName: String?
        /// The parsed plan, or why it could not be read.
        public var loaded: Result<PlanDocument, PlanFileError>

        public var document: PlanDocument? { try? loaded.get() }
        public var error: PlanFileError? {
            if case .failure(let error) = loaded { return error }
            return nil
        }

        public init(path: String, displayName: String? = nil, loaded: Result<PlanDocument, PlanFileError>) {
            self.path = path
            self.displayName = displayName
            self.loaded = loaded
        }

        /// The display name, else the plan's title, else the file's name.
        public var name: String {
            displayName ?? document?.plan.title ?? PathText.lastComponent(path)
        }
    }

    /// The manifest's title when one folder with a titled manifest was read.
    public var title: String?
    public var members: [Member]
    /// Owner addresses from the manifests read.
    public var addresses: [(owner: String, address: String)]

    public init(title: String? = nil, members: [Member], addresses: [(owner: String, address: String)] = []) {
        self.title = title
        self.members = members
        self.addresses = addresses
    }

    /// The members that parsed, with their documents.
    public var loaded: [(member: Member, document: PlanDocument)] {
        members.compactMap { member in member.document.map { (member, $0) } }
    }

    public var failed: [Member] { members.filter { $0.error != nil } }

    /// The plans that could not be read, with why.
    public var failures: [(path: String, error: PlanFileError)] {
        members.compactMap { member in member.error.map { (member.path, $0) } }
    }

    /// The address the manifest gives for `owner`, matched by ``OwnerName/key(_:)``.
    public func address(for owner: String) -> String? {
        let key = OwnerName.key(owner)
        return addresses.first { OwnerName.key($0.owner) == key }?.address
    }

    /// Whether `path` is a folder (to be read as a folder of plans).
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Reads `paths`, each a plan file or a folder of plans. A folder contributes the
    /// plans its `portfolio.txt` lists, in that order, else every `.plan` file in it
    /// by name. A path given twice is read once.
    ///
    /// Throws only for a folder whose manifest cannot be read or has errors; a plan
    /// that fails is kept as a failed member.
    public static func load(_ paths: [String], reading: (String) throws(PlanFileError) -> PlanDocument = PlanFile.load)
        throws(PortfolioError) -> Portfolio
    {
        var members: [Member] = []
        var addresses: [(owner: String, address: String)] = []
        var titles: [String] = []
        var seen: Set<String> = []
        func add(_ path: String, name: String?) {
            let normalised = PathText.standardized(path)
            guard seen.insert(normalised).inserted else { return }
            let loaded: Result<PlanDocument, PlanFileError>
            do { loaded = .success(try reading(path)) } catch { loaded = .failure(error) }
            members.append(Member(path: path, displayName: name, loaded: loaded))
        }
        for path in paths {
            guard isFolder(path) else {
                add(path, name: nil)
                continue
            }
            let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
            let manifestPath = folder + "/" + PortfolioManifest.fileName
            if FileManager.default.fileExists(atPath: manifestPath) {
                let manifest = try readManifest(manifestPath)
                if let title = manifest.title { titles.append(title) }
                addresses += manifest.addresses
                for entry in manifest.plans { add(folder + "/" + entry.file, name: entry.name) }
            } else {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                let plans = names.filter { $0.hasSuffix(".plan") && !$0.hasPrefix(".") }.sorted()
                if plans.isEmpty { throw PortfolioError.noPlans(folder: folder) }
                for name in plans { add(folder + "/" + name, name: nil) }
            }
        }
        return Portfolio(title: titles.count == 1 ? titles.first : nil, members: members, addresses: addresses)
    }

    private static func readManifest(_ path: String) throws(PortfolioError) -> PortfolioManifest {
        let data: Data
        do { data = try PlanFile.read(path) } catch { throw .manifestUnreadable(error) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .manifest(
                path: path, diagnostics: [Diagnostic(.error, line: 1, column: 1, "the file is not UTF-8 text")],
                lines: [])
        }
        do {
            return try PortfolioManifest(text: text)
        } catch {
            throw .manifest(
                path: path, diagnostics: error.diagnostics,
                lines: text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }
}

/// Why a folder could not be read as a portfolio.
public enum PortfolioError: Error, Sendable, CustomStringConvertible {
    case noPlans(folder: String)
    case manifestUnreadable(PlanFileError)
    case manifest(path: String, diagnostics: [Diagnostic], lines: [Substring])

    public var description: String {
        switch self {
        case .noPlans(let folder):
            return "\(folder): no .plan files in this folder"
        case .manifestUnreadable(let error):
            return error.description
        case .manifest(let path, let diagnostics, let lines):
            return diagnostics.map {
                $0.formatted(path: path, sourceLine: $0.line <= lines.count ? lines[$0.line - 1] : nil)
            }.joined(separator: "\n")
        }
    }
}
