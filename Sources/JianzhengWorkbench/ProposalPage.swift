import Foundation
import Jianzheng
import JianzhengBase
import JianzhengReports
import JianzhengSyntax

/// 变更试算: a `.jz` proposal pasted, read from a file or picked from the workspace's, layered on the catalogue
/// and reviewed incrementally — the changed requirements, the findings and the gate — before anything is
/// committed. A proposal that does not parse or resolve shows its located diagnostics.
enum ProposalPage {
    static func form(_ state: WorkbenchState, csrf: String, name: String?, text: String = "", result: HTMLText = "") -> String {
        let shipped = HTMLText.joined(state.proposals.keys.sorted().map { "<option value=\"\($0)\">\($0)</option>" })
        let body: HTMLText = """
            <form method="post" action="/proposal">\(PageLayout.csrfField(csrf))
            <p><label>选用工作区中的提案 <select name="shipped"><option value="">（不选用，使用下方文本）</option>\(shipped)</select></label>
            <label>或读取文件 <input type="file" id="proposal-file" accept=".jz,text/plain"></label></p>
            <p><label>提案文本（.jz）<textarea id="proposal-text" name="text" spellcheck="false">\(text)</textarea></label></p>
            <button>试算</button>
            </form>
            \(result)
            """
        return PageLayout.page(title: "变更试算", section: .proposal, name: name, body: body)
    }

    /// The outcome of a proposal: the diff with its findings and gate, or the diagnostics that stop it (status 422).
    static func evaluate(_ state: WorkbenchState, text: String, fileName: String) -> (status: Int, result: HTMLText) {
        let file = SourceFile(path: fileName, text: text)
        let (tree, parseDiagnostics) = Parser.parse(file)
        let whatIf: WhatIf
        do {
            whatIf = try state.session.whatIf([tree])
        } catch {
            return (422, "<p class=\"error\">无法试算：\(error.description)</p>")
        }
        let diagnostics = Diagnostic.sorted(parseDiagnostics + whatIf.diagnostics)
        let renderer = DiagnosticRenderer(files: state.workspace.files + [file])
        let located = diagnostics.map { renderer.annotated($0) }.joined(separator: "\n")
        guard !diagnostics.hasErrors, let diff = state.session.diff(whatIf) else {
            return (422, "<h2>提案有错误，未试算</h2><pre class=\"diagnostics\">\(located)</pre>")
        }
        let words = OutcomeWording.chinese
        let gate = FailurePolicy.default
        let failing = diff.findings.filter(gate.fails)
        var result: HTMLText = failing.isEmpty
            ? "<h2>试算结果：通过</h2><p class=\"flash\">没有阻止采纳的问题（错误级别的发现）。</p>"
            : "<h2>试算结果：不通过</h2><p class=\"error\">\(failing.count) 项错误级别的发现阻止采纳。</p>"
        if !diagnostics.isEmpty { result += "<pre class=\"diagnostics\">\(located)</pre>" }
        result += "<h2>发现（\(diff.findings.count)）</h2><ul>"
        for finding in diff.findings {
            let where_: HTMLText = finding.procedureID.map { "<a href=\"/procedure/\($0.urlEncoded)\">\($0)</a> " } ?? ""
            result += "<li>【\(severity(finding.severity))】\(where_)\(words.finding(finding))</li>"
        }
        result += "</ul><h2>变化的材料要求（\(diff.changes.count)）</h2>"
        result += "<table class=\"grid\"><tr><th>事项</th><th>材料</th><th>变化</th><th>结论（前 → 后）</th></tr>"
        for change in diff.changes {
            let before = change.before.map { words.verdict($0.verdict) } ?? "—", after = change.after.map { words.verdict($0.verdict) } ?? "—"
            result += """
                <tr><td>\(change.procedureID) \(change.procedureName)</td><td>\(change.material)</td><td>\(change.kind.rawValue)\
                \(change.details.map(words.fieldChange).joined(separator: "；"))</td><td>\(before) → \(after)</td></tr>
                """
        }
        result += "</table>"
        return (200, result)
    }

    static func severity(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .note: "提示"
        }
    }
}
