import JianzhengBase

/// The old form of commitment terms: declared once on a material and reused by every procedure that requires it.
/// What an applicant promises, and who audits it, depend on the procedure (继承公证 must not promise "参保人已死亡"
/// to 人社); terms a material's procedures of several departments share are a warning pointing to the new form —
/// a `commitment` on each requirement, or on the condition it proves. The old form still reads and decides.
enum SharedCommitmentTerms {
    static func check(_ catalogue: Catalogue) -> [Diagnostic] {
        // For each material with terms of its own: the departments of the procedures that rely on them.
        var relying: [String: Set<String>] = [:]
        for procedure in catalogue.orderedProcedures {
            for requirement in procedure.requirements where requirement.commitment == nil {
                guard catalogue.materials[requirement.material]?.commitment != nil else { continue }
                let conditional = requirement.evidenceOf.contains { procedure.condition(named: $0)?.commitment != nil }
                if !conditional { relying[requirement.material, default: []].insert(procedure.department) }
            }
        }
        return relying.keys.sorted().compactMap { name in
            guard let departments = relying[name], departments.count > 1, let terms = catalogue.materials[name]?.commitment else { return nil }
            let auditor = terms.auditor.map { "audited by '\($0)' for every one of them" } ?? "audited by each procedure's department"
            return Diagnostic(
                .sharedCommitmentTerms,
                "the commitment terms of material '\(name)' are reused by procedures of \(departments.count) departments (\(departments.sorted().joined(separator: ", "))), \(auditor)",
                at: terms.range,
                notes: [
                    Diagnostic.Note("declare the terms where they hold: `commitment { text … method … }` inside each `requires \(name) { … }`, or on the condition it proves"),
                    Diagnostic.Note("the terms on the material remain the default for a requirement that declares none"),
                ])
        }
    }
}
