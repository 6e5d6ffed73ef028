/// Terraform and HCL, as Pygments reads them: `resource "type" "name" {` (a reserved word, a
/// class, a name), `block {` names as builtins, `key =` as attributes, types (`string`) as
/// keywords, `true`/`false` as plain constants, a string from the first quote of a line to
/// its last, here-documents, and comments that take the white space before them.
enum Terraform {
    static let classes = WordSet("backend data module output provider provisioner resource variable".split(separator: " ").map(String.init))
    static let types = WordSet("string number bool list tuple map set object null".split(separator: " ").map(String.init))
    static let functions = WordSet(
        ("abs ceil floor log max mix parseint pow signum chomp format formatlist indent join lower regex regexall replace split strrev "
            + "substr title trim trimprefix trimsuffix trimspace upper alltrue anytrue chunklist coalesce coalescelist compact concat "
            + "contains distinct element flatten index keys length list lookup map matchkeys merge range reverse setintersection "
            + "setproduct setsubtract setunion slice sort sum transpose values zipmap base64decode base64encode base64gzip csvdecode "
            + "jsondecode jsonencode textdecodebase64 textencodebase64 urlencode yamldecode yamlencode abspath dirname pathexpand "
            + "basename file fileexists fileset filebase64 templatefile formatdate timeadd timestamp base64sha256 base64sha512 bcrypt "
            + "filebase64sha256 filebase64sha512 filemd5 filesha1 filesha256 filesha512 md5 rsadecrypt sha1 sha256 sha512 uuid uuidv5 "
            + "cidrhost cidrnetmask cidrsubnet cidrsubnets can defaults tobool tolist tomap tonumber toset tostring try")
            .split(separator: " ").map(String.init))

    static func lex(_ s: inout Scanner) {
        let b = s.bytes
        let lastNewline = b.lastIndex(of: 10) ?? -1
        var terminators: TerminatorLines?
        while !s.atEnd {
            let p = s.position
            let c = b[p]
            if c.isSpace || c == UInt8(ascii: "#") || c == UInt8(ascii: "/") {
                var q = p
                while q < b.count, b[q].isSpace { q += 1 }
                if s.bytes[q...].starts(with: "/*".utf8) {
                    s.position = q
                    blockComment(&s)
                    s.emit(.commentMultiline, from: p)
                    continue
                }
                if q < b.count, b[q] == UInt8(ascii: "#") || s.bytes[q...].starts(with: "//".utf8), q < lastNewline {
                    s.position = Scanner.lineEnd(b, from: q) + 1
                    s.emit(.commentSingle, from: p)
                    continue
                }
                if q > p {
                    s.position = q
                    s.emit(nil, from: p)
                    continue
                }
            }
            if Self.isWord(c), block(&s) { continue }
            if c == UInt8(ascii: "\""), key(&s) { continue }
            if c.isLetter {
                var run = p
                while run < b.count, b[run].isIdentifier { run += 1 }
                if run < b.count, b[run] == UInt8(ascii: "("), Terraform.functions.contains(UnsafeBufferPointer(rebasing: b[p..<run])) {
                    s.position = run
                    s.emit(.nameFunction, from: p)
                    continue
                }
            }
            if c.isLetter, classBlock(&s) { continue }
            if c == UInt8(ascii: "<"), heredoc(&s, &terminators) { continue }
            if c == UInt8(ascii: "[") {
                // `[a, b]`: a list of lowercase names.
                var i = p + 1
                while i < b.count, (b[i] >= UInt8(ascii: "a") && b[i] <= UInt8(ascii: "z")) || b[i] == UInt8(ascii: "_") || b[i] == UInt8(ascii: ",") || b[i].isSpace { i += 1 }
                if i > p + 1, i < b.count, b[i] == UInt8(ascii: "]") {
                    s.position = p + 1
                    s.emit(.punctuation, from: p)
                    s.position = i
                    s.emit(.nameBuiltin, from: p + 1)
                    s.position = i + 1
                    s.emit(.punctuation, from: i)
                    continue
                }
            }
            if c == UInt8(ascii: "\"") {
                // From this quote to the line's last one.
                let end = Scanner.lineEnd(b, from: p)
                if let last = b[(p + 1)..<end].lastIndex(of: UInt8(ascii: "\"")) {
                    s.position = last + 1
                    s.emit(.stringDouble, from: p)
                    continue
                }
            }
            if Self.isWord(c) {
                var run = p
                while run < b.count, b[run].isIdentifier { run += 1 }
                let name = UnsafeBufferPointer(rebasing: b[p..<run])
                if name.spells("true") || name.spells("false") {
                    s.position = run
                    s.emit(.name, from: p)
                    continue
                }
                if Terraform.types.contains(name) {
                    s.position = run
                    s.emit(.keywordType, from: p)
                    continue
                }
                // `var.name`, `aws_s3_bucket.site.arn`: a variable.
                var end = p
                while end < b.count, Self.isWord(b[end]) || b[end] == UInt8(ascii: ".") || b[end] == UInt8(ascii: "[") || b[end] == UInt8(ascii: "]") { end += 1 }
                while end > p + 1, !(b[end - 1].isIdentifier || b[end - 1] == UInt8(ascii: "]")) { end -= 1 }
                if b[p..<end].contains(UInt8(ascii: ".")) {
                    s.position = end
                    s.emit(.nameVariable, from: p)
                    continue
                }
                if c.isDigit {
                    s.advance(while: \.isDigit)
                    s.emit(.numberInteger, from: p)
                    continue
                }
                // A word no rule takes: errors to Pygments, a character at a time; plain text.
                s.position = p + 1
                s.advance(while: Self.isWord)
                s.emit(nil, from: p)
                continue
            }
            if "[](){},.?:!=".utf8.contains(c) {
                s.position += 1
                s.emit(.punctuation, from: p)
                continue
            }
            s.skipOne()
            s.emit(nil, from: p)
        }
    }

    /// `name {` and `name = {` (a builtin), or `name =` (an attribute).
    private static func block(_ s: inout Scanner) -> Bool {
        let b = s.bytes
        let p = s.position
        var i = p
        while i < b.count, isWord(b[i]) { i += 1 }
        let name = i
        while i < b.count, b[i].isSpace { i += 1 }
        let op = i
        let assigns = i < b.count && b[i] == UInt8(ascii: "=")
        if assigns { i += 1 }
        let afterOp = i
        while i < b.count, b[i].isSpace { i += 1 }
        let opens = i < b.count && b[i] == UInt8(ascii: "{")
        guard opens || assigns else { return false }
        s.position = name
        s.emit(opens ? .nameBuiltin : .nameAttribute, from: p)
        s.position = op
        s.emit(nil, from: name)
        s.position = afterOp
        s.emit(.operator, from: op)
        s.position = i
        s.emit(nil, from: afterOp)
        if opens {
            s.position += 1
            s.emit(.punctuation, from: i)
        }
        return true
    }

    /// `"key" =` or `"key":`.
    private static func key(_ s: inout Scanner) -> Bool {
        let b = s.bytes
        let p = s.position
        var i = p + 1
        while i < b.count, !b[i].isSpace { i += 1 }
        // `"\S+"`: the last quote of the run closes it.
        guard let close = b[(p + 1)..<i].lastIndex(of: UInt8(ascii: "\"")), close > p + 1 else { return false }
        var j = close + 1
        while j < b.count, b[j].isSpace { j += 1 }
        guard j < b.count, b[j] == UInt8(ascii: "=") || b[j] == UInt8(ascii: ":") else { return false }
        s.position = close + 1
        s.emit(.stringDouble, from: p)
        s.position = j
        s.emit(nil, from: close + 1)
        s.position += 1
        s.emit(.operator, from: j)
        return true
    }

    /// `resource "type" "name" {`, `variable "name" {`.
    private static func classBlock(_ s: inout Scanner) -> Bool {
        let b = s.bytes
        let p = s.position
        var i = p
        while i < b.count, b[i].isLetter { i += 1 }
        guard classes.contains(UnsafeBufferPointer(rebasing: b[p..<i])), i < b.count, b[i].isSpace else { return false }
        let keyword = i
        var quoted: [Range<Int>] = []
        while quoted.count < 2 {
            var j = i
            while j < b.count, b[j].isSpace { j += 1 }
            guard j < b.count, b[j] == UInt8(ascii: "\"") else { break }
            var k = j + 1
            while k < b.count, isWord(b[k]) { k += 1 }
            guard k > j + 1, k < b.count, b[k] == UInt8(ascii: "\"") else { break }
            quoted.append(j..<k + 1)
            i = k + 1
        }
        var brace = i
        while brace < b.count, b[brace].isSpace { brace += 1 }
        guard !quoted.isEmpty, brace > i, brace < b.count, b[brace] == UInt8(ascii: "{") else { return false }
        s.position = keyword
        s.emit(.keyword, from: p)
        for (n, range) in quoted.enumerated() {
            s.position = range.lowerBound
            s.emit(nil, from: n == 0 ? keyword : quoted[n - 1].upperBound)
            s.position = range.upperBound
            s.emit(n == 0 && quoted.count == 2 ? .nameClass : .nameVariable, from: range.lowerBound)
        }
        s.position = brace
        s.emit(nil, from: quoted.last!.upperBound)
        s.position += 1
        s.emit(.punctuation, from: brace)
        return true
    }

    /// `<<EOT` or `<<-EOT`: the rest of the line and the lines up to one of the name.
    private static func heredoc(_ s: inout Scanner, _ terminators: inout TerminatorLines?) -> Bool {
        let b = s.bytes
        let p = s.position
        guard s.looking(at: "<<") else { return false }
        var i = p + 2
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        let op = i
        while i < b.count, b[i].isSpace { i += 1 }
        let name = i
        guard i < b.count, b[i].isLetter || b[i] == UInt8(ascii: "_") else { return false }
        while i < b.count, b[i].isIdentifier { i += 1 }
        let word = Array(b[name..<i])
        let lineEnd = Scanner.lineEnd(b, from: i)
        guard lineEnd < b.count else { return false }
        s.position = op
        s.emit(.operator, from: p)
        s.position = lineEnd + 1
        s.emit(.string, from: op)
        // The line of the word, found in the lines indexed once (a search from each `<<EOF`
        // to the end made a megabyte of them quadratic); it must end with a line break.
        if terminators == nil { terminators = TerminatorLines(b) }
        if let line = terminators!.first(word, from: s.position, indented: true) {
            let end = Scanner.lineEnd(b, from: line)
            if end < b.count {
                s.position = end + 1
                s.emit(.string, from: lineEnd + 1)
            }
        }
        // Never ended: the lines are errors to Pygments, plain text here.
        return true
    }

    private static func blockComment(_ s: inout Scanner) {
        s.position += 2
        var depth = 1
        while !s.atEnd, depth > 0 {
            if s.looking(at: "/*") {
                depth += 1
                s.position += 2
            } else if s.looking(at: "*/") {
                depth -= 1
                s.position += 2
            } else {
                s.position += 1
            }
        }
    }

    static func isWord(_ c: UInt8) -> Bool { c.isLetter || c.isDigit || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") }
}
