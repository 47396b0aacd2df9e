import Dispatch
import Foundation

/// Runs independent work on all cores and returns the results in input order.
public enum ConcurrentSlots<Value: Sendable> {
    /// `transform` applied to every element, concurrently; the output order matches the input order.
    ///
    /// The elements are split into a few contiguous chunks per core; each result is written once, straight into
    /// its place in the output, so no lock is taken per element.
    public static func map<Element: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Value) -> [Value] {
        let count = elements.count
        guard count > 1 else { return elements.map(transform) }
        let chunks = min(count, ProcessInfo.processInfo.activeProcessorCount * 8)
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            // More than one element: the buffer has storage.
            guard let base = buffer.baseAddress else { preconditionFailure("no storage for \(count) results") }
            let output = Output(base: base)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in stride(from: chunk * count / chunks, to: (chunk + 1) * count / chunks, by: 1) {
                    output.initialize(index, to: transform(elements[index]))
                }
            }
            initialized = count
        }
    }

    /// The output buffer, shared by the chunks: each writes only its own indexes, and `concurrentPerform`
    /// returns only after every chunk has finished.
    private struct Output: @unchecked Sendable {
        let base: UnsafeMutablePointer<Value>

        func initialize(_ index: Int, to value: Value) { (base + index).initialize(to: value) }
    }
}
