/// What one post or page adds to the search index: each of its terms once, with its score
/// (by field: `SearchIndex`) and first position, and the lead its excerpt is cut from. Kept
/// between builds by the post's digest (`SearchTermsStore`), so that a build after one edit
/// tokenizes one post, not every post's text again.
///
/// The terms are grouped by part (`hash % SearchIndex.parts`), the order the merge reads them.
package struct SearchTerms: Equatable, Sendable {
    /// The terms' UTF-8, one after another: term `i` is `bytes[start(i)..<ends[i]]`.
    package private(set) var bytes: [UInt8] = []
    package private(set) var ends: [Int] = []
    package private(set) var hashes: [UInt32] = []
    package private(set) var scores: [Int] = []
    package private(set) var positions: [Int] = []
    /// Where each part's terms start, and the end: `parts + 1` numbers.
    private(set) var partStarts: [Int] = []
    package var lead = ""

    package var count: Int { ends.count }

    package func start(_ i: Int) -> Int { i == 0 ? 0 : ends[i - 1] }

    /// The post's terms, weighed by field: a title match outranks any number of body
    /// matches up to ten.
    package init(title: String, tags: [String], text: SearchText) {
        var tally = Tally()
        let end = SearchTokenizer.indexBytes(title) { tally.add($0, $1, weight: 24) }
        var next = end + 1
        for tag in tags { next = SearchTokenizer.indexBytes(tag, start: next) { tally.add($0, $1, weight: 12) } + 1 }
        SearchTokenizer.indexBytes(text.body, start: SearchIndex.bodyStart) { tally.mention($0, $1) }
        // Headings are in the body too, which gave their terms a position.
        SearchTokenizer.indexBytes(text.headings) { tally.add($0, $1, weight: 6) }
        let table = tally.table
        self.init(lead: SearchIndex.lead(text.body), count: table.count) { i in
            (table.bytes[table.start(i)..<table.ends[i]], tally.scores[i], tally.positions[i])
        }
    }

    /// Terms given one by one (`term(i)`: bytes, score, position), as kept in a file; the
    /// hashes and the order by part are made again here, not trusted from it.
    package init(lead: String, count: Int, term: (Int) -> (ArraySlice<UInt8>, Int, Int)) {
        self.lead = lead
        let parts = SearchIndex.parts
        var part = [Int](repeating: 0, count: count)
        var sizes = [Int](repeating: 0, count: parts + 1)
        var hashes = [UInt32](repeating: 0, count: count)
        for i in 0..<count {
            hashes[i] = term(i).0.withUnsafeBufferPointer(SearchIndex.fnv1a)
            part[i] = Int(hashes[i] % UInt32(parts))
            sizes[part[i] + 1] += 1
        }
        for p in 0..<parts { sizes[p + 1] += sizes[p] }
        partStarts = sizes
        // Counting sort by part, keeping the order within one.
        var order = [Int](repeating: 0, count: count)
        var next = sizes
        for i in 0..<count {
            order[next[part[i]]] = i
            next[part[i]] += 1
        }
        ends.reserveCapacity(count)
        scores.reserveCapacity(count)
        positions.reserveCapacity(count)
        self.hashes.reserveCapacity(count)
        for i in order {
            let (bytes, score, position) = term(i)
            self.bytes.append(contentsOf: bytes)
            ends.append(self.bytes.count)
            self.hashes.append(hashes[i])
            scores.append(score)
            positions.append(position)
        }
    }

    /// The numbers of the terms in `part`.
    func terms(in part: Int) -> Range<Int> { partStarts[part]..<partStarts[part + 1] }

    /// A term's score in one post and its first position, as the tokenizer gives them.
    private struct Tally {
        var table = TermTable()
        var scores: [Int] = []
        var positions: [Int] = []
        var mentions: [Int] = []

        mutating func number(_ term: UnsafeBufferPointer<UInt8>, _ position: Int) -> Int {
            let i = table.insert(term, hash: SearchIndex.fnv1a(term))
            if i == scores.count {
                scores.append(0)
                positions.append(position)
                mentions.append(0)
            }
            return i
        }

        mutating func add(_ term: UnsafeBufferPointer<UInt8>, _ position: Int, weight: Int) {
            scores[number(term, position)] += weight
        }

        /// Many mentions count, but ten are as good as a hundred.
        mutating func mention(_ term: UnsafeBufferPointer<UInt8>, _ position: Int) {
            let i = number(term, position)
            if mentions[i] < 10 { scores[i] += 1 }
            mentions[i] += 1
        }
    }
}
