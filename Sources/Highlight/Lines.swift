/// Languages read line by line: sessions, diffs, configuration files, Markdown.
enum Lines {
    enum Prompt { case shell, python }

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

    /// A terminal session: a prompt (`$ `, `# `, `% `, `user@host:~$ `, `>>> `) and its
    /// command highlighted, what the command printed left plain (`go`).
    static func console(_ s: inout Scanner, prompt: Prompt) {
        while !s.atEnd {
            let start = s.position
            if let length = promptLength(s, prompt) {
                s.position += length
                s.emit(.genericPrompt, from: start)
                if prompt == .shell {
                    Shell.lex(&s, lineOnly: true)
                } else {
                    s.lexRestOfLine(with: Grammars.python)
                }
            } else {
                s.toLineEnd()
                s.emit(.genericOutput, from: start)
            }
            newline(&s)
        }
    }

    private static func promptLength(_ s: Scanner, _ prompt: Prompt) -> Int? {
        let prompts: [String] = prompt == .python ? [">>> ", "... ", ">>>", "..."] : ["$ ", "# ", "% ", "> ", "$"]
        for p in prompts where s.looking(at: Array(p.utf8)) {
            return p.utf8.count
        }
        guard prompt == .shell else { return nil }
        // `user@host:~/dir$ `: a prompt with a user and host, up to `$` or `#` and a space.
        var i = s.position
        var sawAt = false
        while i < s.bytes.count, s.bytes[i] != 10, i - s.position < 80 {
            let c = s.bytes[i]
            if c == UInt8(ascii: "@") { sawAt = true }
            if sawAt, c == UInt8(ascii: "$") || c == UInt8(ascii: "#"), i + 1 < s.bytes.count, s.bytes[i + 1] == 32 {
                return i + 2 - s.position
            }
            if c == 32, !sawAt { return nil }
            i += 1
        }
        return nil
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
                // Plain text: in a flow, up to its next mark; else up to a comment.
                while !s.atEnd, s.current != 10 {
                    if flow > 0, "[]{},".utf8.contains(s.current) { break }
                    if s.current == UInt8(ascii: "#"), s.position > start, s.bytes[s.position - 1] == 32 || s.bytes[s.position - 1] == 9 { break }
                    s.position += 1
                }
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
                    s.lexRestOfLine(with: Grammars.tomlValue)
                } else {
                    s.toLineEnd()
                    s.emit(.string, from: value)
                }
            }
            newline(&s)
        }
    }

    /// A Dockerfile: its instructions are keywords, the rest is shell.
    static func dockerfile(_ s: inout Scanner) {
        let instructions = WordSet("FROM RUN CMD LABEL MAINTAINER EXPOSE ENV ADD COPY ENTRYPOINT VOLUME USER WORKDIR ARG ONBUILD STOPSIGNAL HEALTHCHECK SHELL AS".split(separator: " ").map(String.init), caseInsensitive: true)
        while !s.atEnd {
            let start = s.position
            s.advance { $0 == 32 || $0 == 9 }
            s.emit(nil, from: start)
            let word = s.position
            s.advance(while: \.isLetter)
            if s.position > word, instructions.contains(s.word(from: word)) {
                s.emit(.keyword, from: word)
            } else {
                s.position = word
            }
            Shell.lex(&s, lineOnly: true)
            // A line ending in `\` goes on as shell.
            while !s.atEnd, s.position > 0, s.bytes[s.position - 1] == UInt8(ascii: "\\") {
                newline(&s)
                Shell.lex(&s, lineOnly: true)
            }
            newline(&s)
        }
    }

    /// A Makefile: targets (`nf`), variables, comments; recipe lines are shell.
    static func makefile(_ s: inout Scanner) {
        while !s.atEnd {
            let start = s.position
            if s.current == 9 {
                Shell.lex(&s, lineOnly: true)
            } else if s.current == UInt8(ascii: "#") {
                s.toLineEnd()
                s.emit(.commentSingle, from: start)
            } else {
                var i = s.position
                while i < s.bytes.count, s.bytes[i] != 10, s.bytes[i] != UInt8(ascii: ":"), s.bytes[i] != UInt8(ascii: "=") { i += 1 }
                if i < s.bytes.count, s.bytes[i] == UInt8(ascii: ":"), i + 1 >= s.bytes.count || s.bytes[i + 1] != UInt8(ascii: "=") {
                    s.position = i
                    s.emit(.nameFunction, from: start)
                    s.position += 1
                    s.emit(.operator, from: i)
                } else if i < s.bytes.count, s.bytes[i] == UInt8(ascii: "=") || s.bytes[i] == UInt8(ascii: ":") {
                    s.position = i
                    s.emit(.nameVariable, from: start)
                }
                Shell.lex(&s, lineOnly: true)
            }
            newline(&s)
        }
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

    /// Markdown: headings, list markers, code spans and fences, emphasis.
    static func markdown(_ s: inout Scanner) {
        var inFence = false
        while !s.atEnd {
            let start = s.position
            if s.looking(at: "```") || s.looking(at: "~~~") {
                inFence.toggle()
                s.toLineEnd()
                s.emit(.stringBacktick, from: start)
            } else if inFence {
                s.toLineEnd()
                s.emit(.stringBacktick, from: start)
            } else if s.looking(at: "#") {
                s.toLineEnd()
                s.emit(.genericHeading, from: start)
            } else {
                s.advance { $0 == 32 }
                s.emit(nil, from: start)
                let marker = s.position
                if s.looking(at: "- ") || s.looking(at: "* ") || s.looking(at: "+ ") || s.looking(at: "> ") {
                    s.position += 1
                    s.emit(.keyword, from: marker)
                }
                markdownInline(&s)
            }
            newline(&s)
        }
    }

    private static func markdownInline(_ s: inout Scanner) {
        while !s.atEnd, s.current != 10 {
            let start = s.position
            let c = s.current
            if c == UInt8(ascii: "`") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") {
                s.position += 1
                s.advance { $0 == c }
                let run = s.position - start
                var end = s.position
                while end + run <= s.bytes.count, s.bytes[end] != 10, !s.bytes[end..<(end + run)].allSatisfy({ $0 == c }) { end += 1 }
                if end + run <= s.bytes.count, s.bytes[end] != 10, end > s.position {
                    s.position = end + run
                    s.emit(c == UInt8(ascii: "`") ? .stringBacktick : run >= 2 ? .genericStrong : .genericEmphasis, from: start)
                } else {
                    s.emit(nil, from: start)
                }
            } else {
                s.skipOne()
                s.emit(nil, from: start)
            }
        }
    }
}

extension Scanner {
    /// Lexes from the position to the line's end with another grammar (a session's Python, a
    /// TOML value), its tokens added to these.
    mutating func lexRestOfLine(with grammar: Grammar) {
        let start = position
        toLineEnd()
        let end = position
        var part = Scanner(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        grammar.lex(&part)
        for token in part.tokens {
            position = start + token.end
            emit(token.kind, from: start + token.start)
        }
        position = end
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
