/// Languages read line by line: sessions, diffs, configuration files, Markdown.
enum Lines {
    /// The next line's bytes, the position left at its line break (or the end).
    private static func line(_ s: inout Scanner) -> Range<Int> {
        let start = s.position
        s.toLineEnd()
        return start..<s.position
    }

    private static func newline(_ s: inout Scanner) {
        guard !s.atEnd else { return }
        let start = s.position
        s.position += 1
        s.emit(nil, from: start)
    }

    /// A Python session: a prompt (`>>> `, `... `) and its code highlighted, what the code
    /// printed left plain (`go`).
    static func pythonConsole(_ s: inout Scanner) {
        while !s.atEnd {
            let start = s.position
            if let length = pythonPromptLength(s) {
                s.position += length
                s.emit(.genericPrompt, from: start)
                s.lexRestOfLine(with: Grammars.python)
            } else {
                s.toLineEnd()
                s.emit(.genericOutput, from: start)
            }
            newline(&s)
        }
    }

    private static func pythonPromptLength(_ s: Scanner) -> Int? {
        guard s.looking(at: ">>>") || s.looking(at: "...") else { return nil }
        return s.peek(3) == 32 ? 4 : 3
    }

    /// A Python traceback: its heading and location lines, the code quoted, the error.
    static func traceback(_ s: inout Scanner) {
        while !s.atEnd {
            let start = s.position
            let range = line(&s)
            let text = String(decoding: s.bytes[range], as: UTF8.self)
            let kind: TokenClass? =
                text.hasPrefix("Traceback") ? .genericHeading
                : text.hasPrefix("  File ") ? .nameBuiltin
                : text.hasPrefix("    ") ? nil
                : .genericDeleted  // the error line
            s.emit(kind, from: start)
            newline(&s)
        }
    }

    /// YAML: keys (`nt`), quoted strings, comments, anchors and tags; plain values stay
    /// literal (`l`), as Pygments reads them.
    static func yaml(_ s: inout Scanner) {
        while !s.atEnd {
            let start = s.position
            s.advance { $0 == 32 || $0 == 9 }
            s.emit(nil, from: start)
            if s.looking(at: "- ") {
                let dash = s.position
                s.position += 1
                s.emit(.punctuation, from: dash)
                continue
            }
            if s.looking(at: "#") {
                let comment = s.position
                s.toLineEnd()
                s.emit(.commentSingle, from: comment)
                newline(&s)
                continue
            }
            if s.atLineStart, s.position == start, s.looking(at: "---") || s.looking(at: "...") {
                let marker = s.position
                s.toLineEnd()
                s.emit(.keywordNamespace, from: marker)
                newline(&s)
                continue
            }
            yamlKey(&s)
            yamlValue(&s)
            newline(&s)
        }
    }

    private static func yamlKey(_ s: inout Scanner) {
        var i = s.position
        var quote: UInt8?
        while i < s.bytes.count, s.bytes[i] != 10 {
            let c = s.bytes[i]
            if quote == nil, c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { if i == s.position { quote = c } else { break } }
            else if let q = quote, c == q, i > s.position { quote = nil; i += 1; continue }
            if quote == nil, c == UInt8(ascii: ":"), i + 1 == s.bytes.count || s.bytes[i + 1] == 32 || s.bytes[i + 1] == 10 {
                let start = s.position
                s.position = i
                s.emit(.nameTag, from: start)
                s.position += 1
                s.emit(.punctuation, from: i)
                return
            }
            if quote == nil, c == UInt8(ascii: "#"), i > s.position, s.bytes[i - 1] == 32 { return }
            i += 1
        }
    }

    /// A value: quoted, an anchor or tag, a block scalar, a flow collection (`[a, "b"]`), or
    /// plain text to the line's end or a comment — quotes inside plain text are text.
    private static func yamlValue(_ s: inout Scanner) {
        var first = true
        var flow = 0
        while !s.atEnd, s.current != 10 {
            let start = s.position
            let c = s.current
            if c == 32 || c == 9 {
                s.advance { $0 == 32 || $0 == 9 }
                s.emit(nil, from: start)
                continue
            }
            defer { first = false }
            if c == UInt8(ascii: "#"), start > 0, s.bytes[start - 1] == 32 || s.bytes[start - 1] == 9 {
                s.toLineEnd()
                s.emit(.commentSingle, from: start)
            } else if (first || flow > 0), c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                s.position += 1
                while !s.atEnd, s.current != c, s.current != 10 {
                    s.position += c == UInt8(ascii: "\"") && s.current == UInt8(ascii: "\\") ? 2 : 1
                }
                if !s.atEnd, s.current == c { s.position += 1 }
                s.position = min(s.position, s.bytes.count)
                s.emit(c == UInt8(ascii: "\"") ? .stringDouble : .stringSingle, from: start)
            } else if first, c == UInt8(ascii: "&") || c == UInt8(ascii: "*") || c == UInt8(ascii: "!") {
                s.position += 1
                s.advance { !$0.isSpace }
                s.emit(c == UInt8(ascii: "!") ? .keywordType : .nameLabel, from: start)
            } else if first, c == UInt8(ascii: "|") || c == UInt8(ascii: ">") {
                s.position += 1
                s.advance { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0.isDigit }
                s.emit(.punctuation, from: start)
                blockScalar(&s)
                return
            } else if (first || flow > 0), "[]{},".utf8.contains(c) {
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { flow += 1 }
                if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { flow -= 1 }
                s.position += 1
                s.emit(.punctuation, from: start)
            } else {
                // Plain text: in a flow, up to its next mark or a key's `:` (`{app: logging, tier:
                // "node"}`: keys, and values that may be quoted); else up to a comment.
                var key = false
                while !s.atEnd, s.current != 10 {
                    if flow > 0, "[]{},".utf8.contains(s.current) { break }
                    if flow > 0, s.current == UInt8(ascii: ":"), s.position > start,
                        s.position + 1 == s.bytes.count || " \n,]}".utf8.contains(s.bytes[s.position + 1])
                    {
                        let colon = s.position
                        s.emit(.nameTag, from: start)
                        s.position = colon + 1
                        s.emit(.punctuation, from: colon)
                        key = true
                        break
                    }
                    if s.current == UInt8(ascii: "#"), s.position > start, s.bytes[s.position - 1] == 32 || s.bytes[s.position - 1] == 9 { break }
                    s.position += 1
                }
                if key { continue }
                // Spaces before a comment are not part of the value.
                var end = s.position
                while end > start, s.bytes[end - 1] == 32 || s.bytes[end - 1] == 9 { end -= 1 }
                let after = s.position
                s.position = end
                s.emit(.literal, from: start)
                s.position = after
                s.emit(nil, from: end)
            }
        }
    }

    /// The lines of a `|` or `>` scalar: those more indented than the key.
    private static func blockScalar(_ s: inout Scanner) {
        var lineStart = s.position
        while lineStart > 0, s.bytes[lineStart - 1] != 10 { lineStart -= 1 }
        var indent = 0
        while lineStart + indent < s.bytes.count, s.bytes[lineStart + indent] == 32 { indent += 1 }
        let rest = s.position
        s.toLineEnd()
        s.emit(nil, from: rest)
        while !s.atEnd {
            var next = s.position + 1
            var spaces = 0
            while next < s.bytes.count, s.bytes[next] == 32 { next += 1; spaces += 1 }
            let blank = next >= s.bytes.count || s.bytes[next] == 10
            guard spaces > indent || blank, next < s.bytes.count else { return }
            newline(&s)
            let start = s.position
            s.toLineEnd()
            s.emit(.literal, from: start)  // Pygments: a constant, not a string
        }
    }

    /// INI and TOML: `[section]`, `key = value`, comments; TOML's values as TOML types.
    static func ini(_ s: inout Scanner, toml: Bool) {
        while !s.atEnd {
            let start = s.position
            s.advance { $0 == 32 || $0 == 9 }
            s.emit(nil, from: start)
            guard !s.atEnd, s.current != 10 else { newline(&s); continue }
            let c = s.current
            let lineStart = s.position
            if c == UInt8(ascii: "#") || c == UInt8(ascii: ";") {
                s.toLineEnd()
                s.emit(.commentSingle, from: lineStart)
            } else if c == UInt8(ascii: "[") {
                s.toLineEnd()
                s.emit(.keyword, from: lineStart)
            } else {
                s.advance { $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ":") && $0 != 10 }
                s.emit(.nameAttribute, from: lineStart)
                if !s.atEnd, s.current != 10 {
                    let op = s.position
                    s.position += 1
                    s.emit(.operator, from: op)
                }
                let value = s.position
                if toml {
                    // A value may run over lines: an array, an inline table, a `"""` string.
                    let end = tomlValueEnd(s.bytes, from: value)
                    s.position = end
                    s.lex(value..<end, with: Grammars.tomlValue.lex)
                } else {
                    // Pygments' `[^ ;#\n]*(?: +[^ ;#\n]+)*`: the value stops at a `;` or `#`, which
                    // starts a comment, and leaves the spaces around it.
                    s.advance { $0 == 32 || $0 == 9 }
                    s.emit(nil, from: value)
                    let text = s.position
                    s.advance { $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "#") && $0 != 10 }
                    let stop = s.position
                    while s.position > text, s.bytes[s.position - 1] == 32 || s.bytes[s.position - 1] == 9 { s.position -= 1 }
                    s.emit(.string, from: text)
                    let spaces = s.position
                    s.position = stop
                    s.emit(nil, from: spaces)
                    if !s.atEnd, s.current != 10 {
                        let comment = s.position
                        s.toLineEnd()
                        s.emit(.commentSingle, from: comment)
                    }
                }
            }
            newline(&s)
        }
    }

    /// Where the TOML value that starts at `from` ends: at the line break after it, past the
    /// lines of an array or an inline table and of a `"""` or `'''` string (whose lines are
    /// not tables or keys). Each byte is looked at once.
    static func tomlValueEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        var depth = 0
        while i < b.count {
            let c = b[i]
            switch c {
            case 10:
                if depth == 0 { return i }
                i += 1
            case UInt8(ascii: "#"):
                i = Scanner.lineEnd(b, from: i)
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let escapes = c == UInt8(ascii: "\"")
                let triple = i + 2 < b.count && b[i + 1] == c && b[i + 2] == c
                i += triple ? 3 : 1
                while i < b.count {
                    if escapes, b[i] == UInt8(ascii: "\\") { i += 2; continue }
                    if b[i] == c, !triple || (i + 2 < b.count && b[i + 1] == c && b[i + 2] == c) {
                        i += triple ? 3 : 1
                        break
                    }
                    if b[i] == 10, !triple { break }
                    i += 1
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                i += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                i += 1
            default:
                i += 1
            }
        }
        return b.count
    }

    /// A unified diff: added, removed, hunk and file lines, as Pygments marks them.
    static func diff(_ s: inout Scanner) {
        while !s.atEnd {
            let start = s.position
            s.toLineEnd()
            let text = s.word(from: start)
            let heading = ["diff ", "Index", "index ", "==="].contains { text.starts(with: $0.utf8) }
            let kind: TokenClass? =
                heading ? .genericHeading
                : text.first == UInt8(ascii: "+") ? .genericInserted
                : text.first == UInt8(ascii: "-") ? .genericDeleted
                : text.first == UInt8(ascii: "@") ? .genericSubheading
                : text.first == UInt8(ascii: "!") ? .genericStrong
                : nil
            s.emit(kind, from: start)
            newline(&s)
        }
    }
}

extension Scanner {
    /// Lexes from the position to the line's end with another grammar (a session's Python, a
    /// TOML value), its tokens added to these.
    mutating func lexRestOfLine(with grammar: Grammar) {
        let start = position
        toLineEnd()
        lex(start..<position, with: grammar.lex)
    }

    /// A part of the code for `lex(_:with:)`: code to lex, or text of a class of its own.
    enum Part {
        case code(Range<Int>)
        case fixed(Range<Int>, TokenClass?)
    }

    /// Lexes the code parts of `parts` (which follow each other from the position) joined, as
    /// one text, with `lexer`, and emits its tokens where each part lies, the fixed parts
    /// between them: a session's commands between their prompts, a Makefile without its
    /// directive lines, as Pygments reads them.
    mutating func lex(_ parts: [Part], with lexer: (inout Scanner) -> Void) {
        var joined: [UInt8] = []
        for case .code(let range) in parts { joined += bytes[range] }
        let tokens = joined.withUnsafeBufferPointer { joined in
            var inner = Scanner(joined)
            lexer(&inner)
            return inner.tokens
        }
        var next = 0  // the first token not wholly placed
        var offset = 0  // where the current part starts in the joined text
        for part in parts {
            switch part {
            case .fixed(let range, let kind):
                position = range.upperBound
                emit(kind, from: range.lowerBound)
            case .code(let range):
                let end = offset + range.count
                while next < tokens.count, tokens[next].start < end {
                    let token = tokens[next]
                    position = range.lowerBound + min(token.end, end) - offset
                    emit(token.kind, from: range.lowerBound + max(token.start, offset) - offset)
                    if token.end > end { break }
                    next += 1
                }
                let rest = position
                position = range.upperBound
                emit(nil, from: min(rest, position))
                offset = end
            }
        }
    }

    /// Lexes `range` with another lexer (a Markdown fence's language), as if it were all the
    /// code: its tokens are added to these, the position left at the range's end.
    mutating func lex(_ range: Range<Int>, with lexer: (inout Scanner) -> Void) {
        var part = Scanner(UnsafeBufferPointer(rebasing: bytes[range]))
        lexer(&part)
        for token in part.tokens {
            position = range.lowerBound + token.end
            emit(token.kind, from: range.lowerBound + token.start)
        }
        position = range.upperBound
        emit(nil, from: range.lowerBound + (part.tokens.last?.end ?? 0))
    }
}

extension Grammars {
    /// A TOML value: strings, numbers, booleans, dates, arrays, inline tables.
    static let tomlValue: Grammar = {
        var g = Grammar()
        g.lineComments = [Array("#".utf8)]
        g.quotes = [
            .init("\"\"\"", nil, .stringDouble, multiline: true), .init("'''", nil, .stringSingle, escapes: false, multiline: true),
            .init("\"", nil, .stringDouble), .init("'", nil, .stringSingle, escapes: false),
        ]
        g.constants = WordSet(["true", "false", "inf", "nan"])
        return g
    }()
}
