import Foundation
import Yams
import BlogCore

/// Where a Hugo site's content and static files really are: Hugo reads them through mounts
/// (`module: {mounts: [{source: content/en, target: content}]}`, docsy's layout), or from a
/// language's `contentDir` (`languages: {en: {contentDir: content/en}}`), or from `contentDir`,
/// else `content/`. Paths are given as Hugo sees them (`blog/2021/a.md`, relative to the
/// content root), each with the old file it is.
struct HugoMounts {
    /// A folder of the old site and where Hugo puts it, relative to the component's root
    /// (`content/en` → ``, `docs/extra` → `extra`).
    struct Mount: Equatable {
        var source: String
        var target: String
    }

    var content: [Mount]
    var staticFiles: [Mount]
    /// Content of the site's other languages, which Hugo published under `/<lang>/`: the
    /// folders, for the report.
    var otherLanguages: [(language: String, folder: String)] = []

    init(config: [(String, Node)]) {
        let language = config.string("defaultContentLanguage") ?? "en"
        var content: [Mount] = []
        var staticFiles: [Mount] = []
        for mount in config["module"]?["mounts"]?.sequence ?? [] {
            guard let source = mount["source"]?.string.map(Self.clean), let target = mount["target"]?.string.map(Self.clean), !source.isEmpty else { continue }
            if let lang = mount["lang"]?.string, !lang.isEmpty, lang != language {
                if target == "content" || target.hasPrefix("content/") { otherLanguages.append((lang, source)) }
                continue
            }
            if let inside = Self.inside(target, of: "content") { content.append(Mount(source: source, target: inside)) }
            if let inside = Self.inside(target, of: "static") { staticFiles.append(Mount(source: source, target: inside)) }
        }
        // A mount of a component replaces its default folder, as in Hugo.
        if content.isEmpty {
            let languages = config["languages"]?.mapping
            let own = languages?[Node(language)]?["contentDir"]?.string
            content = [Mount(source: Self.clean(own ?? config.string("contentDir") ?? "content"), target: "")]
            for (key, value) in languages ?? [:] {
                guard let name = key.string, name != language, let folder = value["contentDir"]?.string else { continue }
                otherLanguages.append((name, Self.clean(folder)))
            }
        }
        self.content = content
        self.staticFiles = staticFiles.isEmpty ? [Mount(source: "static", target: "")] : staticFiles
    }

    /// Every file of the component as Hugo sees it → its file in the old site; the first
    /// mount that has a path wins, as in Hugo.
    static func files(_ mounts: [Mount], of files: [String]) -> [(path: String, origin: String)] {
        var seen: Set<String> = []
        var result: [(path: String, origin: String)] = []
        for mount in mounts {
            for file in files where file.hasPrefix(mount.source + "/") {
                let rest = String(file.dropFirst(mount.source.count + 1))
                let path = mount.target.isEmpty ? rest : mount.target + "/" + rest
                if seen.insert(path).inserted { result.append((path, file)) }
            }
        }
        return result.sorted { $0.path < $1.path }
    }

    /// `content/en/` → `content/en`, `./static` → `static`
    private static func clean(_ path: String) -> String {
        var path = trimmed(path)
        while path.hasPrefix("./") { path = String(path.dropFirst(2)) }
        return path.trimmingCharacters(in: ["/"])
    }

    /// `content/blog` inside `content` → `blog`; `content` → ``; `contentx` → nil.
    private static func inside(_ target: String, of root: String) -> String? {
        if target == root { return "" }
        return target.hasPrefix(root + "/") ? String(target.dropFirst(root.count + 1)) : nil
    }
}
