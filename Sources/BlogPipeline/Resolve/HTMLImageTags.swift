/// The `<img>` tags of a post's raw HTML, as written: where each stands and its attributes.
/// cmark hands raw HTML over in pieces (an inline `<picture>`, `<img>` and `</picture>` are
/// three nodes), so the scanner is kept across a post's pieces to know which `<img>` stands
/// inside a `<picture>`. Not a full HTML parser: names in any case, values in double, single
/// or no quotes, comments and the text of `script`, `style` and `textarea` skipped.
package struct HTMLImageTags {
    /// One attribute as written: its name (in the writer's case), its value without quotes
    /// and with its entities as they are (nil for a bare `ismap`).
    package struct Attribute: Equatable {
        package var name: String
        package var value: String?

        /// Whether it is `name` (lower case), as HTML compares names: in any case.
        package func `is`(_ name: String) -> Bool { self.name.lowercased() == name }
    }

    package struct Tag {
        /// UTF-8 offsets of the tag, from its `<` to its `>`.
        package var range: Range<Int>
        package var attributes: [Attribute]
        /// False when the text ends, or another tag starts, before this one's `>`.
        package var isClosed: Bool
        package var insidePicture: Bool

        package func value(_ name: String) -> String? {
            attributes.first { $0.is(name) }?.value
        }
    }

    /// `<picture>` elements open at the end of the text scanned so far.
    private var openPictures = 0

    package init() {}

    package mutating func tags(in html: String) -> [Tag] {
        var reader = Reader(bytes: Array(html.utf8))
        var found: [Tag] = []
        while let open = reader.next(UInt8(ascii: "<")) {
            reader.i = open + 1
            if reader.starts(with: "!--") {
                reader.skip(past: "-->")
                continue
            }
            let closing = reader.starts(with: "/")
            if closing { reader.i += 1 }
            let name = reader.name().lowercased()
            guard !name.isEmpty else { continue }  // `<` in text, `<!DOCTYPE`
            let (attributes, isClosed) = reader.attributes()
            switch (name, closing) {
            case ("picture", true): openPictures = max(0, openPictures - 1)
            case ("picture", false): openPictures += 1
            case ("img", false):
                found.append(Tag(range: open..<reader.i, attributes: attributes, isClosed: isClosed, insidePicture: openPictures > 0))
            case ("script", false), ("style", false), ("textarea", false):
                reader.skip(past: "</" + name)
            default: break
            }
        }
        return found
    }

    /// One pass over the bytes of a piece of HTML.
    private struct Reader {
        let bytes: [UInt8]
        var i = 0

        func next(_ byte: UInt8) -> Int? { bytes[i...].firstIndex(of: byte) }

        func starts(with text: String) -> Bool {
            let utf8 = Array(text.utf8)
            return i + utf8.count <= bytes.count && zip(bytes[i...], utf8).allSatisfy { lower($0) == $1 }
        }

        /// Moves past the next `text` (lower case, matched in any case), or to the end.
        mutating func skip(past text: String) {
            while i < bytes.count, !starts(with: text) { i += 1 }
            i = min(i + text.utf8.count, bytes.count)
        }

        private func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

        private func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }

        /// A tag or attribute name: anything up to a space, a quote, `=`, `/`, `<` or `>`.
        mutating func name() -> String {
            let start = i
            while i < bytes.count, !isSpace(bytes[i]), !"\"'=/<>".utf8.contains(bytes[i]) { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        private mutating func skipSpaces() { while i < bytes.count, isSpace(bytes[i]) { i += 1 } }

        /// The attributes up to the tag's `>` (then past it), or up to a `<` or the end,
        /// where a tag left open stops.
        mutating func attributes() -> ([Attribute], closed: Bool) {
            var found: [Attribute] = []
            while true {
                skipSpaces()
                guard i < bytes.count, bytes[i] != UInt8(ascii: "<") else { return (found, false) }
                if bytes[i] == UInt8(ascii: ">") {
                    i += 1
                    return (found, true)
                }
                let name = self.name()
                if name.isEmpty {
                    i += 1  // `/` of `/>`, a stray quote or `=`
                    continue
                }
                skipSpaces()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else {
                    found.append(Attribute(name: name, value: nil))
                    continue
                }
                i += 1
                skipSpaces()
                guard let value = value() else { return (found, false) }
                found.append(Attribute(name: name, value: value))
            }
        }

        /// A quoted or bare value; nil when its quote is never closed.
        private mutating func value() -> String? {
            guard i < bytes.count else { return "" }
            let quote = bytes[i]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let end = bytes[(i + 1)...].firstIndex(of: quote) else { return nil }
                defer { i = end + 1 }
                return String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
            }
            let start = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
    }
}
