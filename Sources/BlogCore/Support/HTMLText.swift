import Foundation

/// Escapes text for HTML content and attribute values: the five characters that can end
/// either (`<`, `>`, `&`, `"`, `'`), found byte by byte. Walking `Character`s instead was a
/// fifth of all rendering time, and misses a quote that a combining mark follows (`"` +
/// U+0301 is one `Character`), which would end an attribute value early. The one escaper of
/// the project: templates (`HTMLEscaping`), images, feeds and redirects use it.
public func escapeHTML(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
        guard bytes.contains(where: isHTMLSpecial) else { return nil }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 32)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"): escaped += "&lt;".utf8
            case UInt8(ascii: ">"): escaped += "&gt;".utf8
            case UInt8(ascii: "&"): escaped += "&amp;".utf8
            case UInt8(ascii: "\""): escaped += "&quot;".utf8
            case UInt8(ascii: "'"): escaped += "&#39;".utf8
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    } ?? text
}

private func isHTMLSpecial(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
        || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
}

/// `7` → `07`: numbers of dates and URLs, zero-padded to `width` digits.
package func pad(_ n: Int, _ width: Int = 2) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// The text without white space at either end.
package func trimmed(_ s: String) -> String {
    // Most strings have nothing to trim, which their first and last bytes tell without
    // Foundation (a byte below 0x80 other than a space or control is never whitespace).
    if let first = s.utf8.first, let last = s.utf8.last, first > 32, first < 127, last > 32, last < 127 {
        return s
    }
    return s.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Where `byte` is first in `bytes[from..<to]`, nil if nowhere: `memchr`, which reads a
/// word at a time where a loop reads a byte.
package func byteIndex(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
    guard from < to, let base = bytes.baseAddress, let found = memchr(base + from, Int32(byte), to - from) else { return nil }
    return base.distance(to: UnsafeRawPointer(found))
}

/// Whether `needle` occurs in `text`, compared as UTF-8 bytes (`memchr` for its first byte,
/// then `memcmp`): `String.contains` of a String is Foundation's, through NSString, and
/// showed in profiles.
package func containsBytes(_ text: String, _ needle: String) -> Bool {
    var (text, needle) = (text, needle)
    return text.withUTF8 { haystack in
        needle.withUTF8 { needle in
            guard let first = needle.first else { return true }
            guard haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
            var offset = 0
            let last = haystack.count - needle.count
            while offset <= last {
                guard let found = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }
}
