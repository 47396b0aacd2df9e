import ArgumentParser
import Foundation
import Jianzheng
import JianzhengWorkspace
import JianzhengReports
import JianzhengBase
import JianzhengSyntax
import LegalCorpus

#if canImport(Glibc)
import Glibc
#endif

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jianzheng-bench", abstract: "Generate synthetic catalogues and time the review phase by phase.",
        subcommands: [Generate.self, Run.self, Parse.self, Corpus.self])
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a synthetic catalogue (from any directory: the corpus schema is compiled in).")

    @Option var procedures = 1000
    @Option var seed: UInt64 = 1
    @Option var out: String
    @Option(help: "realistic (materials per procedure, hubs, items; the default) or shared-pool (materials drawn from one pool).")
    var shape = "realistic"
    @ArgumentParser.Flag(inversion: .prefixedNo, help: "Also write baseline.json (realistic shape), the plain form the baseline script reads; it is built in memory (13 GB at 500,000 procedures), so the largest catalogues are written without it.")
    var baseline = true

    func run() throws {
        let started = Date()
        let directory = URL(fileURLWithPath: out)
        let (files, bytes): (Int, Int)
        switch shape {
        case "realistic":
            (files, bytes) = try RealisticCatalogueGenerator(procedures: procedures, seed: seed, directory: directory, writesBaseline: baseline).run()
        case "shared-pool": (files, bytes) = try CatalogueGenerator(procedures: procedures, seed: seed, directory: directory).run()
        default: throw ValidationError("--shape takes realistic or shared-pool, not '\(shape)'")
        }
        print("wrote \(files) files, \(bytes / 1_000_000) MB in \(String(format: "%.1f", Date().timeIntervalSince(started))) s to \(out)")
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time each phase of a review of a generated catalogue.")

    @Option var dir: String
    @Option var runs = 3
    @Option(help: "Output to time: compact (JSON lines), full (the JSON document with traces) or none.")
    var output = "compact"
    @Option(help: "Also time a one-procedure what-if on the resolved catalogue.")
    var whatIf = true

    func run() throws {
        var samples: [String: [(wall: Double, cpu: Double)]] = [:]
        var order: [String] = []
        var whatIfOrder: [String] = []
        var whatIfNote = ""
        var parseThroughput: [Double] = []
        var residentAfter: [String: Double] = [:]
        var requirements = 1
        var stats = ""
        for _ in 0..<runs {
            var clock = PhaseClock()
            var record: (String) -> Void = { _ in }
            record = { name in
                let lap = clock.lap()
                if samples[name] == nil { order.append(name) }
                samples[name, default: []].append(lap)
                // The first run's: later runs reuse memory the allocator kept from the earlier ones.
                if residentAfter[name] == nil { residentAfter[name] = PhaseClock.residentMB() }
            }
            let (corpus, corpusDiagnostics) = CorpusLoader.load(directory: dir + "/legal-basis")
            record("load corpus")
            // As in `Workspace.load`: files parsed and read in parallel, each syntax tree dropped once read.
            let (files, readDiagnostics) = SourceSet.read([dir + "/rules", dir + "/catalogue"])
            let (fileCount, bytes) = (files.count, files.reduce(0) { $0 + $1.bytes.count })
            record("read files")
            // As `review` does (`Workspace.load` without the text): each file's text is let go once it is read.
            let (catalogue, resolveDiagnostics) = CatalogueBuilder.build(files: consume files, corpus: corpus, phase: record)
            let errors = (corpusDiagnostics + readDiagnostics + resolveDiagnostics).filter { $0.severity == .error }
            if !errors.isEmpty {
                throw ValidationError("\(errors.count) errors, first: " + DiagnosticRenderer().line(errors[0]))
            }
            let session = try ReviewSession(
                catalogue: catalogue, corpus: corpus, asOf: CalendarDate(year: 2026, month: 1, day: 1)!, policy: "基准政策", phase: record)
            let review = session.review
            requirements = max(1, review.decisions.count)
            switch output {
            case "full":
                ReviewDocument(review).write { FileHandle.nullDevice.write(Data($0)) }
                record("write JSON (full)")
            case "compact":
                var writer = CompactReviewWriter(handle: FileHandle.nullDevice)
                writer.write(review)
                record("write JSON (compact)")
            default: break
            }
            // Not part of the total: lexing and parsing alone on one core, for its throughput (the files read again
            // outside the clock).
            let (sources, _) = SourceSet.read([dir + "/rules", dir + "/catalogue"])
            _ = clock.lap()
            for file in sources { _ = Parser.parse(file) }
            let parsing = clock.lap()
            parseThroughput.append(Double(bytes) / parsing.cpu / 1e6)
            if whatIf {
                // Not part of the total: a department's one-procedure change, layered on the reviewed catalogue
                // (the proposal is written before the clock starts: picking its material is the benchmark's work).
                let proposal = try oneProcedureProposal(session)
                _ = clock.lap()
                let whatIfDiff = try whatIf(proposal, on: session)
                let lap = clock.lap()
                // The session would otherwise be freed right after its last use, inside the lap: tearing down the
                // reviewed catalogue is not the what-if's work.
                withExtendedLifetime(session) {}
                if samples["what-if (1 procedure)"] == nil { whatIfOrder.append("what-if (1 procedure)") }
                samples["what-if (1 procedure)", default: []].append(lap)
                whatIfNote = "what-if: \(whatIfDiff.changes.count) requirement changes, \(whatIfDiff.findings.count) findings"
            }
            stats = "\(catalogue.procedures.count) procedures, \(review.decisions.count) decisions, \(review.cycles.count) cycles, "
                + "\(corpus.acts.count) acts, \(fileCount) .jz files (\(bytes / 1_000_000) MB)"
        }
        print(stats)
        // Resident memory per requirement after each phase: the figure that decides how large a catalogue fits.
        print("phase                      wall ms (median)   cpu ms (median)   RSS after, first run (MB)   RSS bytes/requirement")
        var totalWall = 0.0, totalCPU = 0.0
        for name in order {
            let wall = median(samples[name]!.map(\.wall)), cpu = median(samples[name]!.map(\.cpu))
            totalWall += wall
            totalCPU += cpu
            print(name.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(format: "%10.0f %18.0f %27.0f %23.0f", wall * 1000, cpu * 1000, residentAfter[name] ?? 0,
                    (residentAfter[name] ?? 0) * 1e6 / Double(requirements)))
        }
        print("total".padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%10.0f %18.0f", totalWall * 1000, totalCPU * 1000))
        print(String(format: "lex+parse alone, one core: %.0f MB/s (median)", median(parseThroughput)))
        for name in whatIfOrder {
            let wall = median(samples[name]!.map(\.wall)), cpu = median(samples[name]!.map(\.cpu))
            print(name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%10.1f %18.1f", wall * 1000, cpu * 1000)
                + String(format: "   (%.2f%% of the total wall time)", 100 * wall / totalWall))
            print(whatIfNote)
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(String(format: "peak RSS %.0f MB", Double(usage.ru_maxrss) / 1024))
    }

    /// Replaces the procedure in the middle of the catalogue: its last requirement dropped, another material added.
    /// The procedure in the middle of the catalogue with its last requirement dropped and another material added.
    private func oneProcedureProposal(_ session: ReviewSession) throws -> SyntaxTree {
        let catalogue = session.catalogue
        let procedure = catalogue.procedures[catalogue.procedureOrder[catalogue.procedureOrder.count / 2]]!
        let kept = procedure.requirements.dropLast().map { "  requires \"\($0.material)\"\n" }.joined()
        let added = catalogue.materials.keys.min()!
        let text = "procedure \"\(procedure.id)\" \(procedure.name) {\n  department \"\(procedure.department)\"\n"
            + "  territory \(procedure.territory)\n  volume \(procedure.volume)\n\(kept)  requires \"\(added)\"\n}\n"
        let (tree, parseDiagnostics) = Parser.parse(SourceFile(path: "what-if.jz", text: text))
        guard parseDiagnostics.isEmpty else { throw ValidationError("what-if proposal does not parse: " + parseDiagnostics.map(\.message).joined(separator: "; ")) }
        return tree
    }

    /// What `jianzheng diff --with` does with the proposal: layered on the reviewed catalogue, decided and compared.
    private func whatIf(_ proposal: SyntaxTree, on session: ReviewSession) throws -> ReviewDiff {
        let whatIf = try session.whatIf([proposal])
        guard let diff = session.diff(whatIf) else {
            throw ValidationError("what-if proposal rejected: " + whatIf.diagnostics.map(\.message).joined(separator: "; "))
        }
        return diff
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

/// Lexing alone and lexing with parsing, on one core, over every `.jz` file of a generated catalogue: the
/// throughput target of issue 20 (lex + parse ≥ 150 MB/s per core), without the rest of the review around it.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time lexing and parsing alone, one core, in MB/s.")

    @Option var dir: String
    @Option var runs = 5

    func run() throws {
        let (files, diagnostics) = SourceSet.read([dir + "/rules", dir + "/catalogue"])
        if let error = diagnostics.first(where: { $0.severity == .error }) {
            throw ValidationError(DiagnosticRenderer().line(error))
        }
        let megabytes = Double(files.reduce(0) { $0 + $1.bytes.count }) / 1e6
        var lexing: [Double] = [], parsing: [Double] = [], parsingEach: [Double] = []
        var tokens = 0, statements = 0
        for _ in 0..<runs {
            var clock = PhaseClock()
            tokens = 0
            statements = 0
            for file in files {
                var lexer = Lexer(file: file)
                tokens += lexer.tokenize().count
            }
            lexing.append(megabytes / clock.lap().cpu)
            for file in files { _ = Parser.parse(file) }
            parsing.append(megabytes / clock.lap().cpu)
            for file in files { _ = Parser.parseEach(file) { _ in statements += 1 } }
            parsingEach.append(megabytes / clock.lap().cpu)
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        print(String(format: "%d files, %.1f MB, %d tokens, %d top-level statements", files.count, megabytes, tokens, statements))
        print(String(format: "lex alone: %.0f MB/s, lex + parse into one tree per file: %.0f MB/s, lex + parse one statement at a time "
            + "(as review reads): %.0f MB/s (CPU time, one core, median of %d)",
            median(lexing), median(parsing), median(parsingEach), runs))
    }
}

struct Corpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time loading the legal-basis corpus from XML (parse, validate, read), and print a digest of what was read.")

    @Option var dir: String
    @Option var runs = 5

    func run() throws {
        let directory = dir + "/legal-basis"
        var walls: [Double] = [], cpus: [Double] = []
        var corpus = LegalCorpus(acts: [])
        var diagnostics: [Diagnostic] = []
        for _ in 0..<runs {
            var clock = PhaseClock()
            (corpus, diagnostics) = CorpusLoader.loadUncached(directory: directory)
            let lap = clock.lap()
            walls.append(lap.wall)
            cpus.append(lap.cpu)
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        // Every act's metadata and every provision's eId, label, line and text, in a fixed order: two builds of the
        // reader that print the same digest read the corpus alike.
        var digest = SHA256()
        var provisions = 0
        for act in corpus.acts {
            digest.update("\(act.workURI)|\(act.title)|\(act.aliases)|\(act.notes)|\(act.replaces)\n".utf8)
            for version in act.versions {
                digest.update("\(version.expressionURI)|\(version.validFrom)|\(version.renumbered.sorted { $0.key < $1.key })\n".utf8)
                for provision in version.provisions {
                    digest.update("\(provision.eId)|\(provision.label)|\(provision.line)|\(provision.text)\n".utf8)
                    provisions += 1
                }
            }
        }
        for diagnostic in diagnostics { digest.update(DiagnosticRenderer().line(diagnostic).utf8) }
        print("\(corpus.acts.count) acts, \(provisions) provisions, \(diagnostics.count) diagnostics; digest \(digest.hexDigest())")
        print(String(format: "load from XML: %.3f s wall, %.3f s CPU (median of %d)", median(walls), median(cpus), runs))
    }
}

/// Wall and CPU time since the last lap.
struct PhaseClock {
    private var wall = PhaseClock.now()
    private var cpu = PhaseClock.cpuNow()

    mutating func lap() -> (wall: Double, cpu: Double) {
        let (newWall, newCPU) = (Self.now(), Self.cpuNow())
        defer { (wall, cpu) = (newWall, newCPU) }
        return (newWall - wall, newCPU - cpu)
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The resident set size now, in MB (`/proc/self/statm`).
    static func residentMB() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_000_000
    }

    static func cpuNow() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
