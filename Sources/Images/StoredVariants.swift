import Foundation
import BlogCore

/// An image's entry in the store: a folder of files and a `manifest` written last, so that an
/// entry with a manifest is whole. A problem is kept too (a damaged image is not decoded
/// again either). Written into a temporary folder and renamed into place, so that two
/// processes making one entry never mix their files.
enum StoredVariants {
    static let version = "blog-image-variants 2"

    struct Files {
        var header: ImageHeader
        var made: [VariantMaker.Made]
        var sourceBytes: Int
    }

    static func write(_ result: Result<Files, ImageProblem>, root: String, entry: String) {
        let final = SitePath.join(root, entry)
        let temporary = final + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        do {
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            var lines = [version]
            switch result {
            case .failure(let problem):
                lines.append("problem " + problem.message.replacingOccurrences(of: "\n", with: " "))
            case .success(let files):
                lines += try written(files, into: temporary)
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: temporary + "/manifest"))
            // Another process may have finished first: its entry is as good.
            if rename(temporary, final) != 0 && errno != ENOTEMPTY && errno != EEXIST { return }
        } catch {
            return
        }
    }

    private static func written(_ files: Files, into folder: String) throws -> [String] {
        let header = files.header
        let original = files.made.first { $0.isOriginal && $0.data != nil }
        var lines = ["image \(header.width) \(header.height) \(header.format.fallback.rawValue) \(header.animated ? 1 : 0) "
            + (original.map { "original.\($0.format.fileExtension)" } ?? "-")]
        for made in files.made {
            var name = "-"
            if let data = made.data {
                name = made.isOriginal ? "original.\(made.format.fileExtension)" : "\(made.width).\(made.format.fileExtension)"
                try data.write(to: URL(fileURLWithPath: folder + "/" + name))
            }
            if made.listed { lines.append("\(made.format.rawValue) \(made.width) \(made.height) \(made.data?.count ?? files.sourceBytes) \(name)") }
        }
        return lines
    }

    /// The entry's variants (or its problem); nil when there is no whole entry.
    static func read(root: String, entry: String) -> Result<ImageVariants, ImageProblem>? {
        guard let data = FileManager.default.contents(atPath: SitePath.join(root, entry) + "/manifest") else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.first == version, lines.count >= 2 else { return nil }
        if lines[1].hasPrefix("problem ") { return .failure(ImageProblem(String(lines[1].dropFirst(8)))) }
        let head = lines[1].split(separator: " ").map(String.init)
        guard head.count == 6, head[0] == "image", let width = Int(head[1]), let height = Int(head[2]),
            let format = ImageFormat(rawValue: head[3])
        else { return nil }
        var variants: [ImageVariant] = []
        for line in lines.dropFirst(2) {
            let f = line.split(separator: " ").map(String.init)
            guard f.count == 5, let format = ImageFormat(rawValue: f[0]), let w = Int(f[1]), let h = Int(f[2]),
                let bytes = Int(f[3])
            else { return nil }
            let file = f[4] == "-" ? nil : SitePath.join(entry, f[4])
            variants.append(ImageVariant(format: format, width: w, height: h, bytes: bytes, file: file))
        }
        // A file of the entry deleted, or changed in place through a hard link of the output
        // (an optimizer run over the published site): the entry is made again.
        for variant in variants where variant.file != nil && size(SitePath.join(root, variant.file!)) != variant.bytes {
            return nil
        }
        let original = head[5] == "-" ? nil : SitePath.join(entry, head[5])
        if let original, size(SitePath.join(root, original)) == nil { return nil }
        return .success(ImageVariants(
            width: width, height: height, format: format, animated: head[4] == "1", original: original,
            variants: variants))
    }

    private static func size(_ path: String) -> Int? {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil
    }

    /// An entry that cannot be read whole is removed, so that it can be made again in its place.
    static func discard(root: String, entry: String) {
        try? FileManager.default.removeItem(atPath: SitePath.join(root, entry))
    }
}
