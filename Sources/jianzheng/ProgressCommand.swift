import ArgumentParser
import Foundation
import Jianzheng
import JianzhengReports
import JianzhengWorkspace

/// `jianzheng progress --git REV1..REV2`: per department, the certificates each revision's review cancels, shares,
/// replaces by commitment and keeps (the 监督考核 view).
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "Table the certificates cut, shared, committed and kept per department across git revisions.",
        discussion: """
            Each revision of the repository is reviewed on the same date under the same policy, so the columns differ only \
            by what changed in the catalogue. --git A..B compares two revisions; repeat --git for more (a tag, a branch, a \
            commit); --working-tree adds the files as they are now.
            """)

    @Option(help: "A revision, or two as A..B (repeatable).")
    var git: [String] = []

    @ArgumentParser.Flag(name: .customLong("working-tree"), help: "Add the working tree as the last column.")
    var workingTree = false

    @Option(help: "text, json or html.")
    var format: String = "text"

    @Option(help: "The file to write, or - for standard output.")
    var out: String = "-"

    @OptionGroup var corpusOption: CorpusOption

    @OptionGroup var evaluation: EvaluationOptions

    func run() throws {
        guard ["text", "json", "html"].contains(format) else { throw ValidationError("--format takes text, json or html, not '\(format)'") }
        let revisions = git.flatMap { $0.contains("..") ? $0.components(separatedBy: "..").filter { !$0.isEmpty } : [$0] }
        guard revisions.count + (workingTree ? 1 : 0) >= 2 else {
            throw ValidationError("name two revisions or more: --git A..B, or --git A --git B, or --git A --working-tree")
        }
        var reviews: [(label: String, review: Review)] = []
        for revision in revisions {
            let snapshot: String
            do {
                snapshot = try GitSnapshot.export(revision, repository: WorkspaceRoot.path)
            } catch {
                throw ValidationError(error.description)
            }
            // The exported revision is a temporary copy: removed once reviewed; a failure to remove it is said, not fatal.
            defer { GitSnapshot.removeWarning(snapshot).map { Console.error($0) } }
            let workspace = try EvaluationOptions.checked(CatalogueSide.load(snapshot, rules: evaluation.rules, corpus: corpusOption.corpus))
            reviews.append((revision, try evaluation.review(workspace)))
        }
        if workingTree {
            let workspace = try EvaluationOptions.checked(Workspace.load(paths: evaluation.sources([]), corpusDirectory: corpusOption.corpus))
            reviews.append(("working tree", try evaluation.review(workspace)))
        }
        let progress = ReformProgress(reviews)
        let text = format == "json" ? try progress.json() : format == "html" ? progress.html() : progress.text()
        if let confirmation = try OutputFile.write(Data(text.utf8), to: out) { Console.out(confirmation + "\n") }
    }
}

