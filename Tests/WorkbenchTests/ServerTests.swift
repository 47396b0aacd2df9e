import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Issue 19, over a real socket: the built `jianzheng-workbench` serves the bundled catalogue, refuses a form
/// without its CSRF token and a body over the limit, refuses to bind beyond loopback without a token, and keeps
/// a note across a restart of the process.
@Suite(.serialized) struct ServerTests {
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.pathComponents.count > 1 {
            let candidate = directory.appendingPathComponent("jianzheng-workbench")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: WorkbenchAppTests.root).appendingPathComponent(".build/debug/jianzheng-workbench")
    }()

    /// A running server and the address it printed.
    final class Server {
        let process = Process()
        let base: String
        let output: URL

        init(arguments: [String]) throws {
            output = FileManager.default.temporaryDirectory.appendingPathComponent("jz-server-\(UUID().uuidString).log")
            guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
                throw ServerError(description: "cannot create \(output.path)")
            }
            let handle = try FileHandle(forWritingTo: output)
            process.executableURL = ServerTests.binary
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: WorkbenchAppTests.root)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            // It prints its address once it listens (the catalogue is reviewed first).
            let deadline = Date().addingTimeInterval(120)
            var found: String?
            while found == nil, Date() < deadline, process.isRunning {
                Thread.sleep(forTimeInterval: 0.2)
                let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
                if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("workbench: http://") }) {
                    found = line.split(separator: " ")[1].trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                }
            }
            guard let found else {
                process.terminate()
                throw ServerError(description: "the server did not start: " + ((try? String(contentsOf: output, encoding: .utf8)) ?? ""))
            }
            base = found
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    struct ServerError: Error, CustomStringConvertible { let description: String }

    static func request(_ url: String, method: String = "GET", body: Data? = nil, type: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        request.httpBody = body
        if let type { request.setValue(type, forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func theServerServesRefusesAndRemembersAcrossARestart() async throws {
        let database = ReviewStoreTests.temporaryDatabase()
        let arguments = ["--port", "0", "--db", database, "--as-of", "2026-11-29"]
        var server = try Server(arguments: arguments)
        let (status, overview) = try await Self.request(server.base + "/")
        #expect(status == 200 && overview.contains("各部门审查结论"))
        let page = try await Self.request(server.base + "/procedure/620000-MZ-0010").1
        let csrf = try #require(page.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.prefix(64)).description
        let decision = try #require(page.components(separatedBy: "name=\"decision\" value=\"").dropFirst().first?.split(separator: "\"").first).description
        let form = { (fields: [String: String]) in Data(fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&").utf8) }
        let note = ["decision": decision, "text": "重启后仍应可见的意见", "author": "张三"]
        #expect(try await Self.request(server.base + "/decision/note", method: "POST", body: form(note), type: "application/x-www-form-urlencoded").0 == 403)
        var withToken = note
        withToken["csrf"] = csrf
        let posted = try await Self.request(server.base + "/decision/note", method: "POST", body: form(withToken), type: "application/x-www-form-urlencoded")
        #expect(posted.0 == 200 && posted.1.contains("重启后仍应可见的意见"), "the redirect lands on the procedure page")
        let huge = Data(repeating: UInt8(ascii: "a"), count: 2 << 20)
        #expect(try await Self.request(server.base + "/proposal", method: "POST", body: huge, type: "application/x-www-form-urlencoded").0 == 413)
        server.stop()
        server = try Server(arguments: arguments)
        defer { server.stop() }
        #expect(try await Self.request(server.base + "/procedure/620000-MZ-0010").1.contains("重启后仍应可见的意见"))
    }

    @Test func bindingBeyondLoopbackWithoutATokenIsRefused() throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["--host", "0.0.0.0", "--port", "0", "--db", ":memory:"]
        process.currentDirectoryURL = URL(fileURLWithPath: WorkbenchAppTests.root)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.contains("without an access token"))
    }
}
