import Foundation
import JianzhengBase
import JianzhengSyntax

/// The `.jz` files named on a command line: files as given, directories searched recursively.
public enum SourceSet {
    /// Directories with this name hold proposals (overlays) and are skipped when a parent directory is expanded.
    public static let proposalsDirectory = "proposals"

    /// Reads and parses every `.jz` file under `paths`, in parallel; the result is in path order.
    public static func load(_ paths: [String]) -> (files: [SourceFile], trees: [SyntaxTree], diagnostics: [Diagnostic]) {
        let (files, readDiagnostics) = read(paths)
        let parsed = ConcurrentSlots<(SyntaxTree, [Diagnostic])>.map(files) { Parser.parse($0) }
        return (files, parsed.map(\.0), readDiagnostics + parsed.flatMap(\.1))
    }

    /// Reads every `.jz` file under `paths` without parsing it, in parallel; the result is in path order.
    public static func read(_ paths: [String]) -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let filePaths = expand(paths, diagnostics: &diagnostics)
        let results = ConcurrentSlots<Result<[UInt8], Diagnostic>>.map(filePaths) { path in
            InputFile.read(path, limit: InputFile.Limit.source)
        }
        var files: [SourceFile] = []
        for (path, result) in zip(filePaths, results) {
            switch result {
            case .success(let bytes): files.append(SourceFile(path: path, bytes: bytes))
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (files, diagnostics)
    }

    /// `.jz` files under the paths, sorted, each once.
    public static func expand(_ paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.unreadableFile, "no such file or directory", at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))))
                continue
            }
            guard isDirectory.boolValue else {
                if !path.hasSuffix(".jz") {
                    diagnostics.append(Diagnostic(.notAJianzhengFile, "not a .jz file", at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))))
                } else {
                    result.append(path)
                }
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: PathName.enumerable(path))
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let components = relative.split(separator: "/")
                // Proposals are overlays, never part of the catalogue they change: name them explicitly. Hidden
                // directories (.git, .build) hold no catalogue.
                if components.contains(Substring(proposalsDirectory)) || components.contains(where: { $0.hasPrefix(".") }) {
                    enumerator?.skipDescendants()
                    continue
                }
                if relative.hasSuffix(".jz") { found.append((path as NSString).appendingPathComponent(relative)) }
            }
            result += found.sorted()
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }
}

extension SourceSet {
    /// Proposal files (`.jz` under a `proposals` directory) found under the paths, sorted.
    public static func proposals(in paths: [String]) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let enumerator = FileManager.default.enumerator(atPath: PathName.enumerable(path))
            while let relative = enumerator?.nextObject() as? String {
                if relative.hasSuffix(".jz"), relative.split(separator: "/").contains(Substring(proposalsDirectory)) {
                    result.append((path as NSString).appendingPathComponent(relative))
                }
            }
        }
        return result.sorted()
    }
}
