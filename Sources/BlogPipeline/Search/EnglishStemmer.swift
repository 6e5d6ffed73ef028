import Foundation

/// Light English stemming for the search index: plurals, `-ing`, `-ed` and a final `e`, so
/// that `caches`, `cached`, `caching` and `cache` are one term. Deliberately small (not
/// Porter's 60 rules): it runs on every word of every post, and the script (`stem` in
/// `search.js`) must do exactly the same to a query.
package enum EnglishStemmer {
    package static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        return stem(&w) ? String(decoding: w, as: UTF8.self) : word
    }

    /// Stems the bytes of a lower-case word in place; false when it is no word to stem.
    @discardableResult
    static func stem(_ w: inout [UInt8]) -> Bool {
        let count = w.withUnsafeMutableBufferPointer { stem($0, count: $0.count) }
        guard let count else { return false }
        w.removeLast(w.count - count)
        return true
    }

    /// Stems the first `count` bytes of `w`, a lower-case word, in place (the tokenizer's
    /// path for ASCII words, which makes no String and no array); the stem's length, or nil
    /// when it is no word to stem. Every rule shortens the word: a stem as long as the word
    /// is the word.
    static func stem(_ w: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int? {
        // Only plain ASCII letters: a word of another language or with digits stays whole.
        guard count >= 4, w[..<count].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        var n = count
        if ends(w, n, "sses") {
            n -= 2
        } else if ends(w, n, "ies") && n > 4 {
            n -= 2
            w[n - 1] = UInt8(ascii: "y")
        } else if ends(w, n, "s") && !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is") {
            n -= 1
        }
        if ends(w, n, "ing") && n - 3 >= 3 && hasVowel(w, before: n - 3) {
            n = undoubled(w, n - 3)
        } else if ends(w, n, "ed") && n - 2 >= 3 && hasVowel(w, before: n - 2) {
            n = undoubled(w, n - 2)
        }
        if ends(w, n, "e") && n >= 4 { n -= 1 }
        return n
    }

    /// Whether `w[..<n]` ends with `suffix`.
    private static func ends(_ w: UnsafeMutableBufferPointer<UInt8>, _ n: Int, _ suffix: StaticString) -> Bool {
        let k = suffix.utf8CodeUnitCount
        guard n >= k else { return false }
        return suffix.withUTF8Buffer { s in memcmp(w.baseAddress! + n - k, s.baseAddress!, k) == 0 }
    }

    private static func hasVowel(_ w: UnsafeMutableBufferPointer<UInt8>, before end: Int) -> Bool {
        w[..<end].contains { "aeiouy".utf8.contains($0) }
    }

    /// `runn` → `run`, `stopp` → `stop`; `fall`, `pass`, `buzz` keep theirs.
    private static func undoubled(_ w: UnsafeMutableBufferPointer<UInt8>, _ n: Int) -> Int {
        guard n >= 3, w[n - 1] == w[n - 2], !"lszaeiou".utf8.contains(w[n - 1]) else { return n }
        return n - 1
    }
}
