/// Reads code byte by byte and collects tokens. Every rule moves forward at least one byte,
/// so a lexer ends in time linear in its input whatever the input is.
struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    private(set) var tokens: [Token] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }
    var current: UInt8 { bytes[position] }

    func peek(_ offset: Int = 0) -> UInt8? {
        let i = position + offset
        return i < bytes.count ? bytes[i] : nil
    }

    /// Whether the bytes at the position spell `text`.
    func looking(at text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let start = text.utf8Start
        for i in 0..<count where bytes[position + i] != start[i] { return false }
        return true
    }

    func looking(at text: [UInt8]) -> Bool {
        guard position + text.count <= bytes.count else { return false }
        for i in 0..<text.count where bytes[position + i] != text[i] { return false }
        return true
    }

    /// At the start of a line, or after only spaces and tabs on it.
    var atLineStart: Bool {
        var i = position - 1
        while i >= 0, bytes[i] == 32 || bytes[i] == 9 { i -= 1 }
        return i < 0 || bytes[i] == 10
    }

    /// Adds a token from `start` to the position (joined to the last one of the same kind).
    /// A token never ends inside a character: markup there would cut its UTF-8 bytes apart.
    mutating func emit(_ kind: TokenClass?, from start: Int) {
        while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
        guard position > start else { return }
        if let last = tokens.last, last.kind == kind, last.end == start {
            tokens[tokens.count - 1].end = position
        } else {
            tokens.append(Token(kind: kind, start: start, end: position))
        }
    }

    mutating func advance(while test: (UInt8) -> Bool) {
        while position < bytes.count, test(bytes[position]) { position += 1 }
    }

    mutating func toLineEnd() {
        while position < bytes.count, bytes[position] != 10 { position += 1 }
    }

    /// One byte of text, or a whole UTF-8 sequence (a lexer never cuts a character).
    mutating func skipOne() {
        position += 1
        while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
    }

    func word(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[start..<position])
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 48 && self <= 57 }
    var isLetter: Bool { (self | 0x20) >= 97 && (self | 0x20) <= 122 }
    var isIdentifierStart: Bool { isLetter || self == 95 || self >= 0x80 }
    var isIdentifier: Bool { isIdentifierStart || isDigit }
    var isSpace: Bool { self == 32 || self == 9 || self == 13 || self == 10 || self == 12 }
    var isHexDigit: Bool { isDigit || ((self | 0x20) >= 97 && (self | 0x20) <= 102) }
}

/// Words looked up by their bytes, without making a String of each identifier.
struct WordSet {
    private var words: [UInt64: [[UInt8]]] = [:]
    let caseInsensitive: Bool

    init(_ list: [String], caseInsensitive: Bool = false) {
        self.caseInsensitive = caseInsensitive
        for word in list {
            let bytes = Array((caseInsensitive ? word.lowercased() : word).utf8)
            words[Self.hash(bytes[...], caseInsensitive), default: []].append(bytes)
        }
    }

    var isEmpty: Bool { words.isEmpty }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !words.isEmpty, let candidates = words[Self.hash(word, caseInsensitive)] else { return false }
        return candidates.contains { candidate in
            candidate.count == word.count && zip(candidate, word).allSatisfy { $0 == (caseInsensitive ? $1 | ($1.isLetter ? 0x20 : 0) : $1) }
        }
    }

    private static func hash<C: Collection>(_ bytes: C, _ lower: Bool) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(lower && byte.isLetter ? byte | 0x20 : byte)) &* 0x100_0000_01b3
        }
        return h
    }
}
