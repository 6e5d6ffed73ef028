import Foundation

/// Terms by their UTF-8 bytes, each numbered in the order first added: an open-addressing
/// hash table over one buffer of bytes. Tokenizing a post and merging the site's postings
/// add millions of terms; a Dictionary keyed by a String made per term (with Hasher) was most
/// of the index's time, and this makes no String and no allocation per term.
///
/// A class over memory of its own: as Arrays, every slot written and every term added was
/// checked for a second owner and for its bounds, a fifth of a post's tokenizing. Its state is
/// behind a pointer, not in stored properties, which Swift checks for exclusive access at
/// run time on every write (more than the Arrays' checks). Not shared between threads (each
/// post and each part of the merge makes its own).
final class TermTable {
    /// Every term's bytes, one after another: term `i` ends at `ends[i]`.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: state.pointee.bytes.base, count: state.pointee.bytes.count) }
    var ends: UnsafeBufferPointer<Int> { UnsafeBufferPointer(start: state.pointee.ends.base, count: state.pointee.ends.count) }
    /// FNV-1a of each term (`SearchIndex.fnv1a`), which also picks its part and shard.
    var hashes: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(start: state.pointee.hashes.base, count: state.pointee.hashes.count) }

    private let state: UnsafeMutablePointer<State>

    private struct State {
        var bytes: Growing<UInt8>
        var ends: Growing<Int>
        var hashes: Growing<UInt32>
        /// A term's probe hash (high 32 bits) and number + 1 (low 32 bits) in each slot, 0
        /// for none, beside its bytes when it has at most 7 (`short`): a probe compares
        /// hashes, and most terms (a CJK character or pair, a short word) whole, without a
        /// look elsewhere. A power of two long, at most half full. One table probes by one
        /// kind of hash only: the FNV-1a given (`insert(_:hash:)`) or its own (`insert(_:)`).
        var slots: UnsafeMutableBufferPointer<Slot>
        var shift: UInt32
    }

    private struct Slot {
        var entry: UInt64 = 0
        var short: UInt64 = 0
    }

    init(capacity: Int = 256) {
        var bits: UInt32 = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        let slots = UnsafeMutableBufferPointer<Slot>.allocate(capacity: 1 << bits)
        slots.initialize(repeating: Slot())
        state = .allocate(capacity: 1)
        state.initialize(
            to: State(
                bytes: Growing(capacity: capacity * 6), ends: Growing(capacity: capacity), hashes: Growing(capacity: capacity),
                slots: slots, shift: 32 - bits))
    }

    deinit {
        state.pointee.slots.deallocate()
        state.pointee.bytes.deallocate()
        state.pointee.ends.deallocate()
        state.pointee.hashes.deallocate()
        state.deallocate()
    }

    var count: Int { state.pointee.ends.count }

    func start(_ i: Int) -> Int { i == 0 ? 0 : state.pointee.ends.base[i - 1] }

    /// The term's bytes as a String (for JSON and sorting, once per term of the site).
    func string(_ i: Int) -> String { String(decoding: bytes[start(i)..<ends[i]], as: UTF8.self) }

    /// The number of the term, added if new; `hash` is its FNV-1a, known already (the merge's
    /// terms carry it), and the table probes by it.
    func insert(_ term: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        insert(term, short: Self.short(term), probe: hash) { hash }
    }

    /// The number of the term, added if new, its FNV-1a worked out only then. A post's terms
    /// come once per mention (millions in a site), most of them short: one multiplication
    /// of its bytes packed as one number probes, where FNV-1a took a step per byte.
    func insert(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        let short = Self.short(term)
        let probe = short != 0 ? UInt32(truncatingIfNeeded: (short &* 0x9E37_79B9_7F4A_7C15) >> 32) : SearchIndex.fnv1a(term)
        return insert(term, short: short, probe: probe) { short != 0 ? SearchIndex.fnv1a(term) : probe }
    }

    private func insert(_ term: UnsafeBufferPointer<UInt8>, short: UInt64, probe: UInt32, fnv: () -> UInt32) -> Int {
        // Fibonacci hashing: FNV-1a's low bits alone cluster on short terms.
        var slot = Int((probe &* 0x9E37_79B1) >> state.pointee.shift)
        let mask = state.pointee.slots.count - 1
        let slots = state.pointee.slots.baseAddress!
        while true {
            let entry = slots[slot].entry
            if entry == 0 { break }
            if UInt32(entry >> 32) == probe {
                let found = Int(UInt32(truncatingIfNeeded: entry)) - 1
                if short != 0 ? slots[slot].short == short : equal(found, term) { return found }
            }
            slot = (slot + 1) & mask
        }
        let number = state.pointee.ends.count
        state.pointee.bytes.append(term)
        state.pointee.ends.append(state.pointee.bytes.count)
        state.pointee.hashes.append(fnv())
        slots[slot] = Slot(entry: UInt64(probe) << 32 | UInt64(number + 1), short: short)
        if (number + 1) * 2 > mask + 1 { grow() }
        return number
    }

    /// A term of 1 to 7 bytes as one number, its length in the top byte (so that no two
    /// terms share one); 0 for a longer or empty term, compared byte by byte.
    private static func short(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = term.count
        guard (1...7).contains(count) else { return 0 }
        let p = UnsafeRawPointer(term.baseAddress!)
        var packed: UInt64
        if count >= 4 {
            // Two loads of four bytes that overlap, the second moved to where its bytes go
            // (a CJK character is 3 bytes, a pair 6: a byte at a time was a third of a probe).
            let low = UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            packed = low | high << (8 * UInt64(count - 4))
        } else {
            packed = UInt64(term[0])
            if count > 1 { packed |= UInt64(term[1]) << 8 }
            if count > 2 { packed |= UInt64(term[2]) << 16 }
        }
        return packed | UInt64(count) << 56
    }

    private func equal(_ i: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = start(i)
        guard state.pointee.ends.base[i] - from == term.count else { return false }
        if term.isEmpty { return true }
        return memcmp(state.pointee.bytes.base + from, term.baseAddress!, term.count) == 0
    }

    private func grow() {
        let old = state.pointee.slots
        let slots = UnsafeMutableBufferPointer<Slot>.allocate(capacity: old.count * 2)
        slots.initialize(repeating: Slot())
        state.pointee.shift -= 1
        let shift = state.pointee.shift
        let mask = slots.count - 1
        for moved in old where moved.entry != 0 {
            var slot = Int((UInt32(moved.entry >> 32) &* 0x9E37_79B1) >> shift)
            while slots[slot].entry != 0 { slot = (slot + 1) & mask }
            slots[slot] = moved
        }
        old.deallocate()
        state.pointee.slots = slots
    }
}

/// A list of plain values in memory of its own, doubled as it fills; freed by its owner.
private struct Growing<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    mutating func append(_ element: Element) {
        if count == capacity { reserve(count + 1) }
        base[count] = element
        count += 1
    }

    mutating func append(_ elements: UnsafeBufferPointer<Element>) {
        if count + elements.count > capacity { reserve(count + elements.count) }
        if let from = elements.baseAddress { (base + count).initialize(from: from, count: elements.count) }
        count += elements.count
    }

    private mutating func reserve(_ needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        (base, capacity) = (moved, larger)
    }

    func deallocate() { base.deallocate() }
}
