import JianzhengBase

/// The old form of commitment terms: declared once on a material and reused by every procedure that requires it.
/// What an applicant promises, and who audits it, depend on the procedure (继承公证 must not promise "参保人已死亡"
/// to 人社); terms a material's procedures of several departments share are a warning pointing to the new form —
/// a `commitment` on each requirement, or on the condition it proves. The old form still reads and decides.
enum SharedCommitmentTerms {
    static func check(_ catalogue: Catalogue) -> [Diagnostic] {
        // The materials with terms, by their names' bytes (names are matched as written, JZ2016; hashing bytes is
        // much cheaper than hashing Chinese text as Unicode).
        var withTerms: [Utf8Key: Material] = [:]
        for (name, material) in catalogue.materials where material.commitment != nil { withTerms[Utf8Key(name)] = material }
        guard !withTerms.isEmpty else { return [] }
        // For each material with terms of its own: the departments of the procedures that rely on them, by the
        // material's identity (most materials are required by one procedure: one department, no set).
        var relying: [ObjectIdentifier: Reliance] = [:]
        for procedure in catalogue.orderedProcedures {
            for requirement in procedure.requirements where requirement.commitment == nil {
                guard let material = withTerms[Utf8Key(requirement.material)] else { continue }
                let conditional = requirement.evidenceOf.contains { procedure.condition(named: $0)?.commitment != nil }
                guard !conditional else { continue }
                if let index = relying.index(forKey: ObjectIdentifier(material)) {
                    relying.values[index].add(procedure.department)
                } else {
                    relying[ObjectIdentifier(material)] = Reliance(name: requirement.material, material: material, first: procedure.department)
                }
            }
        }
        let shared = relying.values.filter { !$0.others.isEmpty }.sorted { $0.name < $1.name }
        return shared.compactMap { reliance in
            guard let terms = reliance.material.commitment else { return nil }
            let departments = ([reliance.first] + reliance.others).sorted()
            let auditor = terms.auditor.map { "audited by '\($0)' for every one of them" } ?? "audited by each procedure's department"
            return Diagnostic(
                .sharedCommitmentTerms,
                "the commitment terms of material '\(reliance.name)' are reused by procedures of \(departments.count) departments (\(departments.joined(separator: ", "))), \(auditor)",
                at: terms.range,
                notes: [
                    Diagnostic.Note("declare the terms where they hold: `commitment { text … method … }` inside each `requires \(reliance.name) { … }`, or on the condition it proves"),
                    Diagnostic.Note("the terms on the material remain the default for a requirement that declares none"),
                ])
        }
    }

    /// The procedures' departments relying on one material's terms: the first, and any others.
    private struct Reliance {
        /// The material's name as the first requirement relying on it writes it.
        let name: String
        let material: Material
        let first: String
        private(set) var others: Set<String> = []

        init(name: String, material: Material, first: String) {
            self.name = name
            self.material = material
            self.first = first
        }

        mutating func add(_ department: String) {
            if department != first { others.insert(department) }
        }
    }
}
