import Dispatch
import Foundation

/// Runs independent work on all cores and returns the results in input order.
public enum ConcurrentSlots<Value: Sendable> {
    /// `transform` applied to every element, concurrently; the output order matches the input order.
    public static func map<Element: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Value) -> [Value] {
        let storage = Storage(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            storage.set(index, transform(elements[index]))
        }
        return storage.values
    }

    private final class Storage: @unchecked Sendable {
        private var slots: [Value?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

        var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
    }
}
