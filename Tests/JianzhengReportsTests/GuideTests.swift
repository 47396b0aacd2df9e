import Foundation
import Jianzheng
import JianzhengBase
import JianzhengSyntax
import JianzhengWorkspace
import Testing

@testable import JianzhengReports

/// Issue 18: the 办事指南 of every bundled procedure lists what the review leaves: removed materials absent, shared
/// ones obtained by the window, commitment ones with their 告知承诺书.
@Suite struct GuideTests {
    static let builder = GuideBuilder(review: ReportTests.review, catalogue: ReportLayoutTests.workspace.catalogue)

    /// The rows of a guide's materials table (序号, 材料名称, 提交方式, …).
    static func materialRows(_ blocks: [ReportBlock]) -> [[String]] {
        for case .table(let table) in blocks where table.header.first == "序号" && table.header.contains("提交方式") { return table.rows }
        return []
    }

    @Test func everyProceduresGuideMatchesTheReviewsVerdicts() throws {
        for group in ReportTests.review.decisions.byProcedure {
            guard let id = group.first?.procedureID else { continue }
            let document = Self.builder.build(procedures: [id])
            let rows = Self.materialRows(document.blocks)
            let listed = Set(rows.map { $0[1] })
            let notices = document.blocks.filter { if case .notice = $0 { true } else { false } }.count
            var expectedNotices = 0
            for decision in group {
                switch GuideBuilder.submission(decision) {
                case .none:
                    #expect(!listed.contains(decision.material), "\(id): \(decision.material) is removed but listed")
                case .obtained(let source, _):
                    let row = try #require(rows.first { $0[1] == decision.material }, "\(id): \(decision.material)")
                    #expect(row[2].hasPrefix("无需提交，由窗口通过“\(source)”"))
                case .commitment:
                    if decision.commitment.plan != nil { expectedNotices += 1 }
                    if decision.verdict == .commitment {
                        let row = try #require(rows.first { $0[1] == decision.material }, "\(id): \(decision.material)")
                        #expect(row[2].contains("告知承诺书"))
                    } else {
                        #expect(!listed.contains(decision.material) && listed.contains("告知承诺书"))
                    }
                case .submit:
                    let row = try #require(rows.first { $0[1] == decision.material }, "\(id): \(decision.material)")
                    #expect(row[2].hasPrefix("需提交"))
                }
            }
            #expect(notices == expectedNotices, "\(id)")
            // Every guide gives its steps and its time limits (the bundled ones are illustrative, and say so).
            #expect(document.blocks.contains { if case .heading(3, "基本流程") = $0 { true } else { false } }, "\(id)")
            #expect(document.blocks.contains { if case .paragraph(let text) = $0 { text.hasPrefix("本指南的受理") } else { false } })
        }
    }

    @Test func theTeachersGuideShowsItsSituationsAndItsNotice() throws {
        let document = Self.builder.build(procedures: ["620000-JY-0012"])
        #expect(document.title == "教师资格认定办事指南")
        let html = HTMLRenderer.render(document)
        #expect(html.contains("各办理情形所需材料") && html.contains("学历于2001年以前取得"))
        #expect(html.contains("承诺人（签字）"))
    }

    @Test func theRetainedProceduresTableHasARowPerProcedure() throws {
        let lists = PublishedLists(decisions: ReportTests.review.decisions, catalogue: ReportLayoutTests.workspace.catalogue)
        let table = lists.table(.retainedProcedures)
        #expect(table.header == ["序号", "事项编码", "事项名称", "事项类型", "设定依据", "实施主体", "服务对象", "办理时限", "收费标准", "备注（审查后的证明）"])
        #expect(table.rows.count == ReportTests.review.decisions.byProcedure.count)
        let notary = try #require(table.rows.first { $0[1] == "620000-SF-0001" })
        #expect(notary[3] == "公共服务")
        #expect(notary[8] == "300元（《中华人民共和国公证法》第四十六条）")
        #expect(notary[7].hasPrefix("法定"))
    }

    /// The facts block of a guide (label → value).
    static func facts(_ blocks: [ReportBlock]) -> [String: String] {
        for case .facts(let pairs) in blocks { return Dictionary(pairs, uniquingKeysWith: { first, _ in first }) }
        return [:]
    }

    /// A limit of 0 days (decided on the spot) was shown without the article that sets it.
    @Test func aLimitOfNoDaysIsDecidedOnTheSpotWithItsBasis() {
        let facts = Self.facts(Self.builder.build(procedures: ["620000-MZ-0001"]).blocks)
        #expect(facts["法定办结时限"] == "当场办结（依据：《婚姻登记条例》第五条）", "\(facts)")
        #expect(facts["事项类型"] == "行政确认")
    }

    @Test func aRequirementsSampleAndMistakesAreInItsRow() throws {
        let workspace = ReportLayoutTests.workspace
        let overlay = """
            procedure "T-1" 示例事项 {
              department 民政部门
              territory  CN-62
              requires 居民身份证 {
                sample  "正反面复印件，见窗口样表"
                mistake "复印件不清晰"
                mistake "证件已过期"
              }
            }
            """
        let tree = Parser.parse(SourceFile(path: "t.jz", text: overlay)).tree
        let (catalogue, _, diagnostics) = CatalogueBuilder.apply([tree], to: workspace.catalogue, corpus: workspace.corpus)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))")
        let review = try ReviewEngine(catalogue: catalogue, corpus: workspace.corpus).review(asOf: CalendarDate("2026-11-29")!)
        let rows = Self.materialRows(GuideBuilder(review: review, catalogue: catalogue).build(procedures: ["T-1"]).blocks)
        let row = try #require(rows.first { $0[1] == "居民身份证" })
        #expect(row[4].contains("示范文本：正反面复印件，见窗口样表"))
        #expect(row[4].contains("常见错误：复印件不清晰") && row[4].contains("常见错误：证件已过期"))
    }
}
