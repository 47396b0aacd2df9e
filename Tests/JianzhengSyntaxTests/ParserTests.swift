import Testing

import JianzhengBase
@testable import JianzhengSyntax

/// Parses `source` with `1️⃣` markers removed and returns the diagnostics plus the marker locations.
func parseMarked(_ source: String) -> (SyntaxTree, [Diagnostic], [JianzhengBase.SourceLocation]) {
    var clean = ""
    var markerOffsets: [Int] = []
    for character in source {
        if character == "1️⃣" || character == "2️⃣" || character == "3️⃣" {
            markerOffsets.append(clean.utf8.count)
        } else {
            clean.append(character)
        }
    }
    let file = SourceFile(path: "test.jz", text: clean)
    let (tree, diagnostics) = Parser.parse(file)
    return (tree, diagnostics, markerOffsets.map { file.location(at: $0) })
}

@Suite struct ParserTests {
    @Test func parsesNestedStatementsWithChineseNames() throws {
        let (tree, diagnostics, _) = parseMarked(
            """
            material 无犯罪记录证明 {
              kind certificate
              proves 无犯罪记录, 姓名
              basis 《教师资格条例》第十五条第（四）项
              commitment {
                audit 网络核验 within 20 工作日
                sample 100%
              }
            }
            """)
        #expect(diagnostics.isEmpty)
        #expect(
            SyntaxDump.dump(tree) == """
                (material name:无犯罪记录证明)
                  (kind name:certificate)
                  (proves name:无犯罪记录 , name:姓名)
                  (basis citation:《教师资格条例》第十五条第（四）项)
                  (commitment)
                    (audit name:网络核验 name:within number:20 name:工作日)
                    (sample percent:100)
                  end
                end

                """)
    }

    @Test func citationPinpointsWithASCIIDigitsAndBracketsAreOneToken() {
        let (tree, diagnostics, _) = parseMarked("basis 《婚姻登记条例》第5条第1款第(4)项, 《法规127》第4条\n")
        #expect(diagnostics.isEmpty)
        #expect(SyntaxDump.dump(tree) == "(basis citation:《婚姻登记条例》第5条第1款第(4)项 , citation:《法规127》第4条)\n")
    }

    @Test func parsesConditionsWithPrecedence() {
        let (tree, diagnostics, _) = parseMarked("when not a.b and c = x or d in [p, q]\n")
        #expect(diagnostics.isEmpty)
        #expect(
            SyntaxDump.dump(tree)
                == "(when (or (and (not name:a.b) (= name:c name:x)) (in name:d [name:p name:q])))\n")
    }

    @Test func reportsEveryIndependentErrorWithColumnsAfterChineseText() throws {
        let (_, diagnostics, markers) = parseMarked(
            """
            procedure "620000-MZ-0001" 结婚登记 {
              requires 居民户口簿 {
                basis 《婚姻登记条例》第五条 1️⃣$
              }
              note 2️⃣"未闭合
            3️⃣
            material 居民户口簿 {
              proves 姓名，户籍地址
            }
            """)
        let sorted = Diagnostic.sorted(diagnostics)
        #expect(sorted.map(\.code) == [.unexpectedCharacter, .unterminatedString, .missingClosingBrace, .fullWidthPunctuation])
        #expect(sorted[0].range.start.line == 3)
        #expect(sorted[0].range.start.column == markers[0].column)
        #expect(sorted[1].range.start.column == markers[1].column)
        #expect(sorted[2].range.start.line == 5)
        let fullWidth = sorted[3]
        #expect(fullWidth.range.start.line == 8)
        #expect(fullWidth.range.start.column == 12)
        #expect(fullWidth.fixIts.first?.replacement == ",")
    }

    @Test func deepNestingIsRefusedWithoutOverflow() {
        let depth = 100_000
        let source = String(repeating: "a {\n", count: depth) + String(repeating: "}\n", count: depth)
        let (_, diagnostics, _) = parseMarked(source)
        #expect(diagnostics.map(\.code) == [.nestingTooDeep])
        let deepList = "x " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let (_, listDiagnostics, _) = parseMarked(deepList)
        #expect(listDiagnostics.contains { $0.code == .nestingTooDeep })
    }

    @Test func invalidUTF8AndStrayCharactersAreReportedOnce() {
        var bytes = Array("material A {\n  kind ".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(" certificate $\n}\n".utf8)
        let file = SourceFile(path: "bad.jz", bytes: bytes)
        let (_, diagnostics) = Parser.parse(file)
        #expect(diagnostics.map(\.code) == [.invalidUTF8, .unexpectedCharacter])
        #expect(diagnostics[0].range.start.line == 2)
        #expect(diagnostics[0].range.start.column == 8)
    }

    @Test func acceptsBOMAndCRLFAndEnumerationComma() {
        let file = SourceFile(path: "crlf.jz", bytes: [0xEF, 0xBB, 0xBF] + Array("a 甲、乙\r\nb 1\rc 2\r\n".utf8))
        let (tree, diagnostics) = Parser.parse(file)
        #expect(diagnostics.isEmpty)
        #expect(SyntaxDump.dump(tree) == "(a name:甲 , name:乙)\n(b number:1)\n(c number:2)\n")
    }
}
