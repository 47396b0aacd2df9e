import JianzhengBase
import JianzhengSyntax
import Testing

@testable import Jianzheng

/// References are checked against a byte table of the declared names when a kind has many references (a whole
/// catalogue), and name by name when it has few (an overlay's): both find the same unknown names and the same names
/// written in other Unicode characters (甲欄 declared, 甲欄 with the compatibility ideograph U+F91D required).
@Suite struct ReferenceCheckTests {
    /// Forty materials, each required by one procedure: the materials have as many references as declarations.
    static let catalogue = (0..<40).map { index in
        "material 材料\(index)\u{6B04} {\n  kind certificate\n}\nprocedure \"P\(index)\" 事项\(index) {\n  department 民政部门\n  territory CN-62\n  requires 材料\(index)\u{6B04}\n}\n"
    }.joined()

    static func codes(_ diagnostics: [Diagnostic]) -> [DiagnosticCode] {
        diagnostics.map(\.code).filter { $0 == .unknownReference || $0 == .nameSpelledDifferently }
    }

    static func procedure(_ id: String = "Q", requiring material: String) -> String {
        "procedure \"\(id)\" 新事项\(id) {\n  department 民政部门\n  territory CN-62\n  requires \(material)\n}\n"
    }

    @Test func aWholeCatalogueFindsUnknownAndDifferentlySpelledNames() {
        let (_, clean) = Fixture.build([Self.catalogue])
        #expect(Self.codes(clean).isEmpty)
        let (_, diagnostics) = Fixture.build([Self.catalogue + Self.procedure("Q1", requiring: "材料3\u{F91D}") + Self.procedure("Q2", requiring: "材料99")])
        #expect(Self.codes(diagnostics).sorted { $0.rawValue < $1.rawValue } == [.unknownReference, .nameSpelledDifferently].sorted { $0.rawValue < $1.rawValue })
        let spelled = diagnostics.first { $0.code == .nameSpelledDifferently }
        #expect(spelled?.fixIts.first?.replacement == "材料3\u{6B04}")
    }

    @Test func anOverlaysFewReferencesAreCheckedNameByName() throws {
        let (base, baseDiagnostics) = Fixture.build([Self.catalogue])
        #expect(Self.codes(baseDiagnostics).isEmpty)
        func overlay(_ material: String) -> [Diagnostic] {
            let tree = Parser.parse(SourceFile(path: "proposal.jz", text: Self.procedure(requiring: material))).tree
            return CatalogueBuilder.apply([tree], to: base, corpus: Fixture.corpus).2
        }
        #expect(Self.codes(overlay("材料5\u{6B04}")).isEmpty)
        #expect(Self.codes(overlay("材料5\u{F91D}")) == [.nameSpelledDifferently])
        #expect(Self.codes(overlay("材料77")) == [.unknownReference])
    }
}
