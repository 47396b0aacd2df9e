import JianzhengBase
/// A recursive-descent parser from tokens to a `SyntaxTree`, recovering from errors so that one run reports
/// every independent problem (recovery policy: docs/language.md, "Errors and recovery").
public struct Parser {
    /// Keywords that only start top-level declarations. One of them at column 1 inside a block means the
    /// block was not closed: the parser reports the missing `}` and closes it there.
    public static let declarationKeywords: Set<String> = [
        "material", "source", "procedure", "policy", "test", "department", "cost-model", "delegation",
        "commitment-catalogue",
    ]
    /// Words that are operators inside conditions and cannot be names.
    public static let reservedWords: Set<String> = ["and", "or", "not", "in"]
    /// Deeper blocks or expressions than this are refused rather than risk the stack.
    public static let maximumDepth = 128

    private let file: SourceFile
    /// The file's bytes while it is parsed.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The lexer after tokenizing, for the tokens' texts.
    private let lexer: Lexer
    private var tokens: [Token]
    private var index = 0
    private var diagnostics: [Diagnostic]
    /// The tree's records (`SyntaxStorage`), appended as they are parsed.
    private var statementRecords: [SyntaxStorage.StatementRecord] = []
    private var blockRecords: [SyntaxStorage.BlockRecord] = []
    private var argumentRecords: [StatementArgument] = []
    private var commentRecords: [Comment] = []
    private var keywords = KeywordTable()
    /// The statements of the blocks being parsed, innermost last: a block's statements are collected here and
    /// moved to `statementRecords` when it closes, so that each block's statements are one range of records.
    private var pending: [SyntaxStorage.StatementRecord] = []

    /// Lexes and parses a file.
    public static func parse(_ file: SourceFile) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize()
        return file.bytes.withUnsafeBufferPointer { bytes in
            var parser = Parser(file: file, bytes: bytes, lexer: lexer, tokens: tokens)
            let (statements, trailing, _, _) = parser.parseStatements(openBrace: nil, depth: 0)
            let storage = SyntaxStorage(
                statements: parser.statementRecords, blocks: parser.blockRecords, arguments: parser.argumentRecords,
                comments: parser.commentRecords, keywords: parser.keywords.keywords)
            return (SyntaxTree(file: file, storage: storage, statements: statements, trailingComments: trailing), parser.diagnostics)
        }
    }

    private init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, lexer: Lexer, tokens: [Token]) {
        self.file = file
        self.bytes = bytes
        self.lexer = lexer
        self.tokens = tokens
        self.diagnostics = lexer.diagnostics
    }

    // MARK: - Statements

    /// Parses statements until `}` (when inside a block) or the end of the file. Returns where the statements
    /// and the comments after the last one are among the records, whether the block was closed, and the `}` token.
    private mutating func parseStatements(openBrace: Token?, depth: Int)
        -> (Range<Int32>, Range<Int32>, Bool, Token?)
    {
        let base = pending.count
        /// The block's statements, moved off the pending stack.
        func statements(_ parser: inout Parser) -> Range<Int32> {
            let start = Int32(parser.statementRecords.count)
            parser.statementRecords.append(contentsOf: parser.pending[base...])
            parser.pending.removeSubrange(base...)
            return start..<Int32(parser.statementRecords.count)
        }
        var pendingComments: [Comment] = []
        var newlinesInRow = 0
        var blankLine = false
        while true {
            let token = current
            switch token.kind {
            case .newline, .semicolon:
                if token.kind == .newline { newlinesInRow += 1 }
                if newlinesInRow >= 2 { blankLine = true }
                advance()
            case .comment:
                var leading = comment(token)
                leading.blankLineBefore = blankLine
                pendingComments.append(leading)
                blankLine = false
                newlinesInRow = 0
                advance()
            case .rightBrace:
                if openBrace != nil {
                    advance()
                    return (statements(&self), record(&pendingComments), true, token)
                }
                report(.unmatchedClosingBrace, "'}' does not close any block", token)
                advance()
            case .endOfFile:
                if let openBrace {
                    reportMissingBrace(opened: openBrace, at: previousLineEnd(before: token))
                }
                return (statements(&self), record(&pendingComments), openBrace == nil, nil)
            case .identifier:
                if let openBrace, token.startColumn == 1, Self.declarationKeywords.contains(lexer.text(token)) {
                    reportMissingBrace(opened: openBrace, at: previousLineEnd(before: token))
                    return (statements(&self), record(&pendingComments), false, nil)
                }
                var statement = parseStatement(depth: depth)
                statement.leadingComments = record(&pendingComments)
                statement.blankLineBefore = blankLine
                pending.append(statement)
                blankLine = false
                newlinesInRow = 0
            default:
                report(.expectedToken, "expected a keyword at the start of a statement, found \(describe(token))", token)
                skipToLineEnd()
                if current.kind == .leftBrace { skipBalancedBlock() }
            }
        }
    }

    /// Moves comments to the records, returning where they are.
    private mutating func record(_ comments: inout [Comment]) -> Range<Int32> {
        let start = Int32(commentRecords.count)
        if !comments.isEmpty {
            commentRecords.append(contentsOf: comments)
            comments.removeAll(keepingCapacity: true)
        }
        return start..<Int32(commentRecords.count)
    }

    /// Records the comment token at the current position and moves past it.
    private mutating func recordComment() -> Int32 {
        commentRecords.append(comment(current))
        advance()
        return Int32(commentRecords.count - 1)
    }

    private mutating func parseStatement(depth: Int) -> SyntaxStorage.StatementRecord {
        let keywordToken = current
        advance()
        let firstArgument = argumentRecords.count
        var followsComma = false
        // Where the last argument ends (read before the argument is stored: reading it back would copy it).
        var lastArgumentRange: SourceRange?
        argumentLoop: while true {
            switch current.kind {
            case .newline, .semicolon, .leftBrace, .rightBrace, .endOfFile, .comment:
                break argumentLoop
            case .comma:
                if argumentRecords.count == firstArgument || followsComma {
                    report(.expectedToken, "expected a value before ','", current)
                }
                followsComma = true
                advance()
            default:
                guard let expression = parseExpression(depth: depth) else {
                    skipToLineEnd()
                    break argumentLoop
                }
                lastArgumentRange = expression.range
                argumentRecords.append(StatementArgument(expression: expression, followsComma: followsComma))
                followsComma = false
            }
        }
        let keyword = keywords.number(of: keywordToken.start, keywordToken.end, in: bytes) { lexer.text(keywordToken) }
        var statement = SyntaxStorage.StatementRecord(
            keyword: keyword, keywordRange: range(keywordToken), range: range(keywordToken),
            arguments: Int32(firstArgument)..<Int32(argumentRecords.count), leadingComments: 0..<0)
        if let lastArgumentRange { statement.range = statement.range.union(lastArgumentRange) }
        if current.kind == .leftBrace {
            let brace = current
            if depth + 1 > Self.maximumDepth {
                report(.nestingTooDeep, "blocks nested deeper than \(Self.maximumDepth) levels", brace)
                skipBalancedBlock()
                return statement
            }
            advance()
            if current.kind == .comment { statement.trailingComment = recordComment() }
            let (children, trailing, closed, closingBrace) = parseStatements(openBrace: brace, depth: depth + 1)
            let closingComment = closed && current.kind == .comment ? recordComment() : -1
            let blockRange = SourceRange(start: range(brace).start, end: range(closingBrace ?? brace).end)
            blockRecords.append(SyntaxStorage.BlockRecord(
                statements: children, trailingComments: trailing, closingComment: closingComment, range: blockRange))
            statement.block = Int32(blockRecords.count - 1)
            statement.range = statement.range.union(blockRange)
        } else if current.kind == .comment {
            statement.trailingComment = recordComment()
        }
        return statement
    }

    // MARK: - Expressions

    private mutating func parseExpression(depth: Int) -> Expression? {
        guard depth < Self.maximumDepth else {
            report(.nestingTooDeep, "expression nested deeper than \(Self.maximumDepth) levels", current)
            return nil
        }
        // Most arguments are one value (a name, a string, a citation …) followed by what cannot continue an
        // expression: they are read without descending through the levels of operators, to the same result.
        let loneValue: Bool
        switch current.kind {
        case .string, .number, .percent, .date, .citation: loneValue = true
        case .identifier: loneValue = !isReserved(current)
        default: loneValue = false
        }
        if loneValue {
            switch tokens[index + 1].kind {
            case .identifier, .equals, .notEquals, .dot: break
            default: return parsePrimary(depth: depth + 1)
            }
        }
        return parseBinary(level: 0, depth: depth + 1)
    }

    /// The operator of each precedence level, lowest first.
    private static let levels: [(word: StaticString, operator: BinaryOperator)] = [("or", .or), ("and", .and)]

    /// A chain `a and b and c` becomes a left-deep tree, one level per term: each term counts as a level of
    /// nesting, so that no chain (30,000 terms once overflowed the stack of every later tree walk) builds a tree
    /// deeper than `maximumDepth`.
    private mutating func parseBinary(level: Int, depth: Int) -> Expression? {
        guard level < Self.levels.count else { return parseNot(depth: depth) }
        guard var lhs = parseBinary(level: level + 1, depth: depth) else { return nil }
        let op = Self.levels[level].operator
        var chainDepth = depth
        while tokens[index].kind == .identifier, lexer.token(tokens[index], is: Self.levels[level].word) {
            chainDepth += 1
            guard chainDepth < Self.maximumDepth else {
                report(.nestingTooDeep, "a condition of more than \(Self.maximumDepth) terms and levels; split it into rules", current)
                return nil
            }
            advance()
            skipNewlines()
            guard let rhs = parseBinary(level: level + 1, depth: chainDepth) else { return nil }
            lhs = .binary(op, lhs, rhs, lhs.range.union(rhs.range))
        }
        return lhs
    }

    private mutating func parseNot(depth: Int) -> Expression? {
        if current.kind == .identifier, lexer.token(current, is: "not") {
            let start = current
            advance()
            guard depth < Self.maximumDepth else {
                report(.nestingTooDeep, "expression nested deeper than \(Self.maximumDepth) levels", start)
                return nil
            }
            guard let operand = parseNot(depth: depth + 1) else { return nil }
            return .not(operand, range(start).union(operand.range))
        }
        return parseComparison(depth: depth)
    }

    private mutating func parseComparison(depth: Int) -> Expression? {
        guard let lhs = parsePrimary(depth: depth) else { return nil }
        let op: BinaryOperator? =
            switch current.kind {
            case .equals: .equals
            case .notEquals: .notEquals
            case .identifier where lexer.token(current, is: "in"): .in
            default: nil
            }
        guard let op else { return lhs }
        advance()
        guard let rhs = parsePrimary(depth: depth) else { return nil }
        return .binary(op, lhs, rhs, lhs.range.union(rhs.range))
    }

    private mutating func parsePrimary(depth: Int) -> Expression? {
        let token = current
        switch token.kind {
        case .identifier where !isReserved(token):
            advance()
            var path = lexer.text(token)
            var end = token
            while current.kind == .dot {
                advance()
                guard current.kind == .identifier else {
                    report(.expectedToken, "expected a name after '.', found \(describe(current))", current)
                    return nil
                }
                path += "." + lexer.text(current)
                end = current
                advance()
            }
            return .name(path, SourceRange(start: range(token).start, end: range(end).end))
        case .string: advance(); return .string(lexer.text(token), range(token))
        case .number: advance(); return .number(lexer.text(token), range(token))
        case .percent: advance(); return .percent(lexer.text(token), range(token))
        case .date: advance(); return .date(lexer.text(token), range(token))
        case .citation: advance(); return .citation(lexer.text(token), range(token))
        case .leftBracket:
            return parseList(depth: depth)
        case .leftParen:
            advance()
            skipNewlines()
            guard let inner = parseExpression(depth: depth + 1) else { return nil }
            skipNewlines()
            guard current.kind == .rightParen else {
                report(.expectedToken, "expected ')' to close '(', found \(describe(current))", current,
                    notes: [Diagnostic.Note("'(' opened here", at: range(token))])
                return nil
            }
            let close = current
            advance()
            return .parenthesized(inner, SourceRange(start: range(token).start, end: range(close).end))
        default:
            report(.expectedToken, "expected a value, found \(describe(token))", token)
            return nil
        }
    }

    private mutating func parseList(depth: Int) -> Expression? {
        let open = current
        advance()
        var elements: [Expression] = []
        skipNewlines()
        while current.kind != .rightBracket {
            guard let element = parseExpression(depth: depth + 1) else { return nil }
            elements.append(element)
            skipNewlines()
            if current.kind == .comma {
                advance()
                skipNewlines()
            } else if current.kind != .rightBracket {
                report(.expectedToken, "expected ',' or ']' in list, found \(describe(current))", current,
                    notes: [Diagnostic.Note("'[' opened here", at: range(open))])
                return nil
            }
        }
        let close = current
        advance()
        return .list(elements, SourceRange(start: range(open).start, end: range(close).end))
    }

    // MARK: - Recovery and helpers

    /// Whether an identifier is one of `reservedWords` (compared by bytes: no string is made).
    private func isReserved(_ token: Token) -> Bool {
        switch token.end - token.start {
        case 2: lexer.token(token, is: "or") || lexer.token(token, is: "in")
        case 3: lexer.token(token, is: "and") || lexer.token(token, is: "not")
        default: false
        }
    }

    private var current: Token { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private mutating func skipNewlines() {
        while current.kind == .newline || current.kind == .comment { advance() }
    }

    /// Skips to the end of the line, stopping before `{`, `}` or the end of the file.
    private mutating func skipToLineEnd() {
        while true {
            switch tokens[index].kind {
            case .newline, .semicolon, .leftBrace, .rightBrace, .endOfFile: return
            default: advance()
            }
        }
    }

    /// Skips a `{ … }` block without recursion, however deep it is nested.
    private mutating func skipBalancedBlock() {
        var depth = 0
        repeat {
            switch current.kind {
            case .leftBrace: depth += 1
            case .rightBrace: depth -= 1
            case .endOfFile: return
            default: break
            }
            advance()
        } while depth > 0
    }

    private func previousLineEnd(before token: Token) -> Token {
        var probe = index - 1
        while probe > 0, [.newline, .comment].contains(tokens[probe].kind) { probe -= 1 }
        let previous = tokens[max(probe, 0)]
        var token = Token(kind: .newline, start: previous.end, end: previous.end)
        (token.startLine, token.startColumn, token.endLine, token.endColumn) = (previous.endLine, previous.endColumn, previous.endLine, previous.endColumn)
        return token
    }

    private mutating func reportMissingBrace(opened brace: Token, at token: Token) {
        report(.missingClosingBrace, "expected '}' to close the block opened at line \(brace.startLine)", token,
            notes: [Diagnostic.Note("'{' opened here", at: range(brace))],
            fixIts: [Diagnostic.FixIt("close the block", range: SourceRange(at: range(token).start), replacement: "}")])
    }

    private func comment(_ token: Token) -> Comment {
        Comment(text: lexer.text(token), range: range(token))
    }

    private func range(_ token: Token) -> SourceRange { token.range(in: file.fileID) }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline: "end of line"
        case .endOfFile: "end of file"
        case .string: "a string"
        case .comment: "a comment"
        default: "'\(lexer.text(token))'"
        }
    }

    /// Records a diagnostic, up to twice the lexer's limit per file.
    private mutating func report(
        _ code: DiagnosticCode, _ message: String, _ token: Token, notes: [Diagnostic.Note] = [],
        fixIts: [Diagnostic.FixIt] = []
    ) {
        guard diagnostics.count < 2 * Lexer.maximumDiagnostics else { return }
        diagnostics.append(Diagnostic(code, message, at: range(token), notes: notes, fixIts: fixIts))
    }
}
