import FoundationEssentials

/// Prints an HTML page to PDF with headless Chromium, found on the machine: the page's
/// own print stylesheet sets A4, the margins and the running header and footer
/// (CSS `@page` margin boxes, "Page N of M"); Chromium adds bookmarks from the headings.
public enum PDFPrinter {
    /// The programs tried, in order, in `PATH`; `$ACTIONPLAN_CHROMIUM` names another.
    public static let programs = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case noRenderer
        case failed(String)

        public var description: String {
            switch self {
            case .noRenderer:
                "cannot make a PDF: no Chromium found (looked for \(programs.joined(separator: ", ")) in PATH); "
                    + "install it (Debian and Ubuntu: apt-get install chromium) or set ACTIONPLAN_CHROMIUM "
                    + "to its path, or export --format html and print that from a browser"
            case .failed(let why): "cannot make a PDF: \(why)"
            }
        }
    }

    /// The renderer's path: `$ACTIONPLAN_CHROMIUM`, else the first of ``programs`` in `PATH`.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let chosen = environment["ACTIONPLAN_CHROMIUM"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for program in programs {
            for folder in folders where !folder.isEmpty {
                let path = folder + "/" + program
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// The PDF of `html`. The page is written to a private temporary folder, which
    /// also holds Chromium's profile, and removed afterwards. Chromium gets `timeout`
    /// seconds and is killed after that.
    public static func pdf(
        html: String, renderer: String? = nil, timeout: TimeInterval = 180,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(Failure) -> Data {
        guard let program = renderer ?? find(environment: environment) else { throw .noRenderer }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actionplan-pdf-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .failed("cannot create a temporary folder: \(SystemErrorText.describing(error))")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("pack.html")
        let output = folder.appendingPathComponent("pack.pdf")
        let log = folder.appendingPathComponent("chromium.log")
        do {
            try Data(html.utf8).write(to: page)
        } catch {
            throw .failed("cannot write the page to \(page.path): \(SystemErrorText.describing(error))")
        }
        var childEnvironment = environment
        // Chromium writes its profile and crash reports under HOME; keep them in the folder.
        childEnvironment["HOME"] = folder.path
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--user-data-dir=\(folder.path)/profile",
            "--no-pdf-header-footer", "--generate-pdf-document-outline", "--print-to-pdf=\(output.path)",
            page.absoluteString,
        ]
        let termination: ChildProcess.Termination
        do {
            termination = try ChildProcess.run(
                program, arguments, environment: childEnvironment, stdout: .null, stderr: .file(log.path),
                timeout: timeout)
        } catch {
            throw .failed(error.description)
        }
        let data = try? Data(contentsOf: output)
        guard termination.status == 0, let data, data.starts(with: Array("%PDF".utf8)) else {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let last = said.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw .failed("\(program) ended with \(termination) and wrote no PDF" + (last.isEmpty ? "" : ":\n" + last))
        }
        return data
    }
}
