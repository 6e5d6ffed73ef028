import BlogCore

/// The words the theme puts around the writer's: "Archives", "11 min read", dates and
/// numbers, in the blog's `language:`. Built-in tables (`InterfaceTables.swift`) for the
/// languages blogs are most written in; the site's `i18n/<language>.yaml` overrides any
/// string (`Config.interfaceStrings`). A string is found in the site's file, then in the
/// language's table, then in English's.
package struct Interface: Sendable, Equatable {
    /// The table the language falls back on (`zh-CN` for `zh`, `zh-Hans`, `zh-SG`…), or nil
    /// when there is none.
    package let table: String?
    private let strings: [String: String]

    package init(config: Config) {
        table = InterfaceTables.table(for: config.language)
        let english = InterfaceTables.all["en"]!
        var strings = english.merging(table.flatMap { InterfaceTables.all[$0] } ?? [:]) { $1 }
        strings.merge(config.interfaceStrings) { $1 }
        self.strings = strings
    }

    /// The strings templates show as they are (`{{i18n.archives}}`); those with a count or a
    /// date in them come made (`reading_time`, `words_text`, `date`…).
    package var templateStrings: [String: String] { strings.filter { InterfaceTables.templateKeys.contains($0.key) } }

    package subscript(_ key: String) -> String { strings[key] ?? key }

    /// A string with `{count}` in it, in the plural form the count takes in the language:
    /// `reading_time` → `1 min read`, `11 min read`, `阅读约 11 分钟`.
    package func count(_ key: String, _ n: Int, _ values: [String: String] = [:]) -> String {
        let form = pluralOne(n) ? strings[key + ".one"] ?? self[key] : self[key]
        var values = values
        values["count"] = number(n)
        return Self.fill(form, values)
    }

    /// A string with named values in it: `{year}`, `{previous}`.
    package func text(_ key: String, _ values: [String: String]) -> String { Self.fill(self[key], values) }

    /// `form` with each `{name}` of `values` replaced by its value, in one pass (a value is
    /// never read for names); a brace that names none stays. Every page has dates and counts:
    /// Foundation's `replacingOccurrences`, once per name, was a hundredth of a build.
    static func fill(_ form: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = form[...]
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            out += rest[..<open]
            let name = rest[rest.utf8.index(after: open)...]
            if let close = name.utf8.firstIndex(of: UInt8(ascii: "}")), let value = values[String(name[..<close])] {
                out += value
                rest = name[name.utf8.index(after: close)...]
            } else {
                out += "{"
                rest = name
            }
        }
        out += rest
        return out
    }

    /// CLDR's "one" category for the built-in languages: 1 in English, German and Spanish;
    /// 0 and 1 in French; none in Chinese, Japanese and Korean (one form for every count).
    private func pluralOne(_ n: Int) -> Bool {
        switch table {
        case "fr": n == 0 || n == 1
        case "zh-CN", "zh-TW", "ja", "ko": false
        default: n == 1
        }
    }

    /// 12345 with the language's grouping: `12,345`, `12.345` (German, Spanish),
    /// `12 345` (French, a narrow no-break space). A minus is a real minus sign.
    package func number(_ n: Int) -> String {
        let separator = self["number.group"]
        let digits = String(n.magnitude)
        var result = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result += separator }
            result.append(digit)
        }
        return (n < 0 ? "−" : "") + result
    }

    /// A day as the language writes it: `2016-12-31`, `2016年12月31日`, `31.12.2016`.
    package func date(_ date: PostDate) -> String {
        let t = date.local
        return text("date", ["yyyy": pad(t.year, 4), "mm": pad(t.month), "dd": pad(t.day), "m": String(t.month), "d": String(t.day)])
    }

    /// A month's short name: `Jan`, `1月`, `1월`, `janv.`.
    package func month(_ month: Int) -> String {
        let names = self["months"].split(separator: " ").map(String.init)
        return names.count == 12 ? names[month - 1] : String(month)
    }

    /// Words (CJK characters) a reader reads in a minute, in this language.
    package var readingRate: Int { Int(self["reading.per_minute"]) ?? 250 }

    package func readingMinutes(words: Int) -> Int { WordCounter.readingMinutes(words: words, perMinute: readingRate) }
}
