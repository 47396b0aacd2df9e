import JianzhengBase
/// The syntax tree of a `.jz` file.
///
/// The language has one shape: a statement is a keyword, arguments, and an optional block of further
/// statements. `material 居民户口簿 { kind licence-or-id }`, `requires 无犯罪记录证明 { basis 《…》第十五条 }` and
/// `when not basis.sufficient` are all statements. What each keyword means and accepts is decided by the
/// resolver in the core module, not by the grammar; this keeps the grammar small, the formatter generic and
/// the error recovery simple.
///
/// A catalogue's tree holds millions of statements, so the tree is flat: every statement, block, argument and
/// comment of a file is a record in one array of its kind (`SyntaxStorage`), a block's statements are a range of
/// the statement records, and `Statement` and `Block` are views (the storage and a position). Parsing a file
/// allocates a handful of arrays, not several objects per statement, and dropping the tree frees them at once.
public struct SyntaxTree: Sendable {
    public let file: SourceFile
    let storage: SyntaxStorage
    private let topLevel: Range<Int32>
    private let trailing: Range<Int32>

    init(file: SourceFile, storage: SyntaxStorage, statements: Range<Int32>, trailingComments: Range<Int32>) {
        self.file = file
        self.storage = storage
        topLevel = statements
        trailing = trailingComments
    }

    /// The top-level statements.
    public var statements: StatementList { StatementList(storage: storage, range: topLevel) }
    /// Comments after the last statement.
    public var trailingComments: SyntaxList<Comment> { SyntaxList(storage.comments, trailing) }
}

/// The records of one file's tree, filled by the parser and read-only afterwards.
final class SyntaxStorage: Sendable {
    /// A statement's fields, plain values only (its keyword is a position in `keywords`), so records are copied and
    /// freed as bytes, without reference counting.
    struct StatementRecord: Sendable {
        var keyword: Int32
        var keywordRange: SourceRange
        var range: SourceRange
        var arguments: Range<Int32>
        var leadingComments: Range<Int32>
        /// Position of the comment at the end of the first line in `comments`, or -1.
        var trailingComment: Int32 = -1
        /// Position of the block in `blocks`, or -1.
        var block: Int32 = -1
        var blankLineBefore = false
    }

    struct BlockRecord: Sendable {
        var statements: Range<Int32>
        var trailingComments: Range<Int32>
        /// Position of the comment on the closing `}`'s line in `comments`, or -1.
        var closingComment: Int32
        var range: SourceRange
    }

    let statements: [StatementRecord]
    let blocks: [BlockRecord]
    let arguments: [StatementArgument]
    let comments: [Comment]
    /// The file's distinct keywords, each once (a catalogue has a few dozen and millions of statements).
    let keywords: [String]

    init(statements: [StatementRecord], blocks: [BlockRecord], arguments: [StatementArgument], comments: [Comment], keywords: [String]) {
        self.statements = statements
        self.keywords = keywords
        self.blocks = blocks
        self.arguments = arguments
        self.comments = comments
    }

    func comment(at position: Int32) -> Comment? { position < 0 ? nil : comments[Int(position)] }
}

/// A run of a tree's records (arguments, comments) as a collection indexed from zero.
public struct SyntaxList<Element: Sendable>: RandomAccessCollection, Sendable {
    private let base: [Element]
    private let offset: Int
    public let count: Int

    init(_ base: [Element], _ range: Range<Int32>) {
        self.base = base
        offset = Int(range.lowerBound)
        count = range.count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "index out of range")
        return base[offset + position]
    }
}

/// The statements of a file or of a block, indexed from zero.
public struct StatementList: RandomAccessCollection, Sendable {
    private let storage: SyntaxStorage?
    private let offset: Int
    public let count: Int

    init(storage: SyntaxStorage, range: Range<Int32>) {
        self.storage = storage
        offset = Int(range.lowerBound)
        count = range.count
    }

    /// No statements (a declaration without a block).
    public init() {
        storage = nil
        offset = 0
        count = 0
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> Statement {
        precondition(position >= 0 && position < count, "index out of range")
        // A non-empty list always has its storage.
        return Statement(storage: storage.unsafelyUnwrapped, index: offset + position)
    }
}

/// `keyword argument… [{ statement… }]`.
public struct Statement: Sendable {
    private let storage: SyntaxStorage
    private let index: Int

    init(storage: SyntaxStorage, index: Int) {
        self.storage = storage
        self.index = index
    }

    public var keyword: String { storage.keywords[Int(storage.statements[index].keyword)] }
    public var keywordRange: SourceRange { storage.statements[index].keywordRange }
    public var arguments: SyntaxList<StatementArgument> { SyntaxList(storage.arguments, storage.statements[index].arguments) }
    public var block: Block? {
        let position = storage.statements[index].block
        return position < 0 ? nil : Block(storage: storage, index: Int(position))
    }
    /// The block's statements; none when the statement has no block.
    public var children: StatementList {
        let position = storage.statements[index].block
        return position < 0 ? StatementList() : StatementList(storage: storage, range: storage.blocks[Int(position)].statements)
    }
    /// Comments on their own lines just before this statement.
    public var leadingComments: SyntaxList<Comment> { SyntaxList(storage.comments, storage.statements[index].leadingComments) }
    /// A comment at the end of the statement's first line.
    public var trailingComment: Comment? { storage.comment(at: storage.statements[index].trailingComment) }
    /// Whether one or more blank lines separate this statement's keyword from what precedes it
    /// (its own leading comments, or the previous statement).
    public var blankLineBefore: Bool { storage.statements[index].blankLineBefore }
    public var range: SourceRange { storage.statements[index].range }
}

/// One argument, remembering whether a comma preceded it so the formatter can keep lists as written.
public struct StatementArgument: Sendable {
    public var expression: Expression
    public var followsComma: Bool
}

/// `{ statement… }`.
public struct Block: Sendable {
    private let storage: SyntaxStorage
    private let index: Int

    init(storage: SyntaxStorage, index: Int) {
        self.storage = storage
        self.index = index
    }

    public var statements: StatementList { StatementList(storage: storage, range: storage.blocks[index].statements) }
    /// Comments after the last statement of the block, before `}`.
    public var trailingComments: SyntaxList<Comment> { SyntaxList(storage.comments, storage.blocks[index].trailingComments) }
    /// A comment on the line of the closing `}`.
    public var closingComment: Comment? { storage.comment(at: storage.blocks[index].closingComment) }
    public var range: SourceRange { storage.blocks[index].range }
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
