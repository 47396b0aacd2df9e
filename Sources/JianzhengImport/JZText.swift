import JianzhengBase
import JianzhengSyntax

/// Writes names and values so that they read back exactly: a bare name when it lexes as one identifier,
/// otherwise a quoted string.
enum JZText {
    static func name(_ value: String) -> String {
        let file = SourceFile(path: "", text: value)
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize()
        if lexer.diagnostics.isEmpty, tokens.count == 2, tokens[0].kind == .identifier, lexer.text(tokens[0]) == value,
            !Parser.reservedWords.contains(value)
        {
            return value
        }
        return Formatter.quoted(value)
    }

    /// A citation as a `《…》` token when it lexes as one, else as a string.
    static func citation(_ value: String) -> String {
        let file = SourceFile(path: "", text: value)
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize()
        if lexer.diagnostics.isEmpty, tokens.count == 2, tokens[0].kind == .citation, lexer.text(tokens[0]) == value { return value }
        return Formatter.quoted(value)
    }
}
