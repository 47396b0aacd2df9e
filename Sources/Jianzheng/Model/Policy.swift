import JianzhengBase
import JianzhengSyntax
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
    public var costModel: String?
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

/// Certificates an issuer kind may no longer issue (民发〔2020〕20号).
public struct IssuerProhibition: Sendable {
    public var issuerKinds: Set<DepartmentKind>
    /// Certificate names as published in the list.
    public var certificates: Set<String>
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
