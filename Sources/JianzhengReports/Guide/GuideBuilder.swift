import Jianzheng
import JianzhengBase

/// The 办事指南 of procedures **after** the review (甘政办发〔2016〕20号, task 三): what a window publishes for the
/// applicant — basis, who accepts it and where, time limits, fee, contacts, the steps, and the materials still
/// required: a removed certificate is not listed (unless a written commitment stands in for it), a shared one says
/// the window obtains it, a commitment comes with its 告知承诺书. One section (and, printed, one page) per procedure.
public struct GuideBuilder: Sendable {
    let review: Review
    let catalogue: Catalogue
    let text: GuideText
    let words: OutcomeWording
    let notice: CommitmentNotice

    public init(review: Review, catalogue: Catalogue, language: ReportLanguage = .zh, notice: CommitmentNotice? = nil) {
        self.review = review
        self.catalogue = catalogue
        self.text = GuideText(language: language)
        self.words = OutcomeWording(language: language)
        self.notice = notice ?? .standard(language)
    }

    /// How an applicant meets one requirement once the review is applied.
    public enum Submission: Sendable, Equatable {
        /// Submits the material.
        case submit
        /// Submits nothing: the window obtains it from a source.
        case obtained(source: String, provider: String)
        /// Signs the 告知承诺书 (in place of the certificate, or of a cancelled one).
        case commitment
        /// Nothing: the requirement is cancelled.
        case none
    }

    /// What the guide asks of the applicant for a decision.
    public static func submission(_ decision: Decision) -> Submission {
        switch decision.verdict {
        case .keep: return .submit
        case .commitment: return .commitment
        case .obtainBySharing:
            let best = decision.sharing.best
            return .obtained(source: best?.source ?? "", provider: best?.provider ?? "")
        case .remove:
            if case .commitment = decision.replacement { return .commitment }
            return .none
        }
    }

    /// The guides of `procedures` (all, in the catalogue's order, when empty).
    public func build(procedures: [String] = []) -> ReportDocument {
        let wanted = Set(procedures)
        let grouped = review.decisions.byProcedure.filter { group in group.first.map { wanted.isEmpty || wanted.contains($0.procedureID) } ?? false }
        var blocks: [ReportBlock] = []
        for group in grouped {
            guard let procedure = group.first?.procedure else { continue }
            blocks += guide(procedure, group)
        }
        let title = grouped.count == 1 ? (grouped.first?.first.map { text.title($0.procedureName) } ?? text.collection) : text.collection
        return ReportDocument(title: title, language: text.language, blocks: blocks)
    }

    private func guide(_ procedure: Procedure, _ decisions: [Decision]) -> [ReportBlock] {
        let guide = procedure.guide
        var facts: [(String, String)] = [
            (text.code, procedure.id), (text.category, procedure.category.map { text.category($0) } ?? text.notGiven),
            (text.department, procedure.department),
            (text.basis, procedure.basis.isEmpty ? text.none : procedure.basis.map(\.text).joined(separator: text.semicolon)),
            (text.acceptedBy, guide?.acceptedBy ?? text.notGiven),
            (text.windows, guide.map { $0.windows.isEmpty ? text.notGiven : $0.windows.joined(separator: text.semicolon) } ?? text.notGiven),
            (text.online, guide?.online ?? text.notGiven),
            (text.legalLimit, legalLimit(guide)),
            (text.promisedLimit, guide?.promisedLimit.map(text.workingDays) ?? text.notGiven),
            (text.fee, procedure.fee > 0 ? text.yuan(Numbers.amount(procedure.fee)) + basisSuffix(guide?.feeBasis ?? []) : text.free),
            (text.consult, guide?.consult ?? text.notGiven), (text.complain, guide?.complain ?? text.notGiven),
        ]
        if guide?.legalLimit == nil, procedure.days > 0 { facts.append((text.processingDays, text.workingDays(procedure.days))) }
        var blocks: [ReportBlock] = [.heading(level: 2, text: text.title(procedure.name)), .facts(facts)]
        if !procedure.conditions.isEmpty {
            blocks.append(.heading(level: 3, text: text.conditions))
            blocks.append(.table(ReportTable(
                caption: nil, header: text.conditionsHeader,
                rows: procedure.conditions.enumerated().map { index, condition in
                    ["\(index + 1)", condition.name, condition.basis.isEmpty ? text.none : condition.basis.map(\.text).joined(separator: text.semicolon)]
                }, widths: [4, 24, 30], numeric: [0])))
        }
        blocks.append(.heading(level: 3, text: text.materials))
        var rows: [[String]] = []
        var notices: [ReportBlock] = []
        for decision in decisions {
            let submission = Self.submission(decision)
            guard submission != .none else { continue }
            let requirement = decision.requirement
            let how: String
            switch submission {
            case .submit: how = text.submit(decision.share)
            case .obtained(let source, let provider): how = text.obtained(source: source, provider: provider) + uncovered(decision)
            case .commitment:
                how = decision.verdict == .remove ? text.commitmentInstead(decision.material) : text.commitment
                if let plan = decision.commitment.plan { notices.append(.notice(notice.fill(decision, plan: plan))) }
            case .none: continue
            }
            let basis = decision.basis.articles.map { "《\($0.act ?? $0.citation)》\($0.provision ?? "")" }.joined(separator: text.semicolon)
            let help = (requirement.sample.map { [text.sample($0)] } ?? []) + requirement.mistakes.map(text.mistake)
            rows.append([
                "\(rows.count + 1)", submission == .commitment && decision.verdict == .remove ? text.notice : decision.material, how,
                basis.isEmpty ? text.none : basis, help.isEmpty ? text.none : help.joined(separator: "\n"),
            ])
        }
        if rows.isEmpty {
            blocks.append(.paragraph(text.noMaterials))
        } else {
            blocks.append(.table(ReportTable(caption: nil, header: text.materialsHeader, rows: rows, widths: [4, 14, 22, 18, 16], numeric: [0])))
        }
        if decisions.contains(where: { !$0.situations.isEmpty }) { blocks += situationTable(procedure, decisions) }
        if let steps = guide?.steps, !steps.isEmpty {
            blocks.append(.heading(level: 3, text: text.steps))
            blocks.append(.table(ReportTable(
                caption: nil, header: text.stepsHeader,
                rows: steps.enumerated().map { index, step in
                    [
                        "\(index + 1)", step.name + (step.kind.isOutsideTheLimit ? text.notCounted(step.kind) : ""),
                        step.department ?? procedure.department, step.days.map(String.init) ?? text.notGiven,
                        step.basis.isEmpty ? text.none : step.basis.map(\.text).joined(separator: text.semicolon),
                    ]
                }, widths: [4, 10, 16, 8, 24], numeric: [0, 3])))
        }
        if !notices.isEmpty { blocks += [.heading(level: 3, text: text.notices)] + notices }
        blocks.append(.paragraph(guide?.source.map(text.source) ?? text.illustrative))
        return blocks
    }

    /// The statutory time limit with the articles that set it: a number of working days (0: decided on the spot),
    /// none set by law, or not stated.
    private func legalLimit(_ guide: ServiceGuide?) -> String {
        guard let guide else { return text.notGiven }
        let basis = basisSuffix(guide.legalLimitBasis)
        if guide.noLegalLimit { return text.noLegalLimit + basis }
        guard let days = guide.legalLimit else { return text.notGiven }
        return (days == 0 ? text.onTheSpot : text.workingDays(days)) + basis
    }

    /// A situation table: what each kind of applicant provides, by material.
    private func situationTable(_ procedure: Procedure, _ decisions: [Decision]) -> [ReportBlock] {
        let situations = procedure.situations
        let rows = decisions.filter { !$0.situations.isEmpty }.map { decision in
            [decision.material] + situations.map { situation in
                decision.situations.first { $0.situation.name == situation.name }.map { text.verdictForApplicant($0.verdict) } ?? text.verdictForApplicant(decision.verdict)
            }
        }
        return [
            .heading(level: 3, text: text.situations),
            .table(ReportTable(caption: nil, header: [text.material] + situations.map { "\($0.name)\(text.open)\(Numbers.percent($0.share))\(text.close)" }, rows: rows)),
        ]
    }

    private func uncovered(_ decision: Decision) -> String {
        decision.uncovered.map { text.semicolon + text.uncoveredLabel + words.uncovered($0) } ?? ""
    }

    private func basisSuffix(_ basis: [CitationReference]) -> String {
        basis.isEmpty ? "" : text.open + text.basisLabel + basis.map(\.text).joined(separator: text.semicolon) + text.close
    }
}
