import Foundation
import Testing

import JianzhengBase
@testable import JianzhengSyntax

/// Broken and hostile `.jz` input: each case gets a clear diagnostic (or is accepted), never a crash.
@Suite struct HostileInputTests {
    static func parse(_ bytes: [UInt8]) -> [Diagnostic] {
        Parser.parse(SourceFile(path: "h.jz", bytes: bytes)).diagnostics
    }

    @Test func emptyFileAndOnlyComments() {
        #expect(Self.parse([]).isEmpty)
        #expect(Self.parse(Array("// 只有注释\n".utf8)).isEmpty)
    }

    @Test func nulBytesAreReportedWithTheirPosition() {
        let diagnostics = Self.parse(Array("material 甲 {\n  kind ".utf8) + [0] + Array(" certificate\n}\n".utf8))
        #expect(diagnostics.map(\.code) == [.controlCharacter])
        #expect(diagnostics[0].range.start.line == 2)
        #expect(diagnostics[0].range.start.column == 8)
    }

    @Test func loneCarriageReturnsCountAsLineEnds() {
        let (tree, diagnostics) = Parser.parse(SourceFile(path: "cr.jz", text: "a 1\rb 2\r\rc 3"))
        #expect(diagnostics.isEmpty)
        #expect(tree.statements.map(\.keyword) == ["a", "b", "c"])
    }

    @Test func fullWidthSpacesAreWhitespace() {
        let (tree, diagnostics) = Parser.parse(SourceFile(path: "w.jz", text: "proves\u{3000}甲,\u{3000}乙\n"))
        #expect(diagnostics.isEmpty)
        #expect(SyntaxDump.dump(tree) == "(proves name:甲 , name:乙)\n")
    }

    @Test func truncatedUTF8AtTheEndOfTheFile() {
        let diagnostics = Self.parse(Array("a 甲".utf8) + [0xE4, 0xB8])
        #expect(diagnostics.map(\.code) == [.invalidUTF8])
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        #expect(Self.parse([0x61, 0x20, 0xC0, 0xAF, 0x0A]).map(\.code) == [.invalidUTF8])
        #expect(Self.parse([0x61, 0x20, 0xED, 0xA0, 0x80, 0x0A]).map(\.code) == [.invalidUTF8])
    }

    @Test func unterminatedEverything() {
        let codes = Set(Self.parse(Array("a \"x\nb 《法\nc [1, 2\nd (e\nf {\n".utf8)).map(\.code))
        #expect(codes == [.unterminatedString, .unterminatedCitation, .expectedToken, .missingClosingBrace])
    }

    @Test func aLongLineIsLexedInOnePass() {
        let line = "proves " + Array(repeating: "项目", count: 200_000).joined(separator: ", ") + "\n"
        let (tree, diagnostics) = Parser.parse(SourceFile(path: "long.jz", text: line))
        #expect(diagnostics.isEmpty)
        #expect(tree.statements.first?.arguments.count == 200_000)
    }

    @Test func errorsStopAfterTheLimitWithASayingSo() {
        let text = String(repeating: "$ ", count: 50_000)
        let diagnostics = Self.parse(Array(text.utf8))
        #expect(diagnostics.count == Lexer.maximumDiagnostics + 1)
        #expect(diagnostics.last?.message == "too many errors in this file; stopping after 1000")
    }
}

/// Formatting never changes meaning: random programs round-trip through the formatter to the same tree.
@Suite struct FormatterPropertyTests {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let names = ["甲", "材料", "居民户口簿", "kind", "basis.sufficient", "a_b-c", "（临时）证明", "国办发〔2020〕42号"]
    static let atoms = ["\"文本\"", "\"含\\\"引号\\\"与\\\\\"", "12", "3.5", "85%", "2016-03-03", "《婚姻登记条例》第五条第（一）项", "[甲, 乙]", "(甲 and not 乙)", "甲 = 乙", "甲 in [乙]"]

    static func program(_ random: inout Random, depth: Int = 0) -> String {
        var text = ""
        let indent = String(repeating: " ", count: depth == 0 ? random.next(4) : 1 + random.next(3))
        for _ in 0..<(1 + random.next(depth == 0 ? 6 : 4)) {
            if random.next(5) == 0 { text += indent + "// 注释 \(random.next(100))\n" }
            if random.next(4) == 0 { text += "\n" }
            text += indent + ["material", "requires", "when", "kind", "note"][random.next(5)]
            for index in 0..<random.next(4) {
                text += (index > 0 && random.next(2) == 0 ? ", " : " ")
                text += random.next(2) == 0 ? names[random.next(names.count)] : atoms[random.next(atoms.count)]
            }
            var comment = false
            if depth < 3, random.next(3) == 0 {
                text += " {" + (random.next(4) == 0 ? " // 块注释" : "") + "\n" + program(&random, depth: depth + 1) + indent + "}"
                if random.next(4) == 0 {
                    text += " // 结束"
                    comment = true
                }
            } else if random.next(5) == 0 {
                text += " // 行尾"
                comment = true
            }
            // A comment runs to the end of the line, so only a line end may follow it.
            text += !comment && random.next(6) == 0 ? ";" : "\n"
        }
        return text
    }

    @Test(arguments: 0..<300)
    func formattedProgramsParseToTheSameTree(_ seed: Int) throws {
        var random = Random(state: UInt64(seed) &* 2_654_435_761 &+ 1)
        let source = Self.program(&random)
        let (tree, diagnostics) = Parser.parse(SourceFile(path: "p.jz", text: source))
        try #require(diagnostics.isEmpty, "generator produced an invalid program:\n\(source)")
        let formatted = Formatter().format(tree)
        let (again, againDiagnostics) = Parser.parse(SourceFile(path: "f.jz", text: formatted))
        #expect(againDiagnostics.isEmpty)
        #expect(SyntaxDump.dump(again) == SyntaxDump.dump(tree), "source:\n\(source)\nformatted:\n\(formatted)")
        #expect(Formatter().format(again) == formatted)
    }
}
