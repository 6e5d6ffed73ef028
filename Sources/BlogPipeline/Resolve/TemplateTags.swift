import BlogCore
import BlogMarkdown

/// Liquid (`{% include JB/setup %}`, `{{ site.baseurl }}`) and Hugo shortcodes
/// (`{{< figure src="a.jpg" >}}`) belong to the templates of the generator a post was written
/// for. `blog` does not run them, so left in a post they show on the page as text: each kind
/// outside code is a warning at its first line, with how often the post uses it.
package enum TemplateTags {
    /// Cheap test on the raw Markdown, so that most posts skip the walk.
    package static func mayContain(_ body: String) -> Bool {
        containsBytes(body, "{%") || containsBytes(body, "{{")
    }

    package static func warnings(in document: MarkdownDocument) -> [(line: Int, message: String)] {
        var found: [String: (count: Int, line: Int)] = [:]
        var order: [String] = []
        for node in document.allNodes() {
            let text: String
            switch node.kind {
            case .paragraph, .heading: text = visibleSource(of: node)
            case .htmlBlock: text = node.literal
            default: continue
            }
            guard text.contains("{%") || text.contains("{{") else { continue }
            for (offset, name) in tags(in: text) {
                let line = document.line(of: node) + text.utf8.prefix(offset).filter { $0 == 10 }.count
                if let seen = found[name] {
                    found[name] = (seen.count + 1, seen.line)
                } else {
                    found[name] = (1, line)
                    order.append(name)
                }
            }
        }
        return order.map { name in
            let (count, line) = found[name]!
            let times = count == 1 ? "" : " (\(count) times in this post, the first here)"
            return (line, "\(name) is shown as text\(times): blog does not run another generator's templates; write what it should make, or move the post in with 'blog import'")
        }
    }

    /// The text, raw HTML and link targets of a paragraph or heading, lines kept; code spans
    /// left out, since there a tag is what the writer shows.
    private static func visibleSource(of block: MarkdownNode) -> String {
        var text = ""
        for node in block.descendants {
            switch node.kind {
            case .text, .htmlInline: text += node.literal
            case .softBreak, .lineBreak: text += "\n"
            case .link, .image: text += " " + node.url + " "
            case .code: text += " "
            default: break
            }
        }
        return text
    }

    /// Each tag's byte offset and how the warning names it: `Liquid tag '{% include %}'`,
    /// `Liquid output '{{ site.baseurl }}'`, `Hugo shortcode '{{< figure >}}'`.
    package static func tags(in text: String) -> [(Int, String)] {
        let bytes = Array(text.utf8)
        var result: [(Int, String)] = []
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "%") || bytes[i + 1] == UInt8(ascii: "{") else {
                i += 1
                continue
            }
            let liquidTag = bytes[i + 1] == UInt8(ascii: "%")
            let shortcode = !liquidTag && i + 2 < bytes.count && (bytes[i + 2] == UInt8(ascii: "<") || bytes[i + 2] == UInt8(ascii: "%"))
            var j = i + (shortcode ? 3 : 2)
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "\n") { j += 1 }
            let closing = j < bytes.count && bytes[j] == UInt8(ascii: "/")
            let nameStart = closing ? j + 1 : j
            var k = nameStart
            while k < bytes.count, isNameByte(bytes[k]) { k += 1 }
            // Liquid output may start with a dot in Hugo's templates (`{{ .Site.Title }}`).
            let hasName = k > nameStart && (bytes[nameStart] != UInt8(ascii: ".") || !liquidTag)
            if hasName && !closing && closes(bytes, from: k, liquidTag: liquidTag, shortcode: shortcode)
                && (liquidTag || shortcode || isGeneratorOutput(bytes, name: nameStart..<k))
            {
                let name = String(decoding: bytes[nameStart..<k], as: UTF8.self)
                let label: String
                if liquidTag {
                    label = "Liquid tag '{% \(name) %}'"
                } else if shortcode {
                    label = "Hugo shortcode '" + (bytes[i + 2] == UInt8(ascii: "%") ? "{{% \(name) %}}" : "{{< \(name) >}}") + "'"
                } else {
                    label = "Liquid output '{{ \(name) }}'"
                }
                result.append((i, label))
            }
            i = max(k, i + 2)
        }
        return result
    }

    /// Variables the templates of Jekyll, Hexo and Hugo give a post. `{{ name }}` of anything
    /// else, without a filter, is a placeholder the writer shows — Ansible's, Jinja's, Helm's
    /// (`{{ osd_crush_location }}`) — which their generator showed as text too.
    private static let generatorVariables: Set<String> = [
        "site", "page", "post", "paginator", "content", "layout", "include", "jekyll", "theme", "config",
        "url_for", "full_url_for", "partial", "relURL", "absURL", "ref", "relref",
    ]

    private static func isGeneratorOutput(_ bytes: [UInt8], name: Range<Int>) -> Bool {
        let text = String(decoding: bytes[name], as: UTF8.self)
        if text.hasPrefix(".") || text.hasPrefix("$") { return true }
        let root = text.split(separator: ".").first.map(String.init) ?? text
        if generatorVariables.contains(root) { return true }
        // A Liquid filter (`{{ x | relative_url }}`) is a template's for sure.
        var i = name.upperBound
        while i + 1 < bytes.count, !(bytes[i] == UInt8(ascii: "}") && bytes[i + 1] == UInt8(ascii: "}")) {
            if bytes[i] == UInt8(ascii: "|") { return true }
            i += 1
        }
        return false
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
    }

    /// Whether the tag ends (`%}`, `}}`, `>}}`, `%}}`) within a few lines: a lone `{{` of
    /// prose is no template.
    private static func closes(_ bytes: [UInt8], from start: Int, liquidTag: Bool, shortcode: Bool) -> Bool {
        let end: [UInt8] = Array((liquidTag ? "%}" : "}}").utf8)
        var newlines = 0
        var i = start
        while i + 1 < bytes.count, newlines < 20 {
            if bytes[i] == 10 { newlines += 1 }
            if bytes[i] == end[0] && bytes[i + 1] == end[1] { return true }
            if !shortcode && !liquidTag && bytes[i] == UInt8(ascii: "{") { return false }
            i += 1
        }
        return false
    }
}
