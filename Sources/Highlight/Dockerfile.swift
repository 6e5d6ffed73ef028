/// Dockerfiles, as Pygments reads them: an instruction is a keyword; `FROM`'s image and the
/// argument of `WORKDIR`, `USER`, `EXPOSE`… are strings; `CMD ["…"]` is JSON; the rest is
/// shell, a line and the lines its `\` carries on to lexed as one command.
enum Dockerfile {
    static func lex(_ s: inout Scanner) {
        let b = s.bytes
        while !s.atEnd {
            let p = s.position
            let c = b[p]
            if c == 10 {
                s.position += 1
                s.emit(nil, from: p)
            } else if c == UInt8(ascii: "#") {
                s.toLineEnd()
                s.emit(.comment, from: p)
            } else if s.lookingCaseInsensitive(at: "FROM") {
                from(&s)
            } else if !instruction(&s) {
                shell(&s)
            }
        }
    }

    /// `FROM image [AS name]`: the image and the name are strings.
    private static func from(_ s: inout Scanner) {
        let p = s.position
        s.position += 4
        s.emit(.keyword, from: p)
        blanks(&s)
        word(&s, .string)
        blanks(&s)
        if s.lookingCaseInsensitive(at: "AS") {
            let keyword = s.position
            s.position += 2
            s.emit(.keyword, from: keyword)
            blanks(&s)
            word(&s, .string)
        }
    }

    static let instructions: Set<String> = [
        "ONBUILD", "HEALTHCHECK", "VOLUME", "ENTRYPOINT", "CMD", "SHELL", "LABEL", "ENV", "ARG", "MAINTAINER", "EXPOSE", "WORKDIR", "USER",
        "STOPSIGNAL", "RUN", "ADD", "COPY",
    ]

    /// An instruction and what Pygments makes of its arguments; false when none starts here.
    private static func instruction(_ s: inout Scanner) -> Bool {
        let b = s.bytes
        let p = s.position
        var end = p
        while end < b.count, b[end].isLetter { end += 1 }
        guard end > p, end < b.count, b[end].isSpace else { return false }
        let name = String(decoding: b[p..<end], as: UTF8.self).uppercased()
        guard instructions.contains(name) else { return false }
        var arguments = end
        while arguments < b.count, b[arguments].isSpace { arguments += 1 }
        // `["…", "…"]` on the line (after a `\` maybe): JSON.
        var json: Range<Int>?
        if ["VOLUME", "ENTRYPOINT", "CMD", "SHELL"].contains(name) {
            var i = arguments
            while i < b.count, b[i].isSpace || b[i] == UInt8(ascii: "\\") { i += 1 }
            var close = i
            while close < b.count, b[close] != UInt8(ascii: "]"), b[close] != 10 { close += 1 }
            if i < b.count, b[i] == UInt8(ascii: "["), close < b.count, b[close] == UInt8(ascii: "]") { json = i..<close + 1 }
        }
        if name == "SHELL", json == nil { return false }
        s.position = end
        s.emit(.keyword, from: p)
        s.position = arguments
        s.emit(nil, from: end)
        if let json {
            s.lex(arguments..<json.lowerBound, with: { Shell.lex(&$0) })
            s.lex(json, with: Grammars.json.lex)
            return true
        }
        switch name {
        case "LABEL", "ENV", "ARG":
            // `key=value` pairs of plain words are shell; what follows is lexed anew.
            var i = arguments
            var pairs = i
            while true {
                while i < b.count, b[i].isSpace || b[i] == UInt8(ascii: "\\") { i += 1 }
                let key = i
                while i < b.count, b[i].isWordCharacter { i += 1 }
                guard i > key, i < b.count, b[i] == UInt8(ascii: "=") else { break }
                i += 1
                let value = i
                while i < b.count, b[i].isWordCharacter { i += 1 }
                guard i > value else { break }
                while i < b.count, b[i].isSpace || b[i] == UInt8(ascii: "\\") { i += 1 }
                pairs = i
            }
            s.lex(arguments..<pairs, with: { Shell.lex(&$0) })
        case "MAINTAINER", "EXPOSE", "WORKDIR", "USER", "STOPSIGNAL", "VOLUME":
            rest(&s)
        default:
            break
        }
        return true
    }

    /// A line's rest, as a string.
    private static func rest(_ s: inout Scanner) {
        let p = s.position
        s.toLineEnd()
        s.emit(.string, from: p)
    }

    /// Shell: this line, and the next ones while a line ends with `\` (`(.*\\\n)*.+`).
    private static func shell(_ s: inout Scanner) {
        let b = s.bytes
        let p = s.position
        var end = Scanner.lineEnd(b, from: p)
        while end > p, b[end - 1] == UInt8(ascii: "\\"), end + 1 < b.count, b[end + 1] != 10 {
            end = Scanner.lineEnd(b, from: end + 1)
        }
        s.lex(p..<end, with: { Shell.lex(&$0) })
    }

    private static func blanks(_ s: inout Scanner) {
        let p = s.position
        s.advance { $0 == 32 || $0 == 9 }
        s.emit(nil, from: p)
    }

    private static func word(_ s: inout Scanner, _ kind: TokenClass) {
        let p = s.position
        s.advance { !$0.isSpace }
        s.emit(kind, from: p)
    }
}
