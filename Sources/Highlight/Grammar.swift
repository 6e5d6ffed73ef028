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

    func lex(_ s: inout Scanner) {
        var previousWord: UnsafeBufferPointer<UInt8>?
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
                s.emit(classify(word, after: previousWord, next: s.peek()), from: start)
                previousWord = word
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
        s.position += quote.open.count
        while !s.atEnd {
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
        s.emit(kind, from: body)
        return true
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
