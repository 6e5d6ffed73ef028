import Foundation
import Testing
import TestSupport

/// The promise of the saved build (`.blog/saved-…`): after any edit, an incremental build
/// writes byte for byte what a cold build writes. A seeded walk of random edits over a small
/// site — text, titles, dates, tags, drafts, renames, deletions, new posts, images, static
/// files, settings, theme overrides, a damaged save, two builds at once — with, after each
/// step, an incremental build compared with a cold build into a folder that has no record.
///
/// `BLOG_RANDOM_EDIT_SEED` (decimal or `0x…`) replays a walk; `BLOG_RANDOM_EDIT_STEPS`
/// lengthens it (64 by default); `BLOG_RANDOM_EDIT_BINARY` walks another build of `blog`.
/// Every failure names the seed, the step and its edit.
@Suite struct RandomEditTests {
    static let seed: UInt64 = {
        let text = ProcessInfo.processInfo.environment["BLOG_RANDOM_EDIT_SEED"] ?? ""
        let parsed = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
        return parsed ?? 0x5EED_0019_B106
    }()
    static let steps = ProcessInfo.processInfo.environment["BLOG_RANDOM_EDIT_STEPS"].flatMap { Int($0) } ?? 64
    /// `BLOG_RANDOM_EDIT_VERBOSE=1` prints each step and what its build said.
    static let verbose = ProcessInfo.processInfo.environment["BLOG_RANDOM_EDIT_VERBOSE"] != nil

    @Test func anIncrementalBuildAfterAnyEditIsAColdBuild() throws {
        let walk = try EditWalk(seed: Self.seed)
        let colds = try Fixture(files: [:])
        let first = try walk.build()
        #expect(first.status == 0, "seed \(walk.seedText): the fixture site does not build: \(first.stderr)")
        // Every kind once, in a random order, then random kinds (the two that #19 added twice
        // as often): a short walk still covers all.
        var kinds = EditKind.allCases.shuffled(using: &walk.random)
        let weighted = EditKind.allCases + [.damagedSave, .concurrentBuild]
        while kinds.count < Self.steps { kinds.append(weighted.randomElement(using: &walk.random)!) }
        var failures: [(EditKind, String)] = []
        for (step, kind) in kinds.enumerated() {
            let edit = try walk.apply(kind, step: step)
            let context = "seed \(walk.seedText), step \(step) (\(kind): \(edit.description))"
            var problems = edit.problems
            let again = try walk.build()
            if Self.verbose { print("\(context)\n    \(again.stdout.split(separator: "\n").last ?? "")") }
            if again.status != 0 { problems.append("the incremental build exited \(again.status): \(again.stderr.prefix(800))") }
            if again.stderr.contains("part old, part new") { problems.append("the incremental build says: \(again.stderr.prefix(800))") }
            let cold = colds.root + "/cold-\(step)"
            let coldBuild = try walk.buildCold(into: cold)
            if coldBuild.status != 0 { problems.append("the cold build exited \(coldBuild.status): \(coldBuild.stderr.prefix(800))") }
            let differences = treeDifferences(incremental: try tree(walk.site.output), cold: try tree(cold))
            if !differences.isEmpty {
                problems.append("the incremental build differs from a cold one in \(differences.count) paths:\n  " + differences.prefix(8).joined(separator: "\n  "))
            }
            try? FileManager.default.removeItem(atPath: cold)
            guard !problems.isEmpty else { continue }
            let message = "\(context):\n" + problems.joined(separator: "\n") + "\n(replay: BLOG_RANDOM_EDIT_SEED=\(walk.seedText))"
            Issue.record(Comment(rawValue: message))
            failures.append((kind, problems[0].split(separator: "\n").prefix(2).joined(separator: " ").prefix(240).description))
            // Start the next step from a cold build, so that one failure is not counted again
            // against the kinds that follow it.
            try walk.startAfresh()
        }
        if !failures.isEmpty {
            print("RandomEditTests: seed \(walk.seedText), \(kinds.count) steps, \(failures.count) failed:")
            for kind in EditKind.allCases {
                let tried = kinds.filter { $0 == kind }.count
                let failed = failures.filter { $0.0 == kind }
                print("  \(kind): \(failed.count) of \(tried) failed" + (failed.first.map { " — first: \($0.1)" } ?? ""))
            }
        }
    }
}

/// One kind of random edit of the site.
enum EditKind: String, CaseIterable, CustomStringConvertible {
    case text, title, date, tags, draft, rename, delete, add, image, page, staticFile, settings, theme, damagedSave, concurrentBuild
    var description: String { rawValue }
}

/// What an edit did, and what went wrong while it ran (the concurrent builds' own checks).
struct AppliedEdit {
    var description: String
    var problems: [String] = []
}

/// A fixture site, the model it was written from, and the random walk over its edits.
final class EditWalk {
    /// A post as the walk knows it; its file is written from these fields.
    struct Post {
        var folder: String  // "posts/2017"
        var name: String  // the file's name without `.md`, or the bundle's folder
        var bundle: Bool
        var title: String
        var date: String
        var tags: [String]
        var category: String
        var draft = false
        var body: String
        var images: [String] = []  // beside the post, or in its bundle
        /// The post every other links to: never renamed, deleted or made a draft.
        var anchor = false

        var path: String { bundle ? "\(folder)/\(name)/index.md" : "\(folder)/\(name).md" }
        var imageFolder: String { bundle ? "\(folder)/\(name)" : folder }
        var file: String {
            var lines = ["---", "title: \"\(title)\"", "date: \(date)", "tags: [\(tags.joined(separator: ", "))]", "categories: \(category)"]
            if draft { lines.append("draft: true") }
            lines += ["---", body]
            var text = lines.joined(separator: "\n") + "\n"
            for image in images { text += "\n![\(image) of \(title)](\(image))\n" }
            if !anchor { text += "\nSee [the first post](/\(EditWalk.anchorPath)).\n" }
            return text
        }
    }

    static let anchorPath = "posts/2016/anchor.md"
    static let words = ["static", "site", "Swift", "Linux", "cmark", "rsync", "Markdown", "typography", "Kyoto", "maple", "终端", "笔记", "排版", "博客", "夏天", "notes"]
    static let tagPool = ["swift", "linux", "travel", "中文", "markdown", "rsync", "photos"]
    static let categoryPool = ["tech", "life", "技术", "photos"]
    static let templates = ["post.mustache", "post-summary.mustache", "home.mustache", "page.mustache", "tag.mustache", "post-meta.mustache", "year.mustache", "base.mustache"]

    let site: Fixture
    let seedText: String
    var random: SplitMix64
    var posts: [Post] = []
    var staticFiles: [String] = []
    var overrides: Set<String> = []
    private var serial = 0

    init(seed: UInt64) throws {
        seedText = "0x" + String(seed, radix: 16)
        random = SplitMix64(state: seed)
        site = try Fixture(files: [:])
        posts.append(Post(folder: "posts/2016", name: "anchor", bundle: false, title: "The first post", date: "2016-01-10", tags: ["swift"], category: "tech", body: sentences(3), images: ["chart.png"], anchor: true))
        for (n, year) in [2015, 2016, 2017, 2017, 2018, 2019, 2019].enumerated() {
            posts.append(newPost(folder: "posts/\(year)", name: "post-\(n)", bundle: false, year: year))
        }
        for (n, year) in [2016, 2018, 2018, 2019].enumerated() {
            var post = newPost(folder: "posts/\(year)", name: "trip-\(n)", bundle: true, year: year)
            post.images = n % 2 == 0 ? ["photo.png"] : ["photo.png", "map.png"]
            posts.append(post)
        }
        var files: [String: Any] = [
            "blog.yaml": settings(title: "Random edits", paginate: 3),
            "pages/about.md": "---\ntitle: About\n---\n\(sentences(2))\n",
            "pages/colophon.md": "---\ntitle: Colophon\n---\n\(sentences(2))\n",
            "static/robots.txt": "User-agent: *\n",
            "static/css/extra.css": "body { color: #222; }\n",
            "static/.env": "SECRET=1\n",  // a hidden file: never published, a warning each build
        ]
        for post in posts {
            files[post.path] = post.file
            for image in post.images { files[post.imageFolder + "/" + image] = randomPNG() }
        }
        try site.write(files)
    }

    // MARK: The edits

    func apply(_ kind: EditKind, step: Int) throws -> AppliedEdit {
        serial = step
        switch kind {
        case .text:
            return try editPost(any: true) { $0.body = self.sentences(Int.random(in: 1...4, using: &self.random)); return "new text" }
        case .title:
            return try editPost(any: true) { $0.title = self.phrase(); return "title '\($0.title)'" }
        case .date:
            return try editPost(any: true) { $0.date = self.randomDate(); return "date \($0.date)" }
        case .tags:
            return try editPost(any: true) { $0.tags = self.randomTags(); $0.category = Self.categoryPool.randomElement(using: &self.random)!; return "tags \($0.tags), category \($0.category)" }
        case .draft:
            return try editPost(any: false) { $0.draft.toggle(); return $0.draft ? "made a draft" : "published again" }
        case .rename:
            return try rename()
        case .delete:
            return try posts.count <= 5 ? add() : delete()
        case .add:
            return try posts.count >= 16 ? delete() : add()
        case .image:
            return try swapImage()
        case .page:
            let page = ["pages/about.md", "pages/colophon.md"].randomElement(using: &random)!
            try site.write([page: "---\ntitle: \(phrase())\n---\n\(sentences(2))\n"])
            return AppliedEdit(description: "rewrote \(page)")
        case .staticFile:
            return try editStatic()
        case .settings:
            let title = phrase(), paginate = Int.random(in: 1...4, using: &random)
            try site.write(["blog.yaml": settings(title: title, paginate: paginate)])
            return AppliedEdit(description: "blog.yaml: title '\(title)', paginate \(paginate)")
        case .theme:
            return try overrideTemplate()
        case .damagedSave:
            return try damageSave()
        case .concurrentBuild:
            return try buildTwiceAtOnce()
        }
    }

    /// Changes a post (any, or one that is not the anchor) and writes its file again.
    private func editPost(any: Bool, _ change: (inout Post) -> String) throws -> AppliedEdit {
        let candidates = posts.indices.filter { any || !posts[$0].anchor }
        let index = candidates.randomElement(using: &random)!
        let said = change(&posts[index])
        try site.write([posts[index].path: posts[index].file])
        return AppliedEdit(description: "\(posts[index].path): \(said)")
    }

    private func rename() throws -> AppliedEdit {
        let index = posts.indices.filter { !posts[$0].anchor }.randomElement(using: &random)!
        let old = posts[index]
        var new = old
        new.name = old.name.split(separator: "-r").first.map(String.init)! + "-r\(serial)"
        if !old.bundle { new.folder = "posts/\(Int.random(in: 2015...2019, using: &random))" }
        let from = site.root + "/" + (old.bundle ? old.imageFolder : old.path)
        let to = site.root + "/" + (new.bundle ? new.imageFolder : new.path)
        try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: from, toPath: to)
        posts[index] = new
        return AppliedEdit(description: "\(old.path) → \(new.path)")
    }

    private func delete() throws -> AppliedEdit {
        let index = posts.indices.filter { !posts[$0].anchor }.randomElement(using: &random)!
        let post = posts.remove(at: index)
        try FileManager.default.removeItem(atPath: site.root + "/" + (post.bundle ? post.imageFolder : post.path))
        return AppliedEdit(description: "deleted \(post.path)")
    }

    private func add() throws -> AppliedEdit {
        let year = Int.random(in: 2015...2019, using: &random)
        let bundle = Bool.random(using: &random)
        var post = newPost(folder: "posts/\(year)", name: "new-\(serial)", bundle: bundle, year: year)
        var files: [String: Any] = [:]
        if bundle {
            post.images = ["photo.png"]
            files[post.imageFolder + "/photo.png"] = randomPNG()
        }
        files[post.path] = post.file
        try site.write(files)
        posts.append(post)
        return AppliedEdit(description: "added \(post.path)")
    }

    private func swapImage() throws -> AppliedEdit {
        let images = posts.flatMap { post in post.images.map { post.imageFolder + "/" + $0 } }
        let image = images.randomElement(using: &random)!
        let bytes = randomPNG()
        try site.write([image: bytes])
        return AppliedEdit(description: "\(image): new bytes (\(bytes.count))")
    }

    private func editStatic() throws -> AppliedEdit {
        if !staticFiles.isEmpty && Bool.random(using: &random) {
            let file = staticFiles.remove(at: Int.random(in: 0..<staticFiles.count, using: &random))
            try FileManager.default.removeItem(atPath: site.root + "/" + file)
            return AppliedEdit(description: "removed \(file)")
        }
        let file = Bool.random(using: &random) ? "static/files/note-\(serial).txt" : "static/files/sub-\(serial)/note.txt"
        try site.write([file: sentences(1) + "\n"])
        staticFiles.append(file)
        return AppliedEdit(description: "added \(file)")
    }

    /// Copies a default template with a word added, or removes an override already there.
    private func overrideTemplate() throws -> AppliedEdit {
        let name = Self.templates.randomElement(using: &random)!
        let path = "templates/" + name
        if overrides.contains(name) && Bool.random(using: &random) {
            try FileManager.default.removeItem(atPath: site.root + "/" + path)
            overrides.remove(name)
            return AppliedEdit(description: "removed \(path)")
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let original = try String(contentsOf: repository.appendingPathComponent("themes/default/templates/" + name), encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let at = lines.firstIndex { $0.first == "<" && $0.dropFirst().first?.isLetter == true } ?? 0
        let word = "edited-\(serial)"
        lines.insert("<p class=\"edited\">\(word)</p>", at: at + 1)
        try site.write([path: lines.joined(separator: "\n")])
        overrides.insert(name)
        return AppliedEdit(description: "\(path): the default with '\(word)'")
    }

    /// Flips one byte of, or truncates, a file of the saved build, then edits a post's text
    /// so that the next build reads the save instead of stopping at "nothing changed".
    private func damageSave() throws -> AppliedEdit {
        let state = site.root + "/.blog"
        let saves = try FileManager.default.contentsOfDirectory(atPath: state).filter { $0.hasPrefix("saved-") || $0.hasPrefix("manifest-") }.sorted()
        guard let name = saves.randomElement(using: &random) else { return AppliedEdit(description: "no save to damage", problems: ["the last build left no saved-… or manifest-… in .blog/"]) }
        let url = URL(fileURLWithPath: state + "/" + name)
        var bytes = try Data(contentsOf: url)
        var said: String
        if bytes.isEmpty {
            said = "\(name) is empty; left so"
        } else if Bool.random(using: &random) {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            let mask = UInt8.random(in: 1...255, using: &random)
            bytes[at] ^= mask
            said = "byte \(at) of \(bytes.count) of \(name) xor 0x\(String(mask, radix: 16))"
        } else {
            let length = Int.random(in: 0..<bytes.count, using: &random)
            said = "\(name) truncated from \(bytes.count) to \(length) bytes"
            bytes = bytes.prefix(length)
        }
        try bytes.write(to: url)
        let text = try editPost(any: true) { $0.body = self.sentences(2); return "new text" }
        return AppliedEdit(description: said + "; " + text.description)
    }

    /// An edit, then two builds of the site started at once (an editor's build-on-save and
    /// a terminal): both end, at least one succeeds, and neither says "part old, part new".
    private func buildTwiceAtOnce() throws -> AppliedEdit {
        let kinds: [EditKind] = [.text, .title, .tags, .image, .add]
        var edit = try apply(kinds.randomElement(using: &random)!, step: serial)
        let running = try (0..<2).map { _ in try BlogProcess.start(["build", "--source", site.root], executable: Self.executable) }
        for started in running {
            let process = started.process
            DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if process.isRunning { process.terminate() } }
        }
        let outcomes = running.map { $0.wait() }
        for started in running where started.process.terminationReason == .uncaughtSignal {
            edit.problems.append("a build at once with another did not end within 60 s, or was killed (signal \(started.process.terminationStatus))")
        }
        if !outcomes.contains(where: { $0.status == 0 }) {
            edit.problems.append("neither of two builds at once succeeded: " + outcomes.map { "exit \($0.status): \($0.stderr.prefix(400))" }.joined(separator: " | "))
        }
        for outcome in outcomes where outcome.stderr.contains("part old, part new") {
            edit.problems.append("a build at once with another says: \(outcome.stderr.prefix(400))")
        }
        edit.description = "two builds at once after " + edit.description
        return edit
    }

    // MARK: Builds

    /// `BLOG_RANDOM_EDIT_BINARY` walks another build of `blog` (a release one, an older one).
    static let executable = ProcessInfo.processInfo.environment["BLOG_RANDOM_EDIT_BINARY"] ?? BlogProcess.executable

    /// `blog build` of the site into its own output (or `extra`'s); a hang ends in 60 s.
    func build(_ extra: [String] = []) throws -> BlogProcess.Outcome {
        try BlogProcess.run(["build", "--source", site.root] + extra, executable: Self.executable, timeout: 60)
    }

    /// A cold build into a new folder. Its record and save in `.blog/` (one per output
    /// folder) are removed after it, so that the damaged-save step finds only the site's own.
    func buildCold(into folder: String) throws -> BlogProcess.Outcome {
        let state = site.root + "/.blog"
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: state)) ?? [])
        let outcome = try build(["--output", folder])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: state)) ?? [] where !before.contains(name) && (name.hasPrefix("saved-") || name.hasPrefix("manifest-")) {
            try? FileManager.default.removeItem(atPath: state + "/" + name)
        }
        return outcome
    }

    /// Forgets the saved build and the output, and builds cold.
    func startAfresh() throws {
        try? FileManager.default.removeItem(atPath: site.root + "/.blog")
        try? FileManager.default.removeItem(atPath: site.output)
        _ = try build()
    }

    // MARK: Random content

    private func newPost(folder: String, name: String, bundle: Bool, year: Int) -> Post {
        Post(folder: folder, name: name, bundle: bundle, title: phrase(), date: randomDate(year: year), tags: randomTags(), category: Self.categoryPool.randomElement(using: &random)!, body: sentences(Int.random(in: 1...3, using: &random)))
    }

    private func settings(title: String, paginate: Int) -> String {
        "title: \"\(title)\"\nbase_url: https://example.com/\npaginate: \(paginate)\n"
    }

    private func phrase() -> String {
        (0..<Int.random(in: 2...4, using: &random)).map { _ in Self.words.randomElement(using: &random)! }.joined(separator: " ")
    }

    /// Paragraphs, sometimes a heading, a code block or an excerpt mark.
    private func sentences(_ count: Int) -> String {
        var blocks: [String] = []
        for n in 0..<count {
            blocks.append(phrase() + " " + phrase() + ".")
            switch Int.random(in: 0..<6, using: &random) {
            case 0: blocks.append("## " + phrase())
            case 1: blocks.append("```swift\nlet n = \(n)\n```")
            case 2 where n == 0: blocks.append("<!--more-->")
            default: break
            }
        }
        return blocks.joined(separator: "\n\n")
    }

    private func randomDate(year: Int? = nil) -> String {
        let year = year ?? Int.random(in: 2015...2019, using: &random)
        let month = Int.random(in: 1...12, using: &random), day = Int.random(in: 1...28, using: &random)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    private func randomTags() -> [String] {
        Array(Self.tagPool.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))).sorted()
    }

    private func randomPNG() -> Data {
        Fixture.png(width: UInt32.random(in: 1...2000, using: &random), height: UInt32.random(in: 1...2000, using: &random))
    }
}

/// What a path of an output folder is: a file's bytes, a folder, a link and where it leads.
enum TreeEntry: Equatable {
    case file(Data)
    case folder
    case link(String)
    case other(mode_t)
}

/// Every path under a folder (files, folders, links, anything), as lstat sees it.
func tree(_ root: String) throws -> [String: TreeEntry] {
    var entries: [String: TreeEntry] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let path = enumerator?.nextObject() as? String {
        let full = root + "/" + path
        var info = stat()
        guard lstat(full, &info) == 0 else { continue }
        switch info.st_mode & S_IFMT {
        case S_IFREG: entries[path] = .file(try Data(contentsOf: URL(fileURLWithPath: full)))
        case S_IFDIR: entries[path] = .folder
        case S_IFLNK: entries[path] = .link((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")
        default: entries[path] = .other(info.st_mode)
        }
    }
    return entries
}

/// One line per path where the two trees differ, saying how.
func treeDifferences(incremental: [String: TreeEntry], cold: [String: TreeEntry]) -> [String] {
    Set(incremental.keys).union(cold.keys).sorted().compactMap { path in
        switch (incremental[path], cold[path]) {
        case let (a, b) where a == b: return nil
        case (nil, nil): return nil
        case (nil, let b?): return "\(path): only in the cold build (\(b.kind))"
        case (let a?, nil): return "\(path): only in the incremental build (\(a.kind))"
        case let (.file(a)?, .file(b)?): return "\(path): \(a.count) bytes, cold \(b.count): " + firstDifferentLine(a, b)
        case let (a?, b?): return "\(path): \(a.kind) here, \(b.kind) in the cold build"
        }
    }
}

extension TreeEntry {
    var kind: String {
        switch self {
        case .file(let data): "a file of \(data.count) bytes"
        case .folder: "a folder"
        case .link(let target): "a link to \(target)"
        case .other(let mode): "a file of mode \(String(mode, radix: 8))"
        }
    }
}

private func firstDifferentLine(_ a: Data, _ b: Data) -> String {
    let left = String(decoding: a, as: UTF8.self).components(separatedBy: "\n")
    let right = String(decoding: b, as: UTF8.self).components(separatedBy: "\n")
    guard let line = zip(left, right).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else {
        return "one is the other's start (\(left.count) vs \(right.count) lines)"
    }
    return "line \(line + 1): '\(left[line].prefix(120))' vs cold '\(right[line].prefix(120))'"
}
