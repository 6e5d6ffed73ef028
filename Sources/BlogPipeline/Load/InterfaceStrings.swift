import Yams
import BlogCore

/// The site's own interface strings, `i18n/<language>.yaml` (as Hugo keeps them): any key of
/// the default theme's tables (`InterfaceTables`), a string, or for a count its `one` and
/// `other` forms (`words: {one: "{count} word", other: "{count} words"}`).
package enum InterfaceStrings {
    package static func file(language: String) -> String { "i18n/\(language).yaml" }

    /// The strings of the file's text, flattened as the tables hold them (`words.one`).
    package static func parse(_ text: String, file: String) -> ([String: String], [Diagnostic]) {
        let fields: YAMLFields
        switch YAMLFields.parse(text, file: file, firstLine: 1) {
        case .success(let parsed): fields = parsed
        case .failure(let problem): return ([:], [problem])
        }
        let known = InterfaceTables.english
        var strings: [String: String] = [:]
        var problems: [Diagnostic] = []
        for field in fields.fields {
            guard known[field.key] != nil else {
                problems.append(.warning(file, line: field.line, "unknown interface string '\(field.key)' is ignored"))
                continue
            }
            if let text = field.node.string {
                strings[field.key] = text
            } else if let forms = field.node.mapping, let other = forms["other"]?.string {
                strings[field.key] = other
                if let one = forms["one"]?.string { strings[field.key + ".one"] = one }
            } else {
                problems.append(.error(file, line: field.line, "\(field.key) must be a string, or a mapping such as '{one: \"{count} word\", other: \"{count} words\"}'"))
            }
        }
        return (strings, problems)
    }

    /// What the site is told about its language: nothing when a built-in table or the site's
    /// file has every string; otherwise one warning naming what falls back on English.
    package static func coverage(language: String, table: String?, site: [String: String]?, file: String) -> Diagnostic? {
        guard table == nil else { return nil }
        guard let site else {
            return .warning(ConfigParser.fileName, "no interface strings for language '\(language)': the theme speaks English (translate it in \(file))")
        }
        let missing = InterfaceTables.english.keys.filter { !$0.hasSuffix(".one") && site[$0] == nil }.sorted()
        guard !missing.isEmpty else { return nil }
        return .warning(file, line: 1, "\(missing.count) interface string\(missing.count == 1 ? "" : "s") missing, shown in English: \(missing.prefix(8).joined(separator: ", "))\(missing.count > 8 ? ", …" : "")")
    }
}
