import Foundation
import JianzhengBase
import JianzhengSyntax

/// One side of a diff: a repository snapshot, a catalogue directory, or the working tree with overlays.
public enum CatalogueSide {
    /// Loads a side. A repository root (with `rules/` and `legal-basis/`) is loaded whole, with its own law;
    /// any other directory is a catalogue loaded with the working tree's `rules` and `corpus`.
    public static func load(_ path: String, rules workingRules: String, corpus workingCorpus: String, overlays: [String] = []) -> Workspace {
        let root = URL(fileURLWithPath: path)
        let rules = root.appendingPathComponent("rules").path
        let corpus = root.appendingPathComponent("legal-basis").path
        if FileManager.default.fileExists(atPath: rules), FileManager.default.fileExists(atPath: corpus) {
            let examples = root.appendingPathComponent("examples").path
            return Workspace.load(paths: [rules, examples], corpusDirectory: corpus, overlays: overlays)
        }
        return Workspace.load(paths: [workingRules, path], corpusDirectory: workingCorpus, overlays: overlays)
    }
}

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
}
