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
    package static func canApply(to text: String) -> Bool {
        !text.contains(asLetter) && !text.contains(asPunctuation)
    }

    /// The line with stand-ins beside the runs that need them, or nil when none does. Code
    /// spans, autolinks, raw HTML and link destinations are left as they are.
    package static func rewrite(_ line: String) -> String? {
        guard mayApply(to: line) else { return nil }
        let chars = Array(line)
        var result = ""
        var changed = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let skip = verbatimEnd(chars, at: i) {
                result += String(chars[i..<skip])
                i = skip
                continue
            }
            guard c == "*" || c == "_" else {
                result.append(c)
                i += 1
                continue
            }
            var end = i
            while end < chars.count, chars[end] == c { end += 1 }
            let before = i > 0 ? chars[i - 1] : " "
            let after = end < chars.count ? chars[end] : " "
            let run = String(chars[i..<end])
            i = end
            guard isCJK(before) || isCJK(after), let (left, right) = standIns(c, before: before, after: after),
                left != nil || right != nil
            else {
                result += run
                continue
            }
            changed = true
            result += (left.map(String.init) ?? "") + run + (right.map(String.init) ?? "")
        }
        return changed ? result : nil
    }

    /// Where a span that must be left alone ends, when one starts at `i`: a backslash escape,
    /// a code span, an autolink or tag, a link's destination.
    private static func verbatimEnd(_ chars: [Character], at i: Int) -> Int? {
        let c = chars[i]
        if c == "\\" { return min(i + 2, chars.count) }
        if c == "`" {
            var run = 0
            while i + run < chars.count, chars[i + run] == "`" { run += 1 }
            var j = i + run
            while j < chars.count {
                if chars[j] == "`" {
                    var closing = 0
                    while j + closing < chars.count, chars[j + closing] == "`" { closing += 1 }
                    if closing == run { return j + closing }
                    j += closing
                } else {
                    j += 1
                }
            }
            return i + run
        }
        if c == "<", i + 1 < chars.count, chars[i + 1].isLetter || "/!?".contains(chars[i + 1]),
            let close = chars[(i + 1)...].firstIndex(of: ">")
        {
            return close + 1
        }
        if c == "]", i + 1 < chars.count, chars[i + 1] == "(", let close = chars[(i + 2)...].firstIndex(of: ")") {
            return close + 1
        }
        return nil
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
