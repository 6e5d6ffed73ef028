import BlogCore
import Foundation

/// A post or page as the search index takes it.
package struct SearchDocument: Sendable {
    /// The link to it, as pages write links (`/blog/2016/12/a/`).
    package var url: String
    package var title: String
    /// As the theme shows a date (`2016年12月31日`); empty for a page.
    package var date: String
    package var tags: [String]
    /// Its HTML, the text of which is indexed (`SearchText`).
    package var html: String

    package init(url: String, title: String, date: String, tags: [String], html: String) {
        (self.url, self.title, self.date, self.tags, self.html) = (url, title, date, tags, html)
    }
}

/// The search index of a site, as files under `search/` (format in the README, § Search):
///
/// - `index.json`, the manifest: how many documents and term shards, documents per shard.
///   How many shards there are is known before the index is made (`Layout`).
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
    package static let shardTarget = 12_000
    /// A term keeps its best postings, at most this many: a word in every one of 10,000
    /// posts would otherwise be a 90 KB list that ranks nothing.
    package static let maxPostings = 600
    /// Characters of a post's text kept for its excerpt.
    package static let leadLength = 160
    /// Where the body's positions start, after the title's and the tags'.
    static let bodyStart = 1_000

    struct Posting {
        var doc: Int32
        var score: UInt16
        var position: Int32
    }

    /// How many files of each kind an index of these documents has, known before it is
    /// made (the build plans every path first): from the number of documents and of their
    /// words, so that shards come out about `shardTarget` big.
    package struct Layout: Equatable {
        package var termShards: Int
        package var docShards: Int

        /// - Parameter cjkShare: how much of the text is Chinese, Japanese or Korean (0…1),
        ///   whose characters each make two terms, where a word makes one.
        package init(docs: Int, words: Int, cjkShare: Double = 0) {
            let perWord = (3 + 7 * min(1, max(0, cjkShare))) * Layout.saturation(docs: docs)
            let bytes = Int(Double(words) * perWord)
            termShards = max(1, (bytes + shardTarget - 1) / shardTarget)
            docShards = (docs + docsPerShard - 1) / docsPerShard
        }

        /// The more posts, the more of their words are ones other posts have already used,
        /// whose lists the cap on postings stops (Heaps' law); measured on the corpora and
        /// generated sites of 1,000 and 10,000 posts.
        static func saturation(docs: Int) -> Double {
            min(1, pow(200 / Double(max(docs, 1)), 0.3))
        }

        /// Every path, under `search/`.
        package var paths: [String] {
            ["index.json"] + (0..<termShards).map { "t/\($0).json" } + (0..<docShards).map { "d/\($0).json" }
        }
    }

    /// Documents per document shard: a record is at most a lead, a title, a URL and a date.
    package static let docsPerShard = 6
    /// No term shard is larger: past it, the longest lists in it keep only their best postings.
    package static let shardLimit = 3 * shardTarget

    /// The files of the index, by path under `search/`, as `layout` names them.
    package static func files(_ docs: [SearchDocument], layout: Layout) -> [(path: String, text: String)] {
        let indexed = docs.parallelMap(index)
        var postings: [TermKey: [Posting]] = [:]
        for (id, doc) in indexed.enumerated() {
            for (term, value) in doc.terms {
                postings[term, default: []].append(
                    Posting(doc: Int32(id), score: UInt16(min(value.score, 0xFFFF)), position: Int32(value.position)))
            }
        }
        let shards = termShards(postings, count: layout.termShards)
        var files: [(String, String)] = [("index.json", manifest(docs: docs.count, layout: layout))]
        for (n, shard) in shards.enumerated() { files.append(("t/\(n).json", shard)) }
        for n in 0..<layout.docShards {
            let records = indexed[(n * docsPerShard)..<min((n + 1) * docsPerShard, indexed.count)].map(\.record)
            files.append(("d/\(n).json", "[" + records.joined(separator: ",") + "]"))
        }
        return files
    }

    static func manifest(docs: Int, layout: Layout) -> String {
        "{\"version\":1,\"docs\":\(docs),\"terms\":\(layout.termShards),\"perShard\":\(docsPerShard),\"lead\":\(leadLength)}"
    }

    /// A term's score in one document, its first position, and how often the body has it.
    struct Tally {
        var score = 0
        var position: Int
        var mentions = 0

        /// Many mentions count, but ten are as good as a hundred.
        mutating func mention() {
            if mentions < 10 { score += 1 }
            mentions += 1
        }
    }

    /// What one document adds: its terms with their score and first position, its record.
    struct Indexed {
        var terms: [TermKey: Tally] = [:]
        var record: String = ""
    }

    /// Weights by field: a title match outranks any number of body matches up to ten.
    static func index(_ doc: SearchDocument) -> Indexed {
        var result = Indexed()
        func add(_ term: String, _ position: Int, weight: Int) {
            result.terms[TermKey(term), default: Tally(position: position)].score += weight
        }
        let end = SearchTokenizer.index(doc.title) { add($0, $1, weight: 24) }
        var next = end + 1
        for tag in doc.tags { next = SearchTokenizer.index(tag, start: next) { add($0, $1, weight: 12) } + 1 }
        let text = SearchText(html: doc.html)
        SearchTokenizer.index(text.body, start: bodyStart) { term, position in
            result.terms[TermKey(term), default: Tally(position: position)].mention()
        }
        // Headings are in the body too, which gave their terms a position.
        SearchTokenizer.index(text.headings) { term, position in add(term, position, weight: 6) }
        result.record = record(doc, lead: lead(text.body))
        return result
    }

    /// The first `leadLength` characters of the text, white space collapsed.
    static func lead(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); count += 1; space = false }
            out.append(scalar)
            count += 1
            if count >= leadLength { break }
        }
        return String(out)
    }

    static func record(_ doc: SearchDocument, lead: String) -> String {
        "[" + [doc.url, doc.title, doc.date, lead].map { jsonQuoted($0) }.joined(separator: ",") + "]"
    }

    /// `df|` and the best `keep` postings, in document order.
    static func encode(_ all: [Posting], keep: Int = maxPostings) -> String {
        var list = all
        if list.count > keep {
            list.sort { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
            list = Array(list.prefix(keep)).sorted { $0.doc < $1.doc }
        }
        var out = String(all.count, radix: 36) + "|"
        var previous: Int32 = 0
        for (i, posting) in list.enumerated() {
            if i > 0 { out += ";" }
            out += String(posting.doc - previous, radix: 36) + "," + String(posting.score, radix: 36) + ","
                + String(posting.position, radix: 36)
            previous = posting.doc
        }
        return out
    }

    /// One term of a shard: its list and the line it is written as.
    struct Entry {
        var term: String
        var postings: [Posting]
        var kept: Int
        var line: String

        init(_ term: String, _ postings: [Posting], keep: Int) {
            (self.term, self.postings, kept) = (term, postings, min(keep, postings.count))
            line = jsonQuoted(term) + ":" + jsonQuoted(encode(postings, keep: keep))
        }
    }

    /// The terms in `count` shards by hash, each shard's terms sorted (the same site gives
    /// the same bytes). A shard over `shardLimit` has its longest lists halved, best postings
    /// kept, until it fits: a rare term, which finds a post, keeps all of its own.
    static func termShards(_ postings: [TermKey: [Posting]], count: Int) -> [String] {
        var shards = [[(TermKey, [Posting])]](repeating: [], count: count)
        for (key, list) in postings { shards[Int(key.hash % UInt32(count))].append((key, list)) }
        return shards.parallelMap { terms -> String in
            var entries = terms.map { Entry($0.0.term, $0.1, keep: maxPostings) }
            var size = entries.reduce(0) { $0 + $1.line.utf8.count + 1 }
            while size > shardLimit, let longest = entries.indices.max(by: { entries[$0].kept < entries[$1].kept }),
                entries[longest].kept > 1
            {
                let old = entries[longest]
                entries[longest] = Entry(old.term, old.postings, keep: old.kept / 2)
                size += entries[longest].line.utf8.count - old.line.utf8.count
            }
            if size > shardLimit { entries = fitted(entries) }
            // By bytes, as the keys are compared: the same site gives the same file.
            entries.sort { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
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
        var hash: UInt32 = 0x811C_9DC5
        for byte in term.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }
}
