/// Ruby's literals: strings, symbols, `%`-literals, characters, regular expressions and here-documents.
extension Ruby.Reader {
    // MARK: Strings

    /// The literals that start with a quote, `:` or `%`; false when none starts here.
    mutating func strings(_ s: inout Scanner, _ limit: Int) -> Bool {
        let b = s.bytes
        let p = s.position
        let c = b[p]
        switch c {
        case UInt8(ascii: "\""):
            s.position += 1
            quoted(&s, limit, close: c, kind: .stringDouble)
            return true
        case UInt8(ascii: "'"):
            s.position += 1
            quoted(&s, limit, close: c, kind: .stringSingle)
            return true
        case UInt8(ascii: "`") where p == 0 || b[p - 1] != UInt8(ascii: "."):
            s.position += 1
            quoted(&s, limit, close: c, kind: .stringBacktick)
            return true
        case UInt8(ascii: ":"):
            return symbol(&s, limit)
        case UInt8(ascii: "%"):
            return percent(&s, limit)
        default:
            return false
        }
    }

    /// `:name`, `:@var`, `:<=>`, `:"…"`, `:'…'`.
    private mutating func symbol(_ s: inout Scanner, _ limit: Int) -> Bool {
        let b = s.bytes
        let p = s.position
        guard p + 1 < limit else { return false }
        var i = p + 1
        while i < min(p + 3, limit), b[i] == UInt8(ascii: "@") { i += 1 }
        if i < limit, b[i].isIdentifierStart {
            s.position = i
            s.advance(while: \.isIdentifier)
            if s.position < limit, b[s.position] == UInt8(ascii: "!") || b[s.position] == UInt8(ascii: "?") { s.position += 1 }
            s.position = min(s.position, limit)
            s.emit(.string, from: p)
            return true
        }
        if b[p + 1] == UInt8(ascii: "\"") {
            s.position += 2
            quoted(&s, limit, close: UInt8(ascii: "\""), kind: .string, from: p)
            return true
        }
        if b[p + 1] == UInt8(ascii: "'") {
            var j = p + 2
            while j < limit, b[j] != UInt8(ascii: "'") { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
            guard j < limit else { return false }
            s.position = j + 1
            s.emit(.string, from: p)
            return true
        }
        s.position = p + 1
        for op in Ruby.operatorSymbols where s.looking(at: op) && p + 1 + op.count <= limit {
            s.position += op.count
            s.emit(.string, from: p)
            return true
        }
        s.position = p
        return false
    }

    /// `"…"` and its kin from after the opening quote (from `start`, its prefix): `#{code}`,
    /// `#@var` and escapes inside, up to `close` (or the limit, when never closed).
    private mutating func quoted(_ s: inout Scanner, _ limit: Int, close: UInt8, kind: TokenClass, from start: Int? = nil) {
        let b = s.bytes
        var start = start ?? s.position - 1
        while s.position < limit {
            let c = b[s.position]
            if c == close {
                s.position += 1
                break
            }
            if c == UInt8(ascii: "#"), interpolation(&s, limit, before: start, kind: kind) {
                start = s.position
                continue
            }
            if c == UInt8(ascii: "\\"), s.position + 1 < limit, Self.escapes.contains(b[s.position + 1]) {
                s.emit(kind, from: start)
                let escape = s.position
                s.position += 2
                s.emit(.stringEscape, from: escape)
                start = s.position
                continue
            }
            s.position += 1
        }
        s.emit(kind, from: start)
    }

    static let escapes = ByteSet("\\abefnrstv#\"'x01234567")

    /// `#{code}`, `#@var`, `#$var` at the position: the text before it emitted as `kind`.
    private mutating func interpolation(_ s: inout Scanner, _ limit: Int, before start: Int, kind: TokenClass) -> Bool {
        let b = s.bytes
        let p = s.position
        guard p + 1 < limit else { return false }
        let next = b[p + 1]
        if next == UInt8(ascii: "{"), depth < 32 {
            s.emit(kind, from: start)
            s.position += 2
            s.emit(.stringInterpolated, from: p)
            depth += 1
            code(&s, limit: limit, interpolation: true)
            depth -= 1
            if s.position < limit {
                let close = s.position
                s.position += 1
                s.emit(.stringInterpolated, from: close)
            }
            return true
        }
        if next == UInt8(ascii: "@") || next == UInt8(ascii: "$") {
            var i = p + 2
            if next == UInt8(ascii: "@"), i < limit, b[i] == UInt8(ascii: "@") { i += 1 }
            guard i < limit, b[i].isIdentifierStart else { return false }
            s.emit(kind, from: start)
            s.position = i
            s.advance(while: \.isIdentifier)
            s.position = min(s.position, limit)
            s.emit(.stringInterpolated, from: p)
            return true
        }
        return false
    }

    /// `%w[…]`, `%q(…)`, `%r{…}`, `%Q|…|`, `%(…)`: false when `%` is an operator.
    private mutating func percent(_ s: inout Scanner, _ limit: Int) -> Bool {
        let b = s.bytes
        let p = s.position
        guard p + 1 < limit else { return false }
        var i = p + 1
        var letter: UInt8 = 0
        if "QWxqswr".utf8.contains(b[i]) {
            letter = b[i]
            i += 1
        }
        guard i < limit else { return false }
        let open = b[i]
        let interpolates = letter != UInt8(ascii: "q") && letter != UInt8(ascii: "s") && letter != UInt8(ascii: "w")
        if let close = Ruby.brackets[open] {
            // Bracketed: nested pairs inside, running to the end when never closed.
            s.position = i + 1
            var start = p
            var nesting = 0
            while s.position < limit {
                let c = b[s.position]
                if c == UInt8(ascii: "\\"), s.position + 1 < limit, b[s.position + 1] == open || b[s.position + 1] == close || b[s.position + 1] == c {
                    s.position += 2
                    continue
                }
                if c == open { nesting += 1 }
                if c == close {
                    if nesting == 0 {
                        s.position += 1
                        if letter == UInt8(ascii: "r") { s.advance { "mixounse".utf8.contains($0) } }
                        break
                    }
                    nesting -= 1
                }
                if interpolates, c == UInt8(ascii: "#"), interpolation(&s, limit, before: start, kind: .string) {
                    start = s.position
                    continue
                }
                s.position += 1
            }
            s.position = min(s.position, limit)
            s.emit(.string, from: start)
            return true
        }
        // Any other delimiter: up to the same one, or no literal at all.
        let delimiterAllowed = letter == 0 ? !open.isLetter && !open.isDigit && !open.isSpace && open < 0x80 : !(open.isLetter || open.isDigit) && open < 0x80
        guard delimiterAllowed, let end = closing(open, in: b, from: i + 1, limit) else { return false }
        if interpolates {
            s.position = i + 1
            var start = p
            while s.position < end {
                if b[s.position] == UInt8(ascii: "#"), interpolation(&s, end, before: start, kind: .string) {
                    start = s.position
                    continue
                }
                s.position += 1
            }
            s.position = end + 1
            if letter == UInt8(ascii: "r") { s.advance { "mixounse".utf8.contains($0) } }
            s.position = min(s.position, limit)
            s.emit(.string, from: start)
        } else {
            s.position = end + 1
            s.emit(.string, from: p)
        }
        return true
    }

    /// The next `delimiter` not right after a backslash, remembered by delimiter.
    private mutating func closing(_ delimiter: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int, _ limit: Int) -> Int? {
        if let known = nextDelimiter[delimiter], known.from <= from, from <= known.at {
            return known.at < limit ? known.at : nil
        }
        var i = from
        while i < b.count, !(b[i] == delimiter && (i == from || b[i - 1] != UInt8(ascii: "\\"))) { i += 1 }
        nextDelimiter[delimiter] = (from, i < b.count ? i : Int.max)
        return i < limit ? i : nil
    }

    /// `?a`, `?\n`: a character literal, when no word goes on after it.
    func character(_ s: inout Scanner, _ limit: Int) -> Bool {
        let b = s.bytes
        let p = s.position
        guard p + 1 < limit, !b[p + 1].isSpace else { return false }
        var i = p + 2
        if b[p + 1] == UInt8(ascii: "\\"), p + 2 < limit { i = p + 3 }
        while i < limit, b[i] & 0xC0 == 0x80 { i += 1 }
        guard i >= limit || !b[i].isIdentifier else { return false }
        s.position = i
        s.emit(.stringChar, from: p)
        return true
    }

    /// `/…/` where a value is expected: at a line's start, after an operator, `(`, `,`, `[`,
    /// `when` or `if`, or after white space when no space follows. At the position: white
    /// space or the slash; false when no expression starts here.
    mutating func regex(_ s: inout Scanner, _ limit: Int) -> Bool {
        let b = s.bytes
        let p = s.position
        var slash = p
        while slash < limit, b[slash].isSpace { slash += 1 }
        guard slash < limit, b[slash] == UInt8(ascii: "/") else { return false }
        let before: UInt8? = p > 0 ? b[p - 1] : nil
        var opens = before == nil || before == 10 || "=<>~!:".utf8.contains(before!)
        if !opens, slash == p, let before, "(,[".utf8.contains(before) { opens = true }
        if !opens, slash > p, slash + 1 < limit, !b[slash + 1].isSpace, b[slash + 1] != UInt8(ascii: "=") { opens = true }
        if !opens, slash == p, p >= 2, b[p - 1] == 32 || b[p - 1] == 9 {
            // After `when `, `if `, `.scan `…
            var w = p - 1
            while w > 0, b[w - 1].isIdentifier || b[w - 1] == UInt8(ascii: "!") { w -= 1 }
            opens = w < p - 1 && Ruby.beforeRegex.contains(UnsafeBufferPointer(rebasing: b[w..<(p - 1)]))
        }
        guard opens else { return false }
        s.position = slash
        s.emit(nil, from: p)
        s.position += 1
        var start = slash
        while s.position < limit {
            let c = b[s.position]
            if c == UInt8(ascii: "\\") {
                s.position = min(s.position + 2, limit)
                continue
            }
            if c == UInt8(ascii: "#"), interpolation(&s, limit, before: start, kind: .string) {
                start = s.position
                continue
            }
            s.position += 1
            if c == UInt8(ascii: "/") {
                s.advance { "mixounse".utf8.contains($0) }
                break
            }
        }
        s.position = min(s.position, limit)
        s.emit(.string, from: start)
        return true
    }

    // MARK: Here-documents

    /// `<<~NAME`, `<<-'NAME'`, `<<NAME`: the rest of the line is code, the lines after it
    /// the document, up to the line of its name; false when this is `<<` the operator.
    mutating func heredoc(_ s: inout Scanner, _ limit: Int) -> Bool {
        let b = s.bytes
        let p = s.position
        guard s.looking(at: "<<"), p == 0 || !b[p - 1].isIdentifier else { return false }
        var i = p + 2
        var indented = false
        if i < limit, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "~") {
            indented = true
            i += 1
        }
        var quote: UInt8?
        if i < limit, "\"'`".utf8.contains(b[i]) {
            quote = b[i]
            i += 1
        }
        let name = i
        guard i < limit, b[i].isLetter || b[i] == UInt8(ascii: "_") else { return false }
        while i < limit, b[i].isIdentifier { i += 1 }
        let nameEnd = i
        if let quote {
            guard i < limit, b[i] == quote else { return false }
            i += 1
        }
        // The line must end: `.*?\n`.
        let lineEnd = Scanner.lineEnd(b, from: i)
        guard lineEnd < limit else { return false }
        s.position = name - (quote == nil ? 0 : 1)
        s.emit(.operator, from: p)
        s.position = i
        s.emit(.string, from: name - (quote == nil ? 0 : 1))
        let outermost = heredocs.isEmpty
        heredocs.append((Array(b[name..<nameEnd]), indented))
        if depth < 100 {
            depth += 1
            code(&s, limit: lineEnd + 1)
            depth -= 1
        } else {
            s.position = lineEnd + 1
            s.emit(.string, from: i)
        }
        guard outermost else { return true }
        for (word, indented) in heredocs { body(&s, limit, word: word, indented: indented) }
        heredocs.removeAll()
        return true
    }

    /// A here-document's lines and the line that ends it; plain text when none does.
    private func body(_ s: inout Scanner, _ limit: Int, word: [UInt8], indented: Bool) {
        let b = s.bytes
        let start = s.position
        var line = start
        while line < limit {
            let end = Scanner.lineEnd(b, from: line)
            var first = line
            var last = min(end, limit)
            if indented { while first < last, b[first].isSpace { first += 1 } }
            while last > first, b[last - 1].isSpace { last -= 1 }
            if b[first..<last].elementsEqual(word) {
                s.position = line
                s.emit(.string, from: start)
                s.position = min(end + 1, limit)
                s.emit(.string, from: line)
                return
            }
            line = end + 1
        }
        s.position = limit
        s.emit(nil, from: start)
    }
}
