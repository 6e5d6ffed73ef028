/// Code coloured at build time, as Hugo (Chroma), Zola, Jekyll (Rouge) and Hexo do: tokens
/// marked with Pygments' short CSS classes, so that any Pygments or Chroma style sheet
/// (`pygmentize -S monokai -f html -a .highlight`) styles the output. One small lexer per
/// language (`Languages.swift`); each reads its input once, byte by byte.
public enum Highlighter {
    /// The tokens of `code`, in order, covering it whole.
    public static func tokens(_ code: String, language: Language) -> [Token] {
        var code = code
        return code.withUTF8 { bytes in
            var scanner = Scanner(bytes)
            language.lex(&scanner)
            // Whatever a lexer left (it stops early only by mistake) is text, never dropped.
            if scanner.position < bytes.count {
                let start = scanner.position
                scanner.position = bytes.count
                scanner.emit(nil, from: start)
            }
            return scanner.tokens
        }
    }

    /// The code as HTML: escaped text, each token but plain text in `<span class="…">`.
    public static func html(_ code: String, language: Language) -> String {
        let tokens = tokens(code, language: language)
        var code = code
        return code.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 2)
            for token in tokens {
                if let kind = token.kind {
                    out += openTags[kind.index]
                    escape(bytes[token.start..<token.end], into: &out)
                    out += closeTag
                } else {
                    escape(bytes[token.start..<token.end], into: &out)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The code as HTML line by line (without the line breaks), each line's spans closed at
    /// its end and opened again on the next: for numbered and marked lines.
    public static func htmlLines(_ code: String, language: Language) -> [String] {
        let tokens = tokens(code, language: language)
        var code = code
        return code.withUTF8 { bytes in
            var lines: [String] = []
            var line: [UInt8] = []
            for token in tokens {
                var start = token.start
                while start < token.end {
                    let newline = bytes[start..<token.end].firstIndex(of: 10)
                    let end = newline ?? token.end
                    if end > start {
                        if let kind = token.kind { line += "<span class=\"\(kind.rawValue)\">".utf8 }
                        escape(bytes[start..<end], into: &line)
                        if token.kind != nil { line += "</span>".utf8 }
                    }
                    guard let newline else { break }
                    lines.append(String(decoding: line, as: UTF8.self))
                    line = []
                    start = newline + 1
                }
            }
            lines.append(String(decoding: line, as: UTF8.self))
            return lines
        }
    }

    /// Escaped text, for code of no language or one not known.
    public static func escaped(_ code: String) -> String {
        var code = code
        return code.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            escape(bytes[...], into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `<span class="k">` for each class, made once: the output is built of bytes copied whole.
    private static let openTags: [[UInt8]] = TokenClass.allCases.map { Array("<span class=\"\($0.rawValue)\">".utf8) }
    private static let closeTag: [UInt8] = Array("</span>".utf8)
    private static let entities: [[UInt8]] = ["&lt;", "&gt;", "&amp;", "&quot;"].map { Array($0.utf8) }

    private static func escape(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, into out: inout [UInt8]) {
        // Runs of bytes that need no escaping are copied at once.
        let base = bytes.base
        var run = bytes.startIndex
        var i = run
        while i < bytes.endIndex {
            let entity: Int
            switch base[i] {
            case UInt8(ascii: "<"): entity = 0
            case UInt8(ascii: ">"): entity = 1
            case UInt8(ascii: "&"): entity = 2
            case UInt8(ascii: "\""): entity = 3
            default: i += 1; continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: base[run..<i]))
            out.append(contentsOf: entities[entity])
            i += 1
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: base[run..<i]))
    }
}
