import Foundation

/// A term as a dictionary key, hashed and compared by its UTF-8 bytes. String's own hashing
/// and `==` normalize non-ASCII text first (NFC), which was most of the index's time on
/// Chinese; the tokenizer's terms are normalized already (NFKC), so bytes say the same.
struct TermKey: Hashable {
    let term: String
    /// FNV-1a of the term, which also picks its shard.
    let hash: UInt32

    init(_ term: String) {
        self.term = term
        hash = SearchIndex.fnv1a(term)
    }

    /// A term whose hash is known (made from its bytes).
    init(_ term: String, hash: UInt32) { (self.term, self.hash) = (term, hash) }

    static func == (a: TermKey, b: TermKey) -> Bool {
        guard a.hash == b.hash, a.term.utf8.count == b.term.utf8.count else { return false }
        // Contiguous bytes compared at once: the element-wise walk was a tenth of the index.
        var (x, y) = (a.term, b.term)
        return x.withUTF8 { p in y.withUTF8 { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
