import Foundation

/// Terms by their UTF-8 bytes, each numbered in the order first added: an open-addressing
/// hash table over one buffer of bytes. Tokenizing a post and merging the site's postings
/// add millions of terms; a Dictionary keyed by a String made per term (with Hasher) was most
/// of the index's time, and this makes no String and no allocation per term.
struct TermTable {
    /// Every term's bytes, one after another: term `i` ends at `ends[i]`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    /// FNV-1a of each term (`SearchIndex.fnv1a`), which also picks its part and shard.
    private(set) var hashes: [UInt32] = []
    /// A term's hash (high 32 bits) and number + 1 (low 32 bits) in each slot, 0 for none,
    /// beside its bytes when it has at most 7 (`short`): a probe compares hashes, and most
    /// terms (a CJK character or pair, a short word) whole, without a look elsewhere. A power
    /// of two long, at most half full.
    private var slots: [Slot]
    private var shift: UInt32

    private struct Slot {
        var entry: UInt64 = 0
        var short: UInt64 = 0
    }

    init(capacity: Int = 256) {
        var bits: UInt32 = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = Array(repeating: Slot(), count: 1 << bits)
        shift = 32 - bits
        bytes.reserveCapacity(capacity * 6)
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    var count: Int { ends.count }

    func start(_ i: Int) -> Int { i == 0 ? 0 : ends[i - 1] }

    /// The term's bytes as a String (for JSON and sorting, once per term of the site).
    func string(_ i: Int) -> String { String(decoding: bytes[start(i)..<ends[i]], as: UTF8.self) }

    /// The number of the term, added if new; `hash` is its FNV-1a.
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        let short = Self.short(term)
        // Fibonacci hashing: FNV-1a's low bits alone cluster on short terms.
        var slot = Int((hash &* 0x9E37_79B1) >> shift)
        let mask = slots.count - 1
        while true {
            let entry = slots[slot].entry
            if entry == 0 { break }
            if UInt32(entry >> 32) == hash {
                let found = Int(UInt32(truncatingIfNeeded: entry)) - 1
                if short != 0 ? slots[slot].short == short : equal(found, term) { return found }
            }
            slot = (slot + 1) & mask
        }
        let number = ends.count
        bytes.append(contentsOf: term)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Slot(entry: UInt64(hash) << 32 | UInt64(number + 1), short: short)
        if ends.count * 2 > slots.count { grow() }
        return number
    }

    /// A term of 1 to 7 bytes as one number, its length in the top byte (so that no two
    /// terms share one); 0 for a longer or empty term, compared byte by byte.
    private static func short(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard (1...7).contains(term.count) else { return 0 }
        var packed = UInt64(term.count) << 56
        for i in 0..<term.count { packed |= UInt64(term[i]) << (8 * UInt64(i)) }
        return packed
    }

    private func equal(_ i: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = start(i)
        guard ends[i] - from == term.count else { return false }
        if term.isEmpty { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + from, term.baseAddress!, term.count) == 0 }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for moved in old where moved.entry != 0 {
            var slot = Int((UInt32(moved.entry >> 32) &* 0x9E37_79B1) >> shift)
            while slots[slot].entry != 0 { slot = (slot + 1) & mask }
            slots[slot] = moved
        }
    }
}
