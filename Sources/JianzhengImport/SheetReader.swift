import Foundation
import Jianzheng
import JianzhengSpreadsheet
import JianzhengBase
import JianzhengSyntax
import LegalCorpus

/// Reads one sheet: finds the header row, maps columns, and turns rows into procedures and requirements.
struct SheetReader {
    let workbook: Workbook
    let sheet: Sheet
    let mapping: [ImportColumn: String]
    let importer: CatalogueImporter

    private(set) var diagnostics: [Diagnostic] = []
    private(set) var procedures: [CatalogueImporter.ImportedProcedure] = []
    private(set) var newMaterials: [String: CatalogueImporter.NewMaterial] = [:]
    /// The names of `newMaterials` in the order the sheet first mentions them.
    private(set) var newMaterialOrder: [String] = []
    private(set) var newDepartments: [String: DepartmentKind] = [:]
    /// Where each procedure of `procedures` is, by id.
    private var procedureIndex: [String: Int] = [:]

    private var columns: [ImportColumn: Int] = [:]
    private var headers: [Int: String] = [:]

    init(workbook: Workbook, sheet: Sheet, mapping: [ImportColumn: String], importer: CatalogueImporter) {
        self.workbook = workbook
        self.sheet = sheet
        self.mapping = mapping
        self.importer = importer
    }

    mutating func read() {
        guard sheet.rows.contains(where: { $0.contains { !$0.trimmed.isEmpty } }) else { return }
        guard let headerRow = findHeader() else {
            report(.missingAttribute, "sheet not imported: no header row with 事项编码, 事项名称 and 申请材料 in the first 10 rows (use --mapping for other layouts)",
                row: 1, column: 1, severity: .warning)
            return
        }
        var previous: CatalogueImporter.ImportedProcedure?
        var previousRow = headerRow
        for rowNumber in (headerRow + 1)...max(sheet.rows.count, headerRow + 1) where rowNumber <= sheet.rows.count {
            let row = sheet.rows[rowNumber - 1]
            if row.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            guard namesAreSafe(rowNumber) else { continue }
            guard var procedure = procedureCells(rowNumber, continuing: previous, previousRow: previousRow) else { continue }
            if let requirement = requirementCells(rowNumber, procedure: procedure) {
                if let existing = procedure.requirements.firstIndex(where: { $0.material == requirement.material }) {
                    report(.duplicateAttribute, "'\(requirement.material)' is listed twice for \(procedure.id); the rows are merged", row: rowNumber,
                        column: columns[.material] ?? 1, severity: .warning)
                    procedure.requirements[existing].basis += requirement.basis.filter { !procedure.requirements[existing].basis.contains($0) }
                    procedure.requirements[existing].notes += requirement.notes
                } else {
                    procedure.requirements.append(requirement)
                }
            }
            if previous?.id == procedure.id {
                procedures[procedures.count - 1] = procedure
            } else {
                if procedureIndex[procedure.id] == nil { procedureIndex[procedure.id] = procedures.count }
                procedures.append(procedure)
            }
            previous = procedure
            previousRow = rowNumber
        }
    }

    /// Whether the cells that become names (procedure, department, material, issuer) are free of control
    /// characters, line breaks and bidirectional overrides; each one that is not is an error and the row is skipped.
    private mutating func namesAreSafe(_ row: Int) -> Bool {
        var safe = true
        for column in [ImportColumn.procedureID, .procedureName, .department, .material, .issuer] {
            guard let index = columns[column], let scalar = UnsafeCharacters.firstRefusedInName(sheet.cell(row: row, column: index).trimmed)
            else { continue }
            report(.controlCharacter, "\(header(column)) contains \(UnsafeCharacters.describe(scalar)), which a name may not contain; the row is not imported",
                row: row, column: index)
            safe = false
        }
        return safe
    }

    /// The first row (of the first ten) naming the three required columns; records every column it names.
    private mutating func findHeader() -> Int? {
        for rowNumber in 1...min(10, sheet.rows.count) {
            var found: [ImportColumn: Int] = [:]
            for (index, text) in sheet.rows[rowNumber - 1].enumerated() where !text.trimmed.isEmpty {
                if let column = ImportColumn.match(text, mapping: mapping), found[column] == nil { found[column] = index + 1 }
            }
            guard found[.procedureID] != nil, found[.procedureName] != nil, found[.material] != nil else { continue }
            columns = found
            for (index, text) in sheet.rows[rowNumber - 1].enumerated() where !text.trimmed.isEmpty {
                headers[index + 1] = text
                let known = found.values.contains(index + 1) || ImportColumn.outputOnly.contains(ImportColumn.normalized(text))
                if !known {
                    report(.unknownAttribute, "column '\(text)' is not imported; its cells are kept as notes", row: rowNumber, column: index + 1, severity: .warning)
                }
            }
            return rowNumber
        }
        return nil
    }

    private func value(_ column: ImportColumn, _ row: Int) -> String {
        columns[column].map { sheet.cell(row: row, column: $0).trimmed } ?? ""
    }

    /// The procedure a row belongs to; empty key cells continue the previous row's procedure, with a warning.
    private mutating func procedureCells(
        _ row: Int, continuing previous: CatalogueImporter.ImportedProcedure?, previousRow: Int
    ) -> CatalogueImporter.ImportedProcedure? {
        var id = value(.procedureID, row)
        var name = value(.procedureName, row)
        if id.isEmpty || name.isEmpty {
            guard let previous, id.isEmpty || id == previous.id else {
                for column in [ImportColumn.procedureID, .procedureName] where value(column, row).isEmpty {
                    report(.missingAttribute, "empty \(header(column)): the row cannot be placed in a procedure and is not imported", row: row, column: columns[column] ?? 1)
                }
                return nil
            }
            for column in [ImportColumn.procedureID, .procedureName] where value(column, row).isEmpty {
                report(.missingAttribute, "empty \(header(column)); continued from row \(previousRow) (\(previous.id))", row: row,
                    column: columns[column] ?? 1, severity: .warning)
            }
            id = previous.id
            name = name.isEmpty ? previous.name : name
        }
        if let previous, previous.id == id {
            if !name.isEmpty, name != previous.name {
                report(.wrongValueType, "\(id) is named '\(previous.name)' in row \(previous.row) but '\(name)' here; the first name is kept", row: row, column: columns[.procedureName] ?? 1)
            }
            return previous
        }
        if let earlier = procedureIndex[id].map({ procedures[$0] }) {
            report(.duplicateDeclaration, "\(id) already appeared from row \(earlier.row); rows of one procedure should be together", row: row,
                column: columns[.procedureID] ?? 1, severity: .warning)
        }
        var department = value(.department, row)
        if department.isEmpty {
            report(.missingAttribute, "empty \(header(.department)); recorded as 未注明部门", row: row, column: columns[.department] ?? 1)
            department = "未注明部门"
        }
        noteDepartment(department)
        var notes: [String] = []
        var volume: Int?
        let volumeText = value(.volume, row)
        if !volumeText.isEmpty {
            let digits = volumeText.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "").replacingOccurrences(of: "件", with: "")
            volume = Int(digits).flatMap { $0 >= 0 ? $0 : nil }
            if volume == nil {
                report(.wrongValueType, "\(header(.volume)) '\(volumeText)' is not a whole number; kept as a note", row: row, column: columns[.volume] ?? 1)
                notes.append("年办件量原文：\(volumeText)")
                volume = nil
            }
        }
        let area = value(.territory, row)
        return CatalogueImporter.ImportedProcedure(
            id: id, name: name, department: department, territory: area.isEmpty ? importer.territory : area, volume: volume,
            notes: notes, requirements: [], row: row)
    }

    private mutating func requirementCells(_ row: Int, procedure: CatalogueImporter.ImportedProcedure) -> CatalogueImporter.ImportedRequirement? {
        let material = value(.material, row)
        guard !material.isEmpty else {
            report(.missingAttribute, "empty \(header(.material)): no material to import in this row", row: row, column: columns[.material] ?? 1)
            return nil
        }
        var notes: [String] = []
        let kindText = value(.kind, row)
        let kind = kindText.isEmpty ? nil : CatalogueImporter.materialKind(kindText)
        if !kindText.isEmpty, kind == nil {
            report(.unknownValue, "unknown \(header(.kind)) '\(kindText)': expected 证明, 法定证照, 申请表 or 自备材料", row: row, column: columns[.kind] ?? 1)
            notes.append("材料类型原文：\(kindText)")
        }
        let issuer = value(.issuer, row)
        if let known = importer.catalogue.materials[material] {
            if let kind, kind != known.kind {
                report(.wrongValueType, "'\(material)' is a \(known.kind.rawValue) in the rules but '\(kindText)' here", row: row, column: columns[.kind] ?? 1, severity: .warning)
            }
        } else if newMaterials[material] == nil {
            report(.unknownReference, "unknown material '\(material)': declared in materials.jz as a \((kind ?? .certificate).rawValue); review it", row: row,
                column: columns[.material] ?? 1, severity: .warning)
            if !issuer.isEmpty { noteDepartment(issuer) }
            newMaterials[material] = CatalogueImporter.NewMaterial(name: material, kind: kind ?? .certificate, issuer: issuer.isEmpty ? nil : issuer)
            newMaterialOrder.append(material)
        }
        var basis: [String] = []
        let basisText = value(.basis, row)
        for part in basisText.split(whereSeparator: { "；;\n\r".contains($0) }).map({ String($0).trimmed }) where !part.isEmpty {
            if part == "无" || part == "暂无" { continue }
            let resolved = importer.corpus.resolve(part)
            switch resolved.problem {
            case .malformed(let message):
                // Kept as the basis (written as a quoted citation): unparseable is not absent.
                report(.malformedCitation, "unparseable citation '\(part)' in \(header(.basis)): \(message); kept as the basis, to verify", row: row,
                    column: columns[.basis] ?? 1, severity: .warning)
                basis.append(part)
            case .unknownAct(let suggestions):
                // Kept as the basis: the review holds the requirement pending verification, never removes it.
                report(.unknownAct, "'\(resolved.citation.actName)' is not in the legal-basis corpus" + (suggestions.first.map { " (did you mean '\($0)'?)" } ?? "")
                    + "; kept as the basis, to verify", row: row, column: columns[.basis] ?? 1, severity: .warning)
                basis.append(resolved.citation.description)
            case .unknownProvision(let eId):
                report(.unknownProvision, "'\(resolved.act?.title ?? "")' has no provision \(eId); kept as the basis, to verify", row: row,
                    column: columns[.basis] ?? 1, severity: .warning)
                basis.append(resolved.citation.description)
            default:
                basis.append(part.hasPrefix("《") ? resolved.citation.description : part)
            }
        }
        let purpose = value(.purpose, row)
        let note = value(.note, row)
        if !note.isEmpty { notes.append(note) }
        for (column, header) in headers.sorted(by: { $0.key < $1.key }) where !columns.values.contains(column) && !ImportColumn.outputOnly.contains(ImportColumn.normalized(header)) {
            let text = sheet.cell(row: row, column: column).trimmed
            if !text.isEmpty { notes.append("\(header)：\(text)") }
        }
        return CatalogueImporter.ImportedRequirement(material: material, basis: basis, purpose: purpose.isEmpty ? nil : purpose, notes: notes)
    }

    private mutating func noteDepartment(_ name: String) {
        guard importer.catalogue.departments[name] == nil, newDepartments[name] == nil else { return }
        newDepartments[name] = CatalogueImporter.departmentKind(name)
    }

    private func header(_ column: ImportColumn) -> String {
        columns[column].flatMap { headers[$0] } ?? column.synonyms[0]
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, row: Int, column: Int, severity: Diagnostic.Severity? = nil) {
        let letter = ColumnName.letters(column)
        diagnostics.append(Diagnostic(
            code, "\(message) (sheet '\(sheet.name)', row \(row), column \(letter))",
            at: CellLocation.range(workbook, sheet: sheet.name, row: row, column: column), severity: severity))
    }
}

extension String {
    /// Without leading and trailing whitespace, the ideographic space included; the string itself when there is
    /// none (the common case, checked without building anything).
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return self }
        let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
        guard start < scalars.endIndex, let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
