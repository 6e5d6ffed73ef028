/// Expands `:name` tokens of a URL pattern (`/:year/:month/:slug/`): each name made of
/// letters and `_` that `value` knows is replaced; any other `:` is kept as written. By hand,
/// without Foundation's string search: a build runs it for every post.
package func expandTokens(_ pattern: String, value: (Substring) -> String?) -> String {
    var expanded = ""
    var rest = Substring(pattern)
    while let colon = rest.firstIndex(of: ":") {
        expanded += rest[..<colon]
        let name = rest[rest.index(after: colon)...].prefix { $0.isLetter || $0 == "_" }
        if let replacement = value(name) {
            expanded += replacement
            rest = rest[name.endIndex...]
        } else {
            expanded += ":"
            rest = rest[rest.index(after: colon)...]
        }
    }
    return expanded + rest
}
