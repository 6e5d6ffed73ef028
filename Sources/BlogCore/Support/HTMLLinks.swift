import Foundation

/// The `href` and `src` values of the tags of an HTML text, entities decoded, each with the
/// byte offset where it is written. Comments, and the text of `script` and `style` elements,
/// hold no links. Not a full HTML parser: enough for what templates and writers put in tags,
/// and one pass over the bytes, since every page of the site goes through it.
package enum HTMLLinks {
    package struct Reference: Equatable, Sendable {
        package var value: String
        package var offset: Int
    }

    package static func references(in html: String) -> [Reference] {
        var html = html
        return html.withUTF8 { references(in: UnsafeRawBufferPointer($0)) }
    }

    package static func references(in bytes: UnsafeRawBufferPointer) -> [Reference] {
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    private struct Scanner {
        package let bytes: UnsafeRawBufferPointer
        package var i = 0
        package var found: [Reference] = []

        package init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        package mutating func run() -> [Reference] {
            while let open = next(UInt8(ascii: "<")) {
                i = open + 1
                if starts(with: "!--") {
                    i = find("-->").map { $0 + 3 } ?? bytes.count
                    continue
                }
                let name = readName()
                if name.isEmpty {
                    continue  // `</p>`, `<!DOCTYPE`, or a `<` in text
                }
                let isScript = isName(name, "script")
                if isScript || isName(name, "style") {
                    readAttributes()
                    i = find(isScript ? "</script" : "</style") ?? bytes.count
                } else if carriesLinks(name) {
                    readAttributes()
                } else {
                    // `<p>`, `<span class=…>`, `<code>`: most tags of a page, and none has a
                    // link; a `>` inside one of their values only ends the skip early.
                    i = next(UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
                }
            }
            return found
        }

        /// The elements whose `href` or `src` loads or links something.
        private func carriesLinks(_ name: Range<Int>) -> Bool {
            switch name.count {
            case 1: return isName(name, "a")
            case 3: return isName(name, "img")
            case 4: return isName(name, "link") || isName(name, "area") || isName(name, "base")
            case 5: return isName(name, "video") || isName(name, "audio") || isName(name, "embed")
                || isName(name, "track") || isName(name, "input") || isName(name, "frame")
            case 6: return isName(name, "iframe") || isName(name, "source")
            default: return false
            }
        }

        /// Whether the bytes of `range` spell `name` (lowercase ASCII), ignoring case.
        private func isName(_ range: Range<Int>, _ name: StaticString) -> Bool {
            guard range.count == name.utf8CodeUnitCount else { return false }
            let expected = name.utf8Start
            for k in 0..<range.count where lower(bytes[range.lowerBound + k]) != expected[k] { return false }
            return true
        }

        private func next(_ byte: UInt8) -> Int? { byteIndex(of: byte, in: bytes, from: i, to: bytes.count) }

        private func starts(with text: String) -> Bool {
            let utf8 = Array(text.utf8)
            guard i + utf8.count <= bytes.count else { return false }
            for (k, byte) in utf8.enumerated() where lower(bytes[i + k]) != byte { return false }
            return true
        }

        /// Where `text` (lowercase ASCII after a first byte that is no letter: `-->`,
        /// `</script`) next starts, ignoring case.
        private mutating func find(_ text: String) -> Int? {
            while let at = next(text.utf8.first!) {
                i = at
                if starts(with: text) { return at }
                i = at + 1
            }
            return nil
        }

        private func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

        private func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
        }

        private func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }

        /// Where a tag or attribute name stands; empty when none starts here. No String is
        /// made: a page has hundreds of names and only `href` and `src` matter.
        private mutating func readName() -> Range<Int> {
            let start = i
            while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
            return start..<i
        }

        private mutating func skipSpaces() { while i < bytes.count, isSpace(bytes[i]) { i += 1 } }

        /// `name="value"` pairs up to the end of the tag; records `href` and `src`.
        private mutating func readAttributes() {
            while i < bytes.count {
                skipSpaces()
                guard i < bytes.count else { return }
                let byte = bytes[i]
                if byte == UInt8(ascii: ">") { i += 1; return }
                if byte == UInt8(ascii: "<") { return }  // a tag left open: the next one starts here
                if byte == UInt8(ascii: "/") { i += 1; continue }
                let name = readName()
                if name.isEmpty {
                    i += 1  // a stray byte: step over it
                    continue
                }
                skipSpaces()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { continue }
                i += 1
                skipSpaces()
                let value = readValue()
                if isName(name, "href") || isName(name, "src") {
                    let text = String(decoding: bytes[value], as: UTF8.self)
                    found.append(Reference(value: decodeEntities(text), offset: value.lowerBound))
                }
            }
        }

        /// Where the value stands (without its quotes); `i` moves past it.
        private mutating func readValue() -> Range<Int> {
            guard i < bytes.count else { return i..<i }
            let quote = bytes[i]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let start = i + 1
                i = start
                let end = next(quote) ?? bytes.count
                i = min(end + 1, bytes.count)
                return start..<end
            }
            let start = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
            return start..<i
        }
    }

    /// The entities a URL in an attribute is likely to hold: `&amp;`, quotes, numbers.
    package static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(10).firstIndex(of: ";") else {
                result.append("&")
                rest = rest.dropFirst()
                continue
            }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            if let decoded = decode(entity) {
                result.append(decoded)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }

    private static func decode(_ entity: Substring) -> Character? {
        switch entity {
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        case "lt": return "<"
        case "gt": return ">"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
