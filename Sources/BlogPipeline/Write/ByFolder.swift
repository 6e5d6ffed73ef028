import BlogCore

/// Work on paths spread over every core, but never on two entries of one folder at once.
/// Creating an entry takes its folder's lock in the kernel: two threads writing files of one
/// folder (the search index's 2,471 document shards in `search/d/`) spun on it, and that was
/// a third of what the index cost a cold 10,000-post build in perf.
enum ByFolder {
    /// `body` of each index of `paths`, the results in their order. Folders with the most
    /// entries are started first, so that no large one is left to one core at the end; a site
    /// of one folder is written by one thread, which the lock made it anyway.
    static func map<T: Sendable>(_ paths: [String], _ body: (Int) -> T) -> [T] {
        var groups: [Substring: [Int]] = [:]
        for (i, path) in paths.enumerated() { groups[folder(of: path), default: []].append(i) }
        let ordered = groups.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        let done = ordered.parallelMap { group in group.map { (index: $0, result: body($0)) } }
        var results = [T?](repeating: nil, count: paths.count)
        for group in done {
            for item in group { results[item.index] = item.result }
        }
        return results.map { $0! }
    }

    static func folder(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return path[..<slash]
    }
}
