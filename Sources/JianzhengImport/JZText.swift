import JianzhengSyntax

/// Writes names and values so that they read back exactly: a bare name when it lexes as one identifier,
/// otherwise a quoted string.
enum JZText {
    static func name(_ value: String) -> String {
        let file = SourceFile(path: "", text: value)
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize()
        if lexer.diagnostics.isEmpty, tokens.count == 2, tokens[0].kind == .identifier, tokens[0].text == value,
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
        if lexer.diagnostics.isEmpty, tokens.count == 2, tokens[0].kind == .citation, tokens[0].text == value { return value }
        return Formatter.quoted(value)
    }
}
