import BlogCore

/// What must change in a post's Markdown before cmark reads it, because cmark would read it
/// as something else: a footnote definition (`[^1]: …`, else a link reference definition,
/// or a paragraph) and math (`$x_1$`, whose backslashes and underscores cmark takes for
/// escapes and emphasis). Every line keeps its number, so problems found later are reported
/// at the writer's line.
package struct SourceRewrite {
    package struct Definition {
        package var label: String
        /// The lines of the definition (1-based), its first included.
        package var lines: ClosedRange<Int>
    }

    package struct Math {
        package var tex: String
        package var display: Bool
    }

    /// Math becomes `start`, its number, `end`; each line it spanned after its first becomes
    /// `filler`, which the math pass removes with the line break before it.
    package static let start: Character = "\u{E000}"
    package static let end: Character = "\u{E001}"
    package static let filler: Character = "\u{E002}"

    package private(set) var text = ""
    package private(set) var definitions: [Definition] = []
    package private(set) var math: [Math] = []
    package private(set) var changed = false
    /// Stand-ins were put beside emphasis runs (`CJKEmphasis`), to be taken out of the tree.
    package private(set) var emphasisStandIns = false
    /// What the writer probably meant otherwise: a `$$` never closed.
    package private(set) var warnings: [(line: Int, message: String)] = []
    /// Searches that found nothing from a position on, by what they looked for: a later
    /// search for the same from further on finds nothing either (so a block of a thousand
    /// unclosed `\(` is read once, not a thousand times).
    private var exhausted: [String: Int] = [:]

    /// Whether the text may hold anything to rewrite: a post without `$` (or `\(`, `\[` when
    /// they are math), `[^`, or an emphasis run beside non-ASCII text is parsed once, as before.
    package static func mayApply(to text: String, extensions: Set<MarkdownExtension>, backslashMath: Bool = false) -> Bool {
        let bytes = text.utf8
        let footnotes = extensions.contains(.footnotes) && containsBytes(text, "[^")
        let math = extensions.contains(.math)
            && (bytes.contains(UInt8(ascii: "$"))
                || (backslashMath && (containsBytes(text, "\\(") || containsBytes(text, "\\["))))
        let emphasis = extensions.contains(.cjkEmphasis) && CJKEmphasis.mayApply(to: text)
        return footnotes || math || emphasis
    }

    /// - Parameter isCode: whether a line (1-based) is code or raw HTML in cmark's first
    ///   reading, where nothing is rewritten.
    /// `\(…\)` and `\[…\]` are math too (`markdown.math.backslash`).
    private let backslashMath: Bool

    package init(_ markdown: String, isCode: (Int) -> Bool, extensions: Set<MarkdownExtension>, backslashMath: Bool = false) {
        self.backslashMath = backslashMath
        var lines = MarkdownDocument.lines(of: markdown).map(String.init)
        if extensions.contains(.footnotes) { takeDefinitions(&lines, isCode: isCode) }
        if extensions.contains(.math) { protectMath(&lines, isCode: isCode) }
        if extensions.contains(.cjkEmphasis), CJKEmphasis.canApply(to: markdown) {
            for i in lines.indices where !isCode(i + 1) {
                guard let rewritten = CJKEmphasis.rewrite(lines[i]) else { continue }
                lines[i] = rewritten
                changed = true
                emphasisStandIns = true
            }
        }
        text = changed ? lines.joined(separator: "\n") : markdown
    }

    // MARK: Footnote definitions

    /// `[^label]: text` at the start of a line (up to three spaces in), and the label.
    package static func definitionStart(_ line: String) -> (label: String, rest: String)? {
        // Told from the first bytes for most lines: up to three spaces, then `[^`.
        let spaces = line.utf8.prefix(4).prefix { $0 == UInt8(ascii: " ") }.count
        guard line.utf8.dropFirst(spaces).starts(with: "[^".utf8) else { return nil }
        let trimmedStart = line.drop { $0 == " " }
        guard line.count - trimmedStart.count <= 3, trimmedStart.hasPrefix("[^"),
            let close = trimmedStart.firstIndex(of: "]")
        else { return nil }
        let label = trimmedStart[trimmedStart.index(trimmedStart.startIndex, offsetBy: 2)..<close]
        let after = trimmedStart[trimmedStart.index(after: close)...]
        guard !label.isEmpty, !label.contains(where: { $0.isWhitespace || $0 == "[" }), after.hasPrefix(":") else { return nil }
        return (String(label), String(after.dropFirst().drop { $0 == " " || $0 == "\t" }))
    }

    /// Each definition's marker is removed and its indented lines brought back to the left, so
    /// that cmark reads its text as blocks (lines kept); the footnote pass moves those blocks.
    private mutating func takeDefinitions(_ lines: inout [String], isCode: (Int) -> Bool) {
        var i = 0
        while i < lines.count {
            guard !isCode(i + 1), let (label, rest) = Self.definitionStart(lines[i]) else {
                i += 1
                continue
            }
            lines[i] = rest
            var last = i
            var afterBlank = rest.allSatisfy(\.isWhitespace)
            var j = i + 1
            while j < lines.count {
                let line = lines[j]
                if line.allSatisfy(\.isWhitespace) {
                    afterBlank = true
                } else if indentation(line) >= 4 {
                    lines[j] = dropIndentation(line, 4)
                    last = j
                    afterBlank = false
                } else if afterBlank || Self.definitionStart(line) != nil {
                    break
                } else {
                    last = j  // a paragraph's lazy continuation
                }
                j += 1
            }
            definitions.append(Definition(label: label, lines: (i + 1)...(last + 1)))
            changed = true
            i = last + 1
        }
    }

    // MARK: Math

    /// Math outside code, in each run of lines between blank lines and code.
    private mutating func protectMath(_ lines: inout [String], isCode: (Int) -> Bool) {
        var i = 0
        while i < lines.count {
            guard !isCode(i + 1), !lines[i].allSatisfy(\.isWhitespace) else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < lines.count, !isCode(j + 2), !lines[j + 1].allSatisfy(\.isWhitespace) { j += 1 }
            defer { i = j + 1 }
            // Most blocks hold no `$` nor backslash: told from bytes, before reading characters.
            guard lines[i...j].contains(where: { $0.utf8.contains { $0 == UInt8(ascii: "$") || (backslashMath && $0 == UInt8(ascii: "\\")) } })
            else { continue }
            let block = lines[i...j].joined(separator: "\n")
            if let rewritten = rewriteMath(in: block, firstLine: i + 1) {
                let newLines = rewritten.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                lines.replaceSubrange(i...j, with: newLines)  // as many lines: see `placeholder`
                changed = true
            }
        }
    }

    /// The block with its math replaced, or nil when it has none.
    private mutating func rewriteMath(in block: String, firstLine: Int) -> String? {
        let chars = Array(block)
        exhausted = [:]
        var warned = false
        var result = ""
        var found = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "`" {
                let run = runLength(chars, from: i, of: "`")
                let close = findRun(chars, of: "`", length: run, from: i + run)
                let stop = close.map { $0 + run } ?? i + run
                result += String(chars[i..<stop])
                i = stop
                continue
            }
            if c == "\\", i + 1 < chars.count {
                let next = chars[i + 1]
                if backslashMath, next == "(" || next == "[", opensMath(after: i > 0 ? chars[i - 1] : nil),
                    let close = find(chars, [Character("\\"), next == "(" ? ")" : "]"], from: i + 2),
                    chars[(i + 2)..<close].contains(where: { !$0.isWhitespace && $0 != "\\" })
                {
                    result += placeholder(String(chars[(i + 2)..<close]), display: next == "[")
                    found = true
                    i = close + 2
                } else {
                    result += String(chars[i...(i + 1)])
                    i += 2
                }
                continue
            }
            if c == "$" {
                if let (close, display) = closingDollar(chars, from: i) {
                    let open = display ? 2 : 1
                    result += placeholder(String(chars[(i + open)..<close]), display: display)
                    found = true
                    i = close + open
                    continue
                }
                // Not math: a price, or `$$` left open. Taken whole, so that the second `$`
                // of an unclosed `$$` does not open an inline span.
                let run = runLength(chars, from: i, of: "$")
                if run == 2, !warned {
                    warned = true
                    let line = firstLine + chars[..<i].count(where: { $0 == "\n" })
                    warnings.append((line, "'$$' opens display math that is never closed in this paragraph; it is left as text"))
                }
                result += String(repeating: "$", count: run)
                i += run
                continue
            }
            result.append(c)
            i += 1
        }
        return found ? result : nil
    }

    /// `\(` and `\[` are also CommonMark's escaped brackets: math only after a space, a line's
    /// start, CJK text or punctuation — not in a word (`foo\(bar\)`) nor a link's address
    /// (`](\(x\))`) — and only around something other than backslashes.
    private func opensMath(after before: Character?) -> Bool {
        guard let before else { return true }
        if before.isWhitespace || !before.isASCII { return true }
        return (before.isPunctuation || before.isSymbol) && !"(\\]/".contains(before)
    }

    /// Where the math opened by the `$` at `open` closes. `$$…$$` is display math; `$…$` is
    /// math only when the opening `$` is not followed by a space and the closing one is not
    /// preceded by a space nor followed by an ASCII digit (so `$5 and $10` stays prose, and
    /// `用$a$一个` is math: a CJK numeral is a word), and neither runs into a code span.
    private mutating func closingDollar(_ chars: [Character], from open: Int) -> (Int, Bool)? {
        if open + 1 < chars.count, chars[open + 1] == "$" {
            guard let close = find(chars, ["$", "$"], from: open + 2), close > open + 2 else { return nil }
            return (close, true)
        }
        guard open + 1 < chars.count, !chars[open + 1].isWhitespace else { return nil }
        var i = open + 1
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            // Math does not run into code: `$5 and `$x`` is a price, then code.
            if chars[i] == "`" { return nil }
            if chars[i] == "$" {
                let before = chars[i - 1]
                let after = i + 1 < chars.count ? chars[i + 1] : " "
                if !before.isWhitespace && !("0"..."9").contains(after) && after != "$" && i > open + 1 { return (i, false) }
                return nil
            }
            i += 1
        }
        return nil
    }

    /// The math's stand-in: as many lines as the math had.
    private mutating func placeholder(_ tex: String, display: Bool) -> String {
        math.append(Math(tex: tex, display: display))
        let breaks = tex.count(where: { $0 == "\n" })
        return String(Self.start) + String(math.count - 1) + String(Self.end)
            + String(repeating: "\n" + String(Self.filler), count: breaks)
    }

    private func runLength(_ chars: [Character], from i: Int, of c: Character) -> Int {
        var n = 0
        while i + n < chars.count, chars[i + n] == c { n += 1 }
        return n
    }

    /// The start of the next run of exactly `length` characters `c`.
    private mutating func findRun(_ chars: [Character], of c: Character, length: Int, from start: Int) -> Int? {
        let key = String(repeating: c, count: length)
        if let from = exhausted[key], start >= from { return nil }
        var i = start
        while i < chars.count {
            if chars[i] == c {
                let run = runLength(chars, from: i, of: c)
                if run == length { return i }
                i += run
            } else {
                i += 1
            }
        }
        exhausted[key] = min(exhausted[key] ?? start, start)
        return nil
    }

    private mutating func find(_ chars: [Character], _ needle: [Character], from start: Int) -> Int? {
        let key = String(needle)
        if let from = exhausted[key], start >= from { return nil }
        if chars.count >= needle.count, start <= chars.count - needle.count,
            let found = (start...(chars.count - needle.count)).first(where: { chars[$0..<($0 + needle.count)].elementsEqual(needle) })
        {
            return found
        }
        exhausted[key] = min(exhausted[key] ?? start, start)
        return nil
    }
}

/// Spaces before the first other character (a tab counts to the next multiple of four).
package func indentation(_ line: String) -> Int {
    var width = 0
    for c in line {
        if c == " " { width += 1 } else if c == "\t" { width += 4 - width % 4 } else { break }
    }
    return width
}

/// The line without up to `width` columns of indentation.
package func dropIndentation(_ line: String, _ width: Int) -> String {
    var removed = 0
    var rest = Substring(line)
    while removed < width, let c = rest.first, c == " " || c == "\t" {
        removed += c == "\t" ? 4 - removed % 4 : 1
        rest = rest.dropFirst()
    }
    return String(rest)
}
