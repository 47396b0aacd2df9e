import ArgumentParser
import Jianzheng
import JianzhengWorkspace

/// `jianzheng`: find the certificates a public-service procedure should stop asking citizens for.
@main
struct JianzhengCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jianzheng",
        abstract: "减证：find the certificates a procedure should stop asking citizens for.",
        discussion: """
            Run anywhere inside a workspace (a directory with rules/ and legal-basis/, or jianzheng.toml): its \
            rules/, legal-basis/ and examples/ are the defaults. -C DIR (or --workspace DIR), before or after the \
            subcommand, works as if started in DIR. --color auto|always|never colours diagnostics (auto: on a \
            terminal, unless NO_COLOR is set). --lang zh|en, anywhere, is the language of what is written for \
            people: diagnostics (default: from LC_ALL, LC_MESSAGES or LANG), and reports and published lists \
            (default: zh, as they are official documents).
            """,
        version: "jianzheng \(ReproducibilityReceipt.engineVersion) (\(buildRevision))",
        subcommands: [
            ReviewCommand.self, ExplainCommand.self, DiffCommand.self, ReportCommand.self, GuideCommand.self, ProgressCommand.self, ImportCommand.self, ExportCommand.self, CheckCommand.self, FormatCommand.self, CiteCommand.self,
            CorpusCommand.self, TestCommand.self, ServeCommand.self, CompletionsCommand.self,
        ])

    /// Runs the command; usage errors exit with 2 (not ArgumentParser's 64), as documented.
    static func main() {
        let arguments: [String]
        let given = Array(CommandLine.arguments.dropFirst())
        switch Console.applyColorOption(given).flatMap(Console.applyLanguageOption).flatMap(WorkspaceRoot.applyChangeDirectory) {
        case .success(let remaining): arguments = remaining
        case .failure(let error):
            Console.error("error: \(error.message)\n")
            Self.exit(withError: ExitStatus.usage)
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            if exitCode(for: error) == .success { Self.exit(withError: error) }
            Console.error(fullMessage(for: error) + "\n")
            Self.exit(withError: ExitStatus.usage)
        }
        do {
            try command.run()
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch let error as ValidationError {
            Console.error("error: \(error.message)\n")
            Self.exit(withError: ExitStatus.usage)
        } catch let error as FileWriteError {
            Console.error("error: \(error)\n")
            Self.exit(withError: ExitStatus.usage)
        } catch {
            // Help and version requests arrive here as errors that exit 0.
            if exitCode(for: error) == .success { Self.exit(withError: error) }
            Console.error("error: \(fullMessage(for: error))\n")
            Self.exit(withError: ExitStatus.usage)
        }
    }
}

/// Exit codes shared by every subcommand.
enum ExitStatus {
    /// Errors or failing findings in the input.
    static let findings = ExitCode(1)
    /// Bad usage or unreadable input.
    static let usage = ExitCode(2)
}
