/// CSS, as Pygments reads it, by where the lexer stands: selectors (tags, `.classes`,
/// `:pseudo`, `@rules`), declarations (a known property before `:` is a keyword), values
/// (known keyword values, numbers with their unit as a keyword, `!important` as a
/// preprocessor comment) and the arguments of functions (`var(--x)`, `rgb(…)`).
/// SCSS and Less are read the same way.
enum Css {
    private enum State { case selector, atRule, atBlock, declarations, value, arguments }

    static func lex(_ s: inout Scanner) {
        var reader = Reader()
        reader.lex(&s)
    }

    private struct Reader {
        var states: [State] = [.selector]
        /// Where the next `*/` lies, from some earlier position (unclosed comments are text to
        /// Pygments, read here in linear time), and the next closing quote of each kind.
        var closing = ClosingSearch()
        /// Where the next `)` or line break lies, for `url(…)`.
        var nextParen = (from: Int.max, at: 0)

        mutating func lex(_ s: inout Scanner) {
            let b = s.bytes
            while !s.atEnd {
                let p = s.position
                let c = b[p]
                if c.isSpace {
                    s.advance(while: \.isSpace)
                    s.emit(nil, from: p)
                    continue
                }
                if s.looking(at: "/*"), comment(&s) { continue }
                switch states.last! {
                case .selector, .atRule, .atBlock: selector(&s)
                case .declarations: declaration(&s)
                case .value, .arguments: value(&s)
                }
                if s.position == p {
                    s.skipOne()
                    s.emit(nil, from: p)
                }
            }
        }

        // MARK: Selectors and at-rules

        private mutating func selector(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            let c = b[p]
            let state = states.last!
            if c == UInt8(ascii: "{") {
                states.append(state == .atRule ? .atBlock : .declarations)
                punctuation(&s)
                return
            }
            if state == .atRule, c == UInt8(ascii: ";") {
                pop(1)
                punctuation(&s)
                return
            }
            // `:hover`, `::before`, `.class`, `#id`, `@media`: the mark, then its word.
            if ":.#@".utf8.contains(c) {
                var i = p + 1
                if c == UInt8(ascii: ":"), i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
                let word = i
                while i < b.count, Self.isWord(b[i]) { i += 1 }
                if i > word {
                    s.position = word
                    s.emit(.punctuation, from: p)
                    s.position = i
                    s.emit(c == UInt8(ascii: "@") ? .keyword : c == UInt8(ascii: ".") ? .nameClass : c == UInt8(ascii: ":") ? .nameDecorator : .name, from: word)
                    if c == UInt8(ascii: "@") { states.append(.atRule) }
                    return
                }
            }
            if Self.isWord(c) {
                s.advance(while: Self.isWord)
                s.emit(.nameTag, from: p)
                return
            }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                _ = string(&s)
                return
            }
            if state == .atBlock, c == UInt8(ascii: "}") {
                pop(2)
                punctuation(&s)
                return
            }
            if "~^*!%&$[]()<>|+=@:;,./?-".utf8.contains(c) {
                s.position += 1
                s.emit(.operator, from: p)
            }
        }

        // MARK: Declarations

        /// `property: ` (a keyword when Pygments knows it), `--custom: `, or `}`.
        private mutating func declaration(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            let c = b[p]
            if c == UInt8(ascii: "}") {
                pop(1)
                punctuation(&s)
                return
            }
            if c == UInt8(ascii: ";") {
                punctuation(&s)
                return
            }
            if c == UInt8(ascii: "@"), p == 0 || b[p - 1] == 10 {
                s.toLineEnd()
                s.emit(.commentPreproc, from: p)
                return
            }
            if let prefix = vendorPrefix(s) {
                s.position += prefix
                s.emit(.keywordPseudo, from: p)
                return
            }
            var i = p
            while i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
            // Not a property: the run is text, taken whole (reading it again from each of
            // its bytes made a long word quadratic).
            guard i < b.count, b[i].isLetter || b[i] == UInt8(ascii: "_") else {
                s.position = i
                if i > p { s.emit(nil, from: p) }
                return
            }
            while i < b.count, Self.isWord(b[i]) { i += 1 }
            var colon = i
            while colon < b.count, b[colon].isSpace { colon += 1 }
            guard colon < b.count, b[colon] == UInt8(ascii: ":") else {
                s.position = i
                s.emit(nil, from: p)
                return
            }
            let name = UnsafeBufferPointer(rebasing: b[p..<i])
            s.position = i
            s.emit(i > p && b[p] == UInt8(ascii: "-") ? .nameVariable : CssWords.properties.contains(name) ? .keyword : .name, from: p)
            s.position = colon
            s.emit(nil, from: i)
            punctuation(&s)
            states.append(.value)
        }

        // MARK: Values and arguments

        private mutating func value(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            let c = b[p]
            let inArguments = states.last == .arguments
            if inArguments, c == UInt8(ascii: ")") {
                pop(1)
                punctuation(&s)
                return
            }
            if !inArguments, c == UInt8(ascii: ";") || c == UInt8(ascii: "}") {
                pop(c == UInt8(ascii: "}") ? 2 : 1)
                punctuation(&s)
                return
            }
            // `--name` in arguments (`var(--x)`).
            if inArguments, c == UInt8(ascii: "-") {
                var i = p
                while i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
                if i < b.count, b[i].isLetter {
                    s.position = i
                    s.advance { $0.isIdentifier || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }
                    s.emit(.nameVariable, from: p)
                    return
                }
            }
            if let prefix = vendorPrefix(s) {
                s.position += prefix
                s.emit(inArguments ? .keywordPseudo : .nameBuiltinPseudo, from: p)
                return
            }
            if c.isLetter || c == UInt8(ascii: "_") {
                word(&s, inArguments: inArguments)
                return
            }
            if c == UInt8(ascii: "!"), !inArguments, s.looking(at: "!important") {
                s.position += 10
                s.emit(.commentPreproc, from: p)
                return
            }
            if number(&s) { return }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                if string(&s) { return }
            }
            if inArguments {
                if "*+/-,".utf8.contains(c) {
                    s.position += 1
                    s.emit(c == UInt8(ascii: ",") ? .punctuation : .operator, from: p)
                }
                return
            }
            if "~^*!%&<>|+=@:./?-".utf8.contains(c) {
                s.advance { "~^*!%&<>|+=@:./?-".utf8.contains($0) }
                s.emit(.operator, from: p)
            } else if "[](),".utf8.contains(c) {
                s.advance { "[](),".utf8.contains($0) }
                s.emit(.punctuation, from: p)
            }
        }

        /// A word in a value: a function's name (`rgb(`), a keyword value (the longest listed
        /// one it starts with, up to a `-`), a property (in a value only), or a name.
        private mutating func word(_ s: inout Scanner, inArguments: Bool) {
            let b = s.bytes
            let p = s.position
            var end = p
            while end < b.count, Self.isWord(b[end]) { end += 1 }
            // `url(…)`: its insides a string.
            if end - p == 3, s.looking(at: "url"), end < b.count, b[end] == UInt8(ascii: "(") {
                if !(nextParen.from <= end + 1 && end + 1 <= nextParen.at) {
                    var i = end + 1
                    while i < b.count, b[i] != UInt8(ascii: ")"), b[i] != 10 { i += 1 }
                    nextParen = (end + 1, i)
                }
                let close = nextParen.at
                if close < b.count, b[close] == UInt8(ascii: ")") {
                    s.position = end
                    s.emit(.nameBuiltin, from: p)
                    s.position = end + 1
                    s.emit(.punctuation, from: end)
                    s.position = close
                    s.emit(.string, from: end + 1)
                    s.position = close + 1
                    s.emit(.punctuation, from: close)
                    return
                }
            }
            if end - p >= 2, end < b.count, b[end] == UInt8(ascii: "(") {
                s.position = end
                s.emit(.nameFunction, from: p)
                s.position += 1
                s.emit(.punctuation, from: end)
                states.append(.arguments)
                return
            }
            // Candidates: the whole word, then each part before a `-`, longest first.
            var cut = end
            while cut > p {
                let candidate = UnsafeBufferPointer(rebasing: b[p..<cut])
                if b[cut - 1] != UInt8(ascii: "-") {
                    if CssWords.values.contains(candidate) || (!inArguments && CssWords.properties.contains(candidate)) {
                        s.position = cut
                        s.emit(CssWords.values.contains(candidate) ? .keywordConstant : .keyword, from: p)
                        return
                    }
                }
                cut -= 1
                while cut > p, b[cut] != UInt8(ascii: "-") { cut -= 1 }
            }
            // A name: `[a-zA-Z_][\w-]*` in a value, `\w*` in arguments.
            s.position = p + 1
            s.advance { inArguments ? $0.isIdentifier : Self.isWord($0) }
            s.emit(.name, from: p)
        }

        /// `#fff`, `1.5`, `-2`, with a unit (`px`, `%`) as a keyword; false when none is here.
        private func number(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            if b[p] == UInt8(ascii: "#") {
                var i = p + 1
                while i < b.count, i - p <= 6, b[i].isLetter || b[i].isDigit { i += 1 }
                guard i > p + 1 else { return false }
                s.position = i
                s.emit(.numberHex, from: p)
                return true
            }
            var i = p
            if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            let digits = i
            while i < b.count, b[i].isDigit { i += 1 }
            var kind = TokenClass.numberInteger
            if i + 1 < b.count, b[i] == UInt8(ascii: "."), b[i + 1].isDigit {
                i += 1
                while i < b.count, b[i].isDigit { i += 1 }
                kind = .numberFloat
            } else if i == digits {
                return false
            }
            s.position = i
            s.emit(kind, from: p)
            // The unit: a listed word ending here, or `%`.
            var unit = i
            while unit < b.count, b[unit].isLetter { unit += 1 }
            if unit > i, unit == b.count || !b[unit].isIdentifier, CssWords.units.contains(UnsafeBufferPointer(rebasing: b[i..<unit])) {
                s.position = unit
                s.emit(.keywordType, from: i)
            } else if i < b.count, b[i] == UInt8(ascii: "%") {
                s.position = i + 1
                s.emit(.keywordType, from: i)
            }
            return true
        }

        // MARK: Shared

        /// Leaves `count` states, never the first (as Pygments keeps its root).
        private mutating func pop(_ count: Int) {
            states.removeLast(min(count, states.count - 1))
        }

        private func vendorPrefix(_ s: Scanner) -> Int? {
            CssWords.vendorPrefixes.first { s.looking(at: $0) }?.count
        }

        private func punctuation(_ s: inout Scanner) {
            let p = s.position
            s.position += 1
            s.emit(.punctuation, from: p)
        }

        /// `/* … */`; false when it is never closed (then `/` and `*` are operators).
        private mutating func comment(_ s: inout Scanner) -> Bool { closing.blockComment(&s) }

        /// A quoted string, escapes and all; false when it is never closed.
        private mutating func string(_ s: inout Scanner) -> Bool { closing.quoted(&s) }

        static func isWord(_ c: UInt8) -> Bool { c.isIdentifier || c == UInt8(ascii: "-") }
    }
}
