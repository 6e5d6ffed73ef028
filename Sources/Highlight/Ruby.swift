/// Ruby, as Pygments reads it: strings with `#{…}` code inside (in single quotes too, as
/// Pygments has it), symbols (`:name`, `name:`), `%w[…]`-style literals, regular expressions
/// where an operand is expected, here-documents, `=begin` comments; `.name` is always a plain
/// name, whatever word it is.
enum Ruby {
    static func lex(_ s: inout Scanner) {
        var reader = Reader()
        reader.code(&s, limit: s.bytes.count)
    }

    static let keywords = WordSet(
        "BEGIN END alias begin break case do else elsif end ensure for if in next redo rescue raise retry return super then undef unless until when while yield"
            .split(separator: " ").map(String.init))
    static let pseudo = WordSet(
        "initialize new loop include extend raise attr_reader attr_writer attr_accessor attr catch throw private module_function public protected true false nil"
            .split(separator: " ").map(String.init))
    static let wordOperators = WordSet(["not", "and", "or"])
    static let builtins = WordSet(
        ("Array Float Integer String __id__ __send__ abort ancestors at_exit autoload binding callcc caller catch chomp chop class_eval "
            + "class_variables clone const_get const_missing const_set constants display dup eval exec exit extend fail fork format freeze "
            + "getc gets global_variables gsub hash id included_modules inspect instance_eval instance_method instance_methods "
            + "instance_variable_get instance_variable_set instance_variables lambda load local_variables loop method method_missing "
            + "methods module_eval name object_id open p print printf private_class_method private_instance_methods private_methods proc "
            + "protected_instance_methods protected_methods public_class_method public_instance_methods public_methods putc puts raise "
            + "rand readline readlines require require_relative scan select self send set_trace_func singleton_methods sleep split sprintf "
            + "srand sub syscall system taint test throw to_a to_s trace_var trap untaint untrace_var warn")
            .split(separator: " ").map(String.init))
    /// Words after which a `/` starts a regular expression (`if /x/`, `when /y/`).
    static let beforeRegex = WordSet("when or and if elsif index scan sub sub! gsub gsub! match".split(separator: " ").map(String.init))
    /// Operators a symbol may name (`:<=>`), longest first.
    static let operatorSymbols = ["[]=", "===", "<=>", "**", "-@", "+@", "[]", "<<", ">>", "<>", "<=", ">=", "==", "*", "-", "+", "/", "%", "&", "|", "^", "`", "~", "<", ">"]
        .map { Array($0.utf8) }

    struct Reader {
        /// Here-documents opened on the current line: their bodies start on the next one.
        var heredocs: [(name: [UInt8], indented: Bool)] = []
        /// How deep in `#{…}` and here-document lines the lexer is (bounded: deep nesting of
        /// made-up input is read as text, not as a deep recursion).
        var depth = 0
        /// Where the next unescaped closing delimiter of a `%q|…|` literal lies, by delimiter.
        var nextDelimiter: [UInt8: (from: Int, at: Int)] = [:]
        /// Where the last search for an `=end` line started, the line break before the one it
        /// found (`Int.max`: none), and the limit it searched to.
        var blockEnd = (from: Int.max, at: 0, limit: 0)

        /// Ruby code up to `limit`, or, in `#{…}`, up to its closing brace.
        mutating func code(_ s: inout Scanner, limit: Int, interpolation: Bool = false) {
            let b = s.bytes
            var braces = 0
            while s.position < limit {
                let p = s.position
                let c = b[p]
                if interpolation, c == UInt8(ascii: "{") || c == UInt8(ascii: "}") {
                    if c == UInt8(ascii: "}") {
                        if braces == 0 { return }
                        braces -= 1
                    } else {
                        braces += 1
                    }
                    s.position += 1
                    s.emit(.stringInterpolated, from: p)
                    continue
                }
                if c.isSpace {
                    if regex(&s, limit) { continue }
                    s.advance { $0.isSpace }
                    s.position = min(s.position, limit)
                    s.emit(nil, from: p)
                    continue
                }
                if c == UInt8(ascii: "#") {
                    s.toLineEnd()
                    s.position = min(s.position, limit)
                    s.emit(p == 0 && s.word(from: p).starts(with: "#!".utf8) ? .commentHashbang : .commentSingle, from: p)
                    continue
                }
                if c == UInt8(ascii: "="), s.looking(at: "=begin"), p + 6 < limit, b[p + 6].isSpace, blockComment(&s, limit) { continue }
                if c.isIdentifierStart, word(&s, limit) { continue }
                if c == UInt8(ascii: "<"), heredoc(&s, limit) { continue }
                if c == UInt8(ascii: "/"), regex(&s, limit) { continue }
                if c.isDigit {
                    number(&s, limit)
                    continue
                }
                if c == UInt8(ascii: "@") || c == UInt8(ascii: "$") {
                    variable(&s, limit)
                    continue
                }
                if s.looking(at: "::") {
                    s.position += 2
                    s.emit(.operator, from: p)
                    continue
                }
                if strings(&s, limit) { continue }
                if c == UInt8(ascii: "?"), character(&s, limit) { continue }
                if c == UInt8(ascii: "."), p + 1 < limit, b[p + 1].isIdentifierStart {
                    // `.name`: a method, whatever word it is (`.class`, `.end`).
                    s.position += 1
                    s.emit(.operator, from: p)
                    let name = s.position
                    s.advance(while: \.isIdentifier)
                    if s.position < limit, b[s.position] == UInt8(ascii: "!") || b[s.position] == UInt8(ascii: "?") { s.position += 1 }
                    s.emit(.name, from: name)
                    continue
                }
                operatorOrPunctuation(&s, limit)
            }
        }

        // MARK: Words

        /// A keyword, builtin, name, constant or `key:`; `def` and `class` with their names.
        private mutating func word(_ s: inout Scanner, _ limit: Int) -> Bool {
            let b = s.bytes
            let p = s.position
            s.advance(while: \.isIdentifier)
            s.position = min(s.position, limit)
            let word = s.word(from: p)
            let afterDot = p > 0 && b[p - 1] == UInt8(ascii: ".")
            if Ruby.keywords.contains(word) {
                s.emit(.keyword, from: p)
                return true
            }
            // `def`, `class` and `module` are keywords before a name (`x.class` is a method).
            let spaced = s.position < limit && b[s.position].isSpace
            if word.spells("def"), spaced || (s.position < limit && "*%&^`~+-/[<>=".utf8.contains(b[s.position])) {
                s.emit(.keyword, from: p)
                methodName(&s, limit)
                return true
            }
            if word.spells("class"), spaced {
                s.emit(.keyword, from: p)
                className(&s, limit)
                return true
            }
            if word.spells("module"), spaced {
                s.emit(.keyword, from: p)
                return true
            }
            if Ruby.pseudo.contains(word) {
                s.emit(.keywordPseudo, from: p)
                return true
            }
            if Ruby.wordOperators.contains(word) {
                s.emit(.operatorWord, from: p)
                return true
            }
            if !afterDot, Ruby.builtins.contains(word), s.position >= limit || !"?!".utf8.contains(b[s.position]) {
                s.emit(.nameBuiltin, from: p)
                return true
            }
            if word.spells("__FILE__") || word.spells("__LINE__") {
                s.emit(.nameBuiltinPseudo, from: p)
                return true
            }
            if word.spells("__END__") {
                // Data after `__END__`, to the end.
                s.position = limit
                s.emit(.commentPreproc, from: p)
                return true
            }
            // `key:` (a hash key or keyword argument) is a symbol, `Name::` is not.
            if s.position < limit, b[s.position] == UInt8(ascii: ":"), s.position + 1 >= limit || b[s.position + 1] != UInt8(ascii: ":") {
                s.emit(.string, from: p)
                let colon = s.position
                s.position += 1
                s.emit(.punctuation, from: colon)
                return true
            }
            if s.position < limit, b[s.position] == UInt8(ascii: "!") || b[s.position] == UInt8(ascii: "?") { s.position += 1 }
            s.emit(.name, from: p)
            return true
        }

        /// After `def `: `name`, `self.name`, or an operator (`<=>`).
        private func methodName(_ s: inout Scanner, _ limit: Int) {
            let b = s.bytes
            let space = s.position
            s.advance(while: \.isSpace)
            s.position = min(s.position, limit)
            s.emit(nil, from: space)
            let p = s.position
            guard p < limit else { return }
            if b[p].isIdentifierStart {
                s.advance(while: \.isIdentifier)
                if s.position + 1 < limit, b[s.position] == UInt8(ascii: "."), b[s.position + 1].isIdentifierStart {
                    s.emit(.nameClass, from: p)
                    let dot = s.position
                    s.position += 1
                    s.emit(.operator, from: dot)
                    let name = s.position
                    s.advance(while: \.isIdentifier)
                    methodSuffix(&s, limit)
                    s.emit(.nameFunction, from: name)
                } else {
                    methodSuffix(&s, limit)
                    s.emit(.nameFunction, from: p)
                }
                return
            }
            for op in ["[]=", "===", "<=>", "[]", "**", "==", "!=", "!~", "=~", "<<", ">>", "<=", ">=", "+@", "-@", "+", "-", "*", "/", "%", "&", "|", "^", "<", ">", "!", "~", "`"]
            where s.looking(at: Array(op.utf8)) {
                s.position += op.utf8.count
                s.emit(.nameFunction, from: p)
                return
            }
        }

        private func methodSuffix(_ s: inout Scanner, _ limit: Int) {
            if s.position < limit, "!?=".utf8.contains(s.bytes[s.position]),
                !(s.bytes[s.position] == UInt8(ascii: "=") && s.position + 1 < limit && "=~>".utf8.contains(s.bytes[s.position + 1]))
            {
                s.position += 1
            }
        }

        /// After `class `: its name (`class << self` aside).
        private func className(_ s: inout Scanner, _ limit: Int) {
            let b = s.bytes
            let space = s.position
            s.advance(while: \.isSpace)
            s.position = min(s.position, limit)
            s.emit(nil, from: space)
            let p = s.position
            if p < limit, (b[p] >= UInt8(ascii: "A") && b[p] <= UInt8(ascii: "Z")) || b[p] == UInt8(ascii: "_") {
                s.advance(while: \.isIdentifier)
                s.emit(.nameClass, from: p)
            }
        }

        // MARK: Comments, numbers, variables, operators

        /// `=begin` … `=end`: false when no `=end` follows.
        private mutating func blockComment(_ s: inout Scanner, _ limit: Int) -> Bool {
            let b = s.bytes
            let p = s.position
            // The last search stands for every `=begin` between where it started and what it
            // found (or, up to the same limit, found nothing): `=begin` on every line of a
            // megabyte without an `=end` is searched once, not once a line.
            if !(blockEnd.from <= p + 6 && p + 6 <= blockEnd.at && (blockEnd.at != Int.max || blockEnd.limit == limit)) {
                var i = p + 6
                while i + 4 < limit, !(b[i] == 10 && b[i + 1] == UInt8(ascii: "=") && b[i + 2] == UInt8(ascii: "e") && b[i + 3] == UInt8(ascii: "n") && b[i + 4] == UInt8(ascii: "d")) { i += 1 }
                blockEnd = (p + 6, i + 4 < limit ? i : Int.max, limit)
            }
            let i = blockEnd.at
            guard i != Int.max, i + 4 < limit else { return false }
            s.position = i + 5
            s.toLineEnd()
            s.position = min(s.position, limit)
            s.emit(.commentMultiline, from: p)
            return true
        }

        /// Integers only (`3.5` is `3`, `.`, `5` to Pygments); a `/` or `?` right after one is an
        /// operator, not the start of a regular expression or a character.
        private func number(_ s: inout Scanner, _ limit: Int) {
            let b = s.bytes
            let p = s.position
            var kind = TokenClass.numberInteger
            if b[p] == UInt8(ascii: "0"), p + 2 < limit, b[p + 1] | 0x20 == UInt8(ascii: "x"), b[p + 2].isHexDigit {
                kind = .numberHex
                s.position += 2
                s.advance { $0.isHexDigit || $0 == UInt8(ascii: "_") }
            } else if b[p] == UInt8(ascii: "0"), p + 2 < limit, b[p + 1] == UInt8(ascii: "b"), b[p + 2] == UInt8(ascii: "0") || b[p + 2] == UInt8(ascii: "1") {
                kind = .numberBin
                s.position += 2
                s.advance { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }
            } else {
                if b[p] == UInt8(ascii: "0"), p + 1 < limit, b[p + 1] >= UInt8(ascii: "0") && b[p + 1] <= UInt8(ascii: "7") { kind = .numberOct }
                s.advance { $0.isDigit || $0 == UInt8(ascii: "_") }
            }
            // A trailing `_` is not part of the number.
            while s.position > p + 1, b[s.position - 1] == UInt8(ascii: "_") { s.position -= 1 }
            s.position = min(s.position, limit)
            s.emit(kind, from: p)
            var i = s.position
            while i < limit, b[i].isSpace { i += 1 }
            if i < limit, b[i] == UInt8(ascii: "/") || b[i] == UInt8(ascii: "?") {
                let space = s.position
                s.position = i
                s.emit(nil, from: space)
                s.position = i + 1
                s.emit(.operator, from: i)
            }
        }

        /// `@name`, `@@name`, `$name`, `$!`.
        private func variable(_ s: inout Scanner, _ limit: Int) {
            let b = s.bytes
            let p = s.position
            s.position += 1
            if b[p] == UInt8(ascii: "@") {
                if s.position < limit, b[s.position] == UInt8(ascii: "@") { s.position += 1 }
                if s.position < limit, b[s.position].isIdentifierStart {
                    s.advance(while: \.isIdentifier)
                } else {
                    s.position = p + 1
                    s.emit(.operator, from: p)
                    return
                }
            } else if s.position < limit, b[s.position].isIdentifier {
                s.advance(while: \.isIdentifier)
            } else if s.position < limit, "!@&`'+~=/\\,;.<>_*$?:\"^-".utf8.contains(b[s.position]) {
                s.position += 1
            } else {
                s.emit(nil, from: p)
                return
            }
            s.position = min(s.position, limit)
            s.emit(.nameVariable, from: p)
        }

        private func operatorOrPunctuation(_ s: inout Scanner, _ limit: Int) {
            let p = s.position
            let c = s.bytes[p]
            if "(){};,?:\\".utf8.contains(c) {
                s.position += 1
                s.emit(.punctuation, from: p)
            } else if Ruby.operators.contains(c) {
                // One at a time: what follows an operator may be a literal (`=/re/`, `+:sym`).
                s.position += 1
                s.emit(.operator, from: p)
            } else {
                s.skipOne()
                s.emit(nil, from: p)
            }
        }
    }

    static let operators = ByteSet("[]*<>=~!&|.+-/%^")
    static let brackets: [UInt8: UInt8] = [UInt8(ascii: "{"): UInt8(ascii: "}"), UInt8(ascii: "["): UInt8(ascii: "]"), UInt8(ascii: "("): UInt8(ascii: ")"), UInt8(ascii: "<"): UInt8(ascii: ">")]
}
