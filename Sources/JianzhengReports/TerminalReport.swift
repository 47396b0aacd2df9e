import Jianzheng

/// The readable summary `jianzheng review` prints: counts, removals, cycles, burden, heaviest procedures.
public enum TerminalReport {
    public static func render(_ review: Review, heaviest: Int = 5) -> String {
        var lines: [String] = []
        let title = review.policy.title.map { "（\($0)）" } ?? ""
        lines.append("减证审查 Jianzheng review")
        lines.append("日期 as of \(review.asOf)  ·  政策 policy \(review.policy.name)\(title)")
        if let note = review.policyNote { lines.append("注意 note: \(OutcomeWording.chinese.policyNote(note))") }
        let certificates = review.decisions.filter { $0.kind == .certificate }.count
        lines.append("事项 procedures \(review.burdens.count)  ·  材料要求 requirements \(review.decisions.count)（其中证明 certificates \(certificates)）")
        lines.append("")
        lines.append("结论 verdicts")
        let counts = review.verdictCounts
        for verdict in Verdict.allCases {
            lines.append("  \(pad(verdict.chinese + " " + verdict.rawValue, 28)) \(counts[verdict] ?? 0)")
        }
        lines.append("")
        lines.append("理由 reasons")
        for (reason, count) in review.reasonCounts.sorted(by: { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }) {
            lines.append("  \(pad(reason.rawValue, 28)) \(count)")
        }
        let removed = review.decisions.filter { $0.verdict == .remove }
        if !removed.isEmpty {
            lines.append("")
            lines.append("取消的证明 certificates to remove (\(removed.count))")
            for decision in removed {
                lines.append("  \(decision.procedureID) \(decision.procedureName) · \(decision.material) — \(decision.reason.rawValue)")
                if let replacement = decision.replacement { lines.append("      替代 instead: \(OutcomeWording.chinese.replacement(replacement))") }
            }
        }
        let words = OutcomeWording.chinese
        let conditioned = review.decisions.filter { !$0.conditions.isEmpty }
        if !conditioned.isEmpty {
            lines.append("")
            lines.append("办理条件 conditions proven (\(conditioned.count))")
            for decision in conditioned {
                lines.append("  \(decision.procedureID) \(decision.procedureName) · \(decision.material) — \(decision.verdict.chinese) \(decision.reason.rawValue)")
                for check in decision.conditions {
                    let articles = check.basis.articles.map { article in
                        article.act.map { "《\($0)》\(article.provision ?? "")（\(article.rankChinese ?? "")）" } ?? article.citation
                    }
                    let basis = articles.isEmpty ? "未引用依据 no basis cited" : articles.joined(separator: "、")
                    lines.append("      条件 condition: \(check.condition.name) ← \(basis)" + (check.provenBy.map { "，已由\($0)证明" } ?? ""))
                }
            }
        }
        let uncovered = review.decisions.filter { $0.uncovered != nil }
        if !uncovered.isEmpty {
            lines.append("")
            lines.append("数据未覆盖的申请人 applicants a source does not cover (\(uncovered.count))")
            for decision in uncovered {
                let coverage = decision.sharing.best.map { "“\($0.source)”覆盖 \(Numbers.percent($0.coverage))" } ?? ""
                lines.append("  \(decision.procedureID) \(decision.procedureName) · \(decision.material) — \(coverage)")
                if decision.situations.isEmpty {
                    lines.append("      其余申请人 the others: \(decision.uncovered.map(words.uncovered) ?? "")")
                } else {
                    lines.append("      情形 situations: " + decision.situations.map(words.situation).joined(separator: "；"))
                }
            }
        }
        lines.append("")
        let broken = review.cycles.filter { $0.status == .broken }.count
        lines.append("循环证明 circular proofs \(review.cycles.count)（破除 broken \(broken)，未解决 unresolved \(review.cycles.count - broken)）")
        for cycle in review.cycles {
            lines.append("  " + (cycle.path + [cycle.path[0]]).joined(separator: " → ") + "  [\(cycle.status.rawValue)]")
            if let cut = cycle.cheapestCut, let reason = OutcomeWording.chinese.cut(cycle) {
                lines.append("      优先切断 cut first: \(cut.from) 索要 \(cut.material) — \(reason)")
            }
        }
        lines.append("")
        let findings = review.stepFindings
        let unbased = findings.filter { $0.kind == .stepWithoutBasis }
        lines.append("办事环节与时限 steps and time limits：\(findings.count - unbased.count) 项建议 suggestions，\(unbased.count) 个环节无依据 steps without basis")
        for finding in findings where finding.kind != .stepWithoutBasis {
            lines.append("  \(finding.procedureID) \(finding.kind.rawValue)：\(OutcomeWording.chinese.stepFinding(finding))")
        }
        if !unbased.isEmpty {
            let procedures = Set(unbased.map(\.procedureID)).count
            lines.append("  step-without-basis：\(procedures) 个事项 procedures（jianzheng review --format json 列出每个环节）")
        }
        lines.append("")
        let model = review.costModel
        lines.append("办事负担（每年）annual burden" + (model.map { "（成本模型 \($0.name)）" } ?? "（未指定成本模型 no cost model）"))
        lines.append("  跑动次数 trips   \(Numbers.grouped(review.annualTripsBefore)) → \(Numbers.grouped(review.annualTripsAfter))（减少 saved \(Numbers.grouped(review.annualTripsBefore - review.annualTripsAfter))）")
        lines.append("  节省时间 hours saved \(Numbers.grouped(review.annualHoursSaved))")
        lines.append("  成本 cost (元) \(Numbers.grouped(review.annualCostBefore)) → \(Numbers.grouped(review.annualCostAfter))")
        if review.annualAuditHours > 0 {
            lines.append("  核查承诺 office audits \(Numbers.grouped(review.annualAuditHours)) 小时 hours（\(Numbers.grouped(review.annualAuditCost)) 元）")
        }
        lines.append("")
        lines.append("负担最重的事项 heaviest procedures（每件 per application: 证明/跑动/天 certificates/trips/days）")
        for burden in review.heaviest(heaviest) {
            lines.append(
                "  \(burden.procedureID) \(burden.procedureName)：\(triple(burden.before)) → \(triple(burden.after))，年成本 \(Numbers.grouped(burden.annualCost(burden.before, model))) → \(Numbers.grouped(burden.annualCost(burden.after, model))) 元")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func triple(_ burden: Burden) -> String {
        "\(Numbers.fixed(burden.certificates))/\(Numbers.fixed(burden.trips))/\(Numbers.fixed(burden.days))"
    }

    /// Pads to a display width, counting CJK characters as two cells.
    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - Self.width(text)))
    }

    /// The cells a text takes on a terminal: CJK characters two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}
