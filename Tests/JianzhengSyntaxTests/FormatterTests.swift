import Testing

import JianzhengBase
@testable import JianzhengSyntax

@Suite struct FormatterTests {
    static let messy = """
        // 户籍类材料
        material   居民户口簿{ // 法定证照
        kind licence-or-id
           proves 姓名,公民身份号码 ,户籍地址
        issuer 公安机关

        // 电子证照
          source 户籍电子证照
        }   // 结束
        policy P {
        rule R {
        when not (a and b)
        because "引号\\"内\\"文字"
        }
        otherwise keep
        }
        // 文件末尾
        """

    @Test func formatsCanonicallyAndKeepsComments() {
        let formatted = format(Self.messy)
        #expect(
            formatted == """
                // 户籍类材料
                material 居民户口簿 { // 法定证照
                  kind   licence-or-id
                  proves 姓名, 公民身份号码, 户籍地址
                  issuer 公安机关

                  // 电子证照
                  source 户籍电子证照
                } // 结束

                policy P {
                  rule R {
                    when    not (a and b)
                    because "引号\\"内\\"文字"
                  }
                  otherwise keep
                }

                // 文件末尾

                """)
    }

    @Test func formattingIsIdempotentAndPreservesTheTree() {
        let once = format(Self.messy)
        #expect(format(once) == once)
        let before = Parser.parse(SourceFile(path: "a.jz", text: Self.messy)).tree
        let after = Parser.parse(SourceFile(path: "b.jz", text: once)).tree
        #expect(SyntaxDump.dump(before) == SyntaxDump.dump(after))
    }

    private func format(_ text: String) -> String {
        let (tree, diagnostics) = Parser.parse(SourceFile(path: "f.jz", text: text))
        #expect(diagnostics.isEmpty)
        return Formatter().format(tree)
    }
}
