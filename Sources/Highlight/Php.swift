/// PHP, as Pygments reads it when told the code starts inside `<?php` (blog posts leave it
/// out): `$variables`, `"…{$code}…"` strings, here- and now-documents, `/** doc */` comments
/// (strings to Pygments), `#[attributes]`, and names that may hold `\` (`\PDO`, `App\Models`).
/// Keywords are matched without regard to case, as PHP does.
enum Php {
    static func lex(_ s: inout Scanner) {
        var reader = Reader()
        reader.code(&s, limit: s.bytes.count)
    }

    static let keywords = WordSet(
        ("and E_PARSE old_function E_ERROR or as E_WARNING parent eval PHP_OS break exit case extends PHP_VERSION cfunction FALSE print for "
            + "require continue foreach require_once declare return default static do switch die stdClass echo else TRUE elseif var empty if "
            + "xor enddeclare include virtual endfor include_once while endforeach global endif list endswitch new endwhile not array E_ALL "
            + "NULL final php_user_filter interface implements public private protected abstract clone try catch throw this use namespace "
            + "trait yield finally match readonly function class const")
            .split(separator: " ").map(String.init), caseInsensitive: true)
    static let constants = WordSet(["true", "false", "null"], caseInsensitive: true)
    /// A few of the functions Pygments lists as builtins.
    static let builtins = WordSet(
        ("isset unset count strlen trim explode implode sprintf printf json_encode json_decode array_map array_filter array_keys "
            + "array_values array_merge array_sum in_array is_array is_string is_int is_null var_dump print_r max min intval strval "
            + "str_replace substr strpos preg_match preg_replace htmlspecialchars file_get_contents define")
            .split(separator: " ").map(String.init), caseInsensitive: true)

    private struct Reader {
        /// Where the next `*/`, the next unescaped `'` and `` ` ``, and the next `}` lie, from
        /// some earlier position: so that many unclosed ones are still read in linear time.
        var nextCommentEnd = (from: Int.max, at: 0)
        var nextQuote: [UInt8: (from: Int, at: Int)] = [:]
        var nextBrace = (from: Int.max, at: 0)
        var lastHeredoc: (name: [UInt8], from: Int, at: Int?)?
        var depth = 0

        mutating func code(_ s: inout Scanner, limit: Int) {
            let b = s.bytes
            // Pygments' states inside `#[…]`: in an attribute (true) every name is a decorator,
            // keywords too, up to a `]` seen on its own; in its arguments (false), up to a `)`
            // seen on its own. Punctuation comes in runs (`])]`), so these often last long.
            var attributes: [Bool] = []
            while s.position < limit {
                let p = s.position
                let c = b[p]
                if let inAttribute = attributes.last {
                    if c == (inAttribute ? UInt8(ascii: "]") : UInt8(ascii: ")")) {
                        attributes.removeLast()
                        s.position += 1
                        s.emit(.punctuation, from: p)
                        continue
                    }
                    if inAttribute, c == UInt8(ascii: "(") {
                        attributes.append(false)
                        s.position += 1
                        s.emit(.punctuation, from: p)
                        continue
                    }
                    if inAttribute, c.isIdentifierStart || c == UInt8(ascii: "\\") {
                        s.advance { $0.isIdentifier || $0 == UInt8(ascii: "\\") }
                        s.position = min(s.position, limit)
                        s.emit(.nameDecorator, from: p)
                        continue
                    }
                }
                if c.isSpace {
                    s.advance(while: \.isSpace)
                    s.position = min(s.position, limit)
                    s.emit(nil, from: p)
                } else if s.looking(at: "?>") {
                    s.position += 2
                    s.emit(.commentPreproc, from: p)
                    if attributes.popLast() == nil { html(&s, limit) }
                } else if c == UInt8(ascii: "<"), s.looking(at: "<<<"), heredoc(&s, limit) {
                    continue
                } else if c == UInt8(ascii: "#"), p + 1 < limit, b[p + 1] == UInt8(ascii: "[") {
                    s.position += 2
                    s.emit(.punctuation, from: p)
                    attributes.append(true)
                } else if c == UInt8(ascii: "#") || s.looking(at: "//") {
                    s.toLineEnd()
                    s.position = min(s.position, limit)
                    s.emit(.commentSingle, from: p)
                } else if s.looking(at: "/*"), comment(&s, limit) {
                    continue
                } else if s.looking(at: "->") || s.looking(at: "::") {
                    // `->name`, `::name`: a property or method, whatever word it is.
                    s.position += 2
                    s.emit(.operator, from: p)
                    let space = s.position
                    s.advance(while: \.isSpace)
                    s.emit(nil, from: space)
                    let name = s.position
                    if name < limit, b[name].isIdentifierStart {
                        s.advance(while: \.isIdentifier)
                        s.position = min(s.position, limit)
                        s.emit(.nameAttribute, from: name)
                    }
                } else if Php.operators.contains(c) {
                    s.advance { Php.operators.contains($0) }
                    s.position = min(s.position, limit)
                    s.emit(.operator, from: p)
                } else if c == UInt8(ascii: "?") {
                    s.position += 1
                    s.emit(.operator, from: p)
                } else if Php.punctuation.contains(c) {
                    s.advance { Php.punctuation.contains($0) }
                    s.position = min(s.position, limit)
                    s.emit(.punctuation, from: p)
                } else if c.isIdentifierStart || c == UInt8(ascii: "\\") {
                    word(&s, limit)
                } else if c == UInt8(ascii: "$") {
                    variable(&s, limit)
                } else if c.isDigit {
                    number(&s, limit)
                } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "`") {
                    quoted(&s, limit)
                } else if c == UInt8(ascii: "\"") {
                    doubleQuoted(&s, limit)
                } else {
                    s.skipOne()
                    s.emit(nil, from: p)
                }
            }
        }

        /// Text after `?>`, up to the next `<?php` (or `<?`).
        private func html(_ s: inout Scanner, _ limit: Int) {
            let b = s.bytes
            let p = s.position
            while s.position < limit, !(b[s.position] == UInt8(ascii: "<") && s.position + 1 < limit && b[s.position + 1] == UInt8(ascii: "?")) {
                s.position += 1
            }
            s.emit(nil, from: p)
            guard s.position < limit else { return }
            let open = s.position
            s.position += 2
            if s.looking(at: "php") { s.position += 3 }
            s.emit(.commentPreproc, from: open)
        }

        /// A keyword, a constant, a name; the name after `function`, `class` or `const`.
        private func word(_ s: inout Scanner, _ limit: Int) {
            let b = s.bytes
            let p = s.position
            s.advance { $0.isIdentifier || $0 == UInt8(ascii: "\\") }
            s.position = min(s.position, limit)
            let word = s.word(from: p)
            if Php.keywords.contains(word) {
                s.emit(.keyword, from: p)
                let after = s.position
                var i = after
                while i < limit, b[i].isSpace { i += 1 }
                guard i > after, i < limit, b[i].isIdentifierStart || b[i] == UInt8(ascii: "&") else { return }
                let kind: TokenClass? =
                    word.spells("function") ? .nameFunction : word.spells("class") ? .nameClass
                    : word.spells("const") ? .name : nil
                guard let kind else { return }
                s.position = i
                s.emit(nil, from: after)
                if b[i] == UInt8(ascii: "&") {
                    s.position += 1
                    s.emit(.operator, from: i)
                }
                let name = s.position
                s.advance { $0.isIdentifier || $0 == UInt8(ascii: "\\") }
                s.position = min(s.position, limit)
                // `new class`, `class (`: no name.
                if s.word(from: name).spells("class") {
                    s.emit(.keyword, from: name)
                } else {
                    s.emit(kind, from: name)
                }
            } else if Php.constants.contains(word) {
                s.emit(.keywordConstant, from: p)
            } else if Php.builtins.contains(word) {
                s.emit(.nameBuiltin, from: p)
            } else {
                s.emit(.name, from: p)
            }
        }

        /// `$name`, `$$name`, `${…}`.
        private func variable(_ s: inout Scanner, _ limit: Int) {
            let p = s.position
            s.advance { $0 == UInt8(ascii: "$") }
            if s.position < limit, s.bytes[s.position].isIdentifierStart || s.bytes[s.position] == UInt8(ascii: "\\") {
                s.advance { $0.isIdentifier || $0 == UInt8(ascii: "\\") }
                s.position = min(s.position, limit)
                s.emit(.nameVariable, from: p)
            } else if s.position < limit, s.bytes[s.position] == UInt8(ascii: "{") {
                s.position += 1
                s.emit(.nameVariable, from: p)
            } else {
                s.emit(nil, from: p)
            }
        }

        /// `1`, `1.5`, `3.6e3`, `0x1F`, `017`; `0b1` is `0` and a name to Pygments.
        private func number(_ s: inout Scanner, _ limit: Int) {
            let b = s.bytes
            let p = s.position
            var kind = TokenClass.numberInteger
            s.advance(while: \.isDigit)
            if s.position < limit, b[s.position] == UInt8(ascii: ".") {
                kind = .numberFloat
                s.position += 1
                s.advance(while: \.isDigit)
            }
            if s.position + 1 < limit, b[s.position] | 0x20 == UInt8(ascii: "e") {
                var i = s.position + 1
                if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                if i < limit, b[i].isDigit {
                    kind = .numberFloat
                    s.position = i
                    s.advance(while: \.isDigit)
                }
            }
            if kind == .numberInteger, b[p] == UInt8(ascii: "0"), s.position == p + 1, p + 2 < limit, b[p + 1] | 0x20 == UInt8(ascii: "x"), b[p + 2].isHexDigit {
                kind = .numberHex
                s.position = p + 2
                s.advance(while: \.isHexDigit)
            } else if kind == .numberInteger, b[p] == UInt8(ascii: "0"), s.position > p + 1 {
                kind = .numberOct
            }
            s.position = min(s.position, limit)
            s.emit(kind, from: p)
        }

        /// `/* … */`, or `/** … */` (documentation: a string to Pygments); false when unclosed.
        private mutating func comment(_ s: inout Scanner, _ limit: Int) -> Bool {
            let b = s.bytes
            let p = s.position
            if !(nextCommentEnd.from <= p + 2 && p + 2 <= nextCommentEnd.at) {
                var i = p + 2
                while i + 1 < b.count, !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
                nextCommentEnd = (p + 2, i + 1 < b.count ? i : Int.max)
            }
            guard nextCommentEnd.at != Int.max, nextCommentEnd.at + 2 <= limit else { return false }
            s.position = nextCommentEnd.at + 2
            let doc = s.position - p > 5 && b[p + 2] == UInt8(ascii: "*")
            s.emit(doc ? .stringDoc : .commentMultiline, from: p)
            return true
        }

        /// `'…'` or `` `…` ``, escapes and all; an unclosed quote is only itself.
        private mutating func quoted(_ s: inout Scanner, _ limit: Int) {
            let b = s.bytes
            let p = s.position
            let quote = b[p]
            if let known = nextQuote[quote], known.from <= p + 1, p + 1 <= known.at {
            } else {
                var i = p + 1
                while i < b.count, b[i] != quote { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
                nextQuote[quote] = (p + 1, i < b.count ? i : Int.max)
            }
            let close = nextQuote[quote]!.at
            if close < limit {
                s.position = close + 1
                s.emit(quote == UInt8(ascii: "'") ? .stringSingle : .stringBacktick, from: p)
            } else {
                s.position += 1
                s.emit(nil, from: p)
            }
        }

        /// `"…"`: `$var`, `$var[key]`, `$var->name` and `{$code}` inside; runs to the end when
        /// never closed.
        private mutating func doubleQuoted(_ s: inout Scanner, _ limit: Int) {
            let b = s.bytes
            var start = s.position
            s.position += 1
            while s.position < limit {
                let i = s.position
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    s.position += 1
                    break
                }
                if c == UInt8(ascii: "\\"), i + 1 < limit {
                    s.emit(.stringDouble, from: start)
                    s.position += 2
                    s.emit("nrt\"$\\01234567x".utf8.contains(b[i + 1]) ? .stringEscape : .stringDouble, from: i)
                    start = s.position
                    continue
                }
                if c == UInt8(ascii: "$"), i + 1 < limit, b[i + 1].isIdentifierStart {
                    s.emit(.stringDouble, from: start)
                    s.position += 1
                    s.advance(while: \.isIdentifier)
                    // `$a[key]` or `$a->name` go with it.
                    if s.position < limit, b[s.position] == UInt8(ascii: "[") {
                        var j = s.position + 1
                        while j < limit, b[j] != UInt8(ascii: "]"), !b[j].isSpace { j += 1 }
                        if j < limit, b[j] == UInt8(ascii: "]"), j > s.position + 1 { s.position = j + 1 }
                    } else if s.looking(at: "->"), s.position + 2 < limit, b[s.position + 2].isIdentifierStart {
                        s.position += 2
                        s.advance(while: \.isIdentifier)
                    }
                    s.position = min(s.position, limit)
                    s.emit(.stringInterpolated, from: i)
                    start = s.position
                    continue
                }
                if c == UInt8(ascii: "{"), i + 1 < limit, b[i + 1] == UInt8(ascii: "$"), depth < 32 {
                    // `{$code}`: PHP up to the first `}`.
                    if !(nextBrace.from <= i + 2 && i + 2 <= nextBrace.at) {
                        var j = i + 2
                        while j < b.count, b[j] != UInt8(ascii: "}") { j += 1 }
                        nextBrace = (i + 2, j)
                    }
                    let close = nextBrace.at
                    if close < limit {
                        s.emit(.stringDouble, from: start)
                        s.position += 1
                        s.emit(.stringInterpolated, from: i)
                        depth += 1
                        code(&s, limit: close)
                        depth -= 1
                        s.position = close + 1
                        s.emit(.stringInterpolated, from: close)
                        start = s.position
                        continue
                    }
                }
                s.position += 1
            }
            s.emit(.stringDouble, from: start)
        }

        /// `<<<NAME`, `<<<"NAME"`, `<<<'NAME'`: up to a line of the name (after white space,
        /// with maybe a `;`); false when none ends it.
        private mutating func heredoc(_ s: inout Scanner, _ limit: Int) -> Bool {
            let b = s.bytes
            let p = s.position
            var i = p + 3
            let quote = i < limit && (b[i] == UInt8(ascii: "'") || b[i] == UInt8(ascii: "\"")) ? b[i] : nil
            if quote != nil { i += 1 }
            let name = i
            guard i < limit, b[i].isIdentifierStart else { return false }
            while i < limit, b[i].isIdentifier { i += 1 }
            let word = Array(b[name..<i])
            if let quote {
                guard i < limit, b[i] == quote else { return false }
                i += 1
            }
            guard i < limit, b[i] == 10 else { return false }
            let bodyStart = i
            let end: Int?
            if let last = lastHeredoc, last.name == word, last.from <= bodyStart, last.at.map({ bodyStart < $0 }) ?? true {
                end = last.at
            } else {
                end = Self.terminator(b, word, after: bodyStart)
                lastHeredoc = (word, bodyStart, end)
            }
            guard let end, end <= limit else { return false }
            // The body and its name are a string; a `;` after the name is punctuation.
            var nameEnd = end - 1
            if b[nameEnd - 1] == UInt8(ascii: ";") { nameEnd -= 1 }
            s.position = nameEnd
            s.emit(.string, from: p)
            s.position = end - 1
            s.emit(.punctuation, from: nameEnd)
            s.position = end
            s.emit(nil, from: end - 1)
            return true
        }

        /// The end of the line `\s*NAME;?\n` that closes a document whose first line break is
        /// at `open` (not on the line right after it: Pygments wants one line between).
        static func terminator(_ b: UnsafeBufferPointer<UInt8>, _ word: [UInt8], after open: Int) -> Int? {
            var line = Scanner.lineEnd(b, from: open + 1) + 1
            while line < b.count {
                var i = line
                while i < b.count, b[i] == 32 || b[i] == 9 { i += 1 }
                if b[i...].starts(with: word) {
                    var j = i + word.count
                    if j < b.count, b[j] == UInt8(ascii: ";") { j += 1 }
                    if j < b.count, b[j] == 10 { return j + 1 }
                }
                line = Scanner.lineEnd(b, from: line) + 1
            }
            return nil
        }
    }

    static let operators = ByteSet("~!%^&*+=|:.<>/@-")
    static let punctuation = ByteSet("[]{}();,")
}
