import Dispatch
import Foundation
import Highlight

// How fast the highlighter is, per language and on input made to be slow:
// `swift run -c release highlight-bench [FILE LANGUAGE]…` (bench/highlight.sh runs it).
// Code is given as files (the corpora's blocks, gathered by bench/highlight.sh); each is
// highlighted enough times to take a second, one core, and the median of five is printed.

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

var arguments = Array(CommandLine.arguments.dropFirst())
print("language | MB | MB/s (median of 5, one core)")
while arguments.count >= 2 {
    let (file, name) = (arguments.removeFirst(), arguments.removeFirst())
    guard let language = Language.named(name), let code = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
    let megabytes = Double(code.utf8.count) / 1e6
    let once = seconds { _ = Highlighter.html(code, language: language) }
    let rounds = max(1, Int(1 / max(once, 1e-6)))
    let times = (0..<5).map { _ in seconds { for _ in 0..<rounds { _ = Highlighter.html(code, language: language) } } / Double(rounds) }
    print(String(format: "%@ | %.2f | %.1f", name, megabytes, megabytes / median(times)))
}

print("\nadversarial input | ms (median of 5)")
let adversarial: [(String, String, String)] = [
    ("python", "1 MB one-line string", "\"" + String(repeating: "a", count: 1_000_000) + "\""),
    ("c", "unterminated comment, 1 MB", "/*" + String(repeating: "x ", count: 500_000)),
    ("javascript", "unterminated string, 1 MB", "'" + String(repeating: "y", count: 1_000_000)),
    ("python", "100,000 nested brackets", String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000)),
    ("bash", "here-document without an end", "cat <<EOF\n" + String(repeating: "line of text\n", count: 80_000)),
    ("yaml", "1 MB one-line value", "key: " + String(repeating: "v", count: 1_000_000)),
    ("html", "50,000 unclosed tags", String(repeating: "<a b=\"", count: 50_000)),
]
for (name, what, code) in adversarial {
    let language = Language.named(name)!
    let times = (0..<5).map { _ in seconds { _ = Highlighter.html(code, language: language) } }
    print(String(format: "%@: %@ | %.1f", name, what, median(times) * 1000))
}
