import Jianzheng
import JianzhengBase
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
    // Section names; numbers are given in order to the sections a report has (`numbered`), so none is skipped.
    var summary: String { pick("审查概况", "Summary") }
    var proposal: String { pick("拟议变更", "The proposed change") }
    var lists: String { pick("公布清单", "Published lists") }
    var cycles: String { pick("循环证明", "Circular proofs") }
    var procedures: String { pick("逐项论证", "Procedure by procedure") }
    var receipt: String { pick("可复现说明", "Reproducibility receipt") }
    var codes: String { pick("代码对照", "Codes") }
    var parts: String { pick("分册", "Parts") }
    var partsHeader: [String] { language == .zh ? ["实施部门", "事项数", "分册文件"] : ["Department", "Procedures", "File"] }
    var departmentsLabel: String { pick("实施部门", "Departments") }
    var verdictsLabel: String { pick("审查结论", "Verdicts") }
    var listSeparator: String { pick("、", ", ") }
    var articlesAppendix: String { pick("法律依据原文", "Texts of the law cited") }
    var contents: String { pick("目　录", "Contents") }
    var preparedBy: String { pick("编制单位", "Prepared by") }
    var dated: String { pick("日期", "Date") }
    /// Where an article quoted earlier (or in the appendix) is found: （原文见附录一第3条）.
    func seeArticle(_ number: Int) -> String { pick("（原文见附录一第\(number)条）", " (text: appendix 1, no. \(number))") }
    /// The n-th appendix's heading: 附录一　法律依据原文.
    func appendix(_ index: Int, _ name: String) -> String {
        language == .zh ? "附录\(ChineseNumeral.format(index))　\(name)" : "Appendix \(index). \(name)"
    }
    /// The heading of the n-th subsection, level 3 (（一）/ 1.1) or 4 (1. / 1.1.1), under `parents` (English only).
    func subnumbered(_ index: Int, parents: [Int], _ name: String) -> String {
        if language == .en { return (parents + [index]).map(String.init).joined(separator: ".") + " " + name }
        return parents.count == 1 ? "（\(ChineseNumeral.format(index))）\(name)" : "\(index). \(name)"
    }
    var codesHeader: [String] { language == .zh ? ["代码", "含义"] : ["Code", "Meaning"] }

    /// The n-th section's heading (from 1): 一、审查概况 / 1. Summary.
    func numbered(_ index: Int, _ name: String) -> String {
        language == .zh ? "\(ChineseNumeral.format(index))、\(name)" : "\(index). \(name)"
    }

    /// A flag in words.
    func flag(_ flag: Flag) -> String {
        guard language == .zh else { return flag.rawValue }
        switch flag {
        case .delegatedBasis: return "依据授权下位规定"
        case .conditionOnlyBasis: return "依据只设条件"
        case .dutyShifted: return "应由行政机关核实"
        case .partialCoverage: return "数据部分覆盖"
        case .commitmentExcludedDomain: return "涉及不适用承诺的领域"
        case .commitmentExcludedApplicant: return "失信或虚假承诺者不适用承诺"
        case .catalogueConflict: return "承诺目录与排除事项冲突"
        case .issuerProhibited: return "开具单位不得出具"
        case .absurd: return "奇葩证明"
        case .circularProof: return "循环证明"
        case .unverifiedLegalText: return "条文未经核对"
        case .basisPending: return "依据待核实"
        case .applicantAuthorisation: return "须经申请人授权"
        }
    }

    func severity(_ severity: Diagnostic.Severity) -> String {
        guard language == .zh else { return severity.rawValue }
        switch severity {
        case .error: return "错误"
        case .warning: return "警告"
        case .note: return "提示"
        }
    }

    func finding(_ kind: FindingKind) -> String {
        guard language == .zh else { return kind.rawValue }
        switch kind {
        case .newRequirementWithoutBasis: return "新增无依据的证明"
        case .newDemandOnProhibitedIssuer: return "新增向禁止单位索要的证明"
        case .newCircularProof: return "新增循环证明"
        case .newAbsurdCertificate: return "新增奇葩证明"
        case .basisToVerify: return "依据待核实"
        case .burdenIncreased: return "负担增加"
        case .verdictChanged: return "结论变化"
        case .circularProofBroken: return "循环证明破除"
        case .requirementRemoved: return "材料要求删除"
        case .procedureChanged: return "事项属性改变"
        }
    }

    func cycleStatus(_ status: CircularProof.Status) -> String {
        guard language == .zh else { return status.rawValue }
        switch status {
        case .broken: return "已破除"
        case .unresolved: return "未解决"
        }
    }

    func sharing(_ sharing: SharingType) -> String {
        guard language == .zh else { return sharing.rawValue }
        switch sharing {
        case .unconditional: return "无条件共享"
        case .conditional: return "有条件共享"
        case .none: return "不予共享"
        }
    }

    var defaultRule: String { pick("默认处理", "otherwise") }

    /// How a proposal changes a requirement.
    func change(_ kind: ReviewDiff.ChangeKind) -> String {
        guard language == .zh else { return kind.rawValue }
        switch kind {
        case .added: return "新增"
        case .removed: return "删除"
        case .changed: return "变化"
        case .verdictOnly: return "结论变化"
        }
    }
    var asOf: String { pick("评估日期", "As of") }
    /// A date as a document gives it: 2026年12月2日 / 2026-12-02.
    func date(_ date: CalendarDate) -> String {
        language == .zh ? "\(date.year)年\(date.month)月\(date.day)日" : date.description
    }
    var policy: String { pick("适用政策", "Policy") }
    var procedureCount: String { pick("办事事项", "Procedures") }
    var requirementCount: String { pick("材料要求", "Required materials") }
    var certificateCount: String { pick("其中证明", "of which certificates") }
    var removed: String { pick("取消的证明", "Certificates removed") }
    var tripsSaved: String { pick("每年减少跑动（次）", "Trips saved per year") }
    var hoursSaved: String { pick("每年节省时间（小时）", "Hours saved per year") }
    var costBefore: String { pick("年办事成本（元）审查前", "Annual cost (yuan) before") }
    var costAfter: String { pick("年办事成本（元）审查后", "Annual cost (yuan) after") }
    var tripsAfter: String { pick("年跑动（次）审查后", "Annual trips after") }
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
            ? ["序号", "证明名称", "办事事项", "设定依据", "承诺依据", "核查方式", "核查时限", "抽查比例", "核查部门"]
            : ["No.", "Certificate", "Procedure", "Legal basis", "Commitment offered by", "Audit method", "Within", "Sample", "Auditor"]
    }
    var retainedProceduresHeader: [String] {
        language == .zh
            ? ["序号", "事项编码", "事项名称", "事项类型", "设定依据", "实施主体", "服务对象", "办理时限", "收费标准", "备注（审查后的证明）"]
            : ["No.", "Code", "Procedure", "Kind", "Legal basis", "Implemented by", "Serves", "Time limit", "Fee", "Certificates after the review"]
    }
    var reviewStatusHeader: String { pick("审核状态", "Review status") }
    var noLegalLimitCell: String { pick("法律法规未规定时限", "no statutory limit") }
    func legalLimitCell(_ days: Int) -> String { pick("法定\(days)个工作日", "statutory \(days) working days") }
    func promisedLimitCell(_ days: Int) -> String { pick("承诺\(days)个工作日", "promised \(days) working days") }
    func workingDaysCell(_ days: Int) -> String { pick("\(days)个工作日", "\(days) working days") }
    func yuanCell(_ amount: String) -> String { pick("\(amount)元", "\(amount) yuan") }
    var freeCell: String { pick("不收费", "free") }
    var certificatesCell: String { pick("证明：", "certificates: ") }
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
    var burden: String { pick("办事负担：每件申请（末列为全年合计）", "Burden per application (the last column: the whole year)") }
    var burdenHeader: [String] {
        language == .zh
            ? ["", "证明（份/件）", "跑动（次/件）", "时间（天/件）", "费用（元/件）", "年成本（元/年）"]
            : ["", "Certificates per application", "Trips per application", "Days per application", "Fees per application (yuan)", "Annual cost (yuan a year)"]
    }
    var proposalBurden: String { pick("全年办事负担：采纳变更前后（全部事项合计，均按审查结论）", "Annual burden with and without the change (all procedures, after the review)") }
    var withoutChange: String { pick("现行目录", "Without the change") }
    var withChange: String { pick("采纳变更后", "With the change") }
    var before: String { pick("审查前（现行要求）", "Before the review (as required today)") }
    var after: String { pick("审查后（按审查结论）", "After the review (as decided)") }
    var noBasis: String { pick("未引用任何依据", "No basis cited") }
    var noSource: String { pick("没有能提供所证明信息的数据资源", "No data source holds what it proves") }
    var notInCatalogue: String { pick("未列入告知承诺目录", "No commitment terms declared") }
    var excludedBecause: String { pick("所证明事项直接涉及：", "What it proves directly concerns: ") }
    var eligible: String { pick("不涉及排除事项，可以告知承诺", "No excluded matter: a commitment may replace it") }
    var version: String { pick("起施行的版本", "version in force from") }
    var unverified: String { pick("条文未与公报核对", "text not verified against the official gazette") }
    var cut: String { pick("建议优先切断", "cut first") }
    var cutFirst: String { pick("建议切断", "cut first") }
    var cycleLegend: [String] {
        language == .zh
            ? ["审查后仍索要（保留）", "建议优先切断", "审查后不再索要"] : ["still required after the review", "cut first", "no longer required after the review"]
    }
    func demands(_ procedure: String, _ material: String) -> String { pick("\(procedure) 索要 \(material)", "\(procedure) asks for \(material)") }
    var changesHeader: [String] {
        language == .zh
            ? ["办事事项", "材料", "变化", "变更前", "变更后", "说明"] : ["Procedure", "Material", "Change", "Before", "After", "Details"]
    }
    var findings: String { pick("审查发现", "Findings") }
    var findingsHeader: [String] { language == .zh ? ["发现", "说明"] : ["Finding", "Details"] }
    var engine: String { pick("引擎版本", "Engine version") }
    var rulesDigest: String { pick("规则文件摘要（SHA-256）", "Rules digest (SHA-256)") }
    var corpusDigest: String { pick("法律依据库摘要（SHA-256）", "Legal corpus digest (SHA-256)") }
    var overlays: String { pick("拟议变更文件", "Proposal files") }
    var computedNote: String {
        pick("本报告中的全部数字由减证引擎根据所列规则、法律依据库和政策计算得出。", "Every number in this report is computed by the Jianzheng engine from the rules, corpus and policy listed here.")
    }

    func reason(_ code: ReasonCode) -> String { OutcomeWording(language: language).reason(code) }

    func rank(_ rank: LegalRank?) -> String {
        guard let rank else { return "" }
        return language == .zh ? rank.chinese : rank.rawValue
    }
}
