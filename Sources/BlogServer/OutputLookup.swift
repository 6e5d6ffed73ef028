import BlogKit
import Foundation

/// What a request path names in the served folder (`<site>/.blog/preview`). Pure except for
/// looking at the folder, and strict: anything that could leave the folder is refused before
/// the disk is touched.
public struct OutputLookup: Sendable {
    public enum Outcome: Equatable, Sendable {
        case file(String)
        case redirect(String)
        case forbidden
        case notFound
    }

    /// Absolute path of that folder, symbolic links resolved.
    public let root: String
    /// `base_url`'s path, `/` or `/blog/`: the site is served under it, as it is published.
    public let basePath: String

    public init(root: String, basePath: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        self.basePath = basePath
    }

    /// - Parameter rawPath: the request's path as sent, still percent-encoded, without query.
    public func resolve(_ rawPath: String) -> Outcome {
        // Back slashes (raw or encoded) are path separators somewhere; never in a page's URL.
        if rawPath.contains("\\") || rawPath.lowercased().contains("%5c") { return .forbidden }
        // Decoded once: `%252e%252e` becomes the harmless name `%2e%2e`, never `..`.
        guard let path = rawPath.removingPercentEncoding, path.hasPrefix("/"),
            !path.contains("\0"), !path.contains("\\")
        else { return .forbidden }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        // The writer's marker and temporaries are not the site; any other hidden file of the
        // preview is one the build published (`include:`), as the output has it.
        if segments.contains(where: { $0 == ".blog-output" || $0.hasPrefix(".blog-tmp-") }) { return .notFound }

        if path == "/" && basePath != "/" { return .redirect(basePath) }
        if path + "/" == basePath { return .redirect(basePath) }
        guard path.hasPrefix(basePath) else { return .notFound }
        let relative = segments.dropFirst(basePath.split(separator: "/").count).joined(separator: "/")
        let candidate = relative.isEmpty ? root : root + "/" + relative

        let real = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
        guard isInside(real, root, orSame: true) else { return .forbidden }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            if !rawPath.hasSuffix("/") { return .redirect(rawPath + "/") }
            let index = real + "/index.html"
            return FileManager.default.fileExists(atPath: index) ? .file(index) : .notFound
        }
        return .file(real)
    }

    /// Content types by extension (`ContentTypes`); text gets `charset=utf-8`.
    public static func contentType(of path: String) -> String {
        ContentTypes.of(path: path)
    }
}
