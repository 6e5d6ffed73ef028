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

// Every lexer on every unclosed construct (`HostileInputs`), in every shape: 1 MB of each must
// take under 100 ms. Each is timed at 64 KB and 256 KB; a quadratic lexer shows as growth
// well over 4 for 4 times the input. The 20 slowest, and any growing faster than linear or on
// course for over 100 ms, are then timed at 1 MB (best of 3). `HOSTILE_LANGUAGES=ruby,hcl`
// tries only those; `HOSTILE_ALL=1` tries every opener of `HostileInputs.openers` in every
// lexer, not only its language's own (a few minutes a language).
print("\nunclosed constructs | ms for 1 MB (best of 3) | growth from 64 KB to 256 KB (4 = linear)")
let languages = Set(Language.byAliasNames.map { Language.named($0)!.name }).sorted()
let only = ProcessInfo.processInfo.environment["HOSTILE_LANGUAGES"].map { Set($0.split(separator: ",").map(String.init)) }
var results: [(language: Language, opener: String, shape: HostileInputs.Shape, projected: Double, growth: Double)] = []
for name in languages where only?.contains(name) ?? true {
    let language = Language.named(name)!
    // `HOSTILE_ALL=1`: every opener of every language in every lexer (long); else its own.
    let openers = ProcessInfo.processInfo.environment["HOSTILE_ALL"] == "1" ? HostileInputs.openers : HostileInputs.unclosed[name] ?? []
    for opener in openers {
        for shape in HostileInputs.Shape.allCases {
            let small = seconds { _ = Highlighter.html(HostileInputs.input(opener, shape, size: 64_000), language: language) }
            let big = seconds { _ = Highlighter.html(HostileInputs.input(opener, shape, size: 256_000), language: language) }
            results.append((language, opener, shape, big * 4, big / max(small, 1e-6)))
        }
    }
}
let suspect = results.filter { $0.projected > 0.05 || ($0.growth > 8 && $0.projected > 0.004) }
let slowest = results.sorted { $0.projected > $1.projected }.prefix(20)
var over = 0
for result in slowest + suspect.filter({ s in !slowest.contains { $0.opener == s.opener && $0.shape == s.shape && $0.language.name == s.language.name } }) {
    let code = HostileInputs.input(result.opener, result.shape, size: 1_000_000)
    let ms = (0..<3).map { _ in seconds { _ = Highlighter.html(code, language: result.language) } }.min()! * 1000
    if ms > 100 { over += 1 }
    print(String(format: "%@: %@ %@ | %.1f | %.1f", result.language.name, result.opener.debugDescription, result.shape.rawValue, ms, result.growth))
}
print("\(results.count) inputs; \(suspect.count) suspect, \(over) over 100 ms for 1 MB")
