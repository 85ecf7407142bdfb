import FoundationEssentials

extension Author {
    /// Why a name could not be kept in the config file.
    public struct SaveNameError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Keeps `name` as the `name` in the config file (`actionplan config name`): the file
    /// and its folder are made if missing, its other lines kept, written atomically.
    /// Returns the config file's path.
    @discardableResult
    public static func saveConfiguredName(
        _ name: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SaveNameError) -> String {
        let trimmed = name.trimmingWhitespace()
        if let problem = trimmed.isEmpty ? "the name is empty" : problem(with: trimmed) {
            throw SaveNameError(description: problem)
        }
        guard let path = configPath(environment: environment) else {
            throw SaveNameError(
                description: "neither $XDG_CONFIG_HOME nor $HOME is set, so there is nowhere to keep the name")
        }
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        do {
            try FileManager.default.createDirectory(
                atPath: PathText.deletingLastComponent(path), withIntermediateDirectories: true)
            try AtomicFile.write(Data(configText(existing, settingName: trimmed).utf8), to: path)
        } catch {
            throw SaveNameError(description: "cannot write \(path): \(SystemErrorText.describing(error))")
        }
        return path
    }
}
