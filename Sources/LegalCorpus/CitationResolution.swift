import Foundation
import JianzhengBase

/// Why a citation does not give a valid basis on a date, in a territory.
public enum CitationProblem: Sendable, Hashable {
    case malformed(String)
    case unknownAct(suggestions: [String])
    /// Several acts share the cited title; each candidate as "title（文号，施行日期）". Cite it by its 文号.
    case ambiguousAct(candidates: [String])
    case unknownProvision(eId: String)
    /// The act, or the cited provision (added by an amendment), takes effect later.
    case notYetInForce(effective: CalendarDate)
    /// The provision was deleted or renumbered by an amendment in force from this date.
    case provisionRemoved(on: CalendarDate)
    /// The act was in force on the date, but the corpus lacks the text version of that date.
    case versionNotInCorpus(on: CalendarDate)
    case repealed(on: CalendarDate, by: String?)
    case outsideTerritory(actTerritory: String, actTerritoryName: String, requested: String)

    /// A plain-Chinese explanation, with an English one alongside in `english`.
    public var chinese: String {
        switch self {
        case .malformed(let message): "引用格式错误：\(message)"
        case .unknownAct(let suggestions):
            "法律依据库中没有该文件" + (suggestions.first.map { "（是否指《\($0)》？）" } ?? "")
        case .unknownProvision(let eId): "该文件中没有所引条款（\(eId)）"
        case .ambiguousAct(let candidates): "多个文件同名，无法确定所引为哪一个：" + candidates.joined(separator: "；") + "。请以文号引用，或在书名号后注明文号或年份，如《…》（国务院令第649号）、《…》（2014年）"
        case .notYetInForce(let effective): "所引文件或条款尚未施行（\(effective.chinese)起施行）"
        case .provisionRemoved(let date): "所引条款已于\(date.chinese)经修改删除"
        case .versionNotInCorpus(let date): "该文件在\(date.chinese)有效，但本库未收录当日施行的文本，条款无法核对"
        case .repealed(let date, let by): "所引文件已于\(date.chinese)废止" + (by.map { "，由《\($0)》取代" } ?? "")
        case .outsideTerritory(_, let name, let requested): "所引文件为\(name)地方文件，不适用于\(requested)"
        }
    }

    public var english: String {
        switch self {
        case .malformed(let message): "malformed citation: \(message)"
        case .unknownAct(let suggestions):
            "no such act in the corpus" + (suggestions.first.map { "; did you mean '\($0)'?" } ?? "")
        case .unknownProvision(let eId): "the act has no provision '\(eId)'"
        case .ambiguousAct(let candidates): "several acts share the title: " + candidates.joined(separator: "; ") + "; cite it by its document number, or add it or the year after the title: 《…》（国务院令第649号）, 《…》（2014年）"
        case .notYetInForce(let effective): "the act or the cited provision is not yet in force (effective \(effective))"
        case .provisionRemoved(let date): "the cited provision was removed by an amendment in force from \(date)"
        case .versionNotInCorpus(let date): "the act was in force on \(date) but the corpus lacks that version's text"
        case .repealed(let date, let by): "the act was repealed on \(date)" + (by.map { " and replaced by '\($0)'" } ?? "")
        case .outsideTerritory(let territory, let name, let requested):
            "the act applies only in \(name) (\(territory)), not in \(requested)"
        }
    }
}

/// A citation resolved against the corpus: what it points at, and what, if anything, is wrong with it.
public struct ResolvedCitation: Sendable {
    public let citation: Citation
    public let act: LegalAct?
    /// The version in force on the date; for a repealed act, its last version.
    public let version: ActVersion?
    public let provision: Provision?
    public let problem: CitationProblem?
    /// The cited article was renumbered by the amendment that made this version: its former text is now under
    /// another number (valid or not, the citation may mean that one).
    public var renumberedTo: String? = nil

    public var isValid: Bool { problem == nil }

    /// The label of the article the cited one became (第四条), when it was renumbered.
    public var renumberedLabel: String? {
        guard let to = renumberedTo else { return nil }
        return version?.provisions[to]?.label ?? to
    }
}

extension LegalCorpus {
    /// The act a citation names: the one act of its title, or among several sharing it the one its edition
    /// (`（国务院令第649号）`, `（2014年）`) picks — a year matching the act's promulgation, entry into force or one of
    /// its versions. Nil when none or several remain.
    func act(cited citation: Citation) -> LegalAct? {
        if let only = act(named: citation.actName) { return only }
        guard let edition = citation.edition else { return nil }
        let chosen = acts(named: citation.actName).filter { act in
            switch edition {
            case .documentNumber(let number):
                return act.documentNumber.map { Self.normalizedName($0) == Self.normalizedName(number) } ?? false
            case .year(let year):
                return act.promulgated.year == year || act.effective.year == year || act.versions.contains { $0.validFrom.year == year }
            }
        }
        return chosen.count == 1 ? chosen[0] : nil
    }

    /// Parses and resolves a citation as written.
    public func resolve(_ text: String, on date: CalendarDate? = nil, in territory: String? = nil) -> ResolvedCitation {
        resolve(parsed: CitationParser.parse(text), text: text, on: date, in: territory)
    }

    /// Resolves a citation parsed earlier (`CitationParser.parse(text)`), so that a text cited many times is
    /// parsed once.
    public func resolve(
        parsed: Result<Citation, CitationSyntaxError>, text: String, on date: CalendarDate? = nil, in territory: String? = nil
    ) -> ResolvedCitation {
        switch parsed {
        case .success(let citation): return resolve(citation, on: date, in: territory)
        case .failure(let error):
            return ResolvedCitation(
                citation: Citation(actName: text, sections: [], text: text), act: nil, version: nil,
                provision: nil, problem: .malformed(error.message))
        }
    }

    /// Resolves a citation on a date (nil: any version) in a territory (nil: anywhere).
    ///
    /// Problems are checked in this order: unknown act, not yet in force, repealed, unknown provision,
    /// outside territory. A repealed act still yields its last version and the provision, so the text can
    /// be quoted when explaining why the basis no longer holds.
    public func resolve(_ citation: Citation, on date: CalendarDate?, in territory: String?) -> ResolvedCitation {
        guard let act = act(cited: citation) else {
            let sharing = acts(named: citation.actName)
            if sharing.count > 1 {
                return ResolvedCitation(
                    citation: citation, act: nil, version: nil, provision: nil,
                    problem: .ambiguousAct(candidates: sharing.map { "《\($0.title)》（\($0.documentNumber ?? $0.workURI)，\($0.effective.chinese)起施行）" }))
            }
            let suggestions = Suggestions.closest(to: citation.actName, among: citableNames, limit: 2)
            return ResolvedCitation(
                citation: citation, act: nil, version: nil, provision: nil,
                problem: .unknownAct(suggestions: suggestions))
        }
        var problem: CitationProblem?
        let version: ActVersion?
        if let date {
            if let repealed = act.repealed, date >= repealed {
                version = act.versions.last
                problem = .repealed(on: repealed, by: act.repealedBy.flatMap { self.act(workURI: $0)?.title })
            } else if date < act.effective {
                version = act.versions.first
                problem = .notYetInForce(effective: act.effective)
            } else if act.version(on: date) == nil {
                version = nil
                problem = .versionNotInCorpus(on: date)
            } else {
                version = act.version(on: date)
            }
        } else {
            version = act.versions.last
        }
        var provision: Provision?
        if let eId = citation.eId, let version {
            provision = Self.provision(eId, in: version)
            if provision == nil, problem == nil {
                (provision, problem) = Self.provisionElsewhere(eId, in: act, around: version, dated: date != nil)
            }
        }
        if problem == nil, let territory, !act.applies(in: territory) {
            problem = .outsideTerritory(actTerritory: act.territory, actTerritoryName: act.territoryName, requested: territory)
        }
        var resolved = ResolvedCitation(citation: citation, act: act, version: version, provision: provision, problem: problem)
        if let version, !version.renumbered.isEmpty, let article = citation.eId?.components(separatedBy: "__").first {
            resolved.renumberedTo = version.renumbered[article]
        }
        return resolved
    }

    /// A provision missing from the version in force: found in a later version it is not yet in force, in an
    /// earlier one it was removed by amendment; without a date any version will do.
    private static func provisionElsewhere(_ eId: String, in act: LegalAct, around version: ActVersion, dated: Bool)
        -> (Provision?, CitationProblem?)
    {
        let holding = act.versions.filter { provision(eId, in: $0) != nil }
        if !dated, let latest = holding.last { return (provision(eId, in: latest), nil) }
        if let later = holding.first(where: { $0.validFrom > version.validFrom }) {
            return (provision(eId, in: later), .notYetInForce(effective: later.validFrom))
        }
        if let earlier = holding.last, let removed = earlier.validUntil {
            return (provision(eId, in: earlier), .provisionRemoved(on: removed))
        }
        return (nil, .unknownProvision(eId: eId))
    }

    /// Whether a citation names its act only by a title several acts share: of what resolving it can find, the one
    /// problem that refuses a review. Nothing but the act is looked up (no version, no provision, no suggestions).
    public func citesAmbiguousAct(_ citation: Citation) -> Bool {
        act(cited: citation) == nil && acts(named: citation.actName).count > 1
    }

    /// Finds a provision; a point cited without its paragraph (`第十五条第（四）项`) is found in any paragraph.
    static func provision(_ eId: String, in version: ActVersion) -> Provision? {
        if let exact = version.provisions[eId] { return exact }
        guard eId.contains("__point_"), !eId.contains("__para_") else { return nil }
        let parts = eId.components(separatedBy: "__point_")
        let candidates = version.provisions.filter {
            $0.eId.hasPrefix(parts[0] + "__para_") && $0.eId.hasSuffix("__point_" + parts[1])
        }
        return candidates.count == 1 ? candidates[0] : nil
    }
}
