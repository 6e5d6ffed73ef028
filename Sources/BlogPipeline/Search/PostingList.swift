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
        var counts: [Int: Int] = [:]
        for posting in all { counts[Int(posting.score), default: 0] += 1 }
        var lowest = 0
        var above = 0  // postings scoring more than `lowest`
        for (score, count) in counts.sorted(by: { $0.key > $1.key }) {
            lowest = score
            if above + count >= keep { break }
            above += count
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
