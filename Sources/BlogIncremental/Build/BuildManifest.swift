import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline

/// What the last successful build read and wrote, kept in the site's state folder (never in
/// the output, which is published: it names drafts and every file of the site), so that a
/// build with nothing changed can say so after a few thousand `stat` calls instead of
/// building the whole site again (rsync-style: size and modification time).
public struct BuildManifest: Equatable, Sendable {
    public typealias Stamp = FileStamp

    /// One record per output folder (`build` into public/ and `build -o elsewhere` do not
    /// undo each other's record): `manifest-` and a digest of the folder's path.
    public static func fileName(output: String) -> String {
        var hasher = FNV1a()
        hasher.add(output)
        return "manifest-" + String(hasher.value, radix: 16)
    }

    /// The output folder the record is of: a build into another folder starts afresh.
    public var output = ""
    /// A number drawn for each build: its saved state (`SavedBuild`) is trusted only with it.
    public var build: UInt64 = 0

    /// The build of `blog` (its version and theme), and the options that change the output.
    public var tool: String
    public var includeDrafts: Bool
    public var inputs: [String: Stamp]
    public var outputs: [String: Stamp]
    /// When the next post dated in the future becomes due: the site changes then.
    public var nextDue: Int64?
    /// Warnings of that build, printed again when nothing changed.
    public var warnings: [String]
    /// The key of each copied file (its source, and the source's size and time): a copy
    /// whose key is the same and whose output file has the recorded stamp is not read again.
    public var copies: [String: UInt64] = [:]
    /// Hidden files the build wrote (`include:`): the walk of the output never looks at
    /// hidden entries, so these are the only ones the next build may remove.
    public var hidden: [String] = []

    public init(tool: String, includeDrafts: Bool, inputs: [String: Stamp], outputs: [String: Stamp],
                nextDue: Int64?, warnings: [String]) {
        (self.tool, self.includeDrafts, self.inputs, self.outputs) = (tool, includeDrafts, inputs, outputs)
        (self.nextDue, self.warnings) = (nextDue, warnings)
    }

    public static let tool: String = {
        var hasher = FNV1a()
        for (path, content) in EmbeddedTheme.files.sorted(by: { $0.key < $1.key }) {
            hasher.add(path)
            hasher.add(content)
        }
        return "blog \(version) build \(BinaryIdentity.current) theme \(String(hasher.value, radix: 16))"
    }()

    public static let version = "0.3.0"

    /// The first line of every record: a record of another format is not read.
    package static let format = "blog build record 2"

    /// Lines of tab-separated fields; JSON took longer to decode than the whole check, and
    /// the lines are read as bytes: splitting 50,000 Strings was most of a "Nothing changed".
    /// The last line is a checksum of the others: a damaged record is no record.
    public static func read(source: String, output: String) -> BuildManifest? {
        let path = SitePath.join(SiteState.folder(source: source), fileName(output: output))
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var manifest = BuildManifest(tool: "", includeDrafts: false, inputs: [:], outputs: [:], nextDue: nil, warnings: [])
        let complete = data.withUnsafeBytes { whole in
            guard let body = Self.verified(whole), body.starts(with: (format + "\n").utf8) else { return false }
            var rest = body.dropFirst(format.utf8.count + 1)
            while !rest.isEmpty {
                let (line, next) = cut(rest, at: UInt8(ascii: "\n"))
                rest = next
                if !line.isEmpty, !manifest.add(line) { return false }
            }
            return true
        }
        return complete && manifest.output == output ? manifest : nil
    }

    /// The bytes before the closing `sum` line when it matches them; nil when damaged.
    private static func verified(_ whole: UnsafeRawBufferPointer) -> Bytes? {
        let bytes = whole[...]
        guard bytes.count > 1, bytes.last == 10,
            let start = bytes.dropLast().lastIndex(of: 10).map({ $0 + 1 }),
            bytes[start...].starts(with: "sum\t".utf8),
            let sum = number(bytes[(start + 4)..<(bytes.endIndex - 1)])
        else { return nil }
        let body = bytes[..<start]
        return ContentHash.xxh64(UnsafeRawBufferPointer(rebasing: body)) == UInt64(bitPattern: sum) ? body : nil
    }


    /// A path or message as one field: `\`, tab, line feed and carriage return escaped, so
    /// that a file name holding them is recorded exactly (a post named with a newline must
    /// still be noticed when it is deleted).
    package static func escaped(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else { return field }
        var result = ""
        for character in field.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    private static func text(_ bytes: Bytes) -> String {
        let raw = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(92) else { return raw }
        var result = ""
        var escape = false
        for character in raw.unicodeScalars {
            if escape {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(character)
                }
                escape = false
            } else if character == "\\" {
                escape = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }

    private typealias Bytes = Slice<UnsafeRawBufferPointer>

    /// Adds one line; false when it is not one this version writes.
    private mutating func add(_ line: Bytes) -> Bool {
        let (kind, rest) = Self.cut(line, at: UInt8(ascii: "\t"))
        switch String(decoding: kind, as: UTF8.self) {
        case "tool": tool = String(decoding: rest, as: UTF8.self)
        case "output": output = Self.text(rest)
        case "drafts": includeDrafts = String(decoding: rest, as: UTF8.self) == "1"
        case "due": nextDue = Self.number(rest)
        case "build": build = Self.number(rest).map { UInt64(bitPattern: $0) } ?? 0
        case "warning": warnings.append(Self.text(rest))
        case "hidden": hidden.append(Self.text(rest))
        case "copy":
            let (key, path) = Self.cut(rest, at: UInt8(ascii: "\t"))
            guard let key = Self.number(key) else { return false }
            copies[Self.text(path)] = UInt64(bitPattern: key)
        case "in", "out":
            let (size, afterSize) = Self.cut(rest, at: UInt8(ascii: "\t"))
            let (modified, path) = Self.cut(afterSize, at: UInt8(ascii: "\t"))
            guard let size = Self.number(size), let modified = Self.number(modified), !path.isEmpty else { return false }
            let stamp = Stamp(size: size, modified: modified)
            if kind.count == 2 { inputs[Self.text(path)] = stamp } else { outputs[Self.text(path)] = stamp }
        default: return false
        }
        return true
    }

    /// The bytes before the first `separator` and those after it (all and none without one).
    private static func cut(_ bytes: Bytes, at separator: UInt8) -> (Bytes, Bytes) {
        guard let at = bytes.firstIndex(of: separator) else { return (bytes, bytes[bytes.endIndex...]) }
        return (bytes[..<at], bytes[(at + 1)...])
    }

    /// A decimal number, negative too; the copy keys are written as unsigned and read back
    /// through their bit pattern.
    private static func number(_ bytes: Bytes) -> Int64? {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return negative ? 0 &- Int64(bitPattern: value) : Int64(bitPattern: value)
    }

    /// Written whole or not at all (a temporary renamed), so a full disk cannot leave half a
    /// record that a later build would trust. Built as bytes: as one String, the record of a
    /// large site took longer than the rest of the write.
    public func write(source: String) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (inputs.count + outputs.count + copies.count) + 256)
        func line(_ fields: String...) {
            for (i, field) in fields.enumerated() {
                if i > 0 { bytes.append(9) }
                bytes.append(contentsOf: field.utf8)
            }
            bytes.append(10)
        }
        bytes.append(contentsOf: (Self.format + "\n").utf8)
        line("tool", tool)
        line("output", Self.escaped(output))
        line("drafts", includeDrafts ? "1" : "0")
        if let nextDue { line("due", String(nextDue)) }
        line("build", String(Int64(bitPattern: build)))
        for warning in warnings { line("warning", Self.escaped(warning)) }
        for path in hidden { line("hidden", Self.escaped(path)) }
        // In no order: the reader needs none, and sorting 50,000 paths took a tenth of the write.
        for (path, key) in copies {
            line("copy", String(key), Self.escaped(path))
        }
        for (kind, stamps) in [("in", inputs), ("out", outputs)] {
            for (path, stamp) in stamps {
                line(kind, String(stamp.size), String(stamp.modified), Self.escaped(path))
            }
        }
        line("sum", String(Int64(bitPattern: bytes.withUnsafeBytes(ContentHash.xxh64))))
        let folder = SiteState.folder(source: source)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: SitePath.join(folder, Self.fileName(output: output))), options: .atomic)
    }

    /// Copy keys of the last build whose output file is still as that build left it.
    public func trustedCopies(outputsNow: [String: Stamp]) -> [String: UInt64] {
        copies.filter { path, _ in outputsNow[path] != nil && outputsNow[path] == outputs[path] }
    }

    /// Every file a build may read: the site folder but the output, and an outside theme.
    /// Hidden files are read only from `static/`: a commit in the site's `.git` changes nothing.
    public static func inputs(source: String, output: String, theme: String?) -> [String: Stamp] {
        var stamps = stamps(under: source, skipping: output) { folder, name in
            !name.hasPrefix(".") || folder == "static" || folder.hasPrefix("static/")
        }
        if let theme {
            let folder = URL(fileURLWithPath: theme.hasPrefix("/") ? theme : SitePath.join(source, theme))
                .standardizedFileURL.path  // `../themes/x` lies outside
            // Outside the site, or in a hidden folder of it, which the scan above skips.
            let inside = folder.hasPrefix(source + "/")
            if !inside || SitePath.isHidden(String(folder.dropFirst(source.count + 1))) {
                for (path, stamp) in Self.stamps(under: folder, skipping: nil) { stamps["theme:" + path] = stamp }
            }
        }
        return stamps
    }

    /// Every file of the output the build wrote (hidden files are not the build's).
    /// The output's files, and those whose names are not UTF-8, which the writer can neither
    /// compare nor remove.
    public static func outputs(_ output: String) -> (stamps: [String: Stamp], undecodable: [String]) {
        // Links are not followed: the writer removes stale files among these.
        FolderWalk.stamps(output, followLinks: false) { _, name in SiteWriter.isOwnHidden(name) }
    }

    /// - Parameter keep: whether to look at an entry, given its folder (relative) and name.
    package static func stamps(
        under root: String, skipping: String?, followLinks: Bool = true, keep: (String, String) -> Bool = { _, _ in true }
    ) -> [String: Stamp] {
        // The output, when it lies inside: as a path relative to the root.
        let skipped = skipping.flatMap { isInside($0, root) ? String($0.dropFirst(root.count + 1)) : nil }
        let identity = skipping.flatMap(LocalFileSystem().identity(of:))
        // Names that are not UTF-8 of the site's own folders are the loader's to name.
        return FolderWalk.stamps(root, followLinks: followLinks, excluding: identity) { folder, name in
            !keep(folder, name) || SitePath.join(folder, name) == skipped
        }.stamps
    }
}
