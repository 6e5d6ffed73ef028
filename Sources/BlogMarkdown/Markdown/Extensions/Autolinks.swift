import CCmark
import BlogCore

/// GFM's extended autolinks: `https://…`, `http://…`, `www.…` and e-mail addresses in text
/// become links, never inside a link or code (code is no text node). A link ends at white
/// space or `<`, and loses trailing punctuation (`?!.,:*_~'"`, an unbalanced `)`, an entity
/// `&x;`) as GFM says; it also ends before CJK punctuation, so `见https://example.com/a。`
/// links the address without the `。`.
package struct Autolinks {
    package let document: MarkdownDocument

    package func apply() {
        let texts = document.allNodes().filter {
            $0.type == CMARK_NODE_TEXT && ($0.literalContains("://") || $0.literalContains("@") || $0.literalContains("ww."))
        }
        for text in texts {
            let literal = text.literal
            guard Self.mayHoldLinks(literal), !text.isInLinkOrImage else { continue }
            let found = Self.links(in: literal)
            guard !found.isEmpty else { continue }
            var pieces: [MarkdownNode.Piece] = []
            var last = literal.startIndex
            for (range, url) in found {
                pieces.append(.text(String(literal[last..<range.lowerBound])))
                let link = MarkdownNode.make(CMARK_NODE_LINK)
                link.setURL(url)
                link.append(.text(String(literal[range])))
                pieces.append(.node(link))
                last = range.upperBound
            }
            pieces.append(.text(String(literal[last...])))
            text.replace(with: pieces)
        }
    }

    /// Whether a text holds `://`, `www.` or `@`, told from its bytes: most text holds none, and
    /// reading it by `Character` was a tenth of a build.
    package static func mayHoldLinks(_ text: String) -> Bool {
        var (a, b, c): (UInt8, UInt8, UInt8) = (0, 0, 0)  // the three bytes before
        let w = UInt8(ascii: "w")
        for byte in text.utf8 {
            if byte == UInt8(ascii: "@") { return true }
            if byte == UInt8(ascii: "/"), b == UInt8(ascii: ":"), c == UInt8(ascii: "/") { return true }
            if byte == UInt8(ascii: "."), a | 0x20 == w, b | 0x20 == w, c | 0x20 == w { return true }
            (a, b, c) = (b, c, byte)
        }
        return false
    }

    /// Each autolink of a text, with its URL: web addresses where `h`, `w` or `f` may start one,
    /// e-mail addresses around each `@`.
    package static func links(in text: String) -> [(Range<String.Index>, String)] {
        var result: [(Range<String.Index>, String)] = []
        var i = text.startIndex
        var previous: Character?
        while i < text.endIndex {
            let c = text[i]
            if "hHwWfF".contains(c), startsLink(previous), let (end, url) = web(text[i...]) {
                result.append((i..<end, url))
                previous = text[text.index(before: end)]
                i = end
                continue
            }
            if c == "@", let (range, url) = email(around: i, in: text), range.lowerBound >= (result.last?.0.upperBound ?? text.startIndex) {
                result.append((range, url))
                previous = text[text.index(before: range.upperBound)]
                i = range.upperBound
                continue
            }
            previous = c
            i = text.index(after: i)
        }
        return result
    }

    /// Not within a word: after anything but an ASCII letter or digit (GFM names white space
    /// and `*_~(`, cmark-gfm also takes quotes; CJK text runs words together, so a link may
    /// follow `见` directly).
    private static func startsLink(_ before: Character?) -> Bool {
        guard let before else { return true }
        return !(before.isASCII && (before.isLetter || before.isNumber))
    }

    private static func web(_ rest: Substring) -> (String.Index, String)? {
        let lower = rest.prefix(8).lowercased()
        guard let written = ["https://", "http://", "ftp://", "www."].first(where: lower.hasPrefix) else { return nil }
        let scheme = written == "www." ? "http://" : ""
        let domainStart = scheme.isEmpty ? rest.index(rest.startIndex, offsetBy: written.count) : rest.startIndex
        var end = domainStart
        while end < rest.endIndex, !ends(rest[end]) { end = rest.index(after: end) }
        end = trimmedEnd(rest, from: rest.startIndex, to: end)
        guard end > domainStart else { return nil }
        let domain = rest[domainStart..<end].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard validDomain(domain, needsPeriod: !scheme.isEmpty) else { return nil }
        return (end, scheme + String(rest[rest.startIndex..<end]))
    }

    /// Where a link stops: white space, `<`, or CJK punctuation and full-width forms.
    private static func ends(_ c: Character) -> Bool {
        if c.isWhitespace || c == "<" { return true }
        guard let scalar = c.unicodeScalars.first else { return true }
        return (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
    }

    /// Segments of letters, digits, `_`, `-` and any non-ASCII character; no `_` in the last two;
    /// a period at least after `www.` (`http://intranet` is a link).
    private static func validDomain(_ domain: Substring, needsPeriod: Bool) -> Bool {
        var named = domain.split(separator: ".", omittingEmptySubsequences: false)
        if named.count > 1, named.last?.isEmpty == true { named.removeLast() }
        guard !named.isEmpty, named.count >= (needsPeriod ? 2 : 1), named.allSatisfy({ !$0.isEmpty }),
            named.allSatisfy({ $0.allSatisfy { !$0.isASCII || $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } })
        else { return false }
        return !named.suffix(2).contains { $0.contains("_") }
    }

    /// GFM's trailing punctuation: `?!.,:*_~'"` is not part of a link, nor an unbalanced `)`,
    /// nor something like an entity (`&hl;`) at the end.
    private static func trimmedEnd(_ text: Substring, from start: String.Index, to end: String.Index) -> String.Index {
        var end = end
        while end > start {
            let last = text[text.index(before: end)]
            if "?!.,:*_~'\"".contains(last) {
                end = text.index(before: end)
            } else if last == ")" {
                let link = text[start..<end]
                guard link.count(where: { $0 == ")" }) > link.count(where: { $0 == "(" }) else { break }
                end = text.index(before: end)
            } else if last == ";", let amp = text[start..<end].lastIndex(of: "&"),
                text[text.index(after: amp)..<text.index(before: end)].allSatisfy({ $0.isLetter || $0.isNumber })
            {
                end = amp
            } else {
                break
            }
        }
        return end
    }

    /// `user@example.com`: `.`, `-`, `_`, `+` and alphanumerics before the `@`; a domain after it
    /// that does not end in `-` or `_`.
    private static func email(around at: String.Index, in text: String) -> (Range<String.Index>, String)? {
        func isLocal(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || ".-_+".contains(c)) }
        var start = at
        while start > text.startIndex, isLocal(text[text.index(before: start)]) { start = text.index(before: start) }
        guard start < at, startsLink(start > text.startIndex ? text[text.index(before: start)] : nil) else { return nil }
        var end = text.index(after: at)
        while end < text.endIndex, text[end].isASCII, text[end].isLetter || text[end].isNumber || "-_.".contains(text[end]) {
            end = text.index(after: end)
        }
        while end > at, text[text.index(before: end)] == "." { end = text.index(before: end) }
        guard end > text.index(after: at) else { return nil }
        let domain = text[text.index(after: at)..<end]
        guard domain.contains("."), let last = domain.last, last != "-", last != "_",
            domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty })
        else { return nil }
        return (start..<end, "mailto:" + String(text[start..<end]))
    }
}
