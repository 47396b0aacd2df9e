import Foundation
import Jianzheng
import JianzhengSpreadsheet
import JianzhengBase
import JianzhengSyntax
import LegalCorpus

/// The `.jz` files an import produces, and everything it could not understand.
public struct ImportResult: Sendable {
    /// File name and formatted text.
    public var files: [(name: String, text: String)]
    public var diagnostics: [Diagnostic]
    public var procedures: Int
    public var requirements: Int
}

/// Reads a departmental catalogue (one row per procedure and material, in the columns real lists use) and
/// writes `.jz`: a file of procedures per department, plus declarations for materials and departments the
/// rules do not know yet. Every cell it cannot understand becomes a diagnostic naming sheet, row and column,
/// and its text is kept in the output as a `note`, so nothing is lost.
public struct CatalogueImporter: Sendable {
    let catalogue: Catalogue
    let corpus: LegalCorpus
    let mapping: [ImportColumn: String]
    let territory: String

    public init(catalogue: Catalogue, corpus: LegalCorpus, mapping: [ImportColumn: String] = [:], territory: String = "CN-62") {
        self.catalogue = catalogue
        self.corpus = corpus
        self.mapping = mapping
        self.territory = territory
    }

    /// A procedure gathered from rows.
    struct ImportedProcedure {
        var id: String
        var name: String
        var department: String
        var territory: String
        var volume: Int?
        var notes: [String]
        var requirements: [ImportedRequirement]
        var row: Int
    }

    struct ImportedRequirement {
        var material: String
        var basis: [String]
        var purpose: String?
        var notes: [String]
    }

    struct NewMaterial {
        var name: String
        var kind: MaterialKind
        var issuer: String?
    }

    public func run(_ workbook: Workbook) -> ImportResult {
        var diagnostics = workbook.diagnostics
        var procedures: [ImportedProcedure] = []
        var newMaterials: [String: NewMaterial] = [:]
        var newDepartments: [String: DepartmentKind] = [:]
        var materialOrder: [String] = []
        var procedureIndex: [String: Int] = [:]
        for sheet in workbook.sheets {
            var reader = SheetReader(workbook: workbook, sheet: sheet, mapping: mapping, importer: self)
            reader.read()
            diagnostics += reader.diagnostics
            for procedure in reader.procedures {
                if let index = procedureIndex[procedure.id] {
                    procedures[index].requirements += procedure.requirements
                    diagnostics.append(Diagnostic(
                        .duplicateDeclaration, "procedure '\(procedure.id)' also appears in sheet '\(sheet.name)'; its rows are merged",
                        at: CellLocation.range(workbook, sheet: sheet.name, row: procedure.row, column: 1), severity: .warning))
                } else {
                    procedureIndex[procedure.id] = procedures.count
                    procedures.append(procedure)
                }
            }
            for name in reader.newMaterialOrder where newMaterials[name] == nil {
                newMaterials[name] = reader.newMaterials[name]
                materialOrder.append(name)
            }
            for (name, kind) in reader.newDepartments where newDepartments[name] == nil { newDepartments[name] = kind }
        }
        var files: [(String, String)] = []
        let source = (workbook.path as NSString).lastPathComponent
        if !newDepartments.isEmpty {
            var text = "// 由 jianzheng import 自 \(source) 生成：规则库中尚无的单位，请核对其类型。\n\n"
            for (name, kind) in newDepartments.sorted(by: { $0.key < $1.key }) {
                text += "department \(JZText.name(name)) {\n  kind \(kind.rawValue)\n}\n\n"
            }
            files.append(("departments.jz", text))
        }
        if !materialOrder.isEmpty {
            var text = "// 由 jianzheng import 自 \(source) 生成：规则库中尚无的材料，请补充 proves、依据与承诺条款。\n\n"
            for name in materialOrder {
                guard let material = newMaterials[name] else { continue }
                text += "material \(JZText.name(name)) {\n  kind \(material.kind.rawValue)\n"
                if let issuer = material.issuer { text += "  issuer \(JZText.name(issuer))\n" }
                text += "}\n\n"
            }
            files.append(("materials.jz", text))
        }
        let byDepartment = Dictionary(grouping: procedures, by: \.department)
        let fileNames = Self.fileNames(for: byDepartment.keys.sorted(), taken: files.map(\.0))
        for (department, fileName) in fileNames {
            var text = "// 由 jianzheng import 自 \(source) 生成：\(department)。\n\n"
            for procedure in byDepartment[department] ?? [] { text += render(procedure) }
            files.append((fileName, text))
        }
        var formatted: [(name: String, text: String)] = []
        for (name, text) in files {
            let (tree, problems) = Parser.parse(SourceFile(path: name, text: text))
            if let problem = problems.first(where: { $0.severity == .error }) {
                // The importer wrote something its own parser refuses: a bug, never a silently broken file.
                diagnostics.append(Diagnostic(
                    .unreadableFile, "internal error: the generated '\(name)' does not parse (\(problem.message)); it is not written",
                    at: SourceRange(at: SourceLocation(path: workbook.path, line: 1, column: 1))))
                continue
            }
            formatted.append((name, Formatter().format(tree)))
        }
        return ImportResult(
            files: formatted, diagnostics: Diagnostic.sorted(diagnostics), procedures: procedures.count,
            requirements: procedures.reduce(0) { $0 + $1.requirements.count })
    }

    private func render(_ procedure: ImportedProcedure) -> String {
        var text = "procedure \(Formatter.quoted(procedure.id)) \(JZText.name(procedure.name)) {\n"
        text += "  department \(JZText.name(procedure.department))\n"
        text += "  territory \(JZText.name(procedure.territory))\n"
        if let volume = procedure.volume { text += "  volume \(volume)\n" }
        for note in procedure.notes { text += "  note \(Formatter.quoted(note))\n" }
        for requirement in procedure.requirements {
            let attributes = requirement.basis.map { "    basis \(JZText.citation($0))\n" }
                + (requirement.purpose.map { ["    purpose \(Formatter.quoted($0))\n"] } ?? [])
                + (requirement.notes.isEmpty ? [] : ["    note \(Formatter.quoted(requirement.notes.joined(separator: "；")))\n"])
            text += "  requires \(JZText.name(requirement.material))"
            text += attributes.isEmpty ? "\n" : " {\n" + attributes.joined() + "  }\n"
        }
        return text + "}\n\n"
    }

    /// A file name from a department name: path separators and control characters removed.
    static func fileName(_ department: String) -> String {
        let cleaned = String(String.UnicodeScalarView(department.unicodeScalars.filter {
            !"/\\:*?\"<>|".unicodeScalars.contains($0) && !UnsafeCharacters.isRefusedInName($0)
        }))
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "未命名部门" : String(cleaned.prefix(60))
    }

    /// One file name per department, never one another's nor a name already `taken` (`materials.jz`), compared
    /// without case (some file systems ignore it): a clash gets `-2`, `-3`… in department order.
    static func fileNames(for departments: [String], taken: [String]) -> [(department: String, file: String)] {
        var used = Set(taken.map { $0.lowercased() })
        return departments.map { department in
            let base = fileName(department)
            var candidate = base + ".jz"
            var suffix = 2
            while used.contains(candidate.lowercased()) {
                candidate = "\(base)-\(suffix).jz"
                suffix += 1
            }
            used.insert(candidate.lowercased())
            return (department, candidate)
        }
    }

    /// A department kind guessed from its name.
    static func departmentKind(_ name: String) -> DepartmentKind {
        if name.contains("村民委员会") || name.contains("村委会") { return .villageCommittee }
        if name.contains("居民委员会") || name.contains("居委会") || name.contains("社区") { return .residentsCommittee }
        if name.contains("医院") || name.contains("医疗") || name.contains("卫生院") { return .hospital }
        if name.contains("学校") || name.contains("大学") || name.contains("学院") { return .school }
        if name.contains("银行") { return .bank }
        if name.contains("公证") { return .notary }
        if name.contains("单位") || name.contains("公司") { return .employer }
        return .government
    }

    /// 证明, 法定证照, 申请表, 自备材料 (and the English values).
    static func materialKind(_ text: String) -> MaterialKind? {
        let value = text.trimmed
        if let kind = MaterialKind(rawValue: value) { return kind }
        switch value {
        case "证明", "证明材料", "证明事项": return .certificate
        case "法定证照", "证照", "证件", "证照类": return .licenceOrID
        case "申请表", "表格", "申请书", "表单": return .applicationForm
        case "自备材料", "申请人自备", "申请人自备材料", "自备", "其他材料": return .selfProduced
        default: return nil
        }
    }
}
