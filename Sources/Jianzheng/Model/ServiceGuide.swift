import JianzhengBase

/// What a procedure's 办事指南 says beyond its materials (甘政办发〔2016〕20号, task 三): who accepts it and where,
/// its steps with their departments, time limits and bases, the statutory and promised time limits, the basis of
/// its fee, and whom to ask or complain to. Declared in the procedure's `guide { … }` block.
public struct ServiceGuide: Sendable {
    /// One step (环节) of the procedure: 受理、审查、决定、送达 ….
    public struct Step: Sendable {
        public let name: String
        public let department: String?
        /// Its time limit in working days.
        public let days: Int?
        public let basis: [CitationReference]
        /// The steps whose results it needs (a data dependency). A step that names none follows the one before
        /// it, as the guide lists them: that order is how it is done today, not what the law requires.
        public let after: [String]
        /// A hearing, inspection, expert review … (`kind`): its days are not counted in a licensing time limit.
        public let kind: StepKind
        public let range: SourceRange

        public init(
            name: String, department: String?, days: Int?, basis: [CitationReference], after: [String], kind: StepKind = .ordinary,
            range: SourceRange
        ) {
            self.kind = kind
            self.name = name
            self.department = department
            self.days = days
            self.basis = basis
            self.after = after
            self.range = range
        }
    }

    /// 受理单位.
    public let acceptedBy: String?
    /// 服务对象: whom the service is for (自然人, 法人 …).
    public let serves: String?
    /// Where it is handled in person (办理地点, 窗口).
    public let windows: [String]
    /// Where it is handled online (一网通办 platform).
    public let online: String?
    public let steps: [Step]
    /// 法定时限, in working days, and the articles that set it.
    public let legalLimit: Int?
    public let legalLimitBasis: [CitationReference]
    /// The law sets no time limit (`legal-limit none`): said, not missing.
    public let noLegalLimit: Bool
    /// 承诺时限, in working days.
    public let promisedLimit: Int?
    /// The basis of the fee (收费依据); the fee itself is the procedure's `fee`.
    public let feeBasis: [CitationReference]
    /// 咨询方式 and 监督投诉方式.
    public let consult: String?
    public let complain: String?
    /// The published guide these facts were taken from; nil: they are illustrative.
    public let source: String?
    public let range: SourceRange

    /// The days the steps take as the guide lists them (each after the one before it) and as their dependencies
    /// allow (each after the steps it names in `after`, side by side otherwise); nil without steps or days.
    public var durations: (sequential: Int, dependent: Int)? {
        guard !steps.isEmpty, steps.contains(where: { $0.days != nil }) else { return nil }
        let sequential = steps.reduce(0) { $0 + ($1.days ?? 0) }
        // The earliest finish of each step: its own days after the latest finish of what it needs. A step naming
        // nothing needs the last step before it of its own department (an office does its own work in order),
        // else the first step (the application is accepted before anyone works on it); what other departments do
        // it does not need unless it says so, so their steps may run side by side.
        var finish: [String: Int] = [:]
        for (index, step) in steps.enumerated() {
            var needs = step.after
            if needs.isEmpty, index > 0 {
                let own = steps[..<index].last { $0.department == step.department }
                needs = [(own ?? steps[0]).name]
            }
            let start = needs.compactMap { finish[$0] }.max() ?? 0
            finish[step.name] = start + (step.days ?? 0)
        }
        return (sequential, finish.values.max() ?? 0)
    }

    /// The working days its steps take one after another, leaving out the hearings, inspections, expert reviews …
    /// a licensing time limit does not count (行政许可法 §45); nil without steps or days.
    public var countedDays: Int? {
        guard durations != nil else { return nil }
        return steps.filter { !$0.kind.isOutsideTheLimit }.reduce(0) { $0 + ($1.days ?? 0) }
    }

    public init(
        acceptedBy: String?, serves: String?, windows: [String], online: String?, steps: [Step], legalLimit: Int?, legalLimitBasis: [CitationReference],
        noLegalLimit: Bool = false, promisedLimit: Int?, feeBasis: [CitationReference], consult: String?, complain: String?, source: String?, range: SourceRange
    ) {
        self.acceptedBy = acceptedBy
        self.serves = serves
        self.windows = windows
        self.online = online
        self.steps = steps
        self.legalLimit = legalLimit
        self.legalLimitBasis = legalLimitBasis
        self.noLegalLimit = noLegalLimit
        self.promisedLimit = promisedLimit
        self.feeBasis = feeBasis
        self.consult = consult
        self.complain = complain
        self.source = source
        self.range = range
    }
}

/// A part of a 办事指南 that the founding plan asks every guide to have (task 三).
public enum GuideField: String, Sendable, CaseIterable {
    case guide
    case acceptedBy = "accepted-by"
    case channel = "window"
    case steps = "step"
    case legalLimit = "legal-limit"
    case promisedLimit = "promised-limit"
    case feeBasis = "fee-basis"
    case consult
    case complain

    /// What a procedure's guide lacks: every field when it has no `guide` block, else the ones not given (the
    /// basis of a fee only when there is a fee).
    public static func missing(in procedure: Procedure) -> [GuideField] {
        guard let guide = procedure.guide else { return [.guide] }
        var missing: [GuideField] = []
        if guide.acceptedBy == nil { missing.append(.acceptedBy) }
        if guide.windows.isEmpty, guide.online == nil { missing.append(.channel) }
        if guide.steps.isEmpty { missing.append(.steps) }
        if guide.legalLimit == nil, !guide.noLegalLimit { missing.append(.legalLimit) }
        if guide.promisedLimit == nil { missing.append(.promisedLimit) }
        if procedure.fee > 0, guide.feeBasis.isEmpty { missing.append(.feeBasis) }
        if guide.consult == nil { missing.append(.consult) }
        if guide.complain == nil { missing.append(.complain) }
        return missing
    }
}

extension Procedure {
    /// The working days an applicant waits for the procedure itself: its guide's steps one after another, as the
    /// guide lists them (what is done today), else its `days`.
    public var waitingDays: Int {
        guide?.durations?.sequential ?? days
    }
}
