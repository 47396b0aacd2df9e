import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check .jz files.")
    func run() throws {}
}
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fmt", abstract: "Format .jz files.")
    func run() throws {}
}
