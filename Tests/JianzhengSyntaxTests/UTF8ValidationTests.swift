import JianzhengBase
import Testing

@testable import JianzhengSyntax

/// The lexer's own UTF-8 check (eight ASCII bytes at a time) must agree with the standard library's on any bytes.
@Suite struct UTF8ValidationTests {
    private static func lexerSays(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { Lexer.isValidUTF8($0) }
    }

    private static func standardSays(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    @Test func agreesOnEdgeCases() {
        let cases: [[UInt8]] = [
            [], Array("abcdefgh".utf8), Array("居民户口簿".utf8), Array("abcdefg居".utf8),
            [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xBD], Array("abcdefgh".utf8) + [0x80],
            [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0xE4, 0xBD], [0xF0, 0x9F, 0x98, 0x80],
            // Three-byte scalars taken without decoding (lead E1–EC, EE–EF) and their near misses.
            [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xEF, 0xBF, 0xC0],
            [0xE5, 0x80, 0x41], [0xE5, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
        ]
        for bytes in cases {
            #expect(Self.lexerSays(bytes) == Self.standardSays(bytes), "\(bytes)")
        }
    }

    @Test func agreesOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x61, 0x0A, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F]
        for _ in 0..<5_000 {
            let count = Int.random(in: 0..<24, using: &generator)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(Self.lexerSays(bytes) == Self.standardSays(bytes), "\(bytes)")
        }
    }

    /// Ideographs across the lead bytes the lexer takes without decoding (E5–E9) and those it decodes (E4, E3),
    /// with the punctuation that ends a name right after them.
    @Test func namesOfIdeographsEndAtPunctuation() {
        var lexer = Lexer(file: SourceFile(path: "names.jz", text: "material 一倀龥㐀、甲，乙 《法》\n"))
        let tokens = lexer.tokenize()
        #expect(tokens.map(\.kind) == [.identifier, .identifier, .comma, .identifier, .comma, .identifier, .citation, .newline, .endOfFile])
        #expect(lexer.text(tokens[1]) == "一倀龥㐀")
        #expect(lexer.text(tokens[3]) == "甲")
        #expect(lexer.text(tokens[5]) == "乙")
        #expect(tokens[5].startColumn == 17 && tokens[5].endColumn == 18)
        #expect(lexer.diagnostics.map(\.code) == [.fullWidthPunctuation])
    }
}
