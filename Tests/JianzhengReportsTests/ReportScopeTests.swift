import Foundation
import Jianzheng
import JianzhengBase
import JianzhengWorkspace
import Testing

@testable import JianzhengReports

/// Issue 17: a report can cover a department, a list of procedures or some verdicts, and a catalogue's report can
/// be split into one part per department with an index.
@Suite struct ReportScopeTests {
    static func builder() throws -> ReportBuilder {
        let workspace = ReportLayoutTests.workspace
        let receipt = try ReproducibilityReceipt(workspace: workspace, review: ReportTests.review)
        return ReportBuilder(review: ReportTests.review, catalogue: workspace.catalogue, receipt: receipt)
    }

    static func table(_ document: ReportDocument, _ caption: String) -> ReportTable? {
        for case .table(let table) in document.blocks where table.caption == caption { return table }
        return nil
    }

    static func facts(_ document: ReportDocument) -> [String: String] {
        for case .facts(let facts) in document.blocks { return Dictionary(facts.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first }) }
        return [:]
    }

    @Test func aDepartmentsReportCountsAndListsOnlyItsProcedures() throws {
        let review = ReportTests.review
        let department = "民政部门"
        let procedures = Set(review.decisions.filter { $0.department == department }.map(\.procedureID))
        let document = try Self.builder().build(scope: ReportScope(departments: [department]))
        #expect(Self.facts(document)["办事事项"] == "\(procedures.count)")
        let sharing = try #require(Self.table(document, "共享获取事项目录"))
        #expect(!sharing.rows.isEmpty)
        #expect(sharing.rows.allSatisfy { row in procedures.contains { row[2].hasPrefix($0) } })
        guard case .cover(let cover) = document.blocks.first else { Issue.record("no cover"); return }
        #expect(cover.lines.contains { $0.0 == "实施部门" && $0.1 == department })
        // Only its procedures are justified one by one.
        let headings = document.blocks.compactMap { block -> String? in if case .heading(3, let text) = block { text } else { nil } }
        #expect(headings.count == procedures.count)
    }

    @Test func aVerdictsReportHoldsOnlyThoseRequirements() throws {
        let document = try Self.builder().build(scope: ReportScope(verdicts: [.remove]))
        let removed = ReportTests.review.decisions.filter { $0.verdict == .remove && $0.kind == .certificate }.count
        #expect(Self.table(document, "取消证明事项清单")?.rows.count == removed)
        #expect(Self.table(document, "保留证明事项清单") == nil)
        #expect(document.blocks.contains { if case .paragraph(let text) = $0 { text == "保留证明事项清单：无" } else { false } })
    }

    @Test func aSplitReportsIndexLinksItsPartsInsteadOfJustifyingEveryProcedure() throws {
        let builder = try Self.builder()
        let departments = builder.departments(in: .everything)
        #expect(departments.count == Set(ReportTests.review.decisions.map(\.department)).count)
        #expect(departments.reduce(0) { $0 + $1.procedures } == Set(ReportTests.review.decisions.map(\.procedureID)).count)
        let parts = departments.map { ReportPart(department: $0.department, procedures: $0.procedures, file: $0.department + ".html") }
        let index = builder.build(scope: .everything, parts: parts)
        #expect(!index.blocks.contains { if case .heading(3, _) = $0 { true } else { false } })
        let links = index.blocks.compactMap { block -> [(label: String, href: String)]? in if case .links(let links) = block { links } else { nil } }.first
        #expect(links?.map(\.href) == parts.map(\.file))
        let html = HTMLRenderer.render(index)
        #expect(html.contains("<a href=\"民政部门.html\">民政部门</a>"))
        #expect(html.contains("分册"))
    }
}
