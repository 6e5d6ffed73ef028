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

    /// Whether the bytes at the position spell `text` (ASCII letters), whatever their case.
    func lookingCaseInsensitive(at text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for i in 0..<count where bytes[position + i] | 0x20 != text.utf8Start[i] | 0x20 { return false }
        return true
    }

    func lookingCaseInsensitive(at text: [UInt8]) -> Bool {
        guard position + text.count <= bytes.count else { return false }
        for i in 0..<text.count where bytes[position + i] | 0x20 != text[i] | 0x20 { return false }
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

    /// Where the line holding `from` ends: its line break, or the end.
    static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        while i < b.count, b[i] != 10 { i += 1 }
        return i
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

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are `text`'s, compared byte by byte (cheaper than `elementsEqual`).
    func spells(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount else { return false }
        let start = text.utf8Start
        for i in 0..<count where self[i] != start[i] { return false }
        return true
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

/// Words looked up by their bytes, without making a String of each identifier: an open
/// addressing table of FNV hashes, so that a lookup is one hash and usually one compare.
struct WordMap<Value> {
    private var slots: [Int32]
    private var keys: [[UInt8]] = []
    private var values: [Value] = []
    let caseInsensitive: Bool

    init(_ pairs: [(String, Value)], caseInsensitive: Bool = false) {
        self.caseInsensitive = caseInsensitive
        var size = 8
        while size < pairs.count * 3 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        for (word, value) in pairs { insert(Array((caseInsensitive ? word.lowercased() : word).utf8), value) }
    }

    /// Adds a word, unless it is there already (the first value given wins).
    private mutating func insert(_ key: [UInt8], _ value: Value) {
        var i = Self.hash(key[...], false) & (slots.count - 1)
        while slots[i] >= 0 {
            if keys[Int(slots[i])] == key { return }
            i = (i + 1) & (slots.count - 1)
        }
        slots[i] = Int32(keys.count)
        keys.append(key)
        values.append(value)
    }

    var isEmpty: Bool { keys.isEmpty }
    var words: [(String, Value)] { zip(keys, values).map { (String(decoding: $0, as: UTF8.self), $1) } }

    subscript(word: UnsafeBufferPointer<UInt8>) -> Value? {
        guard !keys.isEmpty, !word.isEmpty else { return nil }
        var i = Self.hash(word, caseInsensitive) & (slots.count - 1)
        while slots[i] >= 0 {
            let index = Int(slots[i])
            if Self.equal(keys[index], word, caseInsensitive) { return values[index] }
            i = (i + 1) & (slots.count - 1)
        }
        return nil
    }

    private static func equal(_ key: [UInt8], _ word: UnsafeBufferPointer<UInt8>, _ lower: Bool) -> Bool {
        guard key.count == word.count else { return false }
        for i in 0..<key.count {
            let byte = lower && word[i].isLetter ? word[i] | 0x20 : word[i]
            if key[i] != byte { return false }
        }
        return true
    }

    private static func hash<C: Collection>(_ bytes: C, _ lower: Bool) -> Int where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(lower && byte.isLetter ? byte | 0x20 : byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}

extension WordMap: Sendable where Value: Sendable {}

/// A set of ASCII bytes (operators, punctuation), tested with a shift and a mask.
struct ByteSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ bytes: String) {
        for byte in bytes.utf8 where byte < 128 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
    }
}

/// A set of words (keywords, builtins…), looked up by bytes.
struct WordSet: Sendable {
    private let map: WordMap<Bool>

    init(_ list: [String], caseInsensitive: Bool = false) {
        map = WordMap(list.map { ($0, true) }, caseInsensitive: caseInsensitive)
    }

    var isEmpty: Bool { map.isEmpty }
    var caseInsensitive: Bool { map.caseInsensitive }
    var list: [String] { map.words.map(\.0) }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool { map[word] != nil }
}

/// Where the last search for the end of a block comment or of a quoted string ended: an
/// input full of openers that never close is searched once, so lexing stays linear.
struct ClosingSearch {
    private var commentEnd = (from: Int.max, at: 0)
    private var quoteEnd: [UInt8: (from: Int, at: Int)] = [:]

    /// `/* … */` at the scanner's position, as one comment; false when it is never closed.
    mutating func blockComment(_ s: inout Scanner) -> Bool {
        let b = s.bytes
        let p = s.position
        if !(commentEnd.from <= p + 2 && p + 2 <= commentEnd.at) {
            var i = p + 2
            while i + 1 < b.count, !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
            commentEnd = (p + 2, i + 1 < b.count ? i : Int.max)
        }
        guard commentEnd.at != Int.max else { return false }
        s.position = commentEnd.at + 2
        s.emit(.commentMultiline, from: p)
        return true
    }

    /// A `"…"` or `'…'` string at the scanner's position, escapes and all (across lines
    /// too); false when it is never closed.
    mutating func quoted(_ s: inout Scanner) -> Bool {
        let b = s.bytes
        let p = s.position
        let quote = b[p]
        if let known = quoteEnd[quote], known.from <= p + 1, p + 1 <= known.at {
        } else {
            var i = p + 1
            while i < b.count, b[i] != quote { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
            quoteEnd[quote] = (p + 1, i < b.count ? i : Int.max)
        }
        let close = quoteEnd[quote]!.at
        guard close != Int.max else { return false }
        s.position = close + 1
        s.emit(quote == UInt8(ascii: "\"") ? .stringDouble : .stringSingle, from: p)
        return true
    }
}

/// The lines that could end a here-document, a word alone on its line (spaces around it
/// aside), by that word: found in one pass, so that finding the end of each of any number of
/// here-documents, closed or not and whatever their words, is a look-up, never a search to
/// the end of the input.
struct TerminatorLines {
    /// By word: the starts of its lines, in order; all of them, and those not indented.
    private var all: [[UInt8]: [Int]] = [:]
    private var unindented: [[UInt8]: [Int]] = [:]

    init(_ b: UnsafeBufferPointer<UInt8>) {
        var line = 0
        while line < b.count {
            let end = Scanner.lineEnd(b, from: line)
            var (first, last) = (line, end)
            while first < last, b[first].isSpace { first += 1 }
            while last > first, b[last - 1].isSpace { last -= 1 }
            if last > first, b[first..<last].allSatisfy(\.isIdentifier) {
                let word = Array(b[first..<last])
                all[word, default: []].append(line)
                if first == line { unindented[word, default: []].append(line) }
            }
            line = end + 1
        }
    }

    /// The start of the first line at or after `from` that is `word` alone (after spaces only
    /// when `indented`), or nil.
    func first(_ word: [UInt8], from: Int, indented: Bool) -> Int? {
        guard let lines = (indented ? all : unindented)[word] else { return nil }
        var (low, high) = (0, lines.count)
        while low < high {
            let middle = (low + high) / 2
            if lines[middle] < from { low = middle + 1 } else { high = middle }
        }
        return low < lines.count ? lines[low] : nil
    }
}
