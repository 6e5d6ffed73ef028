/// XML and HTML: tags (`nt`), attributes (`na`), their values (strings), comments, entities;
/// `<?xml …?>` and `<!DOCTYPE …>` as preprocessor lines; in HTML, the code of `<style>` as
/// CSS and of `<script>` as JavaScript, as Pygments reads them.
enum Markup {
    static func lex(_ s: inout Scanner, html: Bool = false) {
        while !s.atEnd {
            let start = s.position
            if s.looking(at: "<!--") {
                skip(to: Array("-->".utf8), &s)
                s.emit(.comment, from: start)
            } else if s.looking(at: "<![CDATA[") {
                skip(to: Array("]]>".utf8), &s)
                s.emit(.commentPreproc, from: start)
            } else if s.looking(at: "<?") || (s.looking(at: "<!") && s.peek(2)?.isLetter == true) {
                // `<?xml version="1.0"?>`, `<!DOCTYPE html>`: to the first `>`.
                s.position += 2
                s.advance { $0 != UInt8(ascii: ">") }
                s.position = min(s.position + 1, s.bytes.count)
                s.emit(.commentPreproc, from: start)
            } else if html, s.current == UInt8(ascii: "<"), let language = embedded(s) {
                tag(&s)
                guard s.position > start, s.bytes[s.position - 1] == UInt8(ascii: ">") else { continue }
                // The code up to the closing tag (or the end), lexed as its own language.
                let code = s.position
                let close = language == .css ? Array("</style".utf8) : Array("</script".utf8)
                while !s.atEnd, !s.lookingCaseInsensitive(at: close) { s.position += 1 }
                let end = s.position
                s.position = code
                s.lex(code..<end) { inner in
                    if language == .css { Css.lex(&inner) } else { Script.lex(&inner, typescript: false) }
                }
                s.position = end
            } else if s.current == UInt8(ascii: "<"), let next = s.peek(1),
                next.isLetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "?") || next == UInt8(ascii: "!")
            {
                tag(&s)
            } else if s.current == UInt8(ascii: "&") {
                s.position += 1
                s.advance { $0.isIdentifier || $0 == UInt8(ascii: "#") }
                if s.peek() == UInt8(ascii: ";") { s.position += 1 }
                s.emit(.nameBuiltin, from: start)
            } else {
                s.advance { $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "&") }
                if s.position == start { s.skipOne() }
                s.emit(nil, from: start)
            }
        }
    }

    private static func tag(_ s: inout Scanner) {
        let start = s.position
        s.position += 1
        s.advance { $0.isIdentifier || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "-") }
        s.emit(.nameTag, from: start)
        while !s.atEnd, s.current != UInt8(ascii: ">") {
            let at = s.position
            let c = s.current
            if c.isSpace {
                s.advance(while: \.isSpace)
                s.emit(nil, from: at)
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                s.position += 1
                s.advance { $0 != c }
                if !s.atEnd { s.position += 1 }
                s.emit(.string, from: at)
            } else if c == UInt8(ascii: "=") {
                s.position += 1
                s.emit(.operator, from: at)
            } else if c == UInt8(ascii: "/") || c == UInt8(ascii: "?") {
                s.position += 1
                s.emit(.nameTag, from: at)
            } else if c == UInt8(ascii: "<") {
                return  // an unclosed tag: the next one starts here
            } else {
                s.advance { !$0.isSpace && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "/") }
                if s.position == at { s.skipOne() }
                s.emit(.nameAttribute, from: at)
            }
        }
        if !s.atEnd {
            let end = s.position
            s.position += 1
            s.emit(.nameTag, from: end)
        }
    }

    private enum Embedded { case css, javascript }

    /// `<style` or `<script` (any case) at the position: the language of what it holds.
    private static func embedded(_ s: Scanner) -> Embedded? {
        func named(_ name: StaticString) -> Bool {
            var t = s
            t.position += 1
            guard t.lookingCaseInsensitive(at: name) else { return false }
            let after = s.position + 1 + name.utf8CodeUnitCount
            return after < s.bytes.count && (s.bytes[after].isSpace || s.bytes[after] == UInt8(ascii: ">"))
        }
        return named("style") ? .css : named("script") ? .javascript : nil
    }

    private static func skip(to close: [UInt8], _ s: inout Scanner) {
        while !s.atEnd, !s.looking(at: close) { s.position += 1 }
        s.position = min(s.position + close.count, s.bytes.count)
    }
}

/// nginx configuration: the first word of each statement is its directive (a keyword), the
/// words after it its arguments (strings), `$variables` aside, as Pygments reads them.
enum Nginx {
    static func lex(_ s: inout Scanner) {
        var directive = true
        while !s.atEnd {
            let start = s.position
            let c = s.current
            if c.isSpace {
                s.advance(while: \.isSpace)
                s.emit(nil, from: start)
            } else if c == UInt8(ascii: "#") {
                s.toLineEnd()
                s.emit(.commentSingle, from: start)
            } else if c == UInt8(ascii: ";") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}") {
                s.position += 1
                s.emit(.punctuation, from: start)
                directive = true
            } else if c == UInt8(ascii: "$"), s.peek(1).map({ $0.isIdentifierStart || $0 == UInt8(ascii: "{") }) == true {
                s.position += 1
                s.advance { $0.isIdentifier || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
                s.emit(.nameVariable, from: start)
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                s.position += 1
                while !s.atEnd, s.current != c {
                    s.position += s.current == UInt8(ascii: "\\") ? 2 : 1
                }
                s.position = min(s.position + 1, s.bytes.count)
                s.emit(.string, from: start)
                directive = false
            } else {
                s.advance { !$0.isSpace && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "}") && $0 != UInt8(ascii: "$") }
                if s.position == start { s.skipOne() }
                let word = s.word(from: start)
                s.emit(directive ? .keyword : word.allSatisfy(\.isDigit) ? .numberInteger : .string, from: start)
                directive = false
            }
        }
    }
}
