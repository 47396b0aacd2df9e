import Jianzheng

/// What part of a review a report covers: procedures (by id, or by department) and verdicts. Every filter that
/// is nil takes everything; a report of a scope computes its counts, lists and burden over that scope only.
public struct ReportScope: Sendable {
    /// Procedure ids (`--procedure`, `--procedures FILE`).
    public var procedures: Set<String>?
    /// Implementing departments (`--department`).
    public var departments: Set<String>?
    /// Verdicts (`--verdict`): the requirements decided so, and the procedures that have one.
    public var verdicts: Set<Verdict>?

    public init(procedures: Set<String>? = nil, departments: Set<String>? = nil, verdicts: Set<Verdict>? = nil) {
        self.procedures = procedures
        self.departments = departments
        self.verdicts = verdicts
    }

    /// The whole review.
    public static let everything = ReportScope()

    public var isEverything: Bool { procedures == nil && departments == nil && verdicts == nil }

    /// The one procedure the scope is, when it is a one-procedure report.
    var singleProcedure: String? {
        guard let procedures, procedures.count == 1, departments == nil, verdicts == nil else { return nil }
        return procedures.first
    }

    func includes(_ decision: Decision) -> Bool {
        includesProcedure(of: decision) && (verdicts?.contains(decision.verdict) ?? true)
    }

    /// Whether the decision's procedure is in the scope (whatever its verdict).
    func includesProcedure(of decision: Decision) -> Bool {
        (procedures?.contains(decision.procedureID) ?? true) && (departments?.contains(decision.department) ?? true)
    }

    /// The decisions of `list` in the scope, in order; a procedure out of it is skipped whole, its decisions not
    /// copied (a split report takes its scope's decisions once per part).
    func decisions(of list: DecisionList) -> [Decision] {
        if isEverything { return Array(list) }
        var result: [Decision] = []
        for group in list.byProcedure {
            guard let first = group.first, includesProcedure(of: first) else { continue }
            result += verdicts == nil ? group : group.filter(includes)
        }
        return result
    }

    /// The scope of one department's part of a split report: these procedures, the same verdicts.
    public func part(_ department: String) -> ReportScope {
        ReportScope(procedures: procedures, departments: [department], verdicts: verdicts)
    }
}

/// A part of a report split by department: its department, how many procedures it covers, its file (relative to
/// the index).
public struct ReportPart: Sendable {
    public var department: String
    public var procedures: Int
    public var file: String

    public init(department: String, procedures: Int, file: String) {
        self.department = department
        self.procedures = procedures
        self.file = file
    }
}
