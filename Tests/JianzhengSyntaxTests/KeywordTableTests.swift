import JianzhengBase
import Testing

@testable import JianzhengSyntax

/// Statement keywords are numbered once per file by their bytes: every statement must still read back the keyword
/// it was written with, whatever its length, wherever it stands in the file and however many distinct ones there are.
@Suite struct KeywordTableTests {
    /// The keywords of every statement, in order, read back from a parsed file; each distinct one must be kept once.
    private static func keywords(_ text: String) -> [String] {
        let (tree, _) = Parser.parse(SourceFile(path: "keywords.jz", text: text))
        func walk(_ statements: StatementList) -> [String] {
            statements.flatMap { [$0.keyword] + walk($0.children) }
        }
        let keywords = walk(tree.statements)
        #expect(tree.storage.keywords.count == Set(keywords).count, "each keyword kept once")
        return keywords
    }

    @Test func readsBackEveryKeywordAsWritten() {
        // Short and long (over 16 bytes: kept by text), ASCII and Chinese, repeated, and one ending the file
        // (fewer than 16 bytes after it: read byte by byte).
        let words = [
            "material", "kind", "proves", "commitment-catalogue", "a-keyword-of-exactly-16", "abcdefghijklmnop", "abcdefghijklmnoq",
            "abcdefgh", "abcdefgi", "材料", "材料甲", "kind",
        ]
        let text = words.map { "\($0) x\n" }.joined() + "material 甲 {\n  kind certificate\n}\nend"
        #expect(Self.keywords(text) == words + ["material", "kind", "end"])
    }

    @Test func manyDistinctKeywordsOverflowTheShortTable() {
        // More distinct keywords than half the table's slots: the rest are kept by text.
        let words = (0..<200).map { "k\($0)" }
        let text = (words + words.reversed()).map { "\($0) 1\n" }.joined()
        #expect(Self.keywords(text) == words + words.reversed())
    }

    @Test func reservedWordsAreNotNames() {
        // `isReserved` compares bytes; it must refuse exactly the words of `reservedWords`.
        for word in Parser.reservedWords {
            let (_, diagnostics) = Parser.parse(SourceFile(path: "reserved.jz", text: "proves \(word)\n"))
            #expect(!diagnostics.isEmpty, "\(word)")
        }
        for word in ["on", "an", "nor", "ant", "ins", "o", "notes", "order"] {
            let (_, diagnostics) = Parser.parse(SourceFile(path: "names.jz", text: "proves \(word)\n"))
            #expect(diagnostics.isEmpty, "\(word)")
        }
    }
}
