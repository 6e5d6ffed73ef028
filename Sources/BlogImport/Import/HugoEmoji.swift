import BlogCore

/// Hugo's `enableEmoji: true`: `:rocket:` in a post showed as 🚀. Done at import, as Hugo did
/// it, on the post's text before Markdown, code included (Hugo's own `Emojify` replaces
/// codes in code too): each `:name:` without a space inside whose name GitHub's table
/// knows. One that looks like a code but is not in the table stays as written and is
/// reported at its line, outside code, where `10:30:00` or `a:hover:` are not taken for one.
enum HugoEmoji {
    static func replace(_ body: String, file: String, firstLine: Int, report: inout ImportReport) -> String {
        guard body.contains(":") else { return body }
        let table = GitHubEmoji.byAlias
        let code = FencedCode.ranges(in: body)
        let bytes = Array(body.utf8)
        var lines = LineCounter(bytes: bytes, firstLine: firstLine)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        var i = 0
        let colon = UInt8(ascii: ":")
        while i < bytes.count {
            guard bytes[i] == colon else {
                i += 1
                continue
            }
            // The next colon on the line, with no space before it.
            var end = i + 1
            while end < bytes.count, end - i <= 64, bytes[end] != colon, bytes[end] != 32, bytes[end] != 10, bytes[end] != 9 { end += 1 }
            guard end < bytes.count, bytes[end] == colon, end > i + 1 else {
                i = end < bytes.count && bytes[end] == colon ? end : i + 1
                continue
            }
            let name = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
            if let emoji = table[name] {
                out += bytes[cursor..<i]
                out += Array(emoji.utf8)
                cursor = end + 1
                i = end + 1
                report.count("Hugo enableEmoji: :code: → the emoji")
                continue
            }
            if looksLikeCode(name), isWordEdge(bytes, before: i), isWordEdge(bytes, after: end),
                !code.contains(where: { $0.contains(i) }), !inInlineCode(bytes, at: i)
            {
                report.notConverted.append(
                    .warning(file, line: lines.line(at: i), "':\(name):' is not an emoji code GitHub's table knows (Hugo's enableEmoji left it as text too); it is left as written"))
            }
            // The closing colon may open the next code (`:a::b:` is two).
            i = end
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }

    /// `smile`, `+1`, `man_technologist`: lower-case letters, digits, `_`, `+`, `-`, with a letter.
    private static func looksLikeCode(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_+-".unicodeScalars.contains($0) }
            && name.unicodeScalars.contains { ("a"..."z").contains($0) }
    }

    private static func isWordEdge(_ bytes: [UInt8], before index: Int) -> Bool {
        index == 0 || !isWordByte(bytes[index - 1])
    }

    private static func isWordEdge(_ bytes: [UInt8], after index: Int) -> Bool {
        index + 1 >= bytes.count || !isWordByte(bytes[index + 1])
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ":")
    }

    /// Inside a backtick span of its line: an odd number of backticks before it on the line.
    private static func inInlineCode(_ bytes: [UInt8], at index: Int) -> Bool {
        var start = index
        while start > 0, bytes[start - 1] != 10 { start -= 1 }
        return bytes[start..<index].filter { $0 == UInt8(ascii: "`") }.count % 2 == 1
    }
}
