import Foundation
import JianzhengWorkspace

/// The workspace a command works in: `-C DIR` / `--workspace DIR` (the process changes into DIR first, as
/// `git -C` does), else the nearest directory at or above the current one that holds `jianzheng.toml` or both
/// `rules/` and `legal-basis/`, else the current directory. Its `rules/`, `legal-basis/` and `examples/` are
/// the defaults of every subcommand, so the tool gives the same result from any directory inside a workspace.
enum WorkspaceRoot {
    /// The root, found once; `.` when it is the current directory (so paths print as they always did); nil
    /// outside any workspace.
    static let found: String? = WorkspaceDiscovery.discover(from: FileManager.default.currentDirectoryPath)

    /// The root; outside any workspace, a command that needs one stops here with one clear error (exit 2)
    /// instead of a cascade of missing `rules` and `legal-basis`.
    static var path: String {
        guard let found else {
            Console.error(
                "error: '\(FileManager.default.currentDirectoryPath)' is not inside a Jianzheng workspace (a directory with rules/ and "
                    + "legal-basis/, or \(WorkspaceDiscovery.marker)); run from inside one, or give -C DIR\n")
            JianzhengCommand.exit(withError: ExitStatus.usage)
        }
        return found
    }

    static var rules: String { inRoot("rules") }
    static var corpus: String { inRoot("legal-basis") }
    static var examples: String { inRoot("examples") }

    private static func inRoot(_ name: String) -> String { path == "." ? name : path + "/" + name }

    static func isRoot(_ directory: String) -> Bool { WorkspaceDiscovery.isRoot(directory) }

    /// Removes `-C DIR` / `--workspace DIR` (or `--workspace=DIR`) from the arguments and changes into DIR;
    /// returns the remaining arguments, or the message for a directory that cannot be entered.
    static func applyChangeDirectory(_ arguments: [String]) -> Result<[String], WorkspaceError> {
        let option = GlobalOption(names: ["-C", "--workspace"], long: "--workspace", valueDescription: "a directory")
        return option.extract(from: arguments).flatMap { remaining, directories in
            for directory in directories where chdir(directory) != 0 {
                return .failure(WorkspaceError(message: "cannot change to '\(directory)': \(String(cString: strerror(errno)))"))
            }
            return .success(remaining)
        }
    }
}

/// A `-C` directory that does not exist or cannot be entered.
struct WorkspaceError: Error {
    let message: String
}
