import Foundation
import Testing

import JianzhengBase
@testable import JianzhengSyntax

/// Control characters and bidirectional overrides can hide or reorder what a reviewer reads (the "Trojan
/// Source" attack) and drive a terminal: the lexer refuses them wherever they stand, with the scalar named.
@Suite struct ControlCharacterTests {
    static func diagnostics(_ text: String) -> [Diagnostic] {
        Parser.parse(SourceFile(path: "c.jz", text: text)).diagnostics
    }

    @Test(arguments: [
        ("material 甲\u{202E}乙 {\n  kind certificate\n}\n", 1, 11),
        ("material 甲 {\n  kind certificate\n  commitment {\n    text \"本人\u{1B}]8;;http://x\u{1B}\\承诺\"\n  }\n}\n", 4, 13),
        ("// 注释\u{2066}隐藏\u{2069}\nmaterial 甲 {\n  kind certificate\n}\n", 1, 6),
        ("material 甲\u{9B}2J {\n  kind certificate\n}\n", 1, 11),
        ("procedure \"P\u{7F}\" 事项 {\n}\n", 1, 13),
    ])
    func aControlCharacterIsRefusedWhereItStands(text: String, line: Int, column: Int) {
        let found = Self.diagnostics(text).filter { $0.code == .controlCharacter }
        #expect(found.count >= 1)
        #expect(found.first.map { "\($0.range.start.line):\($0.range.start.column)" } == "\(line):\(column)")
        // The message names the scalar; it never contains it.
        #expect(found.allSatisfy { !$0.message.unicodeScalars.contains(where: UnsafeCharacters.isUnsafe) })
        #expect(found.first?.message.contains("U+") == true)
    }

    @Test func escapesNameScalarsButNotControls() throws {
        let (tree, diagnostics) = Parser.parse(SourceFile(path: "e.jz", text: "a \"\\u{4E2D}\\u{1F600}\\r\"\nb \"\\u{1B}\"\nc \"\\u{110000}\" \"\\u{}\"\n"))
        #expect(diagnostics.map(\.code) == [.controlCharacter, .invalidEscape, .invalidEscape])
        guard case .string(let value, _) = tree.statements[0].arguments[0].expression else {
            Issue.record("not a string")
            return
        }
        #expect(value == "中😀\r")
    }

    @Test func invalidUTF8InsideStringsAndCommentsIsReported() {
        let bytes = Array("a \"甲".utf8) + [0xE4, 0x41] + Array("\"\n// 注".utf8) + [0xFF] + Array("\n".utf8)
        let diagnostics = Parser.parse(SourceFile(path: "u.jz", bytes: bytes)).diagnostics
        #expect(diagnostics.map(\.code) == [.invalidUTF8, .invalidUTF8])
        #expect(diagnostics.map(\.range.start.line) == [1, 2])
    }

    @Test func harmlessPunctuationFromTheSameBlocksStaysAccepted() {
        // “ ” — … ‰ are in U+2000–U+206F, like the overrides; they are text, not controls.
        #expect(Self.diagnostics("a \"“引号”—…‰\"\n// 注释——…\n").isEmpty)
    }

    @Test func terminalTextIsNeutralised() {
        #expect(UnsafeCharacters.neutralised("甲\u{1B}[2J乙\u{202E}丙\n") == "甲\\u{1B}[2J乙\\u{202E}丙\n")
        let plain = "减证审查\t结论\n"
        #expect(UnsafeCharacters.neutralised(plain) == plain)
        #expect(UnsafeCharacters.describe("\u{202E}") == "U+202E RIGHT-TO-LEFT OVERRIDE")
        #expect(UnsafeCharacters.describe("\u{1B}") == "U+001B ESCAPE")
    }
}

@Suite struct DiagnosticMessageSafetyTests {
    /// Found by the `terminal` fuzz target: NUL bytes inside 《…》 reached a resolver message raw.
    @Test func controlCharactersInACitationAreReportedAndNeverQuotedRaw() {
        let diagnostics = Parser.parse(SourceFile(path: "c.jz", bytes: Array("basis 《法规".utf8) + [0, 0] + Array("》第一条\n".utf8))).diagnostics
        #expect(diagnostics.map(\.code) == [.controlCharacter, .controlCharacter])
        let message = Diagnostic(.unknownAct, "no act '法\u{0}规'", at: SourceRange(at: SourceLocation(path: "x", line: 1, column: 1)))
        #expect(message.message == "no act '法\\u{0}规'")
        #expect(Diagnostic.Note("甲\u{1B}乙").message == "甲\\u{1B}乙")
    }
}

@Suite struct PathNameTests {
    @Test(arguments: [("a", "."), ("ab", "."), ("a/b", "a"), ("/a", "/"), ("/", "/"), ("a//b", "a"), ("a/b/", "a"), ("报告/清单.xlsx", "报告"), ("", ".")])
    func theDirectoryOfAPath(path: String, directory: String) {
        #expect(PathName.directory(of: path) == directory)
    }
}
