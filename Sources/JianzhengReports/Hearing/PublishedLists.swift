import Jianzheng

/// The lists a reform office publishes, in the column layout of real lists (domain/README.md §6), plus the
/// whole catalogue in the columns `jianzheng import` reads, so an export can be imported again.
public struct PublishedLists {
    public enum Kind: String, CaseIterable, Sendable {
        /// 保留证明事项清单.
        case retained
        /// 取消证明事项清单.
        case cancelled
        /// 告知承诺事项目录: every commitment with its terms (a cancelled certificate replaced by one is here too).
        case commitment
        /// Materials obtained by data sharing.
        case sharing
        /// 待核实依据: requirements whose cited act or provision is not in the corpus, kept until it is verified.
        case pending
        /// Every requirement with its review result, in the import layout (the requirement's own basis, so that
        /// importing it again gives the same catalogue).
        case catalogue
        /// 拟保留公共服务事项汇总表: every procedure, its basis, who implements it and for whom, its time limits and
        /// fee, and what the review leaves of its certificates (甘政办发〔2016〕20号, 附件1—4; docs/guides.md).
        case retainedProcedures = "retained-procedures"
    }

    let decisions: [Decision]
    let catalogue: Catalogue
    let text: ReportText
    let words: OutcomeWording

    /// The review state of each decision (审核状态, from the workbench), added as the last column of every list of
    /// decisions when given.
    public var reviewStatus: (@Sendable (Decision) -> String)?

    public init(decisions: some Collection<Decision>, catalogue: Catalogue, language: ReportLanguage = .zh) {
        self.decisions = Array(decisions)
        self.catalogue = catalogue
        self.text = ReportText(language: language)
        self.words = OutcomeWording(language: language)
    }

    /// The list's title (the sheet name in a workbook).
    public func title(_ kind: Kind) -> String {
        switch kind {
        case .retained: text.retainedList
        case .cancelled: text.cancelledList
        case .commitment: text.commitmentList
        case .sharing: text.sharingList
        case .pending: text.pendingList
        case .catalogue: "事项材料目录"
        case .retainedProcedures: text.language == .zh ? "拟保留公共服务事项汇总表" : "Public services to retain"
        }
    }

    /// The list as a table, with the relative column widths of the published layout and its numeric columns.
    public func table(_ kind: Kind) -> ReportTable {
        var table = rows(kind)
        switch kind {
        case .retained: table.widths = [4, 10, 10, 18, 10, 10, 14, 8]
        case .cancelled: table.widths = [4, 12, 16, 10, 12, 16]
        case .commitment: (table.widths, table.numeric) = ([4, 11, 13, 14, 12, 8, 5, 5, 9], [0, 6, 7])
        case .sharing: (table.widths, table.numeric) = ([4, 12, 16, 14, 10, 10, 5], [0, 6])
        case .pending: table.widths = [4, 12, 14, 16, 16, 8]
        case .catalogue: table.numeric = [0, 5]
        case .retainedProcedures: table.widths = [4, 11, 13, 8, 18, 11, 8, 13, 9, 17]
        }
        if ![.catalogue, .commitment, .sharing].contains(kind) { table.numeric = [0] }
        if reviewStatus != nil, kind != .retainedProcedures, let widths = table.widths { table.widths = widths + [6] }
        return table
    }

    /// A numbered list of decisions, with the 审核状态 column when the review state is given.
    private func decisionRows(_ kind: Kind, header: [String], _ selected: [Decision], _ row: (Decision) -> [String]) -> ReportTable {
        let status = reviewStatus
        let rows = selected.enumerated().map { position, decision in
            ["\(position + 1)"] + row(decision) + (status.map { [$0(decision)] } ?? [])
        }
        return ReportTable(caption: title(kind), header: header + (status == nil ? [] : [text.reviewStatusHeader]), rows: rows)
    }

    private func rows(_ kind: Kind) -> ReportTable {
        let certificates = decisions.filter { $0.kind == .certificate }
        func numbered(_ rows: [[String]]) -> [[String]] { rows.enumerated().map { ["\($0.offset + 1)"] + $0.element } }
        switch kind {
        case .retained:
            return decisionRows(kind, header: text.retainedHeader, certificates.filter { $0.verdict == .keep }) {
                [$0.material, purpose($0), basisCell($0), requiredBy($0), issuer($0), whyKept($0), $0.flags.map(text.flag).joined(separator: text.language == .zh ? "；" : " ")]
            }
        case .cancelled:
            return decisionRows(kind, header: text.cancelledHeader, certificates.filter { $0.verdict == .remove }) {
                [$0.material, requiredBy($0), issuer($0), text.reason($0.reason), $0.replacement.map(words.replacement) ?? ""]
            }
        case .commitment:
            // Every commitment an applicant may sign, as the verdict or in place of a cancelled certificate, with its terms.
            return decisionRows(kind, header: text.commitmentHeader, certificates.filter { $0.commitment.plan != nil }) {
                let plan = $0.commitment.plan
                return [
                    $0.material, "\($0.procedureID) \($0.procedureName)", basisCell($0), words.commitmentSource($0.commitment.terms),
                    plan.map { words.auditMethod($0.method) } ?? "",
                    plan?.withinWorkingDays.map { "\($0)" } ?? "", plan.map { Numbers.percent($0.sample) } ?? "", plan?.auditor ?? "",
                ]
            }
        case .sharing:
            return decisionRows(kind, header: text.sharingHeader, decisions.filter { $0.verdict == .obtainBySharing }) {
                let best = $0.sharing.best
                return [
                    $0.material, "\($0.procedureID) \($0.procedureName)", best?.source ?? "", best?.provider ?? "",
                    best?.mode.map(words.mode) ?? "", best.map { Numbers.percent($0.coverage) } ?? "",
                ]
            }
        case .pending:
            let pending = decisions.filter { $0.basis.status == .pending }
            return decisionRows(kind, header: text.pendingHeader, pending) { decision in
                // The citations the corpus cannot answer: no such act, or no such provision in it.
                let unresolved = decision.basis.articles.filter { $0.problem != nil && ($0.act == nil || $0.eId == nil) }
                return [
                    decision.material, "\(decision.procedureID) \(decision.procedureName)", unresolved.map(\.citation).joined(separator: text.semicolon),
                    unresolved.compactMap(words.problem).joined(separator: text.semicolon),
                    text.verdict(decision.verdict),
                ]
            }
        case .retainedProcedures:
            return ReportTable(caption: title(kind), header: text.retainedProceduresHeader, rows: numbered(retainedProcedures()))
        case .catalogue:
            let header = ["序号", "事项编码", "事项名称", "实施部门", "行政区划", "年办件量", "申请材料", "材料类型", "设定依据", "开具单位", "证明用途", "备注", "审查结论", "理由代码", "取消替代方式"]
            return decisionRows(kind, header: header, decisions) { decision in
                let requirement = decision.requirement
                return [
                    decision.procedureID, decision.procedureName, decision.department, decision.procedure.territory,
                    "\(decision.procedure.volume)", decision.material, decision.kind.chinese,
                    requirement.basis.map(\.text).joined(separator: "；"), issuer(decision), requirement.purpose ?? "",
                    requirement.note ?? "", decision.verdict.chinese, decision.reason.rawValue, decision.replacement.map(OutcomeWording.chinese.replacement) ?? "",
                ]
            }
        }
    }

    /// One row per procedure, in the catalogue's order: 事项编码、事项名称、设定依据、实施主体、服务对象、办理时限、
    /// 收费标准、备注 (the certificates the review keeps, shares, replaces by commitment and cancels, counted).
    private func retainedProcedures() -> [[String]] {
        var order: [String] = []
        var byProcedure: [String: [Decision]] = [:]
        for decision in decisions {
            if byProcedure[decision.procedureID] == nil { order.append(decision.procedureID) }
            byProcedure[decision.procedureID, default: []].append(decision)
        }
        return order.compactMap { id -> [String]? in
            guard let procedure = catalogue.procedures[id] else { return nil }
            let guide = procedure.guide
            let certificates = (byProcedure[id] ?? []).filter { $0.kind == .certificate }
            let counts = Verdict.allCases.compactMap { verdict -> String? in
                let count = certificates.count { $0.verdict == verdict }
                return count == 0 ? nil : "\(text.verdict(verdict))\(count)"
            }
            var limits: [String] = []
            if let legal = guide?.legalLimit { limits.append(text.legalLimitCell(legal)) }
            if guide?.noLegalLimit == true { limits.append(text.noLegalLimitCell) }
            if let promised = guide?.promisedLimit { limits.append(text.promisedLimitCell(promised)) }
            if limits.isEmpty, procedure.days > 0 { limits.append(text.workingDaysCell(procedure.days)) }
            let fee = procedure.fee > 0
                ? text.yuanCell(Numbers.amount(procedure.fee)) + (guide?.feeBasis.isEmpty == false ? text.open + (guide?.feeBasis ?? []).map(\.text).joined(separator: text.semicolon) + text.close : "")
                : text.freeCell
            return [
                procedure.id, procedure.name, procedure.category.map { text.language == .zh ? $0.chinese : $0.rawValue } ?? "",
                procedure.basis.isEmpty ? text.none : procedure.basis.map(\.text).joined(separator: text.semicolon),
                guide?.acceptedBy ?? procedure.department, guide?.serves ?? "", limits.joined(separator: text.semicolon), fee,
                certificates.isEmpty ? text.none : text.certificatesCell + counts.joined(separator: text.language == .zh ? "，" : ", "),
            ]
        }
    }

    // MARK: - Cells

    private func basisCell(_ decision: Decision) -> String {
        decision.basis.articles.map { article in
            "【\(text.rank(article.rank))】" + (article.act.map { "《\($0)》\(article.provision ?? "")" } ?? article.citation)
        }.joined(separator: text.semicolon)
    }

    /// The department and, in brackets, the procedure.
    private func requiredBy(_ decision: Decision) -> String {
        decision.department + text.open + decision.procedureName + text.close
    }

    private func purpose(_ decision: Decision) -> String {
        decision.requirement.purpose ?? decision.procedureName
    }

    private func issuer(_ decision: Decision) -> String {
        (catalogue.materials[decision.material]?.issuers ?? []).joined(separator: text.language == .zh ? "、" : ", ")
    }

    private func whyKept(_ decision: Decision) -> String {
        var parts: [String] = []
        if !decision.commitment.excludedBy.isEmpty {
            parts.append(text.excludedBecause + words.concerns(decision.commitment.excludedBy))
        } else if !decision.commitment.available {
            parts.append(text.notInCatalogue)
        }
        parts.append(text.reason(decision.reason))
        return parts.joined(separator: text.semicolon)
    }
}
