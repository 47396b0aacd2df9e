import Jianzheng
import JianzhengBase
import LegalCorpus

/// The words for the engine's outcomes (replacements, refusals, delegations, policy notes, cuts, diff findings),
/// in Chinese and English. The engine decides in values; only this file says them. The Chinese is what reform
/// offices publish, and the JSON and SARIF outputs carry it too.
public struct OutcomeWording: Sendable {
    public let language: ReportLanguage

    public static let chinese = OutcomeWording(language: .zh)

    public init(language: ReportLanguage) {
        self.language = language
    }

    private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func verdict(_ verdict: Verdict) -> String { pick(verdict.chinese, verdict.rawValue) }

    /// Where a commitment's terms are published: the commitment catalogue with its issuer and date, else what the
    /// terms cite; empty for terms the requirement, condition or material declares without a source.
    public func commitmentSource(_ terms: CommitmentTerms?) -> String {
        guard let terms else { return "" }
        if let list = terms.catalogue {
            let published = list.published.map { pick($0.chinese + "公布", "published \($0)") }
            return pick("《\(list.name)》", "“\(list.name)”")
                + pick("（", " (") + ([list.issuer] + [published].compactMap { $0 }).joined(separator: pick("，", ", ")) + pick("）", ")")
        }
        return terms.cites.map(\.text).joined(separator: pick("；", "; "))
    }

    public func kind(_ kind: MaterialKind) -> String { pick(kind.chinese, kind.rawValue) }

    /// Excluded matters, listed.
    public func concerns(_ concerns: [ConcernCategory]) -> String {
        concerns.map { pick($0.chinese, $0.rawValue) }.joined(separator: pick("、", ", "))
    }

    /// A qualifying option's mode, with the applicant's authorisation when each use needs it.
    public func mode(of option: SharingOption) -> String? {
        option.mode.map { self.mode($0) + (option.needsAuthorisation ? pick("，须经申请人授权", ", with the applicant's authorisation") : "") }
    }

    public func mode(_ mode: SharingOption.Mode) -> String {
        switch mode {
        case .internal: pick("部门内部数据", "the department's own data")
        case .eLicence: pick("电子证照", "electronic licence")
        case .unconditional: pick("无条件共享", "unconditional sharing")
        case .conditionalApproved: pick("有条件共享（已获批准）", "conditional sharing (approved)")
        }
    }

    public func auditMethod(_ method: AuditMethod) -> String {
        guard language == .en else { return method.rawValue }
        switch method {
        case .书面核查: return "a check of the papers"
        case .网络核验: return "an online check"
        case .实地调查: return "an inspection on site"
        case .公示核查: return "public notice and objection"
        case .免予核查: return "no audit"
        }
    }

    public func replacement(_ replacement: Replacement) -> String {
        switch replacement {
        case .obtainedFrom(let source, let provider, let mode):
            pick("由办事部门通过“\(source)”（\(provider)，\(self.mode(mode))）获取", "the office obtains it from “\(source)” (\(provider), \(self.mode(mode)))")
        case .provedByLicence(let licence): pick("以申请人已提交的\(licence)证明", "proved by the \(licence) the applicant already submits")
        case .alternative(let material): pick("以\(material)代替", "replaced by \(material)")
        case .commitment(let method):
            pick("以告知承诺书代替，事后\(method.rawValue)", "replaced by a written commitment, audited afterwards by \(auditMethod(method))")
        case .investigatedByOffice: pick("由办事部门依法调查核实，不再要求申请人提供", "the office investigates the facts as the law says; no longer asked of the applicant")
        case .checkedOnSite: pick("当场核验，无需证明", "checked on the spot; no certificate needed")
        case .nothing: pick("直接取消，无需替代", "cancelled outright; nothing replaces it")
        }
    }

    public func refusal(_ refusal: SharingRefusal) -> String {
        switch refusal {
        case .notInService(let date): pick("数据资源在\(date.chinese)尚未上线或已停用", "not in service on \(date)")
        case .noCoverage: pick("数据资源覆盖率为0%，不能为任何申请人提供数据", "0% coverage: it holds no applicant's data")
        case .coversNoSituation(let covers):
            pick("数据资源只覆盖\(covers.joined(separator: "、"))的申请人，不覆盖本材料适用的办理情形",
                "it holds only the applicants of \(covers.joined(separator: ", ")), none of the situations this material is required in")
        case .notApproved(let department): pick("有条件共享，\(department)的使用申请未获批准", "conditional sharing; the request of \(department) is not approved")
        case .approvalNotInForce(let grantee, let date):
            pick("有条件共享，\(grantee)的使用批准在\(date.chinese)不在有效期内", "conditional sharing; the approval for \(grantee) does not hold on \(date)")
        case .notShared(let provider): pick("不予共享，仅\(provider)内部使用", "not shared; only \(provider) uses it")
        }
    }

    public func delegation(_ delegation: Delegation) -> String {
        switch delegation {
        case .toOtherRules(let marker):
            pick("所引条款将具体要求交由其他规定（“\(marker)”）", "the cited article leaves the details to other rules (“\(marker)”)")
        case .madeUnder(let rank, let parent):
            pick(
                "所引\(rank.chinese)依据《\(parent)》制定，应核查上位法是否设定该证明",
                "the cited \(rank.rawValue) is made under 《\(parent)》: check whether that act sets the certificate")
        case .express(let article, .conditions):
            pick("\(article)明示授权下位规定设定办理条件：所引规定设定的条件依此有效", "\(article) expressly delegates the conditions: those the cited rule sets are lawful")
        case .express(let article, .materials):
            pick("\(article)明示授权下位规定设定申请材料：所引规定要求的材料依此有效", "\(article) expressly delegates the materials: those the cited rule demands are lawful")
        }
    }

    public func policyNote(_ note: PolicyNote) -> String {
        switch note {
        case .namedOutOfForce(let policy, let date):
            pick("政策“\(policy)”在\(date.chinese)不在有效期内，按要求仍以其评估", "policy “\(policy)” is not in force on \(date); used as asked")
        case .latestOfSeveral(let chosen, let others, let date):
            pick(
                "\(date.chinese)同时有效的政策还有" + others.map { "“\($0)”" }.joined(separator: "、") + "，按生效最晚的“\(chosen)”评估（可用 --policy 指定）",
                "other policies in force on \(date): " + others.map { "“\($0)”" }.joined(separator: ", ")
                    + "; the latest to take effect, “\(chosen)”, is used (name one with --policy)")
        case .noneInForce(let earliest, let date):
            pick("\(date.chinese)没有有效的政策，按最早的政策“\(earliest)”评估", "no policy is in force on \(date); the earliest, “\(earliest)”, is used")
        }
    }

    /// What the applicants a partly covering source leaves out do.
    public func uncovered(_ fallback: UncoveredFallback) -> String {
        switch fallback {
        case .commitment(let method): pick("以告知承诺书代替，事后\(method.rawValue)", "a written commitment instead, audited afterwards by \(auditMethod(method))")
        case .certificate: pick("仍须提交该材料", "they still provide it")
        }
    }

    /// A reason code in words (Chinese); the code itself in English.
    public func reason(_ code: ReasonCode) -> String {
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

    /// How a condition's evidence combines.
    public func proof(_ proof: EvidenceProof) -> String {
        switch proof {
        case .allOf: pick("所列证据均须具备", "every evidence listed is needed")
        case .anyOf: pick("任一证据即可证明", "any one evidence proves it")
        }
    }

    /// What one situation's applicants do: "本地户籍（80%）：共享获取（死亡人口信息库）".
    public func situation(_ outcome: SituationOutcome) -> String {
        let head = "\(outcome.situation.name)\(pick("（", " ("))\(Numbers.percent(outcome.situation.share))\(pick("）：", "): "))"
        let source = outcome.source.map { pick("（“\($0)”）", " (“\($0)”)") } ?? ""
        return head + verdict(outcome.verdict) + source
    }

    /// Each verdict the decision did not take, and why: the rule held back, the sources refused, the commitment
    /// not offered or excluded, or an earlier rule that decided first.
    public func alternativesNotTaken(_ decision: Decision) -> [String] {
        let decidedBy = decision.rule.map { pick("规则“\($0)”", "rule '\($0)'") } ?? pick("默认处理", "the default")
        let first = pick("可用，但\(decidedBy)先行决定\(verdict(decision.verdict))", "available, but \(decidedBy) decided \(verdict(decision.verdict)) first")
        var lines: [String] = []
        let label = { (verdict: Verdict) in self.verdict(verdict) + self.pick("：", ": ") }
        if decision.verdict != .remove {
            let why: String
            if let held = decision.trace.first(where: { $0.outcome == .heldBack || $0.outcome == .heldBackStatutoryCondition }) {
                let condition = decision.conditions.first { $0.basis.status == .sufficient }?.condition.name ?? ""
                why = held.outcome == .heldBack
                    ? pick("规则“\(held.rule)”暂缓适用：所引依据待核实，不能据此取消", "rule '\(held.rule)' held back: the cited basis awaits verification and cannot ground a removal")
                    : pick("规则“\(held.rule)”暂缓适用：所证明的“\(condition)”是法定办理条件，须核验而非取消",
                        "rule '\(held.rule)' held back: “\(condition)” is a statutory condition, to be established, not waived")
            } else if decision.kind != .certificate {
                why = pick("不属于证明事项", "not a certificate")
            } else if decision.basis.status == .sufficient {
                why = pick("有充分的设定依据", "its basis is sufficient")
            } else {
                why = pick("没有取消规则适用", "no removal rule applies")
            }
            lines.append(label(.remove) + why)
        }
        if decision.verdict != .obtainBySharing {
            let options = decision.sharing.options
            let why: String
            if options.isEmpty {
                why = pick("没有持有所需信息的数据资源", "no data source holds the facts it proves")
            } else if decision.sharing.best == nil {
                why = options.map { "“\($0.source)”" + pick("：", ": ") + ($0.refusal.map(refusal) ?? "") }.joined(separator: pick("；", "; "))
            } else if case .obtainedFrom = decision.replacement {
                why = pick("作为取消后的替代方式", "it is how the cancelled certificate is replaced")
            } else {
                why = first
            }
            lines.append(label(.obtainBySharing) + why)
        }
        if decision.verdict != .commitment {
            let check = decision.commitment
            let why: String
            if !check.excludedBy.isEmpty {
                why = pick("所证明事项涉及\(concerns(check.excludedBy))，不适用告知承诺", "what it proves concerns \(concerns(check.excludedBy)): no commitment")
            } else if let withheld = check.withheld {
                switch withheld {
                case .notYetOffered(let from): why = pick("承诺条款自\(from.chinese)起才适用", "the commitment is offered only from \(from)")
                case .sourceNotInForce(let citation): why = pick("承诺条款所依据的\(citation)在评估日不在有效期内", "\(citation), which offers the commitment, is not in force on the date")
                }
            } else if !check.available {
                why = pick("没有承诺条款（未列入告知承诺事项目录）", "no commitment terms (not in the commitment catalogue)")
            } else if check.plan != nil {
                why = pick("作为替代方式或未覆盖申请人的办法", "it is the replacement, or what the uncovered applicants do")
            } else {
                why = first
            }
            lines.append(label(.commitment) + why)
        }
        if decision.verdict != .keep { lines.append(label(.keep) + pick("\(decidedBy)已决定\(verdict(decision.verdict))", "\(decidedBy) decided \(verdict(decision.verdict))")) }
        return lines
    }

    /// The text a citation quotes: for a point (项), the words that introduce its list, an ellipsis and the point
    /// with its number — "……公证机构办理下列公证事项：……（二）继承；" — so that it can be read as a basis.
    public static func quotation(_ article: CitedArticle) -> String {
        guard let chapeau = article.chapeau else { return article.text }
        let number = article.provision.flatMap { label in label.range(of: "（", options: .backwards).map { String(label[$0.lowerBound...]) } }
            .map { $0.hasSuffix("项") ? String($0.dropLast()) : $0 } ?? ""
        return chapeau + "……" + number + article.text
    }

    /// Why a cited article is not a valid basis, nil when it is: a non-law source is said as such.
    public func problem(_ article: CitedArticle) -> String? {
        if let source = article.nonLawSource { return pick("“\(source)”不是法律依据", "a \(source) is not law") }
        if let dropped = article.droppedRequirement {
            return pick(
                "该条款经修改，现行版本不再要求“\(dropped.named)”；\(dropped.earlierVersionFrom.chinese)起施行的版本原文：“\(dropped.earlierText)”",
                "the provision was amended: the version in force no longer requires “\(dropped.named)”; the version of \(dropped.earlierVersionFrom) read: “\(dropped.earlierText)”")
        }
        return language == .zh ? article.problem : article.problemEnglish
    }

    /// The deciding rule's `because`, or what the policy's default means.
    public func because(_ decision: Decision) -> String {
        decision.because ?? pick("政策未规定其他处理，按默认处理", "the policy says nothing else: its default applies")
    }

    public func cut(_ reason: CircularProof.CutReason, material: String) -> String {
        switch reason {
        case .noSufficientBasis: pick("“\(material)”没有充分的法律依据，可直接取消", "“\(material)” has no sufficient legal basis: it can simply be cancelled")
        case .shareable: pick("“\(material)”可通过数据共享获取", "“\(material)” can be obtained by data sharing")
        case .commitmentEligible: pick("“\(material)”可以告知承诺替代", "a written commitment can replace “\(material)”")
        case .lowestRank:
            pick(
                "各环节均有有效依据；“\(material)”的依据位阶最低，需修改该依据或建立数据共享",
                "every link has a valid basis; that of “\(material)” ranks lowest: amend it or set up data sharing")
        }
    }

    /// A finding on a procedure's steps and time limits, as a sentence with the articles it rests on.
    public func stepFinding(_ finding: StepFinding) -> String {
        let steps = finding.steps.joined(separator: pick("、", ", "))
        let days = finding.days ?? 0, limit = finding.limit ?? 0
        let sentence: String
        switch finding.kind {
        case .stepWithoutBasis: sentence = pick("环节“\(steps)”没有引用设定依据", "step '\(steps)' cites no basis")
        case .promisedAboveLegal:
            sentence = pick("承诺时限\(days)个工作日长于法定时限\(limit)个工作日", "the promised \(days) working days exceed the statutory \(limit)")
        case .stepsAboveLimit:
            sentence = pick("各环节依次办理共需\(days)个工作日，超过\(limit)个工作日的时限", "the steps one after another take \(days) working days, more than the \(limit)-day limit")
        case .parallelPossible:
            sentence = pick(
                "不同部门的环节互不依赖，可并联办理：依次办理\(days)个工作日，并联\(limit)个工作日，节省\(finding.saved ?? 0)个工作日",
                "steps of different departments need nothing from each other and could run side by side (并联办理): \(days) working days one after another, \(limit) side by side, \(finding.saved ?? 0) saved")
        case .severalWindows:
            sentence = pick("申请人需到\(finding.steps.count)个窗口（\(steps)），可一口受理", "the applicant goes to \(finding.steps.count) windows (\(steps)): one window could accept it (一口受理)")
        case .aboveLicensingLimit:
            let extra = finding.extensionDays ?? 0
            let outside = finding.notCounted.joined(separator: pick("、", ", "))
            sentence = pick(
                "行政许可需\(days)个工作日，超过法定的\(limit)个工作日" + (extra > 0 ? "（经负责人批准可延长\(extra)个工作日）" : "")
                    + (outside.isEmpty ? "" : "；\(outside)所需时间已不计算在内"),
                "the licence takes \(days) working days, more than the statutory \(limit)" + (extra > 0 ? " (\(extra) more with the head's approval)" : "")
                    + (outside.isEmpty ? "" : "; the time of \(outside) is already left out"))
        }
        let cites = finding.citations.map(\.text).joined(separator: pick("；", "; "))
        return sentence + (cites.isEmpty ? "" : pick("（\(cites)）", " (\(cites))"))
    }

    /// The cheapest cut of a circular proof, worded; nil when it has none.
    public func cut(_ cycle: CircularProof) -> String? {
        guard let reason = cycle.cutReason, let edge = cycle.cheapestCut else { return nil }
        return cut(reason, material: edge.material)
    }

    /// One field of a requirement that a change alters, with both values.
    public func fieldChange(_ change: ReviewDiff.FieldChange) -> String {
        let none = pick("无", "none")
        let list = { (items: [String]) in items.isEmpty ? none : items.joined(separator: self.pick("、", ", ")) }
        switch change {
        case .basis(let before, let after): return pick("依据 basis: ", "basis: ") + list(before) + " → " + list(after)
        case .share(let before, let after): return pick("比例 share: ", "share: ") + "\(before) → \(after)"
        case .absurd(let before, let after): return pick("奇葩标注 absurd: ", "absurd: ") + "\(before.map(\.rawValue)) → \(after.map(\.rawValue))"
        case .kind(let before, let after): return pick("类型：", "kind: ") + "\(kind(before)) → \(kind(after))"
        case .issuers(let before, let after): return pick("开具单位 issuer: ", "issuer: ") + list(before) + " → " + list(after)
        case .proves(let before, let after): return pick("证明内容 proves: ", "proves: ") + "\(before) → \(after)"
        }
    }

    /// What a diff finding says.
    public func finding(_ finding: DiffFinding) -> String {
        switch finding.evidence {
        case .cycle(let cycle):
            let path = (cycle.path + cycle.path.prefix(1)).joined(separator: " → ")
            return finding.kind == .newCircularProof
                ? pick("新增循环证明：", "new circular proof: ") + path + pick(cycle.status == .broken ? "（已破除）" : "（未解决）", " (\(cycle.status.rawValue))")
                : pick("循环证明消除：", "circular proof broken: ") + cycle.procedures.joined(separator: pick("、", ", "))
        case .burden(let before, let after):
            return pick(
                "\(after.procedureID) \(after.procedureName) 每件跑动 \(before.after.trips) → \(after.after.trips)，天数 \(before.after.days) → \(after.after.days)",
                "\(after.procedureID) \(after.procedureName): trips per application \(before.after.trips) → \(after.after.trips), days \(before.after.days) → \(after.after.days)")
        case .decisions(let before, let after):
            return decisionFinding(finding.kind, before: before, after: after)
        case .procedure(let changes):
            let none = pick("无", "none")
            let listed = changes.map { change in
                attribute(change.attribute) + pick(" ", " ") + (change.before.isEmpty ? none : change.before) + " → " + (change.after.isEmpty ? none : change.after)
            }
            return pick("\(finding.procedureID ?? "") 的事项属性改变：", "\(finding.procedureID ?? ""): the procedure's attributes change: ")
                + listed.joined(separator: pick("；", "; "))
        }
    }

    /// A procedure attribute's name.
    public func attribute(_ attribute: ProcedureAttributeChange.Attribute) -> String {
        switch attribute {
        case .volume: pick("年办件量", "annual volume")
        case .domain: pick("领域", "domain")
        case .territory: pick("行政区划", "territory")
        case .department: pick("实施部门", "department")
        }
    }

    private func decisionFinding(_ kind: FindingKind, before: Decision?, after: Decision?) -> String {
        guard let new = after else {
            guard let old = before else { return kind.rawValue }
            return pick("\(old.procedureID) 不再要求“\(old.material)”（原结论：\(verdict(old.verdict))）", "\(old.procedureID) no longer requires “\(old.material)” (it was: \(verdict(old.verdict)))")
        }
        switch kind {
        case .newRequirementWithoutBasis:
            let articles = new.basis.articles
            let problem = articles.compactMap(self.problem).first
                ?? (articles.isEmpty ? pick("未引用任何依据", "no basis cited") : pick("依据位阶不足", "basis rank insufficient"))
            return pick(
                "\(new.procedureID) 要求的证明“\(new.material)”没有充分的法律依据（\(reason(new.reason))：\(problem)）",
                "\(new.procedureID) requires the certificate “\(new.material)” without sufficient legal basis (\(new.reason.rawValue): \(problem))")
        case .newDemandOnProhibitedIssuer:
            return pick(
                "\(new.procedureID) 要求村（居）委会等不得开具的证明“\(new.material)”",
                "\(new.procedureID) requires “\(new.material)”, which village and residents' committees (and the like) may not issue")
        case .basisToVerify:
            let cited = new.basis.articles.filter { $0.problem != nil }.map(\.citation).joined(separator: pick("、", ", "))
            return pick(
                "\(new.procedureID) 要求的“\(new.material)”所引依据\(cited)不在法律依据库中，待核实，暂予保留",
                "\(new.procedureID) cites \(cited) for “\(new.material)”, which the legal corpus does not hold: kept until verified")
        case .newAbsurdCertificate:
            return pick("\(new.procedureID) 新增的“\(new.material)”属于奇葩证明（\(reason(new.reason))）", "\(new.procedureID) adds “\(new.material)”, an absurd certificate (\(new.reason.rawValue))")
        default:
            let old = before.map { "\(verdict($0.verdict))" + pick("（\(reason($0.reason))）", " (\($0.reason.rawValue))") } ?? ""
            return pick(
                "\(new.procedureID) “\(new.material)”：\(old)→ \(verdict(new.verdict))（\(reason(new.reason))）",
                "\(new.procedureID) “\(new.material)”: \(old) → \(verdict(new.verdict)) (\(new.reason.rawValue))")
        }
    }
}
