import JianzhengBase
/// The syntax tree of a `.jz` file.
///
/// The language has one shape: a statement is a keyword, arguments, and an optional block of further
/// statements. `material 居民户口簿 { kind licence-or-id }`, `requires 无犯罪记录证明 { basis 《…》第十五条 }` and
/// `when not basis.sufficient` are all statements. What each keyword means and accepts is decided by the
/// resolver in the core module, not by the grammar; this keeps the grammar small, the formatter generic and
/// the error recovery simple.
public struct SyntaxTree: Sendable {
    public let file: SourceFile
    public var statements: [Statement]
    /// Comments after the last statement.
    public var trailingComments: [Comment]
}

/// `keyword argument… [{ statement… }]`.
///
/// A catalogue's tree holds millions of statements, so the block and the trailing comment (present on some
/// statements only) are held out of line: a statement is about half the size it would be with them inline, and
/// copying it or growing an array of statements moves that much less.
public struct Statement: Sendable {
    public var keyword: String
    public var keywordRange: SourceRange
    public var arguments: [StatementArgument]
    public var block: Block? {
        get { blockStorage?.block }
        set { blockStorage = newValue.map(BlockBox.init) }
    }
    /// Comments on their own lines just before this statement.
    public var leadingComments: [Comment]
    /// A comment at the end of the statement's first line.
    public var trailingComment: Comment? {
        get { trailingComments.first }
        set { trailingComments = newValue.map { [$0] } ?? [] }
    }
    /// Whether one or more blank lines separate this statement's keyword from what precedes it
    /// (its own leading comments, or the previous statement).
    public var blankLineBefore: Bool
    public var range: SourceRange

    private var blockStorage: BlockBox?
    /// The trailing comment, if any (an empty array costs no allocation).
    private var trailingComments: [Comment]

    public init(
        keyword: String, keywordRange: SourceRange, arguments: [StatementArgument], block: Block?,
        leadingComments: [Comment], trailingComment: Comment?, blankLineBefore: Bool, range: SourceRange
    ) {
        self.keyword = keyword
        self.keywordRange = keywordRange
        self.arguments = arguments
        self.blockStorage = block.map(BlockBox.init)
        self.leadingComments = leadingComments
        self.trailingComments = trailingComment.map { [$0] } ?? []
        self.blankLineBefore = blankLineBefore
        self.range = range
    }

    private final class BlockBox: Sendable {
        let block: Block
        init(_ block: Block) { self.block = block }
    }
}

/// One argument, remembering whether a comma preceded it so the formatter can keep lists as written.
public struct StatementArgument: Sendable {
    public var expression: Expression
    public var followsComma: Bool
}

/// `{ statement… }`.
public struct Block: Sendable {
    public var statements: [Statement]
    /// Comments after the last statement of the block, before `}`.
    public var trailingComments: [Comment]
    /// A comment on the line of the closing `}`.
    public var closingComment: Comment?
    public var range: SourceRange
}

/// `// text`.
public struct Comment: Sendable, Hashable {
    public var text: String
    public var range: SourceRange
    /// Whether a blank line separates this comment from what precedes it.
    public var blankLineBefore = false
}

/// An argument value or a condition. Only the recursive cases are boxed, so a plain argument (a name, a
/// string, a citation) costs no allocation of its own.
public enum Expression: Sendable {
    /// A name, or a dotted path such as `basis.sufficient` (the parts joined with `.`).
    case name(String, SourceRange)
    case string(String, SourceRange)
    /// The number as written.
    case number(String, SourceRange)
    /// The number before `%`, as written.
    case percent(String, SourceRange)
    /// A date as written; validated by the resolver.
    case date(String, SourceRange)
    /// A legal citation as written: `《婚姻登记条例》第五条`.
    case citation(String, SourceRange)
    case list([Expression], SourceRange)
    indirect case not(Expression, SourceRange)
    indirect case binary(BinaryOperator, Expression, Expression, SourceRange)
    indirect case parenthesized(Expression, SourceRange)

    public var range: SourceRange {
        switch self {
        case .name(_, let range), .string(_, let range), .number(_, let range), .percent(_, let range),
            .date(_, let range), .citation(_, let range), .list(_, let range), .not(_, let range),
            .binary(_, _, _, let range), .parenthesized(_, let range):
            range
        }
    }
}

/// Operators of conditions, lowest precedence first.
public enum BinaryOperator: String, Sendable {
    case or, and
    case equals = "="
    case notEquals = "!="
    case `in`
}
