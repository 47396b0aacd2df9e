import Foundation
import Jianzheng
import JianzhengBase
import Testing

@testable import JianzhengWorkbench

/// Issue 19: every route of the workbench, its status codes and what its pages show; the CSRF and token refusals;
/// the review state across a restart and a re-review.
@Suite struct WorkbenchAppTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func state(asOf date: String = "2026-11-29") throws -> WorkbenchState {
        try WorkbenchState(
            root: root, sources: [root + "/rules", root + "/examples"], corpus: root + "/legal-basis", asOf: CalendarDate(date)!, policy: nil)
    }

    static let shared: WorkbenchState = {
        do { return try state() } catch { fatalError("the bundled workspace does not load: \(error)") }
    }()

    static func app(store: ReviewStore? = nil, token: String? = nil) throws -> WorkbenchApp {
        WorkbenchApp(state: shared, store: try store ?? ReviewStore(path: ":memory:"), accessToken: token, csrfToken: "csrf-token")
    }

    static func get(_ app: WorkbenchApp, _ target: String, headers: [String: String] = [:]) -> WorkbenchResponse {
        app.handle(WorkbenchRequest(method: "GET", target: target, headers: headers))
    }

    static func post(_ app: WorkbenchApp, _ path: String, _ fields: [String: String], csrf: String? = "csrf-token", headers: [String: String] = [:]) -> WorkbenchResponse {
        var all = fields
        if let csrf { all["csrf"] = csrf }
        let body = all.map { "\($0.key.urlEncoded)=\($0.value.urlEncoded)" }.joined(separator: "&")
        return app.handle(WorkbenchRequest(
            method: "POST", target: path, headers: headers.merging(["Content-Type": "application/x-www-form-urlencoded"]) { a, _ in a },
            body: Data(body.utf8)))
    }

    static func text(_ response: WorkbenchResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    static func header(_ response: WorkbenchResponse, _ name: String) -> String? { response.headers.first { $0.0 == name }?.1 }

    @Test func everyPageAnswersWithItsStatus() throws {
        let app = try Self.app()
        let pages: [(String, Int, String)] = [
            ("/", 200, "各部门审查结论"), ("/catalogue", 200, "620000-MZ-0001"), ("/catalogue?department=民政部门".urlTarget, 200, "民政部门"),
            ("/procedure/620000-MZ-0010", 200, "最低生活保障审批"), ("/procedure/NO-SUCH", 404, "没有该事项"), ("/proposal", 200, "提案文本"),
            ("/downloads", 200, "听证报告"), ("/nowhere", 404, "没有该页面"), ("/decision/status", 405, "不支持的请求方法"),
            ("/static/workbench.css", 200, "font-family"), ("/static/workbench.js", 200, "FileReader"),
            ("/download/list.csv", 400, "未指定清单"), ("/download/report.pdf", 404, "报告格式"),
        ]
        for (target, status, expected) in pages {
            let response = Self.get(app, target)
            #expect(response.status == status, "\(target)")
            #expect(Self.text(response).contains(expected), "\(target) lacks \(expected)")
            #expect(Self.header(response, "Content-Security-Policy")?.contains("default-src 'none'") == true)
        }
    }

    @Test func theCatalogueFiltersSortsAndPages() throws {
        let app = try Self.app()
        let removed = Self.text(Self.get(app, "/catalogue?verdict=remove&sort=removed"))
        let rows = removed.components(separatedBy: "<tr><td><a href=\"/procedure/").count - 1
        let all = Self.shared.index.rows.filter { $0.count(.remove) > 0 }.count
        #expect(rows == all && removed.contains("共 \(all) 个事项"))
        let search = Self.text(Self.get(app, "/catalogue?q=" + "结婚".urlEncoded))
        #expect(search.contains("620000-MZ-0001") && !search.contains("620000-MZ-0010"))
        // Pages of 50: the second page of everything holds the rest.
        var query = CatalogueIndex.Query()
        query.pageSize = 10
        query.page = 5
        let (page, total) = Self.shared.index.select(query)
        #expect(total == Self.shared.index.rows.count && page.count == total - 40)
    }

    @Test func theProcedurePageQuotesTheLawAndExplainsEachDecision() throws {
        let text = Self.text(Self.get(try Self.app(), "/procedure/620000-MZ-0001"))
        #expect(text.contains("<blockquote>") && text.contains("婚姻登记条例"))
        #expect(text.contains("完整说明与规则评估过程") && text.contains("四、规则逐条评估"))
        #expect(text.contains("name=\"csrf\" value=\"csrf-token\""))
        let cycle = Self.text(Self.get(try Self.app(), "/procedure/620000-GA-0030"))
        #expect(cycle.contains("<svg") && cycle.contains("循环证明"))
    }

    @Test func aStatusANoteAndItsResolutionAreRecordedAndShown() throws {
        let app = try Self.app()
        let id = "620000-MZ-0010/" + (Self.shared.decisions(of: "620000-MZ-0010").first?.material ?? "")
        let set = Self.post(app, "/decision/status", ["decision": id, "status": "有异议", "author": "张三"])
        #expect(set.status == 303 && Self.header(set, "Location")?.hasPrefix("/procedure/620000-MZ-0010?done=status") == true)
        #expect(Self.header(set, "Set-Cookie")?.hasPrefix("jz_name=") == true)
        let noted = Self.post(app, "/decision/note", ["decision": id, "text": "<script>alert(1)</script>依据需核对", "serious": "1", "author": "李四"])
        #expect(noted.status == 303)
        let page = Self.text(Self.get(app, "/procedure/620000-MZ-0010"))
        #expect(page.contains("class=\"status 有异议\""))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;依据需核对") && !page.contains("<script>alert(1)"))
        // The serious note blocks the department's sign-off until it is resolved.
        let department = try #require(Self.shared.decision(id: id)).department
        let blocked = Self.post(app, "/department/sign-off", ["department": department, "author": "王五"])
        #expect(blocked.status == 409 && Self.text(blocked).contains("serious note"))
        let decision = try #require(Self.shared.decision(id: id))
        let note = try #require(try app.store.state(of: DecisionRecord(decision)).notes.first)
        #expect(Self.post(app, "/decision/resolve", ["decision": id, "note": "\(note.id)", "author": "李四"]).status == 303)
        #expect(Self.post(app, "/department/sign-off", ["department": department, "author": "王五"]).status == 303)
        #expect(Self.text(Self.get(app, "/")).contains("已签发（王五"))
    }

    @Test func aPostWithoutTheCSRFTokenOrFromAnotherOriginIsRefused() throws {
        let app = try Self.app()
        let id = "620000-MZ-0010/" + (Self.shared.decisions(of: "620000-MZ-0010").first?.material ?? "")
        #expect(Self.post(app, "/decision/status", ["decision": id, "status": "已核", "author": "张三"], csrf: nil).status == 403)
        #expect(Self.post(app, "/decision/status", ["decision": id, "status": "已核", "author": "张三"], csrf: "guess").status == 403)
        let foreign = Self.post(
            app, "/decision/status", ["decision": id, "status": "已核", "author": "张三"], headers: ["Origin": "http://evil.example", "Host": "127.0.0.1:8080"])
        #expect(foreign.status == 403)
        #expect(try app.store.eventCount() == 0)
        #expect(Self.post(app, "/decision/status", ["decision": id, "status": "已核"]).status == 400, "no author")
        #expect(Self.post(app, "/decision/status", ["decision": "X/Y", "status": "已核", "author": "张三"]).status == 404)
    }

    @Test func withATokenEveryRequestMustCarryIt() throws {
        let app = try Self.app(token: "a-long-enough-secret-token")
        #expect(Self.get(app, "/").status == 401)
        #expect(Self.get(app, "/", headers: ["Authorization": "Bearer wrong"]).status == 401)
        #expect(Self.get(app, "/", headers: ["Authorization": "Bearer a-long-enough-secret-token"]).status == 200)
        let login = Self.get(app, "/catalogue?token=a-long-enough-secret-token")
        #expect(login.status == 303 && Self.header(login, "Location") == "/catalogue")
        let cookie = try #require(Self.header(login, "Set-Cookie")?.split(separator: ";").first.map(String.init))
        #expect(Self.get(app, "/catalogue", headers: ["Cookie": cookie]).status == 200)
    }

    @Test func aProposalShowsItsDiffAndAMalformedOneItsLocatedDiagnostics() throws {
        let app = try Self.app()
        let shipped = try #require(Self.shared.proposals.keys.sorted().first)
        let result = Self.post(app, "/proposal", ["shipped": shipped])
        #expect(result.status == 200, "\(Self.text(result).prefix(400))")
        #expect(Self.text(result).contains("试算结果") && Self.text(result).contains("变化的材料要求"))
        let broken = Self.post(app, "/proposal", ["text": "procedure \"620000-MZ-0001\" 结婚登记 {\n  department 民证部门\n"])
        #expect(broken.status == 422)
        #expect(Self.text(broken).contains("提案.jz:"), "located")
        #expect(Self.post(app, "/proposal", ["text": ""]).status == 400)
    }

    @Test func downloadsCarryTheReviewState() throws {
        let app = try Self.app()
        let id = "620000-MZ-0001/" + (Self.shared.decisions(of: "620000-MZ-0001").first?.material ?? "")
        #expect(Self.post(app, "/decision/status", ["decision": id, "status": "已核", "author": "张三"]).status == 303)
        let csv = Self.get(app, "/download/list.csv?list=catalogue&department=" + "民政部门".urlEncoded)
        #expect(csv.status == 200 && Self.header(csv, "Content-Type")?.hasPrefix("text/csv") == true)
        let text = Self.text(csv)
        #expect(text.contains("审核状态") && text.contains("已核") && !text.contains("620000-GA-"))
        let xlsx = Self.get(app, "/download/lists.xlsx")
        #expect(xlsx.status == 200 && xlsx.body.starts(with: [0x50, 0x4B]))
        let docx = Self.get(app, "/download/report.docx?department=" + "民政部门".urlEncoded)
        #expect(docx.status == 200 && docx.body.starts(with: [0x50, 0x4B]))
        let html = Self.text(Self.get(app, "/download/report.html?department=" + "民政部门".urlEncoded))
        #expect(html.contains("审核状态") && html.contains("已核"))
        #expect(Self.header(Self.get(app, "/download/report.md"), "Content-Disposition")?.contains("filename*=UTF-8''") == true)
    }

    @Test func theStateSurvivesARestartAndAReReviewMarksChangedDecisions() throws {
        let path = ReviewStoreTests.temporaryDatabase()
        let before = try Self.state(asOf: "2026-11-29")
        let after = try Self.state(asOf: "2027-06-01")
        // A decision the later date decides differently (a basis in force only from 2027).
        let changed = try #require(before.review.decisions.first { decision in
            after.decision(id: DecisionRecord(decision).id).map { DecisionRecord($0).fingerprint != DecisionRecord(decision).fingerprint } ?? false
        })
        let unchanged = try #require(before.review.decisions.first { decision in
            after.decision(id: DecisionRecord(decision).id).map { DecisionRecord($0).fingerprint == DecisionRecord(decision).fingerprint } ?? false
        })
        do {
            let app = WorkbenchApp(state: before, store: try ReviewStore(path: path), accessToken: nil, csrfToken: "t")
            for decision in [changed, unchanged] {
                let response = Self.post(app, "/decision/status", ["decision": DecisionRecord(decision).id, "status": "已核", "author": "张三", "csrf": "t"], csrf: nil)
                #expect(response.status == 303)
            }
        }
        let restarted = WorkbenchApp(state: after, store: try ReviewStore(path: path), accessToken: nil, csrfToken: "t")
        let changedAfter = try #require(after.decision(id: DecisionRecord(changed).id))
        let changedState = try restarted.store.state(of: DecisionRecord(changedAfter))
        #expect(changedState.status == .checked && changedState.statusOutdated)
        let unchangedAfter = try #require(after.decision(id: DecisionRecord(unchanged).id))
        let unchangedState = try restarted.store.state(of: DecisionRecord(unchangedAfter))
        #expect(unchangedState.status == .checked && !unchangedState.statusOutdated)
        #expect(Self.text(Self.get(restarted, "/procedure/" + changed.procedureID.urlEncoded)).contains("结论已变化"))
    }
}

extension String {
    /// A target with its query percent-encoded.
    var urlTarget: String {
        guard let mark = firstIndex(of: "?") else { return self }
        let query = self[index(after: mark)...].split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return parts.map { String($0).urlEncoded }.joined(separator: "=")
        }
        return String(self[..<mark]) + "?" + query.joined(separator: "&")
    }
}
