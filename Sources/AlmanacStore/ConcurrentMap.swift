import Foundation

extension Array where Element: Sendable {
    /// `transform` of every element, computed on all cores (`DispatchQueue.concurrentPerform`), in order.
    ///
    /// What writers do before taking a lock or opening a transaction: cutting search words and
    /// deflating text for a batch of pages.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        // Each iteration initialises its own slot only.
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: count) { index in
            (results.baseAddress! + index).initialize(to: transform(self[index]))
        }
        let mapped = Array<T>(results)
        _ = results.baseAddress!.deinitialize(count: count)
        return mapped
    }
}
