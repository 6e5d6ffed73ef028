/// Light English stemming for the search index: plurals, `-ing`, `-ed` and a final `e`, so
/// that `caches`, `cached`, `caching` and `cache` are one term. Deliberately small (not
/// Porter's 60 rules): it runs on every word of every post, and the script (`stem` in
/// `search.js`) must do exactly the same to a query.
package enum EnglishStemmer {
    package static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        return stem(&w) ? String(decoding: w, as: UTF8.self) : word
    }

    /// Stems the bytes of a lower-case word in place (the tokenizer's path for ASCII words,
    /// which makes no String until the term); false when it is no word to stem.
    @discardableResult
    static func stem(_ w: inout [UInt8]) -> Bool {
        // Only plain ASCII letters: a word of another language or with digits stays whole.
        guard w.count >= 4, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "ies") && w.count > 4 {
            w.removeLast(3)
            w.append(UInt8(ascii: "y"))
        } else if ends(w, "s") && !ends(w, "ss") && !ends(w, "us") && !ends(w, "is") {
            w.removeLast()
        }
        if ends(w, "ing") && w.count - 3 >= 3 && hasVowel(w.dropLast(3)) {
            w.removeLast(3)
            undouble(&w)
        } else if ends(w, "ed") && w.count - 2 >= 3 && hasVowel(w.dropLast(2)) {
            w.removeLast(2)
            undouble(&w)
        }
        if ends(w, "e") && w.count >= 4 { w.removeLast() }
        return true
    }

    private static func ends(_ w: [UInt8], _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        return w.count >= n && suffix.withUTF8Buffer { w.suffix(n).elementsEqual($0) }
    }

    private static func hasVowel(_ w: ArraySlice<UInt8>) -> Bool {
        w.contains { "aeiouy".utf8.contains($0) }
    }

    /// `runn` → `run`, `stopp` → `stop`; `fall`, `pass`, `buzz` keep theirs.
    private static func undouble(_ w: inout [UInt8]) {
        guard w.count >= 3, w[w.count - 1] == w[w.count - 2], !"lsz".utf8.contains(w[w.count - 1]),
            !"aeiou".utf8.contains(w[w.count - 1])
        else { return }
        w.removeLast()
    }
}
