import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core. Each element is transformed independently; order is kept.
    /// Inlinable, so that each layer's calls are specialized for their types.
    @inlinable package func parallelMap<T: Sendable>(_ transform: (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            self.withUnsafeBufferPointer { items in
                nonisolated(unsafe) let items = items
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    results[i] = transform(items[i])
                }
            }
        }
        let values = results.map { $0! }
        _ = results.deinitialize()
        return values
    }
}
