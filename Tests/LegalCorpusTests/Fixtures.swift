import Foundation

/// Paths into the repository and scratch directories for corpus tests.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpusDirectory = repositoryRoot.appendingPathComponent("legal-basis").path

    /// A fresh directory holding the given documents (the schema is compiled into the binary).
    static func corpus(_ documents: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("jz-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in documents {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory.path
    }

    /// A shipped document's text.
    static func shipped(_ relative: String) throws -> String {
        try String(contentsOfFile: corpusDirectory + "/" + relative, encoding: .utf8)
    }
}
