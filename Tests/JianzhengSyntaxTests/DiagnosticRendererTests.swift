import Testing

import JianzhengBase
@testable import JianzhengSyntax

@Suite struct DiagnosticRendererTests {
    @Test func caretSitsUnderTheErrorAfterChineseText() {
        let file = SourceFile(path: "rules/户籍.jz", text: "procedure 结婚登记 {\n  requires 户口本\n}\n")
        let range = SourceRange(
            start: JianzhengBase.SourceLocation(path: file.path, line: 2, column: 12),
            end: JianzhengBase.SourceLocation(path: file.path, line: 2, column: 15))
        let diagnostic = Diagnostic(
            .unknownReference, "unknown material '户口本'", at: range,
            notes: [Diagnostic.Note("did you mean '居民户口簿'?")])
        let renderer = DiagnosticRenderer(files: [file])
        #expect(
            renderer.line(diagnostic)
                == "rules/户籍.jz:2:12: error: unknown material '户口本' [JZ2010]\n  note: did you mean '居民户口簿'?")
        #expect(
            renderer.annotated(diagnostic) == """
                rules/户籍.jz:2:12: error: unknown material '户口本' [JZ2010]
                2 |   requires 户口本
                  |            ^~~~~~
                  |            note: did you mean '居民户口簿'?

                """)
    }

    @Test func aVeryLongLineIsShownAsAWindowAroundTheColumn() {
        let text = String(repeating: "长", count: 100_000) + "$" + String(repeating: "长", count: 100_000)
        let file = SourceFile(path: "long.jz", text: text)
        let diagnostic = Diagnostic(.unexpectedCharacter, "unexpected character '$'", at: file.range(300_000, 300_001))
        let lines = DiagnosticRenderer(files: [file]).annotated(diagnostic).split(separator: "\n")
        #expect(lines[1].count < 200)
        #expect(lines[1].hasPrefix("1 | …") && lines[1].hasSuffix("…"))
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let dollar = lines[1].firstIndex(of: "$").map { lines[1].prefix(upTo: $0).reduce(0) { $0 + ($1 == "长" ? 2 : 1) } }
        #expect(caret == dollar)
    }

    @Test func wideCharactersBeforeTheErrorShiftTheCaretTwoCells() {
        let file = SourceFile(path: "x.jz", text: "名称 $\n")
        let diagnostic = Diagnostic(
            .unexpectedCharacter, "unexpected character '$'",
            at: SourceRange(at: JianzhengBase.SourceLocation(path: "x.jz", line: 1, column: 4)))
        let lines = DiagnosticRenderer(files: [file]).annotated(diagnostic).split(separator: "\n")
        #expect(lines[2] == "  |      ^")
    }
}
