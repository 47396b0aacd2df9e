import Testing

@testable import JianzhengReports

/// Renderers build their output from `Markup` values, so every untrusted string is escaped by construction.
@Suite struct MarkupTests {
    static let hostile = "<script>alert(1)</script> *粗* [链接](http://x) | ~~删~~ `代码` &amp;"

    static func document(_ blocks: [ReportBlock]) -> ReportDocument {
        ReportDocument(title: hostile, language: .zh, blocks: blocks)
    }

    static let cycle = CycleDiagram(
        title: hostile,
        nodes: [.init(id: "<img src=x onerror=alert(1)>", label: hostile), .init(id: "P`2`", label: "乙")],
        edges: [.init(from: 0, to: 1, label: hostile, cut: true, kept: true), .init(from: 1, to: 0, label: "x", cut: false, kept: true)],
        cutNote: "（建议切断 cut: <img src=x onerror=alert(1)> 索要 \(hostile)）")

    @Test func markdownEscapesIdsInTheCircularProofChain() {
        let markdown = MarkdownRenderer.render(Self.document([.cycle(Self.cycle)]))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;img src=x onerror=alert\\(1\\)&gt;") || markdown.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!markdown.contains("`P`"))
    }

    @Test func aCommitmentTextCannotCloseItsFence() {
        let text = "本人承诺。\n```\n<script>x</script>\n~~~~\n````"
        let markdown = MarkdownRenderer.render(Self.document([.notice(text)]))
        let fence = String(repeating: "`", count: 5)
        #expect(markdown == fence + "text\n" + text + "\n" + fence + "\n")
    }

    @Test func everyBlockKindEscapesInBothRenderers() {
        let blocks: [ReportBlock] = [
            .heading(level: 2, text: Self.hostile), .paragraph(Self.hostile), .facts([(Self.hostile, Self.hostile)]),
            .table(ReportTable(caption: Self.hostile, header: [Self.hostile], rows: [[Self.hostile]])),
            .quote(text: Self.hostile, source: Self.hostile), .notice(Self.hostile), .cycle(Self.cycle),
        ]
        let html = HTMLRenderer.render(Self.document(blocks))
        #expect(!html.contains("<script>") && !html.contains("<img"))
        let markdown = MarkdownRenderer.render(Self.document(blocks))
        // Outside the fenced notice, nothing of the hostile text is markup.
        let outsideFence = markdown.components(separatedBy: "```text")[0]
        #expect(!outsideFence.contains("<script>") && !outsideFence.contains(" [链接]") && !outsideFence.contains(" ~~删"))
    }

    @Test func interpolationEscapesStringsButKeepsMarkupAndLiterals() {
        let name = "<b>&"
        let inner: Markup<HTML> = "<i>\(name)</i>"
        let outer: Markup<HTML> = "<p>\(inner)\(3)</p>"
        #expect(outer.text == "<p><i>&lt;b&gt;&amp;</i>3</p>")
    }
}
