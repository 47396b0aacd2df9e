import JianzhengBase
import LegalCorpus

// The engine's outcomes are values, never sentences: the reports word them, in Chinese and English
// (JianzhengReports/OutcomeWording.swift).

/// How the fact a removed certificate proved is established instead.
/// Boxed (`indirect`): a source's name and provider would otherwise widen every decision by 32 bytes.
public indirect enum Replacement: Sendable, Hashable {
    /// The office obtains the data from a source, in a sharing mode.
    case obtainedFrom(source: String, provider: String, mode: SharingOption.Mode)
    /// A licence the applicant already submits proves the same facts.
    case provedByLicence(String)
    /// Another material stands in for it.
    case alternative(String)
    /// A written commitment, audited afterwards by a method.
    case commitment(AuditMethod)
    /// The office investigates the facts itself, as the law says.
    case investigatedByOffice
    /// The fact is checked on the spot.
    case checkedOnSite
    /// Nothing replaces it.
    case nothing
}

/// What the applicants a partly covering data source leaves out do instead (the flag PARTIAL_COVERAGE).
public enum UncoveredFallback: Sendable, Hashable {
    /// They sign the requirement's written commitment, audited by a method.
    case commitment(AuditMethod)
    /// They still provide the certificate.
    case certificate
}

/// Why a data source cannot supply a material to a procedure.
public enum SharingRefusal: Sendable, Hashable {
    /// Not yet in service, or withdrawn, on the date.
    case notInService(on: CalendarDate)
    /// It holds nobody's data (0 % coverage).
    case noCoverage
    /// It holds only the applicants of other situations (`covers`) than those the requirement applies in.
    case coversNoSituation(covers: [String])
    /// Conditional sharing, and the department's request is not approved.
    case notApproved(department: String)
    /// Conditional sharing approved for the grantee, but not on the date (not yet, or no longer).
    case approvalNotInForce(grantee: String, on: CalendarDate)
    /// Not shared: only the provider uses it.
    case notShared(provider: String)

    /// Which case it is, without its details.
    var kind: Int {
        switch self {
        case .notInService: 0
        case .noCoverage: 1
        case .coversNoSituation: 2
        case .notApproved: 3
        case .approvalNotInForce: 4
        case .notShared: 5
        }
    }
}

/// How a cited basis hands the content of a requirement elsewhere.
public enum Delegation: Sendable, Hashable {
    /// The article leaves the details to other rules, in these words.
    case toOtherRules(marker: String)
    /// A low-rank act made under a higher act, which should be checked for the certificate instead.
    case madeUnder(rank: LegalRank, parentTitle: String)
    /// The cited lower act sets the matter under an express delegation by a sufficient article (quoted with
    /// it): for that matter it is a sufficient basis.
    case express(article: String, matter: DelegatedMatter)
}

/// Why the engine chose the policy it reviewed under, when the choice needs saying.
public enum PolicyNote: Sendable, Hashable {
    /// The named policy is not in force on the date; it was used as asked.
    case namedOutOfForce(policy: String, date: CalendarDate)
    /// Several policies are in force; the latest to take effect was chosen.
    case latestOfSeveral(chosen: String, others: [String], date: CalendarDate)
    /// None is in force; the earliest was used.
    case noneInForce(earliest: String, date: CalendarDate)
}
