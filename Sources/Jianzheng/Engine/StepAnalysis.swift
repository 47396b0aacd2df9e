import JianzhengBase
import LegalCorpus

/// A finding on a procedure's steps and time limits (甘政办发〔2016〕20号, task 五: fewer steps, shorter time limits,
/// 一口受理, 并联办理), found like the findings on its materials and cited the same way.
public struct StepFinding: Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A step no article sets (the guide cites none for it).
        case stepWithoutBasis = "step-without-basis"
        /// The promised time limit is longer than the statutory one.
        case promisedAboveLegal = "promised-above-legal"
        /// The steps take longer, one after another, than the time limit the guide promises (or, without one, the
        /// statutory one).
        case stepsAboveLimit = "steps-above-limit"
        /// Steps of different departments that need nothing from each other run one after the other: run side by
        /// side (并联办理) they would take fewer days.
        case parallelPossible = "parallel-possible"
        /// The applicant is sent to several windows: one window could accept it (一口受理).
        case severalWindows = "several-windows"
        /// A 行政许可 whose promised limit or counted steps exceed the statutory ceiling (行政许可法 §42), and no
        /// law or regulation sets another limit for it. `days` are those counted (§45 steps left out), `limit`
        /// the ceiling, `extensionDays` the days the head may add.
        case aboveLicensingLimit = "above-licensing-limit"
    }

    public let kind: Kind
    public let procedureID: String
    /// The steps it concerns, in the guide's order.
    public let steps: [String]
    /// The working days found (the steps' total, the promised limit), and what they are compared with.
    public let days: Int?
    public let limit: Int?
    /// For `parallelPossible`: the working days running the steps side by side would save.
    public let saved: Int?
    /// For `aboveLicensingLimit`: the days the office's head may add, and the steps not counted (§45).
    public var extensionDays: Int? = nil
    public var notCounted: [String] = []
    /// The articles it rests on: the guide's basis of its time limit, or the policy's for 并联办理 and 一口受理.
    public let citations: [CitationReference]
    public let range: SourceRange
}

/// Checks the steps and time limits of every procedure that has a guide.
public enum StepAnalysis {
    /// The findings on `procedures`, in their order; `policy` gives the articles 并联办理 and 一口受理 rest on.
    /// `act(citation)` is the cited act on the review date (nil when the corpus cannot say): a licence whose time
    /// limit another law or regulation sets is held to that limit, not to the policy's `licensing-limit`.
    public static func findings(_ procedures: [Procedure], policy: Policy, act: (CitationReference) -> LegalAct? = { _ in nil }) -> [StepFinding] {
        let ceilingActs = Set((policy.licensingLimit?.basis ?? []).compactMap(act).map(\.workURI))
        return procedures.flatMap { procedure in
            findings(procedure, policy: policy) { citation in
                act(citation).map { !ceilingActs.contains($0.workURI) && ranksSettingLimits.contains($0.rank) } ?? false
            }
        }
    }

    /// The ranks whose acts may set another time limit for a 行政许可 (行政许可法 §42: 法律、法规另有规定的，依照其规定).
    static let ranksSettingLimits: Set<LegalRank> = [.law, .administrativeRegulation, .localRegulation, .autonomousRegulation]

    /// `setsOwnLimit(citation)`: the citation is a law or regulation other than the ceiling's that sets a time limit.
    static func findings(_ procedure: Procedure, policy: Policy, setsOwnLimit: (CitationReference) -> Bool) -> [StepFinding] {
        guard let guide = procedure.guide else { return [] }
        var found: [StepFinding] = []
        func add(_ kind: StepFinding.Kind, steps: [String] = [], days: Int? = nil, limit: Int? = nil, saved: Int? = nil, cites: [CitationReference] = [], at range: SourceRange) {
            found.append(StepFinding(kind: kind, procedureID: procedure.id, steps: steps, days: days, limit: limit, saved: saved, citations: cites, range: range))
        }
        for step in guide.steps where step.basis.isEmpty { add(.stepWithoutBasis, steps: [step.name], at: step.range) }
        if let promised = guide.promisedLimit, let legal = guide.legalLimit, promised > legal {
            add(.promisedAboveLegal, days: promised, limit: legal, cites: guide.legalLimitBasis, at: guide.range)
        }
        if let durations = guide.durations {
            if let limit = guide.promisedLimit ?? guide.legalLimit, durations.sequential > limit {
                add(.stepsAboveLimit, steps: guide.steps.map(\.name), days: durations.sequential, limit: limit, cites: guide.legalLimitBasis, at: guide.range)
            }
            let departments = Set(guide.steps.compactMap(\.department))
            if durations.dependent < durations.sequential, departments.count > 1 {
                add(
                    .parallelPossible, steps: guide.steps.map(\.name), days: durations.sequential, limit: durations.dependent,
                    saved: durations.sequential - durations.dependent, cites: policy.parallelCites, at: guide.range)
            }
        }
        if guide.windows.count > 1 { add(.severalWindows, steps: guide.windows, cites: policy.oneWindowCites, at: guide.range) }
        if procedure.category == .administrativeLicence, let ceiling = policy.licensingLimit,
            !guide.legalLimitBasis.contains(where: setsOwnLimit)
        {
            let counted = guide.countedDays
            let longest = [guide.promisedLimit, guide.legalLimit, counted].compactMap { $0 }.max()
            if let longest, longest > ceiling.days {
                var finding = StepFinding(
                    kind: .aboveLicensingLimit, procedureID: procedure.id, steps: guide.steps.map(\.name), days: longest, limit: ceiling.days,
                    saved: nil, citations: ceiling.basis, range: guide.range)
                finding.extensionDays = ceiling.extensionDays
                finding.notCounted = guide.steps.filter(\.kind.isOutsideTheLimit).map(\.name)
                found.append(finding)
            }
        }
        return found
    }
}
