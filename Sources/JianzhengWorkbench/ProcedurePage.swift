import Foundation
import Jianzheng
import JianzhengReports

/// 事项: each requirement's decision — verdict, reason, the articles quoted with their context, the alternatives
/// considered, the commitment and its notice, the full explanation with the rule trace — with what the office has
/// said of it (status, notes, history) and the forms to say more; the procedure's burden and circular proofs.
enum ProcedurePage {
    static func render(
        _ state: WorkbenchState, procedure id: String, store: ReviewStore, csrf: String, name: String?, notice: String?
    ) throws(WorkbenchError) -> String? {
        guard let procedure = state.workspace.catalogue.procedures[id] else { return nil }
        let words = OutcomeWording.chinese
        let review = state.review
        var body: HTMLText = """
            <p>\(procedure.department)\(procedure.domain.map { "，" + $0 } ?? "")；年办件量 \(procedure.volume)；\
            办理依据 \(procedure.basis.isEmpty ? "无" : procedure.basis.map(\.text).joined(separator: "；"))</p>

            """
        if let burden = review.burdens.first(where: { $0.procedureID == id }) {
            body += """
                <p>每件申请的负担：证明 \(Numbers.fixed(burden.before.certificates)) → \(Numbers.fixed(burden.after.certificates)) 项，\
                跑动 \(Numbers.fixed(burden.before.trips)) → \(Numbers.fixed(burden.after.trips)) 次，\
                成本 \(Numbers.amount(burden.before.cost(review.costModel))) → \(Numbers.amount(burden.after.cost(review.costModel))) 元\
                \(burden.inCycle ? "（处于循环证明中）" : "")</p>

                """
        }
        for decision in state.decisions(of: id) {
            let record = DecisionRecord(decision)
            let reviewState = try store.state(of: record)
            body += "<section class=\"decision\" id=\"\(anchor(decision.material))\">"
            body += "<h2>\(decision.material)：\(words.verdict(decision.verdict))</h2>"
            body += "<p>理由：\(words.reason(decision.reason))。\(words.because(decision))</p>"
            for article in decision.basis.articles {
                let quoted = OutcomeWording.quotation(article)
                body += "<blockquote><p>\(quoted.isEmpty ? article.citation : quoted)</p><cite>\(article.citation)\(article.versionFrom.map { "（\($0.chinese)起施行的文本）" } ?? "")</cite></blockquote>"
                if let problem = words.problem(article) { body += "<p class=\"error\">\(problem)</p>" }
            }
            let alternatives = words.alternativesNotTaken(decision)
            if !alternatives.isEmpty {
                body += "<p>未采用的替代方式：</p><ul>" + HTMLText.joined(alternatives.map { "<li>\($0)</li>" }) + "</ul>"
            }
            if let plan = decision.commitment.plan {
                body += "<details><summary>告知承诺书（\(plan.auditor)核查）</summary><pre>\(CommitmentNotice.standard(.zh).fill(decision, plan: plan))</pre></details>"
            }
            body += "<details><summary>完整说明与规则评估过程</summary><pre>\(ExplainReport.render(decision, review: review))</pre></details>"
            body += reviewPanel(record, reviewState, csrf: csrf, name: name)
            body += "</section>\n"
        }
        let cycles = state.reportBuilder().build(procedure: id).blocks.filter { if case .cycle = $0 { true } else { false } }
        if !cycles.isEmpty {
            body += "<h2>循环证明</h2>\n" + HTMLRenderer.fragment(cycles)
        }
        return PageLayout.page(title: "\(procedure.name)（\(id)）", section: .catalogue, name: name, body: body, notice: notice)
    }

    /// Status, notes and history of one decision, and the forms that change them.
    static func reviewPanel(_ record: DecisionRecord, _ state: DecisionReviewState, csrf: String, name: String?) -> HTMLText {
        let outdated: HTMLText = state.statusOutdated ? "<span class=\"outdated\">（结论已变化，原状态已过时）</span>" : ""
        var panel: HTMLText = """
            <div class="review"><p>审核状态：<span class="status \(state.status.rawValue)">\(state.status.rawValue)</span>\(outdated)</p>
            <form method="post" action="/decision/status">\(PageLayout.csrfField(csrf))<input type="hidden" name="decision" value="\(record.id)">\
            \(PageLayout.nameField(name)) <select name="status">\
            <option value="已核">已核</option><option value="有异议">有异议</option><option value="未审">未审</option></select> \
            <button>更新状态</button></form>

            """
        for note in state.notes {
            let classes = "note" + (note.serious ? " serious" : "") + (note.resolved ? " resolved" : "")
            panel += "<div class=\"\(classes)\"><b>\(note.author)</b>（\(note.at)）\(note.serious ? "【重要】" : "")：\(note.text)"
            if note.outdated { panel += "<span class=\"outdated\">（针对的是此前的结论）</span>" }
            if !note.resolved {
                panel += """
                    <form class="inline" method="post" action="/decision/resolve">\(PageLayout.csrfField(csrf))\
                    <input type="hidden" name="decision" value="\(record.id)"><input type="hidden" name="note" value="\(Int(note.id))">\
                    <input type="hidden" name="author" value="\(name ?? "")"><button>标为已解决</button></form>
                    """
            }
            panel += "</div>\n"
        }
        panel += """
            <form method="post" action="/decision/note">\(PageLayout.csrfField(csrf))<input type="hidden" name="decision" value="\(record.id)">\
            <label>意见<textarea class="note" name="text" required maxlength="4000"></textarea></label>\
            <label><input type="checkbox" name="serious" value="1"> 重要意见（未解决前不得签发本部门清单）</label> \(PageLayout.nameField(name)) \
            <button>添加意见</button></form>

            """
        if !state.history.isEmpty {
            panel += "<details><summary>变更记录（\(state.history.count) 条）</summary><ol>"
            for event in state.history {
                panel += "<li>\(event.at) \(event.author)：\(describe(event))</li>"
            }
            panel += "</ol></details>"
        }
        return panel + "</div>"
    }

    static func describe(_ event: ReviewEvent) -> String {
        switch event.kind {
        case "status": "状态改为“\(event.status ?? "")”"
        case "note": (event.serious ? "添加重要意见：" : "添加意见：") + (event.note ?? "")
        case "resolve": "意见 \(event.refers.map(String.init) ?? "") 标为已解决"
        default: "签发清单"
        }
    }

    /// The material's anchor on the page.
    static func anchor(_ material: String) -> String { "m-" + material.urlEncoded.replacingOccurrences(of: "%", with: "") }
}
