import Foundation

/// Splits text into the terms of the search index. The search page's script
/// (`themes/default/assets/search.js`, `tokenize`) does the same to a query, so that a query
/// and the text it was typed from give the same terms; `SearchTokenizerTests` and
/// `bench/search-oracle.py` hold the two to the same strings.
///
/// - Han, kana and Hangul: overlapping character bigrams, plus each character alone (for
///   one-character queries). No dictionary segmenter: a query and the index never disagree
///   on where words end (the failure of Pagefind on Chinese), and any substring of two
///   characters or more is found.
/// - Other letters and digits: words, NFKC-folded (full-width `Ｓｗｉｆｔ` is `swift`),
///   lower-cased, without accents (`café` is `cafe`), with light English stemming.
/// - Punctuation, symbols and emoji separate terms and are not terms.
package enum SearchTokenizer {
    /// A longer word is cut here: no real word is longer, and a 50 MB "word" must not make a
    /// 50 MB term.
    package static let maxWordLength = 40

    /// Every term of `text` with its position (words and CJK characters counted from
    /// `start`), as the index stores them: CJK characters both alone and in bigrams.
    /// Returns the position after the last term. Linear in the text.
    @discardableResult
    package static func index(_ text: String, start: Int = 0, _ emit: (String, Int) -> Void) -> Int {
        indexBytes(text, start: start) { emit(String(decoding: $0, as: UTF8.self), $1) }
    }

    /// `index` with each term as its UTF-8, valid only during the call: the index's path,
    /// which makes no String per term (a String per token was a tenth of a cold build), and
    /// gives a CJK character or pair as the bytes of the text itself.
    @discardableResult
    package static func indexBytes(_ text: String, start: Int = 0, _ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Int {
        var text = text
        return text.withUTF8 { indexBytes(utf8: $0, start: start, emit) }
    }

    /// `indexBytes` of text given as its UTF-8, which must be valid (a String's, or cut from
    /// one at ASCII bytes).
    @discardableResult
    package static func indexBytes(utf8 text: UnsafeBufferPointer<UInt8>, start: Int = 0, _ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Int {
        var position = start
        scanBytes(utf8: text) { word, exact in
            emit(word, position)
            if let exact { emit(exact, position) }
            position += 1
        } cjk: { run in
            for i in 0..<run.count {
                emit(run.character(i), position + i)
                if i + 1 < run.count { emit(run.pair(i), position + i) }
            }
            position += run.count
        }
        return position
    }

    /// The terms a query looks up, in order, each once: a CJK run of one character is that
    /// character, a longer one its bigrams.
    package static func query(_ text: String, limit: Int = 24) -> [String] {
        var terms: [String] = []
        var seen = Set<String>()
        func add(_ term: UnsafeBufferPointer<UInt8>) {
            let term = String(decoding: term, as: UTF8.self)
            if terms.count < limit, seen.insert(term).inserted { terms.append(term) }
        }
        scanBytes(text) { word, exact in
            add(word)
            if let exact { add(exact) }
        } cjk: { run in
            if run.count == 1 { return add(run.character(0)) }
            for i in 0..<(run.count - 1) { add(run.pair(i)) }
        }
        return terms
    }

    /// A run of CJK characters as UTF-8, valid only during the call that gives it.
    struct Run {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where each character starts, and where the run ends.
        let bounds: UnsafeBufferPointer<Int>

        var count: Int { bounds.count - 1 }
        func character(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[bounds[i]..<bounds[i + 1]]) }
        /// Characters `i` and `i + 1`.
        func pair(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[bounds[i]..<bounds[i + 2]]) }
    }

    /// The words and CJK runs of the text, in order, read from its UTF-8 with no String made
    /// for nearly any text. A word is given as its UTF-8, valid only during the call: its
    /// stem, and `=` and the word itself when stemming changed it (`slowed`: `slow` and
    /// `=slowed`), so that a post with the very word ranks above its kin.
    static func scanBytes(
        _ text: String, word take: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>?) -> Void,
        cjk: (Run) -> Void
    ) {
        var text = text
        text.withUTF8 { scanBytes(utf8: $0, word: take, cjk: cjk) }
    }

    static func scanBytes(
        utf8 u: UnsafeBufferPointer<UInt8>, word take: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>?) -> Void,
        cjk: (Run) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: WordScanner.bufferSize) { buffer in
            var words = WordScanner(buffer: buffer)
            scan(u, &words, word: take, cjk: cjk)
        }
    }

    private static func scan(
        _ u: UnsafeBufferPointer<UInt8>, _ words: inout WordScanner,
        word take: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>?) -> Void, cjk: (Run) -> Void
    ) {
        // The run being read: where it starts in the text (-1: none) and where each of its
        // characters starts, from there; a run of characters NFKC leaves alone (nearly every
        // run of Chinese, Japanese and Korean) is given as the text's own bytes.
        var runStart = -1
        var bounds: [Int] = []
        var stable = true
        func flushRun(at end: Int) {
            guard runStart >= 0 else { return }
            bounds.append(end - runStart)
            if stable {
                let bytes = UnsafeBufferPointer(rebasing: u[runStart..<end])
                bounds.withUnsafeBufferPointer { cjk(Run(bytes: bytes, bounds: $0)) }
            } else {
                for part in normalizedRuns(String(decoding: u[runStart..<end], as: UTF8.self)) { give(part, to: cjk) }
            }
            (runStart, stable) = (-1, true)
            bounds.removeAll(keepingCapacity: true)
        }
        let n = u.count
        var i = 0
        while i < n {
            let byte = u[i]
            if byte < 0x80 {
                guard isWordByte(byte) else {
                    words.flush(take)
                    flushRun(at: i)
                    i += 1
                    continue
                }
                flushRun(at: i)
                // The ASCII letters and digits from here, taken at once.
                var j = i + 1
                while j < n, u[j] < 0x80, isWordByte(u[j]) { j += 1 }
                words.append(ascii: UnsafeBufferPointer(rebasing: u[i..<j]))
                i = j
                continue
            }
            let (value, length) = decode(u, at: i)
            switch kind(of: value) {
            case .cjk:
                words.flush(take)
                if runStart < 0 { runStart = i }
                bounds.append(i - runStart)
                if stable && !isStable(value) { stable = false }
            case .letter:
                flushRun(at: i)
                words.append(scalar: UnsafeBufferPointer(rebasing: u[i..<(i + length)]))
            case .mark where words.isStarted:
                words.append(scalar: UnsafeBufferPointer(rebasing: u[i..<(i + length)]))
            case .mark, .other:
                words.flush(take)
                flushRun(at: i)
            }
            i += length
        }
        words.flush(take)
        flushRun(at: n)
    }

    /// The scalar whose UTF-8 starts at `i` (a String's UTF-8 is always valid) and its length.
    static func decode(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let lead = u[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        for k in 1..<length { value = value << 6 | UInt32(u[i + k] & 0x3F) }
        return (value, length)
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    /// The word being read, as UTF-8, and what it becomes: folded, cut and stemmed. An ASCII
    /// word (most of any English text) is all of that as bytes, in one buffer made once per
    /// text: no String, no array.
    private struct WordScanner {
        /// At most 80 scalars of at most 4 bytes: the word, its stem, then `=` and the word.
        static let capacity = maxWordLength * 2 * 4
        static let bufferSize = 3 * capacity + 1
        let buffer: UnsafeMutableBufferPointer<UInt8>
        /// Bytes of the word.
        var count = 0
        var ascii = true
        /// Scalars kept of the word: its first 80 are folded, the rest dropped, so that a
        /// word of megabytes costs no more than its length.
        var kept = 0

        init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

        var isStarted: Bool { kept > 0 }

        mutating func append(ascii bytes: UnsafeBufferPointer<UInt8>) {
            let taken = min(bytes.count, maxWordLength * 2 - kept)
            guard taken > 0 else { return }
            kept += taken
            (buffer.baseAddress! + count).update(from: bytes.baseAddress!, count: taken)
            count += taken
        }

        mutating func append(scalar bytes: UnsafeBufferPointer<UInt8>) {
            guard kept < maxWordLength * 2 else { return }
            kept += 1
            ascii = false
            (buffer.baseAddress! + count).update(from: bytes.baseAddress!, count: bytes.count)
            count += bytes.count
        }

        mutating func flush(_ take: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>?) -> Void) {
            guard count > 0 else { return }
            defer { (count, kept, ascii) = (0, 0, true) }
            let word = buffer.baseAddress!
            guard ascii else {
                let folded = fold(String(decoding: UnsafeBufferPointer(start: word, count: count), as: UTF8.self))
                let stem = EnglishStemmer.stem(folded)
                if stem.isEmpty { return }
                let exact = stem == folded ? nil : Array(("=" + folded).utf8)
                Array(stem.utf8).withUnsafeBufferPointer { s in
                    guard let exact else { return take(s, nil) }
                    exact.withUnsafeBufferPointer { take(s, $0) }
                }
                return
            }
            for i in 0..<count where word[i] >= 0x41 && word[i] <= 0x5A { word[i] |= 0x20 }
            let n = min(count, maxWordLength)
            let stem = word + Self.capacity
            stem.update(from: word, count: n)
            guard let stemmed = EnglishStemmer.stem(UnsafeMutableBufferPointer(start: stem, count: n), count: n), stemmed != n else {
                return take(UnsafeBufferPointer(start: word, count: n), nil)
            }
            if stemmed == 0 { return }
            let exact = word + 2 * Self.capacity
            exact[0] = UInt8(ascii: "=")
            (exact + 1).update(from: word, count: n)
            take(UnsafeBufferPointer(start: stem, count: stemmed), UnsafeBufferPointer(start: exact, count: n + 1))
        }
    }

    enum Kind { case cjk, letter, mark, other }

    static func kind(of v: UInt32) -> Kind {
        v < 0x1_0000 ? basicKinds[Int(v)] : kindByProperties(v)
    }

    /// The kind of every character of the Basic Multilingual Plane, worked out once: reading
    /// a character's Unicode properties was the tokenizer's main cost on CJK punctuation.
    private static let basicKinds: [Kind] = (0..<UInt32(0x1_0000)).map(kindByProperties)

    private static func kindByProperties(_ v: UInt32) -> Kind {
        if v < 0x80 { return isWordByte(UInt8(v)) ? .letter : .other }
        if isCJK(v) { return .cjk }
        guard let scalar = Unicode.Scalar(v) else { return .other }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber, .letterNumber, .otherNumber: return .letter
        default: return properties.isAlphabetic ? .letter : .other
        }
    }

    /// Han (with the iteration marks 々 and 〇), kana (with ー, without the middle dot ・) and
    /// Hangul, half-width forms included. The script's `isCJK` lists the same ranges.
    static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E80...0x2FDF, 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xF900...0xFAFF, 0x20000...0x3FFFF:
            return true
        case 0x3041...0x309F, 0x30A0...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F, 0x1B000...0x1B16F:
            return true
        case 0x1100...0x11FF, 0x3131...0x318E, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xD7B0...0xD7FF, 0xFFA0...0xFFDC:
            return true
        default:
            return false
        }
    }

    /// Characters that NFKC leaves as they are; a run of only these needs no normalizing
    /// (nearly every run of Chinese, Japanese and Korean text).
    static func isStable(_ v: UInt32) -> Bool {
        switch v {
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return true
        default:
            return false
        }
    }

    /// The run NFKC-normalized (half-width katakana, compatibility ideographs, Kangxi
    /// radicals), split where normalizing made something that is not CJK.
    static func normalizedRuns(_ run: String) -> [[Unicode.Scalar]] {
        var parts: [[Unicode.Scalar]] = [[]]
        for scalar in run.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if isCJK(scalar.value) {
                parts[parts.count - 1].append(scalar)
            } else if !parts[parts.count - 1].isEmpty {
                parts.append([])
            }
        }
        return parts.filter { !$0.isEmpty }
    }

    /// Gives `scalars` as a `Run`.
    private static func give(_ scalars: [Unicode.Scalar], to cjk: (Run) -> Void) {
        var bytes: [UInt8] = []
        var bounds: [Int] = []
        for scalar in scalars {
            bounds.append(bytes.count)
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        bounds.append(bytes.count)
        bytes.withUnsafeBufferPointer { b in bounds.withUnsafeBufferPointer { cjk(Run(bytes: b, bounds: $0)) } }
    }

    /// NFKC, lower case, accents removed (NFD without marks), cut to `maxWordLength`; the
    /// caller stems it (`café` → `caf`, as `cafe`, `cafes` and `caf` are).
    static func fold(_ word: String) -> String {
        var folded: String
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = word.lowercased()
        } else {
            let lowered = word.precomposedStringWithCompatibilityMapping.lowercased()
            var kept = String.UnicodeScalarView()
            for scalar in lowered.decomposedStringWithCanonicalMapping.unicodeScalars {
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: continue
                default: kept.append(scalar)
                }
            }
            // Final sigma is sigma: JavaScript's toLowerCase writes ς at a word's end, Swift σ.
            folded = String(kept).replacingOccurrences(of: "ς", with: "σ")
        }
        if folded.unicodeScalars.count > maxWordLength {
            folded = String(String.UnicodeScalarView(folded.unicodeScalars.prefix(maxWordLength)))
        }
        return folded
    }
}
