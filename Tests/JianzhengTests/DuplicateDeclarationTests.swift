import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng

/// A second declaration of a kind and name is reported where it is written, with a note at the first one's keyword,
/// and dropped: the first is the one bound. The same name in two kinds is no duplicate, and an overlay replaces.
@Suite struct DuplicateDeclarationTests {
    static let first = """
        material 重复证明 {
          kind certificate
          issuer 民政部门
        }
        source 重复证明 {
          provider 民政部门
          sharing none
        }
        procedure "D1" 事项甲 {
          department 民政部门
          territory CN-62
          requires 重复证明
        }

        """
    static let second = """
        material 重复证明 {
          kind licence-or-id
        }
        procedure "D1" 事项乙 {
          department 民政部门
          territory CN-62
        }

        """

    @Test func theSecondIsReportedAtItsKeywordWithANoteAtTheFirstsAndDropped() throws {
        let (catalogue, diagnostics) = Fixture.build([Self.first, Self.second])
        let duplicates = diagnostics.filter { $0.code == .duplicateDeclaration }
        #expect(duplicates.map(\.message) == ["material '重复证明' is declared more than once", "procedure 'D1' is declared more than once"])
        // Fixture.build parses the base as fixture0.jz, then the texts as fixture1.jz and fixture2.jz.
        let material = try #require(duplicates.first), procedure = try #require(duplicates.last)
        #expect(material.range.start.path == "fixture2.jz" && material.range.start.line == 1 && material.range.start.column == 1)
        #expect(material.range.end.column == 1 + "material".count)
        let materialNote = try #require(material.notes.first?.range)
        #expect(materialNote.start.path == "fixture1.jz" && materialNote.start.line == 1 && materialNote.start.column == 1)
        #expect(materialNote.end.line == 1 && materialNote.end.column == 1 + "material".count)
        #expect(materialNote.end.offset - materialNote.start.offset == "material".utf8.count)
        let procedureNote = try #require(procedure.notes.first?.range)
        #expect(procedureNote.start.path == "fixture1.jz" && procedureNote.start.line == 9 && procedureNote.end.column == 1 + "procedure".count)
        // The first declarations are the ones bound; the procedure is listed once.
        #expect(catalogue.materials["重复证明"]?.kind == .certificate)
        #expect(catalogue.procedures["D1"]?.name == "事项甲")
        #expect(catalogue.procedureOrder.filter { $0 == "D1" }.count == 1)
        // A source of the same name as the material is no duplicate.
        #expect(catalogue.sources["重复证明"] != nil)
    }

    @Test func anOverlayReplacesWithoutADuplicate() {
        let (base, _) = Fixture.build([Self.first])
        let (tree, _) = Parser.parse(SourceFile(path: "overlay.jz", text: Self.second))
        let (catalogue, changes, diagnostics) = CatalogueBuilder.apply([tree], to: base, corpus: Fixture.corpus)
        #expect(!diagnostics.contains { $0.code == .duplicateDeclaration })
        #expect(catalogue.materials["重复证明"]?.kind == .licenceOrID)
        #expect(catalogue.procedures["D1"]?.name == "事项乙")
        #expect(catalogue.procedureOrder.filter { $0 == "D1" }.count == 1)
        #expect(changes.materials == ["重复证明"] && changes.procedures == ["D1"])
    }
}
