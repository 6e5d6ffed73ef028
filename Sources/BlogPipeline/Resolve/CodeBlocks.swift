import Highlight
import BlogCore
import BlogMarkdown

/// Fenced code coloured at build time (`Highlight`), in the markup of Pygments and Hugo:
/// `<div class="highlight"><pre><code class="language-go">` with Pygments' classes inside.
/// The fence may carry Hugo's options: ```` ```go {linenos=true, hl_lines=[2, "4-6"], linenostart=10} ````.
/// Line numbers are drawn by CSS counters, so copying the code never copies them.
package struct CodeBlocks {
    /// `highlight:` of blog.yaml.
    package var enabled = true
    package var lineNumbers = false

    /// What a fence's info string says: the language and Hugo's options.
    package struct Fence: Equatable {
        package var language: String?
        package var lineNumbers: Bool?
        package var firstLine = 1
        package var marked: Set<Int> = []

        package init(_ info: String) {
            let trimmedInfo = trimmed(info)
            let brace = trimmedInfo.firstIndex(of: "{")
            let head = trimmed(String(trimmedInfo[..<(brace ?? trimmedInfo.endIndex)]))
            language = head.split(whereSeparator: \.isWhitespace).first.map(String.init)
            guard let brace, let close = trimmedInfo.lastIndex(of: "}") , close > brace else { return }
            let options = trimmedInfo[trimmedInfo.index(after: brace)..<close]
            for (key, value) in Self.pairs(String(options)) {
                switch key {
                case "linenos": lineNumbers = ["true", "table", "inline"].contains(value)
                case "linenostart": firstLine = Int(value) ?? 1
                case "hl_lines": marked = Self.lines(value)
                default: break
                }
            }
        }

        /// `[2, "4-6"]`, `"2 4-6"`, `2`: lines counted from 1. Anything else marks nothing
        /// (`-1` is not line 1, nor `3-1` lines 1 to 3).
        static func lines(_ value: String) -> Set<Int> {
            var marked: Set<Int> = []
            for part in value.split(whereSeparator: { " [],\"'".contains($0) }) {
                let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
                guard !bounds.contains(nil), let first = bounds.first!, first >= 1 else { continue }
                if bounds.count == 1 {
                    marked.insert(first)
                } else if bounds.count == 2, let last = bounds[1], first <= last, last - first < 100_000 {
                    marked.formUnion(first...last)
                }
            }
            return marked
        }

        /// `a=1, b=[2, "4-6"] c="x"`: pairs apart by commas or spaces (Hugo takes both, and
        /// spaces around `=`); a value in brackets or quotes keeps its commas and spaces. A
        /// word without a value (a class, `.numberLines`) is passed over.
        static func pairs(_ text: String) -> [(String, String)] {
            let c = Array(text)
            var result: [(String, String)] = []
            var i = 0
            func skip(_ test: (Character) -> Bool) { while i < c.count, test(c[i]) { i += 1 } }
            func isSeparator(_ x: Character) -> Bool { x == "," || x.isWhitespace }
            while true {
                skip(isSeparator)
                guard i < c.count else { return result }
                let key = i
                skip { !isSeparator($0) && $0 != "=" }
                let name = String(c[key..<i]).lowercased()
                skip(\.isWhitespace)
                guard i < c.count, c[i] == "=" else { continue }
                i += 1
                skip(\.isWhitespace)
                let value = i
                if i < c.count, c[i] == "[" {
                    var quote: Character?
                    while i < c.count {
                        if let open = quote { if c[i] == open { quote = nil } } else if c[i] == "\"" || c[i] == "'" { quote = c[i] } else if c[i] == "]" { break }
                        i += 1
                    }
                    i = min(i + 1, c.count)
                    result.append((name, String(c[value..<i])))
                } else if i < c.count, c[i] == "\"" || c[i] == "'" {
                    let quote = c[i]
                    i += 1
                    skip { $0 != quote }
                    result.append((name, String(c[min(value + 1, i)..<i])))
                    i = min(i + 1, c.count)
                } else {
                    skip { !isSeparator($0) }
                    result.append((name, String(c[value..<i])))
                }
            }
        }
    }

    /// Colours every fenced block of a known language; returns the languages not known, with
    /// how many blocks use each and the line of the first.
    package func highlight(in document: MarkdownDocument) -> [String: (count: Int, line: Int)] {
        // Colouring switched off: no language is known or unknown, so none is warned about.
        guard enabled else { return [:] }
        var unknown: [String: (count: Int, line: Int)] = [:]
        for block in document.allNodes() where block.kind == .codeBlock {
            let fence = Fence(block.fenceInfo)
            guard let name = fence.language else { continue }  // no language: plain, as written
            guard let language = Language.named(name) else {
                let seen = unknown[name.lowercased()]
                unknown[name.lowercased()] = ((seen?.count ?? 0) + 1, seen?.line ?? block.startLine)
                continue
            }
            let lines = block.startLine...max(block.startLine, block.endLine)
            let html = render(block.literal, language: language, name: name, fence: fence)
            if let replacement = block.replace(withHTML: html, inline: false) { document.setLineRange(lines, of: replacement) }
        }
        return unknown
    }

    private func render(_ code: String, language: Language, name: String, fence: Fence) -> String {
        // cmark keeps the last line break of a block's text, and the lexers must see it: the
        // last line is a line like the others (a shell comment is `#.*\n`, as in Pygments).
        let text = code.hasSuffix("\n") ? code : code + "\n"
        let open = "<div class=\"highlight\"><pre><code class=\"language-\(escapeHTML(name))\">"
        guard fence.lineNumbers ?? lineNumbers || !fence.marked.isEmpty else {
            return open + Highlighter.html(text, language: language) + "</code></pre></div>\n"
        }
        let numbered = fence.lineNumbers ?? lineNumbers
        var html = open.replacingOccurrences(of: "<pre>", with: numbered ? "<pre class=\"numbered\" style=\"counter-reset: line \(fence.firstLine - 1)\">" : "<pre>")
        // The lines are the text before each line break: none after the last.
        for (i, line) in Highlighter.htmlLines(text, language: language).dropLast().enumerated() {
            let marked = fence.marked.contains(i + 1)
            // The line break between lines, not inside them: a `pre` breaks only there.
            html += "<span class=\"line\(marked ? " hl" : "")\">" + line + "</span>\n"
        }
        return html + "</code></pre></div>\n"
    }
}

/// A language no lexer knows is said once a build, not once a block: one warning per
/// language, at its first block, with how many blocks and posts use it.
package enum UnknownLanguages {
    private static let marker = "code in unknown language '"

    package static func warning(_ language: String, blocks: Int, file: String, line: Int) -> Diagnostic {
        .warning(file, line: line, marker + language + "' is left uncoloured (\(blocks) block\(blocks == 1 ? "" : "s"))")
    }

    /// The problems with those of each unknown language merged into one.
    package static func merged(_ problems: [Diagnostic]) -> [Diagnostic] {
        var byLanguage: [String: (first: Diagnostic, blocks: Int, posts: Set<String>)] = [:]
        var others: [Diagnostic] = []
        for problem in problems.sortedByLocation {
            guard problem.message.hasPrefix(marker), let close = problem.message.dropFirst(marker.count).firstIndex(of: "'"),
                let open = problem.message.lastIndex(of: "("), let blocks = Int(problem.message[problem.message.index(after: open)...].prefix { $0.isNumber })
            else {
                others.append(problem)
                continue
            }
            let language = String(problem.message[problem.message.index(problem.message.startIndex, offsetBy: marker.count)..<close])
            let seen = byLanguage[language]
            byLanguage[language] = (seen?.first ?? problem, (seen?.blocks ?? 0) + blocks, (seen?.posts ?? []).union([problem.location.file]))
        }
        for (language, use) in byLanguage.sorted(by: { $0.key < $1.key }) {
            var first = use.first
            first.message = marker + language + "' is left uncoloured: \(use.blocks) block\(use.blocks == 1 ? "" : "s") in \(use.posts.count) post\(use.posts.count == 1 ? "" : "s"), the first here"
            others.append(first)
        }
        return others
    }
}
