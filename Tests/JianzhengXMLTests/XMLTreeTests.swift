import Testing

@testable import JianzhengXML

@Suite struct XMLTreeTests {
    private func root(_ xml: String) throws -> XMLElementRef {
        let (tree, diagnostics) = XMLLoader.parse(Array(xml.utf8), path: "tree.xml")
        #expect(diagnostics.isEmpty)
        return try #require(tree?.root)
    }

    @Test func anElementsTextIsItsTextAndCDATAInDocumentOrderWithoutCommentsOrInstructions() throws {
        let root = try root("<a>一<!-- 注 --><b>二<c>三</c><![CDATA[<四>]]></b><?pi 五?>六&amp;<d/>七</a>")
        #expect(root.text == "一二三<四>六&七")
        var bytes = Array("前".utf8)
        root.elements.first { $0.isNamed("b") }?.appendText(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "前二三<四>")
    }

    @Test func childElementsSkipTextAndCommentsAndAgreeWithTheArray() throws {
        let root = try root("<a>x<b/><!-- c --><c>y</c>z<d><e/></d></a>")
        #expect(root.elements.map(\.name) == ["b", "c", "d"])
        #expect(root.elements.map(\.name) == root.children.map(\.name))
        #expect(try #require(root.child(named: "d")).elements.map(\.name) == ["e"])
        #expect(try #require(root.child(named: "b")).text == "")
    }

    @Test func attributesArePresentOrAbsent() throws {
        let root = try root(#"<a eId="art_1"><b/></a>"#)
        #expect(root.hasAttribute("eId"))
        #expect(!root.hasAttribute("eid"))
        #expect(!(try #require(root.child(named: "b"))).hasAttribute("eId"))
    }
}
