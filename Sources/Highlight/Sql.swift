/// SQL, as Pygments reads it: the keywords of all its dialects (any case), data types as
/// builtins, `-- comments` (their line break too), nested `/* */` comments, `'…'` strings
/// (`''` inside), `"…"` names as strings, integers only (`1.5` is `1`, `.`, `5`), and `#` or
/// `` ` `` as operators.
enum Sql {
    static func lex(_ s: inout Scanner) {
        let b = s.bytes
        var noQuoteBefore: [UInt8: Int] = [:]  // an unclosed quote seen: none closes before the end
        while !s.atEnd {
            let p = s.position
            let c = b[p]
            if c.isSpace {
                s.advance(while: \.isSpace)
                s.emit(nil, from: p)
            } else if s.looking(at: "--") {
                s.toLineEnd()
                if !s.atEnd { s.position += 1 }
                s.emit(.commentSingle, from: p)
            } else if s.looking(at: "/*") {
                comment(&s)
            } else if c.isLetter || c == UInt8(ascii: "_") || c >= 0x80 {
                s.advance { $0.isIdentifier || $0 == UInt8(ascii: "$") }
                let word = s.word(from: p)
                let kind: TokenClass = SqlWords.keywords.contains(word) ? .keyword : SqlWords.types.contains(word) ? .nameBuiltin : .name
                s.emit(kind, from: p)
            } else if c.isDigit {
                s.advance(while: \.isDigit)
                s.emit(.numberInteger, from: p)
            } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "\""), p >= noQuoteBefore[c, default: 0] {
                // `'it''s'`: a doubled quote is inside the string.
                var i = p + 1
                while i < b.count {
                    if b[i] == c {
                        if i + 1 < b.count, b[i + 1] == c { i += 2; continue }
                        break
                    }
                    i += 1
                }
                if i < b.count {
                    s.position = i + 1
                    s.emit(c == UInt8(ascii: "'") ? .stringSingle : .string, from: p)
                } else {
                    noQuoteBefore[c] = b.count
                    s.position += 1
                    s.emit(nil, from: p)
                }
            } else if "+*/<>=~!@#%^&|`?-".utf8.contains(c) {
                s.position += 1
                s.emit(.operator, from: p)
            } else if ";:()[],.".utf8.contains(c) {
                s.position += 1
                s.emit(.punctuation, from: p)
            } else {
                s.skipOne()
                s.emit(nil, from: p)
            }
        }
    }

    /// `/* … */`, nested; to the end when unclosed.
    private static func comment(_ s: inout Scanner) {
        let p = s.position
        s.position += 2
        var depth = 1
        while !s.atEnd, depth > 0 {
            if s.looking(at: "/*") {
                depth += 1
                s.position += 2
            } else if s.looking(at: "*/") {
                depth -= 1
                s.position += 2
            } else {
                s.position += 1
            }
        }
        s.emit(.commentMultiline, from: p)
    }
}
