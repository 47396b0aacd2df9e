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
}
