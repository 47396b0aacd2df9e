import Jianzheng
import JianzhengBase

/// The readable form of a diff: per procedure what changed and why, cycles, burden, and the findings.
public enum DiffReport {
    public static func render(_ diff: ReviewDiff, beforeLabel: String, afterLabel: String, failing: (DiffFinding) -> Bool) -> String {
        var lines: [String] = []
        lines.append("对比 diff: \(beforeLabel) → \(afterLabel)")
        lines.append("日期 as of \(diff.after.asOf)  ·  政策 policy \(diff.before.policy.name) → \(diff.after.policy.name)")
        lines.append("")
        if diff.changes.isEmpty { lines.append("材料要求与结论均无变化 no requirement or verdict changes") }
        var currentProcedure = ""
        for change in diff.changes {
            if change.procedureID != currentProcedure {
                currentProcedure = change.procedureID
                lines.append("\(change.procedureID) \(change.procedureName)")
            }
            let before = change.before.map { "\($0.verdict.chinese)（\($0.reason.rawValue)）" } ?? "—"
            let after = change.after.map { "\($0.verdict.chinese)（\($0.reason.rawValue)）" } ?? "—"
            switch change.kind {
            case .added: lines.append("  + 新增 \(change.material) → \(after)")
            case .removed: lines.append("  - 删除 \(change.material)（原为 \(before)）")
            case .changed: lines.append("  ~ 变更 \(change.material)：\(before) → \(after)")
            case .verdictOnly: lines.append("  = 结论变化 \(change.material)：\(before) → \(after)")
            }
            for detail in change.details { lines.append("      \(OutcomeWording.chinese.fieldChange(detail))") }
            if let after = change.after, change.kind != .removed { lines.append("      理由 because: \(OutcomeWording.chinese.because(after))") }
        }
        if !diff.cyclesCreated.isEmpty || !diff.cyclesBroken.isEmpty {
            lines.append("")
            for cycle in diff.cyclesCreated {
                lines.append("新增循环证明 new circular proof: " + (cycle.path + [cycle.path[0]]).joined(separator: " → ") + " [\(cycle.status.rawValue)]")
            }
            for cycle in diff.cyclesBroken {
                lines.append("消除循环证明 circular proof gone: " + cycle.procedures.joined(separator: ", "))
            }
        }
        if !diff.burdenChanges.isEmpty {
            lines.append("")
            lines.append("负担（审查后，每件）burden after verdicts, per application: 证明/跑动/天")
            for (before, after) in diff.burdenChanges {
                let id = after?.procedureID ?? before?.procedureID ?? ""
                let name = after?.procedureName ?? before?.procedureName ?? ""
                lines.append("  \(id) \(name)：\(triple(before?.after)) → \(triple(after?.after))")
            }
        }
        lines.append("")
        lines.append("年成本 annual cost (元) \(Numbers.grouped(diff.before.annualCostAfter)) → \(Numbers.grouped(diff.after.annualCostAfter))；"
            + "年跑动 trips \(Numbers.grouped(diff.before.annualTripsAfter)) → \(Numbers.grouped(diff.after.annualTripsAfter))")
        lines.append("")
        lines.append("发现 findings (\(diff.findings.count))")
        for finding in diff.findings {
            let place = finding.location.map { DiagnosticRenderer.position($0.start) + ": " } ?? ""
            let mark = failing(finding) ? " [fails]" : ""
            lines.append("  \(place)\(finding.severity.rawValue): \(OutcomeWording.chinese.finding(finding)) [\(finding.kind.rawValue)]\(mark)")
        }
        let failed = diff.findings.filter(failing).count
        lines.append(failed == 0 ? "结果 result: pass" : "结果 result: fail (\(failed) finding(s) fail under --fail-on)")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func triple(_ burden: Burden?) -> String {
        guard let burden else { return "—" }
        return "\(Numbers.fixed(burden.certificates))/\(Numbers.fixed(burden.trips))/\(Numbers.fixed(burden.days))"
    }
}
