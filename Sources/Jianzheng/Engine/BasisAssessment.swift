import JianzhengBase
import LegalCorpus

/// One cited article as the engine used it: what it is, its rank and version, its text, and its status.
public struct CitedArticle: Sendable, Codable, Hashable {
    /// The citation as written in the `.jz` file.
    public var citation: String
    public var act: String?
    public var documentNumber: String?
    public var rank: LegalRank?
    public var rankChinese: String?
    public var versionFrom: CalendarDate?
    public var provision: String?
    public var eId: String?
    /// The quoted article text; empty when it could not be resolved.
    public var text: String
    /// For a point (项), the words of the provision above it that introduce the list: quoted before the point.
    public var chapeau: String? = nil
    public var textStatus: String?
    /// Why the citation is not a valid basis on the date, in Chinese and English; nil when valid.
    public var problem: String?
    public var problemEnglish: String?
    /// The policy's name for the non-law source the citation names (办事指南 …): then it is no basis at all.
    public var nonLawSource: String?
    /// The provision still exists but its version in force no longer names the material that an earlier version
    /// did (a State Council decision item rewritten to "申请人书面承诺…"): the earlier text, quoted beside the new.
    public var droppedRequirement: DroppedRequirement?
}

/// An amendment that kept a provision but dropped the requirement of a material from it. A class: every cited
/// article has room for one and almost none has it, so the room is a reference.
public final class DroppedRequirement: Sendable, Codable, Hashable {
    /// How the earlier text names the material.
    public let named: String
    public let earlierText: String
    public let earlierVersionFrom: CalendarDate

    init(named: String, earlierText: String, earlierVersionFrom: CalendarDate) {
        self.named = named
        self.earlierText = earlierText
        self.earlierVersionFrom = earlierVersionFrom
    }

    public static func == (lhs: DroppedRequirement, rhs: DroppedRequirement) -> Bool {
        lhs.named == rhs.named && lhs.earlierText == rhs.earlierText && lhs.earlierVersionFrom == rhs.earlierVersionFrom
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(named)
        hasher.combine(earlierVersionFrom)
    }
}

/// How well a requirement is grounded in law on a date, under a policy's list of sufficient ranks.
public struct BasisAssessment: Sendable {
    public enum Status: String, Sendable, Codable {
        case sufficient, none
        case rankInsufficient = "rank-insufficient"
        case repealed
        case notYetInForce = "not-yet-in-force"
        case outsideTerritory = "outside-territory"
        /// A cited act or provision is not in the corpus: neither sufficient nor absent until verified.
        case pending
    }

    public var status: Status
    public var articles: [CitedArticle]
    /// The basis leaves the certificate's content to lower rules ("按照国家有关规定"), or a low-rank
    /// citation was made under a higher act that should be checked instead.
    public var delegation: Delegation?
    public var delegated: Bool { delegation != nil }
    /// The article sets a condition without naming any document.
    public var conditionOnly: Bool
    /// Whether any cited text is not verified against an official source.
    public var unverifiedText: Bool

    /// The status of a set of citations: the best of theirs. An unknown act may be a law, so a pending citation
    /// outranks every insufficient one, never a sufficient one.
    static func overall(_ statuses: [Status]) -> Status {
        let order: [Status] = [.sufficient, .pending, .rankInsufficient, .repealed, .notYetInForce, .outsideTerritory]
        return order.first(where: statuses.contains) ?? .none
    }

    /// The reason code a removal on this basis carries.
    public var reasonCode: ReasonCode {
        switch status {
        case .sufficient, .none, .pending: .noBasis
        case .rankInsufficient: .basisRankInsufficient
        case .repealed: .basisRepealed
        case .notYetInForce: .basisNotYetInForce
        case .outsideTerritory: .basisOutsideTerritory
        }
    }
}

/// What an amendment may have taken from the materials a basis is cited for: each article's own status and the
/// cited provisions whose text differs from the previous version's. Kept beside the assessment (not in every
/// decision), and only for the rare bases that have such a provision.
struct BasisRevision: Sendable {
    let statuses: [BasisAssessment.Status]
    let amendments: [(article: Int, earlierText: String, earlierFrom: CalendarDate)]

    /// The assessment for one material: a cited provision whose earlier version named the material (by name or
    /// `listed-as`) and whose version in force does not no longer requires it — it counts as removed by amendment.
    func apply(to basis: BasisAssessment, forMaterialNamed names: [String]) -> BasisAssessment {
        var copy = basis
        var statuses = self.statuses
        for amendment in amendments where statuses[amendment.article] != .repealed {
            let current = basis.articles[amendment.article].text
            guard let named = names.first(where: { amendment.earlierText.containsBytes($0) }), !names.contains(where: current.containsBytes) else { continue }
            statuses[amendment.article] = .repealed
            copy.articles[amendment.article].droppedRequirement = DroppedRequirement(
                named: named, earlierText: amendment.earlierText, earlierVersionFrom: amendment.earlierFrom)
        }
        copy.status = BasisAssessment.overall(statuses)
        copy.conditionOnly = copy.status == .sufficient && basis.conditionOnly
        return copy
    }
}

/// What a basis is cited for: a requirement's material, or a procedure's condition (an express delegation of
/// the conditions makes a lower act's condition lawful, not its own demand for a certificate).
enum BasisPurpose: UInt8, Sendable {
    case material, condition
}

/// An express delegation in force on the review date, by a sufficient article.
struct ActiveDelegation: Sendable {
    /// The work URI of the act delegated to.
    let toAct: String
    let matters: [DelegatedMatter]
    let article: CitedArticle
}

/// Assesses citations against the corpus.
struct BasisAssessor {
    let corpus: LegalCorpus
    let citations: CitationTable
    let date: CalendarDate
    let sufficientRanks: Set<LegalRank>
    /// The policy's phrases for delegation and for naming a document.
    let phrases: TextPhrases
    var delegations: [ActiveDelegation] = []

    /// The assessment, and what amendments of its cited provisions may take from a material (nil: nothing).
    func assess(_ citations: [CitationReference], territory: String, purpose: BasisPurpose = .material)
        -> (basis: BasisAssessment, revision: BasisRevision?)
    {
        var statuses: [BasisAssessment.Status] = []
        var articles: [CitedArticle] = []
        var delegation: Delegation?
        var conditionOnly = false
        var unverified = false
        var amendments: [(article: Int, earlierText: String, earlierFrom: CalendarDate)] = []
        for reference in citations {
            let resolved = self.citations.resolve(reference, in: corpus, on: date, territory: territory)
            // A service guide or an internal rule is no law: citing it is citing nothing, not a basis to verify.
            let nonLaw = resolved.act == nil ? phrases.nonLawSources.first(where: reference.text.containsBytes) : nil
            var status = nonLaw == nil ? Self.status(resolved, sufficientRanks: sufficientRanks) : .none
            var article = Self.article(reference.text, resolved)
            article.nonLawSource = nonLaw
            articles.append(article)
            // A lower act under an express delegation of this matter is a sufficient basis for it.
            let matter: DelegatedMatter = purpose == .condition ? .conditions : .materials
            if status == .rankInsufficient, let act = resolved.act,
                let express = delegations.first(where: { $0.toAct == act.workURI && $0.matters.contains(matter) })
            {
                status = .sufficient
                delegation = .express(article: express.article.citation, matter: matter)
                if !articles.contains(where: { $0.citation == express.article.citation }) { articles.append(express.article) }
                statuses.append(status)
                continue
            }
            statuses.append(status)
            if let act = resolved.act, act.textStatus == .unverified { unverified = true }
            if case .versionNotInCorpus = resolved.problem { unverified = true }
            guard resolved.isValid else { continue }
            let text = resolved.provision?.text ?? ""
            // The same provision in the version before: an amendment may have kept it and dropped a material.
            if let act = resolved.act, act.versions.count > 1, let version = resolved.version, let eId = resolved.provision?.eId,
                let previous = act.versions.last(where: { $0.validFrom < version.validFrom }),
                let earlier = previous.provisions[eId]?.text, earlier != text
            {
                amendments.append((article: articles.count - 1, earlierText: earlier, earlierFrom: previous.validFrom))
            }
            if let marker = phrases.delegation.first(where: text.containsBytes) {
                delegation = .toOtherRules(marker: marker)
            } else if status == .rankInsufficient, let act = resolved.act, let upstream = act.delegatesFrom.first,
                let parent = corpus.act(workURI: upstream)
            {
                delegation = .madeUnder(rank: act.rank, parentTitle: parent.title)
            }
            // Without document words the engine cannot tell a condition from a document: it never says condition-only.
            if status == .sufficient, !text.isEmpty, !phrases.documentWords.isEmpty, !phrases.documentWords.contains(where: text.containsBytes) {
                conditionOnly = true
            }
        }
        let overall = BasisAssessment.overall(statuses)
        let basis = BasisAssessment(
            status: overall, articles: articles, delegation: delegation, conditionOnly: overall == .sufficient && conditionOnly,
            unverifiedText: unverified)
        return (basis, amendments.isEmpty ? nil : BasisRevision(statuses: statuses, amendments: amendments))
    }

    static func status(_ resolved: ResolvedCitation, sufficientRanks: Set<LegalRank>) -> BasisAssessment.Status {
        switch resolved.problem {
        case nil: resolved.act.map { sufficientRanks.contains($0.rank) } == true ? .sufficient : .rankInsufficient
        case .repealed, .provisionRemoved: .repealed
        case .notYetInForce: .notYetInForce
        case .outsideTerritory: .outsideTerritory
        case .versionNotInCorpus:
            resolved.act.map { sufficientRanks.contains($0.rank) } == true ? .sufficient : .rankInsufficient
        // A citation the parser or the corpus cannot answer (第十五条之一, 附件第二十七项, an act not yet added)
        // may still be a valid basis: it waits for verification and never removes.
        case .unknownAct, .unknownProvision, .malformed: .pending
        // Which of several acts of a title is meant is for the catalogue to say (an error); never a removal.
        case .ambiguousAct: .pending
        }
    }

    static func article(_ citation: String, _ resolved: ResolvedCitation) -> CitedArticle {
        CitedArticle(citation: citation, resolved: resolved)
    }
}

extension CitedArticle {
    /// A citation as written and what it resolved to.
    public init(citation: String, resolved: ResolvedCitation) {
        self.init(
            citation: citation, act: resolved.act?.title, documentNumber: resolved.act?.documentNumber,
            rank: resolved.act?.rank, rankChinese: resolved.act?.rank.chinese, versionFrom: resolved.version?.validFrom,
            provision: resolved.provision?.label, eId: resolved.provision?.eId, text: resolved.provision?.text ?? "",
            textStatus: resolved.act?.textStatus.rawValue, problem: resolved.problem?.chinese,
            problemEnglish: resolved.problem?.english)
        if let provision = resolved.provision, let version = resolved.version { chapeau = provision.chapeau(in: version) }
    }
}
