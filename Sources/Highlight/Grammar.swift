/// A language described by its words and delimiters, lexed by one loop: comments, strings,
/// numbers, words (keywords, types, builtins, the name after `def` or `class`), operators.
/// Most languages of blogs (C, Go, Python, SQL, Lua…) differ in little else.
struct Grammar: Sendable {
    struct Quote: Sendable {
        var open: [UInt8]
        var close: [UInt8]
        var kind: TokenClass
        /// A backslash escapes the next byte.
        var escapes = true
        /// May run over lines (else it ends at the line's end).
        var multiline = false

        init(_ open: String, _ close: String? = nil, _ kind: TokenClass, escapes: Bool = true, multiline: Bool = false) {
            (self.open, self.close, self.kind) = (Array(open.utf8), Array((close ?? open).utf8), kind)
            (self.escapes, self.multiline) = (escapes, multiline)
        }
    }

    var lineComments: [[UInt8]] = []
    var blockComments: [(open: [UInt8], close: [UInt8])] = []
    /// Longest first where one starts another (`"""` before `"`).
    var quotes: [Quote] = []
    /// Letters that may stand before a quote (`r"…"`, `f'…'`, `b"…"`).
    var quotePrefixes: Set<UInt8> = []
    var keywords = WordSet([]) { didSet { indexWords() } }
    var declarations = WordSet([]) { didSet { indexWords() } }
    var types = WordSet([]) { didSet { indexWords() } }
    var constants = WordSet([]) { didSet { indexWords() } }
    var namespaces = WordSet([]) { didSet { indexWords() } }
    var builtins = WordSet([]) { didSet { indexWords() } }
    var wordOperators = WordSet([]) { didSet { indexWords() } }
    var pseudo = WordSet([]) { didSet { indexWords() } }
    /// All the words above in one table, so that a word is looked up once: its class, and
    /// whether it gives way to a function or class name (`def print`).
    private var wordClasses = WordMap<(kind: TokenClass, weak: Bool)>([])
    /// The word after one of these names a function or a class.
    var functionAfter = WordSet([])
    var classAfter = WordSet([])
    /// `@name` is a decorator (Python, Java annotations).
    var decorators = false
    /// `#include` lines (C, C++).
    var preprocessor = false
    var caseInsensitive = false
    /// A string followed by `:` is a key (`nt`), as Pygments reads JSON.
    var quotedKeys = false
    /// Lua's `[[…]]` and `[==[…]==]` strings, and those after `--` comments.
    var longBrackets = false
    /// Where a name that follows a type and comes before `(` is a function's definition
    /// (`nf`): Java's methods anywhere, C's functions outside braces, as Pygments reads them.
    enum Definitions: Sendable { case none, anywhere, outsideBraces }
    var definitions = Definitions.none
    /// Code inside strings: Python's f-string fields, or Swift's `\(…)`.
    enum Interpolation: Sendable { case none, pythonFormat, swift }
    var interpolation = Interpolation.none

    func lex(_ s: inout Scanner) {
        var previousWord: UnsafeBufferPointer<UInt8>?
        var closers: LongBracketClosers?
        /// How deep in `{…}`, and the end and class of the last word: for `definitions`.
        var braces = 0
        var lastWord: (end: Int, kind: TokenClass)?
        while !s.atEnd {
            let start = s.position
            let c = s.current
            if c.isSpace {
                s.advance(while: \.isSpace)
                s.emit(nil, from: start)
                continue
            }
            if preprocessor, c == UInt8(ascii: "#"), s.atLineStart {
                lexPreprocessor(&s)
                continue
            }
            if longBrackets, let end = longBracket(&s, &closers) {
                s.position = end
                s.emit(s.bytes[start] == UInt8(ascii: "-") ? .commentMultiline : .string, from: start)
                previousWord = nil
                continue
            }
            if let comment = lineComments.first(where: { s.looking(at: $0) }) {
                s.position += comment.count
                s.toLineEnd()
                s.emit(.commentSingle, from: start)
                continue
            }
            if let comment = blockComments.first(where: { s.looking(at: $0.open) }) {
                s.position += comment.open.count
                skip(to: comment.close, in: &s)
                s.emit(.commentMultiline, from: start)
                continue
            }
            if lexQuote(&s) { previousWord = nil; continue }
            if c.isDigit || (c == UInt8(ascii: ".") && s.peek(1)?.isDigit == true) {
                lexNumber(&s)
                previousWord = nil
                continue
            }
            if c.isIdentifierStart {
                s.advance(while: \.isIdentifier)
                let word = s.word(from: start)
                var kind = classify(word, after: previousWord, next: s.peek())
                if kind == .name, definitions == .anywhere || (definitions == .outsideBraces && braces == 0),
                    isDefinition(s, name: start, after: lastWord)
                {
                    kind = .nameFunction
                }
                s.emit(kind, from: start)
                previousWord = word
                lastWord = (s.position, kind)
                continue
            }
            if decorators, c == UInt8(ascii: "@"), s.peek(1)?.isIdentifierStart == true {
                s.position += 1
                s.advance { $0.isIdentifier || $0 == UInt8(ascii: ".") }
                s.emit(.nameDecorator, from: start)
                continue
            }
            if Self.operators.contains(c) {
                s.advance { Self.operators.contains($0) }
                s.emit(.operator, from: start)
            } else if Self.punctuation.contains(c) {
                s.position += 1
                s.emit(.punctuation, from: start)
                if c == UInt8(ascii: "{") { braces += 1 } else if c == UInt8(ascii: "}") { braces = max(0, braces - 1) }
            } else {
                s.skipOne()
                s.emit(nil, from: start)
            }
            previousWord = nil
        }
    }

    static let operators = ByteSet("+-*/%=<>!&|^~?:")
    static let punctuation = ByteSet("()[]{},;.")

    /// The first set holding a word gives its class, in this order.
    private mutating func indexWords() {
        let sets: [(WordSet, TokenClass, Bool)] = [
            (constants, .keywordConstant, false), (declarations, .keywordDeclaration, false), (namespaces, .keywordNamespace, false),
            (types, .keywordType, false), (wordOperators, .operatorWord, false), (keywords, .keyword, false),
            (pseudo, .nameBuiltinPseudo, true), (builtins, .nameBuiltin, true),
        ]
        let insensitive = sets.contains { $0.0.caseInsensitive }
        wordClasses = WordMap(sets.flatMap { set, kind, weak in set.list.map { ($0, (kind, weak)) } }, caseInsensitive: insensitive)
    }

    private func classify(_ word: UnsafeBufferPointer<UInt8>, after previous: UnsafeBufferPointer<UInt8>?, next: UInt8?) -> TokenClass {
        let known = wordClasses[word]
        if let known, !known.weak { return known.kind }
        if let previous, functionAfter.contains(previous) { return .nameFunction }
        if let previous, classAfter.contains(previous) { return .nameClass }
        return known?.kind ?? .name
    }

    /// A quoted string, with its prefix letters; false when none starts here.
    private func lexQuote(_ s: inout Scanner) -> Bool {
        let start = s.position
        var prefix = 0
        while prefix < 2, let c = s.peek(prefix), quotePrefixes.contains(c | 0x20) { prefix += 1 }
        if prefix > 0, let before = start > 0 ? s.bytes[start - 1] : nil, before.isIdentifier { prefix = 0 }
        s.position += prefix
        guard let quote = quotes.first(where: { s.looking(at: $0.open) }) else {
            s.position = start
            return false
        }
        if prefix > 0 { s.emit(.stringAffix, from: start) }
        let body = s.position
        let formatted = interpolation == .pythonFormat && s.bytes[start..<body].contains { $0 | 0x20 == UInt8(ascii: "f") }
        var segment = body  // where the string's text not yet emitted starts
        s.position += quote.open.count
        while !s.atEnd {
            if formatted || interpolation == .swift, let next = field(&s, quote, formatted: formatted, segment: segment) {
                segment = next
                continue
            }
            if quote.escapes, s.current == UInt8(ascii: "\\") {
                s.position = min(s.position + 2, s.bytes.count)
                continue
            }
            if s.looking(at: quote.close) {
                s.position += quote.close.count
                break
            }
            if !quote.multiline, s.current == 10 { break }
            s.position += 1
        }
        var kind = quote.kind
        if quotedKeys {
            var next = s.position
            while next < s.bytes.count, s.bytes[next] == 32 || s.bytes[next] == 9 { next += 1 }
            if next < s.bytes.count, s.bytes[next] == UInt8(ascii: ":") { kind = .nameTag }
        }
        s.emit(kind, from: segment)
        return true
    }

    /// A field of a string at the position, its code lexed as code: Python's `{expr}`,
    /// `{expr:spec}` and `{expr!r}` in an f-string (`{{` and `}}` are escapes), Swift's
    /// `\(expr)`. The string's text before it (from `segment`) is emitted first. Returns where
    /// the string's text goes on, or nil when no field starts here. The code ends at the
    /// bracket that closes the field, and never runs past the string's end.
    private func field(_ s: inout Scanner, _ quote: Quote, formatted: Bool, segment: Int) -> Int? {
        let b = s.bytes
        let p = s.position
        if formatted, s.looking(at: "{{") || s.looking(at: "}}") {
            s.emit(quote.kind, from: segment)
            s.position += 2
            s.emit(.stringEscape, from: p)
            return s.position
        }
        let opener = formatted ? (s.current == UInt8(ascii: "{") ? 1 : 0) : (s.looking(at: "\\(") ? 2 : 0)
        guard opener > 0 else { return nil }
        s.emit(quote.kind, from: segment)
        s.position += opener
        s.emit(.stringInterpolated, from: p)
        let closer = formatted ? UInt8(ascii: "}") : UInt8(ascii: ")")
        var i = s.position
        var depth = 0
        var stop: UInt8?
        scan: while i < b.count {
            let c = b[i]
            if c == 10, !quote.multiline { break }
            if c == quote.close[0], quote.close.indices.allSatisfy({ i + $0 < b.count && b[i + $0] == quote.close[$0] }) { break }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0, c == closer { stop = c; break scan }
                depth = max(0, depth - 1)
            case UInt8(ascii: ":"), UInt8(ascii: "!"):
                if formatted, depth == 0, c == UInt8(ascii: ":") || (i + 1 < b.count && b[i + 1] != UInt8(ascii: "=")) { stop = c; break scan }
            default:
                break
            }
            i += 1
        }
        var inner = self
        inner.interpolation = .none
        if formatted {
            s.lex(s.position..<i) { inner.lex(&$0) }
        } else {
            // Swift's brackets inside a field are the field's, to Pygments.
            var parts: [Scanner.Part] = []
            var from = s.position
            for k in s.position..<i where b[k] == UInt8(ascii: "(") || b[k] == UInt8(ascii: ")") {
                if k > from { parts.append(.code(from..<k)) }
                parts.append(.fixed(k..<k + 1, .stringInterpolated))
                from = k + 1
            }
            if i > from { parts.append(.code(from..<i)) }
            s.lex(parts) { inner.lex(&$0) }
        }
        s.position = i
        if let stop {
            // The closing bracket, and in Python a conversion or format spec before it.
            if stop != closer {
                while s.position < b.count, b[s.position] != closer, b[s.position] != 10 || quote.multiline,
                    !(b[s.position] == quote.close[0] && s.looking(at: quote.close))
                {
                    s.position += 1
                }
            }
            if s.position < b.count, b[s.position] == closer { s.position += 1 }
            s.emit(.stringInterpolated, from: i)
        }
        return s.position
    }

    private func lexNumber(_ s: inout Scanner) {
        let start = s.position
        var kind = TokenClass.numberInteger
        if s.current == UInt8(ascii: "0"), let x = s.peek(1), x | 0x20 == UInt8(ascii: "x") || x | 0x20 == UInt8(ascii: "b") || x | 0x20 == UInt8(ascii: "o") {
            kind = x | 0x20 == UInt8(ascii: "x") ? .numberHex : x | 0x20 == UInt8(ascii: "b") ? .numberBin : .numberOct
            s.position += 2
            s.advance { $0.isHexDigit || $0 == UInt8(ascii: "_") }
        } else {
            s.advance { $0.isDigit || $0 == UInt8(ascii: "_") }
            if s.peek() == UInt8(ascii: "."), s.peek(1)?.isDigit == true || s.position == start {
                kind = .numberFloat
                s.position += 1
                s.advance { $0.isDigit || $0 == UInt8(ascii: "_") }
            }
            if let e = s.peek(), e | 0x20 == UInt8(ascii: "e"),
                s.peek(1)?.isDigit == true || ((s.peek(1) == UInt8(ascii: "-") || s.peek(1) == UInt8(ascii: "+")) && s.peek(2)?.isDigit == true)
            {
                kind = .numberFloat
                s.position += 2
                s.advance(while: \.isDigit)
            }
        }
        s.advance { $0.isLetter }  // suffixes: 10L, 1.5f, 42u
        s.emit(kind, from: start)
    }

    private func lexPreprocessor(_ s: inout Scanner) {
        let start = s.position
        while !s.atEnd, s.current != 10 {
            if s.current == UInt8(ascii: "\\"), s.peek(1) == 10 { s.position += 2; continue }
            if s.looking(at: "//") || s.looking(at: "/*") { break }
            s.position += 1
        }
        s.emit(.commentPreproc, from: start)
    }

    /// Whether the name at `name` (up to the position) is defined here: `(` follows it, and
    /// before it, apart by white space (or, in C, `*` and `&`), stands a word that is not a
    /// keyword of statements (`return f(x)`, `new T()`), or a type's `>` or `]` (Java's
    /// `List<T> f(`, `int[] f(`).
    private func isDefinition(_ s: Scanner, name: Int, after last: (end: Int, kind: TokenClass)?) -> Bool {
        let b = s.bytes
        var i = s.position
        while i < b.count, b[i].isSpace { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "(") else { return false }
        var j = name - 1
        let pointers = definitions == .outsideBraces
        while j >= 0, b[j].isSpace || (pointers && (b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "&"))) { j -= 1 }
        guard j >= 0, j < name - 1 else { return false }
        if !pointers, b[j] == UInt8(ascii: ">") || b[j] == UInt8(ascii: "]") { return j > 0 && !b[j - 1].isSpace }
        guard let last, last.end == j + 1 else { return false }
        return last.kind != .keyword && last.kind != .operatorWord
    }

    /// Where the long bracket (`[==[…]==]`, or a comment `--[[…]]`) at the position ends, or nil
    /// when none starts here or it is never closed (then `--` is a line comment and `[` a
    /// bracket, as to Pygments).
    private func longBracket(_ s: inout Scanner, _ closers: inout LongBracketClosers?) -> Int? {
        let b = s.bytes
        let open = s.looking(at: "--") ? s.position + 2 : s.position
        guard open < b.count, b[open] == UInt8(ascii: "[") else { return nil }
        var i = open + 1
        while i < b.count, b[i] == UInt8(ascii: "=") { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "[") else { return nil }
        let level = i - open - 1
        if closers == nil { closers = LongBracketClosers(b) }
        return closers!.first(level: level, from: i + 1).map { $0 + level + 2 }
    }

    /// Moves past `close`, or to the end (an unclosed comment runs to the end, as in the compiler).
    private func skip(to close: [UInt8], in s: inout Scanner) {
        while !s.atEnd {
            if s.looking(at: close) {
                s.position += close.count
                return
            }
            s.position += 1
        }
    }
}

/// Lua's closing long brackets (`]]`, `]==]`) by level (how many `=`), found in one pass: the
/// end of each of any number of `[[` or `--[==[`, closed or not, is then a look-up, never a
/// search to the end of the input.
struct LongBracketClosers {
    private var byLevel: [Int: [Int]] = [:]

    init(_ b: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "]") else { i += 1; continue }
            var j = i + 1
            while j < b.count, b[j] == UInt8(ascii: "=") { j += 1 }
            if j < b.count, b[j] == UInt8(ascii: "]") { byLevel[j - i - 1, default: []].append(i) }
            // The `]` that closes one may open the next (`]=]]`).
            i = max(j, i + 1)
        }
    }

    /// Where the first closer of `level` at or after `from` starts, or nil.
    func first(level: Int, from: Int) -> Int? {
        guard let starts = byLevel[level] else { return nil }
        var (low, high) = (0, starts.count)
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < from { low = middle + 1 } else { high = middle }
        }
        return low < starts.count ? starts[low] : nil
    }
}
