// swift-tools-version:6.0
import PackageDescription

/// The executables allocate through mimalloc on Linux (apt libmimalloc-dev): linked before the C library, it serves
/// every malloc of the process. A review makes tens of millions of small allocations; with glibc's allocator the
/// 50,000-procedure review took 1.13× the wall time and 1.07× the peak memory (docs/performance.md, ninth round).
let allocator: [LinkerSetting] = [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "Jianzheng",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jianzheng", targets: ["jianzheng"]),
        .executable(name: "jianzheng-bench", targets: ["jianzheng-bench"]),
        .executable(name: "jianzheng-workbench", targets: ["jianzheng-workbench"]),
        .library(name: "Jianzheng", targets: ["Jianzheng"]),
        .library(name: "JianzhengWorkspace", targets: ["JianzhengWorkspace"]),
        // Library products used by the fuzz harnesses (fuzz/, scripts/fuzz.sh).
        .library(name: "JianzhengBase", targets: ["JianzhengBase"]),
        .library(name: "JianzhengSyntax", targets: ["JianzhengSyntax"]),
        .library(name: "JianzhengXML", targets: ["JianzhengXML"]),
        .library(name: "LegalCorpus", targets: ["LegalCorpus"]),
        .library(name: "JianzhengSpreadsheet", targets: ["JianzhengSpreadsheet"]),
        .library(name: "JianzhengImport", targets: ["JianzhengImport"]),
        .library(name: "JianzhengReports", targets: ["JianzhengReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // The workbench's HTTP server (no dependencies of its own); only jianzheng-workbench links it.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The leaf every layer shares: source files and locations, diagnostics with their codes and rendering,
        // dates, interning, byte keys, the parallel map, the unsafe-character policy, bounded input reading.
        .target(name: "JianzhengBase"),
        // The .jz front end: tokens, lexer, parser, syntax tree with ranges, formatter.
        .target(name: "JianzhengSyntax", dependencies: ["JianzhengBase"]),
        // libxml2 as a system library (apt libxml2-dev); imported only by JianzhengXML.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The safe Swift layer over libxml2: hostile-input-proof parsing, XPath, XSD validation, writing.
        .target(name: "JianzhengXML", dependencies: ["CLibXML2", "JianzhengBase"]),
        // Akoma Ntoso corpus model, citation parsing and dated resolution.
        .target(name: "LegalCorpus", dependencies: ["JianzhengXML", "JianzhengBase"]),
        // Typed model resolved from the AST, policy semantics, engine, issuing graph, burden.
        .target(name: "Jianzheng", dependencies: ["JianzhengBase", "JianzhengSyntax", "LegalCorpus"]),
        // The workspace: discovery, loading rules and law from disk, git snapshots, receipts, atomic writes.
        .target(name: "JianzhengWorkspace", dependencies: ["Jianzheng", "JianzhengBase", "JianzhengSyntax", "LegalCorpus"]),
        // zlib's inflate for reading ZIP entries (apt zlib1g-dev).
        .systemLibrary(name: "CZlibInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Spreadsheets in and out: CSV (UTF-8, GB18030) and XLSX read (own bounds-checked ZIP reader) and written.
        .target(
            name: "JianzhengSpreadsheet",
            dependencies: [
                "JianzhengBase", "JianzhengXML", "CZlibInflate", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Departmental spreadsheets to formatted .jz files, with a diagnostic per cell it cannot understand.
        .target(name: "JianzhengImport", dependencies: ["Jianzheng", "JianzhengSpreadsheet"]),
        // Renderers: terminal, explain, JSON, SARIF, hearing reports (HTML, DOCX, Markdown), published lists (XLSX, CSV).
        .target(
            name: "JianzhengReports",
            dependencies: ["Jianzheng", "JianzhengXML", "JianzhengSpreadsheet"]),
        // Records the git revision a binary is built from, for `jianzheng --version`.
        .plugin(name: "BuildRevision", capability: .buildTool()),
        // The system's SQLite (apt libsqlite3-dev): the workbench's review state.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The review workbench without its HTTP server: review state in SQLite, pages, routes, CSRF and tokens.
        .target(
            name: "JianzhengWorkbench",
            dependencies: ["Jianzheng", "JianzhengWorkspace", "JianzhengReports", "JianzhengSpreadsheet", "JianzhengSyntax", "JianzhengBase", "CSQLite"]),
        // `jianzheng serve`'s server: the workbench behind FlyingFox, bound to loopback unless a token is given.
        .executableTarget(
            name: "jianzheng-workbench",
            dependencies: [
                "JianzhengWorkbench", "JianzhengBase", .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: allocator),
        // The command-line tool: argument mapping and exit codes only.
        .executableTarget(
            name: "jianzheng",
            dependencies: [
                "Jianzheng", "JianzhengWorkspace", "JianzhengReports", "JianzhengImport", "JianzhengSpreadsheet", "LegalCorpus", "JianzhengSyntax",
                "JianzhengBase",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: allocator,
            plugins: ["BuildRevision"]
        ),
        // The benchmark: a synthetic catalogue generator and a per-phase timer (docs/performance.md).
        .executableTarget(
            name: "jianzheng-bench",
            dependencies: [
                "Jianzheng", "JianzhengWorkspace", "JianzhengReports", "LegalCorpus", "JianzhengSyntax", "JianzhengBase",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: allocator
        ),
        .testTarget(name: "JianzhengSyntaxTests", dependencies: ["JianzhengBase", "JianzhengSyntax"]),
        .testTarget(name: "JianzhengXMLTests", dependencies: ["JianzhengXML", "LegalCorpus"]),
        // The texts are read by path (ImportRoundTripTests), not bundled.
        .testTarget(name: "LegalCorpusTests", dependencies: ["LegalCorpus"], exclude: ["Texts"]),
        .testTarget(name: "JianzhengTests", dependencies: ["Jianzheng", "JianzhengWorkspace", "JianzhengReports"]),
        .testTarget(name: "JianzhengReportsTests", dependencies: ["JianzhengReports", "JianzhengWorkspace"]),
        .testTarget(
            name: "JianzhengSpreadsheetTests", dependencies: ["JianzhengSpreadsheet", "JianzhengImport", "JianzhengReports", "JianzhengWorkspace"],
            exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["jianzheng"]),
        .testTarget(name: "WorkbenchTests", dependencies: ["JianzhengWorkbench", "jianzheng-workbench", "JianzhengWorkspace", "Jianzheng"]),
    ],
    swiftLanguageModes: [.v6]
)
