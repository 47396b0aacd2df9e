import JianzhengBase

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

    public init(
        rulesDigest: String, rulesFiles: Int, corpusDigest: String, corpusFiles: Int, policy: String, asOf: CalendarDate, overlays: [String]
    ) {
        engineVersion = Self.engineVersion
        self.rulesDigest = rulesDigest
        self.rulesFiles = rulesFiles
        self.corpusDigest = corpusDigest
        self.corpusFiles = corpusFiles
        self.policy = policy
        self.asOf = asOf
        self.overlays = overlays
    }
}
