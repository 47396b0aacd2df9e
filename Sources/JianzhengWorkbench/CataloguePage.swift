import Foundation
import Jianzheng
import JianzhengReports

/// 事项目录: every procedure, filtered (department, verdict, reason, flag, text), sorted and paged on the server.
enum CataloguePage {
    /// The query a request's parameters ask for; unknown values are ignored (the filter shows what applies).
    static func query(_ parameters: [String: String]) -> CatalogueIndex.Query {
        var query = CatalogueIndex.Query()
        query.department = parameters["department"].flatMap { $0.isEmpty ? nil : $0 }
        query.verdict = parameters["verdict"].flatMap(Verdict.init(rawValue:))
        query.reason = parameters["reason"].flatMap(ReasonCode.init(rawValue:))
        query.flag = parameters["flag"].flatMap(Flag.init(rawValue:))
        query.text = parameters["q"].flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
        query.sort = parameters["sort"].flatMap(CatalogueIndex.Query.Sort.init(rawValue:)) ?? .id
        query.page = parameters["page"].flatMap { Int($0) }.map { max(1, min($0, 1_000_000)) } ?? 1
        return query
    }

    /// The query as URL parameters (without the page), for links that keep the filter.
    static func parameters(_ query: CatalogueIndex.Query) -> String {
        var pairs: [(String, String)] = []
        if let department = query.department { pairs.append(("department", department)) }
        if let verdict = query.verdict { pairs.append(("verdict", verdict.rawValue)) }
        if let reason = query.reason { pairs.append(("reason", reason.rawValue)) }
        if let flag = query.flag { pairs.append(("flag", flag.rawValue)) }
        if let text = query.text { pairs.append(("q", text)) }
        if query.sort != .id { pairs.append(("sort", query.sort.rawValue)) }
        return pairs.map { "\($0.0)=\($0.1.urlEncoded)" }.joined(separator: "&")
    }

    static func render(_ index: CatalogueIndex, query: CatalogueIndex.Query, name: String?) -> String {
        let words = OutcomeWording.chinese
        let (rows, total) = index.select(query)
        func options<Value>(_ values: [Value], selected: Value?, label: (Value) -> String, value: (Value) -> String) -> HTMLText where Value: Equatable {
            HTMLText.joined(values.map { item in
                item == selected ? "<option value=\"\(value(item))\" selected>\(label(item))</option>" : "<option value=\"\(value(item))\">\(label(item))</option>"
            })
        }
        var body: HTMLText = """
            <form class="filters" method="get" action="/catalogue">
            <label>部门<select name="department"><option value="">全部</option>\(options(index.departments, selected: query.department, label: { $0 }, value: { $0 }))</select></label>
            <label>审查结论<select name="verdict"><option value="">全部</option>\(options(Verdict.allCases, selected: query.verdict, label: words.verdict, value: \.rawValue))</select></label>
            <label>理由<select name="reason"><option value="">全部</option>\(options(ReasonCode.allCases, selected: query.reason, label: words.reason, value: \.rawValue))</select></label>
            <label>标记<select name="flag"><option value="">全部</option>\(options(Flag.allCases, selected: query.flag, label: \.rawValue, value: \.rawValue))</select></label>
            <label>搜索<input name="q" value="\(query.text ?? "")" placeholder="事项编码、名称或材料"></label>
            <label>排序<select name="sort">\(options(CatalogueIndex.Query.Sort.allCases, selected: query.sort, label: sortLabel, value: \.rawValue))</select></label>
            <button>筛选</button>
            </form>
            <p>共 \(total) 个事项<a href="/downloads?\(parameters(query))">（下载当前筛选的报告与清单）</a></p>
            <table class="grid"><tr><th>事项编码</th><th>事项名称</th><th>部门</th>\
            <th>取消</th><th>共享获取</th><th>告知承诺</th><th>保留</th></tr>

            """
        for row in rows {
            body += """
                <tr><td><a href="/procedure/\(row.id.urlEncoded)">\(row.id)</a></td><td>\(row.name)</td><td>\(row.department)</td>\
                <td class="n">\(row.count(.remove))</td><td class="n">\(row.count(.obtainBySharing))</td>\
                <td class="n">\(row.count(.commitment))</td><td class="n">\(row.count(.keep))</td></tr>

                """
        }
        body += "</table>\n"
        let pages = max(1, (total + query.pageSize - 1) / query.pageSize)
        let base = parameters(query)
        let link = { (page: Int) -> String in "/catalogue?" + (base.isEmpty ? "" : base + "&") + "page=\(page)" }
        body += "<nav class=\"pager\">"
        if query.page > 1 { body += "<a href=\"\(link(query.page - 1))\" rel=\"prev\">上一页</a>" }
        body += "<span>第 \(min(query.page, pages)) / \(pages) 页</span>"
        if query.page < pages { body += "<a href=\"\(link(query.page + 1))\" rel=\"next\">下一页</a>" }
        body += "</nav>\n"
        return PageLayout.page(title: "事项目录", section: .catalogue, name: name, body: body)
    }

    static func sortLabel(_ sort: CatalogueIndex.Query.Sort) -> String {
        switch sort {
        case .id: "按事项编码"
        case .name: "按事项名称"
        case .department: "按部门"
        case .removed: "取消的证明多者在前"
        case .kept: "保留的证明多者在前"
        }
    }
}
