import BlogCore

/// Work on paths spread over every core, but never on two of one folder's entries in a row at
/// once.
/// Creating an entry takes its folder's lock in the kernel: two threads writing files of one
/// folder (the search index's 2,471 document shards in `search/d/`) spun on it, and that was
/// a third of what the index cost a cold 10,000-post build in perf.
enum ByFolder {
    /// `body` of each index of `paths`, the results in their order. The work is in the order
    /// of `paths` (the writer's: on a full disk, the error names the file that did not fit, as
    /// the files before it were written), cut where the folder changes: a run of one folder's
    /// entries (the index's shards, a post's files) goes to one thread. A folder's entries
    /// apart from each other may still meet, which is rare.
    static func map<T: Sendable>(_ paths: [String], _ body: (Int) -> T) -> [T] {
        var runs: [Range<Int>] = []
        var start = 0
        for i in paths.indices.dropFirst() where folder(of: paths[i]) != folder(of: paths[i - 1]) {
            runs.append(start..<i)
            start = i
        }
        if !paths.isEmpty { runs.append(start..<paths.count) }
        return runs.parallelMap { run in run.map(body) }.flatMap { $0 }
    }

    static func folder(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return path[..<slash]
    }
}
