import Testing

@testable import LegalCorpus

@Suite struct CitationParserTests {
    /// Real-world forms and the act name and eId each must parse to.
    static let valid: [(String, String, String?)] = [
        ("《中华人民共和国婚姻登记条例》第五条第一款", "中华人民共和国婚姻登记条例", "art_5__para_1"),
        ("《婚姻登记条例》第5条", "婚姻登记条例", "art_5"),
        ("《婚姻登记条例》第五条", "婚姻登记条例", "art_5"),
        ("《婚姻登记条例》第５条", "婚姻登记条例", "art_5"),
        ("《教师资格条例》第十五条第（四）项", "教师资格条例", "art_15__point_4"),
        ("《教师资格条例》第十五条第(四)项", "教师资格条例", "art_15__point_4"),
        ("《教师资格条例》第十五条第4项", "教师资格条例", "art_15__point_4"),
        ("《教师资格条例》第十五条（四）", "教师资格条例", "art_15__point_4"),
        ("《教师资格条例》第十五条第一款第（四）项", "教师资格条例", "art_15__para_1__point_4"),
        ("《教师资格条例》第15条第1款第4项", "教师资格条例", "art_15__para_1__point_4"),
        ("《行政许可法》第三十一条", "行政许可法", "art_31"),
        ("《中华人民共和国行政许可法》第31条", "中华人民共和国行政许可法", "art_31"),
        ("《行政许可法》第七十八条", "行政许可法", "art_78"),
        ("《优化营商环境条例》第四十四条第二款", "优化营商环境条例", "art_44__para_2"),
        ("《户口登记条例》第六条", "户口登记条例", "art_6"),
        ("《中华人民共和国户口登记条例》第十条", "中华人民共和国户口登记条例", "art_10"),
        ("《道路交通安全法》第十九条第二款", "道路交通安全法", "art_19__para_2"),
        ("《护照法》第六条", "护照法", "art_6"),
        ("《公证法》第十一条第（六）项", "公证法", "art_11__point_6"),
        ("《社会救助暂行办法》第十一条第（二）项", "社会救助暂行办法", "art_11__point_2"),
        ("《失业保险条例》第二十条", "失业保险条例", "art_20"),
        ("《保安服务管理条例》第十六条", "保安服务管理条例", "art_16"),
        ("《烟花爆竹安全管理条例》第十九条", "烟花爆竹安全管理条例", "art_19"),
        ("《建筑法》第八条第一款第（七）项", "建筑法", "art_8__para_1__point_7"),
        ("《某某条例》第一百零三条", "某某条例", "art_103"),
        ("《某某条例》第一百一十条", "某某条例", "art_110"),
        ("《某某条例》第二百条", "某某条例", "art_200"),
        ("《某某条例》第两条", "某某条例", "art_2"),
        ("《某某法》第十条", "某某法", "art_10"),
        ("《某某法》第二十条", "某某法", "art_20"),
        ("《 婚姻登记条例 》第五条", "婚姻登记条例", "art_5"),
        ("  《婚姻登记条例》第五条  ", "婚姻登记条例", "art_5"),
        ("《婚姻登记条例》 第五条", "婚姻登记条例", "art_5"),
        ("婚姻登记条例第五条", "婚姻登记条例", "art_5"),
        ("《婚姻登记条例》", "婚姻登记条例", nil),
        ("婚姻登记条例", "婚姻登记条例", nil),
        ("国办发〔2020〕42号", "国办发〔2020〕42号", nil),
        ("国办发[2020]42号", "国办发[2020]42号", nil),
        ("国务院令第387号第五条", "国务院令第387号", "art_5"),
        ("甘政办发〔2016〕20号 二（二）", "甘政办发〔2016〕20号", "sec_2__para_2"),
        ("《甘肃省简化优化公共服务流程方便基层群众办事创业实施方案》二（二）", "甘肃省简化优化公共服务流程方便基层群众办事创业实施方案", "sec_2__para_2"),
        ("《国务院办公厅关于全面推行证明事项告知承诺制的指导意见》二(一)", "国务院办公厅关于全面推行证明事项告知承诺制的指导意见", "sec_2__para_1"),
        ("民发〔2020〕20号 一", "民发〔2020〕20号", "sec_1"),
        // Inserted articles and annex items (issue 15: they were refused).
        ("《某法》第二十条之一", "某法", "art_20_1"),
        ("《中华人民共和国刑法》第一百二十条之一第二款", "中华人民共和国刑法", "art_120_1__para_2"),
        ("《国务院对确需保留的行政审批项目设定行政许可的决定》附件第二十七项", "国务院对确需保留的行政审批项目设定行政许可的决定", "att_1__item_27"),
        ("《某某目录》附件1第3项", "某某目录", "att_1__item_3"),
        ("《某某目录》附件二", "某某目录", "att_2"),
        ("《某某办法》附表", "某某办法", "att_1"),
    ]

    /// Malformed forms and a fragment of the message each must produce.
    static let invalid: [(String, String)] = [
        ("", "empty"),
        ("《婚姻登记条例第五条", "not closed"),
        ("婚姻登记条例》第五条", "without '《'"),
        ("《》第五条", "empty act name"),
        ("《婚姻登记条例》第五", "lacks its unit"),
        ("《婚姻登记条例》第条", "number must follow"),
        ("《婚姻登记条例》第零条", "not a valid number"),
        ("《婚姻登记条例》第五款第五条", "out of order"),
        ("《婚姻登记条例》第五条第五条", "out of order"),
        ("《婚姻登记条例》第五章", "unknown unit"),
        ("《婚姻登记条例》第五条abc", "unexpected"),
        ("《婚姻登记条例》第（四项", "unclosed bracket"),
        ("《某法》第二十条之", "之一"),
        ("《某法》附件第x项", "not a valid item"),
        ("《某法》附件1第三条", "after the annex"),
        ("第五条", "names no act"),
        ("《婚姻《登记》条例》第五条", "nested"),
        ("甘政办发〔2016〕20号 二（x）", "malformed section"),
    ]

    @Test(arguments: valid)
    func parsesRealWorldForms(_ text: String, _ act: String, _ eId: String?) throws {
        let citation = try CitationParser.parse(text).get()
        #expect(citation.actName == act)
        #expect(citation.eId == eId)
    }

    @Test(arguments: invalid)
    func rejectsMalformedForms(_ text: String, _ fragment: String) {
        switch CitationParser.parse(text) {
        case .success(let citation): Issue.record("parsed '\(text)' as \(citation)")
        case .failure(let error): #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test func insertedArticlesAndAnnexItemsPrintInTheirCanonicalForm() throws {
        #expect(try CitationParser.parse("《某法》第20条之1第2款").get().description == "《某法》第二十条之一第二款")
        #expect(try CitationParser.parse("《某目录》附件第27项").get().description == "《某目录》附件1第二十七项")
    }

    @Test func canonicalFormUsesChineseNumerals() throws {
        let citation = try CitationParser.parse("《教师资格条例》第15条第1款第4项").get()
        #expect(citation.description == "《教师资格条例》第十五条第一款第（四）项")
        #expect(ChineseNumeral.format(103) == "一百零三")
        #expect(ChineseNumeral.format(110) == "一百一十")
        #expect(ChineseNumeral.parse("一百一十") == 110)
    }

    /// Numerals are read scalar by scalar: Chinese, ASCII and full-width digits; anything else, or an overflow, is no numeral.
    @Test func numeralsAreReadByScalar() {
        #expect(ChineseNumeral.parse("十五") == 15)
        #expect(ChineseNumeral.parse("两千零五") == 2005)
        #expect(ChineseNumeral.parse("１２") == 12)
        #expect(ChineseNumeral.parse("42") == 42)
        #expect(ChineseNumeral.parse("五\u{301}") == nil)
        #expect(ChineseNumeral.parse("十a") == nil)
        #expect(ChineseNumeral.parse(Substring(String(repeating: "9", count: 30))) == nil)
        #expect(ChineseNumeral.parse("") == nil)
    }

    /// The fast path for `《title》第N条…` must agree with the general parser wherever it answers, and answer
    /// for the common forms.
    @Test func commonFormFastPathAgreesWithTheGeneralParser() throws {
        var texts = Self.valid.map(\.0) + Self.invalid.map(\.0)
        let titles = ["婚姻登记条例", "中华人民共和国行政许可法", "法规127", " 条例", "条例 ", "a《b", "é条例", "条例\u{301}", "〔2020〕号"]
        let pinpoints = ["第五条", "第5条", "第１２条", "第十五条第一款第四项", "第15条第2项", "第0条", "第五款", "第五条第五条",
            "第五条之一", "第五条（四）", "第（四）项", "第两条", "第一百零三条第二款", "第五", "第五条 ", "第5条第1款第2项第3项", ""]
        for title in titles {
            for pinpoint in pinpoints { texts.append("《\(title)》\(pinpoint)") }
        }
        var answered = 0
        for text in texts {
            guard let fast = CitationParser.parseCommonForm(text) else { continue }
            answered += 1
            #expect(try CitationParser.parseAnyForm(text).get() == fast, "\(text)")
        }
        #expect(answered >= 40)
        #expect(CitationParser.parseCommonForm("《婚姻登记条例》第五条第一款")?.eId == "art_5__para_1")
    }
}
