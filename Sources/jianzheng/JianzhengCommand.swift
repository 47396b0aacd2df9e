import ArgumentParser

/// `jianzheng`: find the certificates a public-service procedure should stop asking citizens for.
@main
struct JianzhengCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jianzheng",
        abstract: "减证：find the certificates a procedure should stop asking citizens for.",
        subcommands: [
            ReviewCommand.self, ExplainCommand.self, CheckCommand.self, FormatCommand.self, CiteCommand.self,
            CorpusCommand.self, TestCommand.self,
        ])
}

/// Exit codes shared by every subcommand.
enum ExitStatus {
    /// Errors or failing findings in the input.
    static let findings = ExitCode(1)
    /// Bad usage or unreadable input.
    static let usage = ExitCode(2)
}
