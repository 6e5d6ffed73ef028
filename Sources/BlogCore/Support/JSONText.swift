import Foundation

/// A JSON string literal of the text, with `<`, `>` and `&` escaped too, so that no text of
/// the writer's can close a `<script>` it stands in (JSON-LD), and the search index's files
/// (`SearchIndex`) are JSON any parser reads.
///
/// Read and written as UTF-8, runs that need no escape copied at once: a String appended a
/// scalar at a time was most of the cost of the search index's document records.
package func jsonQuoted(_ value: String) -> String {
    var value = value
    return value.withUTF8 { text in
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 2)
        out.append(UInt8(ascii: "\""))
        var copied = 0
        for i in text.indices {
            let escape: StaticString
            var length = 1
            switch text[i] {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case UInt8(ascii: "<"): escape = "\\u003c"
            case UInt8(ascii: ">"): escape = "\\u003e"
            case UInt8(ascii: "&"): escape = "\\u0026"
            case 0..<0x20: escape = ""
            // U+2028 and U+2029, which end a line in JavaScript.
            case 0xE2 where i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9):
                escape = text[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<i]))
            if escape.utf8CodeUnitCount == 0 {
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(text[i] >> 4)])
                out.append(hexDigits[Int(text[i] & 0xF)])
            } else {
                out.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
            }
            copied = i + length
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...]))
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}

private let hexDigits = Array("0123456789abcdef".utf8)
