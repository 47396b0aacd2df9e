import JianzhengBase
/// Prints a syntax tree in the one canonical layout: two-space indentation, keys aligned within a run of
/// simple statements, one blank line between top-level declarations, every comment kept.
///
/// Formatting is idempotent and never changes meaning: the output parses to the same tree (see `SyntaxDump`).
public struct Formatter: Sendable {
    public static let indentUnit = "  "

    public init() {}

    /// The formatted text of a tree.
    public func format(_ tree: SyntaxTree) -> String {
        var output = ""
        for (position, statement) in tree.statements.enumerated() {
            let separated = position > 0 && (statement.block != nil || tree.statements[position - 1].block != nil)
            write(statement, indent: "", keyWidth: 0, first: position == 0, separated: separated, into: &output)
        }
        writeComments(tree.trailingComments, indent: "", first: tree.statements.isEmpty, separated: !tree.statements.isEmpty, into: &output)
        return output
    }

    /// Comments on their own lines, keeping a blank line where the source had one (never at the very start).
    private func writeComments(_ comments: SyntaxList<Comment>, indent: String, first: Bool, separated: Bool, into output: inout String) {
        for (position, comment) in comments.enumerated() {
            let isFirst = position == 0
            if !(first && isFirst), comment.blankLineBefore || (isFirst && separated) { output += "\n" }
            output += "\(indent)//\(comment.text)\n"
        }
    }

    /// `separated` forces a blank line before the statement's group (its comments, then itself).
    private func write(
        _ statement: Statement, indent: String, keyWidth: Int, first: Bool, separated: Bool, into output: inout String
    ) {
        writeComments(statement.leadingComments, indent: indent, first: first, separated: separated, into: &output)
        let blank = statement.blankLineBefore || (separated && statement.leadingComments.isEmpty)
        if blank, !(first && statement.leadingComments.isEmpty) { output += "\n" }
        output += indent + statement.keyword
        if !statement.arguments.isEmpty {
            output += String(repeating: " ", count: max(0, keyWidth - DisplayWidth.of(statement.keyword)))
        }
        output += Self.arguments(statement.arguments)
        guard let block = statement.block else {
            if let comment = statement.trailingComment { output += " //\(comment.text)" }
            output += "\n"
            return
        }
        output += " {"
        if let comment = statement.trailingComment { output += " //\(comment.text)" }
        output += "\n"
        let inner = indent + Self.indentUnit
        let widths = alignmentWidths(block.statements)
        for (position, child) in block.statements.enumerated() {
            write(child, indent: inner, keyWidth: widths[position], first: position == 0, separated: false, into: &output)
        }
        writeComments(block.trailingComments, indent: inner, first: block.statements.isEmpty, separated: false, into: &output)
        output += indent + "}"
        if let comment = block.closingComment { output += " //\(comment.text)" }
        output += "\n"
    }

    /// For each statement, the key width its run aligns to: a run is consecutive statements without a block,
    /// a leading comment or a blank line between them.
    private func alignmentWidths(_ statements: StatementList) -> [Int] {
        var widths = [Int](repeating: 0, count: statements.count)
        var runStart = 0
        func closeRun(_ end: Int) {
            guard runStart < end else { return }
            let width = statements[runStart..<end].map { DisplayWidth.of($0.keyword) }.max() ?? 0
            for position in runStart..<end { widths[position] = width }
        }
        for (position, statement) in statements.enumerated() {
            let breaksRun = statement.block != nil || !statement.leadingComments.isEmpty || statement.blankLineBefore
            if breaksRun {
                closeRun(position)
                runStart = statement.block != nil ? position + 1 : position
            }
        }
        closeRun(statements.count)
        return widths
    }

    /// Arguments with the separators they were written with: `, ` after a comma, else a space.
    static func arguments(_ arguments: SyntaxList<StatementArgument>) -> String {
        var text = ""
        for (position, argument) in arguments.enumerated() {
            text += position > 0 && argument.followsComma ? ", " : " "
            text += expression(argument.expression)
        }
        return text
    }

    /// The canonical text of an expression.
    public static func expression(_ expression: Expression) -> String {
        switch expression {
        case .name(let name, _): name
        case .string(let value, _): quoted(value)
        case .number(let text, _), .date(let text, _), .citation(let text, _): text
        case .percent(let text, _): text + "%"
        case .list(let elements, _): "[" + elements.map { Self.expression($0) }.joined(separator: ", ") + "]"
        case .not(let operand, _): "not " + Self.expression(operand)
        case .binary(let op, let lhs, let rhs, _): "\(Self.expression(lhs)) \(op.rawValue) \(Self.expression(rhs))"
        case .parenthesized(let inner, _): "(" + Self.expression(inner) + ")"
        }
    }

    /// A string literal with `"`, `\` and control characters escaped.
    public static func quoted(_ value: String) -> String {
        var text = String.UnicodeScalarView()
        text.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": text.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": text.append(contentsOf: "\\n".unicodeScalars)
            case "\r": text.append(contentsOf: "\\r".unicodeScalars)
            case "\t": text.append(contentsOf: "\\t".unicodeScalars)
            case _ where UnsafeCharacters.isUnsafe(scalar):
                // The lexer refuses these even as escapes; a value that holds one can only be shown, not kept.
                text.append(contentsOf: "\\u{FFFD}".unicodeScalars)
            default: text.append(scalar)
            }
        }
        text.append("\"")
        return String(text)
    }
}
