/// The closed vocabularies of the language. Each raw value is the spelling used in `.jz` files.

/// What kind of document a material is (domain/README.md §3.1).
public enum MaterialKind: String, Sendable, Codable, CaseIterable {
    /// A third-party 证明: the engine's main target.
    case certificate
    /// A statutory licence or identity document (法定证照): 身份证, 户口簿, 营业执照.
    case licenceOrID = "licence-or-id"
    case applicationForm = "application-form"
    /// The applicant's own document: a plan, a contract.
    case selfProduced = "self-produced"

    public var chinese: String {
        switch self {
        case .certificate: "证明"
        case .licenceOrID: "法定证照"
        case .applicationForm: "申请表"
        case .selfProduced: "申请人自备材料"
        }
    }
}

/// Who an issuer is, which decides whether it may issue a given certificate.
public enum DepartmentKind: String, Sendable, Codable, CaseIterable {
    case government
    case villageCommittee = "village-committee"
    case residentsCommittee = "residents-committee"
    case hospital, school, employer, bank, notary, enterprise
}

/// The sharing attribute of a data resource (共享属性).
public enum SharingType: String, Sendable, Codable, CaseIterable {
    /// 无条件共享.
    case unconditional
    /// 有条件共享: only for approved requesters.
    case conditional
    /// 不予共享.
    case none
}

/// What kind of data resource a source is.
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    case database
    /// 电子证照.
    case eLicence = "e-licence"
}

/// Post-hoc verification methods (核查方式, 国办发〔2020〕42号).
public enum AuditMethod: String, Sendable, Codable, CaseIterable {
    case 书面核查, 网络核验, 实地调查, 公示核查, 免予核查
}

/// Matters whose certificates may not be replaced by a commitment (国办发〔2020〕42号).
public enum ConcernCategory: String, Sendable, Codable, CaseIterable {
    case nationalSecurity = "national-security"
    case stateSecrets = "state-secrets"
    case publicSafety = "public-safety"
    case financialPrudential = "financial-prudential"
    case ecology
    case lifeHealth = "life-health"
    case lifeProperty = "life-property"
    case foreignAffairs = "foreign-affairs"
    case none

    public var chinese: String {
        switch self {
        case .nationalSecurity: "国家安全"
        case .stateSecrets: "国家秘密"
        case .publicSafety: "公共安全"
        case .financialPrudential: "金融业审慎监管"
        case .ecology: "生态环境保护"
        case .lifeHealth: "人身健康"
        case .lifeProperty: "生命财产安全"
        case .foreignAffairs: "重要涉外"
        case .none: "无"
        }
    }
}

/// Patterns of absurd certificates (奇葩证明) that an analyst declares on a material or requirement.
public enum AbsurdPattern: String, Sendable, Codable, CaseIterable {
    /// The fact is evident at the counter (a 健在证明 for a person standing there).
    case selfEvident = "self-evident"
    /// The issuer cannot investigate the fact (优化营商环境条例 44).
    case issuerCannotVerify = "issuer-cannot-verify"
    /// Unrelated to the purpose of the procedure (行政许可法 31).
    case unrelatedToPurpose = "unrelated-to-purpose"
}

/// The primary decision for one required material.
public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    case remove
    case obtainBySharing = "obtain-by-sharing"
    case commitment
    case keep

    public var chinese: String {
        switch self {
        case .remove: "取消"
        case .obtainBySharing: "共享获取"
        case .commitment: "告知承诺"
        case .keep: "保留"
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// Who must authorise each use of an approved conditional source.
public enum AuthorisationBy: String, Sendable, CaseIterable {
    case applicant
}

/// The units a number may carry in a `.jz` file, each in its Chinese and English spelling.
public enum Units {
    public static let workingDays = ["工作日", "working-days"]
    public static let yuan = ["元"]
    public static let perYear = ["件/年", "per-year"]
    /// A citation as the language writes one, for messages.
    public static let citationExample = "《婚姻登记条例》第五条"
}

/// The kind of power or service a procedure is (事项类型, as the 政务服务事项 catalogues classify them): what a
/// statute may say of it — a 行政许可 must be decided within 行政许可法 §42's time limit.
public enum ProcedureCategory: String, Sendable, Codable, CaseIterable {
    case administrativeLicence = "administrative-licence"
    case administrativeConfirmation = "administrative-confirmation"
    case administrativePayment = "administrative-payment"
    case administrativeAward = "administrative-award"
    case administrativeAdjudication = "administrative-adjudication"
    case otherPower = "other-power"
    case publicService = "public-service"

    /// The name the catalogues use.
    public var chinese: String {
        switch self {
        case .administrativeLicence: "行政许可"
        case .administrativeConfirmation: "行政确认"
        case .administrativePayment: "行政给付"
        case .administrativeAward: "行政奖励"
        case .administrativeAdjudication: "行政裁决"
        case .otherPower: "其他行政权力"
        case .publicService: "公共服务"
        }
    }
}

/// What a step of a procedure is, where a statute treats it apart: the time a 行政许可 needs for a hearing,
/// tendering, auction, inspection, testing, quarantine, appraisal or expert review is not counted in its time
/// limit (行政许可法 §45).
public enum StepKind: String, Sendable, Codable, CaseIterable {
    case ordinary
    case hearing
    case tendering
    case auction
    case inspection
    case testing
    case quarantine
    case appraisal
    case expertReview = "expert-review"

    /// Whether its days are left out of a licensing time limit.
    public var isOutsideTheLimit: Bool { self != .ordinary }

    public var chinese: String {
        switch self {
        case .ordinary: "一般环节"
        case .hearing: "听证"
        case .tendering: "招标"
        case .auction: "拍卖"
        case .inspection: "检验"
        case .testing: "检测"
        case .quarantine: "检疫"
        case .appraisal: "鉴定"
        case .expertReview: "专家评审"
        }
    }
}
