import Dispatch

/// Work started on another thread at once, its result waited for where it is needed (reading the legal corpus
/// while the catalogue's files are parsed: neither needs the other until the declarations are bound).
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchGroup()
    /// Written once by the work, read only after `finished` is waited for.
    private var result: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        finished.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.finished.leave()
        }
    }

    /// The work's result, waiting for it to finish.
    public var value: Value {
        finished.wait()
        guard let result else { preconditionFailure("the background work finished without a result") }
        return result
    }
}
