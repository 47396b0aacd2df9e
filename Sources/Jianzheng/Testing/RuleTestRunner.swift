import JianzhengBase

/// The outcome of one `test` block.
public struct RuleTestResult: Sendable {
    public var test: RuleTest
    public var failures: [RuleTestFailure]
    /// Policy rules that decided an expected decision, and materials the expectations named.
    public var rulesExercised: Set<String>
    public var materialsExercised: Set<String>
    public var passed: Bool { failures.isEmpty }
}

/// One failed expectation: what was expected, what the review said, and why.
public struct RuleTestFailure: Sendable {
    public var message: String
    public var expected: String
    public var actual: String
    /// The rule trace of the decision, when there is one.
    public var trace: [TraceStep]
    public var range: SourceRange
}

/// Runs the `test` blocks of a catalogue against reviews of that catalogue.
public struct RuleTestRunner: Sendable {
    public let engine: ReviewEngine
    /// For tests inside a proposal: the catalogue without the proposal, to diff against.
    public let baseline: ReviewEngine?
    /// The date used by tests that give no `as-of`.
    public let defaultDate: CalendarDate

    public init(engine: ReviewEngine, baseline: ReviewEngine? = nil, defaultDate: CalendarDate) {
        self.engine = engine
        self.baseline = baseline
        self.defaultDate = defaultDate
    }

    public func run(_ tests: [RuleTest]) -> [RuleTestResult] {
        var reviews: [String: Result<(Review, ReviewDiff?), ReviewError>] = [:]
        return tests.map { test in
            let date = test.asOf ?? defaultDate
            let key = "\(date)\u{0}\(test.policy ?? "")"
            let outcome = reviews[key] ?? Result { () throws(ReviewError) in
                let review = try engine.review(asOf: date, policy: test.policy)
                guard let baseline else { return (review, nil) }
                let before = try baseline.review(asOf: date, policy: test.policy)
                return (review, ReviewDiff.compare(
                    before: before, beforeCatalogue: baseline.catalogue, after: review, afterCatalogue: engine.catalogue))
            }
            reviews[key] = outcome
            switch outcome {
            case .failure(let error):
                return RuleTestResult(
                    test: test,
                    failures: [RuleTestFailure(message: "cannot review: \(error.description)", expected: "", actual: "", trace: [], range: test.range)],
                    rulesExercised: [], materialsExercised: [])
            case .success(let (review, diff)):
                return check(test, against: review, diff: diff)
            }
        }
    }

    private func check(_ test: RuleTest, against review: Review, diff: ReviewDiff?) -> RuleTestResult {
        var failures: [RuleTestFailure] = []
        var rules = Set<String>()
        var materials = Set<String>()
        for expectation in test.expectations {
            switch expectation {
            case .decision(let procedure, let material, let verdict, let reason, let flags, let range):
                materials.insert(material)
                guard let decision = review.decision(procedure, material) else {
                    failures.append(RuleTestFailure(
                        message: "procedure '\(procedure)' does not require '\(material)'", expected: "a requirement",
                        actual: "none", trace: [], range: range))
                    continue
                }
                if let rule = decision.rule { rules.insert("\(review.policy.name).\(rule)") }
                let actual = "\(decision.verdict.rawValue) because \(decision.reason.rawValue), flags [\(decision.flags.map(\.rawValue).joined(separator: ", "))], rule \(decision.rule ?? "otherwise")"
                var wrong: [String] = []
                if let verdict, verdict != decision.verdict { wrong.append("verdict \(verdict.rawValue)") }
                if let reason, reason != decision.reason { wrong.append("reason \(reason.rawValue)") }
                for flag in flags where !decision.flags.contains(flag) { wrong.append("flag \(flag.rawValue)") }
                if !wrong.isEmpty {
                    failures.append(RuleTestFailure(
                        message: "\(procedure) \(material): expected \(wrong.joined(separator: ", "))",
                        expected: wrong.joined(separator: ", "), actual: actual, trace: decision.trace, range: range))
                }
            case .cycle(let procedures, let unresolved, let range):
                let wanted = Set(procedures)
                guard let cycle = review.cycles.first(where: { Set($0.procedures) == wanted }) else {
                    let found = review.cycles.map { "{" + $0.procedures.joined(separator: ", ") + "}" }.joined(separator: " ")
                    failures.append(RuleTestFailure(
                        message: "no circular proof of exactly " + procedures.joined(separator: ", "),
                        expected: procedures.joined(separator: ", "), actual: found.isEmpty ? "no cycles" : found, trace: [], range: range))
                    continue
                }
                if let unresolved, unresolved != (cycle.status == .unresolved) {
                    failures.append(RuleTestFailure(
                        message: "circular proof status differs", expected: unresolved ? "CIRCULAR_UNRESOLVED" : "broken",
                        actual: cycle.status.rawValue, trace: [], range: range))
                }
            case .finding(let kind, let procedure, let material, let range):
                guard let diff else {
                    failures.append(Self.needsProposal(range))
                    continue
                }
                let describe = { (finding: DiffFinding) in "\(finding.kind.rawValue) \(finding.procedureID ?? "")" }
                let matching = diff.findings.filter {
                    $0.kind == kind && (procedure == nil || $0.procedureID == procedure) && (material == nil || $0.material == material)
                }
                if matching.isEmpty {
                    failures.append(RuleTestFailure(
                        message: "the diff has no finding \(kind.rawValue)" + (procedure.map { " for \($0)" } ?? "") + (material.map { " \($0)" } ?? ""),
                        expected: kind.rawValue, actual: diff.findings.map(describe).joined(separator: "; "),
                        trace: [], range: range))
                }
            case .gate(let fails, let range):
                guard let diff else {
                    failures.append(Self.needsProposal(range))
                    continue
                }
                let failing = diff.findings.filter { FailurePolicy.default.fails($0) }
                let described = failing.map { "\($0.kind.rawValue) \($0.procedureID ?? "") \($0.material ?? "")" }
                if fails != !failing.isEmpty {
                    failures.append(RuleTestFailure(
                        message: "the diff gate \(failing.isEmpty ? "passes" : "fails")", expected: fails ? "fail" : "pass",
                        actual: failing.isEmpty ? "pass" : "fail: " + described.joined(separator: "; "), trace: [], range: range))
                }
            }
        }
        return RuleTestResult(test: test, failures: failures, rulesExercised: rules, materialsExercised: materials)
    }

    private static func needsProposal(_ range: SourceRange) -> RuleTestFailure {
        RuleTestFailure(
            message: "expect-finding and expect-gate belong in a proposal file (examples/proposals/…), run as an overlay",
            expected: "a proposal", actual: "a catalogue test", trace: [], range: range)
    }

    /// Policy rules and materials that no passing or failing expectation exercised.
    public static func coverage(_ results: [RuleTestResult], catalogue: Catalogue) -> (rules: [String], materials: [String]) {
        let rules = results.reduce(into: Set<String>()) { $0.formUnion($1.rulesExercised) }
        let materials = results.reduce(into: Set<String>()) { $0.formUnion($1.materialsExercised) }
        let allRules = catalogue.policies.values.flatMap { policy in policy.rules.map { "\(policy.name).\($0.name)" } }
        let untestedRules = allRules.filter { !rules.contains($0) }
        let untestedMaterials = catalogue.materials.keys.filter { !materials.contains($0) }
        return (untestedRules.sorted(), untestedMaterials.sorted())
    }
}
