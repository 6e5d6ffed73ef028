import Foundation
import Testing

@testable import BlogPipeline

/// The tokenizer of the search index, and its twin in the search page's script.
@Suite struct SearchTokenizerTests {
    static func indexed(_ text: String) -> [String] {
        var terms: [String] = []
        SearchTokenizer.index(text) { term, _ in terms.append(term) }
        return terms
    }

    /// The query's terms without exact forms.
    static func stems(_ text: String) -> [String] {
        SearchTokenizer.query(text).filter { !$0.hasPrefix("=") }
    }

    @Test func chineseIsCharactersAndOverlappingBigrams() {
        #expect(Self.indexed("缓存策略") == ["缓", "缓存", "存", "存策", "策", "策略", "略"])
        #expect(SearchTokenizer.query("缓存策略") == ["缓存", "存策", "策略"])
        // One character is looked up alone, which the index holds for it.
        #expect(SearchTokenizer.query("缓") == ["缓"])
    }

    @Test func mixedChineseJapaneseKoreanAndEnglish() {
        #expect(SearchTokenizer.query("用Swift写博客") == ["用", "swift", "写博", "博客"])
        #expect(SearchTokenizer.query("キャッシュの設定") == ["キャ", "ャッ", "ッシ", "シュ", "ュの", "の設", "設定"])
        #expect(SearchTokenizer.query("캐시 정책을 바꾸다") == ["캐시", "정책", "책을", "바꾸", "꾸다"])
        #expect(SearchTokenizer.query("Rust と Go の比較, 성능 test") == ["rust", "と", "go", "の比", "比較", "성능", "test"])
    }

    @Test func latinWordsAreFoldedAndLightlyStemmed() {
        // A final e goes too, so that `based` and `base` meet.
        #expect(Self.stems("Café CAFÉ cafe") == ["caf"])
        #expect(Self.stems("based base bases basing") == ["bas"])
        #expect(Self.stems("caches cached caching cache") == ["cach"])
        #expect(Self.stems("running runs run") == ["run"])
        #expect(Self.stems("queries query") == ["query"])
        #expect(Self.stems("Straße naïve Ångström") == ["straße", "naiv", "angstrom"])
        // Not stemmed: short words, digits, other scripts.
        #expect(Self.stems("bus is 2016s дома") == ["bus", "is", "2016s", "дома"])
        #expect(Self.stems("ΟΔΟΣ οδος") == ["οδοσ"])
    }

    /// A stemmed word is also looked up as itself, so that the post with the very word
    /// ranks first among its kin (`slowed` among posts about `slow`).
    @Test func aStemmedWordKeepsItsExactForm() {
        #expect(SearchTokenizer.query("slowed cache") == ["slow", "=slowed", "cach", "=cache"])
        #expect(Self.indexed("slowed") == ["slow", "=slowed"])
        #expect(SearchTokenizer.query("slow") == ["slow"])
    }

    @Test func fullWidthFormsAreTheirPlainLetters() {
        #expect(SearchTokenizer.query("Ｓｗｉｆｔ　６") == ["swift", "6"])
        #expect(SearchTokenizer.query("ｷｬｯｼｭ") == SearchTokenizer.query("キャッシュ"))
    }

    @Test func emojiAndPunctuationSeparateAndAreNotTerms() {
        #expect(SearchTokenizer.query("😀🎉👍🏽") == [])
        #expect(SearchTokenizer.query("!!!，。？、——…「」") == [])
        #expect(SearchTokenizer.query("性能😀优化") == ["性能", "优化"])
        #expect(Self.stems("node.js/npm—fast") == ["nod", "js", "npm", "fast"])
        #expect(Self.indexed("好，的") == ["好", "的"])
    }

    @Test func positionsCountWordsAndCharacters() {
        var seen: [(String, Int)] = []
        let end = SearchTokenizer.index("go 性能", start: 10) { seen.append(($0, $1)) }
        #expect(seen.map(\.0) == ["go", "性", "性能", "能"])
        #expect(seen.map(\.1) == [10, 11, 11, 12])
        #expect(end == 13)
    }

    @Test func aHugeWordIsCutAndAQueryHasAtMostItsLimit() {
        let word = String(repeating: "a", count: 1_000_000)
        #expect(SearchTokenizer.query(word) == [String(repeating: "a", count: SearchTokenizer.maxWordLength)])
        let long = (0..<10_000).map { "w\($0)" }.joined(separator: " ")
        #expect(SearchTokenizer.query(long).count == 24)
        #expect(SearchTokenizer.query(String(repeating: "!?", count: 5_000)) == [])
        // Letters of four UTF-8 bytes with marks between them: the longest a word's bytes
        // get before it is cut (80 scalars), folded to ASCII by NFKC.
        let wide = String(repeating: "𝐀\u{301}", count: 10_000)
        #expect(SearchTokenizer.query(wide) == [String(repeating: "a", count: SearchTokenizer.maxWordLength)])
        #expect(Self.indexed(String(repeating: "A", count: 500) + "ing") == [String(repeating: "a", count: SearchTokenizer.maxWordLength)])
    }

    /// Strings that exercise every rule, for both tokenizers.
    static let samples = [
        "用Swift写博客", "缓存策略", "缓", "キャッシュの設定", "캐시 정책을 바꾸다", "Café CAFÉ Straße naïve",
        "caches cached caching running queries buses status", "Ｓｗｉｆｔ　６ ｷｬｯｼｭ", "性能😀优化 👍🏽 !!!，。",
        "node.js/npm—fast don't", "Ångström ﬁle ① ㎏ ½", "e\u{301}cole", "々〇 ー ・", "x" + String(repeating: "y", count: 100),
        "Rust と Go の比較, 성능 test", "ΟΔΟΣ Σίσυφος", "2016年12月31日", "İstanbul ǅ",
    ]

    /// The script the search page runs must look up the terms the build indexed: it is run
    /// by node on the same strings (`scripts/install-deps --oracles` installs node).
    @Test func theScriptTokenizesAsTheBuildDoes() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../themes/default/assets/search.js").standardizedFileURL.path
        let input = try JSONSerialization.data(withJSONObject: Self.samples)
        let program = """
            const s = require(\(String(decoding: try JSONSerialization.data(withJSONObject: [script], options: .fragmentsAllowed), as: UTF8.self))[0]);
            const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            console.log(JSON.stringify(input.map(t => ({terms: s.tokenize(t), hashes: s.tokenize(t).map(s.hash)}))));
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "-e", program]
        let (stdin, stdout) = (Pipe(), Pipe())
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "node is needed (scripts/install-deps --oracles)")
        let results = try #require(try JSONSerialization.jsonObject(with: output) as? [[String: [Any]]])
        for (sample, result) in zip(Self.samples, results) {
            let terms = SearchTokenizer.query(sample)
            #expect(result["terms"] as? [String] == terms, "\(sample)")
            #expect((result["hashes"] as? [NSNumber])?.map(\.uint32Value) == terms.map(SearchIndex.fnv1a), "\(sample)")
        }
    }
}
