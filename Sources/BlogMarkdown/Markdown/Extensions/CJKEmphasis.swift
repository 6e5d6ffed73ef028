import CCmark
import BlogCore

/// Emphasis in CJK text by the CommonMark CJK-friendly amendment
/// (github.com/tats-u/markdown-cjk-friendly): a `*` or `_` run beside CJK punctuation opens
/// and closes as beside a letter, so `**「強調」**です` and `**中文，**后面` are strong text, where
/// CommonMark leaves the asterisks or pairs the wrong ones.
///
/// cmark keeps CommonMark's rules, so the Markdown it reads is given what makes its rules
/// answer as the amendment's: beside each run whose answer differs, an invisible stand-in for
/// a letter (or a punctuation mark) that cmark reads as the run's neighbour. cmark then pairs
/// every run itself, nesting and all, and the stand-ins are taken out of the tree after.
package enum CJKEmphasis {
    /// Read by cmark as a letter: neither whitespace nor punctuation (a private-use character).
    package static let asLetter: Character = "\u{E004}"
    /// Read by cmark as punctuation (U+2E2B, a dot punctuation mark no CJK or Latin text uses).
    package static let asPunctuation: Character = "\u{2E2B}"

    /// Whether a text may hold a run the amendment reads otherwise: a `*` or `_` and a
    /// non-ASCII byte, told from bytes — and none of the stand-ins, which are taken out after.
    package static func mayApply(to text: some StringProtocol) -> Bool {
        let bytes = text.utf8
        return bytes.contains { $0 >= 0x80 } && bytes.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }
    }

    /// Whether the stand-ins can be told from the writer's text: not when it holds one.
    /// Searched as UTF-8 bytes: `String.contains(Character)` compares grapheme by grapheme,
    /// with normalization, and took a tenth of a 10,000-post build.
    package static func canApply(to text: String) -> Bool {
        !containsBytes(text, String(asLetter)) && !containsBytes(text, String(asPunctuation))
    }

    /// Whether some `*` or `_` run has a non-ASCII byte right before or after it. A run between
    /// ASCII neighbours reads the same under both rules (the amendment differs only beside CJK
    /// text), so most lines — `snake_case` in a Chinese sentence — are passed over from bytes.
    private static func hasRunBesideNonASCII(_ line: String) -> Bool {
        var previous: UInt8 = 0x20
        var inRun: UInt8 = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") {
                if inRun != byte {
                    if previous >= 0x80 { return true }
                    inRun = byte
                }
            } else {
                if inRun != 0, byte >= 0x80 { return true }
                inRun = 0
            }
            previous = byte
        }
        return false
    }

    /// The line with stand-ins beside the runs that need them, or nil when none does. Code
    /// spans, autolinks, raw HTML and link destinations are left as they are.
    package static func rewrite(_ line: String) -> String? {
        guard mayApply(to: line), hasRunBesideNonASCII(line) else { return nil }
        // Scanned as UTF-8 bytes, every construct it looks for being ASCII; only a run's two
        // neighbours are read as Characters (comparing Characters is slow for CJK text).
        let bytes = Array(line.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var changed = false
        var i = 0
        while i < bytes.count {
            if let skip = verbatimEnd(bytes, at: i) {
                result += bytes[i..<skip]
                i = skip
                continue
            }
            let c = bytes[i]
            guard c == UInt8(ascii: "*") || c == UInt8(ascii: "_") else {
                result.append(c)
                i += 1
                continue
            }
            var end = i
            while end < bytes.count, bytes[end] == c { end += 1 }
            let before = i > 0 ? line[..<line.utf8.index(line.startIndex, offsetBy: i)].last ?? " " : " "
            let after = end < bytes.count ? line[line.utf8.index(line.startIndex, offsetBy: end)...].first ?? " " : " "
            let run = bytes[i..<end]
            i = end
            guard isCJK(before) || isCJK(after),
                let (left, right) = standIns(Character(Unicode.Scalar(c)), before: before, after: after),
                left != nil || right != nil
            else {
                result += run
                continue
            }
            changed = true
            result += (left.map { Array(String($0).utf8) } ?? []) + run + (right.map { Array(String($0).utf8) } ?? [])
        }
        return changed ? String(decoding: result, as: UTF8.self) : nil
    }

    /// Where a span that must be left alone ends, when one starts at byte `i`: a backslash
    /// escape, a code span, an autolink or tag (whose name starts with an ASCII letter), a
    /// link's destination.
    private static func verbatimEnd(_ bytes: [UInt8], at i: Int) -> Int? {
        let c = bytes[i]
        if c == UInt8(ascii: "\\") {
            // The escaped character whole, however many bytes it takes.
            var end = min(i + 2, bytes.count)
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return end
        }
        if c == UInt8(ascii: "`") {
            var run = 0
            while i + run < bytes.count, bytes[i + run] == c { run += 1 }
            var j = i + run
            while j < bytes.count {
                if bytes[j] == c {
                    var closing = 0
                    while j + closing < bytes.count, bytes[j + closing] == c { closing += 1 }
                    if closing == run { return j + closing }
                    j += closing
                } else {
                    j += 1
                }
            }
            return i + run
        }
        if c == UInt8(ascii: "<"), i + 1 < bytes.count, isASCIILetter(bytes[i + 1]) || "/!?".utf8.contains(bytes[i + 1]),
            let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: ">"))
        {
            return close + 1
        }
        if c == UInt8(ascii: "]"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "("),
            let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ")"))
        {
            return close + 1
        }
        return nil
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b | 0x20)
    }

    /// The stand-ins to put before and after a run so that cmark's rules give the amendment's
    /// answer; nil when no choice does (both neighbours would have to be whitespace).
    private static func standIns(_ c: Character, before: Character, after: Character) -> (Character?, Character?)? {
        let wanted = amended(c, before: before, after: after)
        for left in [nil, asLetter, asPunctuation] as [Character?] {
            for right in [nil, asLetter, asPunctuation] as [Character?] {
                if commonMark(c, before: left ?? before, after: right ?? after) == wanted { return (left, right) }
            }
        }
        return nil
    }

    private typealias Answer = (open: Bool, close: Bool)

    /// The amendment's flanking (its §6.2), over CommonMark 0.31's punctuation.
    private static func amended(_ c: Character, before: Character, after: Character) -> Answer {
        let nonCJKPunctuation = { (x: Character) in isPunctuation(x) && !isCJK(x) }
        let left = !after.isWhitespace
            && (!nonCJKPunctuation(after) || before.isWhitespace || nonCJKPunctuation(before) || isCJK(before))
        let right = !before.isWhitespace
            && (!nonCJKPunctuation(before) || after.isWhitespace || nonCJKPunctuation(after) || isCJK(after))
        return rules(c, left: left, right: right, before: before, after: after, punctuation: isPunctuation)
    }

    /// cmark's flanking: CommonMark 0.30, whose punctuation is ASCII's and Unicode's P classes.
    /// cmark reads code points: the last one before the run (a variation selector after `。`,
    /// not the `。`), the first after.
    private static func commonMark(_ c: Character, before whole: Character, after: Character) -> Answer {
        let before = whole.unicodeScalars.last.map { Character($0) } ?? whole
        let left = !after.isWhitespace && (!cmarkPunctuation(after) || before.isWhitespace || cmarkPunctuation(before))
        let right = !before.isWhitespace && (!cmarkPunctuation(before) || after.isWhitespace || cmarkPunctuation(after))
        return rules(c, left: left, right: right, before: before, after: after, punctuation: cmarkPunctuation)
    }

    /// Who may open and close: `*` by its flanking; `_` not inside a word.
    private static func rules(
        _ c: Character, left: Bool, right: Bool, before: Character, after: Character, punctuation: (Character) -> Bool
    ) -> Answer {
        if c == "*" { return (left, right) }
        return (left && (!right || punctuation(before)), right && (!left || punctuation(after)))
    }

    private static func cmarkPunctuation(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        if scalar.isASCII { return c.isPunctuation || c.isSymbol }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Takes the stand-ins out of every node's text, once cmark has paired the runs.
    package static func removeStandIns(from document: MarkdownDocument) {
        let marks = [String(asLetter), String(asPunctuation)]
        for node in document.allNodes() {
            if marks.contains(where: node.literalContains) {
                node.setLiteral(node.literal.filter { $0 != asLetter && $0 != asPunctuation })
            }
            if node.isLink || node.isImage, node.url.contains(where: { $0 == asLetter || $0 == asPunctuation }) {
                node.url = node.url.filter { $0 != asLetter && $0 != asPunctuation }
            }
        }
    }
}
