import Foundation

/// A request as the workbench sees it, whatever server carried it: method, path, decoded query and form fields,
/// lower-cased headers and cookies.
public struct WorkbenchRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [String: String]
    public var form: [String: String]
    public var headers: [String: String]

    /// `target` is the path with its query (`/catalogue?department=民政部门`); `body` an urlencoded form.
    public init(method: String, target: String, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method.uppercased()
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = parts.first.map { Self.percentDecoded(String($0), plusIsSpace: false) } ?? "/"
        query = parts.count > 1 ? Self.fields(String(parts[1])) : [:]
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        let type = self.headers["content-type"] ?? ""
        form = type.hasPrefix("application/x-www-form-urlencoded") ? Self.fields(String(decoding: body, as: UTF8.self)) : [:]
    }

    /// The cookies the request carries.
    public var cookies: [String: String] {
        var cookies: [String: String] = [:]
        for pair in (headers["cookie"] ?? "").split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            cookies[parts[0].trimmingCharacters(in: .whitespaces)] = Self.percentDecoded(String(parts[1]).trimmingCharacters(in: .whitespaces), plusIsSpace: false)
        }
        return cookies
    }

    /// `a=1&b=%E6%B0%91`: each name once (the first wins), decoded.
    static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecoded(String(parts[0]), plusIsSpace: true)
            guard !name.isEmpty, fields[name] == nil else { continue }
            fields[name] = parts.count > 1 ? percentDecoded(String(parts[1]), plusIsSpace: true) : ""
        }
        return fields
    }

    /// Percent-decoding; a malformed escape is kept as written, invalid UTF-8 replaced.
    static func percentDecoded(_ text: String, plusIsSpace: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+"), plusIsSpace {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A response: status, headers and body.
public struct WorkbenchResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data

    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A page.
    static func html(_ page: String, status: Int = 200) -> WorkbenchResponse {
        WorkbenchResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Data(page.utf8))
    }

    /// A file to save, named for the browser (RFC 6266: the UTF-8 name percent-encoded).
    static func download(_ data: Data, name: String, type: String) -> WorkbenchResponse {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? "download"
        return WorkbenchResponse(
            status: 200, headers: [("Content-Type", type), ("Content-Disposition", "attachment; filename*=UTF-8''\(encoded)")], body: data)
    }

    /// See Other: after a form is posted, the browser fetches `location`.
    static func redirect(_ location: String, cookies: [String] = []) -> WorkbenchResponse {
        WorkbenchResponse(status: 303, headers: [("Location", location)] + cookies.map { ("Set-Cookie", $0) })
    }
}

extension String {
    /// The text percent-encoded for a URL path segment or query value.
    var urlEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}
