/// Bash and other POSIX shells, as Pygments reads them: comments, quotes, `$variables`,
/// `$(commands)` and `${parameters}` (their code lexed inside strings too), here-documents,
/// keywords wherever a word starts, numbers at a word's start; flags and paths stay text.
enum Shell {
    static let keywords = WordSet(
        "if fi else while in do done for then return function case select break continue until esac elif".split(separator: " ").map(String.init))
    static let builtins = WordSet(
        ("alias bg bind builtin caller cd command compgen complete declare dirs disown echo enable eval exec exit export false fc fg "
            + "getopts hash help history jobs kill let local logout popd printf pushd pwd read readonly set shift shopt source suspend "
            + "test time times trap true type typeset ulimit umask unalias unset wait")
            .split(separator: " ").map(String.init))

    static func lex(_ s: inout Scanner) {
        var reader = Reader(s.bytes)
        reader.lex(&s)
    }

    /// Where the lexer stands: in code, or inside one of the constructs that hold code.
    private enum State { case code, string, parameter, command, arithmetic, backticks }

    private struct Reader {
        var states: [State] = [.code]
        /// The last line break: a comment must end with one (Pygments' `#.*\n`).
        let lastNewline: Int
        /// Where the next `'` lies, and where the last here-document looked for its word
        /// ended: unclosed ones are read in linear time.
        var nextQuote = (from: Int.max, at: 0)
        var lastHeredoc: (word: [UInt8], from: Int, at: Int?)?

        init(_ b: UnsafeBufferPointer<UInt8>) {
            lastNewline = b.lastIndex(of: 10) ?? -1
        }

        mutating func lex(_ s: inout Scanner) {
            let b = s.bytes
            while !s.atEnd {
                let p = s.position
                let c = b[p]
                switch states.last! {
                case .string:
                    if c == UInt8(ascii: "\"") {
                        s.position += 1
                        s.emit(.stringDouble, from: p)
                        states.removeLast()
                    } else if c == UInt8(ascii: "$") {
                        if !interpolation(&s) {
                            s.position += 1
                            s.emit(.stringDouble, from: p)
                        }
                    } else {
                        while !s.atEnd, b[s.position] != UInt8(ascii: "\""), b[s.position] != UInt8(ascii: "$") {
                            s.position += b[s.position] == UInt8(ascii: "\\") ? 2 : 1
                        }
                        s.position = min(s.position, b.count)
                        s.emit(.stringDouble, from: p)
                    }
                    continue
                case .parameter:
                    if c == UInt8(ascii: "}") {
                        s.position += 1
                        s.emit(.stringInterpolated, from: p)
                        states.removeLast()
                        continue
                    }
                    if s.looking(at: ":-") {
                        s.position += 2
                        s.emit(.keyword, from: p)
                        continue
                    }
                    if c.isWordCharacter {
                        s.advance(while: \.isWordCharacter)
                        s.emit(.nameVariable, from: p)
                        continue
                    }
                    if !"}:\"'`$\\".utf8.contains(c) {
                        s.advance { !"}:\"'`$\\".utf8.contains($0) && !$0.isWordCharacter }
                        s.emit(.punctuation, from: p)
                        continue
                    }
                    if c == UInt8(ascii: ":") {
                        s.position += 1
                        s.emit(.punctuation, from: p)
                        continue
                    }
                case .command:
                    if c == UInt8(ascii: ")") {
                        s.position += 1
                        s.emit(.keyword, from: p)
                        states.removeLast()
                        continue
                    }
                case .arithmetic:
                    if s.looking(at: "))") {
                        s.position += 2
                        s.emit(.keyword, from: p)
                        states.removeLast()
                        continue
                    }
                    if arithmetic(&s) { continue }
                case .backticks:
                    if c == UInt8(ascii: "`") {
                        s.position += 1
                        s.emit(.stringBacktick, from: p)
                        states.removeLast()
                        continue
                    }
                case .code:
                    break
                }
                code(&s)
            }
        }

        /// One token of plain shell code.
        private mutating func code(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            let c = b[p]
            if c.isWordCharacter {
                // `if`, `done;`: a keyword is the word characters a word starts with.
                var end = p
                while end < b.count, b[end].isWordCharacter { end += 1 }
                let word = UnsafeBufferPointer(rebasing: b[p..<end])
                if Shell.keywords.contains(word) {
                    s.position = end
                    s.emit(.keyword, from: p)
                    return
                }
                if Shell.builtins.contains(word), end == b.count || b[end].isSpace || b[end] == UInt8(ascii: ")") || b[end] == UInt8(ascii: "`") {
                    s.position = end
                    s.emit(.nameBuiltin, from: p)
                    return
                }
            }
            if c == UInt8(ascii: "#"), p + 1 <= lastNewline {
                s.toLineEnd()
                s.position += 1
                s.emit(p == 0 && b[p + 1] == UInt8(ascii: "!") ? .commentHashbang : .commentSingle, from: p)
                return
            }
            if c == UInt8(ascii: "\\") {
                s.position += 1
                if !s.atEnd { s.skipOne() }
                s.emit(.stringEscape, from: p)
                return
            }
            if c.isWordCharacter, assignment(&s) { return }
            if "[]{}()=".utf8.contains(c) {
                s.position += 1
                s.emit(.operator, from: p)
                return
            }
            if s.looking(at: "<<<") {
                s.position += 3
                s.emit(.operator, from: p)
                return
            }
            if s.looking(at: "<<"), hereDocument(&s) { return }
            if s.looking(at: "&&") || s.looking(at: "||") {
                s.position += 2
                s.emit(.operator, from: p)
                return
            }
            if c == UInt8(ascii: "`") {
                s.position += 1
                s.emit(.stringBacktick, from: p)
                states.append(.backticks)
                return
            }
            if c == UInt8(ascii: "\"") || (c == UInt8(ascii: "$") && p + 1 < b.count && b[p + 1] == UInt8(ascii: "\"")) {
                doubleQuoted(&s)
                return
            }
            if c == UInt8(ascii: "$"), p + 1 < b.count, b[p + 1] == UInt8(ascii: "'"), ansiQuoted(&s) { return }
            if c == UInt8(ascii: "'"), singleQuoted(&s) { return }
            if c == UInt8(ascii: ";") || c == UInt8(ascii: "&") || c == UInt8(ascii: "|") {
                s.position += 1
                s.emit(.punctuation, from: p)
                return
            }
            if c.isSpace {
                s.advance(while: \.isSpace)
                s.emit(nil, from: p)
                return
            }
            if c.isDigit {
                var end = p
                while end < b.count, b[end].isDigit { end += 1 }
                if end == b.count || !b[end].isWordCharacter {
                    s.position = end
                    s.emit(.numberInteger, from: p)
                    return
                }
            }
            if c == UInt8(ascii: "$") {
                if interpolation(&s) { return }
                s.position += 1
                s.emit(nil, from: p)
                return
            }
            // Text: up to a space or a mark that starts something else.
            s.advance { !$0.isSpace && !Shell.textEnds.contains($0) }
            if s.position == p { s.skipOne() }
            s.emit(nil, from: p)
        }

        /// `name=` and `name+=`: a variable and its operator.
        private func assignment(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            var i = p
            while i < b.count, b[i].isWordCharacter { i += 1 }
            let name = i
            while i < b.count, b[i].isSpace { i += 1 }
            if i < b.count, b[i] == UInt8(ascii: "+") { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "=") else { return false }
            s.position = name
            s.emit(.nameVariable, from: p)
            let space = s.position
            while b[s.position].isSpace { s.position += 1 }
            s.emit(nil, from: space)
            let op = s.position
            s.position = i + 1
            s.emit(.operator, from: op)
            return true
        }

        /// `$((`, `$(`, `${`, `$name`, `$1`, `$?`; false for a `$` alone.
        private mutating func interpolation(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            guard p + 1 < b.count else { return false }
            let next = b[p + 1]
            if s.looking(at: "$((") {
                s.position += 3
                s.emit(.keyword, from: p)
                states.append(.arithmetic)
            } else if next == UInt8(ascii: "(") {
                s.position += 2
                s.emit(.keyword, from: p)
                states.append(.command)
            } else if next == UInt8(ascii: "{") {
                s.position += 2
                if !s.atEnd, b[s.position] == UInt8(ascii: "#") { s.position += 1 }
                s.emit(.stringInterpolated, from: p)
                states.append(.parameter)
            } else if next.isLetter || next == UInt8(ascii: "_") {
                s.position += 1
                s.advance(while: \.isWordCharacter)
                s.emit(.nameVariable, from: p)
            } else if next.isDigit {
                s.position += 1
                s.advance(while: \.isDigit)
                s.emit(.nameVariable, from: p)
            } else if "#$?!_*@-".utf8.contains(next) {
                s.position += 2
                s.emit(.nameVariable, from: p)
            } else {
                return false
            }
            return true
        }

        /// Inside `$(( ))`: operators, numbers (`16#ff`, `0x1F`), names.
        private func arithmetic(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            let c = b[p]
            if s.looking(at: "**") || s.looking(at: "||") || s.looking(at: "<<") || s.looking(at: ">>") {
                s.position += 2
                s.emit(.operator, from: p)
            } else if "-+*/%^|&<>".utf8.contains(c) {
                s.position += 1
                s.emit(.operator, from: p)
            } else if c.isDigit {
                if s.looking(at: "0x") || s.looking(at: "0X") {
                    s.position += 2
                    s.advance(while: \.isHexDigit)
                } else {
                    s.advance(while: \.isDigit)
                    if !s.atEnd, b[s.position] == UInt8(ascii: "#") {
                        s.position += 1
                        s.advance { $0.isDigit || $0.isLetter }
                    }
                }
                s.emit(.numberInteger, from: p)
            } else if c.isLetter || c == UInt8(ascii: "_") {
                s.advance(while: \.isWordCharacter)
                s.emit(.nameVariable, from: p)
            } else {
                return false
            }
            return true
        }

        /// `"…"`: one string when it holds no `$`, else a string whose `$` parts are lexed.
        private mutating func doubleQuoted(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            var i = b[p] == UInt8(ascii: "$") ? p + 2 : p + 1
            while i < b.count, b[i] != UInt8(ascii: "\""), b[i] != UInt8(ascii: "$") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
            if i < b.count, b[i] == UInt8(ascii: "\"") {
                s.position = i + 1
                s.emit(.stringDouble, from: p)
                return
            }
            if b[p] == UInt8(ascii: "$") {
                // `$` and then a string with parts.
                s.position += 1
                s.emit(nil, from: p)
            }
            let quote = s.position
            s.position += 1
            s.emit(.stringDouble, from: quote)
            states.append(.string)
        }

        /// `'…'`, to the next quote; false when there is none.
        private mutating func singleQuoted(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            if !(nextQuote.from <= p + 1 && p + 1 <= nextQuote.at) {
                var i = p + 1
                while i < b.count, b[i] != UInt8(ascii: "'") { i += 1 }
                nextQuote = (p + 1, i)
            }
            guard nextQuote.at < b.count else { return false }
            s.position = nextQuote.at + 1
            s.emit(.stringSingle, from: p)
            return true
        }

        /// `$'…'`, with escapes; false when unclosed.
        private func ansiQuoted(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            var i = p + 2
            while i < b.count, b[i] != UInt8(ascii: "'") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
            guard i < b.count else { return false }
            s.position = i + 1
            s.emit(.stringSingle, from: p)
            return true
        }

        /// `<<EOF … EOF`, `<<-'EOF'`: a string from `<<` to the next place its word appears
        /// (Pygments' `<<-?\s*'?\\?(\w+)[\w\W]+?\1`); false when it never does.
        private mutating func hereDocument(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            var i = p + 2
            if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
            while i < b.count, b[i].isSpace { i += 1 }
            if i < b.count, b[i] == UInt8(ascii: "'") { i += 1 }
            if i < b.count, b[i] == UInt8(ascii: "\\") { i += 1 }
            let wordStart = i
            while i < b.count, b[i].isWordCharacter { i += 1 }
            guard i > wordStart else { return false }
            let word = Array(b[wordStart..<i])
            let from = i + 1
            let end: Int?
            if let last = lastHeredoc, last.word == word, last.from <= from, last.at.map({ from <= $0 - word.count }) ?? true {
                end = last.at
            } else {
                var j = from
                var found: Int?
                while j + word.count <= b.count {
                    if b[j] == word[0], b[j..<(j + word.count)].elementsEqual(word) {
                        found = j + word.count
                        break
                    }
                    j += 1
                }
                end = found
                lastHeredoc = (word, from, found)
            }
            guard let end else { return false }
            s.position = end
            s.emit(.string, from: p)
            return true
        }
    }

    /// Bytes that end a word of text (`[^=\s\[\]{}()$"'`\\<&|;]+`).
    static let textEnds = ByteSet("=[]{}()$\"'`\\<&|;")
}

extension UInt8 {
    /// `\w`: letters, digits, `_`, and (as most of them are letters) any byte of a non-ASCII character.
    var isWordCharacter: Bool { isLetter || isDigit || self == 95 || self >= 0x80 }
}
