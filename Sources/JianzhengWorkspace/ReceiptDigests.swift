import Foundation
import Jianzheng
import JianzhengBase

/// The receipt of a review of a workspace: digests of the files it was computed from.
extension ReproducibilityReceipt {
    /// The receipt of `review` of `workspace`: the rule files as loaded, the corpus documents read again from
    /// disk (a document that cannot be read now is an error, never a digest of nothing).
    public init(workspace: Workspace, review: Review) throws(ReviewError) {
        let files = workspace.files.sorted { $0.path < $1.path }
        let corpus = Self.corpusFiles(workspace.corpusDirectory) + workspace.overlays.filter { $0.hasSuffix(".xml") }
        var documents: [(String, [UInt8])] = []
        for path in corpus.sorted() {
            switch InputFile.read(path, limit: InputFile.Limit.xml) {
            case .success(let bytes): documents.append((path, bytes))
            case .failure(let diagnostic): throw ReviewError(description: "cannot read \(path) for the receipt: \(diagnostic.message)")
            }
        }
        self.init(
            rulesDigest: Self.digest(files.map { ($0.path, $0.bytes) }), rulesFiles: files.count,
            corpusDigest: Self.digest(documents), corpusFiles: documents.count,
            policy: review.policy.name, asOf: review.asOf, overlays: workspace.overlays)
    }

    private static func digest(_ files: [(String, [UInt8])]) -> String {
        var hasher = SHA256()
        for (path, bytes) in files {
            hasher.update(Array(path.utf8) + [0])
            hasher.update(Array(String(bytes.count).utf8) + [0])
            hasher.update(bytes)
        }
        return hasher.hexDigest()
    }

    private static func corpusFiles(_ directory: String) -> [String] {
        let names = FileManager.default.enumerator(atPath: PathName.enumerable(directory))?.allObjects as? [String] ?? []
        return names.filter { $0.hasSuffix(".xml") }.map { (directory as NSString).appendingPathComponent($0) }
    }
}
