/// Makefiles, as Pygments reads them: directive lines (`ifeq`, `include`, `define`…) and
/// comment lines are comments, taken out first; of the rest, indented lines (recipes) and
/// variables' values are shell, `target:` a function name, `$(…)` a keyword.
enum Makefile {
    static func lex(_ s: inout Scanner) {
        let b = s.bytes
        var parts: [Scanner.Part] = []
        var continued = false
        var line = 0
        while line < b.count {
            let end = min(Scanner.lineEnd(b, from: line) + 1, b.count)
            if continued || isDirective(b, line, end) {
                parts.append(.fixed(line..<end, .commentPreproc))
                var last = end
                while last > line, b[last - 1].isSpace { last -= 1 }
                continued = last > line && b[last - 1] == UInt8(ascii: "\\")
            } else if isComment(b, line, end) {
                parts.append(.fixed(line..<end, .comment))
            } else {
                parts.append(.code(line..<end))
            }
            line = end
        }
        s.lex(parts) { Base.lex(&$0) }
    }

    static let directives = ["ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "-include", "include", "define", "endef", ":", "vpath", "if"]
        .map { Array($0.utf8) }
    static let bsdDirectives = WordSet("include undef error warning if else elif endif for endfor".split(separator: " ").map(String.init))

    /// `ifeq (…)`, `include x.mk`, `.include <x>`: a directive and a space after it.
    private static func isDirective(_ b: UnsafeBufferPointer<UInt8>, _ line: Int, _ end: Int) -> Bool {
        var i = line
        if i < end, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, b[i].isSpace { i += 1 }
            var word = i
            while word < end, b[word].isLetter { word += 1 }
            if word < end, b[word].isSpace, bsdDirectives.contains(UnsafeBufferPointer(rebasing: b[i..<word])) { return true }
            i = line
        }
        while i < end, b[i].isSpace { i += 1 }
        for directive in directives where b[i..<end].starts(with: directive) {
            let after = i + directive.count
            if after < end, b[after].isSpace { return true }
        }
        return false
    }

    /// `# …`, `@# …` after white space.
    private static func isComment(_ b: UnsafeBufferPointer<UInt8>, _ line: Int, _ end: Int) -> Bool {
        var i = line
        while i < end, b[i].isSpace { i += 1 }
        if i < end, b[i] == UInt8(ascii: "@") { i += 1 }
        return i < end && b[i] == UInt8(ascii: "#")
    }

    /// The Makefile without its directive and comment lines.
    private struct Base {
        /// Where searches that failed from an earlier position would fail again: an
        /// assignment's name, a target's text, an unclosed quote. Pygments tries each rule
        /// again one byte further on; so does this lexer, without searching again.
        var noAssignmentBefore = 0
        var noTargetBefore = 0
        var noStringBefore: [UInt8: Int] = [:]
        /// The last line break: rules that need one after them fail at once past it.
        let lastNewline: Int

        static func lex(_ s: inout Scanner) {
            var base = Base(lastNewline: s.bytes.lastIndex(of: 10) ?? -1)
            base.lex(&s)
        }

        mutating func lex(_ s: inout Scanner) {
            let b = s.bytes
            while !s.atEnd {
                let p = s.position
                let c = b[p]
                if p == 0 || b[p - 1] == 10, recipe(&s) { continue }
                if c == UInt8(ascii: "$"), p + 1 < b.count, "<@$+%?|*".utf8.contains(b[p + 1]) {
                    s.position += 2
                    s.emit(.keyword, from: p)
                } else if c.isSpace {
                    s.advance(while: \.isSpace)
                    s.emit(nil, from: p)
                } else if c == UInt8(ascii: "#"), let end = lineBreak(b, p) {
                    s.position = end + 1
                    s.emit(.comment, from: p)
                } else if export(&s) || assignment(&s) {
                    continue
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'"), string(&s) {
                    continue
                } else if target(&s) {
                    continue
                } else if s.looking(at: "$(") {
                    expansion(&s)
                } else {
                    s.skipOne()
                    s.emit(nil, from: p)
                }
            }
        }

        /// Lines that start with a tab or space, and empty lines: shell, lexed together.
        private func recipe(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            var end = p
            while end < b.count {
                if b[end] == 10 {
                    end += 1
                } else if b[end] == 9 || b[end] == 32, let lineEnd = lineBreak(b, end) {
                    end = lineEnd + 1
                } else {
                    break
                }
            }
            guard end > p else { return false }
            s.lex(p..<end, with: { Shell.lex(&$0) })
            return true
        }

        /// `export A B`, `unexport A`.
        private func export(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            var i = p
            if s.looking(at: "unexport") { i += 2 }
            guard b[i...].starts(with: "export".utf8), i + 6 < b.count, b[i + 6].isSpace else { return false }
            i += 6
            s.position = i
            s.advance(while: \.isSpace)
            s.emit(.keyword, from: p)
            return true
        }

        /// `NAME = value`, `NAME := value`, `NAME ?= value`: the value is shell.
        private mutating func assignment(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            guard p >= noAssignmentBefore else { return false }
            var i = p
            while i < b.count, b[i].isWordCharacter || "${}().-".utf8.contains(b[i]) { i += 1 }
            let name = i
            guard name > p else { return false }
            noAssignmentBefore = name
            while i < b.count, b[i].isSpace { i += 1 }
            let op = i
            if i < b.count, "!?:+".utf8.contains(b[i]) { i += 1 }
            guard i < b.count, b[i] == UInt8(ascii: "=") else { return false }
            i += 1
            let opEnd = i
            while i < b.count, b[i] == 32 || b[i] == 9 { i += 1 }
            let value = i
            // Lines ending with `\` (not the line after them), or one line; with its break.
            var end = value
            while let lineEnd = lineBreak(b, end), lineEnd > end, b[lineEnd - 1] == UInt8(ascii: "\\") { end = lineEnd + 1 }
            if end == value {
                guard let lineEnd = lineBreak(b, value) else { return false }
                end = lineEnd + 1
            }
            noAssignmentBefore = 0
            s.position = name
            s.emit(.nameVariable, from: p)
            s.position = op
            s.emit(nil, from: name)
            s.position = opEnd
            s.emit(.operator, from: op)
            s.position = value
            s.emit(nil, from: opEnd)
            s.lex(value..<end, with: { Shell.lex(&$0) })
            return true
        }

        private mutating func string(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            guard p >= noStringBefore[b[p], default: 0] else { return false }
            var i = p + 1
            while i < b.count, b[i] != b[p] { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
            guard i < b.count else {
                noStringBefore[b[p]] = b.count
                return false
            }
            s.position = i + 1
            s.emit(b[p] == UInt8(ascii: "\"") ? .stringDouble : .stringSingle, from: p)
            return true
        }

        /// `targets: prerequisites`: the targets a function name, the rest of the line read
        /// as Pygments' block header.
        private mutating func target(_ s: inout Scanner) -> Bool {
            let b = s.bytes
            let p = s.position
            guard p >= noTargetBefore else { return false }
            var i = p
            while i < b.count, b[i] != 10, b[i] != UInt8(ascii: ":") { i += 1 }
            guard i > p, i < b.count, b[i] == UInt8(ascii: ":") else {
                noTargetBefore = i
                return false
            }
            s.position = i
            s.emit(.nameFunction, from: p)
            s.advance { $0 == UInt8(ascii: ":") }
            s.emit(.operator, from: i)
            let space = s.position
            s.advance { $0 == 32 || $0 == 9 }
            s.emit(nil, from: space)
            while !s.atEnd {
                let q = s.position
                let c = b[q]
                if c == UInt8(ascii: ",") || c == UInt8(ascii: "|") {
                    s.position += 1
                    s.emit(.punctuation, from: q)
                } else if c == UInt8(ascii: "#"), let end = lineBreak(b, q) {
                    s.position = end + 1
                    s.emit(.comment, from: q)
                    return true
                } else if c == UInt8(ascii: "\\"), q + 1 < b.count, b[q + 1] == 10 {
                    s.position += 2
                    s.emit(nil, from: q)
                } else if s.looking(at: "$(") {
                    expansion(&s)
                } else if c.isLetter || c == UInt8(ascii: "_") {
                    s.advance { $0.isLetter || $0 == UInt8(ascii: "_") }
                    s.emit(.name, from: q)
                } else if c == 10 {
                    s.position += 1
                    s.emit(nil, from: q)
                    return true
                } else {
                    s.skipOne()
                    s.emit(nil, from: q)
                }
            }
            return true
        }

        /// `$(name …)`: the marks keywords, nested, the names variables.
        private func expansion(_ s: inout Scanner) {
            let b = s.bytes
            var depth = 0
            while !s.atEnd {
                let p = s.position
                let c = b[p]
                if s.looking(at: "$(") {
                    s.position += 2
                    s.emit(.keyword, from: p)
                    depth += 1
                } else if c == UInt8(ascii: "$") || c == UInt8(ascii: "(") || c == UInt8(ascii: ")") {
                    s.position += 1
                    s.emit(.keyword, from: p)
                    if c == UInt8(ascii: "(") { depth += 1 }
                    if c == UInt8(ascii: ")") { depth -= 1 }
                    if depth == 0 { return }
                } else if c.isWordCharacter || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") {
                    s.advance { $0.isWordCharacter || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
                    s.emit(.nameVariable, from: p)
                } else {
                    s.advance { !($0.isWordCharacter || "$().-".utf8.contains($0)) }
                    s.emit(nil, from: p)
                }
            }
        }

        /// The line break at or after `from`, if any.
        private func lineBreak(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int? {
            guard from <= lastNewline else { return nil }
            let end = Scanner.lineEnd(b, from: from)
            return end < b.count ? end : nil
        }
    }
}
