/// How a term's postings are written in its shard (README, § Search: Format).
extension SearchIndex {
    /// `df|` and the best `keep` postings, in document order. Written as bytes: digits by
    /// `String(radix:)` were a tenth of a build after an edit.
    static func encode(_ all: [Posting], keep: Int = maxPostings) -> String {
        let list = all.count > keep ? best(all, keep: keep) : all
        var out: [UInt8] = []
        out.reserveCapacity(8 + list.count * 8)
        base36(all.count, into: &out)
        out.append(UInt8(ascii: "|"))
        var previous: Int32 = 0
        for (i, posting) in list.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ";")) }
            base36(Int(posting.doc - previous), into: &out)
            out.append(UInt8(ascii: ","))
            base36(Int(posting.score), into: &out)
            out.append(UInt8(ascii: ","))
            base36(Int(posting.position), into: &out)
            previous = posting.doc
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `keep` postings of the highest score, the earlier document first among equal
    /// ones, in document order (as `all` is). Linear: a score is small, so the lowest score
    /// kept is found by counting, not by sorting every list of a common term (twice), which
    /// was a tenth of the index after an edit.
    static func best(_ all: [Posting], keep: Int) -> [Posting] {
        // Counted in an array as long as the highest score (a few hundred at most in a real
        // post; a Dictionary hashed every posting of every common term).
        var counts = [Int](repeating: 0, count: Int(all.lazy.map(\.score).max() ?? 0) + 1)
        for posting in all { counts[Int(posting.score)] += 1 }
        var lowest = 0
        var above = 0  // postings scoring more than `lowest`
        for score in counts.indices.reversed() where counts[score] > 0 {
            lowest = score
            if above + counts[score] >= keep { break }
            above += counts[score]
        }
        var atLowest = keep - above
        var list: [Posting] = []
        list.reserveCapacity(keep)
        for posting in all where Int(posting.score) > lowest || (Int(posting.score) == lowest && atLowest > 0) {
            if Int(posting.score) == lowest { atLowest -= 1 }
            list.append(posting)
        }
        return list
    }

    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// A number ≥ 0 in base 36, as `String(n, radix: 36)` writes it.
    static func base36(_ number: Int, into out: inout [UInt8]) {
        var n = max(0, number)
        var reversed: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &reversed) { buffer in
            repeat {
                buffer[count] = digits[n % 36]
                n /= 36
                count += 1
            } while n > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }
}
