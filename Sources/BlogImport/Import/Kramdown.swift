import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// kramdown's attribute lists, which Jekyll sites write and CommonMark shows as text:
/// `{:toc}` (with the list item before it), `{:.no_toc}`, `{: #id}`, `{::options … /}`, and
/// `{:.class}` after a block. An id given to a heading is kept as `{#id}`, which `blog` reads,
/// so that links to it still work; the rest is removed.
enum Kramdown {
    static func convert(_ body: String, report: inout ImportReport) -> String {
        guard body.contains("{:") else { return body }
        let code = FencedCode.ranges(in: body)
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var pendingID: String?
        var offset = 0
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let lineStart = offset
            offset += line.utf8.count + 1
            if code.contains(where: { $0.contains(lineStart) }) {
                i += 1
                continue
            }
            let content = trimmed(line)
            if let list = attributeList(content), content.hasPrefix(list), content.count == list.count {
                if list.contains("toc") && !list.contains("no_toc"), i > 0, isTOCItem(lines[i - 1]) {
                    lines[i - 1] = ""
                    report.count("kramdown {:toc} → removed (the theme shows a table of contents)")
                } else if let id = id(in: list) {
                    pendingID = id
                    report.count("kramdown {: #id} → {#id} on the heading")
                } else {
                    report.count("kramdown {: .class} and {::options} → removed")
                }
                lines[i] = ""
                i += 1
                continue
            }
            // A trailing list: `text {:.class}`, `{% endblockdiag %}{:.diag1}`.
            if content.hasSuffix("}"), let open = line.range(of: "{:", options: .backwards),
                let list = attributeList(String(line[open.lowerBound...]))
            {
                lines[i] = String(line[..<open.lowerBound])
                if let id = id(in: list), isHeading(lines[i]) {
                    lines[i] = trimmedEnd(lines[i]) + " {#\(id)}"
                    report.count("kramdown {: #id} → {#id} on the heading")
                } else {
                    report.count("kramdown {: .class} and {::options} → removed")
                }
            }
            if let id = pendingID, !content.isEmpty {
                if isHeading(lines[i]) && !lines[i].contains("{#") { lines[i] = trimmedEnd(lines[i]) + " {#\(id)}" }
                pendingID = nil
            }
            i += 1
        }
        return lines.joined(separator: "\n")
    }

    /// `{: … }` or `{::options … /}` when the text is one (not `{:08x}` of a format string).
    private static func attributeList(_ text: String) -> String? {
        guard text.hasPrefix("{:"), let close = text.firstIndex(of: "}") else { return nil }
        let list = String(text[...close])
        let inner = trimmed(String(list.dropFirst(2).dropLast()))
        if inner.hasPrefix(":") { return list }  // {::options …/}
        guard let first = inner.first, first == "." || first == "#" || first.isLetter else { return nil }
        return list
    }

    private static func id(in list: String) -> String? {
        guard let hash = list.firstIndex(of: "#") else { return nil }
        let id = list[list.index(after: hash)...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return id.isEmpty ? nil : String(id)
    }

    private static func isHeading(_ line: String) -> Bool { trimmed(line).hasPrefix("#") }

    private static func isTOCItem(_ line: String) -> Bool {
        let words = trimmed(line).split(separator: " ")
        return words.count == 2 && ["*", "-", "+", "1."].contains(words[0]) && words[1].uppercased() == "TOC"
    }

    private static func trimmedEnd(_ line: String) -> String {
        var l = Substring(line)
        while let last = l.last, last == " " || last == "\t" { l = l.dropLast() }
        return String(l)
    }
}
