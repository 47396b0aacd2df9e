import Foundation
import ArgumentParser
import Jianzheng
import JianzhengReports
import JianzhengBase

/// `jianzheng review [PATH…]`: decide every required material of a catalogue.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Review a catalogue: verdicts, circular proofs and burden.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var evaluation: EvaluationOptions

    @Argument(help: "Catalogue files or directories; rules/ is always included.")
    var paths: [String] = []

    func run() throws {
        // JSON Lines carry only the verdicts: written as the procedures are decided, a window at a time, without the
        // circular proofs, burdens and findings of a full review.
        if options.format == .jsonl {
            var writer = CompactReviewWriter(handle: FileHandle.standardOutput)
            let (workspace, streamed) = try evaluation.streamOutcomes(paths: paths, options: options) { writer.write($0) }
            ProcessMemory.leaveToExit(workspace, streamed)
            return
        }
        let (workspace, review) = try evaluation.review(paths: paths, options: options)
        defer { ProcessMemory.leaveToExit(workspace, review) }
        switch options.format {
        case .text: Console.out(TerminalReport.render(review))
        case .json: ReviewDocument(review, notice: try NoticeTemplate.load(.zh)).write { FileHandle.standardOutput.write(Data($0)) }
        case .sarif: print(Sarif.review(review), terminator: "")
        case .jsonl: preconditionFailure("JSON Lines are streamed above")
        }
    }
}

/// `jianzheng explain PROCEDURE MATERIAL`: the full reasoning for one decision.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain one decision in plain Chinese, with citations and the rule trace.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var evaluation: EvaluationOptions

    @Argument(help: "Procedure id, e.g. 620000-MZ-0001.")
    var procedure: String

    @Argument(help: "Material name, e.g. 婚姻状况证明.")
    var material: String

    func run() throws {
        try options.require([.text], by: "explain")
        let (workspace, review) = try evaluation.review(paths: [], options: options)
        guard let decision = review.decision(procedure, material) else {
            let ids = workspace.catalogue.procedures.keys
            guard let found = workspace.catalogue.procedures[procedure] else {
                let hint = Suggestions.closest(to: procedure, among: ids).first.map { "; did you mean '\($0)'?" } ?? ""
                throw ValidationError("unknown procedure '\(procedure)'\(hint)")
            }
            let required = found.requirements.map(\.material)
            throw ValidationError("procedure '\(procedure)' does not require '\(material)'; it requires: " + required.joined(separator: ", "))
        }
        Console.out(ExplainReport.render(decision, review: review, notice: try NoticeTemplate.load(.zh)))
    }
}
