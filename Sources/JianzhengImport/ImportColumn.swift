import JianzhengBase
import JianzhengSyntax

/// The columns the importer understands, and the header texts real lists use for each.
public enum ImportColumn: String, CaseIterable, Sendable {
    case procedureID = "procedure-id"
    case procedureName = "procedure-name"
    case department
    case territory
    case volume
    case material
    case kind
    case basis
    case issuer
    case purpose
    case note

    /// Header texts, compared after removing spaces, brackets and punctuation.
    var synonyms: [String] {
        switch self {
        case .procedureID: ["事项编码", "事项代码", "编码", "实施编码", "事项编号"]
        case .procedureName: ["事项名称", "办事事项", "服务事项", "事项", "公共服务事项名称", "服务事项名称"]
        case .department: ["实施部门", "实施主体", "办理部门", "实施机关", "索要单位", "责任单位"]
        case .territory: ["行政区划", "行政区划代码", "地域", "区划"]
        case .volume: ["年办件量", "办件量", "年办理量"]
        case .material: ["申请材料", "材料名称", "证明名称", "证明材料", "申请材料名称"]
        case .kind: ["材料类型", "类型", "材料类别"]
        case .basis: ["设定依据", "依据", "法律依据", "材料依据", "设定依据及条款"]
        case .issuer: ["开具单位", "出具单位", "开具部门", "来源渠道"]
        case .purpose: ["证明用途", "用途"]
        case .note: ["备注", "说明"]
        }
    }

    /// Columns the importer writes on export but does not read back (review results).
    static let outputOnly = ["序号", "审查结论", "理由代码", "取消替代方式", "结论", "替代方式"]

    static func normalized(_ header: String) -> String {
        header.filter { !$0.isWhitespace && !"()（）[]【】:：*＊".contains($0) }
    }

    /// The column a header names, by default synonyms or a mapping.
    static func match(_ header: String, mapping: [ImportColumn: String]) -> ImportColumn? {
        let key = normalized(header)
        if let mapped = mapping.first(where: { normalized($0.value) == key })?.key { return mapped }
        return allCases.first { column in mapping[column] == nil && column.synonyms.contains(key) }
    }
}

/// A mapping file for unusual layouts, written in the `.jz` syntax:
///
///     columns {
///       procedure-name "服务项目"
///       material       "所需要件"
///     }
public enum ColumnMapping {
    public static func parse(_ file: SourceFile) -> ([ImportColumn: String], [Diagnostic]) {
        let (tree, syntaxDiagnostics) = Parser.parse(file)
        var diagnostics = syntaxDiagnostics
        var mapping: [ImportColumn: String] = [:]
        for statement in tree.statements {
            guard statement.keyword == "columns" else {
                diagnostics.append(Diagnostic(.unknownDeclaration, "a mapping file holds one 'columns' block", at: statement.keywordRange))
                continue
            }
            for entry in statement.children {
                guard let column = ImportColumn(rawValue: entry.keyword) else {
                    let suggestion = Suggestions.closest(to: entry.keyword, among: ImportColumn.allCases.map(\.rawValue))
                    diagnostics.append(Diagnostic(
                        .unknownAttribute, "unknown column '\(entry.keyword)'", at: entry.keywordRange,
                        notes: suggestion.map { Diagnostic.Note("did you mean '\($0)'?") }))
                    continue
                }
                guard entry.arguments.count == 1, case .string(let header, _) = entry.arguments[0].expression else {
                    diagnostics.append(Diagnostic(.wrongValueType, "'\(entry.keyword)' expects the header text in quotes", at: entry.range))
                    continue
                }
                mapping[column] = header
            }
        }
        return (mapping, diagnostics)
    }
}
