import Foundation
import BlogCore
import BlogMarkdown

/// Word counting that is fair to Chinese, Japanese and Korean: each CJK character (Han, kana,
/// Hangul) is one word, and each other run of letters or digits is one word.
public enum WordCounter {
    public static func count(_ text: String) -> Int {
        var words = 0
        var inRun = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {  // most text of most posts: no Unicode property lookups
                let v = scalar.value
                if (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122) {
                    if !inRun { words += 1 }
                    inRun = true
                } else if v != 39 {  // "don't" is one word
                    inRun = false
                }
            } else if isCJK(scalar) {
                words += 1
                inRun = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inRun { words += 1 }
                inRun = true
            } else if scalar != "'" && scalar != "’" {  // "don't" is one word
                inRun = false
            }
        }
        return words
    }

    package static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2EBEF, 0xF900...0xFAFF,  // Han
            0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF,  // kana
            0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F:  // Hangul
            return true
        default:
            return false
        }
    }

    /// Minutes to read, at least one: about 250 words a minute, or as many as `perMinute`
    /// says (a CJK "word" is a character, and a reader reads more of them).
    public static func readingMinutes(words: Int, perMinute: Int = 250) -> Int {
        max(1, (words + perMinute / 2) / max(perMinute, 1))
    }
}

/// Cuts text to at most `limit` characters (whole grapheme clusters, so never inside a CJK
/// character or an emoji), preferring a word boundary for Latin text, and marks the cut.
public func truncate(_ text: String, limit: Int) -> String {
    guard text.count > limit else { return text }
    var cut = text.prefix(limit)
    if let lastSpace = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: lastSpace) > limit * 2 / 3 {
        cut = cut[..<lastSpace]
    }
    return cut.trimmingCharacters(in: .whitespaces) + "…"
}
