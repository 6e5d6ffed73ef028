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
    /// which makes no String per term (a String per token was a tenth of a cold build).
    @discardableResult
    package static func indexBytes(_ text: String, start: Int = 0, _ emit: (UnsafeBufferPointer<UInt8>, Int) -> Void) -> Int {
        var position = start
        var pair: [UInt8] = []
        scanBytes(text) { word, exact in
            emit(word, position)
            if let exact { emit(exact, position) }
            position += 1
        } cjk: { chars in
            for (i, char) in chars.enumerated() {
                pair.removeAll(keepingCapacity: true)
                pair.append(contentsOf: UTF8.encode(char)!)
                pair.withUnsafeBufferPointer { emit($0, position + i) }
                if i + 1 < chars.count {
                    pair.append(contentsOf: UTF8.encode(chars[i + 1])!)
                    pair.withUnsafeBufferPointer { emit($0, position + i) }
                }
            }
            position += chars.count
        }
        return position
    }

    /// The terms a query looks up, in order, each once: a CJK run of one character is that
    /// character, a longer one its bigrams.
    package static func query(_ text: String, limit: Int = 24) -> [String] {
        var terms: [String] = []
        var seen = Set<String>()
        func add(_ term: String) {
            if terms.count < limit, seen.insert(term).inserted { terms.append(term) }
        }
        scanBytes(text) { word, exact in
            add(String(decoding: word, as: UTF8.self))
            if let exact { add(String(decoding: exact, as: UTF8.self)) }
        } cjk: { chars in
            if chars.count == 1 { return add(String(chars[0])) }
            for i in 0..<(chars.count - 1) { add(String(chars[i]) + String(chars[i + 1])) }
        }
        return terms
    }

    /// The words and CJK runs of the text, in order. A word is given as its UTF-8, valid only
    /// during the call: its stem, and `=` and the word itself when stemming changed it
    /// (`slowed`: `slow` and `=slowed`), so that a post with the very word ranks above its kin.
    static func scanBytes(
        _ text: String, word take: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>?) -> Void,
        cjk: ([Unicode.Scalar]) -> Void
    ) {
        // The word's UTF-8, and whether it is all ASCII: such a word (most of any English
        // text) is lower-cased, cut and stemmed as bytes, with no String made.
        var word: [UInt8] = []
        // `=` and the word before stemming; reused, so that no word allocates.
        var exact: [UInt8] = []
        var ascii = true
        // Scalars kept of the current word: a word's first 80 are folded, the rest dropped,
        // so that a word of megabytes costs no more than its length.
        var kept = 0
        var run: [Unicode.Scalar] = []
        func give(_ stem: [UInt8], _ exact: [UInt8]?) {
            stem.withUnsafeBufferPointer { s in
                guard let exact else { return take(s, nil) }
                exact.withUnsafeBufferPointer { take(s, $0) }
            }
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            defer {
                word.removeAll(keepingCapacity: true)
                (kept, ascii) = (0, true)
            }
            if ascii {
                for i in word.indices where word[i] >= 0x41 && word[i] <= 0x5A { word[i] |= 0x20 }
                if word.count > maxWordLength { word.removeLast(word.count - maxWordLength) }
                exact.removeAll(keepingCapacity: true)
                exact.append(UInt8(ascii: "="))
                exact.append(contentsOf: word)
                guard EnglishStemmer.stem(&word), !word.elementsEqual(exact.dropFirst()) else {
                    exact.withUnsafeBufferPointer { take(UnsafeBufferPointer(rebasing: $0.dropFirst()), nil) }
                    return
                }
                if word.isEmpty { return }
                give(word, exact)
                return
            }
            let folded = fold(String(decoding: word, as: UTF8.self))
            let stem = EnglishStemmer.stem(folded)
            if !stem.isEmpty { give(Array(stem.utf8), stem == folded ? nil : Array(("=" + folded).utf8)) }
        }
        func flushRun() {
            guard !run.isEmpty else { return }
            if run.allSatisfy({ isStable($0.value) }) {
                cjk(run)
            } else {
                for part in normalizedRuns(run) { cjk(part) }
            }
            run.removeAll(keepingCapacity: true)
        }
        func append(_ scalar: Unicode.Scalar) {
            guard kept < maxWordLength * 2 else { return }
            kept += 1
            if scalar.value < 0x80 {
                word.append(UInt8(scalar.value))
            } else {
                ascii = false
                word.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        for scalar in text.unicodeScalars {
            switch kind(of: scalar) {
            case .cjk:
                flushWord()
                run.append(scalar)
            case .letter:
                flushRun()
                append(scalar)
            case .mark where kept > 0:
                append(scalar)
            case .mark, .other:
                flushWord()
                flushRun()
            }
        }
        flushWord()
        flushRun()
    }

    enum Kind { case cjk, letter, mark, other }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        if v < 0x80 {
            let isLetter = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            return isLetter ? .letter : .other
        }
        if isCJK(v) { return .cjk }
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
    static func normalizedRuns(_ run: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        if run.allSatisfy({ isStable($0.value) }) { return [run] }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: run)
        var parts: [[Unicode.Scalar]] = [[]]
        for scalar in String(text).precomposedStringWithCompatibilityMapping.unicodeScalars {
            if isCJK(scalar.value) {
                parts[parts.count - 1].append(scalar)
            } else if !parts[parts.count - 1].isEmpty {
                parts.append([])
            }
        }
        return parts.filter { !$0.isEmpty }
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
