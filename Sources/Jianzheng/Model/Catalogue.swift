import JianzhengBase
import LegalCorpus

/// Everything declared in a set of `.jz` files, with names resolved to typed references.
public struct Catalogue: Sendable {
    public var departments: [String: Department] = [:]
    public var materials: [String: Material] = [:]
    public var sources: [String: DataSource] = [:]
    /// Procedures by id, in declaration order in `procedureOrder`.
    public var procedures: [String: Procedure] = [:]
    public var procedureOrder: [String] = []
    public var policies: [String: Policy] = [:]
    public var costModels: [String: CostModel] = [:]
    /// Express delegations, by the delegating article's citation text.
    public var delegations: [String: ExpressDelegation] = [:]
    /// Published commitment catalogues (告知承诺事项目录), by name.
    public var commitmentCatalogues: [String: CommitmentCatalogue] = [:]
    public var tests: [RuleTest] = []
    /// Every distinct citation text, parsed once; `CitationReference.id` points into it.
    public var citations = CitationTable()
    /// The department, material, source and cost-model names something refers to, by kind (for overlays' checks);
    /// nil when the catalogue was built for one review and is never layered on (`CatalogueBuilder.build(files:…,
    /// forOneReview: true)`: at 500,000 procedures the table of referenced material names alone is about 130 MB).
    var referencedNames: [String: StringInterner]? = [:]

    public init() {}

    /// Procedures in declaration order.
    public var orderedProcedures: [Procedure] { procedureOrder.compactMap { procedures[$0] } }
}

/// A citation as written in a `.jz` file, with where it was written.
public struct CitationReference: Sendable {
    public var text: String
    public var range: SourceRange
    /// Where the text is in the catalogue's `CitationTable`: the file it was read from (its segment) and its
    /// position among that file's distinct texts; -1 until the resolver reads it.
    public internal(set) var segment: Int32 = -1
    public internal(set) var id: Int32 = -1
}

/// An office, committee, hospital or other body that requires or issues materials.
public struct Department: Sendable {
    public var name: String
    public var kind: DepartmentKind
    public var territory: String?
    public var range: SourceRange
}

/// A document a procedure may require (申请材料), as its declaration says. A reference type: hundreds of thousands are
/// shared by the catalogue, the evaluation context and the decisions, and each copy of a value this size would
/// retain every one of its fields.
public final class Material: Sendable {
    // The stored fields are ordered so that the object packs tight (the one-byte kind last),
    // and the rarely declared lists are held with the other rare fields: a catalogue holds hundreds of thousands.
    public let name: String
    /// The data items the material proves.
    public let proves: [String]
    /// Who may issue it (`issuer 村民委员会, 工作单位`): a real certificate often has several.
    public let issuers: [String]
    /// The first issuer, as lists print it.
    public var issuer: String? { issuers.first }
    /// The procedure that issues it: an edge of the circular-proof graph.
    public let issuedBy: String?
    /// The general basis that sets this material as a requirement, used when a requirement cites none.
    public let basis: [CitationReference]
    /// Data sources that supply the material itself (e.g. its e-licence).
    public let sources: [String]
    public let concerns: [ConcernCategory]
    /// The 告知承诺 terms the material offers, when it declares them.
    public var commitment: CommitmentTerms? { rare?.commitment }
    /// Other materials that show the same facts.
    public var alternatives: [String] { rare?.alternatives ?? [] }
    /// The published certificate types it is an instance of (`listed-as 亲属关系证明`): what issuer prohibitions
    /// match, whatever the material is called.
    public var listedAs: [String] { rare?.listedAs ?? [] }
    public var absurd: [AbsurdPattern] { rare?.absurd ?? [] }
    /// Hours one trip to obtain it takes, when it differs from the cost model's (`hours-per-trip`).
    public var hoursPerTrip: Double? { rare?.hoursPerTrip }
    /// Trips and working days an applicant spends obtaining it when no issuing procedure is declared.
    public var trips: Int { Int(storedTrips) }
    public var days: Int { Int(storedDays) }
    /// Stored in 32 bits: with them the object is 16 bytes smaller in the allocator's terms, for each of millions.
    private let storedTrips: Int32
    private let storedDays: Int32
    /// Fees in yuan.
    public let fee: Double
    public let range: SourceRange
    /// Held behind a reference: few materials declare a commitment, their own hours per trip, alternatives, the
    /// certificate types they are listed as or an absurd pattern, and inline the terms alone would be 120 bytes of
    /// each of hundreds of thousands of materials.
    private let rare: Rare?
    public let kind: MaterialKind

    private final class Rare: Sendable {
        let commitment: CommitmentTerms?
        let hoursPerTrip: Double?
        let alternatives: [String]
        let listedAs: [String]
        let absurd: [AbsurdPattern]

        init(commitment: CommitmentTerms?, hoursPerTrip: Double?, alternatives: [String], listedAs: [String], absurd: [AbsurdPattern]) {
            self.commitment = commitment
            self.hoursPerTrip = hoursPerTrip
            self.alternatives = alternatives
            self.listedAs = listedAs
            self.absurd = absurd
        }
    }

    /// A material with every field; the optional ones default to absent.
    public init(
        name: String, kind: MaterialKind, proves: [String], issuers: [String], issuedBy: String? = nil, basis: [CitationReference],
        sources: [String], concerns: [ConcernCategory], commitment: CommitmentTerms? = nil, alternatives: [String], listedAs: [String],
        absurd: [AbsurdPattern], hoursPerTrip: Double? = nil, trips: Int, days: Int, fee: Double, range: SourceRange
    ) {
        self.name = name
        self.kind = kind
        self.proves = proves
        self.issuers = issuers
        self.issuedBy = issuedBy
        self.basis = basis
        self.sources = sources
        self.concerns = concerns
        let plain = commitment == nil && hoursPerTrip == nil && alternatives.isEmpty && listedAs.isEmpty && absurd.isEmpty
        rare = plain
            ? nil : Rare(commitment: commitment, hoursPerTrip: hoursPerTrip, alternatives: alternatives, listedAs: listedAs, absurd: absurd)
        storedTrips = Int32(clamping: trips)
        storedDays = Int32(clamping: days)
        self.fee = fee
        self.range = range
    }
}


/// A written-commitment substitute (告知承诺) and the audit that follows it.
public struct CommitmentTerms: Sendable {
    public var text: String
    public var method: AuditMethod
    public var withinWorkingDays: Int?
    /// Share of commitments audited, 0…1.
    public var sample: Double
    public var auditor: String?
    public var liability: String?
    public var range: SourceRange
    /// When and to whom it is offered (rare; every decision with terms holds a copy, so it is a reference).
    private let offer: Offer?

    /// The date from which the commitment is offered (`effective`, when the catalogue or rule that offers it
    /// took effect): before the date no commitment is available.
    public var effective: CalendarDate? { offer?.effective }
    /// What offers it (`cites`): the commitment catalogue or rule.
    public var cites: [CitationReference] { offer?.cites ?? [] }
    /// The declared commitment catalogue (`commitment-catalogue`) whose entry these terms are, with its issuer and
    /// publication date; nil for terms declared on the requirement, condition or material.
    public var catalogue: CatalogueMention? { offer?.catalogue }
    /// The situations whose applicants may not commit (`not-for 严重失信主体`): 国办发〔2020〕42号 excludes applicants
    /// with serious bad credit or a past false commitment; a procedure that splits them out names them here.
    public var notFor: [String] { offer?.notFor ?? [] }

    /// A commitment catalogue as its terms name it.
    public struct CatalogueMention: Sendable {
        public var name: String
        public var issuer: String
        public var published: CalendarDate?
    }

    private final class Offer: Sendable {
        let effective: CalendarDate?
        let cites: [CitationReference]
        let notFor: [String]
        let catalogue: CatalogueMention?

        init(effective: CalendarDate?, cites: [CitationReference], notFor: [String], catalogue: CatalogueMention?) {
            self.effective = effective
            self.cites = cites
            self.notFor = notFor
            self.catalogue = catalogue
        }
    }

    public init(
        text: String, method: AuditMethod, withinWorkingDays: Int?, sample: Double, auditor: String?, liability: String?,
        effective: CalendarDate? = nil, cites: [CitationReference] = [], notFor: [String] = [], catalogue: CatalogueMention? = nil,
        range: SourceRange
    ) {
        self.text = text
        self.method = method
        self.withinWorkingDays = withinWorkingDays
        self.sample = sample
        self.auditor = auditor
        self.liability = liability
        self.range = range
        offer = effective == nil && cites.isEmpty && notFor.isEmpty && catalogue == nil
            ? nil : Offer(effective: effective, cites: cites, notFor: notFor, catalogue: catalogue)
    }

    /// Whether the commitment is offered on a date.
    public func isOffered(on date: CalendarDate) -> Bool { effective.map { $0 <= date } ?? true }
}

/// An approval to use a conditional source: for a department or procedure, from a date, until a date, and
/// whether each use needs the applicant's authorisation (授权).
public struct SharingApproval: Sendable {
    public var grantee: String
    public var from: CalendarDate?
    public var until: CalendarDate?
    public var needsAuthorisation: Bool

    /// Whether the approval holds on a date.
    public func holds(on date: CalendarDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (until.map { date < $0 } ?? true)
    }
}

/// A shareable data resource (政务数据资源). Immutable and shared, like `Material`: the evaluation context and the
/// decisions' candidate lists hold the same object instead of copying a value whose every field is counted.
public final class DataSource: Sendable {
    public let name: String
    public let provider: String
    public let sharing: SharingType
    public let kind: SourceKind
    public let items: [String]
    /// Departments or procedure ids approved to use a conditional source, without conditions.
    public let approved: [String]
    /// Dated approvals (`approval 公安机关 { from …  until …  authorisation applicant }`).
    public let approvals: [SharingApproval]
    /// Share of the population covered, 0…1.
    public let coverage: Double
    public let coverageNote: String?
    /// The situations (办理情形) whose applicants it holds (`covers 本省户籍`); empty: whoever its coverage says.
    public let covers: [String]
    public let from: CalendarDate?
    public let until: CalendarDate?
    public let range: SourceRange

    public init(
        name: String, provider: String, sharing: SharingType, kind: SourceKind, items: [String], approved: [String],
        approvals: [SharingApproval] = [], coverage: Double, coverageNote: String?, covers: [String] = [], from: CalendarDate?,
        until: CalendarDate?, range: SourceRange
    ) {
        self.name = name
        self.provider = provider
        self.sharing = sharing
        self.kind = kind
        self.items = items
        self.approved = approved
        self.approvals = approvals
        self.coverage = coverage
        self.coverageNote = coverageNote
        self.covers = covers
        self.from = from
        self.until = until
        self.range = range
    }

    /// Whether the source is available on a date.
    public func isAvailable(on date: CalendarDate) -> Bool {
        (from.map { $0 <= date } ?? true) && (until.map { date < $0 } ?? true)
    }
}

/// A public-service procedure (办事事项). Immutable and shared: copying a catalogue of 500,000 procedures (a
/// what-if replacing one of them) copies references, not values.
public final class Procedure: Sendable {
    public let id: String
    public let name: String
    public let department: String
    public let domain: String?
    /// Territory code, e.g. `CN-62` for Gansu.
    public let territory: String
    public let basis: [CitationReference]
    /// Applications per year.
    public let volume: Int
    public let requirements: [Requirement]
    /// The conditions the law sets for it (办理条件), which requirements are evidence of.
    public let conditions: [ProcedureCondition]
    /// The situations (办理情形) its applicants fall into, when the answer may differ between them.
    public let situations: [Situation]
    public let issues: [String]
    /// Trips the procedure itself costs the applicant, and its processing time in working days.
    public let trips: Int
    public let days: Int
    public let fee: Double
    /// Its 办事指南 beyond the materials (`guide { … }`), when declared.
    public var guide: ServiceGuide? { declaredGuide?.guide }
    /// Held behind a reference: inline, a guide is about 200 bytes of every procedure, declared or not.
    private let declaredGuide: DeclaredGuide?

    private final class DeclaredGuide: Sendable {
        let guide: ServiceGuide

        init(_ guide: ServiceGuide) {
            self.guide = guide
        }
    }

    /// 事项类型 (`category administrative-licence`), when declared.
    public let category: ProcedureCategory?
    public let range: SourceRange

    init(
        id: String, name: String, department: String, domain: String?, territory: String, basis: [CitationReference], volume: Int,
        requirements: [Requirement], conditions: [ProcedureCondition] = [], situations: [Situation] = [], issues: [String], trips: Int,
        days: Int, fee: Double, guide: ServiceGuide? = nil, category: ProcedureCategory? = nil, range: SourceRange
    ) {
        self.category = category
        self.id = id
        self.name = name
        self.department = department
        self.domain = domain
        self.territory = territory
        self.basis = basis
        self.volume = volume
        self.requirements = requirements
        self.conditions = conditions
        self.situations = situations
        self.issues = issues
        self.trips = trips
        self.days = days
        self.fee = fee
        declaredGuide = guide.map(DeclaredGuide.init)
        self.range = range
    }

    /// The condition of a name, if the procedure declares it.
    public func condition(named name: String) -> ProcedureCondition? { conditions.first { $0.name == name } }

    /// The situations a requirement applies in: its own, else those of the conditions it is evidence of, else
    /// every situation (empty when the procedure declares none).
    public func situations(of requirement: Requirement) -> [Situation] {
        var names = requirement.situations
        if names.isEmpty {
            let limited = requirement.evidenceOf.compactMap(condition(named:))
            if !limited.isEmpty, limited.allSatisfy({ !$0.situations.isEmpty }) { names = limited.flatMap(\.situations) }
        }
        return names.isEmpty ? situations : situations.filter { names.contains($0.name) }
    }
}

/// A condition the law sets for a procedure (办理条件: 参保人已死亡, 家庭人均收入低于当地标准): the article that sets
/// it, the data items that establish it, and the situations it holds in. A requirement says it is evidence of
/// it (`evidence-of`): then the fact, not the certificate, is what the office must establish, and a
/// certificate that proves a statutory condition is never removed for want of a basis of its own.
public struct ProcedureCondition: Sendable {
    public var name: String
    public var basis: [CitationReference]
    /// Data items that establish it: a source holding them verifies it without any certificate.
    public var items: [String]
    /// Whether any one of its evidence suffices (`proof any-of`) or each is needed (`all-of`, the default).
    public var proof: EvidenceProof
    /// The situations it holds in; empty: all.
    public var situations: [String]
    /// What the applicant promises about it, when a commitment may stand for its evidence.
    public var commitment: CommitmentTerms?
    public var range: SourceRange
}

/// How a condition's evidence combines (CCCEV: evidence type lists).
public enum EvidenceProof: String, Sendable, Codable, CaseIterable {
    case allOf = "all-of"
    case anyOf = "any-of"
}

/// A situation (办理情形): a segment of a procedure's applicants for whom the answer may differ (本地户籍 and
/// 外地户籍 when a data source holds only local records).
public struct Situation: Sendable, Hashable {
    public var name: String
    /// Share of the procedure's applicants in it, 0…1.
    public var share: Double
    public var note: String?
    /// Hours one trip takes its applicants (`hours-per-trip`: those from elsewhere travel farther), when it
    /// differs from the material's and the cost model's.
    public var hoursPerTrip: Double? = nil
    public var range: SourceRange

    public static func == (lhs: Situation, rhs: Situation) -> Bool { lhs.name == rhs.name && lhs.share == rhs.share }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// One material a procedure requires, with this procedure's own basis for it.
public struct Requirement: Sendable {
    public var material: String
    public var basis: [CitationReference]
    /// Share of applicants who must provide it, 0…1.
    public var share: Double
    public var purpose: String? { details?.purpose }
    public var note: String? { details?.note }
    public var absurd: [AbsurdPattern] { details?.absurd ?? [] }
    /// Commitment terms for this procedure's requirement: they replace the material's, whose promise and auditor
    /// may be another procedure's (继承公证 must not promise "参保人已死亡" to 人社).
    public var commitment: CommitmentTerms? { details?.commitment }
    /// The procedure's conditions this material is evidence of (`evidence-of`).
    public var evidenceOf: [String] { details?.evidenceOf ?? [] }
    /// The situations it is required in (`situation`); empty: those of its conditions, else all.
    public var situations: [String] { details?.situations ?? [] }
    /// The 示范文本 (a sample filled in, or the file that holds one) and the 常见错误 a guide lists for it.
    public var sample: String? { details?.sample }
    public var mistakes: [String] { details?.mistakes ?? [] }
    public var range: SourceRange
    /// Held behind a reference: most requirements have none of these (nor a purpose, a note or an absurd pattern), and a
    /// catalogue holds hundreds of thousands.
    private let details: Details?

    private final class Details: Sendable {
        let purpose: String?
        let note: String?
        let absurd: [AbsurdPattern]
        let commitment: CommitmentTerms?
        let evidenceOf: [String]
        let situations: [String]
        let sample: String?
        let mistakes: [String]

        init(
            purpose: String?, note: String?, absurd: [AbsurdPattern], commitment: CommitmentTerms?, evidenceOf: [String],
            situations: [String], sample: String?, mistakes: [String]
        ) {
            self.purpose = purpose
            self.note = note
            self.absurd = absurd
            self.commitment = commitment
            self.evidenceOf = evidenceOf
            self.situations = situations
            self.sample = sample
            self.mistakes = mistakes
        }
    }

    public init(
        material: String, basis: [CitationReference], share: Double, purpose: String?, note: String?, absurd: [AbsurdPattern],
        commitment: CommitmentTerms?, evidenceOf: [String] = [], situations: [String] = [], sample: String? = nil, mistakes: [String] = [],
        range: SourceRange
    ) {
        self.material = material
        self.basis = basis
        self.share = share
        self.range = range
        details = purpose == nil && note == nil && absurd.isEmpty && commitment == nil && evidenceOf.isEmpty && situations.isEmpty && sample == nil
            && mistakes.isEmpty
            ? nil
            : Details(
                purpose: purpose, note: note, absurd: absurd, commitment: commitment, evidenceOf: evidenceOf, situations: situations, sample: sample,
                mistakes: mistakes)
    }
}

/// An express delegation (明示授权): an article of a sufficient act that leaves a matter of its procedures to a
/// lower act ("应当符合国务院公安部门规定的驾驶许可条件"). What that act sets on the matter is then lawful for it,
/// and the delegating article is quoted; what it adds beyond the matter (its own proof) is not.
public struct ExpressDelegation: Sendable {
    /// The delegating article.
    public var article: CitationReference
    /// The act it delegates to, named as a citation (`《机动车驾驶证申领和使用规定》`).
    public var to: CitationReference
    public var matters: [DelegatedMatter]
    public var range: SourceRange
}

/// What an express delegation hands down.
public enum DelegatedMatter: String, Sendable, Codable, CaseIterable {
    /// The conditions (条件) of the procedures: a condition the lower act sets has a basis.
    case conditions
    /// The materials (申请材料) too: a certificate the lower act demands has a basis.
    case materials
}

/// Standard Cost Model parameters (domain/README.md §7).
public struct CostModel: Sendable {
    public var name: String
    /// Yuan per hour of an applicant's time.
    public var hourlyTariff: Double
    /// Hours of travel and waiting per trip.
    public var hoursPerTrip: Double
    /// Hours of cost per working day of delay.
    public var hoursPerDayOfDelay: Double
    /// Hours an office spends auditing one commitment afterwards (`audit-hours`; 0 when not declared).
    public var auditHours: Double = 0
    public var range: SourceRange
}
