/// Bash and other POSIX shells: comments, quotes, `$variables`, here-documents, keywords and
/// builtins; flags and paths stay text, as Pygments leaves them.
enum Shell {
    static let keywords = WordSet("if then else elif fi case esac for select while until do done in function time coproc return break continue".split(separator: " ").map(String.init))
    static let builtins = WordSet("echo cd export source alias bg bind builtin caller command declare dirs disown enable eval exec exit fc fg getopts hash help history jobs kill let local logout popd printf pushd pwd read readonly set shift shopt suspend test times trap type typeset ulimit umask unalias unset wait sudo".split(separator: " ").map(String.init))
    static let operators = Set("|&;<>(){}[]=!".utf8)

    /// Lexes to the end, or, with `lineOnly`, to the end of the current line (a console's command).
    static func lex(_ s: inout Scanner, lineOnly: Bool = false) {
        var commandStart = true
        while !s.atEnd {
            let start = s.position
            let c = s.current
            if c == 10 {
                if lineOnly { return }
                s.position += 1
                s.emit(nil, from: start)
                commandStart = true
                continue
            }
            if c == 32 || c == 9 || c == 13 {
                s.advance { $0 == 32 || $0 == 9 || $0 == 13 }
                s.emit(nil, from: start)
                continue
            }
            if c == UInt8(ascii: "#"), start == 0 || s.bytes[start - 1].isSpace || operators.contains(s.bytes[start - 1]) {
                s.toLineEnd()
                s.emit(start == 0 && s.word(from: start).starts(with: "#!".utf8) ? .commentHashbang : .commentSingle, from: start)
                continue
            }
            if c == UInt8(ascii: "'") {
                quoted(&s, close: UInt8(ascii: "'"), escapes: false)
                s.emit(.stringSingle, from: start)
                commandStart = false
                continue
            }
            if c == UInt8(ascii: "\"") {
                doubleQuoted(&s)
                commandStart = false
                continue
            }
            if c == UInt8(ascii: "\\") {
                s.position = min(s.position + 2, s.bytes.count)
                s.emit(.stringEscape, from: start)
                continue
            }
            if c == UInt8(ascii: "$") {
                variable(&s)
                commandStart = false
                continue
            }
            if s.looking(at: "<<"), !s.looking(at: "<<<"), hereDocument(&s, lineOnly: lineOnly) { continue }
            if operators.contains(c) {
                s.advance { operators.contains($0) }
                s.emit(.operator, from: start)
                commandStart = c != UInt8(ascii: "=")
                continue
            }
            // A word: keyword or builtin in command position, a number, or text.
            s.advance { !$0.isSpace && !operators.contains($0) && $0 != UInt8(ascii: "$") && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "`") }
            if s.position == start { s.skipOne() }
            let word = s.word(from: start)
            if keywords.contains(word) {
                s.emit(.keyword, from: start)
                commandStart = true
            } else if commandStart, builtins.contains(word) {
                s.emit(.nameBuiltin, from: start)
                commandStart = false
            } else if word.allSatisfy(\.isDigit) {
                s.emit(.numberInteger, from: start)
                commandStart = false
            } else {
                s.emit(nil, from: start)
                commandStart = false
            }
        }
    }

    private static func quoted(_ s: inout Scanner, close: UInt8, escapes: Bool) {
        s.position += 1
        while !s.atEnd {
            if escapes, s.current == UInt8(ascii: "\\") { s.position = min(s.position + 2, s.bytes.count); continue }
            if s.current == close { s.position += 1; return }
            s.position += 1
        }
    }

    /// `"…"`: a string, but its `$variables` are variables, as Pygments reads them.
    private static func doubleQuoted(_ s: inout Scanner) {
        var start = s.position
        s.position += 1
        while !s.atEnd {
            let c = s.current
            if c == UInt8(ascii: "\\") {
                s.position = min(s.position + 2, s.bytes.count)
            } else if c == UInt8(ascii: "$"), let next = s.peek(1), next.isIdentifierStart || next == UInt8(ascii: "{") || next.isDigit {
                s.emit(.stringDouble, from: start)
                variable(&s)
                start = s.position
            } else {
                s.position += 1
                if c == UInt8(ascii: "\"") { break }
            }
        }
        s.emit(.stringDouble, from: start)
    }

    /// `$name`, `$1`, `${…}`, `$(` (a command, whose words are lexed as they come).
    private static func variable(_ s: inout Scanner) {
        let start = s.position
        s.position += 1
        if s.peek() == UInt8(ascii: "{") {
            while !s.atEnd, s.current != UInt8(ascii: "}"), s.current != 10 { s.position += 1 }
            if !s.atEnd, s.current == UInt8(ascii: "}") { s.position += 1 }
        } else if s.peek() == UInt8(ascii: "(") {
            s.position += 1
            s.emit(.keyword, from: start)
            return
        } else if let c = s.peek(), c.isIdentifierStart {
            s.advance(while: \.isIdentifier)
        } else if let c = s.peek(), c.isDigit || "?@#*!$-".utf8.contains(c) {
            s.position += 1
        }
        s.emit(.nameVariable, from: start)
    }

    /// `<<EOF … EOF` (`<<-`, quoted words too): the body is a string up to the line that ends
    /// it, or to the end when none does.
    private static func hereDocument(_ s: inout Scanner, lineOnly: Bool) -> Bool {
        let start = s.position
        var i = s.position + 2
        if i < s.bytes.count, s.bytes[i] == UInt8(ascii: "-") { i += 1 }
        while i < s.bytes.count, s.bytes[i] == 32 { i += 1 }
        let quote = i < s.bytes.count && (s.bytes[i] == UInt8(ascii: "'") || s.bytes[i] == UInt8(ascii: "\"")) ? s.bytes[i] : nil
        if quote != nil { i += 1 }
        let wordStart = i
        while i < s.bytes.count, s.bytes[i].isIdentifier { i += 1 }
        guard i > wordStart, !lineOnly else { return false }
        let word = Array(s.bytes[wordStart..<i])
        if let quote, i < s.bytes.count, s.bytes[i] == quote { i += 1 }
        s.position = i
        s.emit(.operator, from: start)
        // The rest of the line is shell; the body starts on the next line.
        let rest = s.position
        s.toLineEnd()
        s.emit(nil, from: rest)
        let body = s.position
        while !s.atEnd {
            s.position += 1  // the line break
            var end = s.position
            while end < s.bytes.count, s.bytes[end] == 9 || s.bytes[end] == 32 { end += 1 }
            if s.bytes[end...].starts(with: word), end + word.count == s.bytes.count || s.bytes[end + word.count] == 10 || s.bytes[end + word.count] == 13 {
                s.position = end
                s.emit(.string, from: body)
                let terminator = s.position
                s.position += word.count
                s.emit(.string, from: terminator)
                return true
            }
            s.toLineEnd()
        }
        s.emit(.string, from: body)
        return true
    }
}
