import Jianzheng
import Foundation

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
