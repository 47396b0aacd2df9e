import JianzhengBase
import LegalCorpus

/// A dated, cited rule set that decides every required material.
public struct Policy: Sendable {
    public var name: String
    public var title: String?
    public var cites: [CitationReference]
    public var effective: CalendarDate
    public var until: CalendarDate?
    /// Ranks whose acts may set a certificate requirement under this policy.
    public var sufficientRanks: Set<LegalRank>
    /// Matters whose certificates may not be replaced by a commitment.
    public var commitmentExcludes: Set<ConcernCategory>
    public var issuerProhibitions: [IssuerProhibition]
    /// The words by which the engine reads cited articles (`delegation-phrases`, `document-words`,
    /// `investigation-phrases`): visible in the rules, so a hearing can see why a fact held.
    public var phrases: TextPhrases
    public var costModel: String?
    /// The articles a 并联办理 (`parallel-cites`) and a 一口受理 (`one-window-cites`) suggestion rest on.
    public var parallelCites: [CitationReference] = []
    public var oneWindowCites: [CitationReference] = []
    /// The time limit within which a 行政许可 is decided unless a law or regulation sets another (`licensing-limit`:
    /// 行政许可法 §42, 20 working days, 10 more with the head's approval; §45 steps not counted).
    public var licensingLimit: LicensingLimit?
    /// Rules in declared order; exceptions are tried just before the rule they except.
    public var rules: [PolicyRule]
    public var otherwise: Verdict?
    public var range: SourceRange

    /// Whether the policy is in force on a date.
    public func isInForce(on date: CalendarDate) -> Bool {
        effective <= date && (until.map { date < $0 } ?? true)
    }

    /// Rules in evaluation order: each `exception-to` rule is moved just before the rule it excepts.
    public var evaluationOrder: [PolicyRule] {
        var ordered = rules.filter { $0.exceptionTo == nil }
        for exception in rules.reversed() where exception.exceptionTo != nil {
            let target = ordered.firstIndex { $0.name == exception.exceptionTo } ?? ordered.count
            ordered.insert(exception, at: target)
        }
        return ordered
    }
}

/// The phrases a policy reads article texts by. An empty list makes its fact never hold.
public struct TextPhrases: Sendable {
    /// Phrases by which an article hands the content of a requirement to other rules (`basis.delegated`).
    public var delegation: [String]
    /// Words by which an article names a document, not only a condition (else `basis.condition-only`).
    public var documentWords: [String]
    /// Phrases by which a procedure's basis makes the office investigate the facts itself (`duty-shifted`).
    public var investigation: [String]
    /// Names of sources that are not law (`non-law-sources 办事指南, 内部规程`): a basis citing only them is no basis,
    /// never one waiting for verification.
    public var nonLawSources: [String]

    public init(delegation: [String] = [], documentWords: [String] = [], investigation: [String] = [], nonLawSources: [String] = []) {
        self.delegation = delegation
        self.documentWords = documentWords
        self.investigation = investigation
        self.nonLawSources = nonLawSources
    }
}

/// Certificates an issuer kind may no longer issue (民发〔2020〕20号).
public struct IssuerProhibition: Sendable {
    /// How a material's name is matched against the published certificate names.
    public enum Matching: String, Sendable, CaseIterable {
        /// The name is one of the listed names.
        case exact
        /// The name is, or ends with, a listed name (`社区亲属关系证明` is a `亲属关系证明`).
        case ending
    }

    public var issuerKinds: Set<DepartmentKind>
    /// Certificate names as published in the list.
    public var certificates: Set<String>
    public var matching: Matching

    /// Whether a material is one of the prohibited certificates: by the types it is declared `listed-as`, else by
    /// its name (exactly, or by its ending under `matching ending`).
    public func covers(_ material: Material) -> Bool {
        if !material.listedAs.isEmpty { return material.listedAs.contains(where: certificates.contains) }
        return certificates.contains(material.name) || (matching == .ending && certificates.contains { material.name.hasSuffix($0) })
    }
    public var cites: [CitationReference]
    public var range: SourceRange
}

/// `rule NAME { verdict …; when …; unless …; because …; cites … }`.
public struct PolicyRule: Sendable {
    public var name: String
    public var verdict: Verdict
    public var when: Condition?
    public var unless: Condition?
    public var because: String
    public var cites: [CitationReference]
    /// The reason code this rule gives; when nil the engine derives it from the facts.
    public var reason: ReasonCode?
    /// This rule is an exception to (and so is tried before) the named rule.
    public var exceptionTo: String?
    /// The rule applies only on and after this date.
    public var effective: CalendarDate?
    public var range: SourceRange
}

/// A statutory ceiling on how long a 行政许可 may take (`licensing-limit 20 工作日 { extension 10 工作日  basis … }`).
public struct LicensingLimit: Sendable {
    /// Working days from acceptance to the decision.
    public var days: Int
    /// Further working days the head of the office may approve.
    public var extensionDays: Int
    public var basis: [CitationReference]
}
