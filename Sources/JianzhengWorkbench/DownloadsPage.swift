import Foundation
import Jianzheng
import JianzhengReports
import JianzhengSpreadsheet

/// 下载: the hearing report (HTML, DOCX, Markdown) and the published lists (XLSX, CSV) of the catalogue page's
/// current filter, each with the office's review state (审核状态).
enum DownloadsPage {
    static func render(_ state: WorkbenchState, query: CatalogueIndex.Query, name: String?) -> String {
        let parameters = CataloguePage.parameters(query)
        let suffix = parameters.isEmpty ? "" : "?" + parameters
        let (_, total) = state.index.select(query)
        let lists = HTMLText.joined(PublishedLists.Kind.allCases.map { kind in
            "<li><a href=\"/download/list.csv?list=\(kind.rawValue)\(parameters.isEmpty ? "" : "&" + parameters)\">\(kind.rawValue).csv</a></li>"
        })
        let body: HTMLText = """
            <p>当前筛选：\(parameters.isEmpty ? "全部事项" : parameters.removingPercentEncoding ?? parameters)（\(total) 个事项）。\
            <a href="/catalogue\(suffix)">返回目录</a></p>
            <h2>听证报告</h2>
            <ul><li><a href="/download/report.html\(suffix)">HTML</a></li><li><a href="/download/report.docx\(suffix)">Word（DOCX）</a></li>\
            <li><a href="/download/report.md\(suffix)">Markdown</a></li></ul>
            <h2>公布清单</h2>
            <ul><li><a href="/download/lists.xlsx\(suffix)">全部清单（XLSX，每张清单一个工作表，含审核状态列）</a></li>\(lists)</ul>
            """
        return PageLayout.page(title: "下载", section: .downloads, name: name, body: body)
    }

    /// The scope the filter selects: its procedures, or everything when nothing is filtered.
    static func scope(_ state: WorkbenchState, query: CatalogueIndex.Query) -> ReportScope {
        query.filters ? ReportScope(procedures: Set(state.index.matching(query).map(\.id))) : .everything
    }

    /// The hearing report of the filter, with an appendix of the review state of its decisions.
    static func report(_ state: WorkbenchState, query: CatalogueIndex.Query, format: String, store: ReviewStore) throws(WorkbenchError) -> WorkbenchResponse {
        let scope = scope(state, query: query)
        var document = state.reportBuilder().build(scope: scope)
        let statuses = try store.statuses()
        let decisions = state.review.decisions.filter { scope.procedures?.contains($0.procedureID) ?? true }
        let rows = decisions.compactMap { decision -> [String]? in
            statusText(decision, statuses).map { [decision.procedureID, decision.material, $0] }
        }
        document.blocks.append(.appendix("审核状态"))
        document.blocks.append(rows.isEmpty
            ? .paragraph("尚无审核记录：所列结论均为未审。")
            : .table(ReportTable(caption: "审核状态", header: ["事项编码", "材料", "审核状态"], rows: rows)))
        let name = "听证报告"
        switch format {
        case "html": return .download(Data(HTMLRenderer.render(document).utf8), name: name + ".html", type: "text/html; charset=utf-8")
        case "md": return .download(Data(MarkdownRenderer.render(document).utf8), name: name + ".md", type: "text/markdown; charset=utf-8")
        default:
            do {
                let data = try DocxRenderer.render(document, date: state.review.asOf.description)
                return .download(data, name: name + ".docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            } catch {
                throw WorkbenchError("cannot write the DOCX report: \(error)")
            }
        }
    }

    /// The published lists of the filter with a 审核状态 column: every list as a workbook, or one as CSV.
    static func lists(
        _ state: WorkbenchState, query: CatalogueIndex.Query, kind: PublishedLists.Kind?, store: ReviewStore
    ) throws(WorkbenchError) -> WorkbenchResponse {
        let scope = scope(state, query: query)
        let statuses = try store.statuses()
        var lists = PublishedLists(
            decisions: state.review.decisions.filter { scope.procedures?.contains($0.procedureID) ?? true }, catalogue: state.workspace.catalogue)
        lists.reviewStatus = { statusText($0, statuses) ?? ReviewStatus.unreviewed.rawValue }
        if let kind {
            let table = lists.table(kind)
            return .download(Data(("\u{FEFF}" + CSV.write([table.header] + table.rows)).utf8), name: lists.title(kind) + ".csv", type: "text/csv; charset=utf-8")
        }
        let sheets = PublishedLists.Kind.allCases.map { kind in
            let table = lists.table(kind)
            return XLSXWriter.SheetData(name: lists.title(kind), rows: [table.header] + table.rows, numeric: table.numeric)
        }
        do {
            return .download(try XLSXWriter.write(sheets), name: "公布清单.xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        } catch {
            throw WorkbenchError("cannot write the workbook: \(error)")
        }
    }

    /// A decision's 审核状态 as the downloads print it, marked when the decision changed since; nil when none was given.
    static func statusText(_ decision: Decision, _ statuses: [String: (status: ReviewStatus, fingerprint: String)]) -> String? {
        let record = DecisionRecord(decision)
        guard let status = statuses[record.id] else { return nil }
        return status.status.rawValue + (status.fingerprint == record.fingerprint ? "" : "（结论已变化）")
    }
}
