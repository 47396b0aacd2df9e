import ArgumentParser
import FlyingFox
import FlyingSocks
import Foundation
import JianzhengBase
import JianzhengWorkbench

/// `jianzheng serve` (this executable): the review workbench on a local web server.
@main
struct WorkbenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jianzheng-workbench",
        abstract: "Serve the review workbench: the catalogue's review, explanations, proposals, reports and the office's review state.",
        discussion: """
            Reviews the workspace's catalogue once at start, then serves it on http://HOST:PORT/. Statuses, notes and \
            sign-offs are kept in the SQLite database (--db). It listens on 127.0.0.1 unless --host names another \
            address, which needs --token or --token-file: every request must then carry the token.
            """)

    @Option(name: [.customShort("C"), .customLong("workspace")], help: "The workspace (a directory with rules/ and legal-basis/).")
    var workspace: String?

    @Argument(help: "Catalogue directories or files (default: the workspace's examples/).")
    var catalogues: [String] = []

    @Option(help: "The port (0: any free one).")
    var port: UInt16 = 8080

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The review database (created when absent; default: review.sqlite in the workspace).")
    var db: String?

    @Option(help: "Access token every request must carry (needed beyond loopback).")
    var token: String?

    @Option(name: .customLong("token-file"), help: "A file holding the access token.")
    var tokenFile: String?

    @Option(name: .customLong("as-of"), help: "Review date, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "The policy to review under (default: the one in force).")
    var policy: String?

    func run() async throws {
        if let workspace, !FileManager.default.changeCurrentDirectoryPath(workspace) {
            throw ValidationError("cannot enter the workspace '\(workspace)'")
        }
        let accessToken = try readToken()
        do {
            try BindPolicy.check(host: host, token: accessToken)
        } catch {
            throw ValidationError(error.description)
        }
        let current = FileManager.default.currentDirectoryPath
        guard let root = WorkspaceLocation.root(from: current) else {
            throw ValidationError("'\(current)' is not inside a Jianzheng workspace (a directory with rules/ and legal-basis/); give -C DIR")
        }
        let date: CalendarDate
        if let asOf {
            guard let parsed = CalendarDate(asOf) else { throw ValidationError("--as-of takes YYYY-MM-DD, not '\(asOf)'") }
            date = parsed
        } else {
            date = CalendarDate.today
        }
        FileHandle.standardError.write(Data("reviewing the catalogue…\n".utf8))
        let app: WorkbenchApp
        do {
            let state = try WorkbenchState(
                root: root, sources: [root + "/rules"] + (catalogues.isEmpty ? [root + "/examples"] : catalogues), corpus: root + "/legal-basis",
                asOf: date, policy: policy)
            for warning in state.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            let store = try ReviewStore(path: db ?? root + "/review.sqlite")
            app = WorkbenchApp(state: state, store: store, accessToken: accessToken)
        } catch {
            throw StartFailure(description: error.description)
        }
        let address: any SocketAddress = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port)
            : try sockaddr_in.inet(ip4: host == "localhost" ? "127.0.0.1" : host, port: port)
        let server = HTTPServer(address: address, handler: FlyingFoxAdapter(app: app))
        let task = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            // Not listening: say why the server stopped (the port in use, say), not that the wait timed out.
            task.cancel()
            var reason = "\(error)"
            do {
                try await task.value
            } catch let failure {
                reason = "\(failure)"
            }
            throw StartFailure(description: "cannot listen on \(host):\(port): \(reason)")
        }
        let listening = await server.listeningAddress
        var shown = "\(host):\(port)"
        if case .ip4(let ip, let actual) = listening { shown = "\(ip):\(actual)" }
        if case .ip6(let ip, let actual) = listening { shown = "[\(ip)]:\(actual)" }
        FileHandle.standardOutput.write(Data("workbench: http://\(shown)/ (\(app.state.index.rows.count) procedures; review state in \(db ?? root + "/review.sqlite"))\n".utf8))
        try await task.value
    }

    private func readToken() throws -> String? {
        if let token { return token }
        guard let tokenFile else { return nil }
        do {
            return try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw ValidationError("cannot read the token file '\(tokenFile)': \(error.localizedDescription)")
        }
    }
}

/// The workbench could not start (the catalogue does not load, the port is taken): said without the usage text.
struct StartFailure: Error, CustomStringConvertible {
    let description: String
}

/// Carries FlyingFox's requests to the workbench and its responses back; a body over the limit is refused (413)
/// before it is read.
struct FlyingFoxAdapter: HTTPHandler {
    let app: WorkbenchApp

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var headers: [String: String] = [:]
        for (key, value) in request.headers { headers[key.rawValue] = value }
        if let length = headers.first(where: { $0.key.lowercased() == "content-length" }).flatMap({ Int($0.value) }), length > WorkbenchApp.maximumBody {
            return HTTPResponse(statusCode: HTTPStatusCode(413, phrase: "Content Too Large"), headers: [HTTPHeader("Content-Type"): "text/plain; charset=utf-8"],
                                body: Data("request body larger than \(WorkbenchApp.maximumBody) bytes\n".utf8))
        }
        var body = Data()
        for try await chunk in request.bodySequence {
            body += chunk
            guard body.count <= WorkbenchApp.maximumBody else {
                return HTTPResponse(statusCode: HTTPStatusCode(413, phrase: "Content Too Large"), body: Data("request body too large\n".utf8))
            }
        }
        let target = request.target.rawValue
        let response = app.handle(WorkbenchRequest(method: request.method.rawValue, target: target, headers: headers, body: body))
        var out = HTTPHeaders()
        for (name, value) in response.headers { out.addValue(value, for: HTTPHeader(name)) }
        return HTTPResponse(statusCode: HTTPStatusCode(response.status, phrase: ""), headers: out, body: response.body)
    }
}
