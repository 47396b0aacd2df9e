import Foundation
import Jianzheng

/// A revision of the git repository in the current directory, exported for comparison.
public enum GitSnapshot {
    /// Writes the tree of `revision` of the repository at `repository` into a new temporary directory and returns
    /// its path.
    public static func export(_ revision: String, repository: String) throws(ReviewError) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jianzheng-\(revision.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReviewError(description: "cannot create \(directory.path): \(error)")
        }
        let archive = Process()
        archive.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        archive.arguments = ["sh", "-c", "git archive --format=tar \"$0\" | tar -x -C \"$1\"", revision, directory.path]
        archive.currentDirectoryURL = URL(fileURLWithPath: repository)
        let errors = Pipe()
        archive.standardError = errors
        do {
            try archive.run()
        } catch {
            throw ReviewError(description: "cannot run git: \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        archive.waitUntilExit()
        guard archive.terminationStatus == 0, message.isEmpty else {
            throw ReviewError(description: "cannot export git revision '\(revision)': \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return directory.path
    }

    /// Removes an exported snapshot; a warning to print when it cannot be removed, else nil.
    public static func removeWarning(_ path: String) -> String? {
        do {
            try FileManager.default.removeItem(atPath: path)
            return nil
        } catch {
            return "warning: cannot remove the temporary copy \(path): \(error.localizedDescription)\n"
        }
    }
}
