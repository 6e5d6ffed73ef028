import CCmark
import Foundation
import Highlight
import TestSupport
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

/// Code coloured at build time: the text never changes, bad input ends, and Pygments agrees.
@Suite struct HighlightTests {
    /// Every fenced block of the real blogs and the example site: its language and code.
    static let corpusBlocks: [(String, String)] = SharedFixtures.posts.flatMap { _, markdown in
        let document = MarkdownDocument(markdown, safe: false)
        return document.allNodes().filter { $0.type == CMARK_NODE_CODE_BLOCK }.compactMap { node -> (String, String)? in
            let info = cmark_node_get_fence_info(node.pointer).map { String(cString: $0) } ?? ""
            return CodeBlocks.Fence(info).language.map { ($0.lowercased(), node.literal) }
        }
    }

    /// The HTML with its tags removed and its entities read: the code, if nothing was lost.
    /// By bytes: a combining mark after a tag's `>` makes one Character of the two.
    static func text(of html: String) -> String {
        var bytes: [UInt8] = []
        var inTag = false
        for byte in html.utf8 {
            if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") && inTag { inTag = false } else if !inTag { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func theTextNeverChanges() throws {
        #expect(Self.corpusBlocks.count > 500, "the corpora are not in ../shared/corpora")
        var random = SeededRandom(seed: 2026)
        let alphabet = Array("abc xyz 0123 \"'`$#@/\\*-+=<>&;:{}[]()\t\r\n中文é🍄\u{301}!?.,|%^~_")
        var samples = Self.corpusBlocks
        for _ in 0..<2000 {
            let code = String((0..<Int.random(in: 0..<400, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            samples.append((Language.byAliasNames.randomElement(using: &random)!, code))
        }
        for (name, code) in samples {
            guard let language = Language.named(name) else { continue }
            let back = Self.text(of: Highlighter.html(code, language: language))
            #expect(Array(back.utf8) == Array(code.utf8), "\(name): \(Array(code.utf8).prefix(120))")
            #expect(Highlighter.htmlLines(code, language: language).map(Self.text).joined(separator: "\n") == code, "\(name) by line")
        }
    }

    /// Input made to make a lexer stall, run twice over or search to the end again and again:
    /// every language on each construct it may leave open (`HostileInputs.unclosed`), opened
    /// once before many lines and again on every line. The text comes back whole, and the time
    /// grows with the input, no faster: a lexer that searches from each opener to the end takes
    /// 16 times as long for 4 times the input (Ruby's `=begin` and HCL's `<<EOF` did: 20 s for
    /// a megabyte). `bench/highlight.sh` times a megabyte of each, in every shape, on a release
    /// build: under 100 ms.
    @Test(arguments: HostileInputs.unclosed.keys.sorted())
    func badInputEnds(language name: String) throws {
        let language = try #require(Language.named(name))
        if Self.nesting.contains(name) {
            let inputs = [
                "\"" + String(repeating: "a", count: 1_000_000),  // a 1 MB string never closed
                "/*" + String(repeating: "x ", count: 200_000), "'''" + String(repeating: "y", count: 200_000),
                String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000),
                "cat <<EOF\n" + String(repeating: "line\n", count: 50_000),
                String(repeating: "<a b=\"", count: 50_000), String(repeating: "$$$${{{", count: 50_000),
            ]
            for input in inputs {
                #expect(Self.text(of: Highlighter.html(input, language: language)) == input)
            }
        }
        for opener in HostileInputs.unclosed[name] ?? [] {
            for shape in HostileInputs.Shape.allCases {
                let small = HostileInputs.input(opener, shape, size: 16_000), big = HostileInputs.input(opener, shape, size: 64_000)
                var html = ""
                func seconds(_ code: String) -> Double {
                    let time = ContinuousClock().measure { html = Highlighter.html(code, language: language) }
                    return Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
                }
                var (short, long) = (seconds(small), seconds(big))
                #expect(Self.text(of: html) == big, "\(name): \(opener.debugDescription) \(shape.rawValue)")
                if long > 0.02 && long > 8 * short || long > Self.budget {
                    // Timed again, best of three: a busy machine is not a slow lexer.
                    short = min(short, seconds(small), seconds(small))
                    long = min(long, seconds(big), seconds(big))
                }
                // Under 20 ms, too short to tell growth from noise; and far from any budget.
                #expect(long <= 0.02 || long <= 8 * short, "\(name): \(opener.debugDescription) \(shape.rawValue): \(short) s for 16 KB, \(long) s for 64 KB")
                #expect(long <= Self.budget, "\(name): \(opener.debugDescription) \(shape.rawValue): \(long) s for 64 KB")
            }
        }
    }

    /// The languages also given the inputs made for nesting and escapes.
    static let nesting: Set<String> = ["python", "bash", "c", "javascript", "yaml", "json", "sql", "xml", "console", "diff", "toml", "go"]

    /// 64 KB of any input, at most: 1 MB in under 100 ms on a release build is 6 ms for 64 KB;
    /// a debug build (the tests') is up to 20 times slower, and the whole suite running beside
    /// it on two cores made a linear lexer take 0.29 s. The quadratic lexers this catches took
    /// 5 to 27 s; their growth is caught by the 16 KB / 64 KB ratio.
    static let budget = 1.0

    /// Per character, Pygments' coarse category (keyword, string, comment, number, …) against
    /// ours, over the corpora's blocks and samples: where either says keyword, string, comment
    /// or number, they agree on at least 90 % of the characters, language by language.
    @Test func pygmentsAgrees() throws {
        let python = try #require(
            ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }, "python3 is missing")
        var blocks = Self.corpusBlocks.filter { Language.named($0.0) != nil }
        blocks += try Self.samples()
        let script = SharedFixtures.repository.appendingPathComponent("Tests/BlogKitTests/Oracles/pygments_categories.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let json = try JSONSerialization.data(withJSONObject: blocks.map { [Language.named($0.0)!.pygmentsName, $0.1] })
        let writer = Thread { input.fileHandleForWriting.write(json); try? input.fileHandleForWriting.close() }
        writer.start()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pygments is missing (pip install pygments, or apt-get install python3-pygments)")
        var agreed: [String: (same: Int, total: Int)] = [:]
        for (i, (name, code)) in blocks.enumerated() where i < lines.count && lines[i] != "?" {
            let language = Language.named(name)!
            let ours = Self.categories(code, language: language)
            let theirs = Array(lines[i].utf8)
            guard ours.count == theirs.count else { continue }
            let marked = Set("kscm".utf8)
            if let debug = ProcessInfo.processInfo.environment["BLOG_HL_DEBUG"], debug == language.name,
                zip(ours, theirs).contains(where: { ($0 != $1) && (marked.contains($0) || marked.contains($1)) })
            {
                print("CODE\n\(code)\nOURS   \(String(decoding: ours, as: UTF8.self))\nTHEIRS \(lines[i])")
            }
            for (a, b) in zip(ours, theirs) where marked.contains(a) || marked.contains(b) {
                agreed[language.name, default: (0, 0)].total += 1
                if a == b { agreed[language.name, default: (0, 0)].same += 1 }
            }
        }
        for (language, counts) in agreed.sorted(by: { $0.key < $1.key }) {
            let share = Double(counts.same) / Double(max(counts.total, 1))
            print(String(format: "PYGMENTS %@ %.1f %% of %d characters", language, share * 100, counts.total))
            #expect(share >= Self.belowGoal[language] ?? 0.90, "\(language): \(share)")
        }
    }

    /// Real code, a file per language (`Oracles/golden/<language>.<ext>`), against Pygments'
    /// categories stored beside it (`tools/regen-golden.py` makes them; no Python needed here):
    /// both figures, where either says keyword, string, comment or number, and over every
    /// character. `BLOG_HL_DEBUG=<language>` prints the lines that differ.
    @Test func goldenFilesAgree() throws {
        let folder = SharedFixtures.repository.appendingPathComponent("Tests/BlogKitTests/Oracles/golden")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".pygments") && !$0.hasSuffix(".md") }.sorted()
        #expect(files.count >= 15)
        var total = (marked: 0, markedSame: 0, all: 0, allSame: 0)
        for file in files {
            let name = String(file.prefix { $0 != "." })
            let language = try #require(Language.named(name), "\(file): no language '\(name)'")
            let code = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let theirs = Array(try String(contentsOf: folder.appendingPathComponent(file + ".pygments"), encoding: .utf8).utf8)
            let ours = Self.categories(code, language: language)
            try #require(ours.count == theirs.count, "\(file): run tools/regen-golden.py")
            let bytes = Array(code.utf8)
            let marked = Set("kscm".utf8)
            var counts = (marked: 0, markedSame: 0, all: 0, allSame: 0)
            for i in ours.indices where bytes[i] != 10 {
                counts.all += 1
                if ours[i] == theirs[i] { counts.allSame += 1 }
                if marked.contains(ours[i]) || marked.contains(theirs[i]) {
                    counts.marked += 1
                    if ours[i] == theirs[i] { counts.markedSame += 1 }
                }
            }
            if ProcessInfo.processInfo.environment["BLOG_HL_DEBUG"] == name {
                var start = 0
                for (n, line) in code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let end = start + line.utf8.count
                    if ours[start..<end] != theirs[start..<end] {
                        print("\(file):\(n + 1)\n  \(line)\n  \(String(decoding: ours[start..<end], as: UTF8.self))\n  \(String(decoding: theirs[start..<end], as: UTF8.self))")
                    }
                    start = end + 1
                }
            }
            let first = Double(counts.markedSame) / Double(max(counts.marked, 1)), second = Double(counts.allSame) / Double(max(counts.all, 1))
            print(String(format: "GOLDEN %@ %.1f %% of %d (keyword, string, comment, number), %.1f %% of %d characters, %d lines", name, first * 100, counts.marked, second * 100, counts.all, bytes.filter { $0 == 10 }.count))
            // A diff has no keywords, strings, comments or numbers: only the second figure.
            #expect(counts.marked == 0 || first >= Self.goldenGoal[name] ?? 0.95, "\(name): \(first)")
            #expect(second >= 0.95, "\(name): \(second) of all characters")
            total = (total.marked + counts.marked, total.markedSame + counts.markedSame, total.all + counts.all, total.allSame + counts.allSame)
        }
        print(String(format: "GOLDEN all %.1f %% (keyword, string, comment, number), %.1f %% of all characters",
            Double(total.markedSame) * 100 / Double(max(total.marked, 1)), Double(total.allSame) * 100 / Double(max(total.all, 1))))
    }

    /// Golden files short of 95 % today, with the share each must keep.
    static let goldenGoal: [String: Double] = [:]

    /// Code of our own, a file per language (`Oracles/samples/go.go`), for the languages the
    /// real blogs use little or not at all: named by the file's base name.
    static func samples() throws -> [(String, String)] {
        let folder = SharedFixtures.repository.appendingPathComponent("Tests/BlogKitTests/Oracles/samples")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { file in
            let name = String(file.prefix { $0 != "." })
            return (name, try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
        }
    }

    /// Languages short of the 90 % goal today, with the share each must keep (the README
    /// lists them; `BLOG_HL_DEBUG=<language>` prints the blocks where Pygments differs).
    static let belowGoal: [String: Double] = ["php": 0.89]

    /// One letter per byte of the code: its coarse category.
    static func categories(_ code: String, language: Language) -> [UInt8] {
        var letters = [UInt8](repeating: UInt8(ascii: "x"), count: code.utf8.count)
        for token in Highlighter.tokens(code, language: language) {
            let letter: Character =
                switch token.kind?.category {
                case .keyword: "k"
                case .string: "s"
                case .comment: "c"
                case .number: "m"
                case .function: "f"
                case .builtin: "b"
                case .operator: "o"
                default: "x"
                }
            for i in token.start..<token.end { letters[i] = letter.asciiValue! }
        }
        return letters
    }
}

/// Random input that is the same in every run, so that a failure can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
}

/// Highlighted code through the whole build: markup, fence options, settings, warnings.
@Suite struct CodeBlockTests {
    func build(_ files: [String: Any]) throws -> (BuildResult, [String: String]) { try SharedFixtures.build(files) }

    static let config = "title: T\nbase_url: https://example.com/\n"

    @Test func fencesAreColouredNumberedAndMarked() throws {
        let (result, pages) = try build([
            "blog.yaml": Self.config,
            "posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\n```go {linenos=true, hl_lines=[2, \"3-4\"], linenostart=10}\nfunc main() {\n\tx := \"hi\" // c\n\ty := 42\n}\n```\n\n```\nplain <text>\n```\n",
        ])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let html = try #require(pages["2016/01/a/index.html"])
        #expect(html.contains("<div class=\"highlight\"><pre class=\"numbered\" style=\"counter-reset: line 9\"><code class=\"language-go\"><span class=\"line\"><span class=\"kd\">func</span> <span class=\"nf\">main</span>"))
        #expect(html.contains("<span class=\"line hl\">\t<span class=\"n\">x</span> <span class=\"o\">:=</span> <span class=\"s2\">&quot;hi&quot;</span> <span class=\"c1\">// c</span></span>\n"))
        #expect(html.components(separatedBy: "line hl").count == 4)
        #expect(html.contains("<pre><code>plain &lt;text&gt;\n</code></pre>"))
        // The feed carries the same markup.
        #expect(pages["feed.xml"]?.contains("&lt;span class=&quot;kd&quot;&gt;func") == true)
    }

    /// The last line of a block is lexed with its line break, like every other line: a shell
    /// comment (`#.*\n` to Pygments) on it is a comment, with line numbers or without.
    @Test(arguments: ["", " {linenos=true, hl_lines=[3]}"])
    func theLastLineIsColouredLikeTheOthers(options: String) throws {
        let (result, pages) = try build([
            "blog.yaml": Self.config,
            "posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\n```bash\(options)\nfor f in *; do\n  echo \"$f\"\ndone\n# the end\n```\n\n"
                + "```python\(options)\nx = 1\n# the end\n```\n",
        ])
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let html = try #require(pages["2016/01/a/index.html"])
        let blocks = html.components(separatedBy: "<div class=\"highlight\">").dropFirst()
        #expect(blocks.count == 2)
        for block in blocks {
            #expect(block.contains("<span class=\"c1\"># the end"), "\(block)")
            #expect(Self.text(of: block.components(separatedBy: "</code>")[0]).hasSuffix("# the end\n"), "\(block)")
        }
        #expect(blocks.first?.contains("<span class=\"k\">done</span>") == true)
        // No line is added at the end: the last line break closes the last line.
        #expect(!html.contains("\n\n</code>"))
        #expect(!html.contains("<span class=\"line\"></span>\n</code>"))
    }

    /// The HTML with its tags removed and its entities read.
    static func text(of html: String) -> String { HighlightTests.text(of: html) }

    /// Hugo's fence options, apart by commas or spaces; lines to mark counted from 1.
    @Test func theFenceOptionsReadAsHugoReadsThem() {
        let spaced = CodeBlocks.Fence("go {hl_lines=[\"2-3\"] linenos=true}")
        #expect(spaced.language == "go" && spaced.lineNumbers == true && spaced.marked == [2, 3])
        let mixed = CodeBlocks.Fence("go {.numberLines linenos = table, hl_lines = [2, \"4-5\"]  linenostart=10}")
        #expect(mixed.lineNumbers == true && mixed.marked == [2, 4, 5] && mixed.firstLine == 10)
        #expect(CodeBlocks.Fence("go {linenos=\"false\", hl_lines=\"1 3-4\"}") == {
            var fence = CodeBlocks.Fence("go")
            (fence.lineNumbers, fence.marked) = (false, [1, 3, 4])
            return fence
        }())
        // Not a line: marks nothing (`-1` was line 1).
        for wrong in ["[-1]", "[0]", "[\"3-1\"]", "[\"-2-3\"]", "[\"x\"]", "\"2-\""] {
            #expect(CodeBlocks.Fence("go {hl_lines=\(wrong)}").marked.isEmpty, "\(wrong)")
        }
    }

    /// An empty line, marked, shows: its box is given a line's height by the theme.
    @Test func anEmptyMarkedLineShows() throws {
        let (_, pages) = try build([
            "blog.yaml": Self.config,
            "posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\n```go {hl_lines=[2]}\nx := 1\n\ny := 2\n```\n",
        ])
        #expect(pages["2016/01/a/index.html"]?.contains("<span class=\"line hl\"></span>\n") == true)
        let rules = try ThemeColours.rules(ThemeColours.styleSheet())
        let empty = rules.first { $0.selector.contains(".line:empty::after") }
        #expect(empty?.declarations["content"].map { $0 != "\"\"" && $0 != "none" } == true, "no rule gives an empty line a height")
    }

    /// WCAG AA: every colour of code on the code background and on a marked line's, light and dark.
    @Test(arguments: [false, true])
    func codeColoursContrastOnMarkedLines(dark: Bool) throws {
        let css = try ThemeColours.styleSheet()
        let colours = ThemeColours.variables(css, dark: dark)
        let background = try #require(colours["--code-bg"].flatMap(ThemeColours.rgba))
        let marked = try #require(colours["--hl-line"].flatMap(ThemeColours.rgba)).over(background)
        let foregrounds = ["--code-fg", "--hl-keyword", "--hl-string", "--hl-comment", "--hl-number", "--hl-name", "--hl-builtin", "--hl-tag"]
        for name in foregrounds {
            let colour = try #require(colours[name].flatMap(ThemeColours.rgba), "\(name)")
            for (what, behind) in [("the code", background), ("a marked line", marked)] {
                let ratio = ThemeColours.contrast(colour, behind)
                #expect(ratio >= 4.5, "\(dark ? "dark" : "light"): \(name) on \(what): \(ratio)")
            }
        }
        for (fore, back) in [("--hl-inserted", "--hl-inserted-bg"), ("--hl-deleted", "--hl-deleted-bg")] {
            let colour = try #require(colours[fore].flatMap(ThemeColours.rgba)), behind = try #require(colours[back].flatMap(ThemeColours.rgba))
            #expect(ThemeColours.contrast(colour, behind.over(background)) >= 4.5, "\(fore)")
        }
    }

    @Test func anUnknownLanguageIsSaidOnceABuild() throws {
        let block = "```brainfuck\n+[>+<-]\n```\n"
        let (result, pages) = try build([
            "blog.yaml": Self.config,
            "posts/2016/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\n" + block + "\n" + block,
            "posts/2016/b.md": "---\ntitle: B\ndate: 2016-02-01\n---\nText.\n\n" + block,
        ])
        let warnings = result.diagnostics.filter { $0.message.contains("brainfuck") }.map(\.description)
        #expect(warnings == ["posts/2016/a.md:5: warning: code in unknown language 'brainfuck' is left uncoloured: 3 blocks in 2 posts, the first here"])
        #expect(pages["2016/01/a/index.html"]?.contains("<pre><code class=\"language-brainfuck\">+[&gt;+&lt;-]\n</code></pre>") == true)
    }

    @Test func theSettingsSwitchColourOffAndNumbersOn() throws {
        let post = "---\ntitle: A\ndate: 2016-01-01\n---\n```python\nx = 1\n```\n"
        let (result, off) = try build(["blog.yaml": Self.config + "highlight: {enabled: false}\n", "posts/2016/a.md": post + "\n```brainfuck\n+[>+<-]\n```\n"])
        #expect(off["2016/01/a/index.html"]?.contains("<pre><code class=\"language-python\">x = 1\n</code></pre>") == true)
        // No language is coloured, so none is unknown: nothing to say about `brainfuck`.
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let (_, numbered) = try build(["blog.yaml": Self.config + "highlight: {line_numbers: true}\n", "posts/2016/a.md": post])
        #expect(numbered["2016/01/a/index.html"]?.contains("<pre class=\"numbered\" style=\"counter-reset: line 0\">") == true)
    }
}

/// The default theme's style sheet read as far as its colours: rules, custom properties by
/// palette (light, or dark inside `@media (prefers-color-scheme: dark)`), WCAG contrast.
enum ThemeColours {
    struct RGBA {
        var r, g, b, a: Double
        /// Painted over an opaque `background`.
        func over(_ background: RGBA) -> RGBA {
            RGBA(r: r * a + background.r * (1 - a), g: g * a + background.g * (1 - a), b: b * a + background.b * (1 - a), a: 1)
        }
        var luminance: Double {
            func linear(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        }
    }

    static func styleSheet() throws -> String {
        try String(contentsOf: SharedFixtures.repository.appendingPathComponent("themes/default/assets/style.css"), encoding: .utf8)
    }

    static func contrast(_ a: RGBA, _ b: RGBA) -> Double {
        let (x, y) = (a.luminance, b.luminance)
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// `#abc`, `#aabbcc`, `rgb(…)`, `rgba(…)`; nil for anything else.
    static func rgba(_ text: String) -> RGBA? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("#") {
            var hex = Array(t.dropFirst())
            if hex.count == 3 { hex = hex.flatMap { [$0, $0] } }
            guard hex.count == 6, let v = Int(String(hex), radix: 16) else { return nil }
            return RGBA(r: Double(v >> 16 & 255) / 255, g: Double(v >> 8 & 255) / 255, b: Double(v & 255) / 255, a: 1)
        }
        guard t.hasPrefix("rgb"), let open = t.firstIndex(of: "("), let close = t.lastIndex(of: ")") else { return nil }
        let parts = t[t.index(after: open)..<close].split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" }).compactMap { Double($0) }
        guard parts.count >= 3 else { return nil }
        return RGBA(r: parts[0] / 255, g: parts[1] / 255, b: parts[2] / 255, a: parts.count > 3 ? parts[3] : 1)
    }

    /// Every rule, with the selectors of the blocks around it (`@media …`) and its declarations.
    static func rules(_ css: String) -> [(selector: String, within: [String], declarations: [String: String])] {
        let text = css.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        var rules: [(selector: String, within: [String], declarations: [String: String])] = []
        var stack: [(selector: String, declarations: [String: String])] = []
        var pending = ""
        for c in text {
            switch c {
            case "{":
                stack.append((pending.trimmingCharacters(in: .whitespacesAndNewlines), [:]))
                pending = ""
            case ";", "}":
                let declaration = pending.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                if declaration.count == 2, !stack.isEmpty { stack[stack.count - 1].declarations[declaration[0]] = declaration[1] }
                pending = ""
                if c == "}", let rule = stack.popLast() {
                    rules.append((rule.selector, stack.map(\.selector), rule.declarations))
                }
            default:
                pending.append(c)
            }
        }
        return rules
    }

    /// The custom properties of a palette: the first definition of each, as the light palette
    /// defines them, with the dark one's over them.
    static func variables(_ css: String, dark: Bool) -> [String: String] {
        var light: [String: String] = [:], darkOnes: [String: String] = [:]
        for rule in rules(css) where rule.selector == ":root" || rule.selector == ".highlight" {
            let isDark = rule.within.contains { $0.contains("prefers-color-scheme: dark") }
            for (name, value) in rule.declarations where name.hasPrefix("--") {
                if isDark { darkOnes[name] = darkOnes[name] ?? value } else { light[name] = light[name] ?? value }
            }
        }
        return dark ? light.merging(darkOnes) { $1 } : light
    }
}
