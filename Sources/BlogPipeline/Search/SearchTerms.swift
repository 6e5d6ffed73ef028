/// What one post or page adds to the search index: each of its terms once, with its score
/// (by field: `SearchIndex`) and first position, and the lead its excerpt is cut from. Kept
/// between builds by the post's digest (`SearchTermsStore`), so that a build after one edit
/// tokenizes one post, not every post's text again.
///
/// The terms are grouped by part (`hash % SearchIndex.parts`), the order the merge reads them.
package struct SearchTerms: Equatable, Sendable {
    /// The terms' UTF-8, one after another: term `i` is `bytes[start(i)..<end(i)]`.
    package private(set) var bytes: [UInt8] = []
    /// Kept as narrow numbers: the terms of every post of a site are in memory at once
    /// (millions at 10,000 posts), and `Int`s made them twice the size.
    package private(set) var ends: [UInt32] = []
    package private(set) var hashes: [UInt32] = []
    /// At most 65,535 (`SearchIndex` keeps no more).
    package private(set) var scores: [UInt16] = []
    package private(set) var positions: [Int32] = []
    /// Where each part's terms start, and the end: `parts + 1` numbers.
    private(set) var partStarts: [Int] = []
    package var lead = ""

    package var count: Int { ends.count }

    package func start(_ i: Int) -> Int { i == 0 ? 0 : Int(ends[i - 1]) }
    package func end(_ i: Int) -> Int { Int(ends[i]) }

    /// The post's terms, weighed by field: a title match outranks any number of body
    /// matches up to ten.
    package init(title: String, tags: [String], text: SearchText) {
        // Sized for the text at once, not grown and rehashed several times a post.
        var tally = Tally(capacity: min(1 << 16, max(256, text.body.count / 4)))
        let end = SearchTokenizer.indexBytes(title) { tally.add($0, $1, weight: 24) }
        var next = end + 1
        for tag in tags { next = SearchTokenizer.indexBytes(tag, start: next) { tally.add($0, $1, weight: 12) } + 1 }
        text.body.withUnsafeBufferPointer { body in
            SearchTokenizer.indexBytes(utf8: body, start: SearchIndex.bodyStart) { tally.mention($0, $1) }
        }
        // Headings are in the body too, which gave their terms a position.
        text.headings.withUnsafeBufferPointer { headings in
            SearchTokenizer.indexBytes(utf8: headings) { tally.add($0, $1, weight: 6) }
        }
        let table = tally.table
        lead = SearchIndex.lead(utf8: text.body)
        let count = table.count
        let byPart = CountingSort(count: count, buckets: SearchIndex.parts) { Self.part(table.hashes[$0]) }
        let order = byPart.order
        partStarts = byPart.starts
        // Each array filled in place at once: appending term by term checked and grew each
        // array every time, a tenth of a post's tokenizing.
        let counts = tally.counts
        bytes = [UInt8](unsafeUninitializedCapacity: table.bytes.count) { out, filled in
            let from = table.bytes.baseAddress!
            for i in order {
                let start = table.start(i)
                let length = table.ends[i] - start
                (out.baseAddress! + filled).initialize(from: from + start, count: length)
                filled += length
            }
        }
        ends = [UInt32](unsafeUninitializedCapacity: count) { out, filled in
            var end = 0
            for (k, i) in order.enumerated() {
                end += table.ends[i] - table.start(i)
                out[k] = UInt32(end)
            }
            filled = count
        }
        hashes = order.map { table.hashes[$0] }
        scores = order.map { UInt16(clamping: counts[$0].score) }
        positions = order.map { counts[$0].position }
    }

    /// Terms as kept in a file, in the order by part they were made in; nil when they are
    /// not (a damaged file). The hashes are made again here, not trusted from it.
    package init?(lead: String, bytes: [UInt8], ends: [UInt32], scores: [UInt16], positions: [Int32]) {
        guard ends.count == scores.count, ends.count == positions.count, Int(ends.last ?? 0) == bytes.count else { return nil }
        (self.lead, self.bytes, self.ends, self.scores, self.positions) = (lead, bytes, ends, scores, positions)
        hashes.reserveCapacity(ends.count)
        partStarts = [0]
        partStarts.reserveCapacity(SearchIndex.parts + 1)
        let ok = bytes.withUnsafeBufferPointer { all -> Bool in
            var from = 0
            for (i, end) in ends.lazy.map(Int.init).enumerated() {
                guard end >= from, end <= all.count else { return false }
                let hash = SearchIndex.fnv1a(UnsafeBufferPointer(rebasing: all[from..<end]))
                let part = Self.part(hash)
                guard part >= partStarts.count - 1 else { return false }
                while partStarts.count - 1 < part { partStarts.append(i) }
                hashes.append(hash)
                from = end
            }
            return true
        }
        guard ok else { return nil }
        while partStarts.count < SearchIndex.parts + 1 { partStarts.append(ends.count) }
    }

    static func part(_ hash: UInt32) -> Int { Int(hash % UInt32(SearchIndex.parts)) }

    /// The terms read through pointers, valid only during `withView`: the merge reads every
    /// part of every post, and taking each array again for each part (640,000 times at
    /// 10,000 posts, on both cores at once) made their reference counts a share of it.
    struct View {
        let bytes: UnsafeBufferPointer<UInt8>
        let ends: UnsafeBufferPointer<UInt32>
        let hashes: UnsafeBufferPointer<UInt32>
        let scores: UnsafeBufferPointer<UInt16>
        let positions: UnsafeBufferPointer<Int32>
        let partStarts: UnsafeBufferPointer<Int>

        /// Each term of `part`: its bytes, hash, score and position.
        func forEach(in part: Int, _ body: (UnsafeBufferPointer<UInt8>, UInt32, UInt16, Int32) -> Void) {
            let range = partStarts[part]..<partStarts[part + 1]
            var from = range.lowerBound == 0 ? 0 : Int(ends[range.lowerBound - 1])
            for i in range {
                let end = Int(ends[i])
                body(UnsafeBufferPointer(rebasing: bytes[from..<end]), hashes[i], scores[i], positions[i])
                from = end
            }
        }
    }

    func withView<R>(_ body: (View) -> R) -> R {
        bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                hashes.withUnsafeBufferPointer { hashes in
                    scores.withUnsafeBufferPointer { scores in
                        positions.withUnsafeBufferPointer { positions in
                            partStarts.withUnsafeBufferPointer { partStarts in
                                body(View(bytes: bytes, ends: ends, hashes: hashes, scores: scores, positions: positions, partStarts: partStarts))
                            }
                        }
                    }
                }
            }
        }
    }

    /// A term's score in one post and its first position, as the tokenizer gives them.
    private struct Tally {
        /// Narrow, as the terms keep them: half the memory a post's table walks.
        struct Count {
            var score: Int32
            var position: Int32
            var mentions: Int32
        }
        var table: TermTable
        /// By the term's number in `table`.
        var counts: [Count] = []

        init(capacity: Int) {
            table = TermTable(capacity: capacity)
            counts.reserveCapacity(capacity)
        }

        mutating func number(_ term: UnsafeBufferPointer<UInt8>, _ position: Int) -> Int {
            let i = table.insert(term)
            if i == counts.count { counts.append(Count(score: 0, position: Int32(clamping: position), mentions: 0)) }
            return i
        }

        mutating func add(_ term: UnsafeBufferPointer<UInt8>, _ position: Int, weight: Int32) {
            let i = number(term, position)
            // Kept no higher than a score is stored, so that it never overflows.
            counts[i].score = min(Int32(UInt16.max), counts[i].score + weight)
        }

        /// Many mentions count, but ten are as good as a hundred.
        mutating func mention(_ term: UnsafeBufferPointer<UInt8>, _ position: Int) {
            let i = number(term, position)
            guard counts[i].mentions < 10 else { return }
            counts[i].score += 1
            counts[i].mentions += 1
        }
    }
}
