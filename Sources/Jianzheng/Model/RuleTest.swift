import JianzhengBase

/// `test "…" { as-of …; policy …; expect … }`: an expectation on the review, written in the DSL.
public struct RuleTest: Sendable {
    public var title: String
    public var asOf: CalendarDate?
    public var policy: String?
    public var expectations: [Expectation]
    public var range: SourceRange
}

/// One expectation of a rule test.
public enum Expectation: Sendable {
    /// `expect "ID" MATERIAL { verdict …; reason …; flag … }`.
    case decision(procedure: String, material: String, verdict: Verdict?, reason: ReasonCode?, flags: [Flag], range: SourceRange)
    /// `expect-cycle "A", "B"`: these procedures form a circular proof (in any rotation).
    case cycle(procedures: [String], unresolved: Bool?, range: SourceRange)
    /// `expect-finding KIND ["ID" [MATERIAL]]`: in a proposal, the diff against the catalogue has this finding.
    case finding(kind: FindingKind, procedure: String?, material: String?, range: SourceRange)
    /// `expect-gate pass|fail`: in a proposal, whether `jianzheng diff` under the default `--fail-on` fails.
    case gate(fails: Bool, range: SourceRange)
}
