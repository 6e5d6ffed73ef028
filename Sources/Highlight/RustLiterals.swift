/// Rust's literals: characters, strings (escaped and raw) and numbers with their type suffixes.
extension Rust.Reader {
    /// `'x'`, `'\n'`, `'\u{1F600}'` (or `b'x'`, its `b` at `start`): false when the quote
    /// starts a lifetime.
    func character(_ s: inout Scanner, from start: Int? = nil) -> Bool {
        let b = s.bytes
        let p = s.position
        var i = p + 1
        guard i < b.count, b[i] != 10 else { return false }
        if b[i] == UInt8(ascii: "\\") {
            i += 1
            guard i < b.count else { return false }
            if b[i] == UInt8(ascii: "u"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "{") {
                i += 2
                let digits = i
                while i < b.count, b[i].isHexDigit, i - digits < 6 { i += 1 }
                guard i > digits, i < b.count, b[i] == UInt8(ascii: "}") else { return false }
                i += 1
            } else if b[i] == UInt8(ascii: "x") {
                guard i + 2 < b.count, b[i + 1].isHexDigit, b[i + 2].isHexDigit else { return false }
                i += 3
            } else {
                guard "'\"\\nrt0".utf8.contains(b[i]) else { return false }
                i += 1
            }
        } else {
            i += 1
            while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
        }
        guard i < b.count, b[i] == UInt8(ascii: "'") else { return false }
        s.position = i + 1
        s.emit(.stringChar, from: start ?? p)
        return true
    }

    /// `"…"` (its prefix from `start`), across lines, escapes marked; to the end if unclosed.
    func string(_ s: inout Scanner, from start: Int) {
        let b = s.bytes
        s.position += 1
        var run = start
        while !s.atEnd {
            let c = b[s.position]
            if c == UInt8(ascii: "\"") {
                s.position += 1
                break
            }
            if c == UInt8(ascii: "\\"), s.position + 1 < b.count {
                let escape = s.position
                let next = b[escape + 1]
                var end = escape
                if "'\"\\nrt0".utf8.contains(next) {
                    end = escape + 2
                } else if next == UInt8(ascii: "x"), escape + 3 < b.count, b[escape + 2].isHexDigit, b[escape + 3].isHexDigit {
                    end = escape + 4
                } else if next == UInt8(ascii: "u"), escape + 2 < b.count, b[escape + 2] == UInt8(ascii: "{") {
                    var i = escape + 3
                    while i < b.count, b[i].isHexDigit, i - escape - 3 < 6 { i += 1 }
                    if i < b.count, b[i] == UInt8(ascii: "}"), i > escape + 3 { end = i + 1 }
                }
                if end > escape {
                    s.emit(.string, from: run)
                    s.position = end
                    s.emit(.stringEscape, from: escape)
                    run = s.position
                    continue
                }
            }
            s.position += 1
        }
        s.emit(.string, from: run)
    }

    /// `r"…"`, `r#"…"#`, `br"…"`: up to a quote and as many `#`; false when none closes it.
    mutating func rawString(_ s: inout Scanner, from start: Int) -> Bool {
        let b = s.bytes
        var i = s.position
        while i < b.count, b[i] == UInt8(ascii: "#") { i += 1 }
        let hashes = i - s.position
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return false }
        let body = i + 1
        if let known = rawCloses[hashes], known.from <= body, body <= known.at {
        } else {
            var j = body
            while j < b.count {
                if b[j] == UInt8(ascii: "\""), j + hashes < b.count, b[(j + 1)..<(j + 1 + hashes)].allSatisfy({ $0 == UInt8(ascii: "#") }) { break }
                j += 1
            }
            rawCloses[hashes] = (body, j < b.count ? j : Int.max)
        }
        let close = rawCloses[hashes]!.at
        guard close != Int.max else { return false }
        s.position = close + 1 + hashes
        s.emit(.string, from: start)
        return true
    }

    /// Numbers, with a type suffix (`10u8`, `1.5f32`) as a keyword.
    func number(_ s: inout Scanner) {
        let b = s.bytes
        let p = s.position
        var kind = TokenClass.numberInteger
        let prefix: UInt8? = b[p] == UInt8(ascii: "0") && p + 1 < b.count ? b[p + 1] : nil
        if prefix == UInt8(ascii: "b") || prefix == UInt8(ascii: "o") || prefix == UInt8(ascii: "x") || prefix == UInt8(ascii: "X") {
            kind = prefix == UInt8(ascii: "b") ? .numberBin : prefix == UInt8(ascii: "o") ? .numberOct : .numberHex
            s.position += 2
            s.advance { kind == .numberHex ? $0.isHexDigit || $0 == UInt8(ascii: "_") : $0.isDigit || $0 == UInt8(ascii: "_") }
        } else {
            s.advance { $0.isDigit || $0 == UInt8(ascii: "_") }
            // `1.5`, `1.` (not `1..`), `1e5`, `1.5e-3`.
            if s.position < b.count, b[s.position] == UInt8(ascii: "."), s.position + 1 >= b.count || b[s.position + 1] != UInt8(ascii: ".") {
                var i = s.position + 1
                while i < b.count, b[i].isDigit || b[i] == UInt8(ascii: "_") { i += 1 }
                if i < b.count, b[i] == UInt8(ascii: ".") {
                    // `1.2.`: the float stops before a digit, so that no `.` follows it (`1.`).
                    if i > s.position + 1 {
                        kind = .numberFloat
                        s.position = i - 1
                    }
                } else {
                    kind = .numberFloat
                    s.position = i
                    exponent(&s)
                }
            } else if exponent(&s) {
                kind = .numberFloat
            }
        }
        s.emit(kind, from: p)
        // A type suffix.
        let suffix = s.position
        for type in Rust.suffixes where s.looking(at: type) {
            s.position += type.count
            s.emit(.keyword, from: suffix)
            return
        }
    }

    @discardableResult
    private func exponent(_ s: inout Scanner) -> Bool {
        let b = s.bytes
        guard s.position < b.count, b[s.position] | 0x20 == UInt8(ascii: "e") else { return false }
        var i = s.position + 1
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        let digits = i
        while i < b.count, b[i].isDigit || b[i] == UInt8(ascii: "_") { i += 1 }
        guard i > digits else { return false }
        s.position = i
        return true
    }
}
