/// The text of a post's HTML as the search index reads it: the body's words, with the
/// headings' also apart (they weigh more), and without code blocks, scripts, styles, math
/// and drawings, whose tokens would drown the prose (`fmt`, `err`, `x`).
package struct SearchText: Equatable, Sendable {
    package var body = ""
    package var headings = ""

    package init() {}

    /// Elements whose content is not text a reader searches for.
    static let skipped: Set<String> = ["pre", "script", "style", "template", "math", "svg", "textarea"]
    /// Elements inside a line of text: no separation at their edges, so `使用<em>缓存</em>`
    /// stays one run of Chinese. Every other tag separates what is on either side.
    static let inline: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark",
        "q", "ruby", "rb", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    ]

    /// Linear in the HTML: each byte is looked at a bounded number of times.
    package init(html: String) {
        var bytes: [UInt8] = []
        var headingBytes: [UInt8] = []
        var skipping: String?  // the element whose end ends skipping
        var headingDepth = 0
        var html = html
        html.withUTF8 { h in
            var i = 0
            let n = h.count
            while i < n {
                let byte = h[i]
                if byte == UInt8(ascii: "<") {
                    let tag = Self.tag(h, at: i)
                    i = tag.end
                    if let skip = skipping {
                        if tag.closing && tag.name == skip { skipping = nil }
                        continue
                    }
                    if !tag.closing && Self.skipped.contains(tag.name) && !tag.selfClosing {
                        skipping = tag.name
                    } else if tag.name.count == 2, tag.name.first == "h", let level = tag.name.last?.wholeNumberValue, (1...6).contains(level) {
                        headingDepth = tag.closing ? max(0, headingDepth - 1) : headingDepth + 1
                        if tag.closing { headingBytes.append(10) }
                    }
                    if !Self.inline.contains(tag.name) && bytes.last != 10 { bytes.append(10) }
                    continue
                }
                if skipping != nil { i += 1; continue }
                if byte != UInt8(ascii: "&") {
                    bytes.append(byte)
                    if headingDepth > 0 { headingBytes.append(byte) }
                    i += 1
                    continue
                }
                let (decoded, end) = Self.entity(h, at: i)
                i = end
                bytes += decoded
                if headingDepth > 0 { headingBytes += decoded }
            }
        }
        body = String(decoding: bytes, as: UTF8.self)
        headings = String(decoding: headingBytes, as: UTF8.self)
    }

    /// The tag starting at `<`: its lower-cased name, whether it closes or closes itself, and
    /// the index after its `>` (quoted attribute values may hold `>`). A comment or a `<`
    /// that starts no tag is stepped over as a nameless tag.
    static func tag(_ h: UnsafeBufferPointer<UInt8>, at start: Int) -> (name: String, closing: Bool, selfClosing: Bool, end: Int) {
        let n = h.count
        var i = start + 1
        if i + 2 < n, h[i] == UInt8(ascii: "!"), h[i + 1] == UInt8(ascii: "-"), h[i + 2] == UInt8(ascii: "-") {
            var j = i + 3
            while j + 2 < n, !(h[j] == UInt8(ascii: "-") && h[j + 1] == UInt8(ascii: "-") && h[j + 2] == UInt8(ascii: ">")) { j += 1 }
            return ("", false, false, min(n, j + 3))
        }
        let closing = i < n && h[i] == UInt8(ascii: "/")
        if closing { i += 1 }
        var name: [UInt8] = []
        while i < n, isNameByte(h[i]) {
            name.append(h[i] | 0x20)
            i += 1
        }
        if name.isEmpty { return ("", false, false, start + 1) }
        var quote: UInt8 = 0
        while i < n {
            let b = h[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                break
            }
            i += 1
        }
        let selfClosing = i > 0 && i < n && h[i - 1] == UInt8(ascii: "/")
        return (String(decoding: name, as: UTF8.self), closing, selfClosing, min(n, i + 1))
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
    }

    static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    /// The text of a character reference at `&`, and the index after it; an `&` that starts
    /// none is itself.
    static func entity(_ h: UnsafeBufferPointer<UInt8>, at start: Int) -> ([UInt8], Int) {
        var i = start + 1
        var name: [UInt8] = []
        while i < h.count, i - start <= 10, h[i] != UInt8(ascii: ";"), isNameByte(h[i]) || h[i] == UInt8(ascii: "#") {
            name.append(h[i])
            i += 1
        }
        guard i < h.count, h[i] == UInt8(ascii: ";"), !name.isEmpty else { return ([h[start]], start + 1) }
        let text = String(decoding: name, as: UTF8.self)
        var scalar: Unicode.Scalar?
        if text.hasPrefix("#x") || text.hasPrefix("#X") {
            scalar = UInt32(text.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if text.hasPrefix("#") {
            scalar = UInt32(text.dropFirst()).flatMap(Unicode.Scalar.init)
        } else if let known = named[text] {
            return (Array(known.utf8), i + 1)
        }
        guard let scalar else { return ([h[start]], start + 1) }
        return (Array(String(Character(scalar)).utf8), i + 1)
    }
}
