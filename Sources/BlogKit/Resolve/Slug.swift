/// Makes the name of a heading id, a tag folder or a post slug from text: Latin letters
/// lowercased, letters and digits of any script kept (so 中文 stays 中文), everything else
/// turned into single hyphens.
public func slugify(_ text: String) -> String {
    var result = ""
    var pendingHyphen = false
    for scalar in text.lowercased().unicodeScalars {
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
            if pendingHyphen && !result.isEmpty { result += "-" }
            pendingHyphen = false
            result.unicodeScalars.append(scalar)
        } else if !scalar.properties.isDiacritic && scalar.properties.generalCategory != .nonspacingMark {
            pendingHyphen = true
        }
    }
    return result
}

/// Percent-encodes what may not stand in a URL (spaces, quotes, non-ASCII as UTF-8 bytes),
/// keeping the characters that give a URL its structure. The same rule as cmark's own
/// `href` escaping, so links and images read alike.
public func encodeURL(_ url: String) -> String {
    var result = ""
    for byte in url.utf8 {
        if byte < 128, safeURLBytes[Int(byte)] {
            result.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
            result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return result
}

private let safeURLBytes: [Bool] = (0..<128).map { byte in
    let c = Character(Unicode.Scalar(UInt8(byte)))
    return c.isASCII && (c.isLetter || c.isNumber || "-_.~!*'();:@&=+$,/?#%[]".contains(c))
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
