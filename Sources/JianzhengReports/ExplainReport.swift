import Jianzheng

/// `jianzheng explain`: the full reasoning for one decision, in plain Chinese with citations.
public enum ExplainReport {
    public static func render(_ decision: Decision, review: Review, notice: CommitmentNotice = .standard(.zh)) -> String {
        let words = OutcomeWording.chinese
        var lines: [String] = []
        lines.append("事项 \(decision.procedureID) \(decision.procedureName)（\(decision.department)）")
        lines.append("材料 \(decision.material)（\(decision.kind.chinese)）")
        lines.append("评估日期 \(review.asOf) · 政策 \(review.policy.name)")
        lines.append("")
        lines.append("结论：\(decision.verdict.chinese)（\(decision.verdict.rawValue)），理由代码 \(decision.reason.rawValue)")
        lines.append("决定规则：" + (decision.rule.map { "“\($0)”" } ?? "默认（otherwise）") + " — \(words.because(decision))")
        for article in decision.ruleCitations { lines += quote(article, prefix: "规则依据") }
        if let replacement = decision.replacement { lines.append("替代方式：\(words.replacement(replacement))") }
        if !decision.flags.isEmpty { lines.append("提示：" + decision.flags.map(\.rawValue).joined(separator: ", ")) }
        lines.append("未采用的处理方式：")
        lines += words.alternativesNotTaken(decision).map { "  " + $0 }
        if !decision.conditions.isEmpty {
            lines.append("")
            lines.append("办理条件（本材料是其证据）")
            for check in decision.conditions {
                lines.append("  “\(check.condition.name)”（\(statusText(check.basis.status))；\(words.proof(check.condition.proof))）")
                if check.basis.articles.isEmpty { lines.append("    未引用设定该条件的依据") }
                for article in check.basis.articles { lines += quote(article, prefix: "    设定条件") }
                if let delegation = check.basis.delegation { lines.append("    注意：\(words.delegation(delegation))") }
                if !check.condition.items.isEmpty { lines.append("    所需信息：" + check.condition.items.joined(separator: "、")) }
                if let other = check.provenBy { lines.append("    已由“\(other)”证明") }
                // The evidence the procedure asks for this condition, and what was decided for each.
                let evidence = decision.procedure.requirements.filter { $0.evidenceOf.contains(check.condition.name) }.map { requirement in
                    let verdict = review.decision(decision.procedureID, requirement.material).map { "：" + $0.verdict.chinese } ?? ""
                    return "“\(requirement.material)”" + (requirement.material == decision.material ? "（本材料）" : "") + verdict
                }
                lines.append("    证据：" + evidence.joined(separator: "；"))
            }
        }
        if !decision.situations.isEmpty {
            lines.append("")
            lines.append("办理情形")
            lines += decision.situations.map { "  " + words.situation($0) + "，理由代码 \($0.reason.rawValue)" }
        }
        lines.append("")
        lines.append("一、设定依据（\(statusText(decision.basis.status))）")
        if decision.basis.articles.isEmpty { lines.append("  未引用任何依据") }
        for article in decision.basis.articles { lines += quote(article, prefix: "  引用") }
        if let delegation = decision.basis.delegation { lines.append("  注意：\(words.delegation(delegation))") }
        if decision.basis.conditionOnly { lines.append("  注意：所引条款只规定条件，未规定须提交证明，宜通过共享或告知承诺核实") }
        lines.append("")
        lines.append("二、数据共享核查")
        if decision.sharing.options.isEmpty { lines.append("  没有能提供该材料所证明信息的数据资源") }
        for option in decision.sharing.options {
            let status = words.mode(of: option).map { "可用：\($0)" } ?? "不可用：\(option.refusal.map(words.refusal) ?? "")"
            var line = "  “\(option.source)”（\(option.provider)）\(status)，覆盖 \(Numbers.percent(option.coverage))"
            if let note = option.coverageNote { line += "（\(note)）" }
            if !option.coveredSituations.isEmpty { line += "（仅覆盖" + option.coveredSituations.joined(separator: "、") + "）" }
            lines.append(line)
        }
        if decision.sharing.omitted > 0 {
            lines.append("  另有 \(decision.sharing.omitted) 个数据资源持有所需信息，未逐一列出（结论已计入）")
        }
        if let fallback = decision.uncovered { lines.append("  数据资源未覆盖的申请人：\(words.uncovered(fallback))") }
        lines.append("")
        lines.append("三、告知承诺核查")
        let check = decision.commitment
        if !check.available { lines.append("  该材料未列入告知承诺目录") }
        if !check.excludedBy.isEmpty {
            lines.append("  所证明事项直接涉及" + check.excludedBy.map(\.chinese).joined(separator: "、") + "，不适用告知承诺")
        } else if check.available {
            lines.append("  不涉及排除事项，可以告知承诺")
        }
        if let plan = check.plan {
            let parts = [plan.auditor, plan.method.rawValue, plan.withinWorkingDays.map { "\($0)个工作日内" }, "抽查 \(Numbers.percent(plan.sample))"]
            lines.append("  核查：" + parts.compactMap { $0 }.joined(separator: " · "))
            let source = OutcomeWording.chinese.commitmentSource(check.terms)
            if !source.isEmpty { lines.append("  承诺依据：" + source) }
            lines.append("")
            lines += notice.fill(decision, plan: plan).split(separator: "\n").map { "  | " + $0 }
        }
        lines.append("")
        lines.append("四、规则逐条评估 trace")
        for step in decision.trace {
            let facts = step.facts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            lines.append("  \(step.rule): \(step.outcome.rawValue)" + (facts.isEmpty ? "" : " [\(facts)]"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quote(_ article: CitedArticle, prefix: String) -> [String] {
        var head = "\(prefix) \(article.citation)"
        if let act = article.act {
            head += " → 《\(act)》" + (article.provision ?? "") + "（\(article.rankChinese ?? "")"
            head += article.versionFrom.map { "，\($0)起施行的版本" } ?? ""
            head += "）"
        }
        var lines = [head]
        if !article.text.isEmpty {
            lines += OutcomeWording.quotation(article).split(separator: "\n").map { "      “" + $0 + "”" }
            if let status = article.textStatus, status != "verified" { lines.append("      （条文状态：\(status)，引用前请与公报核对）") }
        }
        if let problem = OutcomeWording.chinese.problem(article) { lines.append("      问题：\(problem)") }
        return lines
    }

    private static func statusText(_ status: BasisAssessment.Status) -> String {
        switch status {
        case .sufficient: "依据充分"
        case .none: "无依据"
        case .rankInsufficient: "依据位阶不足"
        case .repealed: "依据已废止或已修改删除"
        case .notYetInForce: "依据尚未施行"
        case .outsideTerritory: "依据不适用于本地"
        case .pending: "依据待核实：所引法规不在法律依据库中"
        }
    }
}
