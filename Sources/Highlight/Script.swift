/// JavaScript and TypeScript, as Pygments reads them: a `/` starts a regular expression only
/// where a value is expected (after an operator, `(`, `,`, a keyword, or at a line's start);
/// template literals hold code in `${…}`; numbers have no `_` (`1_000` is `1` and a name).
/// TypeScript adds its keywords, `@decorators`, and Pygments' rule that the word after
/// `name:` is a type (`id: number`, but also `{ a: 1 }`).
enum Script {
    static func lex(_ s: inout Scanner, typescript: Bool) {
        var reader = Reader(typescript: typescript)
        reader.lex(&s)
    }

    /// Keywords after which a value, so maybe a regular expression, comes.
    static let keywords = WordSet(
        ("for in while do break return continue switch case default if else throw try catch finally yield await async this of static "
            + "export import debugger extends super")
            .split(separator: " ").map(String.init))
    static let operatorWords = WordSet("typeof instanceof in void delete new".split(separator: " ").map(String.init))
    static let declarations = WordSet("var let const with function class".split(separator: " ").map(String.init))
    static let reserved = WordSet(
        ("constructor from as abstract boolean byte char double enum final float goto implements int interface long native package "
            + "private protected public short synchronized throws transient volatile")
            .split(separator: " ").map(String.init))
    static let constants = WordSet("true false null NaN Infinity undefined".split(separator: " ").map(String.init))
    static let builtins = WordSet(
        ("Array Boolean Date BigInt Function Math ArrayBuffer Number Object RegExp String Promise Proxy decodeURI decodeURIComponent "
            + "encodeURI encodeURIComponent eval isFinite isNaN parseFloat parseInt DataView document window globalThis global Symbol "
            + "Intl WeakSet WeakMap Set Map Reflect JSON Atomics Int8Array Int16Array Int32Array BigInt64Array Float32Array "
            + "Float64Array Uint8ClampedArray Uint8Array Uint16Array Uint32Array BigUint64Array")
            .split(separator: " ").map(String.init))
    /// TypeScript's own words: those after which a value may come, and the others.
    static let typescriptKeywords = WordSet("abstract implements private protected public readonly enum interface override module".split(separator: " ").map(String.init))
    static let typescriptReserved = WordSet(["declare", "type"])
    static let typescriptTypes = WordSet(["string", "boolean", "number"])

    private enum State { case code, template, templateCode }

    private struct Reader {
        let typescript: Bool
        var states: [State] = [.code]
        /// Pygments' `slashstartsregex`: a value may come next.
        var valueExpected = false
        /// Where the next `*/` and the next unescaped quotes lie, from some earlier position.
        var closing = ClosingSearch()
        /// A `name:` searched for from an earlier position, in vain, up to here.
        var noTypeBefore = 0

        init(typescript: Bool) { self.typescript = typescript }

        mutating func lex(_ s: inout Scanner) {
            let b = s.bytes
            if s.looking(at: "#!") {
                s.toLineEnd()
                s.emit(.commentHashbang, from: 0)
            }
            while !s.atEnd {
                let p = s.position
                let c = b[p]
                switch states.last! {
                case .template:
                    if c == UInt8(ascii: "`") {
                        s.position += 1
                        s.emit(.stringBacktick, from: p)
                        states.removeLast()
                    } else if c == UInt8(ascii: "\\") {
                        s.position += 1
                        if !s.atEnd { s.skipOne() }
                        s.emit(.stringBacktick, from: p)
                    } else if s.looking(at: "${") {
                        s.position += 2
                        s.emit(.stringInterpolated, from: p)
                        states.append(.templateCode)
                    } else {
                        s.position += 1
                        s.advance { $0 != UInt8(ascii: "`") && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "$") }
                        s.emit(.stringBacktick, from: p)
                    }
                    continue
                case .templateCode:
                    if c == UInt8(ascii: "}") {
                        s.position += 1
                        s.emit(.stringInterpolated, from: p)
                        states.removeLast()
                        continue
                    }
                case .code:
                    break
                }
                code(&s)
            }
        }

        /// One token of code.
        private mutating func code(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            let c = b[p]
            // At a line's start, before white space or `/`, a value may come.
            if p == 0 || b[p - 1] == 10, c.isSpace || c == UInt8(ascii: "/") { valueExpected = true }
            if c.isSpace {
                s.advance(while: \.isSpace)
                s.emit(nil, from: p)
                return
            }
            if s.looking(at: "<!--") {
                s.position += 4
                s.emit(.comment, from: p)
                return
            }
            if s.looking(at: "//") {
                s.toLineEnd()
                s.emit(.commentSingle, from: p)
                return
            }
            if s.looking(at: "/*"), comment(&s) { return }
            if valueExpected, c == UInt8(ascii: "/") {
                valueExpected = false
                if regex(&s) { return }
                // A `/` that starts no expression: the rest of the line is an error to Pygments.
                s.toLineEnd()
                s.emit(nil, from: p)
                return
            }
            valueExpected = false
            if typescript, !startsKeyword(s), typed(&s) { return }
            if c.isDigit || (c == UInt8(ascii: ".") && p + 1 < b.count && b[p + 1].isDigit) {
                number(&s)
                return
            }
            if s.looking(at: "...") || s.looking(at: "=>") {
                s.position += s.looking(at: "...") ? 3 : 2
                s.emit(.punctuation, from: p)
                return
            }
            if let length = operatorLength(s) {
                s.position += length
                s.emit(.operator, from: p)
                valueExpected = true
                return
            }
            if "{([;,".utf8.contains(c) {
                s.position += 1
                s.emit(.punctuation, from: p)
                valueExpected = true
                return
            }
            if "})].".utf8.contains(c) {
                s.position += 1
                s.emit(.punctuation, from: p)
                return
            }
            if typescript, c == UInt8(ascii: "@"), p + 1 < b.count, Self.isIdentifierStart(b[p + 1]) {
                s.position += 1
                s.advance(while: Self.isIdentifier)
                s.emit(.keywordDeclaration, from: p)
                return
            }
            if Self.isIdentifierStart(c) {
                word(&s)
                return
            }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'"), string(&s) { return }
            if c == UInt8(ascii: "`") {
                s.position += 1
                s.emit(.stringBacktick, from: p)
                states.append(.template)
                return
            }
            if c == UInt8(ascii: "#"), p + 1 < b.count, b[p + 1].isLetter || b[p + 1] == UInt8(ascii: "_") {
                s.position += 1
                s.advance(while: \.isIdentifier)
                s.emit(.name, from: p)
                return
            }
            s.skipOne()
            s.emit(nil, from: p)
        }

        /// A word: keyword, constant, builtin or name.
        private mutating func word(_ s: inout Scanner) {
            let p = s.position
            s.advance(while: Self.isIdentifier)
            let word = s.word(from: p)
            let kind: TokenClass
            if typescript, Script.typescriptKeywords.contains(word) {
                kind = word.spells("enum") || word.spells("interface") || word.spells("override") ? .keywordDeclaration : .keyword
                valueExpected = true
            } else if typescript, Script.typescriptReserved.contains(word) {
                kind = .keyword
            } else if typescript, Script.typescriptTypes.contains(word) {
                kind = .keywordType
            } else if Script.operatorWords.contains(word) {
                kind = .operatorWord
                valueExpected = true
            } else if Script.keywords.contains(word) {
                kind = .keyword
                valueExpected = true
            } else if Script.declarations.contains(word) {
                kind = .keywordDeclaration
                valueExpected = true
            } else if Script.reserved.contains(word) {
                kind = .keyword
            } else if Script.constants.contains(word) {
                kind = .keywordConstant
            } else if Script.builtins.contains(word) {
                kind = .nameBuiltin
            } else {
                kind = .name
            }
            s.emit(kind, from: p)
        }

        /// Whether a word TypeScript's own rules take first (`type`, `readonly`…) starts here.
        private func startsKeyword(_ s: Scanner) -> Bool {
            let b = s.bytes
            guard Self.isIdentifierStart(b[s.position]) else { return false }
            var end = s.position
            while end < b.count, Self.isIdentifier(b[end]) { end += 1 }
            let word = UnsafeBufferPointer(rebasing: b[s.position..<end])
            return Script.typescriptKeywords.contains(word) || Script.typescriptReserved.contains(word) || Script.typescriptTypes.contains(word)
        }

        /// TypeScript's `name: Type` (Pygments' `([\w?.$]+)(\s*)(:)(\s*)([\w?.$]+)`): the
        /// word after the colon is a type, whatever it is; false when this is not one.
        private mutating func typed(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            guard p >= noTypeBefore else { return false }
            func isPart(_ c: UInt8) -> Bool { c.isIdentifier || c == UInt8(ascii: "?") || c == UInt8(ascii: ".") || c == UInt8(ascii: "$") }
            var i = p
            while i < b.count, isPart(b[i]) { i += 1 }
            guard i > p else { return false }
            let name = i
            // From anywhere in this run, the search would end the same way.
            noTypeBefore = name
            while i < b.count, b[i].isSpace { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: ":") else { return false }
            let colon = i
            i += 1
            while i < b.count, b[i].isSpace { i += 1 }
            let type = i
            while i < b.count, isPart(b[i]) { i += 1 }
            guard i > type else { return false }
            for (end, kind) in [(name, TokenClass.name), (colon, nil), (colon + 1, .operator), (type, nil), (i, .keywordType)] {
                let start = s.position
                s.position = end
                s.emit(kind, from: start)
            }
            return true
        }

        /// `0b1`, `0o7`, `07`, `0xF`, `10n`, `1.5e3`, `.5`.
        private func number(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            func bigint() { if !s.atEnd, b[s.position] == UInt8(ascii: "n") { s.position += 1 } }
            if b[p] == UInt8(ascii: "0"), p + 2 < b.count {
                let x = b[p + 1] | 0x20
                if x == UInt8(ascii: "b"), b[p + 2] == UInt8(ascii: "0") || b[p + 2] == UInt8(ascii: "1") {
                    s.position += 2
                    s.advance { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") }
                    bigint()
                    s.emit(.numberBin, from: p)
                    return
                }
                if x == UInt8(ascii: "x"), b[p + 2].isHexDigit {
                    s.position += 2
                    s.advance(while: \.isHexDigit)
                    bigint()
                    s.emit(.numberHex, from: p)
                    return
                }
                let octal = x == UInt8(ascii: "o") ? p + 2 : p + 1
                if octal < b.count, b[octal] >= UInt8(ascii: "0"), b[octal] <= UInt8(ascii: "7") {
                    s.position = octal
                    s.advance { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
                    bigint()
                    s.emit(.numberOct, from: p)
                    return
                }
            }
            s.advance(while: \.isDigit)
            if !s.atEnd, b[s.position] == UInt8(ascii: "n"), s.position > p {
                s.position += 1
                s.emit(.numberInteger, from: p)
                return
            }
            if !s.atEnd, b[s.position] == UInt8(ascii: ".") {
                s.position += 1
                s.advance(while: \.isDigit)
            }
            if s.position + 1 < b.count, b[s.position] | 0x20 == UInt8(ascii: "e") {
                var i = s.position + 1
                if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                if i < b.count, b[i].isDigit {
                    s.position = i
                    s.advance(while: \.isDigit)
                }
            }
            s.emit(.numberFloat, from: p)
        }

        /// Pygments' operators (`++`, `??=`, `>>>=`, `:`…): their length, or nil.
        private func operatorLength(_ s: Scanner) -> Int? {
            let c = s.current
            guard Script.operatorStarts.contains(c) else { return nil }
            for op in Script.longOperators where s.looking(at: op) { return op.count }
            // One character, and `=` after it (`+=`, `==`, `!=`).
            return s.peek(1) == UInt8(ascii: "=") && "-<>+*%&|^/=!".utf8.contains(c) ? 2 : 1
        }

        /// `/…/flags` where a value is expected; false when none closes on the line.
        private func regex(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            var i = p + 1
            var inClass = false
            while i < b.count, b[i] != 10 {
                let c = b[i]
                if c == UInt8(ascii: "\\") {
                    i += 2
                    continue
                }
                if inClass {
                    if c == UInt8(ascii: "]") { inClass = false }
                } else if c == UInt8(ascii: "[") {
                    inClass = true
                } else if c == UInt8(ascii: "/") {
                    break
                }
                i += 1
            }
            guard i < b.count, b[i] == UInt8(ascii: "/"), i > p + 1 else { return false }
            i += 1
            // Flags, and then no word character (`/a/g`, not `/a/x`).
            var end = i
            while end < b.count, "gimuysd".utf8.contains(b[end]) { end += 1 }
            guard end == b.count || !b[end].isWordCharacter else { return false }
            s.position = end
            s.emit(.string, from: p)
            return true
        }

        /// `/* … */`; false when unclosed (`/` is then an operator).
        private mutating func comment(_ s: inout Scanner) -> Bool { closing.blockComment(&s) }

        /// `"…"` or `'…'` (across lines too, as Pygments has it); false when unclosed.
        private mutating func string(_ s: inout Scanner) -> Bool { closing.quoted(&s) }

        static func isIdentifierStart(_ c: UInt8) -> Bool { c.isIdentifierStart || c == UInt8(ascii: "$") }
        static func isIdentifier(_ c: UInt8) -> Bool { c.isIdentifier || c == UInt8(ascii: "$") }
    }

    static let operatorStarts = ByteSet("~?:-<>+*%&|^/=!")
    static let longOperators = [">>>=", ">>>", "<<=", ">>=", "**=", "||=", "&&=", "??=", "++", "--", "??", "<<", ">>", "**", "||", "&&", "==", "!="]
        .map { Array($0.utf8) }
}
