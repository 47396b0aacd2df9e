import Foundation
import JianzhengBase
import JianzhengSyntax

/// What a report was computed from, so that anyone can reproduce it: the engine version, digests of the
/// rule files and of the legal corpus, the policy and the as-of date.
public struct ReproducibilityReceipt: Sendable, Codable {
    /// The engine version printed in every report.
    public static let engineVersion = "0.3.0"

    public var engineVersion: String
    /// SHA-256 over the sorted `.jz` files (path and contents).
    public var rulesDigest: String
    public var rulesFiles: Int
    /// SHA-256 over the sorted corpus documents (path and contents).
    public var corpusDigest: String
    public var corpusFiles: Int
    public var policy: String
    public var asOf: CalendarDate
    public var overlays: [String]

    public init(workspace: Workspace, review: Review) {
        engineVersion = Self.engineVersion
        let files = workspace.files.sorted { $0.path < $1.path }
        rulesDigest = Self.digest(files.map { ($0.path, $0.bytes) })
        rulesFiles = files.count
        let corpus = Self.corpusFiles(workspace.corpusDirectory) + workspace.overlays.filter { $0.hasSuffix(".xml") }
        corpusDigest = Self.digest(corpus.sorted().map { ($0, [UInt8](FileManager.default.contents(atPath: $0) ?? Data())) })
        corpusFiles = corpus.count
        policy = review.policy.name
        asOf = review.asOf
        overlays = workspace.overlays
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
        let names = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
        return names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".xsd") }.map { (directory as NSString).appendingPathComponent($0) }
    }
}
