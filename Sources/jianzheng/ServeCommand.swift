import ArgumentParser
import Foundation

/// `jianzheng serve`: starts the review workbench, a separate executable (`jianzheng-workbench`) so that the HTTP
/// server is never built or linked for the other commands. Every argument is passed on.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Start the review workbench (a local web application) on the catalogue.",
        discussion: """
            Runs jianzheng-workbench from the same directory as this executable with the same arguments: \
            [-C WORKSPACE] [CATALOGUE…] [--port 8080] [--host 127.0.0.1] [--db review.sqlite] [--token T | --token-file F] \
            [--as-of DATE] [--policy NAME]. Build it once with: swift build --product jianzheng-workbench \
            (or start it directly: swift run jianzheng-workbench …).
            """)

    @Argument(parsing: .allUnrecognized, help: "Arguments for the workbench (see jianzheng-workbench --help).")
    var arguments: [String] = []

    func run() throws {
        // Absolute, whatever `-C` changed the directory to.
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else {
            Console.error("error: cannot tell where this executable is\n")
            throw ExitStatus.usage
        }
        let workbench = executable.deletingLastPathComponent().appendingPathComponent("jianzheng-workbench").path
        guard FileManager.default.isExecutableFile(atPath: workbench) else {
            Console.error("error: the workbench is not built (\(workbench)): run swift build --product jianzheng-workbench, or swift run jianzheng-workbench\n")
            throw ExitStatus.usage
        }
        // The workbench replaces this process (in the directory `-C` chose): its output, signals and exit status are
        // the command's own.
        let argv = ([workbench] + arguments).map { strdup($0) } + [nil]
        execv(workbench, argv)
        Console.error("error: cannot start \(workbench): \(String(cString: strerror(errno)))\n")
        throw ExitStatus.usage
    }
}
