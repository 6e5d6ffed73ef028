/// Kotlin, as Pygments reads it: modifiers are keywords only before `class`, `fun`, `val`…;
/// the name after `fun` is a function, after `class` a class; `.name` is a plain name;
/// strings hold `${code}` and `$name`; numbers are read a digit at a time (`100`), so that
/// `0xFF` is `0` and a name, as Pygments has it.
enum Kotlin {
    static func lex(_ s: inout Scanner) {
        var reader = Reader()
        reader.lex(&s)
    }

    static let keywords = WordSet(
        ("as break by catch constructor continue do dynamic else finally get for if init in is out reified return set super this throw "
            + "try typealias typeof vararg when where while")
            .split(separator: " ").map(String.init))
    static let types = WordSet("Boolean Byte Char Double Float Int Long Short String Any Unit".split(separator: " ").map(String.init))
    static let modifiers = WordSet(
        ("actual abstract annotation companion const crossinline data enum expect external final infix inline inner internal lateinit "
            + "noinline open operator override private protected public sealed suspend tailrec value")
            .split(separator: " ").map(String.init))

    private enum State { case code, string, multilineString, interpolation, scope }
    /// What the next name is, after `fun`, `class` or `val`.
    private enum Expect { case none, function, type, variable }
    /// The words that declare, and what they declare.
    private static let declaring = WordMap<Expect>([
        ("class", .type), ("interface", .type), ("object", .type), ("fun", .function), ("val", .variable), ("var", .variable),
    ])

    private struct Reader {
        var states: [State] = [.code]
        var expect = Expect.none
        var closing = ClosingSearch()

        mutating func lex(_ s: inout Scanner) {
            let b = s.bytes
            while !s.atEnd {
                let p = s.position
                let c = b[p]
                let state = states.last!
                if state == .string || state == .multilineString {
                    string(&s, multiline: state == .multilineString)
                    continue
                }
                if state == .interpolation || state == .scope {
                    if c == UInt8(ascii: "}") {
                        s.position += 1
                        s.emit(state == .scope ? .punctuation : .stringInterpolated, from: p)
                        states.removeLast()
                        continue
                    }
                    if c == UInt8(ascii: "{") {
                        s.position += 1
                        s.emit(.punctuation, from: p)
                        states.append(.scope)
                        continue
                    }
                    if state == .interpolation, c == UInt8(ascii: "\"") {
                        s.position += 1
                        s.emit(.string, from: p)
                        continue
                    }
                }
                code(&s)
            }
        }

        private mutating func code(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            let c = b[p]
            if c.isSpace {
                s.advance(while: \.isSpace)
                s.emit(nil, from: p)
                return
            }
            if s.looking(at: "//") {
                s.toLineEnd()
                s.emit(.commentSingle, from: p)
                return
            }
            if s.looking(at: "#!/"), p == 0 || b[p - 1] == 10 {
                s.toLineEnd()
                s.emit(.commentHashbang, from: p)
                return
            }
            if s.looking(at: "/*"), comment(&s) { return }
            let expected = expect
            expect = .none
            if expected != .none, Self.isNameStart(c) || c == UInt8(ascii: "`"), name(&s) {
                s.emit(expected == .function ? .nameFunction : expected == .type ? .nameClass : .name, from: p)
                return
            }
            if Self.isNameStart(c) {
                word(&s)
                return
            }
            if expected == .function, c == UInt8(ascii: "<") {
                generic(&s)
                expect = .function
                return
            }
            // `!in`, `!is`
            if c == UInt8(ascii: "!"), s.looking(at: "!in") || s.looking(at: "!is"), p + 3 >= b.count || !b[p + 3].isIdentifier {
                s.position += 3
                s.emit(.keyword, from: p)
                return
            }
            if c == UInt8(ascii: "@"), p + 1 < b.count, Self.isNameStart(b[p + 1]) {
                s.position += 1
                s.advance { $0.isIdentifier || $0 == UInt8(ascii: ".") }
                s.emit(.nameDecorator, from: p)
                return
            }
            if c == UInt8(ascii: "."), p + 1 < b.count, Self.isNameStart(b[p + 1]) || b[p + 1] == UInt8(ascii: "$") {
                s.position += 1
                s.emit(.punctuation, from: p)
                let name = s.position
                s.advance { $0.isIdentifier || $0 == UInt8(ascii: "$") }
                s.emit(.name, from: name)
                return
            }
            if s.looking(at: "\"\"\"") {
                s.position += 3
                s.emit(.string, from: p)
                states.append(.multilineString)
                return
            }
            if c == UInt8(ascii: "\"") {
                s.position += 1
                s.emit(.string, from: p)
                states.append(.string)
                return
            }
            if c == UInt8(ascii: "'"), character(&s) { return }
            if c.isDigit {
                number(&s)
                return
            }
            if s.looking(at: "::") || s.looking(at: "!!") || s.looking(at: "?:") || s.looking(at: "?.") {
                s.position += 2
                s.emit(.operator, from: p)
                return
            }
            if "~^*!%&[]<>|+=/?-".utf8.contains(c) {
                s.position += 1
                s.emit(.operator, from: p)
                return
            }
            if "{}();:.,".utf8.contains(c) {
                s.position += 1
                s.emit(.punctuation, from: p)
                return
            }
            s.skipOne()
            s.emit(nil, from: p)
        }

        /// A word: modifiers and a declaration (`private val`), a keyword, a type, a name.
        private mutating func word(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            if declaration(&s) { return }
            s.advance(while: \.isIdentifier)
            let word = s.word(from: p)
            if (word.spells("package") || word.spells("import")), !s.atEnd, b[s.position].isSpace {
                s.emit(.keywordNamespace, from: p)
                let space = s.position
                s.advance(while: \.isSpace)
                s.emit(nil, from: space)
                let path = s.position
                s.advance { !$0.isSpace }
                s.emit(.name, from: path)
                return
            }
            let next: UInt8? = s.atEnd ? nil : b[s.position]
            if word.spells("as"), next == UInt8(ascii: "?") {
                s.position += 1
                s.emit(.keyword, from: p)
            } else if Kotlin.keywords.contains(word) {
                s.emit(.keyword, from: p)
            } else if word.spells("it") {
                s.emit(.nameBuiltin, from: p)
            } else if Kotlin.types.contains(word) {
                if next == UInt8(ascii: "?") { s.position += 1 }
                s.emit(.keywordType, from: p)
            } else if word.spells("true") || word.spells("false") || word.spells("null") {
                s.emit(.keywordConstant, from: p)
            } else if next == UInt8(ascii: "@") {
                // `loop@`: a label.
                s.position += 1
                s.emit(.nameDecorator, from: p)
            } else {
                // `Type?` goes with the name, unless `?.` follows.
                if next == UInt8(ascii: "?"), s.position + 1 < b.count, b[s.position + 1] != UInt8(ascii: ".") { s.position += 2 }
                s.emit(.name, from: p)
            }
        }

        /// `private data class`, `override fun`, `val`: modifiers and the declaring keyword,
        /// all keywords; false when the words here are not that.
        private mutating func declaration(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            var i = s.position
            while i < b.count, b[i].isLetter {
                let start = i
                while i < b.count, b[i].isIdentifier { i += 1 }
                guard i < b.count, b[i].isSpace else { return false }
                let word = UnsafeBufferPointer(rebasing: b[start..<i])
                if let declares = Kotlin.declaring[word] {
                    // The words up to this one, each a keyword.
                    while s.position < i {
                        let p = s.position
                        if b[p].isSpace {
                            s.advance(while: \.isSpace)
                            s.emit(nil, from: p)
                        } else {
                            s.advance(while: \.isIdentifier)
                            s.emit(.keywordDeclaration, from: p)
                        }
                    }
                    expect = declares
                    return true
                }
                guard Kotlin.modifiers.contains(word) || word.spells("fun") else { return false }
                while i < b.count, b[i].isSpace { i += 1 }
            }
            return false
        }

        /// `<T : Any, reified R>` after `fun`: names, but `reified`, `out`, `in` keywords.
        private func generic(_ s: inout Scanner) {
            let b = s.bytes
            while !s.atEnd {
                let p = s.position
                let c = b[p]
                if c.isIdentifierStart {
                    s.advance(while: \.isIdentifier)
                    let word = s.word(from: p)
                    let keyword = ["reified", "out", "in"].contains { word.elementsEqual($0.utf8) }
                    s.emit(keyword ? .keyword : .name, from: p)
                } else if c.isSpace {
                    s.advance(while: \.isSpace)
                    s.emit(nil, from: p)
                } else if c == UInt8(ascii: "<") || c == UInt8(ascii: ">") {
                    s.position += 1
                    s.emit(.operator, from: p)
                    if c == UInt8(ascii: ">") { return }
                } else if c == UInt8(ascii: ":") || c == UInt8(ascii: ",") {
                    s.position += 1
                    s.emit(.punctuation, from: p)
                } else {
                    return
                }
            }
        }

        /// A name (or `` `a name` ``) at the position; false when none.
        private func name(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            if b[s.position] == UInt8(ascii: "`") {
                var i = s.position + 1
                while i < b.count, b[i] != UInt8(ascii: "`"), b[i] != 10 { i += 1 }
                guard i < b.count, b[i] == UInt8(ascii: "`") else { return false }
                s.position = i + 1
                return true
            }
            s.advance(while: \.isIdentifier)
            return true
        }

        /// Inside `"…"` or `"""…"""`: text, `${code}`, `$name`, the closing quotes.
        private mutating func string(_ s: inout Scanner, multiline: Bool) {
            let b = s.bytes
            let p = s.position
            if multiline ? s.looking(at: "\"\"\"") : b[p] == UInt8(ascii: "\"") {
                s.position += multiline ? 3 : 1
                s.emit(.string, from: p)
                states.removeLast()
                return
            }
            if s.looking(at: "${") {
                s.position += 2
                s.emit(.stringInterpolated, from: p)
                states.append(.interpolation)
                return
            }
            if b[p] == UInt8(ascii: "$"), p + 1 < b.count, b[p + 1].isWordCharacter {
                s.position += 1
                s.emit(.stringInterpolated, from: p)
                let name = s.position
                s.advance(while: \.isWordCharacter)
                s.emit(.name, from: name)
                return
            }
            s.position += b[p] == UInt8(ascii: "\\") && p + 1 < b.count && (b[p + 1] == UInt8(ascii: "\\") || b[p + 1] == UInt8(ascii: "\"")) ? 2 : 1
            s.advance { $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "$") }
            s.emit(.string, from: p)
        }

        /// `'a'`, `'\n'`.
        private func character(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            var i = p + 1
            guard i < b.count else { return false }
            if b[i] == UInt8(ascii: "\\") { i += 1 }
            i += 1
            while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "'") else { return false }
            s.position = i + 1
            s.emit(.stringChar, from: p)
            return true
        }

        /// One digit, maybe with a fraction and an exponent (`[0-9](\.[0-9]*)?([eE][+-][0-9]+)?`).
        private func number(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            s.position += 1
            if !s.atEnd, b[s.position] == UInt8(ascii: ".") {
                s.position += 1
                s.advance(while: \.isDigit)
            }
            if s.position + 2 < b.count, b[s.position] | 0x20 == UInt8(ascii: "e"), b[s.position + 1] == UInt8(ascii: "+") || b[s.position + 1] == UInt8(ascii: "-"),
                b[s.position + 2].isDigit
            {
                s.position += 2
                s.advance(while: \.isDigit)
            }
            if !s.atEnd, "flFL".utf8.contains(b[s.position]) { s.position += 1 }
            s.emit(.number, from: p)
        }

        private mutating func comment(_ s: inout Scanner) -> Bool { closing.blockComment(&s) }

        static func isNameStart(_ c: UInt8) -> Bool { c.isIdentifierStart }
    }
}
