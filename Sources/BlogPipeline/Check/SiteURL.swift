import Foundation
import BlogCore
import BlogMarkdown

/// Where a URL written in a page of the site leads, in terms of the output folder: the check
/// that every link into the site finds a file there.
package struct SiteURL {
    /// `base_url`, `https://example.com/blog/`, and its path, `/blog/`.
    package let baseURL: String
    package let basePath: String
    /// Every file of the output, relative to it (`2016/01/a/index.html`).
    package let files: Set<String>

    package init(baseURL: String, basePath: String, files: Set<String>) {
        self.baseURL = baseURL
        self.basePath = basePath
        self.files = files
    }

    package enum Target: Equatable {
        /// Not a URL of this site (another host, `mailto:`, a `#fragment` of the same page).
        case elsewhere
        /// A path of the output, and whether the URL named this site by its full address.
        case path(String, absolute: Bool)
        /// Above the site's root (`../../..`).
        case aboveRoot(absolute: Bool)
    }

    /// - Parameter folder: the URL path of the folder of the page the URL stands in
    ///   (`/blog/2016/01/a/`): what a relative URL is resolved against.
    package func target(of url: String, inFolder folder: String) -> Target {
        if url.isEmpty || url.hasPrefix("#") { return .elsewhere }
        var rest = Substring(url)
        var absolute = false
        if rest.hasPrefix("//") || hasURLScheme(rest) {
            guard rest.hasPrefix(baseURL) else { return .elsewhere }
            rest = Substring(basePath) + rest.dropFirst(baseURL.count)
            absolute = true
        }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        if rest.isEmpty { return .elsewhere }  // `?page=2`: this page
        let decoded = rest.utf8.contains(UInt8(ascii: "%")) ? String(rest).removingPercentEncoding ?? String(rest) : String(rest)
        let full = decoded.hasPrefix("/") ? decoded : folder + decoded
        // A path of the host outside `base_url`'s path is another site's.
        guard full.hasPrefix(basePath) || full + "/" == basePath else { return .elsewhere }
        let relative = String(full.dropFirst(min(basePath.count, full.count)))
        guard let normalized = SitePath.normalize(relative) else { return .aboveRoot(absolute: absolute) }
        return .path(normalized, absolute: absolute)

    }

    /// A file of the output, or a folder with an `index.html` (the server adds the slash).
    package func exists(_ path: String) -> Bool {
        path.isEmpty ? files.contains("index.html") : files.contains(path) || files.contains(path + "/index.html")
    }

    /// Whether the URL points into the site at nothing there; and where it leads, for messages.
    package func dead(_ url: String, inFolder folder: String) -> (leadsTo: String, absolute: Bool)? {
        dead(target(of: url, inFolder: folder), url: url)
    }

    /// The same, for a target already found.
    package func dead(_ target: Target, url: String) -> (leadsTo: String, absolute: Bool)? {
        switch target {
        case .elsewhere: return nil
        case .aboveRoot(let absolute): return ("above the site's root", absolute)
        case .path(let path, let absolute):
            let slash = url.hasSuffix("/") && !path.isEmpty ? "/" : ""
            return exists(path) ? nil : (basePath + path + slash, absolute)
        }
    }
}

/// `https:`, `mailto:`, `data:` … — a scheme is letters before a colon, before any slash.
package func hasURLScheme<Text: StringProtocol>(_ url: Text) -> Bool {
    guard let colon = url.firstIndex(of: ":") else { return false }
    let scheme = url[..<colon]
    return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
}
