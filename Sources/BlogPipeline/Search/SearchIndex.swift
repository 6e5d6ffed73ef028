import BlogCore
import Foundation

/// A post or page as the search index takes it.
package struct SearchDocument: Sendable {
    /// The link to it, as pages write links (`/blog/2016/12/a/`).
    package var url: String
    package var title: String
    /// As the theme shows a date (`2016年12月31日`); empty for a page.
    package var date: String
    /// Its title's, tags' and text's terms (`SearchTerms`), kept between builds (`SearchTermsStore`).
    package var terms: SearchTerms

    package init(url: String, title: String, date: String, terms: SearchTerms) {
        (self.url, self.title, self.date, self.terms) = (url, title, date, terms)
    }

    package init(url: String, title: String, date: String, tags: [String], html: String) {
        self.init(url: url, title: title, date: date, terms: SearchTerms(title: title, tags: tags, text: SearchText(html: html)))
    }
}

/// The search index of a site, as files under `search/` (format in the README, § Search):
///
/// - `index.json`, the manifest: how many documents and term shards, documents per shard.
///   How many term shards there are follows from the postings' size, once made.
/// - `t/<n>.json`: term shards, `{"term": "postings"}`, a term in shard `fnv1a(term) % terms`.
///   Postings are `df|` then `doc,score,position` entries joined by `;`, numbers in base 36,
///   documents as the difference from the one before. `score` weighs where the term is
///   (title > tags > headings > body), `position` is its first (title first, body after
///   1,000), for proximity. Documents are numbered newest first, so the number is recency.
/// - `d/<n>.json`: documents `[url, title, date, lead]`, `docsPerShard` to a file, the lead being
///   the text an excerpt is cut from.
package enum SearchIndex {
    /// Term shards are made about this big (uncompressed), and split until none is more
    /// than twice it.
    package static let shardTarget = 9_000
    /// A term keeps its best postings, at most this many: a word in every one of 10,000
    /// posts would otherwise be a 90 KB list that ranks nothing.
    package static let maxPostings = 600
    /// Characters of a post's text kept for its excerpt, which the script cuts around the
    /// terms that matched (160 shown): a match further on shows the start. More would cost
    /// every query its ten results' bytes (README, § Search).
    package static let leadLength = 280
    /// Where the body's positions start, after the title's and the tags'.
    static let bodyStart = 1_000

    struct Posting {
        var doc: Int32
        var score: UInt16
        var position: Int32
    }

    /// Documents per document shard: a record is at most a lead, a title, a URL and a date;
    /// a query loads the shards of its ten best, so fewer larger shards cost it bytes.
    package static let docsPerShard = 4
    /// No term shard is larger: past it, the longest lists in it keep only their best postings.
    package static let shardLimit = 3 * shardTarget

    /// The paths known before the index is made (the build plans every path first): the
    /// manifest and the document shards. How many term shards there are is decided from the
    /// postings' real size, once made; nothing links to them.
    package static func plannedPaths(docs: Int) -> [String] {
        ["index.json"] + (0..<((docs + docsPerShard - 1) / docsPerShard)).map { "d/\($0).json" }
    }

    /// Terms are merged in this many parts at once, by hash: one dictionary of every term of
    /// the site, filled on one core, was a third of the index's time.
    static let parts = 64

    /// The files of the index, by path under `search/`.
    package static func files(_ docs: [SearchDocument]) -> [(path: String, text: String)] {
        // Each part's terms in the order documents are numbered, so each list is in order.
        // The parts are merged a few at a time, each post's terms taken once for them all.
        let perChunk = 8
        let entries = Array(0..<(parts / perChunk)).parallelMap { chunk -> [Entry] in
            let first = chunk * perChunk
            var merges = (0..<perChunk).map { _ in PartMerge() }
            merges.withUnsafeMutableBufferPointer { merges in
                for id in docs.indices {
                    docs[id].terms.withView { view in
                        for k in 0..<perChunk {
                            view.forEach(in: first + k) { merges[k].add($0, hash: $1, Posting(doc: Int32(id), score: $2, position: $3)) }
                        }
                    }
                }
            }
            return merges.flatMap { $0.entries() }
        }.flatMap { $0 }
        let size = entries.reduce(0) { $0 + $1.line.utf8.count + 1 }
        let count = max(1, (size + shardTarget - 1) / shardTarget)
        let shards = termShards(entries, count: count)
        var files: [(String, String)] = [("index.json", manifest(docs: docs.count, terms: count))]
        for (n, shard) in shards.enumerated() { files.append(("t/\(n).json", shard)) }
        // On every core: 10,000 documents' records, their text quoted, were a fifth of a second on one.
        let documentShards = Array(0..<((docs.count + docsPerShard - 1) / docsPerShard)).parallelMap { n in
            "[" + docs[(n * docsPerShard)..<min((n + 1) * docsPerShard, docs.count)].map(record).joined(separator: ",") + "]"
        }
        for (n, shard) in documentShards.enumerated() { files.append(("d/\(n).json", shard)) }
        return files
    }

    static func manifest(docs: Int, terms: Int) -> String {
        "{\"version\":1,\"docs\":\(docs),\"terms\":\(terms),\"perShard\":\(docsPerShard),\"lead\":\(leadLength)}"
    }

    /// The first `leadLength` characters of the text, given as valid UTF-8 (`SearchText`'s),
    /// white space collapsed; read only as far as it goes, and copied as bytes: a String
    /// built a scalar at a time, with Unicode's properties looked up for each, was a tenth of
    /// the index's instructions.
    static func lead(utf8: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(leadLength * 3)
        var count = 0
        var space = false
        utf8.withUnsafeBufferPointer { u in
            var i = 0
            while i < u.count, count < leadLength {
                let (value, length) = u[i] < 0x80 ? (UInt32(u[i]), 1) : SearchTokenizer.decode(u, at: i)
                if isWhitespace(value) {
                    space = !out.isEmpty
                } else {
                    if space { out.append(0x20); count += 1; space = false }
                    out.append(contentsOf: u[i..<(i + length)])
                    count += 1
                }
                i += length
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Unicode's White_Space, whole.
    private static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    static func record(_ doc: SearchDocument) -> String {
        "[" + [doc.url, doc.title, doc.date, doc.terms.lead].map { jsonQuoted($0) }.joined(separator: ",") + "]"
    }

    /// The postings of one part of the terms, as the merge finds them.
    struct PartMerge {
        let table = TermTable(capacity: 1024)
        /// Every posting of the part in one list, with its term's number, then grouped by
        /// term (a counting sort): a growing list per term was reallocated and checked at
        /// every posting.
        var numbers: [Int32] = []
        var found: [Posting] = []

        mutating func add(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32, _ posting: Posting) {
            numbers.append(Int32(table.insert(term, hash: hash)))
            found.append(posting)
        }

        /// Each term with its postings, in the order the documents were given.
        func entries() -> [Entry] {
            let byTerm = CountingSort(count: numbers.count, buckets: table.count) { Int(numbers[$0]) }
            let grouped = byTerm.order.map { found[$0] }
            let starts = byTerm.starts
            return (0..<table.count).map { n in
                Entry(TermKey(table.string(n), hash: table.hashes[n]), Array(grouped[starts[n]..<starts[n + 1]]), keep: maxPostings)
            }
        }
    }

    /// One term of a shard: its list and the line it is written as.
    struct Entry {
        var key: TermKey
        var postings: [Posting]
        var kept: Int
        var line: String

        var term: String { key.term }

        init(_ key: TermKey, _ postings: [Posting], keep: Int) {
            (self.key, self.postings, kept) = (key, postings, min(keep, postings.count))
            // The list is digits and `|,;` alone: nothing in it to escape.
            line = jsonQuoted(key.term) + ":\"" + encode(postings, keep: keep) + "\""
        }
    }

    /// The terms in `count` shards by hash, each shard's terms sorted (the same site gives
    /// the same bytes). A shard over `shardLimit` has its longest lists halved, best postings
    /// kept, until it fits: a rare term, which finds a post, keeps all of its own.
    static func termShards(_ all: [Entry], count: Int) -> [String] {
        var shards = [[Entry]](repeating: [], count: count)
        for entry in all { shards[Int(entry.key.hash % UInt32(count))].append(entry) }
        return shards.parallelMap { terms -> String in
            // By bytes, as the keys are compared: the same site gives the same file. Sorted
            // first, so that which of two lists as long is halved does not depend on the order
            // the merge made them in (a Dictionary's, once: two builds could differ).
            var entries = terms.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
            var size = entries.reduce(0) { $0 + $1.line.utf8.count + 1 }
            while size > shardLimit, let longest = entries.indices.max(by: { entries[$0].kept < entries[$1].kept }),
                entries[longest].kept > 1
            {
                let old = entries[longest]
                entries[longest] = Entry(old.key, old.postings, keep: old.kept / 2)
                size += entries[longest].line.utf8.count - old.line.utf8.count
            }
            if size > shardLimit {
                entries = fitted(entries).sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
            }
            return "{" + entries.map(\.line).joined(separator: ",") + "}"
        }
    }

    /// Terms of one posting each, too many for one shard (a post of 100,000 made-up words):
    /// those that score best are kept, until the shard is full.
    static func fitted(_ entries: [Entry]) -> [Entry] {
        var kept: [Entry] = []
        var size = 2
        let best = entries.sorted {
            let (a, b) = ($0.postings.map(\.score).max() ?? 0, $1.postings.map(\.score).max() ?? 0)
            return a != b ? a > b : $0.term.utf8.lexicographicallyPrecedes($1.term.utf8)
        }
        for entry in best where size + entry.line.utf8.count + 1 <= shardLimit {
            kept.append(entry)
            size += entry.line.utf8.count + 1
        }
        return kept
    }

    /// FNV-1a, 32 bits, over the term's UTF-8: the script computes the same (`hash`).
    package static func fnv1a(_ term: String) -> UInt32 {
        var term = term
        return term.withUTF8(fnv1a)
    }

    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }
}
