import Jianzheng
import JianzhengBase

/// Builds a hearing report from a review: summary, the proposed change (if any), the published lists,
/// circular proofs, and per procedure and material the full justification. Every number comes from the review.
public struct ReportBuilder: Sendable {
    let review: Review
    let catalogue: Catalogue
    let receipt: ReproducibilityReceipt
    let diff: ReviewDiff?
    let text: ReportText
    let words: OutcomeWording
    let notice: CommitmentNotice
    /// 编制单位, on the cover and in the 落款; nil leaves a line to fill in.
    let unit: String?
    /// The report's date (成文日期): the review's as-of date unless given.
    let date: CalendarDate

    /// A report on `review` of `catalogue`; `receipt` names what it was computed from; `notice` is the
    /// 告知承诺书 template (the built-in one of the language unless given); `unit` and `date` are the 编制单位 and
    /// 成文日期 of the cover and the 落款.
    public init(
        review: Review, catalogue: Catalogue, receipt: ReproducibilityReceipt, diff: ReviewDiff? = nil, language: ReportLanguage = .zh,
        notice: CommitmentNotice? = nil, unit: String? = nil, date: CalendarDate? = nil
    ) {
        self.unit = unit
        self.date = date ?? review.asOf
        self.words = OutcomeWording(language: language)
        self.notice = notice ?? .standard(language)
        self.review = review
        self.catalogue = catalogue
        self.receipt = receipt
        self.diff = diff
        self.text = ReportText(language: language)
    }

    /// The report on one procedure (`build(procedure:)`), or on the whole catalogue.
    public func build(procedure: String? = nil) -> ReportDocument {
        build(scope: procedure.map { ReportScope(procedures: [$0]) } ?? .everything)
    }

    /// The report on `scope`: cover, contents, the numbered sections (the published lists on landscape pages),
    /// the 落款, then the appendices — the law quoted and the codes. With `parts`, the procedure-by-procedure
    /// section is a table of the parts (one department each, written as reports of their own) instead.
    public func build(scope: ReportScope, parts: [ReportPart]? = nil) -> ReportDocument {
        let decisions = scope.decisions(of: review.decisions)
        let procedure = scope.singleProcedure
        var title = diff != nil ? text.proposalTitle : procedure == nil ? text.title : text.procedureTitle
        if let procedure, let name = catalogue.procedures[procedure]?.name { title += "\(text.colon)\(procedure) \(name)" }
        let ids = Set(decisions.map(\.procedureID))
        let quoted = QuotedArticles()
        var blocks: [ReportBlock] = summary(decisions)
        if let diff { blocks += proposal(diff) }
        blocks += [.landscape(true)] + lists(decisions) + [.landscape(false)]
        blocks += cycles(touching: ids)
        if let parts {
            blocks.append(.heading(level: 2, text: text.parts))
            blocks.append(.table(ReportTable(
                caption: nil, header: text.partsHeader, rows: parts.map { [$0.department, "\($0.procedures)", $0.file] }, widths: [20, 8, 24], numeric: [1])))
            blocks.append(.links(parts.map { (label: $0.department, href: $0.file) }))
        } else {
            blocks.append(.heading(level: 2, text: text.procedures))
            blocks += procedureSections(decisions, procedures: ids, quoted: quoted)
        }
        blocks += receiptSection()
        blocks.append(.signature(unit: unit ?? "", date: text.date(date)))
        var appendices = [(text.articlesAppendix, quoted.appendix(text: text))]
        if text.language == .zh { appendices.append((text.codes, codeAppendix(decisions))) }
        for (index, (name, content)) in appendices.filter({ !$0.1.isEmpty }).enumerated() {
            blocks += [.appendix(text.appendix(index + 1, name))] + content
        }
        blocks = numbered(blocks)
        let entries = blocks.compactMap { block -> String? in
            switch block {
            case .heading(2, let heading), .appendix(let heading): heading
            default: nil
            }
        }
        var lines = [(text.asOf, review.asOf.description), (text.policy, review.policy.name)]
        if let departments = scope.departments { lines.append((text.departmentsLabel, departments.sorted().joined(separator: text.listSeparator))) }
        if let verdicts = scope.verdicts {
            lines.append((text.verdictsLabel, Verdict.allCases.filter(verdicts.contains).map(text.verdict).joined(separator: text.listSeparator)))
        }
        if scope.procedures != nil, procedure == nil { lines.append((text.procedureCount, "\(ids.count)")) }
        let cover = ReportCover(title: title, unit: unit, unitLabel: text.preparedBy, date: text.date(date), lines: lines)
        return ReportDocument(title: title, language: text.language, blocks: [.cover(cover), .contents(title: text.contents, entries: entries)] + blocks)
    }

    /// Every procedure's justification, in the review's order: written on every core, then the articles they quote
    /// numbered in order in one pass.
    private func procedureSections(_ decisions: [Decision], procedures ids: Set<String>, quoted: QuotedArticles) -> [ReportBlock] {
        // Each procedure's decisions, grouped once (a catalogue has tens of thousands of procedures).
        let byProcedure = Dictionary(grouping: decisions, by: \.procedureID)
        let sections = ConcurrentSlots<[SectionPiece]>.map(review.burdens.filter { ids.contains($0.procedureID) }) { burden in
            procedureSection(burden, byProcedure[burden.procedureID] ?? [])
        }
        var blocks: [ReportBlock] = []
        for piece in sections.joined() {
            switch piece {
            case .block(let block): blocks.append(block)
            case .article(let article, let source): blocks.append(quoted.quote(article, source: source, text: text))
            }
        }
        return blocks
    }

    /// The split of `scope` by department: each department that has a requirement in it, with its procedures.
    public func departments(in scope: ReportScope) -> [(department: String, procedures: Int)] {
        var procedures: [String: Set<String>] = [:]
        for decision in scope.decisions(of: review.decisions) { procedures[decision.department, default: []].insert(decision.procedureID) }
        return procedures.keys.sorted().map { ($0, procedures[$0]?.count ?? 0) }
    }

    /// Sections numbered in order (一、二、…), their subsections （一）（二）… and these 1. 2. …: a report without
    /// a proposal or a cycle skips no number.
    private func numbered(_ blocks: [ReportBlock]) -> [ReportBlock] {
        var counters = [0, 0, 0]
        return blocks.map { block in
            guard case .heading(let level, let name) = block, (2...4).contains(level) else { return block }
            counters[level - 2] += 1
            for deeper in (level - 1)..<counters.count { counters[deeper] = 0 }
            if level == 2 { return .heading(level: 2, text: text.numbered(counters[0], name)) }
            return .heading(level: level, text: text.subnumbered(counters[level - 2], parents: Array(counters[..<(level - 2)]), name))
        }
    }

    /// 代码对照: the reason codes and flags of this report's decisions beside their Chinese labels, so that the
    /// body of a Chinese report carries none of them and a reader can still match them to the data files.
    private func codeAppendix(_ decisions: [Decision]) -> [ReportBlock] {
        let reasons = Set(decisions.map(\.reason)), flags = Set(decisions.flatMap(\.flags))
        let rows = ReasonCode.allCases.filter(reasons.contains).map { [$0.rawValue, text.reason($0)] }
            + Flag.allCases.filter(flags.contains).map { [$0.rawValue, text.flag($0)] }
        return rows.isEmpty ? [] : [.table(ReportTable(caption: nil, header: text.codesHeader, rows: rows, widths: [16, 30]))]
    }

    // MARK: - Sections

    private func summary(_ decisions: [Decision]) -> [ReportBlock] {
        let ids = Set(decisions.map(\.procedureID))
        let burdens = review.burdens.filter { ids.contains($0.procedureID) }
        let model = review.costModel
        let counts = decisions.reduce(into: [Verdict: Int]()) { $0[$1.verdict, default: 0] += 1 }
        let cycles = review.cycles.filter { !ids.isDisjoint(with: $0.procedures) }
        let broken = cycles.filter { $0.status == .broken }.count
        var facts: [(String, String)] = [
            (text.asOf, review.asOf.description),
            (text.policy, review.policy.name + (review.policy.title.map { "\(text.open)\($0)\(text.close)" } ?? "")),
            (text.procedureCount, "\(ids.count)"),
            (text.requirementCount, "\(decisions.count)\(text.open)\(text.certificateCount) \(decisions.filter { $0.kind == .certificate }.count)\(text.close)"),
        ]
        facts += Verdict.allCases.map { (text.verdict($0), "\(counts[$0] ?? 0)") }
        facts += [
            (text.removed, "\(decisions.filter { $0.kind == .certificate && $0.verdict == .remove }.count)"),
            (text.tripsSaved, Numbers.grouped(burdens.reduce(0) { $0 + $1.annualTripsSaved })),
            (text.hoursSaved, Numbers.grouped(burdens.reduce(0) { $0 + $1.annualHoursSaved(model) })),
            (text.costBefore, Numbers.grouped(burdens.reduce(0) { $0 + $1.annualCost($1.before, model) })),
            (text.costAfter, Numbers.grouped(burdens.reduce(0) { $0 + $1.annualCost($1.after, model) })),
            (text.cyclesFound, "\(cycles.count) / \(broken)"),
        ]
        if let model, model.auditHours > 0 {
            let hours = Review.auditHours(of: decisions, model)
            facts += [(text.auditHours, Numbers.grouped(hours)), (text.auditCost, Numbers.grouped(hours * model.hourlyTariff))]
        }
        return [.heading(level: 2, text: text.summary), .facts(facts), .paragraph(text.computedNote)]
    }

    private func proposal(_ diff: ReviewDiff) -> [ReportBlock] {
        let rows = diff.changes.map { change -> [String] in
            [
                "\(change.procedureID) \(change.procedureName)", change.material, text.change(change.kind),
                change.before.map { "\(text.verdict($0.verdict))\(text.open)\(text.reason($0.reason))\(text.close)" } ?? "—",
                change.after.map { "\(text.verdict($0.verdict))\(text.open)\(text.reason($0.reason))\(text.close)" } ?? "—",
                change.details.map(words.fieldChange).joined(separator: text.semicolon),
            ]
        }
        var blocks: [ReportBlock] = [
            .heading(level: 2, text: text.proposal), .table(ReportTable(caption: nil, header: text.changesHeader, rows: rows, widths: [18, 10, 6, 14, 14, 20])),
        ]
        blocks.append(.table(ReportTable(
            caption: text.proposalBurden, header: ["", text.withoutChange, text.withChange],
            // What applicants still bear after the review, with and without the change: a proposal that adds a
            // certificate (removed or not) can only raise these, never claim a saving from its own addition.
            rows: [
                [text.costAfter, Numbers.grouped(diff.before.annualCostAfter), Numbers.grouped(diff.after.annualCostAfter)],
                [text.tripsAfter, Numbers.grouped(diff.before.annualTripsAfter), Numbers.grouped(diff.after.annualTripsAfter)],
            ])))
        if !diff.findings.isEmpty {
            blocks.append(.heading(level: 3, text: text.findings))
            blocks.append(.table(ReportTable(
                caption: nil, header: text.findingsHeader, rows: diff.findings.map { ["\(text.severity($0.severity))\(text.language == .zh ? "：" : " · ")\(text.finding($0.kind))", words.finding($0)] }, widths: [14, 40])))
        }
        return blocks
    }

    private func lists(_ decisions: [Decision]) -> [ReportBlock] {
        let lists = PublishedLists(decisions: decisions, catalogue: catalogue, language: text.language)
        let pending = decisions.contains { $0.basis.status == .pending } ? [PublishedLists.Kind.pending] : []
        return [.heading(level: 2, text: text.lists)] + ([.retained, .cancelled, .commitment, .sharing] + pending).map { kind in
            // An empty list is said to be empty, not printed as a bare header.
            let table = lists.table(kind)
            return table.rows.isEmpty ? .paragraph("\(table.caption ?? "")\(text.colon)\(text.none)") : .table(table)
        }
    }

    private func cycles(touching procedures: Set<String>) -> [ReportBlock] {
        let relevant = review.cycles.filter { !procedures.isDisjoint(with: $0.procedures) }
        guard !relevant.isEmpty else { return [] }
        var blocks: [ReportBlock] = [.heading(level: 2, text: text.cycles)]
        for cycle in relevant {
            let nodes = cycle.path.map { id in CycleDiagram.Node(id: id, label: catalogue.procedures[id]?.name ?? id) }
            let index = Dictionary(cycle.path.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let edges = cycle.edges.compactMap { edge -> CycleDiagram.Edge? in
                guard let from = index[edge.from], let to = index[edge.to] else { return nil }
                let isCut = cycle.cheapestCut.map { $0.from == edge.from && $0.material == edge.material } ?? false
                return CycleDiagram.Edge(from: from, to: to, label: edge.material, cut: isCut, kept: edge.verdict == .keep)
            }
            let cuts = edges.filter(\.cut).map { text.demands(nodes[$0.from].id, $0.label) }
            blocks.append(.cycle(CycleDiagram(
                title: "\(text.cycleStatus(cycle.status))\(text.colon)" + cycle.path.joined(separator: " → "), nodes: nodes, edges: edges,
                cutNote: cuts.isEmpty ? "" : text.open + text.cutFirst + text.colon + cuts.joined(separator: text.comma) + text.close,
                legend: text.cycleLegend)))
            // The edges in the order of the path: each procedure, then the one whose certificate it asks for.
            let ordered = cycle.edges.sorted { (index[$0.from] ?? 0) < (index[$1.from] ?? 0) }
            blocks.append(.table(ReportTable(
                caption: nil, header: text.language == .zh ? ["索要事项", "所需证明", "索要单位", "依据", "结论"] : ["Procedure", "Certificate", "Department", "Basis", "Verdict"],
                rows: ordered.map { [$0.from, $0.material, $0.department, $0.citations.isEmpty ? text.none : $0.citations.joined(separator: text.semicolon), text.verdict($0.verdict)] })))
            if let cut = cycle.cheapestCut, let reason = words.cut(cycle) {
                blocks.append(.paragraph("\(text.cut)\(text.colon)\(cut.from) → \(cut.material)\(text.stop)\(reason)"))
            }
        }
        return blocks
    }

    private func procedureSection(_ burden: ProcedureBurden, _ decisions: [Decision]) -> [SectionPiece] {
        let id = burden.procedureID
        guard let procedure = catalogue.procedures[id] else { return [] }
        let blocks: [ReportBlock] = [
            .heading(level: 3, text: "\(id) \(procedure.name)"),
            .facts([
                (text.language == .zh ? "实施部门" : "Department", procedure.department),
                (text.language == .zh ? "年办件量" : "Annual volume", Numbers.grouped(Double(procedure.volume))),
            ] + procedure.basis.map { (text.basisChain, $0.text) }),
            .table(ReportTable(caption: nil, header: text.materialHeader, rows: decisions.map {
                [$0.material, words.kind($0.kind), text.verdict($0.verdict), text.reason($0.reason), $0.rule ?? text.defaultRule]
            })),
        ]
        var pieces = blocks.map(SectionPiece.block)
        for decision in decisions { pieces += materialSection(decision) }
        let model = review.costModel
        func row(_ label: String, _ value: Burden) -> [String] {
            [label, Numbers.amount(value.certificates), Numbers.amount(value.trips), Numbers.amount(value.days), Numbers.amount(value.fees),
                Numbers.grouped(burden.annualCost(value, model))]
        }
        pieces.append(.block(.table(ReportTable(
            caption: text.burden, header: text.burdenHeader, rows: [row(text.before, burden.before), row(text.after, burden.after)]))))
        return pieces
    }

    /// A material's justification; the articles it quotes are left for `QuotedArticles` to quote or refer to.
    private func materialSection(_ decision: Decision) -> [SectionPiece] {
        var blocks: [SectionPiece] = [
            .block(.heading(level: 4, text: "\(decision.material)\(text.colon)\(text.verdict(decision.verdict))")),
            .block(.paragraph("\(text.verdictLine)\(text.colon)\(text.verdict(decision.verdict))\(text.dash)\(text.reason(decision.reason))\(text.stop)\(words.because(decision))"
                + (decision.rule.map { text.language == .zh ? "（政策规则“\($0)”）" : " (policy rule '\($0)')" } ?? ""))),
        ]
        for article in decision.ruleCitations where !article.text.isEmpty {
            blocks.append(.article(article, source: source(article)))
        }
        if let replacement = decision.replacement { blocks.append(.block(.paragraph("\(text.replacement)\(text.colon)\(words.replacement(replacement))"))) }
        for condition in decision.conditions {
            blocks.append(.block(.paragraph(
                "\(text.conditionsProven)\(text.colon)\(condition.condition.name)\(text.open)\(words.proof(condition.condition.proof))\(text.close)"
                    + (condition.provenBy.map { text.language == .zh ? "，已由\($0)证明" : ", already proven by \($0)" } ?? ""))))
            for article in condition.basis.articles {
                if article.text.isEmpty {
                    blocks.append(.block(.paragraph("\(text.conditionSetBy)\(text.colon)\(article.citation)\(text.colon)\(problem(article) ?? "")")))
                } else {
                    blocks.append(.article(article, source: "\(text.conditionSetBy) " + source(article)))
                }
            }
        }
        blocks.append(.block(.paragraph("\(text.basisChain)\(text.colon)")))
        if decision.basis.articles.isEmpty { blocks.append(.block(.paragraph(text.noBasis))) }
        for article in decision.basis.articles {
            if article.text.isEmpty {
                blocks.append(.block(.paragraph("\(article.citation)\(text.colon)\(problem(article) ?? "")")))
            } else {
                blocks.append(.article(article, source: source(article) + (problem(article).map { " — \($0)" } ?? "")))
            }
        }
        if let delegation = decision.basis.delegation { blocks.append(.block(.paragraph(words.delegation(delegation)))) }
        let sharing = decision.sharing.options.isEmpty
            ? text.noSource
            : decision.sharing.options.map(sharingLine).joined(separator: text.semicolon)
        blocks.append(.block(.paragraph("\(text.sharingCheck)\(text.colon)\(sharing)")))
        if let fallback = decision.uncovered { blocks.append(.block(.paragraph("\(text.uncovered)\(text.colon)\(words.uncovered(fallback))"))) }
        if !decision.situations.isEmpty {
            blocks.append(.block(.paragraph("\(text.situationsLabel)\(text.colon)" + decision.situations.map(words.situation).joined(separator: text.semicolon))))
        }
        let check = decision.commitment
        let commitment = !check.excludedBy.isEmpty
            ? text.excludedBecause + words.concerns(check.excludedBy)
            : check.available ? text.eligible : text.notInCatalogue
        blocks.append(.block(.paragraph("\(text.commitmentCheck)\(text.colon)\(commitment)")))
        if let plan = check.plan { blocks.append(.block(.notice(notice.fill(decision, plan: plan)))) }
        blocks.append(.block(.paragraph("\(text.alternatives)\(text.colon)" + words.alternativesNotTaken(decision).joined(separator: text.semicolon))))
        return blocks
    }

    private func problem(_ article: CitedArticle) -> String? { words.problem(article) }

    private func sharingLine(_ option: SharingOption) -> String {
        let status = words.mode(of: option) ?? option.refusal.map(words.refusal) ?? ""
        return "\(option.source)\(text.open)\(option.provider)\(text.comma)\(text.sharing(option.sharing))\(text.close)\(text.colon)" + status
            + "\(text.comma)\(Numbers.percent(option.coverage))" + (option.coverageNote.map { "\(text.open)\($0)\(text.close)" } ?? "")
    }

    private func receiptSection() -> [ReportBlock] {
        var facts: [(String, String)] = [
            (text.engine, "jianzheng \(receipt.engineVersion)"),
            (text.rulesDigest, "\(receipt.rulesDigest)\(text.open)\(receipt.rulesFiles)\(text.close)"),
            (text.corpusDigest, "\(receipt.corpusDigest)\(text.open)\(receipt.corpusFiles)\(text.close)"),
            (text.policy, receipt.policy),
            (text.asOf, receipt.asOf.description),
        ]
        if !receipt.overlays.isEmpty { facts.append((text.overlays, receipt.overlays.joined(separator: text.language == .zh ? "、" : ", "))) }
        return [.heading(level: 2, text: text.receipt), .facts(facts)]
    }

    // MARK: - Cells

    private func source(_ article: CitedArticle) -> String {
        var source = "《\(article.act ?? article.citation)》\(article.provision ?? "")\(text.open)\(text.rank(article.rank))"
        if let from = article.versionFrom { source += text.language == .zh ? "\(text.comma)\(from)\(text.version)" : ", \(text.version) \(from)" }
        if article.textStatus == "unverified" { source += "\(text.semicolon)\(text.unverified)" }
        return source + "\(text.close)"
    }
}

/// A piece of a procedure's section: a block, or an article to quote there.
private enum SectionPiece: Sendable {
    case block(ReportBlock)
    case article(CitedArticle, source: String)
}

/// The articles a report quotes, each once: the first time in full where it is used, afterwards by its number
/// in the appendix 法律依据原文, which holds them all in the order they were first quoted.
final class QuotedArticles {
    private struct Key: Hashable {
        let citation: String, act: String?, provision: String?, version: String?
    }

    private var numbers: [Key: Int] = [:]
    private var quoted: [(source: String, text: String)] = []

    func quote(_ article: CitedArticle, source: String, text: ReportText) -> ReportBlock {
        let key = Key(citation: article.citation, act: article.act, provision: article.provision, version: article.versionFrom?.description)
        if let number = numbers[key] { return .paragraph(source + text.seeArticle(number)) }
        quoted.append((source, OutcomeWording.quotation(article)))
        numbers[key] = quoted.count
        return .quote(text: OutcomeWording.quotation(article), source: source)
    }

    /// The appendix: every article quoted, numbered as the references give it.
    func appendix(text: ReportText) -> [ReportBlock] {
        quoted.enumerated().map { index, article in .quote(text: article.text, source: "\(index + 1). " + article.source) }
    }
}
