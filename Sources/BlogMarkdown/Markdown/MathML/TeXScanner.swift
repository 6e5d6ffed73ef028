/// Cuts TeX math into tokens, on demand, in one pass over its Unicode scalars: the parser
/// asks for the next token, or for raw text (`\text{…}`, an environment's name) at the
/// current position. Spaces and `%` comments between tokens are skipped, as in TeX's math mode.
struct TeXScanner {
    enum Token: Equatable {
        /// `\name` (letters), or `\` and one other character (`\,`, `\\`, `\{`).
        case command(String)
        case open, close, raised, lowered, alignment, prime
        /// A letter, digit or other character, classified by the parser.
        case character(Unicode.Scalar)
        case end
    }

    let scalars: [Unicode.Scalar]
    private(set) var position = 0
    /// Where the token `peek` returned starts (for error sources).
    private(set) var tokenStart = 0
    private var peeked: (token: Token, next: Int)?

    init(_ tex: String) { scalars = Array(tex.unicodeScalars) }

    mutating func peek() -> Token {
        if let peeked { return peeked.token }
        skipSpaces()
        tokenStart = position
        let (token, next) = lex(at: position)
        peeked = (token, next)
        return token
    }

    @discardableResult
    mutating func next() -> Token {
        let token = peek()
        position = peeked?.next ?? position
        peeked = nil
        return token
    }

    /// The text from `start` to the current position, as written.
    func source(from start: Int, to end: Int? = nil) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[min(start, scalars.count)..<min(end ?? position, scalars.count)])
        return String(text)
    }

    /// A `{…}` group's text as written (nested braces kept), spaces before it skipped; nil,
    /// and nothing read, when no group follows. An unclosed group's text runs to the end.
    mutating func rawGroup() -> (text: String, closed: Bool)? {
        peeked = nil
        skipSpaces()
        guard position < scalars.count, scalars[position] == "{" else { return nil }
        let start = position + 1
        var depth = 1
        var i = start
        while i < scalars.count {
            switch scalars[i] {
            case "\\": i += 1
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 {
                    position = i + 1
                    return (source(from: start, to: i), true)
                }
            default: break
            }
            i += 1
        }
        position = scalars.count
        return (source(from: start, to: scalars.count), false)
    }

    /// An optional `[…]` argument's text (`\sqrt[3]`, `\\[2pt]`), brackets in braces ignored.
    mutating func rawOptional() -> String? {
        peeked = nil
        skipSpaces()
        guard position < scalars.count, scalars[position] == "[" else { return nil }
        var depth = 0
        var i = position + 1
        while i < scalars.count {
            switch scalars[i] {
            case "\\": i += 1
            case "{": depth += 1
            case "}": depth -= 1
            case "]" where depth == 0:
                let text = source(from: position + 1, to: i)
                position = i + 1
                return text
            default: break
            }
            i += 1
        }
        return nil
    }

    private mutating func skipSpaces() {
        while position < scalars.count {
            let c = scalars[position]
            if c == "%" {
                while position < scalars.count, scalars[position] != "\n" { position += 1 }
            } else if c.properties.isWhitespace {
                position += 1
            } else {
                return
            }
        }
    }

    private func lex(at i: Int) -> (Token, Int) {
        guard i < scalars.count else { return (.end, i) }
        let c = scalars[i]
        switch c {
        case "{": return (.open, i + 1)
        case "}": return (.close, i + 1)
        case "^": return (.raised, i + 1)
        case "_": return (.lowered, i + 1)
        case "&": return (.alignment, i + 1)
        case "'": return (.prime, i + 1)
        case "\\":
            guard i + 1 < scalars.count else { return (.command(""), i + 1) }
            var j = i + 1
            while j < scalars.count, Self.isLetter(scalars[j]) { j += 1 }
            if j == i + 1 { return (.command(String(Character(scalars[j]))), j + 1) }
            return (.command(source(from: i + 1, to: j)), j)
        default:
            return (.character(c), i + 1)
        }
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
}
