import JianzhengBase

/// How a data source could supply a material to the office instead of the applicant.
public struct SharingOption: Sendable, Hashable {
    public enum Mode: String, Sendable, Codable, Comparable {
        /// The requiring department holds the data itself.
        case `internal`
        /// An electronic licence (电子证照).
        case eLicence = "e-licence"
        case unconditional
        /// Conditional sharing approved for this department or procedure.
        case conditionalApproved = "conditional-approved"

        public static func < (lhs: Mode, rhs: Mode) -> Bool {
            let order: [Mode] = [.internal, .eLicence, .unconditional, .conditionalApproved]
            return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
        }
    }

    /// The source considered: its name, provider, sharing type and coverage note are read from it (a review keeps
    /// hundreds of thousands of options, and a reference is 8 bytes where the copies were 49).
    let dataSource: DataSource
    public var source: String { dataSource.name }
    public var provider: String { dataSource.provider }
    public var sharing: SharingType { dataSource.sharing }
    /// Nil when the source does not qualify; `refusal` says why.
    public var mode: Mode?
    public var refusal: SharingRefusal?
    /// Each use needs the applicant's authorisation (the approval says so).
    public var needsAuthorisation = false
    /// The share of the requirement's applicants the source holds (the source's, or that of the situations it covers).
    public var coverage: Double
    public var coverageNote: String? { dataSource.coverageNote }
    /// When the source holds only some of the procedure's situations: those it holds.
    public var coveredSituations: [String] = []

    init(_ source: DataSource) {
        dataSource = source
        coverage = source.coverage
    }

    public static func == (lhs: SharingOption, rhs: SharingOption) -> Bool {
        lhs.source == rhs.source && lhs.provider == rhs.provider && lhs.sharing == rhs.sharing && lhs.mode == rhs.mode
            && lhs.refusal == rhs.refusal && lhs.needsAuthorisation == rhs.needsAuthorisation && lhs.coverage == rhs.coverage
            && lhs.coverageNote == rhs.coverageNote && lhs.coveredSituations == rhs.coveredSituations
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(provider)
        hasher.combine(sharing)
        hasher.combine(mode)
        hasher.combine(refusal)
        hasher.combine(needsAuthorisation)
        hasher.combine(coverage)
        hasher.combine(coverageNote)
        hasher.combine(coveredSituations)
    }
}

/// The sharing check for one requirement: the candidate sources, and the best qualifying one. Where many sources
/// hold what a material proves (a popular item in hundreds of sources), the decision keeps a bounded sample of
/// them — the qualifying ones best first, every mode represented, and refused ones, one per reason first — and
/// counts the rest: the verdict is computed from all of them, and a decision's size does not grow with the
/// catalogue.
public struct SharingAssessment: Sendable {
    public var options: [SharingOption]
    /// Candidate sources considered but not kept in `options` (0 almost always).
    public var omitted = 0

    /// How many options a decision keeps at most.
    public static let keptOptions = 12

    /// The qualifying option with the widest coverage, preferring internal data and e-licences.
    public var best: SharingOption? {
        options.filter { $0.mode != nil }.min { lhs, rhs in
            if lhs.coverage != rhs.coverage { return lhs.coverage > rhs.coverage }
            return (lhs.mode ?? .conditionalApproved) < (rhs.mode ?? .conditionalApproved)
        }
    }
}

/// Decides which of a material's candidate sources can supply it to a procedure on a date, and how.
struct SharingAssessor {
    let date: CalendarDate
    /// The situations of the procedure the requirement applies in; a source that `covers` only some situations
    /// covers only their share of the applicants (none of it when it covers none of them).
    var situations: [Situation] = []

    func assess(_ candidates: [DataSource], for procedure: Procedure) -> SharingAssessment {
        let all = candidates.map { option($0, procedure) }
        guard all.count > SharingAssessment.keptOptions else { return SharingAssessment(options: all) }
        return Self.bounded(all)
    }

    /// At most `keptOptions` of `all`: the qualifying ones best first (each mode's best among them), then refused
    /// ones, each kind of refusal once before any repeats; in the candidates' order within each group.
    static func bounded(_ all: [SharingOption]) -> SharingAssessment {
        let limit = SharingAssessment.keptOptions
        let qualifying = all.filter { $0.mode != nil }.sorted { lhs, rhs in
            if lhs.coverage != rhs.coverage { return lhs.coverage > rhs.coverage }
            return (lhs.mode ?? .conditionalApproved) < (rhs.mode ?? .conditionalApproved)
        }
        var kept: [SharingOption] = []
        var modes = Set<SharingOption.Mode>()
        for option in qualifying where option.mode.map({ modes.insert($0).inserted }) == true { kept.append(option) }
        for option in qualifying where kept.count < limit / 2 && !kept.contains(where: { $0.source == option.source }) { kept.append(option) }
        var reasons = Set<Int>()
        let refused = all.filter { $0.mode == nil }
        for option in refused where kept.count < limit && reasons.insert(option.refusal?.kind ?? -1).inserted { kept.append(option) }
        for option in refused where kept.count < limit && !kept.contains(where: { $0.source == option.source }) { kept.append(option) }
        return SharingAssessment(options: kept, omitted: all.count - kept.count)
    }

    private func option(_ source: DataSource, _ procedure: Procedure) -> SharingOption {
        var option = SharingOption(source)
        if !source.isAvailable(on: date) {
            option.refusal = .notInService(on: date)
        } else if source.coverage <= 0 {
            // A source that holds nobody's data cannot replace anybody's certificate, whatever its sharing mode.
            option.refusal = .noCoverage
        } else if let covered = coveredShare(of: source), covered <= 0 {
            option.refusal = .coversNoSituation(covers: source.covers)
        } else if source.provider.hasSameBytes(as: procedure.department) {
            option.mode = .internal
        } else {
            switch source.sharing {
            case .unconditional:
                option.mode = source.kind == .eLicence ? .eLicence : .unconditional
            case .conditional:
                // Departments and procedures are named as declared (JZ2016): their names are compared by bytes.
                let isGrantee = { (name: String) in name.hasSameBytes(as: procedure.department) || name.hasSameBytes(as: procedure.id) }
                let approvals = source.approvals.filter { isGrantee($0.grantee) }
                if source.approved.contains(where: isGrantee) {
                    option.mode = .conditionalApproved
                } else if let approval = approvals.first(where: { $0.holds(on: date) }) {
                    option.mode = .conditionalApproved
                    option.needsAuthorisation = approval.needsAuthorisation
                } else if let approval = approvals.first {
                    option.refusal = .approvalNotInForce(grantee: approval.grantee, on: date)
                } else {
                    option.refusal = .notApproved(department: procedure.department)
                }
            case .none:
                option.refusal = .notShared(provider: source.provider)
            }
        }
        if option.mode != nil, let covered = coveredShare(of: source) {
            option.coverage = covered
            if covered < 1 { option.coveredSituations = situations.map(\.name).filter(source.covers.contains) }
        }
        return option
    }

    /// The share of the requirement's applicants in the situations a source covers, 0…1; nil when the source
    /// holds every situation alike (it names none, or the procedure declares none).
    private func coveredShare(of source: DataSource) -> Double? {
        guard !source.covers.isEmpty, !situations.isEmpty else { return nil }
        let total = situations.reduce(0) { $0 + $1.share }
        let covered = situations.filter { source.covers.contains($0.name) }.reduce(0) { $0 + $1.share }
        return total > 0 ? covered / total : 0
    }
}
