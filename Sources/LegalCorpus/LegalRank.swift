/// The ranks of the 立法法 ladder, and which of them may set a certificate requirement (证明事项).
public enum LegalRank: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case law
    case administrativeRegulation = "administrative-regulation"
    case stateCouncilDecision = "state-council-decision"
    case localRegulation = "local-regulation"
    case autonomousRegulation = "autonomous-regulation"
    case departmentalRule = "departmental-rule"
    case localGovernmentRule = "local-government-rule"
    case normativeDocument = "normative-document"

    /// The Chinese label used in published lists: 法律, 行政法规 ….
    public var chinese: String {
        switch self {
        case .law: "法律"
        case .administrativeRegulation: "行政法规"
        case .stateCouncilDecision: "国务院决定"
        case .localRegulation: "地方性法规"
        case .autonomousRegulation: "自治条例、单行条例"
        case .departmentalRule: "部门规章"
        case .localGovernmentRule: "地方政府规章"
        case .normativeDocument: "规范性文件"
        }
    }

    /// Higher ranks sort first.
    public static func < (lhs: LegalRank, rhs: LegalRank) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
