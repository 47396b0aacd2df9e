import JianzhengBase
/// A textual dump of a syntax tree without source positions or layout, used to compare trees:
/// two files that dump equal have the same statements, arguments, separators and comments.
public enum SyntaxDump {
    public static func dump(_ tree: SyntaxTree) -> String {
        var output = ""
        for statement in tree.statements { dump(statement, depth: 0, into: &output) }
        for comment in tree.trailingComments { output += "comment \(comment.text)\n" }
        return output
    }

    private static func dump(_ statement: Statement, depth: Int, into output: inout String) {
        let indent = String(repeating: "  ", count: depth)
        for comment in statement.leadingComments { output += "\(indent)comment \(comment.text)\n" }
        output += "\(indent)(\(statement.keyword)"
        for argument in statement.arguments {
            output += argument.followsComma ? " ," : ""
            output += " " + dump(argument.expression)
        }
        output += ")"
        if let comment = statement.trailingComment { output += " comment \(comment.text)" }
        output += "\n"
        guard let block = statement.block else { return }
        for child in block.statements { dump(child, depth: depth + 1, into: &output) }
        for comment in block.trailingComments { output += "\(indent)  comment \(comment.text)\n" }
        output += "\(indent)end"
        if let comment = block.closingComment { output += " comment \(comment.text)" }
        output += "\n"
    }

    /// A fully parenthesised form of an expression.
    public static func dump(_ expression: Expression) -> String {
        switch expression {
        case .name(let name, _): "name:" + name
        case .string(let value, _): "string:" + Formatter.quoted(value)
        case .number(let text, _): "number:" + text
        case .percent(let text, _): "percent:" + text
        case .date(let text, _): "date:" + text
        case .citation(let text, _): "citation:" + text
        case .list(let elements, _): "[" + elements.map(dump).joined(separator: " ") + "]"
        case .not(let operand, _): "(not " + dump(operand) + ")"
        case .binary(let op, let lhs, let rhs, _): "(\(op.rawValue) \(dump(lhs)) \(dump(rhs)))"
        case .parenthesized(let inner, _): "(paren " + dump(inner) + ")"
        }
    }
}
