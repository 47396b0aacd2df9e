import JianzhengBase
/// Turns the UTF-8 bytes of a `.jz` file into tokens, reporting lexical errors and going on.
///
/// It works on bytes and decodes a scalar only where a byte is not ASCII. Invalid UTF-8, full-width
/// punctuation used as syntax, unterminated strings and citations each become one diagnostic; the lexer
/// then resumes at a sensible point so that later errors are still found.
public struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    /// The file's bytes while it is lexed (`tokenize`, or `start` to `finish`): read without bounds checks or
    /// reference counting (a lexer spends most of its time reading bytes). Empty otherwise.
    private var buffer = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var position = 0
    /// Where the last token ended: lines and columns are counted from there.
    private var cursor = Cursor()
    public private(set) var diagnostics: [Diagnostic] = []
    /// The decoded values of string literals (`Token.valueIndex`), but for the first `forgottenStrings`.
    private var strings: [String] = []
    private var forgottenStrings = 0

    /// Whether the file holds invalid UTF-8 anywhere; only then are string and comment bytes decoded one by one.
    private var hasInvalidUTF8 = false

    public init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    /// Lexes the whole file; the last token is always `.endOfFile`.
    public mutating func tokenize() -> [Token] {
        let bytes = self.bytes
        return bytes.withUnsafeBufferPointer { buffer in
            start(buffer)
            defer { finish() }
            var tokens: [Token] = []
            tokens.reserveCapacity(buffer.count / 5)
            while true {
                let token = nextToken()
                tokens.append(token)
                if token.kind == .endOfFile { return tokens }
            }
        }
    }

    /// Starts lexing the file one token at a time (`nextToken`): `buffer` is the file's bytes, valid until `finish`.
    mutating func start(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        hasInvalidUTF8 = !Self.isValidUTF8(buffer)
        position = matches(0, 0xEF, 0xBB, 0xBF) ? 3 : 0
        cursor = Cursor()
    }

    /// Ends lexing one token at a time; the tokens' texts can still be read.
    mutating func finish() {
        buffer = UnsafeBufferPointer(start: nil, count: 0)
    }

    /// The next token with its lines and columns; `.endOfFile` at the end of the file.
    mutating func nextToken() -> Token {
        var token = next()
        (token.startLine, token.startColumn) = cursor.position(at: token.start, in: buffer, file: file)
        (token.endLine, token.endColumn) = cursor.position(at: token.end, in: buffer, file: file)
        return token
    }

    /// Forgets the decoded strings of the tokens lexed so far, except from string number `firstKept` on (nil: keeps
    /// none): a parser reading a file one statement at a time keeps only the strings it has yet to read.
    mutating func forgetStrings(keepingFrom firstKept: Int32?) {
        let kept = firstKept.map(Int.init) ?? forgottenStrings + strings.count
        guard kept > forgottenStrings else { return }
        strings.removeFirst(kept - forgottenStrings)
        forgottenStrings = kept
    }

    /// Lines and columns of increasing offsets in one pass over the bytes (tokens come in order).
    private struct Cursor {
        var offset = 0
        var line: Int32 = 1
        var column: Int32 = 1

        mutating func position(at target: Int, in buffer: UnsafeBufferPointer<UInt8>, file: SourceFile) -> (Int32, Int32) {
            guard target >= offset else {
                let location = file.location(at: target)
                return (Int32(location.line), Int32(location.column))
            }
            let end = min(target, buffer.count)
            while offset < end {
                let byte = buffer[offset]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                offset += 1
            }
            return (line, column)
        }
    }

    /// Whether all of `bytes` is well-formed UTF-8 (eight ASCII bytes at a time where it can).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while index < count {
            if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            if isPlainThreeByteScalar(bytes, at: index) {
                index += 3
                continue
            }
            guard let (_, length) = decode(bytes, at: index) else { return false }
            index += length
        }
        return true
    }

    /// Whether a well-formed three-byte scalar starts at `index` whose lead byte needs no range check of the next
    /// (E1–EC, EE–EF: neither overlong like E0 nor a surrogate like ED) — most of Chinese text, checked without
    /// decoding it.
    private static func isPlainThreeByteScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 3 <= bytes.count else { return false }
        let lead = bytes[index]
        guard lead >= 0xE1, lead <= 0xEF, lead != 0xED else { return false }
        return bytes[index + 1] & 0xC0 == 0x80 && bytes[index + 2] & 0xC0 == 0x80
    }

    /// Whether the scalar at `index` of a file known to be well-formed UTF-8 is a CJK Unified Ideograph of U+5000–
    /// U+9FFF (lead bytes E5–E9), which is always part of a name: three bytes taken without decoding them.
    private func isCommonIdeograph(at index: Int) -> Bool {
        !hasInvalidUTF8 && buffer[index] >= 0xE5 && buffer[index] <= 0xE9
    }

    private mutating func next() -> Token {
        while position < buffer.count {
            let byte = buffer[position]
            let start = position
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                return Token(kind: .newline, start: start, end: position)
            case UInt8(ascii: "\r"):
                position += 1
                if position < buffer.count, buffer[position] == UInt8(ascii: "\n") { position += 1 }
                return Token(kind: .newline, start: start, end: position)
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                position += 2
                while position < buffer.count, buffer[position] != UInt8(ascii: "\n"),
                    buffer[position] != UInt8(ascii: "\r")
                {
                    if !checkScalar(at: buffer[position]) { position += 1 }
                }
                return Token(kind: .comment, start: start, end: position)
            case UInt8(ascii: "\""):
                return lexString(closing: UInt8(ascii: "\""))
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return lexNumber()
            case UInt8(ascii: "{"): return single(.leftBrace)
            case UInt8(ascii: "}"): return single(.rightBrace)
            case UInt8(ascii: "["): return single(.leftBracket)
            case UInt8(ascii: "]"): return single(.rightBracket)
            case UInt8(ascii: "("): return single(.leftParen)
            case UInt8(ascii: ")"): return single(.rightParen)
            case UInt8(ascii: ","): return single(.comma)
            case UInt8(ascii: ";"): return single(.semicolon)
            case UInt8(ascii: "."): return single(.dot)
            case UInt8(ascii: "="): return single(.equals)
            case UInt8(ascii: "!") where peek(1) == UInt8(ascii: "="):
                position += 2
                return Token(kind: .notEquals, start: start, end: position)
            case _ where Self.isASCIIIdentifierStart(byte):
                return lexIdentifier()
            case _ where Self.mayStartUnsafe(byte) && checkUnsafe():
                continue
            case _ where byte < 0x80:
                position += 1
                report(.unexpectedCharacter, "unexpected character '\(Character(Unicode.Scalar(byte)))'", start, position)
            default:
                if let token = lexNonASCII() { return token }
            }
        }
        return Token(kind: .endOfFile, start: buffer.count, end: buffer.count)
    }

    // MARK: - Non-ASCII

    /// The text of a token: a string literal's decoded value, a comment without `//`, a percentage without
    /// `%`, the ASCII form of punctuation, and otherwise the bytes as written.
    public func text(_ token: Token) -> String {
        switch token.kind {
        case .string: token.valueIndex >= 0 ? strings[Int(token.valueIndex) - forgottenStrings] : ""
        case .comment: text(token.start + 2, token.end)
        case .percent: text(token.start, token.end - 1)
        case .identifier, .number, .date, .citation: text(token.start, token.end)
        case .newline: "\n"
        case .endOfFile: ""
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .leftParen: "("
        case .rightParen: ")"
        case .comma: ","
        case .semicolon: ";"
        case .dot: "."
        case .equals: "="
        case .notEquals: "!="
        }
    }

    /// Whether a token's bytes are exactly `word` (no string is built).
    public func token(_ token: Token, is word: StaticString) -> Bool {
        let length = token.end - token.start
        guard length == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { word in
            (0..<length).allSatisfy { bytes[token.start + $0] == word[$0] }
        }
    }

    /// Full-width punctuation people type by habit, and the ASCII token each stands for.
    private static let fullWidthSyntax: [UInt32: (Token.Kind, String)] = [
        0xFF0C: (.comma, ","), 0xFF1B: (.semicolon, ";"), 0xFF5B: (.leftBrace, "{"), 0xFF5D: (.rightBrace, "}"),
        0xFF3B: (.leftBracket, "["), 0xFF3D: (.rightBracket, "]"), 0xFF1D: (.equals, "="),
    ]

    private mutating func lexNonASCII() -> Token? {
        let start = position
        guard let (scalar, length) = decode(at: position) else {
            while position < buffer.count, buffer[position] >= 0x80, decode(at: position) == nil { position += 1 }
            report(.invalidUTF8, "invalid UTF-8 byte sequence", start, position)
            return nil
        }
        if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF { return lexIdentifier() }  // the common case: a Chinese name
        switch scalar.value {
        case 0x3001:  // 、 enumeration comma: accepted as a list separator
            position += length
            return Token(kind: .comma, start: start, end: position)
        case 0x300A:  // 《
            return lexCitation()
        case 0x201C:  // “
            position += length
            report(.fullWidthPunctuation, "strings use ASCII quotes '\"', not '“…”'", start, position,
                fix: "\"")
            position = start
            return lexString(closing: nil)
        case 0x3000, 0x00A0, 0xFEFF:  // ideographic space, no-break space, stray BOM: whitespace
            position += length
            return nil
        default:
            break
        }
        if let (kind, ascii) = Self.fullWidthSyntax[scalar.value] {
            position += length
            report(.fullWidthPunctuation, "full-width '\(Character(scalar))' used as syntax; write '\(ascii)'",
                start, position, fix: ascii)
            return Token(kind: kind, start: start, end: position)
        }
        if Self.isIdentifierScalar(scalar) { return lexIdentifier() }
        position += length
        report(.unexpectedCharacter, "unexpected character '\(Character(scalar))'", start, position)
        return nil
    }

    /// Whether a non-ASCII scalar may appear in a name: anything but CJK punctuation and spaces.
    static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF { return true }  // CJK Unified Ideographs: most of a name
        switch scalar.value {
        case 0x3000...0x3003, 0x3008...0x3011, 0x3014...0x301F:
            return scalar.value == 0x3014 || scalar.value == 0x3015  // 〔〕 appear in document numbers
        case 0xFF01, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3B, 0xFF3D, 0xFF5B, 0xFF5D, 0xFF1D:
            return false
        case 0x2018...0x201F, 0x00A0, 0xFEFF, 0x2028, 0x2029:
            return false
        default:
            return scalar.value >= 0x80 && !UnsafeCharacters.isRefusedInName(scalar)
        }
    }

    private static func isASCIIIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private static func isASCIIIdentifierContinue(_ byte: UInt8) -> Bool {
        isASCIIIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
    }

    // MARK: - Token forms

    private mutating func lexIdentifier() -> Token {
        let start = position
        while position < buffer.count {
            let byte = buffer[position]
            if byte < 0x80 {
                guard Self.isASCIIIdentifierContinue(byte) else { break }
                position += 1
            } else if isCommonIdeograph(at: position) {
                position += 3
            } else if let (scalar, length) = decode(at: position), Self.isIdentifierScalar(scalar) {
                position += length
            } else {
                break
            }
        }
        return Token(kind: .identifier, start: start, end: position)
    }

    /// Numbers, percentages and dates: `12000`, `2.5`, `85%`, `2016-03-03`.
    private mutating func lexNumber() -> Token {
        let start = position
        skipDigits()
        if peek(0) == UInt8(ascii: "-"), let next = peek(1), Self.isDigit(next) {
            position += 1
            skipDigits()
            if peek(0) == UInt8(ascii: "-"), let next = peek(1), Self.isDigit(next) {
                position += 1
                skipDigits()
            }
            return Token(kind: .date, start: start, end: position)
        }
        if peek(0) == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next) {
            position += 1
            skipDigits()
        }
        if peek(0) == UInt8(ascii: "%") {
            position += 1
            return Token(kind: .percent, start: start, end: position)
        }
        return Token(kind: .number, start: start, end: position)
    }

    /// `"…"` with `\"`, `\\`, `\n` and `\t`; with `closing == nil` the string was opened by `“` and ends at `”`.
    private mutating func lexString(closing: UInt8?) -> Token {
        let start = position
        position += closing == nil ? 3 : 1
        var value: [UInt8] = []
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if let closing, byte == closing {
                position += 1
                return stringToken(value, start)
            }
            if closing == nil, matches(position, 0xE2, 0x80, 0x9D) {  // ”
                position += 3
                return stringToken(value, start)
            }
            if byte == UInt8(ascii: "\\") {
                let escapeStart = position
                position += 1
                switch peek(0) {
                case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): value.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "u") where peek(1) == UInt8(ascii: "{"):
                    lexScalarEscape(from: escapeStart, into: &value)
                    continue
                default:
                    report(.invalidEscape, "unknown escape sequence in string", escapeStart, min(position + 1, buffer.count))
                }
                position = min(position + 1, buffer.count)
                continue
            }
            if checkScalar(at: byte) { continue }
            value.append(byte)
            position += 1
        }
        report(.unterminatedString, "unterminated string: a string must close on the line it opens", start, position)
        return stringToken(value, start)
    }

    /// `\u{1F600}`: one to six hexadecimal digits naming a scalar that is not a control character.
    private mutating func lexScalarEscape(from start: Int, into value: inout [UInt8]) {
        position += 2  // u{
        var digits = 0
        var scalarValue: UInt32 = 0
        while let byte = peek(0), let digit = Self.hexValue(byte), digits < 6 {
            scalarValue = scalarValue << 4 | digit
            digits += 1
            position += 1
        }
        guard digits > 0, peek(0) == UInt8(ascii: "}") else {
            report(.invalidEscape, "a '\\u{…}' escape takes one to six hexadecimal digits and a closing '}'", start, position)
            return
        }
        position += 1
        guard let scalar = Unicode.Scalar(scalarValue) else {
            report(.invalidEscape, "'\\u{\(String(scalarValue, radix: 16))}' is not a Unicode scalar", start, position)
            return
        }
        guard !UnsafeCharacters.isUnsafe(scalar) else {
            report(.controlCharacter, "\(UnsafeCharacters.describe(scalar)) is a control character and is not allowed", start, position)
            return
        }
        value.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - 55)
        default: nil
        }
    }

    /// Whether a byte can begin a scalar `UnsafeCharacters` refuses: a C0 control other than tab and line
    /// breaks, DEL, or the lead byte of C1 controls (0xC2), U+061C (0xD8) or the U+2000 block (0xE2).
    static func mayStartUnsafe(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    /// Inside a string or a comment: reports and skips an unsafe scalar or invalid UTF-8 starting at the current
    /// byte (true); false when the byte is to be taken as it is.
    private mutating func checkScalar(at byte: UInt8) -> Bool {
        if Self.mayStartUnsafe(byte) { return checkUnsafe() }
        guard byte >= 0x80, hasInvalidUTF8, decode(at: position) == nil, byte & 0xC0 != 0x80 || !continuesScalar() else { return false }
        let start = position
        position += 1
        report(.invalidUTF8, "invalid UTF-8 byte sequence", start, position)
        return true
    }

    /// Whether the continuation byte at the current position belongs to a well-formed scalar started before it.
    private func continuesScalar() -> Bool {
        var lead = position - 1
        while lead >= 0, position - lead < 4, buffer[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard lead >= 0, let (_, length) = decode(at: lead) else { return false }
        return lead + length > position
    }

    /// At a byte that `mayStartUnsafe`: reports and skips an unsafe scalar (true), or leaves the position where
    /// it is (false) when the scalar there is harmless.
    private mutating func checkUnsafe() -> Bool {
        guard let (scalar, length) = decode(at: position) else {
            if buffer[position] < 0x80 { return false }
            let start = position
            position += 1
            report(.invalidUTF8, "invalid UTF-8 byte sequence", start, position)
            return true
        }
        guard UnsafeCharacters.isUnsafe(scalar) else {
            return false
        }
        let start = position
        position += length
        report(.controlCharacter, "\(UnsafeCharacters.describe(scalar)) is a control character and is not allowed: it can hide or reorder text",
            start, position)
        return true
    }

    private mutating func stringToken(_ value: [UInt8], _ start: Int) -> Token {
        var token = Token(kind: .string, start: start, end: position)
        token.valueIndex = Int32(forgottenStrings + strings.count)
        strings.append(String(decoding: value, as: UTF8.self))
        return token
    }

    /// `《title》` followed by a pinpoint such as `第十五条第（四）项` or `第5条`.
    private mutating func lexCitation() -> Token {
        let start = position
        position += 3
        while position < buffer.count, !matches(position, 0xE3, 0x80, 0x8B) {  // 》
            if buffer[position] == UInt8(ascii: "\n") || buffer[position] == UInt8(ascii: "\r") { break }
            if !checkScalar(at: buffer[position]) { position += 1 }
        }
        guard matches(position, 0xE3, 0x80, 0x8B) else {
            report(.unterminatedCitation, "citation opened with '《' is not closed with '》'", start, position)
            return Token(kind: .citation, start: start, end: position)
        }
        position += 3
        skipEdition()
        while position < buffer.count, let (scalar, length) = decode(at: position), Self.isPinpointScalar(scalar) {
            position += length
        }
        return Token(kind: .citation, start: start, end: position)
    }

    /// The bracket right after `》` that tells acts of one title apart — `（国务院令第649号）`, `（2014年修订）` —
    /// when it closes on the same line; the citation parser judges its content.
    private mutating func skipEdition() {
        let openLength = matches(position, 0xEF, 0xBC, 0x88) ? 3 : (peek(0) == UInt8(ascii: "(") ? 1 : 0)  // （ or (
        guard openLength > 0 else { return }
        var end = position + openLength
        var closed = false
        while end < buffer.count, buffer[end] != UInt8(ascii: "\n"), buffer[end] != UInt8(ascii: "\r") {
            if matches(end, 0xEF, 0xBC, 0x89) { end += 3; closed = true; break }  // ）
            if buffer[end] == UInt8(ascii: ")") { end += 1; closed = true; break }
            end += 1
        }
        guard closed else { return }
        while position < end {
            if !checkScalar(at: buffer[position]) { position += 1 }
        }
    }

    /// Characters that may follow `》` in a pinpoint: 第, digits, Chinese numerals, 条款项目之, brackets.
    private static func isPinpointScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("0"..."9").contains(scalar) || scalar == "(" || scalar == ")" }
        return pinpointScalars.contains(scalar.value)
    }

    private static let pinpointScalars = Set("第条款项目之〇零一二三四五六七八九十百千两（）０１２３４５６７８９".unicodeScalars.map(\.value))

    // MARK: - Helpers

    private mutating func single(_ kind: Token.Kind) -> Token {
        let start = position
        position += 1
        return Token(kind: kind, start: start, end: position)
    }

    private mutating func skipDigits() {
        while let byte = peek(0), Self.isDigit(byte) { position += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func peek(_ ahead: Int) -> UInt8? {
        position + ahead < buffer.count ? buffer[position + ahead] : nil
    }

    /// Whether the three bytes at `index` are `first`, `second`, `third` (one CJK character or punctuation mark).
    private func matches(_ index: Int, _ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        index + 3 <= buffer.count && buffer[index] == first && buffer[index + 1] == second && buffer[index + 2] == third
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func decode(at index: Int) -> (Unicode.Scalar, Int)? { Self.decode(buffer, at: index) }

    /// Decodes one well-formed UTF-8 scalar (ASCII included), or nil for an invalid sequence.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// After this many errors in one file the lexer stops reporting (one last diagnostic says so), so that a huge
    /// file of garbage costs time proportional to its size, not memory proportional to its errors.
    public static let maximumDiagnostics = 1000

    private mutating func report(
        _ code: DiagnosticCode, _ message: @autoclosure () -> String, _ start: Int, _ end: Int, fix: String? = nil
    ) {
        guard diagnostics.count <= Self.maximumDiagnostics else { return }
        if diagnostics.count == Self.maximumDiagnostics {
            diagnostics.append(Diagnostic(
                .unexpectedCharacter, "too many errors in this file; stopping after \(Self.maximumDiagnostics)",
                at: file.range(start, start)))
            return
        }
        let range = file.range(start, end)
        let fixIts = fix.map { [Diagnostic.FixIt("use ASCII punctuation", range: range, replacement: $0)] } ?? []
        diagnostics.append(Diagnostic(code, message(), at: range, fixIts: fixIts))
    }
}
