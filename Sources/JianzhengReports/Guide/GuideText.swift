import Jianzheng

/// Every label a 办事指南 prints, in Chinese and English.
struct GuideText {
    let language: ReportLanguage

    private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    var open: String { pick("（", " (") }
    var close: String { pick("）", ")") }
    var semicolon: String { pick("；", "; ") }

    func title(_ procedure: String) -> String { pick("\(procedure)办事指南", "Service guide: \(procedure)") }
    var collection: String { pick("办事指南", "Service guides") }
    var code: String { pick("事项编码", "Procedure code") }
    var department: String { pick("实施部门", "Department") }
    var basis: String { pick("办理依据", "Legal basis") }
    var acceptedBy: String { pick("受理单位", "Accepted by") }
    var windows: String { pick("办理地点", "Where, in person") }
    var online: String { pick("网上办理", "Online") }
    var legalLimit: String { pick("法定办结时限", "Statutory time limit") }
    var promisedLimit: String { pick("承诺办结时限", "Promised time limit") }
    var processingDays: String { pick("办理时限", "Processing time") }
    var fee: String { pick("收费标准", "Fee") }
    var consult: String { pick("咨询方式", "Enquiries") }
    var complain: String { pick("监督投诉方式", "Complaints") }
    var notGiven: String { pick("（指南未载明）", "(not stated)") }
    var none: String { pick("无", "none") }
    var free: String { pick("不收费", "free of charge") }
    var basisLabel: String { pick("依据：", "basis: ") }
    func workingDays(_ days: Int) -> String { pick("\(days)个工作日", "\(days) working days") }
    var onTheSpot: String { pick("当场办结", "decided on the spot") }
    var noLegalLimit: String { pick("法律法规未规定办结时限", "no time limit set by law") }
    var category: String { pick("事项类型", "Kind of procedure") }
    func category(_ category: ProcedureCategory) -> String { pick(category.chinese, category.rawValue) }
    func notCounted(_ kind: StepKind) -> String {
        pick("（\(kind.chinese)，不计入法定时限）", " (\(kind.rawValue): not counted in the time limit)")
    }
    func yuan(_ amount: String) -> String { pick("\(amount)元", "\(amount) yuan") }

    var conditions: String { pick("办理条件", "Conditions") }
    var conditionsHeader: [String] { language == .zh ? ["序号", "条件", "设定依据"] : ["No.", "Condition", "Set by"] }
    var materials: String { pick("申请材料", "Materials") }
    var materialsHeader: [String] {
        language == .zh ? ["序号", "材料名称", "提交方式", "设定依据", "示范文本及常见错误"] : ["No.", "Material", "How", "Legal basis", "Sample and common mistakes"]
    }
    func submit(_ share: Double) -> String {
        share < 1
            ? pick("需提交（约\(Numbers.percent(share))的申请人）", "to submit (about \(Numbers.percent(share)) of applicants)")
            : pick("需提交", "to submit")
    }
    func obtained(source: String, provider: String) -> String {
        pick("无需提交，由窗口通过“\(source)”（\(provider)）获取", "nothing to submit: the window obtains it from '\(source)' (\(provider))")
    }
    var uncoveredLabel: String { pick("数据未覆盖的申请人：", "applicants the data do not cover: ") }
    var commitment: String { pick("可以签署告知承诺书代替（见本指南的告知承诺书）", "a signed written commitment may replace it (see the commitment below)") }
    func commitmentInstead(_ material: String) -> String {
        pick("签署告知承诺书（“\(material)”已取消）", "sign the written commitment ('\(material)' is no longer required)")
    }
    var notice: String { pick("告知承诺书", "Written commitment") }
    func sample(_ sample: String) -> String { pick("示范文本：\(sample)", "sample: \(sample)") }
    func mistake(_ mistake: String) -> String { pick("常见错误：\(mistake)", "common mistake: \(mistake)") }
    var noMaterials: String { pick("无需提交申请材料。", "No material to submit.") }
    var situations: String { pick("各办理情形所需材料", "Materials by situation") }
    var material: String { pick("材料", "Material") }
    func verdictForApplicant(_ verdict: Verdict) -> String {
        switch verdict {
        case .keep: pick("需提交", "to submit")
        case .obtainBySharing: pick("无需提交（共享获取）", "nothing (shared)")
        case .commitment: pick("告知承诺", "commitment")
        case .remove: pick("无需提交", "nothing")
        }
    }
    var steps: String { pick("基本流程", "Steps") }
    var stepsHeader: [String] {
        language == .zh ? ["序号", "环节", "办理部门", "时限（工作日）", "依据"] : ["No.", "Step", "Department", "Working days", "Basis"]
    }
    var notices: String { pick("告知承诺书", "Written commitments") }
    func source(_ source: String) -> String { pick("信息来源：\(source)", "Source: \(source)") }
    var illustrative: String {
        pick(
            "本指南的受理、地点、流程、时限和收费信息为示意数据，尚未与正式公布的办事指南核对；申请材料按审查结论列出。",
            "The acceptance, places, steps, time limits and fees in this guide are illustrative, not checked against a published guide; the materials follow the review's verdicts.")
    }
}
