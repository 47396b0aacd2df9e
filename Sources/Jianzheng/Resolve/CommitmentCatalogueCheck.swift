import JianzhengBase

/// What binding a commitment catalogue's entries to the procedures can find wrong: an entry for a material its
/// procedure does not require (the published lists would contradict each other), a pair listed twice or also
/// given terms by the requirement itself (one of them is not the one applied), and `not-for` naming a situation
/// the procedure does not declare. An entry naming an unknown procedure or material is an unknown reference.
enum CommitmentCatalogueCheck {
    /// `procedures`, when given (an overlay), limits the check to entries of those procedures and to the
    /// catalogues named in `catalogues`.
    static func check(_ catalogue: Catalogue, procedures: Set<String>? = nil, catalogues: Set<String>? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var listed: [String: [String: CommitmentCatalogue.Entry]] = [:]
        for list in catalogue.commitmentCatalogues.values.sorted(by: { $0.name < $1.name }) {
            let checkedList = catalogues?.contains(list.name) ?? true
            for entry in list.entries {
                let first = listed[entry.procedure]?[entry.material]
                if first == nil { listed[entry.procedure, default: [:]][entry.material] = entry }
                guard checkedList || procedures?.contains(entry.procedure) == true,
                    let procedure = catalogue.procedures[entry.procedure]
                else { continue }
                if let first {
                    diagnostics.append(Diagnostic(
                        .commitmentTermsTwice, "procedure '\(entry.procedure)' and material '\(entry.material)' are listed twice in the commitment catalogues",
                        at: entry.range, notes: [Diagnostic.Note("the first listing gives the terms", at: first.range)]))
                    continue
                }
                guard let requirement = procedure.requirements.first(where: { $0.material == entry.material }) else {
                    let required = procedure.requirements.map(\.material)
                    let suggestion = Suggestions.closest(to: entry.material, among: required).first
                    diagnostics.append(Diagnostic(
                        .commitmentEntryNotRequired,
                        "commitment-catalogue '\(list.name)' lists material '\(entry.material)' for procedure '\(entry.procedure)', which does not require it",
                        at: entry.materialRange,
                        notes: [Diagnostic.Note(suggestion.map { "did you mean '\($0)'?" } ?? "it requires: " + required.joined(separator: ", "))],
                        fixIts: suggestion.map { [Diagnostic.FixIt("rename", range: entry.materialRange, replacement: $0)] } ?? []))
                    continue
                }
                if let own = requirement.commitment {
                    diagnostics.append(Diagnostic(
                        .commitmentTermsTwice,
                        "procedure '\(entry.procedure)' declares its own commitment terms for material '\(entry.material)', which commitment-catalogue '\(list.name)' also lists",
                        at: own.range,
                        notes: [Diagnostic.Note("the requirement's own terms are applied; remove them to apply the catalogue's", at: entry.range)]))
                }
                let situations = procedure.situations.map(\.name)
                for name in entry.terms.notFor where !situations.contains(name) {
                    diagnostics.append(Diagnostic(
                        .unknownReference, "procedure '\(entry.procedure)' declares no situation '\(name)'", at: entry.range,
                        notes: [Diagnostic.Note(situations.isEmpty
                            ? "declare it in the procedure: situation \(name) { … }" : "declared: " + situations.joined(separator: ", "))]))
                }
            }
        }
        return diagnostics
    }
}
