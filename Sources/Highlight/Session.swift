/// A terminal session (`console`), as Pygments reads one: a line that starts with a prompt
/// (`$ `, `# `, `% `, `user@host:~/dir$ `, `[user@host dir]$ `) holds a command; a command
/// whose line ends in `\` goes on to the next line (after a `> ` prompt or not); any other line
/// is output. The commands of consecutive prompt lines are lexed as one shell script (a quote
/// left open on one goes on into the next), the prompts set between their tokens.
enum Session {
    static func lex(_ s: inout Scanner) {
        let b = s.bytes
        var block: [(prompt: Range<Int>?, code: Range<Int>)] = []
        var continuation = false
        while !s.atEnd {
            let line = s.position
            let end = min(Scanner.lineEnd(b, from: line) + 1, b.count)
            if let prompt = promptEnd(b, line, end) {
                block.append((line..<prompt, prompt..<end))
            } else if continuation {
                let marked = end - line >= 2 && b[line] == UInt8(ascii: ">") && b[line + 1] == 32
                block.append(marked ? (line..<line + 2, line + 2..<end) : (nil, line..<end))
            } else {
                command(&s, block)
                block.removeAll()
                s.position = end
                s.emit(.genericOutput, from: line)
                continue
            }
            continuation = end >= line + 2 && b[end - 1] == 10 && b[end - 2] == UInt8(ascii: "\\")
            s.position = end
        }
        command(&s, block)
    }

    /// Lexes the commands of `block` as one script, their prompts between.
    private static func command(_ s: inout Scanner, _ block: [(prompt: Range<Int>?, code: Range<Int>)]) {
        guard !block.isEmpty else { return }
        s.lex(block.flatMap { part in [part.prompt.map { Scanner.Part.fixed($0, .genericPrompt) }, .code(part.code)].compactMap { $0 } }) {
            Shell.lex(&$0)
        }
    }

    /// Where a prompt that starts the line ends (past the spaces after it), or nil.
    /// Pygments: `^((?:\[.*?\]|(?:| |sh\S*?|\w+\S+[@:]\S+(?:\s+\S+)?))\s*[$#%]\s*)`.
    static func promptEnd(_ b: UnsafeBufferPointer<UInt8>, _ line: Int, _ end: Int) -> Int? {
        func isPromptMark(_ i: Int) -> Bool { i < end && (b[i] == UInt8(ascii: "$") || b[i] == UInt8(ascii: "#") || b[i] == UInt8(ascii: "%")) }
        func isBlank(_ c: UInt8) -> Bool { c.isSpace }
        /// After a prompt's mark at `i`: past the white space that follows.
        func after(_ i: Int) -> Int {
            var j = i + 1
            while j < end, isBlank(b[j]) { j += 1 }
            return j
        }
        /// `\s*[$#%]` from `i`.
        func mark(from i: Int) -> Int? {
            var j = i
            while j < end, isBlank(b[j]) { j += 1 }
            return isPromptMark(j) ? after(j) : nil
        }
        // `[user@host dir]$`: any `]` after which a mark follows.
        if b[line] == UInt8(ascii: "[") {
            var i = line + 1
            while i < end, b[i] != 10 {
                if b[i] == UInt8(ascii: "]"), let found = mark(from: i + 1) { return found }
                i += 1
            }
        }
        // Nothing, or spaces, before the mark.
        if let found = mark(from: line) { return found }
        // `sh-5.1$`
        if end - line >= 2, b[line] == UInt8(ascii: "s"), b[line + 1] == UInt8(ascii: "h") {
            var i = line + 2
            while i < end, !isBlank(b[i]) {
                if isPromptMark(i) { return after(i) }
                i += 1
            }
            if let found = mark(from: i) { return found }
        }
        // `user@host:~/dir$` and `host:dir user$`: a first word holding `@` or `:` (not at its
        // start), maybe a second word, then the mark (the last one of a word, as the greedy
        // expression backtracks to it).
        guard b[line].isIdentifier, b[line] < 0x80 else { return nil }
        var firstEnd = line
        while firstEnd < end, !isBlank(b[firstEnd]) { firstEnd += 1 }
        guard let at = (line + 2..<max(line + 2, firstEnd - 1)).first(where: { b[$0] == UInt8(ascii: "@") || b[$0] == UInt8(ascii: ":") }) else { return nil }
        var secondStart = firstEnd
        while secondStart < end, isBlank(b[secondStart]), b[secondStart] != 10 { secondStart += 1 }
        var secondEnd = secondStart
        while secondEnd < end, !isBlank(b[secondEnd]) { secondEnd += 1 }
        if secondEnd > secondStart, secondStart > firstEnd {
            if let found = mark(from: secondEnd) { return found }
            if let last = (secondStart + 1..<secondEnd).last(where: isPromptMark) { return after(last) }
        }
        if let found = mark(from: firstEnd) { return found }
        if let last = (at + 2..<firstEnd).last(where: isPromptMark) { return after(last) }
        return nil
    }
}
