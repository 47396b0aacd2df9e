import JianzhengBase
import JianzhengSyntax

/// Static checks of a policy: exceptions that name no rule, rules that can never fire because an earlier
/// rule always fires first, and rules with the same condition but different verdicts.
enum PolicyChecker {
    static func check(_ policy: Policy, into reader: inout AttributeReader) {
        let names = policy.rules.map(\.name)
        for rule in policy.rules {
            if let target = rule.exceptionTo, !names.contains(target) {
                let suggestion = Suggestions.closest(to: target, among: names)
                reader.report(Diagnostic(
                    .unknownReference, "rule '\(rule.name)' is an exception to unknown rule '\(target)'", at: rule.range,
                    notes: suggestion.map { Diagnostic.Note("did you mean '\($0)'?") }))
            }
        }
        let byName = Dictionary(policy.rules.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for rule in policy.rules {
            // Exceptions that come back to the rule they start from have no evaluation order.
            var chain = [rule.name]
            var next = rule.exceptionTo
            while let target = next, let excepted = byName[target], chain.count <= policy.rules.count {
                chain.append(target)
                if target == rule.name {
                    reader.report(Diagnostic(
                        .policyExceptionCycle, "rule '\(rule.name)' is an exception to itself: " + chain.joined(separator: " → "), at: rule.range))
                    break
                }
                next = excepted.exceptionTo
            }
            if let effective = rule.effective, let until = policy.until, effective >= until {
                reader.report(Diagnostic(
                    .policyRuleUnreachable, "rule '\(rule.name)' takes effect on \(effective), when policy '\(policy.name)' is no longer in force",
                    at: rule.range))
            }
        }
        // A fact read off article texts never holds without its phrases: say so where a rule relies on it.
        let needs: [(Fact, [String], String)] = [
            (.basisDelegated, policy.phrases.delegation, "delegation-phrases"), (.basisConditionOnly, policy.phrases.documentWords, "document-words"),
            (.dutyShifted, policy.phrases.investigation, "investigation-phrases"),
        ]
        for rule in policy.rules {
            let reads = Set((rule.when?.facts ?? []) + (rule.unless?.facts ?? []))
            for (fact, phrases, attribute) in needs where phrases.isEmpty && reads.contains(fact) {
                reader.report(Diagnostic(
                    .policyPhrasesMissing,
                    "rule '\(rule.name)' reads '\(fact.rawValue)', which never holds: policy '\(policy.name)' declares no '\(attribute)'",
                    at: rule.range))
            }
        }
        if policy.otherwise == nil {
            reader.report(Diagnostic(
                .policyNoDefault, "policy '\(policy.name)' has no 'otherwise' verdict for materials no rule decides",
                at: policy.range, fixIts: [Diagnostic.FixIt("add a default", range: policy.range, replacement: "otherwise keep")]))
        }
        let ordered = policy.evaluationOrder
        for (index, rule) in ordered.enumerated() {
            for earlier in ordered[..<index] where earlier.effective == nil || earlier.effective == rule.effective {
                let shadows = earlier.unless == nil && (earlier.when == nil || earlier.when == .always)
                let same = earlier.when == rule.when && earlier.unless == rule.unless
                guard shadows || same else { continue }
                if same, earlier.verdict != rule.verdict {
                    reader.report(Diagnostic(
                        .policyRuleConflict,
                        "rules '\(earlier.name)' and '\(rule.name)' have the same condition but give '\(earlier.verdict.rawValue)' and '\(rule.verdict.rawValue)'",
                        at: rule.range, notes: [Diagnostic.Note("'\(earlier.name)' is here and always wins", at: earlier.range)]))
                } else {
                    reader.report(Diagnostic(
                        .policyRuleUnreachable, "rule '\(rule.name)' can never fire: '\(earlier.name)' always fires first",
                        at: rule.range, notes: [Diagnostic.Note("'\(earlier.name)' is here", at: earlier.range)]))
                }
                break
            }
        }
    }

    /// Two policies in force on the same days (a warning: a catalogue may hold alternatives to compare with
    /// `--policy`). Without `--policy` the review applies the one that took effect later and says so; of two that
    /// took effect the same day it cannot choose, and refuses to review without `--policy`.
    static func checkOverlaps(_ policies: [Policy], only names: Set<String>?, into reader: inout AttributeReader) {
        for (index, first) in policies.enumerated() {
            for second in policies[(index + 1)...] where names.map({ $0.contains(first.name) || $0.contains(second.name) }) ?? true {
                let start = max(first.effective, second.effective)
                let ends = [first.until, second.until].compactMap { $0 }
                guard ends.allSatisfy({ start < $0 }) else { continue }
                let (earlier, later) = first.effective <= second.effective ? (first, second) : (second, first)
                let period = "from \(start)" + (ends.min().map { " until \($0)" } ?? "")
                if earlier.effective == later.effective {
                    reader.report(Diagnostic(
                        .policyOverlap, "policies '\(earlier.name)' and '\(later.name)' take effect on the same day and are both in force \(period); a review of those days needs --policy",
                        at: later.range, notes: [Diagnostic.Note("'\(earlier.name)' is here", at: earlier.range)]))
                } else {
                    reader.report(Diagnostic(
                        .policyOverlap, "policies '\(earlier.name)' and '\(later.name)' are both in force \(period); without --policy the later one, '\(later.name)', is applied",
                        at: later.range, notes: [Diagnostic.Note("'\(earlier.name)' is here", at: earlier.range)]))
                }
            }
        }
    }
}
