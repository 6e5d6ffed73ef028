import Foundation
import BlogCore

/// The text of a post's HTML as the search index reads it: the body's words, with the
/// headings' also apart (they weigh more), and without code blocks, scripts, styles, math
/// and drawings, whose tokens would drown the prose (`fmt`, `err`, `x`).
///
/// Kept as UTF-8 bytes (valid, since the HTML is a String cut only at ASCII bytes), which the
/// tokenizer reads as they are: a String of each would copy and check every post's text once
/// more.
package struct SearchText: Equatable, Sendable {
    package var body: [UInt8] = []
    package var headings: [UInt8] = []

    package init() {}

    /// Elements whose content is not text a reader searches for.
    static let skipped = TagName.set(["pre", "script", "style", "template", "math", "svg", "textarea"])
    /// Elements inside a line of text: no separation at their edges, so `使用<em>缓存</em>`
    /// stays one run of Chinese. Every other tag separates what is on either side.
    static let inline = TagName.set([
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark",
        "q", "ruby", "rb", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    ])

    /// Linear in the HTML: each byte is looked at a bounded number of times, and text
    /// between tags is copied at once.
    package init(html: String) {
        var bytes: [UInt8] = []
        var headingBytes: [UInt8] = []
        var skipping: TagName?  // the element whose end ends skipping
        var headingDepth = 0
        var html = html
        let (skipped, inline) = (Self.skipped, Self.inline)
        html.withUTF8 { h in
            bytes.reserveCapacity(h.count / 2)
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
                    if !tag.closing && skipped.contains(tag.name) && !tag.selfClosing {
                        skipping = tag.name
                    } else if tag.name.isHeading {
                        headingDepth = tag.closing ? max(0, headingDepth - 1) : headingDepth + 1
                        if tag.closing { headingBytes.append(10) }
                    }
                    if !inline.contains(tag.name) && bytes.last != 10 { bytes.append(10) }
                    continue
                }
                if skipping != nil {
                    i = Self.find(UInt8(ascii: "<"), in: h, from: i + 1, to: n)
                    continue
                }
                if byte == UInt8(ascii: "&") {
                    if let (character, length) = Self.escape(h, at: i) {
                        bytes.append(character)
                        if headingDepth > 0 { headingBytes.append(character) }
                        i += length
                        continue
                    }
                    let (decoded, end) = Self.entity(h, at: i)
                    i = end
                    bytes += decoded
                    if headingDepth > 0 { headingBytes += decoded }
                    continue
                }
                let j = Self.find(UInt8(ascii: "&"), in: h, from: i + 1, to: Self.find(UInt8(ascii: "<"), in: h, from: i + 1, to: n))
                let text = UnsafeBufferPointer(rebasing: h[i..<j])
                bytes.append(contentsOf: text)
                if headingDepth > 0 { headingBytes.append(contentsOf: text) }
                i = j
            }
        }
        body = bytes
        headings = headingBytes
    }

    /// Where `byte` is first in `h[from..<to]`, or `to` (`byteIndex`, by `memchr`: a loop
    /// read the text of every post a byte at a time).
    static func find(_ byte: UInt8, in h: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        byteIndex(of: byte, in: UnsafeRawBufferPointer(h), from: from, to: to) ?? max(from, to)
    }

    /// The escapes cmark writes in text (`&amp;`, `&lt;`, `&gt;`, `&quot;`), and the
    /// apostrophe's: the character and the escape's length, without the general path's
    /// array and lookup for each.
    static func escape(_ h: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt8, Int)? {
        func matches(_ name: StaticString) -> Bool {
            let count = name.utf8CodeUnitCount
            return i + count <= h.count && memcmp(h.baseAddress! + i, name.utf8Start, count) == 0
        }
        if matches("&amp;") { return (UInt8(ascii: "&"), 5) }
        if matches("&lt;") { return (UInt8(ascii: "<"), 4) }
        if matches("&gt;") { return (UInt8(ascii: ">"), 4) }
        if matches("&quot;") { return (UInt8(ascii: "\""), 6) }
        if matches("&#39;") { return (UInt8(ascii: "'"), 5) }
        return nil
    }

    /// A tag's name, lower-cased, packed into a number: read for every tag of every post, it
    /// makes no String. A name longer than eight bytes is one value that matches none.
    struct TagName: Hashable {
        var packed: UInt64 = 0

        static let long = TagName(packed: .max)

        static func set(_ names: [String]) -> TagNames {
            TagNames(names.map { name in
                var tag = TagName()
                for (k, byte) in name.utf8.enumerated() { tag.add(byte, at: k) }
                return tag.packed
            })
        }

        /// The name's `k`th byte, lower-cased; past the eighth, the caller makes it `long`.
        mutating func add(_ byte: UInt8, at k: Int) { packed |= UInt64(byte | 0x20) << (8 * UInt64(k)) }

        /// `h1` to `h6`.
        var isHeading: Bool {
            packed >> 16 == 0 && packed & 0xFF == UInt64(UInt8(ascii: "h"))
                && (UInt64(UInt8(ascii: "1"))...UInt64(UInt8(ascii: "6"))).contains(packed >> 8)
        }
    }

    /// A few tag names, looked up for every tag of every post: their numbers sorted and
    /// searched by halves, where a Set hashed each tag with SipHash.
    struct TagNames {
        private let sorted: [UInt64]

        init(_ names: [UInt64]) { sorted = names.sorted() }

        func contains(_ name: TagName) -> Bool {
            var (low, high) = (0, sorted.count)
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle] < name.packed { low = middle + 1 } else { high = middle }
            }
            return low < sorted.count && sorted[low] == name.packed
        }
    }

    /// The tag starting at `<`: its lower-cased name, whether it closes or closes itself, and
    /// the index after its `>` (quoted attribute values may hold `>`). A comment or a `<`
    /// that starts no tag is stepped over as a nameless tag.
    static func tag(_ h: UnsafeBufferPointer<UInt8>, at start: Int) -> (name: TagName, closing: Bool, selfClosing: Bool, end: Int) {
        let n = h.count
        var i = start + 1
        if i + 2 < n, h[i] == UInt8(ascii: "!"), h[i + 1] == UInt8(ascii: "-"), h[i + 2] == UInt8(ascii: "-") {
            var j = i + 3
            while j + 2 < n, !(h[j] == UInt8(ascii: "-") && h[j + 1] == UInt8(ascii: "-") && h[j + 2] == UInt8(ascii: ">")) { j += 1 }
            return (TagName(), false, false, min(n, j + 3))
        }
        let closing = i < n && h[i] == UInt8(ascii: "/")
        if closing { i += 1 }
        var name = TagName()
        let nameStart = i
        while i < n, isNameByte(h[i]) {
            if i - nameStart < 8 { name.add(h[i], at: i - nameStart) }
            i += 1
        }
        if i == nameStart { return (TagName(), false, false, start + 1) }
        if i - nameStart > 8 { name = .long }
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
        return (name, closing, selfClosing, min(n, i + 1))
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
