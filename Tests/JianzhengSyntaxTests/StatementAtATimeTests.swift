import Foundation
import Testing

import JianzhengBase
@testable import JianzhengSyntax

/// `Parser.parseEach` hands on the same statements, at the same places, with the same diagnostics as `Parser.parse`,
/// whatever the input — well formed, broken, or cut off.
@Suite struct StatementAtATimeTests {
    /// The statements of a tree with where each is written, and its arguments' places (comments after the last
    /// statement left out: `parseEach` does not hand them on).
    static func dump(_ statements: StatementList, depth: Int = 0) -> String {
        var output = ""
        for statement in statements {
            let indent = String(repeating: "  ", count: depth)
            output += "\(indent)\(statement.keyword) @\(statement.range) kw@\(statement.keywordRange) blank:\(statement.blankLineBefore)"
            for comment in statement.leadingComments { output += " //\(comment.text)@\(comment.range)" }
            for argument in statement.arguments { output += " [\(argument.expression)]" }
            if let comment = statement.trailingComment { output += " trailing //\(comment.text)" }
            output += "\n"
            if let block = statement.block {
                output += "\(indent){ @\(block.range)\n" + dump(block.statements, depth: depth + 1)
                for comment in block.trailingComments { output += "\(indent)  //\(comment.text)\n" }
                output += "\(indent)}" + (block.closingComment.map { " //\($0.text)" } ?? "") + "\n"
            }
        }
        return output
    }

    static func describe(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code) \($0.range) \($0.message) \($0.notes.map(\.message)) \($0.fixIts.map(\.replacement))" }
    }

    /// Checks that both ways of parsing `text` agree.
    static func expectSameParse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let file = SourceFile(path: "p.jz", text: text)
        let (tree, diagnostics) = Parser.parse(file)
        var handed = ""
        var trees = 0
        let eachDiagnostics = Parser.parseEach(file) { statement in
            trees += 1
            #expect(statement.statements.count == 1, sourceLocation: sourceLocation)
            handed += dump(statement.statements)
        }
        #expect(trees == tree.statements.count, sourceLocation: sourceLocation)
        #expect(handed == dump(tree.statements), "source:\n\(text)", sourceLocation: sourceLocation)
        #expect(describe(eachDiagnostics) == describe(diagnostics), "source:\n\(text)", sourceLocation: sourceLocation)
    }

    @Test(arguments: 0..<200)
    func randomProgramsAndTheirCorruptions(_ seed: Int) {
        var random = FormatterPropertyTests.Random(state: UInt64(seed) &* 2_654_435_761 &+ 7)
        let program = FormatterPropertyTests.program(&random)
        Self.expectSameParse(program)
        // The same program with a few characters replaced by ones that break it: braces, quotes, citation marks, junk.
        var characters = Array(program)
        let breakers: [Character] = ["{", "}", "\"", "《", "(", "[", "$", "\n", "“", "，", " "]
        for _ in 0..<(1 + random.next(4)) where !characters.isEmpty {
            characters[random.next(characters.count)] = breakers[random.next(breakers.count)]
        }
        Self.expectSameParse(String(characters))
        // Cut off anywhere.
        Self.expectSameParse(String(characters.prefix(random.next(characters.count + 1))))
    }

    @Test func stringsAfterASkippedBlockKeepTheirText() {
        // The block nested too deep is skipped; the string after its `}` is the next statement's first token seen.
        let deep = String(repeating: "a {\n", count: Parser.maximumDepth + 2) + String(repeating: "}\n", count: Parser.maximumDepth + 2)
        Self.expectSameParse(deep + "material \"甲\" { text \"一\" }\n\"乙\"\nmaterial 丙 { text \"二\", \"三\" }\n")
        Self.expectSameParse("procedure \"P-1\" 名称 { requires \"材料\" }\nprocedure \"P-2\" \"名称二\" {}\n")
    }

    @Test func missingBracesAreClosedAtTheSameLine() {
        Self.expectSameParse("material 甲 {\n  kind certificate\n  // 注释\n\nmaterial 乙 {\n  kind certificate\n")
        Self.expectSameParse("\n\n// 只有注释\nmaterial 甲 {")
        Self.expectSameParse("}\n} 甲\nmaterial 乙 { proves a }}")
    }

    @Test func errorsStopAtTheSameLimit() {
        Self.expectSameParse(String(repeating: "$ ", count: 3_000) + "\n" + String(repeating: "a ,\n", count: 3_000))
        Self.expectSameParse(String(repeating: "a ,\n", count: 3_000) + String(repeating: "$ ", count: 3_000))
    }

    @Test func theBundledFilesParseAlike() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".jz") && !$0.hasPrefix(".build") } ?? []
        #expect(files.count > 10)
        for path in files {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            Self.expectSameParse(text)
        }
    }
}

/// The lexer, one token at a time, forgets the strings a parser has read and keeps those it has yet to read.
@Suite struct LexerStreamingTests {
    @Test func forgottenStringsAreThoseBeforeTheFirstKept() {
        let file = SourceFile(path: "s.jz", text: "\"一\" \"二\" \"三\" \"四\"")
        var lexer = Lexer(file: file)
        file.bytes.withUnsafeBufferPointer { bytes in
            lexer.start(bytes)
            let first = lexer.nextToken(), second = lexer.nextToken()
            #expect(lexer.text(first) == "一")
            lexer.forgetStrings(keepingFrom: second.valueIndex)
            #expect(lexer.text(second) == "二")
            let third = lexer.nextToken()
            lexer.forgetStrings(keepingFrom: nil)
            let fourth = lexer.nextToken()
            #expect(lexer.text(fourth) == "四")
            #expect(third.valueIndex == 2 && fourth.valueIndex == 3)
            #expect(lexer.nextToken().kind == .endOfFile)
            lexer.finish()
        }
        // Lexed whole, every string stays.
        var whole = Lexer(file: file)
        #expect(whole.tokenize().dropLast().map { whole.text($0) } == ["一", "二", "三", "四"])
    }
}
