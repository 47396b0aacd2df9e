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
    /// The lexer, which hands the tokens one at a time and keeps the strings' texts.
    private var lexer: Lexer
    /// The token being parsed, and the one after it once it has been looked at.
    private var current: Token
    private var lookahead: Token?
    /// The last token before `current` that is not a line break or a comment (nil: none), and the file's first token,
    /// for placing a missing `}` at the end of the line before.
    private var lastSignificant: Token?
    private let firstToken: Token
    /// The parser's own diagnostics (the lexer keeps its own).
    private var diagnostics: [Diagnostic] = []
    /// When parsing one top-level statement at a time: what receives each (`parseEach`).
    private var eachStatement: ((SyntaxTree) -> Void)?
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
        file.bytes.withUnsafeBufferPointer { bytes in
            var parser = Parser(file: file, bytes: bytes)
            let (statements, trailing, _, _) = parser.parseStatements(openBrace: nil, depth: 0)
            let tree = SyntaxTree(file: file, storage: parser.storage(), statements: statements, trailingComments: trailing)
            return (tree, parser.finish())
        }
    }

    /// Lexes and parses a file one top-level statement at a time: `body` receives each as a tree of its own (with its
    /// leading comments; the comments after the last statement are not handed on) and may keep it. Only one
    /// statement's tokens and records are held at a time, so a large file is read in memory proportional to its largest
    /// statement, not to its size. Returns the file's diagnostics, the same as `parse`'s.
    public static func parseEach(_ file: SourceFile, _ body: (SyntaxTree) -> Void) -> [Diagnostic] {
        withoutActuallyEscaping(body) { body in
            file.bytes.withUnsafeBufferPointer { bytes in
                var parser = Parser(file: file, bytes: bytes)
                parser.eachStatement = body
                _ = parser.parseStatements(openBrace: nil, depth: 0)
                parser.eachStatement = nil
                return parser.finish()
            }
        }
    }

    private init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
        lexer = Lexer(file: file)
        lexer.start(bytes)
        current = lexer.nextToken()
        firstToken = current
    }

    /// The records parsed so far as a tree's storage.
    private func storage() -> SyntaxStorage {
        SyntaxStorage(
            statements: statementRecords, blocks: blockRecords, arguments: argumentRecords, comments: commentRecords,
            keywords: keywords.keywords)
    }

    /// Ends lexing; the lexer's diagnostics then the parser's, the parser's up to twice the lexer's limit in all.
    private mutating func finish() -> [Diagnostic] {
        lexer.finish()
        return lexer.diagnostics + diagnostics.prefix(max(0, 2 * Lexer.maximumDiagnostics - lexer.diagnostics.count))
    }

    /// Hands a top-level statement just parsed to `eachStatement` with the records of its block, then forgets them.
    private mutating func handOn(_ statement: SyntaxStorage.StatementRecord, to body: (SyntaxTree) -> Void) {
        statementRecords.append(statement)
        let count = Int32(statementRecords.count)
        body(SyntaxTree(file: file, storage: storage(), statements: (count - 1)..<count, trailingComments: 0..<0))
        statementRecords.removeAll(keepingCapacity: true)
        blockRecords.removeAll(keepingCapacity: true)
        argumentRecords.removeAll(keepingCapacity: true)
        commentRecords.removeAll(keepingCapacity: true)
        // The statement's strings have been read; a string token already lexed after it (`} "…"`) keeps its text.
        let pendingString = current.kind == .string ? current : lookahead?.kind == .string ? lookahead : nil
        lexer.forgetStrings(keepingFrom: pendingString?.valueIndex)
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
                    reportMissingBrace(opened: openBrace, at: previousLineEnd())
                }
                return (statements(&self), record(&pendingComments), openBrace == nil, nil)
            case .identifier:
                if let openBrace, token.startColumn == 1, Self.declarationKeywords.contains(lexer.text(token)) {
                    reportMissingBrace(opened: openBrace, at: previousLineEnd())
                    return (statements(&self), record(&pendingComments), false, nil)
                }
                var statement = parseStatement(depth: depth)
                statement.leadingComments = record(&pendingComments)
                statement.blankLineBefore = blankLine
                if openBrace == nil, let eachStatement { handOn(statement, to: eachStatement) } else { pending.append(statement) }
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
            switch peek().kind {
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
        while current.kind == .identifier, lexer.token(current, is: Self.levels[level].word) {
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

    /// Moves to the next token; stays at the end of the file.
    private mutating func advance() {
        guard current.kind != .endOfFile else { return }
        if current.kind != .newline, current.kind != .comment { lastSignificant = current }
        if let next = lookahead {
            current = next
            lookahead = nil
        } else {
            current = lexer.nextToken()
        }
    }

    /// The token after `current`.
    private mutating func peek() -> Token {
        if let lookahead { return lookahead }
        let next = current.kind == .endOfFile ? current : lexer.nextToken()
        lookahead = next
        return next
    }

    private mutating func skipNewlines() {
        while current.kind == .newline || current.kind == .comment { advance() }
    }

    /// Skips to the end of the line, stopping before `{`, `}` or the end of the file.
    private mutating func skipToLineEnd() {
        while true {
            switch current.kind {
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

    /// An empty token at the end of the last token before `current` that is not a line break or a comment.
    private func previousLineEnd() -> Token {
        let previous = lastSignificant ?? firstToken
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
        guard diagnostics.count < 2 * Lexer.maximumDiagnostics else { return }  // trimmed to the lexer's in `finish`
        diagnostics.append(Diagnostic(code, message, at: range(token), notes: notes, fixIts: fixIts))
    }
}
