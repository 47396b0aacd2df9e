import ArgumentParser

/// `jianzheng completions bash|zsh|fish`: the shell completion script, to source or install.
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions", abstract: "Print a completion script for bash, zsh or fish.",
        discussion: "bash: jianzheng completions bash > /etc/bash_completion.d/jianzheng; zsh: put it in a directory of $fpath as _jianzheng; fish: ~/.config/fish/completions/jianzheng.fish.")

    @Argument(help: "bash, zsh or fish.")
    var shell: String

    func run() throws {
        guard let kind = CompletionShell(rawValue: shell) else { throw ValidationError("completions are written for bash, zsh or fish") }
        Console.out(JianzhengCommand.completionScript(for: kind))
    }
}
