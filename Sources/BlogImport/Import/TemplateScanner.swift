import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// A tag of another generator's template language, as written in a post: a Liquid or Hexo tag
/// (`{% highlight go linenos %}`), Liquid output (`{{ site.baseurl }}`) or a Hugo shortcode
/// (`{{< figure src="a.jpg" >}}`, `{{% note %}}`, closing `{{< /highlight >}}`).
struct TemplateTag: Equatable {
    enum Syntax: Equatable { case liquid, output, shortcode, markdownShortcode }

    var syntax: Syntax
    /// `highlight`, `endhighlight`, `site.baseurl`, `figure`; a closing shortcode's name
    /// starts with `/`.
    var name: String
    /// Arguments without a name, in order, quotes taken off.
    var arguments: [String] = []
    /// `key=value` and `key: value` arguments, quotes taken off.
    var named: [String: String] = [:]
    /// Byte offsets of the whole tag in the text scanned.
    var range: Range<Int>
    /// `{{</* figure */>}}`: Hugo's way of showing a shortcode as text.
    var isEscaped = false
    /// The shortcode ends in `/>}}`: it has no closing tag.
    var selfClosing = false
    /// A `{% name` that another tag interrupts before its `%}`: a slip of the writer's.
    var isBroken = false

    var isClosing: Bool { name.hasPrefix("/") }
}

/// Finds template tags in text. Pure and linear: a tag that never closes is not a tag.
enum TemplateScanner {
    static func tags(in text: String) -> [TemplateTag] {
        let bytes = Array(text.utf8)
        var found: [TemplateTag] = []
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "%") || bytes[i + 1] == UInt8(ascii: "{"),
                let tag = tag(in: bytes, at: i)
            else {
                i += 1
                continue
            }
            found.append(tag)
            i = tag.range.upperBound
        }
        return found
    }

    private static func tag(in bytes: [UInt8], at start: Int) -> TemplateTag? {
        let syntax: TemplateTag.Syntax
        let close: [UInt8]
        var i = start + 2
        if bytes[start + 1] == UInt8(ascii: "%") {
            (syntax, close) = (.liquid, Array("%}".utf8))
        } else if i < bytes.count, bytes[i] == UInt8(ascii: "<") {
            (syntax, close) = (.shortcode, Array(">}}".utf8))
            i += 1
        } else if i < bytes.count, bytes[i] == UInt8(ascii: "%") {
            (syntax, close) = (.markdownShortcode, Array("%}}".utf8))
            i += 1
        } else {
            (syntax, close) = (.output, Array("}}".utf8))
        }
        // The inside, up to the first closing mark (a tag may run over a few lines).
        guard let end = find(close, in: bytes, from: i, within: 4000) else {
            return syntax == .liquid ? unclosed(bytes, at: start) : nil
        }
        var inner = String(decoding: bytes[i..<end], as: UTF8.self)
        var tag = TemplateTag(syntax: syntax, name: "", range: start..<(end + close.count))
        inner = trimmed(inner)
        if syntax == .liquid || syntax == .output {
            // Liquid's whitespace control: `{%- tag -%}`.
            if inner.hasPrefix("-") { inner.removeFirst() }
            if inner.hasSuffix("-") { inner.removeLast() }
            inner = trimmed(inner)
        } else if inner.hasPrefix("/*") && inner.hasSuffix("*/") {
            tag.isEscaped = true
            inner = trimmed(String(inner.dropFirst(2).dropLast(2)))
        }
        if syntax != .liquid && syntax != .output && inner.hasSuffix("/") && !inner.hasPrefix("/") {
            tag.selfClosing = true
            inner = trimmed(String(inner.dropLast()))
        }
        // `{{< / blockquote >}}`: a closing tag with a space after its slash.
        if inner.hasPrefix("/") { inner = "/" + trimmed(String(inner.dropFirst())) }
        let words = split(inner)
        guard let name = words.first, let first = name.unicodeScalars.first,
            first.properties.isAlphabetic || first == "/" || first == "_" || (syntax == .output && first == ".")
        else { return nil }
        tag.name = name
        for word in words.dropFirst() {
            if let pair = namedArgument(word, syntax: syntax) {
                tag.named[pair.0] = pair.1
            } else {
                tag.arguments.append(unquoted(word))
            }
        }
        return tag
    }

    /// A Liquid tag without its `%}`: `{% codeblock lang:sh %` at the end of its line is read as
    /// closed there; `{% post_url` followed by another tag is broken.
    private static func unclosed(_ bytes: [UInt8], at start: Int) -> TemplateTag? {
        let lineEnd = bytes[start...].firstIndex(of: 10) ?? bytes.count
        var last = lineEnd
        while last > start, bytes[last - 1] == 32 || bytes[last - 1] == 9 || bytes[last - 1] == 13 { last -= 1 }
        if last > start + 2, bytes[last - 1] == UInt8(ascii: "%") {
            var patched = Array(bytes[start..<last])
            patched.append(UInt8(ascii: "}"))
            guard var tag = tag(in: patched, at: 0) else { return nil }
            tag.range = start..<last
            return tag
        }
        var end = start + 2
        while end < bytes.count, bytes[end] == 32 || bytes[end] == 10 { end += 1 }
        let nameEnd = bytes[end...].firstIndex { !(isNameByte($0)) } ?? bytes.count
        guard nameEnd > end else { return nil }
        return TemplateTag(syntax: .liquid, name: String(decoding: bytes[end..<nameEnd], as: UTF8.self), range: start..<nameEnd, isBroken: true)
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == UInt8(ascii: "_")
    }

    /// `key=value`, `key="a b"` (Hugo); Liquid's arguments stay positional, since `=` there is
    /// part of a value (`hl_lines="2 3"` is still split as a name for Jekyll's `highlight`).
    private static func namedArgument(_ word: String, syntax: TemplateTag.Syntax) -> (String, String)? {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return nil }
        let key = String(word[..<equals])
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return (key, unquoted(String(word[word.index(after: equals)...])))
    }

    /// Words split at spaces outside quotes (`"a b"`, `'a b'`, `` `a b` ``); quotes kept.
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" || c == "`" {
                quote = c
                current.append(c)
            } else if c == " " || c == "\t" || c == "\n" || c == "," && current.isEmpty {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func unquoted(_ word: String) -> String {
        guard word.count >= 2, let first = word.first, "\"'`".contains(first), word.last == first else { return word }
        return String(word.dropFirst().dropLast())
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, within limit: Int) -> Int? {
        var i = start
        let last = min(bytes.count - needle.count, start + limit)
        while i <= last {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            // Another tag opening first: this one never closed.
            if bytes[i] == UInt8(ascii: "{") && i + 1 < bytes.count && (bytes[i + 1] == UInt8(ascii: "%") || bytes[i + 1] == UInt8(ascii: "{")) && i > start {
                return nil
            }
            i += 1
        }
        return nil
    }
}
