/// Markdown as Pygments' lexer reads it: rules tried at each line start (headings, list and
/// quote markers, fenced code), then inline ones (code spans, emphasis, links). A fence that
/// names a language is lexed in that language, as Pygments does; its other code is a string.
///
/// Pygments' rules are regular expressions; each is followed here by hand, byte by byte. Where
/// one searches ahead (a closing `]`, a closing fence), the answer is kept for the next search,
/// so that text full of unclosed brackets or fences is still read in linear time.
enum Markdown {
    static func lex(_ s: inout Scanner) {
        var reader = Reader(end: s.bytes.count)
        while !s.atEnd {
            if s.position == 0 || s.bytes[s.position - 1] == 10, reader.block(&s) { continue }
            reader.inline(&s, end: s.bytes.count)
        }
    }

    private struct Reader {
        let end: Int
        /// Where the next `]`, `)` or closing fence line lies, from some earlier position.
        var nextBracket = (from: Int.max, at: 0)
        var nextParen = (from: Int.max, at: 0)
        var nextFence = (from: Int.max, at: 0)
        /// Where the next byte that is not white space lies, from some earlier position.
        var nextText = (from: Int.max, at: 0)

        init(end: Int) { self.end = end }

        // MARK: Lines

        /// The rules that start at a line's start; false when none matches.
        mutating func block(_ s: inout Scanner) -> Bool {
            let p = s.position
            let b = s.bytes
            let lineEnd = Self.lineEnd(b, p)
            let hasNewline = lineEnd < b.count
            // `# Heading` and `## Subheading`, the line's break included.
            var hashes = 0
            while p + hashes < lineEnd, b[p + hashes] == UInt8(ascii: "#") { hashes += 1 }
            if hasNewline, hashes >= 1, hashes <= 6, lineEnd - (p + hashes) >= 2 {
                s.position = lineEnd
                s.emit(hashes == 1 ? .genericHeading : .genericSubheading, from: p)
                newline(&s)
                return true
            }
            // A line underlined with `===` or `---` (Setext).
            if hasNewline, lineEnd > p, let underline = b[lineEnd + 1..<b.count].first, underline == UInt8(ascii: "=") || underline == UInt8(ascii: "-") {
                let next = Self.lineEnd(b, lineEnd + 1)
                if next < b.count, b[lineEnd + 1..<next].allSatisfy({ $0 == underline }) {
                    let kind: TokenClass = underline == UInt8(ascii: "=") ? .genericHeading : .genericSubheading
                    s.position = lineEnd
                    s.emit(kind, from: p)
                    newline(&s)
                    s.position = next
                    s.emit(kind, from: lineEnd + 1)
                    newline(&s)
                    return true
                }
            }
            // The rules below may start with any white space, blank lines too.
            if !(nextText.from <= p && p <= nextText.at) {
                var q = p
                while q < b.count, b[q].isSpace { q += 1 }
                nextText = (p, q)
            }
            let q = nextText.at
            guard q < b.count else { return false }
            let marker = b[q]
            if marker == UInt8(ascii: "*") || marker == UInt8(ascii: "-") {
                // `- [x] task`: the marker and the box are keywords.
                if q + 5 < b.count, b[q + 1] == 32, b[q + 2] == UInt8(ascii: "["), b[q + 4] == UInt8(ascii: "]"),
                    [32, UInt8(ascii: "x"), UInt8(ascii: "X")].contains(b[q + 3]), b[q + 5] == 32, Self.restOfLine(b, q + 5) != nil
                {
                    space(&s, to: q)
                    s.position = q + 2
                    s.emit(.keyword, from: q)
                    s.position = q + 5
                    s.emit(.keyword, from: q + 2)
                    inline(&s, end: Self.restOfLine(b, q + 5)!)
                    return true
                }
                // `- item`, `* item`: the marker is a keyword, the item inline text.
                if q + 1 < b.count, b[q + 1].isSpace, let itemEnd = Self.restOfLine(b, q + 2) {
                    space(&s, to: q)
                    s.position = q + 1
                    s.emit(.keyword, from: q)
                    s.position = q + 2
                    s.emit(nil, from: q + 1)
                    inline(&s, end: itemEnd)
                    return true
                }
            }
            // `1. item`
            if marker.isDigit {
                var d = q
                while d < b.count, b[d].isDigit { d += 1 }
                if d + 1 < b.count, b[d] == UInt8(ascii: "."), b[d + 1] == 32, let itemEnd = Self.restOfLine(b, d + 1) {
                    space(&s, to: q)
                    s.position = d + 1
                    s.emit(.keyword, from: q)
                    inline(&s, end: itemEnd)
                    return true
                }
            }
            // `> quote`: its marker a keyword, the rest emphasis.
            if marker == UInt8(ascii: ">"), q + 1 < b.count, b[q + 1].isSpace, let quoteEnd = Self.restOfLine(b, q + 2) {
                s.position = q + 2
                s.emit(.keyword, from: p)
                s.position = quoteEnd
                s.emit(.genericEmphasis, from: q + 2)
                return true
            }
            if marker == UInt8(ascii: "`"), s.bytes[q...].starts(with: "```".utf8) {
                return fence(&s, at: q)
            }
            return false
        }

        /// A fenced block, from its first white space to its closing line's break.
        private mutating func fence(_ s: inout Scanner, at q: Int) -> Bool {
            let b = s.bytes
            let p = s.position
            var i = q + 3
            if i < b.count, b[i] == 10 {
                // No language: the whole block is one string.
                guard let close = closingFence(b, from: i + 1) else { return false }
                s.position = close.end
                s.emit(.stringBacktick, from: p)
                return true
            }
            // The language is a word right after the backticks; more words may follow a space.
            let name = i
            while i < b.count, b[i].isIdentifier || b[i] == UInt8(ascii: "-") { i += 1 }
            guard i > name, i < b.count else { return false }
            let nameEnd = i
            if b[i] != 10 {
                guard b[i] == 32 || b[i] == 9 || b[i] == 13 || b[i] == 12 else { return false }
                i = Self.lineEnd(b, i)
                guard i < b.count else { return false }
            }
            guard let close = closingFence(b, from: i + 1) else { return false }
            s.position = nameEnd
            s.emit(.stringBacktick, from: p)
            s.position = i
            s.emit(nil, from: nameEnd)
            newline(&s)
            let code = i + 1..<close.start
            if let language = Language.named(String(decoding: b[name..<nameEnd], as: UTF8.self)) {
                s.lex(code, with: language.lex)
            } else {
                s.position = code.upperBound
                s.emit(.string, from: code.lowerBound)
            }
            s.position = close.end
            s.emit(.stringBacktick, from: close.start)
            return true
        }

        /// The closing fence after `from`: a line of three backticks, and the blank lines before
        /// it (Pygments' `^\s*```$\n`, matched as early as it can start).
        private mutating func closingFence(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> (start: Int, end: Int)? {
            if !(nextFence.from <= from && nextFence.at >= from) {
                nextFence = (from, Int.max)
                var line = from
                while line < b.count {
                    var i = line
                    while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 13 || b[i] == 12 { i += 1 }
                    if b[i...].starts(with: "```\n".utf8) {
                        nextFence.at = line
                        break
                    }
                    line = Self.lineEnd(b, line) + 1
                }
            }
            guard nextFence.at != Int.max else { return nil }
            var start = nextFence.at
            // Blank lines before it belong to it.
            while start > from {
                var i = start - 1
                while i > from, b[i - 1] != 10 { i -= 1 }
                guard b[i..<start].allSatisfy(\.isSpace) else { break }
                start = i
            }
            var end = nextFence.at
            while b[end] != UInt8(ascii: "`") { end += 1 }
            return (start, end + 4)
        }

        // MARK: Inline

        /// Inline rules from the position up to `end` (or, at a break no rule takes, past it).
        mutating func inline(_ s: inout Scanner, end limit: Int) {
            let b = s.bytes
            let lineStart = s.position
            while s.position < limit {
                let p = s.position
                let c = b[p]
                if c == UInt8(ascii: "\\"), p + 1 < limit, b[p + 1] != 10 {
                    s.position += 1
                    s.skipOne()
                    s.emit(nil, from: p)
                    continue
                }
                if span(&s, limit) { continue }
                if (c == UInt8(ascii: "@") || c == UInt8(ascii: "#")), p + 1 < limit, Self.isMention(b[p + 1]) {
                    s.position += 1
                    s.advance { Self.isMention($0) }
                    s.position = min(s.position, limit)
                    s.emit(nil, from: p)
                    continue
                }
                if (c == UInt8(ascii: "[") || c == UInt8(ascii: "!")), link(&s, limit) { continue }
                if c == UInt8(ascii: "["), p == lineStart || b[p - 1] == 10 || p > 0 && b[p - 1].isSpace, definition(&s, limit) { continue }
                if c == 10 {
                    s.position += 1
                    s.emit(nil, from: p)
                    // A new line: back to the rules of line starts, unless lexing an item's text.
                    if limit == end { return }
                    continue
                }
                // A word (`[^\\\s]+`), else one character.
                while s.position < limit, !b[s.position].isSpace, b[s.position] != UInt8(ascii: "\\") { s.position += 1 }
                if s.position == p { s.skipOne() }
                s.emit(nil, from: p)
            }
        }

        /// A code span, strong or emphasised text, or struck out text, maybe after one other
        /// character: `` `code` ``, `**strong**`, `__strong__`, `*em*`, `_em_`, `~~struck~~`.
        private func span(_ s: inout Scanner, _ limit: Int) -> Bool {
            let b = s.bytes
            let p = s.position
            var prefixEnd = p + 1
            while prefixEnd < limit, b[prefixEnd] & 0xC0 == 0x80 { prefixEnd += 1 }
            for (mark, double, kind) in Self.spans {
                // `([^X]?)(X…X)`: the mark here, or right after one character that is not it.
                let at = b[p] == mark ? p : prefixEnd
                guard at < limit, b[at] == mark else { continue }
                let open = double ? 2 : 1
                guard at + open < limit, !double || b[at + 1] == mark else { continue }
                let first = b[at + open]
                // Code takes any first character; the others not a space.
                guard first != mark, first != 10, mark == UInt8(ascii: "`") || first != 32 else { continue }
                var i = at + open + 1
                while i < limit, b[i] != mark, b[i] != 10 { i += 1 }
                guard i < limit, b[i] == mark, !double || (i + 1 < limit && b[i + 1] == mark) else { continue }
                s.position = at
                s.emit(nil, from: p)
                s.position = i + open
                s.emit(kind, from: at)
                return true
            }
            return false
        }

        private static let spans: [(UInt8, Bool, TokenClass)] = [
            (UInt8(ascii: "`"), false, .stringBacktick), (UInt8(ascii: "*"), true, .genericStrong), (UInt8(ascii: "_"), true, .genericStrong),
            (UInt8(ascii: "*"), false, .genericEmphasis), (UInt8(ascii: "_"), false, .genericEmphasis), (UInt8(ascii: "~"), true, .genericDeleted),
        ]

        /// `[text](url)`, `![alt](src)`, `[text][label]`.
        private mutating func link(_ s: inout Scanner, _ limit: Int) -> Bool {
            let b = s.bytes
            let p = s.position
            let open = b[p] == UInt8(ascii: "!") ? p + 1 : p
            guard open + 1 < limit, b[open] == UInt8(ascii: "["), b[open + 1] != UInt8(ascii: "]") else { return false }
            guard let close = next(UInt8(ascii: "]"), in: b, after: open + 1, limit, &nextBracket), close + 1 < limit else { return false }
            if b[close + 1] == UInt8(ascii: "("), close + 2 < limit, b[close + 2] != UInt8(ascii: ")"),
                let paren = next(UInt8(ascii: ")"), in: b, after: close + 2, limit, &nextParen)
            {
                emit(&s, [(open + 1, nil), (close, .nameTag), (close + 2, nil), (paren, .nameAttribute), (paren + 1, nil)])
                return true
            }
            if b[p] == UInt8(ascii: "["), b[close + 1] == UInt8(ascii: "["), let label = next(UInt8(ascii: "]"), in: b, after: close + 2, limit, &nextBracket) {
                emit(&s, [(open + 1, nil), (close, .nameTag), (close + 2, nil), (label, .nameLabel), (label + 1, nil)])
                return true
            }
            return false
        }

        /// `[label]: url` at a line's start.
        private mutating func definition(_ s: inout Scanner, _ limit: Int) -> Bool {
            let b = s.bytes
            let p = s.position
            guard let close = next(UInt8(ascii: "]"), in: b, after: p + 1, limit, &nextBracket),
                close + 1 < limit, b[close + 1] == UInt8(ascii: ":")
            else { return false }
            var url = close + 2
            while url < limit, b[url].isSpace { url += 1 }
            guard url < limit, b[url] != 10 else { return false }
            emit(&s, [(p + 1, nil), (close, .nameLabel), (url, nil), (Self.lineEnd(b, url), .nameAttribute)])
            return true
        }

        /// Tokens one after another, each given by where it ends.
        private func emit(_ s: inout Scanner, _ parts: [(Int, TokenClass?)]) {
            for (end, kind) in parts {
                let start = s.position
                s.position = end
                s.emit(kind, from: start)
            }
        }

        /// The next `byte` at or after `from` and before `limit`, remembered for the searches
        /// that follow (which start further on).
        private func next(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, after from: Int, _ limit: Int, _ cache: inout (from: Int, at: Int)) -> Int? {
            if !(cache.from <= from && from <= cache.at) {
                var i = from
                while i < end, b[i] != byte { i += 1 }
                cache = (from, i < end ? i : Int.max)
            }
            return cache.at < limit ? cache.at : nil
        }

        // MARK: Helpers

        private func space(_ s: inout Scanner, to q: Int) {
            let p = s.position
            s.position = q
            s.emit(nil, from: p)
        }

        private func newline(_ s: inout Scanner) {
            guard !s.atEnd else { return }
            let p = s.position
            s.position += 1
            s.emit(nil, from: p)
        }

        static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
            var i = from
            while i < b.count, b[i] != 10 { i += 1 }
            return i
        }

        /// `.+\n` from `from`: the end of a line that is not empty and has its break.
        static func restOfLine(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int? {
            let end = lineEnd(b, from)
            return end > from && end < b.count ? end + 1 : nil
        }

        static func isMention(_ c: UInt8) -> Bool { c.isIdentifier || c == UInt8(ascii: "/") || c == UInt8(ascii: ":") }
    }
}
