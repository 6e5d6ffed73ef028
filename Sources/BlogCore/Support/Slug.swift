/// Makes the name of a heading id, a tag folder or a post slug from text: Latin letters
/// lowercased, letters and digits of any script kept (so 中文 stays 中文), everything else
/// turned into single hyphens.
public func slugify(_ text: String) -> String {
    var result = ""
    var pendingHyphen = false
    for scalar in text.lowercased().unicodeScalars {
        switch slugRole(of: scalar) {
        case .kept:
            if pendingHyphen && !result.isEmpty { result += "-" }
            pendingHyphen = false
            result.unicodeScalars.append(scalar)
        case .separator:
            pendingHyphen = true
        case .dropped:
            break
        }
    }
    return result
}

private enum SlugRole { case kept, separator, dropped }

/// ASCII decided by a table (most headings are ASCII, and property lookups were the
/// cost of slugging), the rest by Unicode properties: letters and digits kept, accents
/// dropped, anything else separates words.
private func slugRole(of scalar: Unicode.Scalar) -> SlugRole {
    if scalar.isASCII { return asciiSlugRoles[Int(scalar.value)] }
    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return .kept }
    if scalar.properties.isDiacritic || scalar.properties.generalCategory == .nonspacingMark { return .dropped }
    return .separator
}

private let asciiSlugRoles: [SlugRole] = (0..<128).map { value in
    let scalar = Unicode.Scalar(UInt8(value))
    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" { return .kept }
    if scalar.properties.isDiacritic { return .dropped }  // ^ and `
    return .separator
}

/// The folder name of a tag or category: slugged like a heading, with the symbols that tell
/// languages apart spelled out (`C++` → `c-plus-plus`, `C#` → `c-sharp`), and never empty or
/// made of dots (a name of symbols alone becomes their code points: `?` → `u3f`).
public func taxonomySlug(_ name: String) -> String {
    var spelled = ""
    for c in name {
        switch c {
        case "+": spelled += " plus "
        case "#": spelled += " sharp "
        case "&": spelled += " and "
        case "@": spelled += " at "
        default: spelled.append(c)
        }
    }
    let slug = slugify(spelled)
    if !slug.isEmpty { return slug }
    return "u" + name.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-")
}

/// Percent-encodes a path the build made (slugs, tag names, file names): everything but
/// unreserved characters and `/`, so a `%`, `?` or `#` in a name cannot change the URL.
public func encodePath(_ path: String) -> String {
    percentEncode(path, keeping: unreservedBytes)
}

/// Percent-encodes what may not stand in a URL (spaces, quotes, non-ASCII as UTF-8 bytes),
/// keeping the characters that give a URL its structure. The same rule as cmark's own
/// `href` escaping, so links and images read alike.
public func encodeURL(_ url: String) -> String {
    percentEncode(url, keeping: safeURLBytes)
}

private func percentEncode(_ text: String, keeping kept: [Bool]) -> String {
    if text.utf8.allSatisfy({ $0 < 128 && kept[Int($0)] }) { return text }
    var result = ""
    for byte in text.utf8 {
        if byte < 128, kept[Int(byte)] {
            result.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
            result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return result
}

private let unreservedBytes = asciiTable { $0.isLetter || $0.isNumber || "-_.~/".contains($0) }
private let safeURLBytes = asciiTable { $0.isLetter || $0.isNumber || "-_.~!*'();:@&=+$,/?#%[]".contains($0) }

private func asciiTable(_ keep: (Character) -> Bool) -> [Bool] {
    (0..<128).map { byte in
        let c = Character(Unicode.Scalar(UInt8(byte)))
        return c.isASCII && keep(c)
    }
}

extension String {
    package func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
