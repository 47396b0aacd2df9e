import JianzhengSyntax

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
    /// The date used by tests that give no `as-of`.
    public let defaultDate: CalendarDate

    public init(engine: ReviewEngine, defaultDate: CalendarDate) {
        self.engine = engine
        self.defaultDate = defaultDate
    }

    public func run(_ tests: [RuleTest]) -> [RuleTestResult] {
        var reviews: [String: Result<Review, ReviewError>] = [:]
        return tests.map { test in
            let date = test.asOf ?? defaultDate
            let key = "\(date)\u{0}\(test.policy ?? "")"
            let outcome = reviews[key] ?? Result { () throws(ReviewError) in try engine.review(asOf: date, policy: test.policy) }
            reviews[key] = outcome
            switch outcome {
            case .failure(let error):
                return RuleTestResult(
                    test: test,
                    failures: [RuleTestFailure(message: "cannot review: \(error.description)", expected: "", actual: "", trace: [], range: test.range)],
                    rulesExercised: [], materialsExercised: [])
            case .success(let review):
                return check(test, against: review)
            }
        }
    }

    private func check(_ test: RuleTest, against review: Review) -> RuleTestResult {
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
            }
        }
        return RuleTestResult(test: test, failures: failures, rulesExercised: rules, materialsExercised: materials)
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
