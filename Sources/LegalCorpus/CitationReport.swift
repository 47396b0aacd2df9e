import JianzhengBase

/// Plain-text description of a resolved citation, as `jianzheng cite` prints it.
public enum CitationReport {
    public static func text(_ resolved: ResolvedCitation, on date: CalendarDate) -> String {
        var lines: [String] = []
        lines.append("引用 citation: \(resolved.citation.text)")
        if let act = resolved.act {
            lines.append("文件 act: 《\(act.title)》" + (act.documentNumber.map { "（\($0)）" } ?? ""))
            lines.append("位阶 rank: \(act.rank.chinese) (\(act.rank.rawValue))；制定机关 issuer: \(act.issuer)")
            lines.append("地域 territory: \(act.territoryName) (\(act.territory))")
            var status = "施行 effective: \(act.effective)"
            if let repealed = act.repealed { status += "；废止 repealed: \(repealed)" }
            lines.append(status)
            if let version = resolved.version {
                let until = version.validUntil.map { " – \($0)" } ?? " –"
                lines.append("版本 version: \(version.validFrom)\(until) (\(version.expressionURI))")
            }
            if act.textStatus != .verified {
                lines.append("注意 note: 条文状态 text status \(act.textStatus.rawValue)，引用前请与公报核对")
            }
        }
        if let renumbered = resolved.renumberedLabel, let version = resolved.version {
            lines.append(
                "注意 note: \(version.validFrom)起施行的修改重新编号，原\(resolved.citation.description.replacingOccurrences(of: "《\(resolved.citation.actName)》", with: ""))现为\(renumbered)；"
                    + "写于修改之前的引用所指应为\(renumbered) (renumbered by the amendment in force from \(version.validFrom): the former article is now \(renumbered))")
        }
        if let provision = resolved.provision {
            lines.append("条款 provision: \(provision.label) [\(provision.eId)]")
            lines.append(provision.text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        }
        if let problem = resolved.problem {
            lines.append("结论 status on \(date): 无效 — \(problem.chinese)")
            lines.append("  (\(problem.english))")
        } else {
            lines.append("结论 status on \(date): 有效 valid")
        }
        return lines.joined(separator: "\n")
    }
}
