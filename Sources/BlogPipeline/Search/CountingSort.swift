/// The order that groups items by a small whole-number key, items of one key kept in the
/// order given (a counting sort): linear, where a comparison sort is not. `starts[k]` is
/// where key `k`'s items begin in `order`, and `starts[buckets]` is the count.
struct CountingSort {
    private(set) var order: [Int]
    private(set) var starts: [Int]

    init(count: Int, buckets: Int, key: (Int) -> Int) {
        starts = [Int](repeating: 0, count: buckets + 1)
        for i in 0..<count { starts[key(i) + 1] += 1 }
        for k in 0..<buckets { starts[k + 1] += starts[k] }
        var cursor = starts
        order = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let k = key(i)
            order[cursor[k]] = i
            cursor[k] += 1
        }
    }
}
