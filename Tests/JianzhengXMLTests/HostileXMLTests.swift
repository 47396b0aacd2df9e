import Foundation
import JianzhengBase
import JianzhengSyntax
import Testing

@testable import JianzhengXML
import LegalCorpus

@Suite struct HostileXMLTests {
    @Test func externalEntityIsRefusedAndFileContentAppearsNowhere() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("jz-secret-\(UUID().uuidString)")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE akomaNtoso [<!ENTITY leak SYSTEM "file://\(secret.path)">]>
            <akomaNtoso>&leak;</akomaNtoso>
            """
        let (tree, diagnostics) = XMLLoader.parse(Array(xml.utf8), path: "xxe.xml")
        #expect(tree == nil)
        #expect(diagnostics.map(\.code) == [.xmlEntityRefused])
        #expect(diagnostics[0].range.start.line == 2)
        #expect(!diagnostics.map(\.message).joined().contains("TOP-SECRET"))
    }

    @Test func billionLaughsIsRefusedBeforeExpansion() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>\n"
        let (tree, diagnostics) = XMLLoader.parse(Array(xml.utf8), path: "lol.xml")
        #expect(tree == nil)
        #expect(diagnostics.first?.code == .xmlEntityRefused)
    }

    @Test func doctypeInsideACommentIsNotMistakenForOne() {
        let xml = "<?xml version=\"1.0\"?><!-- <!DOCTYPE x> --><root/>"
        let (tree, diagnostics) = XMLLoader.parse(Array(xml.utf8), path: "comment.xml")
        #expect(tree != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func malformedXMLReportsTheLine() {
        let xml = "<?xml version=\"1.0\"?>\n<root>\n  <a>\n</root>\n"
        let (tree, diagnostics) = XMLLoader.parse(Array(xml.utf8), path: "broken.xml")
        #expect(tree == nil)
        #expect(diagnostics.first?.code == .xmlNotWellFormed)
        #expect(diagnostics.first?.range.start.line == 4)
    }

    @Test func deepNestingIsRefusedWithoutCrashing() {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let (tree, diagnostics) = XMLLoader.parse(Array(xml.utf8), path: "deep.xml")
        #expect(tree == nil)
        #expect(diagnostics.contains { $0.code == .xmlTooLarge })
    }

    @Test func oversizedInputIsRefusedBeforeParsing() {
        var limits = XMLLimits()
        limits.maximumBytes = 1024
        let xml = "<root>" + String(repeating: "x", count: 2048) + "</root>"
        let (tree, diagnostics) = XMLLoader.parse(Array(xml.utf8), path: "big.xml", limits: limits)
        #expect(tree == nil)
        #expect(diagnostics.map(\.code) == [.xmlTooLarge])
    }

    @Test func xpathWithTheAkomaNtosoNamespaceFindsArticles() throws {
        let xml = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("legal-basis/national/regulation/婚姻登记条例.xml"), encoding: .utf8)
        let (tree, _) = XMLLoader.parse(Array(xml.utf8), path: "m.xml")
        let loaded = try #require(tree)
        let namespaces = ["akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"]
        #expect(try loaded.select("//article", namespaces: namespaces).isEmpty)
        let articles = try loaded.select("//akn:article", namespaces: namespaces)
        #expect(articles.map { $0.attribute("eId") } == ["art_5", "art_7", "art_11"])
        #expect(throws: XPathError.self) { try loaded.select("//akn:article[", namespaces: namespaces) }
    }
}

@Suite struct XMLWriterTests {
    @Test func writerEscapesMarkupAndDropsForbiddenCharacters() throws {
        let writer = XMLWriter()
        writer.start("root", ["名称": "<script>&\"x\""])
        writer.element("p", text: "甲 <script>alert(1)</script> & 乙\u{01}")
        writer.end()
        let text = String(decoding: writer.finish(), as: UTF8.self)
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 乙</p>"))
        #expect(!text.contains("<script>"))
        #expect(!text.contains("\u{01}"))
        let (tree, diagnostics) = XMLLoader.parse(Array(text.utf8), path: "written.xml")
        #expect(diagnostics.isEmpty)
        #expect(tree?.root?.attribute("名称") == "<script>&\"x\"")
    }
}
