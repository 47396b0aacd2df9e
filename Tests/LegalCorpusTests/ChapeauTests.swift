import JianzhengBase
import Testing

@testable import LegalCorpus

/// The words that introduce a point's list, found by bytes: the last `__point_` (else `__item_`) of the eId names the
/// parent, whose first line is the chapeau unless it is a single line or itself a numbered item.
@Suite struct ChapeauTests {
    private func version(_ provisions: [(String, String)]) -> ActVersion {
        var table: [String: Provision] = [:]
        for (eId, text) in provisions { table[eId] = Provision(eId: eId, label: eId, text: text, line: 1) }
        return ActVersion(expressionURI: "/akn/cn/act/test/zh@", validFrom: CalendarDate("2020-01-01")!, validUntil: nil, provisions: ProvisionTable(table), path: "test.xml")
    }

    private func chapeau(of eId: String, in version: ActVersion) -> String? {
        Provision(eId: eId, label: eId, text: "", line: 1).chapeau(in: version)
    }

    @Test func aPointIsIntroducedByItsParagraphsFirstLine() {
        let version = version([("art_5__para_1", "公证机构办理下列公证事项：\n（一）继承；\n（二）收养。")])
        #expect(chapeau(of: "art_5__para_1__point_2", in: version) == "公证机构办理下列公证事项：")
    }

    @Test func theLastPointMarkerNamesTheParent() {
        let version = version([
            ("art_5__para_1__point_2", "下列情形之一：\n1．甲"), ("art_5__para_1", "不应被选中：\n（二）"),
        ])
        #expect(chapeau(of: "art_5__para_1__point_2__point_1", in: version) == "下列情形之一：")
    }

    @Test func aPointWithoutItsParagraphFallsBackToTheArticle() {
        let version = version([("art_15", "申请人应当提交下列材料：\n（一）身份证明")])
        #expect(chapeau(of: "art_15__point_1", in: version) == "申请人应当提交下列材料：")
    }

    @Test func anAnnexItemIsIntroducedByTheAnnexHeading() {
        let version = version([("att_1", "保留的证明事项清单\n第一项 出生医学证明")])
        #expect(chapeau(of: "att_1__item_1", in: version) == "保留的证明事项清单")
    }

    @Test func noChapeauForASingleLineANumberedFirstLineOrAnArticle() {
        let version = version([
            ("art_1", "只有一行"), ("art_2", "（一）第一项\n（二）第二项"), ("art_3", "1. 第一项\n2. 第二项"), ("art_4", "\n开头就换行"),
        ])
        #expect(chapeau(of: "art_1__point_1", in: version) == nil)
        #expect(chapeau(of: "art_2__point_1", in: version) == nil)
        #expect(chapeau(of: "art_3__point_1", in: version) == nil)
        #expect(chapeau(of: "art_4__point_1", in: version) == nil)
        #expect(chapeau(of: "art_1", in: version) == nil)
        #expect(chapeau(of: "art_9__point_1", in: version) == nil)
    }

    @Test func aCarriageReturnLineFeedIsOneLineBreak() {
        let version = version([("art_6", "下列事项：\r\n（一）甲\n（二）乙")])
        #expect(chapeau(of: "art_6__point_1", in: version) == "下列事项：")
    }
}
