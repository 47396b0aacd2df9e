import JianzhengBase
/// A lexical token: its kind and where it stands. Its text is read from the file on demand
/// (`Lexer.text(_:)`), so a token is a plain value that copies without reference counting.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A name: ASCII letters, digits, `_` and `-`, or any Chinese text that is not punctuation.
        case identifier
        /// `"…"`; the decoded value is read with `Lexer.text(_:)`.
        case string
        case number
        /// `85%`; its text is the number without the sign.
        case percent
        /// `2016-03-03` (validated later, so a malformed date can be reported by name).
        case date
        /// `《act》第十五条第（四）项`.
        case citation
        case leftBrace, rightBrace, leftBracket, rightBracket, leftParen, rightParen
        case comma, semicolon, dot, equals, notEquals
        case newline
        /// `// …` to the end of the line; its text is the comment without `//`.
        case comment
        case endOfFile
    }

    public var kind: Kind
    // Offsets stored in 32 bits (as in `SourceLocation`): a token is 32 bytes, and a file has a token per six bytes.
    private var storedStart: UInt32
    private var storedEnd: UInt32
    /// Byte offsets into the source file.
    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = UInt32(clamping: newValue) }
    }
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = UInt32(clamping: newValue) }
    }
    /// Line and column of `start` and `end`, filled in by the lexer (kept small: the parser recurses on tokens).
    public var startLine: Int32 = 1
    public var startColumn: Int32 = 1
    public var endLine: Int32 = 1
    public var endColumn: Int32 = 1
    /// For a string literal, the number of its decoded value among the lexer's strings (`Lexer.text(_:)`).
    public var valueIndex: Int32 = -1

    public init(kind: Kind, start: Int, end: Int) {
        self.kind = kind
        storedStart = UInt32(clamping: start)
        storedEnd = UInt32(clamping: end)
    }

    /// The token's range in a file.
    public func range(in fileID: Int32) -> SourceRange {
        SourceRange(
            start: SourceLocation(fileID: fileID, line: startLine, column: startColumn, offset: storedStart),
            end: SourceLocation(fileID: fileID, line: endLine, column: endColumn, offset: storedEnd))
    }
}
