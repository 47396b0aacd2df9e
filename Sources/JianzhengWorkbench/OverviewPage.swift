import Foundation
import Jianzheng
import JianzhengReports

/// 总览: verdicts by department (a stacked bar each) and by reason, the circular proofs, the burden before and
/// after, the date and policy of the review, and the departments' sign-off.
enum OverviewPage {
    static func render(_ state: WorkbenchState, store: ReviewStore, csrf: String, name: String?, notice: String?) throws(WorkbenchError) -> String {
        let review = state.review
        let overview = state.overview
        let words = OutcomeWording.chinese
        var body: HTMLText = """
            <p>审查日期 \(review.asOf.chinese)，适用规则“\(review.policy.title ?? review.policy.name)”；\
            \(state.index.rows.count) 个事项、\(overview.certificates) 项证明。</p>
            <div class="cards">
            """
        for (position, verdict) in Verdict.allCases.enumerated() {
            body += "<div class=\"card\"><b>\(overview.byVerdict[position])</b><a href=\"/catalogue?verdict=\(verdict.rawValue)\">\(words.verdict(verdict))</a></div>"
        }
        let empty = Array(repeating: 0, count: Verdict.allCases.count)
        body += "</div>\n<h2>各部门审查结论</h2>\n"
        body += stackedChart(state.index.departments.map { ($0, overview.byDepartment[$0] ?? empty) }, label: "各部门审查结论") { "/catalogue?department=" + $0.urlEncoded }
        body += "<h2>各领域审查结论</h2>\n"
        body += stackedChart(overview.byDomain.keys.sorted().map { ($0, overview.byDomain[$0] ?? empty) }, label: "各领域审查结论") { _ in nil }
        body += "<h2>取消、保留的理由</h2>\n"
        body += reasonChart(overview.byReason.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }.map { (words.reason($0.key), $0.key, $0.value) })
        body += "<h2>循环证明</h2>\n"
        if review.cycles.isEmpty {
            body += "<p>未发现循环证明。</p>\n"
        } else {
            body += "<ul>"
            for cycle in review.cycles {
                let links = HTMLText.joined(cycle.procedures.map { "<a href=\"/procedure/\($0.urlEncoded)\">\($0)</a>" }, separator: " → ")
                body += "<li>\(links)（\(cycle.status == .broken ? "已破除" : "未解决")）</li>"
            }
            body += "</ul>\n"
        }
        body += """
            <h2>办事负担（每年）</h2>
            <table class="grid"><tr><th>指标</th><th>审查前</th><th>审查后</th></tr>
            <tr><td>跑动次数</td><td class="n">\(Numbers.grouped(review.annualTripsBefore))</td><td class="n">\(Numbers.grouped(review.annualTripsAfter))</td></tr>
            <tr><td>成本（元）</td><td class="n">\(Numbers.grouped(review.annualCostBefore))</td><td class="n">\(Numbers.grouped(review.annualCostAfter))</td></tr>
            </table>
            <h2>部门清单签发</h2>
            <table class="grid"><tr><th>部门</th><th>事项</th><th>未解决的重要意见</th><th>签发</th></tr>

            """
        for department in state.index.departments {
            let open = try store.openSeriousNotes(department: department).count
            let signOff = try store.lastSignOff(department: department)
            let procedures = state.index.rows.count { $0.department == department }
            var signed: HTMLText = "未签发"
            if let signOff {
                let outdated = signOff.fingerprint != state.listFingerprint(department: department)
                signed = "已签发（\(signOff.author)，\(signOff.at)）" + (outdated ? "<span class=\"outdated\">结论已变化，需重新签发</span>" : "")
            }
            body += """
                <tr><td><a href="/catalogue?department=\(department.urlEncoded)">\(department)</a></td><td class="n">\(procedures)</td>\
                <td class="n">\(open)</td><td>\(signed)
                <form method="post" action="/department/sign-off">\(PageLayout.csrfField(csrf))\
                <input type="hidden" name="department" value="\(department)">\(PageLayout.nameField(name))\
                <button\(open > 0 ? " disabled title=\"有未解决的重要意见\"" : "")>签发清单</button></form></td></tr>

                """
        }
        body += "</table>\n"
        return PageLayout.page(title: "总览", section: .overview, name: name, body: body, notice: notice)
    }

    /// The verdicts' colours, as presentation attributes (the page's security policy allows no inline style).
    static let colors = ["#c0392b", "#2e86c1", "#d68910", "#7f8c8d"]

    /// One stacked horizontal bar per row (a department, a domain), a segment per verdict, with a legend; a row's
    /// name links where `link` says.
    static func stackedChart(_ rows: [(String, [Int])], label title: String, link: (String) -> String?) -> HTMLText {
        let width = 760.0, label = 150.0, rowHeight = 26.0
        let largest = Double(max(rows.map { $0.1.reduce(0, +) }.max() ?? 1, 1))
        let height = Double(rows.count) * rowHeight + 40
        var svg: HTMLText = "<svg role=\"img\" aria-label=\"\(title)\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
        for (index, (name, counts)) in rows.enumerated() {
            let y = Double(index) * rowHeight
            let text: HTMLText = "<text x=\"0\" y=\(quoted(y + 17))>\(name)</text>"
            svg += link(name).map { "<a href=\"\($0)\">\(text)</a>" } ?? text
            var x = label
            for (verdict, count) in counts.enumerated() where count > 0 {
                let length = Double(count) / largest * (width - label - 60)
                svg += "<rect x=\(quoted(x)) y=\(quoted(y + 4)) width=\(quoted(length)) height=\"18\" fill=\"\(colors[verdict])\"><title>\(Verdict.allCases[verdict].chinese) \(count)</title></rect>"
                x += length
            }
            svg += "<text x=\(quoted(x + 6)) y=\(quoted(y + 17))>\(counts.reduce(0, +))</text>"
        }
        let legendY = Double(rows.count) * rowHeight + 20
        for (verdict, item) in Verdict.allCases.enumerated() {
            let x = label + Double(verdict) * 110
            svg += "<rect x=\(quoted(x)) y=\(quoted(legendY)) width=\"12\" height=\"12\" fill=\"\(colors[verdict])\"></rect><text x=\(quoted(x + 16)) y=\(quoted(legendY + 11))>\(item.chinese)</text>"
        }
        return svg + "</svg>\n"
    }

    /// One bar per reason, with its count, each a link to the procedures decided for it.
    static func reasonChart(_ rows: [(String, ReasonCode, Int)]) -> HTMLText {
        let width = 760.0, label = 300.0, rowHeight = 24.0
        let largest = Double(max(rows.map(\.2).max() ?? 1, 1))
        let height = Double(rows.count) * rowHeight + 8
        var svg: HTMLText = "<svg role=\"img\" aria-label=\"理由\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
        for (index, (words, code, count)) in rows.enumerated() {
            let y = Double(index) * rowHeight
            let length = Double(count) / largest * (width - label - 60)
            svg += """
                <a href="/catalogue?reason=\(code.rawValue)"><text x="0" y=\(quoted(y + 16))>\(words)</text>\
                <rect x=\(quoted(label)) y=\(quoted(y + 4)) width=\(quoted(length)) height="16" fill="#5d6d7e"></rect></a>\
                <text x=\(quoted(label + length + 6)) y=\(quoted(y + 16))>\(count)</text>
                """
        }
        return svg + "</svg>\n"
    }

    /// An SVG coordinate as a quoted attribute value.
    static func quoted(_ value: Double) -> HTMLText { "\"\(value)\"" }
}
