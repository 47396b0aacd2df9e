import Foundation
import Jianzheng
import Testing

@testable import JianzhengWorkbench

/// Issue 19: the catalogue page stays responsive at 50,000 procedures — the server filters, sorts and pages an
/// index of flat rows and sends one page, never the whole catalogue.
@Suite struct CatalogueScaleTests {
    static let index: CatalogueIndex = {
        let departments = ["民政部门", "公安机关", "人力资源社会保障部门", "市场监督管理部门", "教育行政部门"]
        return CatalogueIndex(rows: (0..<50_000).map { number in
            CatalogueIndex.Row(
                id: String(format: "620000-XX-%05d", number), name: "事项\(number)", department: departments[number % departments.count], domain: "",
                counts: [number % 3, number % 2, number % 5 == 0 ? 1 : 0, 1], reasons: number % 3 > 0 ? [.noBasis] : [.basisSufficient],
                flags: number % 7 == 0 ? [.partialCoverage] : [], materials: ["材料\(number)甲", "居民身份证"])
        })
    }()

    @Test func aFilteredSortedPageOf50000ProceduresIsServedQuickly() throws {
        var query = CatalogueIndex.Query()
        query.department = "公安机关"
        query.reason = .noBasis
        query.text = "材料1"
        query.sort = .removed
        query.page = 3
        let index = Self.index  // built once per review, before any request
        let start = ContinuousClock.now
        let page = CataloguePage.render(index, query: query, name: "张三")
        let elapsed = ContinuousClock.now - start
        // The page holds one page of rows (50), not the catalogue.
        #expect(page.components(separatedBy: "<tr><td><a href=\"/procedure/").count - 1 == 50)
        #expect(page.utf8.count < 100_000)
        #expect(elapsed < .milliseconds(300), "\(elapsed)")
        let everything = CataloguePage.render(Self.index, query: CatalogueIndex.Query(), name: nil)
        #expect(everything.contains("共 50000 个事项") && everything.contains("第 1 / 1000 页"))
    }
}
