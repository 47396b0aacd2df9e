import Jianzheng
import LegalCorpus

/// Every label a report prints, in Chinese and English.
struct ReportText {
    let language: ReportLanguage

    private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    // Punctuation: full-width in Chinese, ASCII with spaces in English.
    var colon: String { pick("：", ": ") }
    var open: String { pick("（", " (") }
    var close: String { pick("）", ")") }
    var semicolon: String { pick("；", "; ") }
    var comma: String { pick("，", ", ") }
    var stop: String { pick("。", ". ") }
    var dash: String { pick("——", " — ") }

    var title: String { pick("证明事项审查论证报告", "Certificate review: justification report") }
    var procedureTitle: String { pick("办事事项证明材料论证报告", "Procedure justification report") }
    var proposalTitle: String { pick("拟议变更论证报告", "Proposed change: justification report") }
    var summary: String { pick("一、审查概况", "1. Summary") }
    var proposal: String { pick("二、拟议变更", "2. The proposed change") }
    var lists: String { pick("三、公布清单", "3. Published lists") }
    var cycles: String { pick("四、循环证明", "4. Circular proofs") }
    var procedures: String { pick("五、逐项论证", "5. Procedure by procedure") }
    var receipt: String { pick("六、可复现说明", "6. Reproducibility receipt") }
    var asOf: String { pick("评估日期", "As of") }
    var policy: String { pick("适用政策", "Policy") }
    var procedureCount: String { pick("办事事项", "Procedures") }
    var requirementCount: String { pick("材料要求", "Required materials") }
    var certificateCount: String { pick("其中证明", "of which certificates") }
    var removed: String { pick("取消的证明", "Certificates removed") }
    var tripsSaved: String { pick("每年减少跑动（次）", "Trips saved per year") }
    var hoursSaved: String { pick("每年节省时间（小时）", "Hours saved per year") }
    var costBefore: String { pick("年办事成本（元）审查前", "Annual cost (yuan) before") }
    var costAfter: String { pick("年办事成本（元）审查后", "Annual cost (yuan) after") }
    var auditHours: String { pick("办事部门每年核查承诺（小时）", "Office hours auditing commitments per year") }
    var auditCost: String { pick("办事部门年核查成本（元）", "Annual cost of those audits (yuan)") }
    var cyclesFound: String { pick("循环证明（发现 / 破除）", "Circular proofs (found / broken)") }
    var none: String { pick("无", "none") }

    func verdict(_ verdict: Verdict) -> String { language == .zh ? verdict.chinese : verdict.rawValue }

    var retainedList: String { pick("保留证明事项清单", "List of retained certificates") }
    var retainedHeader: [String] {
        language == .zh
            ? ["序号", "证明名称", "证明用途", "设定依据", "索要单位", "开具单位", "不能实行告知承诺及保留原因", "备注"]
            : ["No.", "Certificate", "Purpose", "Legal basis", "Required by", "Issued by", "Why no commitment; why kept", "Notes"]
    }
    var cancelledList: String { pick("取消证明事项清单", "List of cancelled certificates") }
    var cancelledHeader: [String] {
        language == .zh
            ? ["序号", "证明名称", "索要单位（事项）", "开具单位", "取消理由", "取消替代方式"]
            : ["No.", "Certificate", "Required by (procedure)", "Issued by", "Why cancelled", "Replaced by"]
    }
    var commitmentList: String { pick("告知承诺事项目录", "Commitment catalogue") }
    var commitmentHeader: [String] {
        language == .zh
            ? ["序号", "证明名称", "办事事项", "设定依据", "核查方式", "核查时限", "抽查比例", "核查部门"]
            : ["No.", "Certificate", "Procedure", "Legal basis", "Audit method", "Within", "Sample", "Auditor"]
    }
    var pendingList: String { pick("待核实依据清单", "Bases to verify") }
    var pendingHeader: [String] {
        language == .zh
            ? ["序号", "证明名称", "办事事项", "所引依据", "问题", "审查结论"] : ["No.", "Certificate", "Procedure", "Cited basis", "Problem", "Verdict"]
    }
    var sharingList: String { pick("共享获取事项目录", "Obtained by data sharing") }
    var sharingHeader: [String] {
        language == .zh
            ? ["序号", "材料名称", "办事事项", "数据资源", "提供单位", "共享方式", "覆盖率"]
            : ["No.", "Material", "Procedure", "Data source", "Provider", "Sharing mode", "Coverage"]
    }
    var materialHeader: [String] {
        language == .zh ? ["材料", "类型", "结论", "理由代码", "决定规则"] : ["Material", "Kind", "Verdict", "Reason", "Rule"]
    }
    var verdictLine: String { pick("结论", "Verdict") }
    var basisChain: String { pick("设定依据", "Legal basis") }
    var sharingCheck: String { pick("数据共享核查", "Sharing check") }
    var commitmentCheck: String { pick("告知承诺核查", "Commitment check") }
    var replacement: String { pick("替代方式", "Replaced by") }
    var conditionsProven: String { pick("证明的办理条件", "Conditions it proves") }
    var situationsLabel: String { pick("各办理情形", "By situation") }
    var alternatives: String { pick("未采用的处理方式", "Alternatives not taken") }
    var conditionSetBy: String { pick("设定条件", "set by") }
    var uncovered: String { pick("数据资源未覆盖的申请人", "Applicants the data source does not cover") }
    var burden: String { pick("办事负担（每件）", "Burden per application") }
    var burdenHeader: [String] {
        language == .zh ? ["", "证明（份）", "跑动（次）", "时间（天）", "费用（元）", "年成本（元）"] : ["", "Certificates", "Trips", "Days", "Fees", "Annual cost"]
    }
    var before: String { pick("审查前", "Before") }
    var after: String { pick("审查后", "After") }
    var noBasis: String { pick("未引用任何依据", "No basis cited") }
    var noSource: String { pick("没有能提供所证明信息的数据资源", "No data source holds what it proves") }
    var notInCatalogue: String { pick("未列入告知承诺目录", "No commitment terms declared") }
    var excludedBecause: String { pick("所证明事项直接涉及：", "What it proves directly concerns: ") }
    var eligible: String { pick("不涉及排除事项，可以告知承诺", "No excluded matter: a commitment may replace it") }
    var version: String { pick("起施行的版本", "version in force from") }
    var unverified: String { pick("条文未与公报核对", "text not verified against the official gazette") }
    var cut: String { pick("建议优先切断", "cut first") }
    var cutFirst: String { pick("建议切断 cut", "cut first") }
    func demands(_ procedure: String, _ material: String) -> String { pick("\(procedure) 索要 \(material)", "\(procedure) asks for \(material)") }
    var changesHeader: [String] {
        language == .zh
            ? ["办事事项", "材料", "变化", "变更前", "变更后", "说明"] : ["Procedure", "Material", "Change", "Before", "After", "Details"]
    }
    var findings: String { pick("审查发现", "Findings") }
    var engine: String { pick("引擎版本", "Engine version") }
    var rulesDigest: String { pick("规则文件摘要（SHA-256）", "Rules digest (SHA-256)") }
    var corpusDigest: String { pick("法律依据库摘要（SHA-256）", "Legal corpus digest (SHA-256)") }
    var overlays: String { pick("拟议变更文件", "Proposal files") }
    var computedNote: String {
        pick("本报告中的全部数字由减证引擎根据所列规则、法律依据库和政策计算得出。", "Every number in this report is computed by the Jianzheng engine from the rules, corpus and policy listed here.")
    }

    func reason(_ code: ReasonCode) -> String {
        guard language == .zh else { return code.rawValue }
        switch code {
        case .noBasis: return "没有法律、法规或者国务院决定依据"
        case .basisRankInsufficient: return "设定依据位阶不足（规章或规范性文件不得设定证明事项）"
        case .basisRepealed: return "设定依据已废止或相关条款已修改删除"
        case .basisNotYetInForce: return "设定依据尚未施行"
        case .basisOutsideTerritory: return "设定依据为外地地方性法规，不适用于本地"
        case .issuerProhibited: return "开具单位不得出具该类证明"
        case .absurdProvableByLicence: return "申请人已提交的法定证照足以证明"
        case .absurdSelfEvident: return "事实当场即可核验"
        case .absurdIssuerCannotVerify: return "开具单位无法调查核实"
        case .absurdUnrelated: return "与办理事项无关"
        case .dutyShifted: return "法规规定由行政机关调查核实，不应转由申请人证明"
        case .shareable: return "可通过数据共享获取"
        case .commitmentEligible: return "可以告知承诺替代"
        case .basisSufficient: return "有充分的法律依据，予以保留"
        case .notACertificate: return "不属于证明事项"
        case .basisPendingVerification: return "所引依据不在法律依据库中，待核实，暂予保留"
        case .circularProof: return "构成循环证明，为破除循环而取消"
        case .policyRule: return "依政策规则处理"
        case .statutoryCondition: return "所证明的是法定办理条件，无共享数据、不能告知承诺，予以保留"
        case .provenByOtherEvidence: return "该办理条件已由其他证据证明"
        }
    }

    func rank(_ rank: LegalRank?) -> String {
        guard let rank else { return "" }
        return language == .zh ? rank.chinese : rank.rawValue
    }
}
