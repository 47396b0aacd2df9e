import Foundation

/// Finds the workspace a command works in: the nearest directory at or above a start that holds
/// `jianzheng.toml` or both `rules/` and `legal-basis/`.
public enum WorkspaceDiscovery {
    /// The file that marks a workspace root (the pair `rules/` + `legal-basis/` does too).
    public static let marker = "jianzheng.toml"

    /// The nearest workspace root at or above `start`: `.` when `start` itself is one, nil outside any.
    public static func discover(from start: String) -> String? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        var first = true
        while true {
            if isRoot(directory.path) { return first ? "." : directory.path }
            let parent = directory.deletingLastPathComponent()
            guard parent.path != directory.path else { return nil }
            directory = parent
            first = false
        }
    }

    /// Whether `directory` is a workspace root.
    public static func isRoot(_ directory: String) -> Bool {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory + "/" + marker) { return true }
        let hasRules = manager.fileExists(atPath: directory + "/rules", isDirectory: &isDirectory) && isDirectory.boolValue
        let hasCorpus = manager.fileExists(atPath: directory + "/legal-basis", isDirectory: &isDirectory) && isDirectory.boolValue
        return hasRules && hasCorpus
    }
}
