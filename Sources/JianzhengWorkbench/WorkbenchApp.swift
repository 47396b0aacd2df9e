import Foundation
import Jianzheng
import JianzhengReports

/// The workbench's routes, independent of the HTTP server that carries them (so every route is tested without a
/// socket): pages, the forms that record statuses, notes and sign-offs, proposals and downloads. Every form
/// carries a CSRF token; beyond loopback every request carries the access token; every page is built from
/// escaped markup; a failure is a page with its status, never a crash.
public final class WorkbenchApp: Sendable {
    public let state: WorkbenchState
    public let store: ReviewStore
    let csrfToken: String
    let accessToken: String?

    /// The largest request body accepted (a pasted proposal); larger ones get 413.
    public static let maximumBody = 1 << 20

    public init(state: WorkbenchState, store: ReviewStore, accessToken: String?, csrfToken: String = WorkbenchApp.randomToken()) {
        self.state = state
        self.store = store
        self.accessToken = accessToken
        self.csrfToken = csrfToken
    }

    /// 32 random bytes as hex.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    public func handle(_ request: WorkbenchRequest) -> WorkbenchResponse {
        var response: WorkbenchResponse
        do {
            response = try route(request)
        } catch {
            response = errorPage(500, "工作台内部错误", error.description)
        }
        response.headers += [
            ("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
            // same-origin, not no-referrer: under no-referrer a browser posts forms with `Origin: null`.
            ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin"), ("Cache-Control", "no-store"),
        ]
        return response
    }

    private func route(_ request: WorkbenchRequest) throws(WorkbenchError) -> WorkbenchResponse {
        if let refused = checkAccess(request) { return refused }
        let name = request.cookies["jz_name"].flatMap { $0.isEmpty ? nil : $0 }
        let notice = request.query["done"].flatMap(Self.notices.index(forKey:)).map { Self.notices[$0].value }
        switch (request.method, request.path) {
        case ("GET", "/"), ("HEAD", "/"):
            return .html(try OverviewPage.render(state, store: store, csrf: csrfToken, name: name, notice: notice))
        case ("GET", "/catalogue"):
            return .html(CataloguePage.render(state.index, query: CataloguePage.query(request.query), name: name))
        case ("GET", let path) where path.hasPrefix("/procedure/"):
            let id = String(path.dropFirst("/procedure/".count))
            guard let page = try ProcedurePage.render(state, procedure: id, store: store, csrf: csrfToken, name: name, notice: notice) else {
                return errorPage(404, "没有该事项", "目录中没有事项“\(id)”。")
            }
            return .html(page)
        case ("GET", "/proposal"):
            return .html(ProposalPage.form(state, csrf: csrfToken, name: name))
        case ("GET", "/downloads"):
            return .html(DownloadsPage.render(state, query: CataloguePage.query(request.query), name: name))
        case ("GET", let path) where path.hasPrefix("/download/report."):
            let format = String(path.dropFirst("/download/report.".count))
            guard ["html", "docx", "md"].contains(format) else { return errorPage(404, "没有该格式", "报告格式为 html、docx 或 md。") }
            return try DownloadsPage.report(state, query: CataloguePage.query(request.query), format: format, store: store)
        case ("GET", "/download/lists.xlsx"):
            return try DownloadsPage.lists(state, query: CataloguePage.query(request.query), kind: nil, store: store)
        case ("GET", "/download/list.csv"):
            guard let kind = request.query["list"].flatMap(PublishedLists.Kind.init(rawValue:)) else {
                return errorPage(400, "未指定清单", "list 取 " + PublishedLists.Kind.allCases.map(\.rawValue).joined(separator: "、") + " 之一。")
            }
            return try DownloadsPage.lists(state, query: CataloguePage.query(request.query), kind: kind, store: store)
        case ("GET", "/static/workbench.css"):
            return WorkbenchResponse(status: 200, headers: [("Content-Type", "text/css; charset=utf-8")], body: Data(PageLayout.stylesheet.utf8))
        case ("GET", "/favicon.ico"):
            return WorkbenchResponse(status: 204)
        case ("GET", "/static/workbench.js"):
            return WorkbenchResponse(status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8")], body: Data(PageLayout.script.utf8))
        case ("POST", let path):
            if let refused = checkForgery(request) { return refused }
            return try post(path, request)
        case (_, let path) where Self.knownPaths.contains(path) || path.hasPrefix("/procedure/"):
            return errorPage(405, "不支持的请求方法", "\(request.method) \(path)")
        default:
            return errorPage(404, "没有该页面", request.path)
        }
    }

    static let knownPaths: Set<String> = [
        "/", "/catalogue", "/proposal", "/downloads", "/download/lists.xlsx", "/download/list.csv", "/decision/status", "/decision/note",
        "/decision/resolve", "/department/sign-off",
    ]

    /// What a redirect after a form says on the next page (`?done=…`).
    static let notices = ["status": "审核状态已更新。", "note": "意见已添加。", "resolve": "意见已标为已解决。", "sign-off": "清单已签发。"]

    private func post(_ path: String, _ request: WorkbenchRequest) throws(WorkbenchError) -> WorkbenchResponse {
        let form = request.form
        let author = (form["author"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let remember = author.isEmpty ? [] : ["jz_name=\(author.urlEncoded); Path=/; SameSite=Strict; HttpOnly"]
        if path == "/proposal" {
            let shipped = form["shipped"].flatMap { $0.isEmpty ? nil : $0 }
            let text = shipped.flatMap { state.proposals[$0] } ?? form["text"] ?? ""
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .html(ProposalPage.form(state, csrf: csrfToken, name: nil, result: "<p class=\"error\">请粘贴提案文本、读取文件或选用工作区中的提案。</p>"), status: 400)
            }
            let (status, result) = ProposalPage.evaluate(state, text: text, fileName: shipped ?? "提案.jz")
            return .html(ProposalPage.form(state, csrf: csrfToken, name: request.cookies["jz_name"], text: text, result: result), status: status)
        }
        guard !author.isEmpty else { return errorPage(400, "请填写审核人", "每项审核记录都要写明由谁作出。") }
        if path == "/department/sign-off" {
            let department = form["department"] ?? ""
            guard state.index.departments.contains(department) else { return errorPage(404, "没有该部门", department) }
            do {
                try store.signOff(
                    department: department, by: author, fingerprint: state.listFingerprint(department: department),
                    decisions: state.review.decisions.filter { $0.department == department }.map(DecisionRecord.init))
            } catch {
                return errorPage(409, "不能签发", error.description)
            }
            return .redirect("/?done=sign-off", cookies: remember)
        }
        guard let id = form["decision"], let decision = state.decision(id: id) else {
            return errorPage(404, "没有该审查结论", form["decision"] ?? "")
        }
        let record = DecisionRecord(decision)
        let back = "/procedure/\(decision.procedureID.urlEncoded)"
        switch path {
        case "/decision/status":
            guard let status = form["status"].flatMap(ReviewStatus.init(rawValue:)), status != .signedOff else {
                return errorPage(400, "状态无效", "状态取 已核、有异议 或 未审。")
            }
            try store.setStatus(status, of: record, by: author)
            return .redirect(back + "?done=status#" + ProcedurePage.anchor(decision.material), cookies: remember)
        case "/decision/note":
            let text = form["text"] ?? ""
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= 4_000 else {
                return errorPage(400, "意见无效", "意见不能为空，且不超过 4000 字。")
            }
            try store.addNote(text, serious: form["serious"] == "1", on: record, by: author)
            return .redirect(back + "?done=note#" + ProcedurePage.anchor(decision.material), cookies: remember)
        case "/decision/resolve":
            guard let note = form["note"].flatMap({ Int64($0) }) else { return errorPage(400, "未指定意见", "") }
            do {
                try store.resolveNote(note, on: record, by: author)
            } catch {
                return errorPage(404, "没有该意见", error.description)
            }
            return .redirect(back + "?done=resolve#" + ProcedurePage.anchor(decision.material), cookies: remember)
        default:
            return errorPage(404, "没有该页面", path)
        }
    }

    /// With an access token, every request must carry it: `Authorization: Bearer …`, the cookie it sets, or
    /// `?token=…` once (answered by setting the cookie and redirecting to the page without it).
    private func checkAccess(_ request: WorkbenchRequest) -> WorkbenchResponse? {
        guard let accessToken else { return nil }
        let bearer = request.headers["authorization"].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        if let given = bearer ?? request.cookies["jz_token"], Self.same(given, accessToken) { return nil }
        if request.method == "GET", let given = request.query["token"], Self.same(given, accessToken) {
            return .redirect(request.path, cookies: ["jz_token=\(accessToken); Path=/; SameSite=Strict; HttpOnly"])
        }
        return errorPage(401, "需要访问令牌", "此工作台要求访问令牌：在地址后加 ?token=…，或发送 Authorization: Bearer …。")
    }

    /// A POST must carry the form's CSRF token, and come from this origin when the browser says where from.
    private func checkForgery(_ request: WorkbenchRequest) -> WorkbenchResponse? {
        guard let given = request.form["csrf"], Self.same(given, csrfToken) else {
            return errorPage(403, "请求被拒绝", "表单缺少有效的防伪令牌（CSRF）：请从工作台页面提交。")
        }
        if let origin = request.headers["origin"], let host = request.headers["host"], origin != "http://" + host, origin != "https://" + host {
            return errorPage(403, "请求被拒绝", "请求来自其他来源：\(origin)")
        }
        return nil
    }

    /// Compares two tokens in time independent of where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func errorPage(_ status: Int, _ title: String, _ message: String) -> WorkbenchResponse {
        .html(PageLayout.page(title: title, section: nil, name: nil, body: "<p class=\"error\">\(message)</p><p><a href=\"/\">返回总览</a></p>"), status: status)
    }
}
