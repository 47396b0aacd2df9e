/// Where the workbench may listen: on loopback by default; on any other address only with an access token, which
/// every request must then carry (the workbench has no accounts).
public enum BindPolicy {
    /// Whether `host` is this machine only.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Refuses a non-loopback host without a token, and a token too short to guess at.
    public static func check(host: String, token: String?) throws(WorkbenchError) {
        if let token, token.count < 16 {
            throw WorkbenchError("the access token must have at least 16 characters")
        }
        guard isLoopback(host) || token != nil else {
            throw WorkbenchError("refusing to listen on \(host) without an access token: give --token or --token-file (every request must then carry it), or listen on 127.0.0.1")
        }
    }
}
