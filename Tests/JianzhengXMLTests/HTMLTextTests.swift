import Testing

@testable import JianzhengXML

/// `corpus import` of an HTML page (issue 16): the page's text as a browser breaks it into lines.
@Suite struct HTMLTextTests {
    @Test func blocksAndBreaksEndLinesAndScriptsAreNotText() throws {
        let page = """
            <!DOCTYPE html><html><head><title>标题</title><script>var 第一条 = 1;</script>
            <link rel="stylesheet" href="http://example.invalid/a.css"></head>
            <body><p>第一条　正文。</p><div>第二条　甲：<br>（一）乙；<br/>（二）丙。</div><style>p{}</style><p>&nbsp;</p></body></html>
            """
        let lines = try #require(HTMLText.lines(Array(page.utf8)))
        #expect(lines == ["第一条　正文。", "第二条　甲：", "（一）乙；", "（二）丙。"])
    }

    /// A hostile page nesting far deeper than any real one is read without recursion.
    @Test func deepNestingDoesNotExhaustTheStack() throws {
        let page = String(repeating: "<div>", count: 100_000) + "第一条　深。" + String(repeating: "</div>", count: 100_000)
        let lines = try #require(HTMLText.lines(Array(page.utf8)))
        #expect(lines.contains("第一条　深。") || lines.isEmpty)
    }
}
