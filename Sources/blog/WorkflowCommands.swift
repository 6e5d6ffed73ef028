import ArgumentParser
import BlogKit
import Foundation

extension Blog {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a new site in a folder.",
            discussion: """
                Writes blog.yaml (every key, each with a comment), a first post, an about page \
                and a robots.txt. The site builds at once with the built-in theme. The folder \
                must be new or empty.

                Examples:
                  blog init my-blog
                  blog init my-blog --title "终端笔记"
                """
        )

        @Argument(help: "The folder of the new site.")
        var folder: String

        @Option(help: "The site's title.")
        var title = "My Blog"

        func run() throws {
            let root = URL(fileURLWithPath: folder).standardizedFileURL.path
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
            guard existing.isEmpty else {
                Terminal.report([.error(folder, "refusing to start a site here: the folder is not empty")])
                throw ExitCode(1)
            }
            for (path, text) in Scaffold.files(title: title, now: Date(), stateFolder: SiteState.folderName).sorted(by: { $0.key < $1.key }) {
                let url = URL(fileURLWithPath: root).appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                Terminal.line("created \(SitePathJoin(folder, path))")
            }
            Terminal.line("\nNext: cd \(folder) && blog serve")
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a new post and print its path.",
            discussion: """
                Creates posts/<year>/<slug>.md (or a bundle folder with --bundle) with front \
                matter: the title, the date now in the site's time zone, empty tags. The slug \
                comes from the title's Latin letters and digits; a title with none gets the \
                date as its slug unless --slug says otherwise. An existing file is never \
                overwritten.

                Examples:
                  blog new "Moving to a static site"
                  blog new "用 Swift 写博客" --slug swift-blog --bundle
                  blog new "Year in review" --date "2016-12-31 22:00"
                """
        )

        @Argument(help: "The post's title.")
        var title: String

        @Flag(help: "Make a bundle: a folder whose index.md is the post, for its images.")
        var bundle = false

        @Option(help: "The last part of the post's URL.")
        var slug: String?

        @Option(help: "The post's date (2016-12-31, 2016-12-31 10:00, …); default: now.")
        var date: String?

        @Option(name: .shortAndLong, help: "The site folder (with blog.yaml).")
        var source: String = "."

        func run() throws {
            let root = URL(fileURLWithPath: source).standardizedFileURL.path
            let (settings, problems) = SiteLoader().config(root: root)
            Terminal.report(problems)
            guard let config = settings, !problems.hasErrors else { throw ExitCode(1) }
            let when: PostDate
            if let date {
                guard let parsed = PostDate.parse(date, timeZone: config.timeZone) else {
                    throw ValidationError("cannot read the date '\(date)' (write 2016-12-31, 2016-12-31 10:00 or 2016-12-31 10:00:00 +0800)")
                }
                when = parsed
            } else {
                when = PostDate.now(in: config.timeZone)
            }
            let post = NewPost.make(title: title, slug: slug, date: when, bundle: bundle)
            let url = URL(fileURLWithPath: root).appendingPathComponent(post.path)
            let twin = bundle ? post.path.replacingOccurrences(of: "/index.md", with: ".md")
                : String(post.path.dropLast(3)) + "/index.md"
            for path in [post.path, twin] where FileManager.default.fileExists(atPath: root + "/" + path) {
                Terminal.report([.error(path, "already exists; choose another --slug")])
                throw ExitCode(1)
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(post.text.utf8).write(to: url, options: .withoutOverwriting)
            Terminal.line(SitePathJoin(source, post.path).replacingOccurrences(of: root + "/", with: source == "." ? "" : source + "/"))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the site without writing anything.",
            discussion: """
                Everything blog build verifies (missing images, links to posts that do not \
                exist, front matter, dates, templates…), plus warnings for images without alt \
                text, images larger than check.max_image_kb, links to #fragments that the \
                target post has no heading for, and posts with no tags. Exit status 1 when \
                there are errors.

                Examples:
                  blog check
                  blog check --source site --drafts
                """
        )

        @OptionGroup var site: SiteOptions

        func run() throws {
            // The output is never written, but never read as part of the site either.
            var options = BuildOptions(source: site.source, includeDrafts: site.drafts, excluded: SiteWriter.resolved(site.outputPath))
            options.checks = true
            let result = Progress.during { step in
                options.progress = step
                return SiteBuilder.build(options)
            }
            Terminal.report(result.diagnostics)
            let errors = result.diagnostics.filter(\.isError).count
            let warnings = result.diagnostics.count - errors
            Terminal.line("Checked \(result.postCount) posts and \(result.pageCount) pages: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            if errors > 0 { throw ExitCode(1) }
        }
    }

    struct Deploy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site, then publish it with rsync to deploy.target.",
            discussion: """
                Runs 'blog build', then the real rsync from the output folder to the \
                deploy.target of blog.yaml (user@host:/var/www/blog or a local folder), with \
                --delete so removed posts disappear there too, plus deploy.args. Nothing is \
                sent when the build has errors. Unchanged files keep their modification \
                times, so rsync sends only what changed.

                Examples:
                  blog deploy --dry-run      show what would change
                  blog deploy
                """
        )

        @OptionGroup var site: SiteOptions

        @Flag(help: "Show what would be sent and deleted; change nothing there.")
        var dryRun = false

        func run() throws {
            let source = URL(fileURLWithPath: site.source).standardizedFileURL.path
            let settings = SiteLoader().config(root: source)
            guard let config = settings.0 else {
                Terminal.report(settings.1)
                throw ExitCode(1)
            }
            guard let target = config.deployTarget, !target.isEmpty else {
                Terminal.report([.error("blog.yaml", "no deploy target: add 'deploy: {target: user@host:/var/www/blog}'")])
                throw ExitCode(1)
            }
            // Held until rsync is done: a build started meanwhile would change what is sent.
            BuildRunner.lockSite(source)
            guard try BuildRunner.run(site, settings: settings, verbose: false) else {
                Terminal.line("nothing deployed: the build has errors", toError: true)
                throw ExitCode(1)
            }
            // Exactly the output folder, as `rsync -a public/` by hand would send it: it
            // holds the site and nothing else (the tool's own state is in the site's .blog/).
            var arguments = ["-a", "--delete", "--stats", "--itemize-changes"]
            if dryRun { arguments.append("--dry-run") }
            arguments += config.deployArguments
            arguments += [site.outputPath + "/", target]
            Terminal.line("rsync " + arguments.joined(separator: " "))
            let rsync = Process()
            rsync.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            rsync.arguments = ["rsync"] + arguments
            let interruption = ChildInterruption(signals: [SIGINT, SIGTERM, SIGHUP])
            try rsync.run()
            interruption.started(rsync.processIdentifier)
            rsync.waitUntilExit()
            interruption.finished()
            if let signal = interruption.received {
                Terminal.line("""
                    error: deploy interrupted: rsync was stopped before it finished, so \(target) may be \
                    partly updated (some files sent or deleted, others not); run blog deploy again to finish
                    """, toError: true)
                throw ExitCode(128 + signal)
            }
            guard rsync.terminationStatus == 0 else {
                Terminal.line("error: rsync failed with exit status \(rsync.terminationStatus)", toError: true)
                throw ExitCode(1)
            }
        }
    }
}

/// Ctrl-C, SIGTERM or a closed terminal while a child runs. Foundation starts the child in a
/// process group of its own, so a Ctrl-C at the terminal reaches `blog` alone; left to the
/// default, `blog` would die and rsync (with its helpers: the receiving half of a local
/// copy, ssh) would go on deleting and sending with nobody watching. Instead the signal is
/// passed on to the child's whole group, which rsync answers by cleaning up and stopping, and
/// the group is killed if it is still there a few seconds later (or at a second Ctrl-C).
final class ChildInterruption: @unchecked Sendable {
    private static let grace: DispatchTimeInterval = .seconds(3)
    private let lock = NSLock()
    private var child: pid_t?
    private var ended = false
    private var signal: Int32?
    private var sources: [DispatchSourceSignal] = []

    init(signals: [Int32]) {
        for number in signals {
            // Handled by the source below, not by the default action (which ends `blog`).
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { self.receive(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The first signal received, if any.
    var received: Int32? { lock.withLock { signal } }

    /// The child is running: one signal may already have come while it was being started.
    func started(_ pid: pid_t) {
        let pending = lock.withLock { () -> Int32? in
            child = pid
            return signal
        }
        if let pending { stop(pid, with: pending) }
    }

    /// The child has ended: nothing is sent to its pid any more, which another process may get.
    func finished() { lock.withLock { ended = true } }

    private func receive(_ number: Int32) {
        let (pid, first) = lock.withLock { () -> (pid_t?, Bool) in
            let first = signal == nil
            if first { signal = number }
            return (child, first)
        }
        guard let pid else { return }
        if first { stop(pid, with: number) } else { send(SIGKILL, to: pid) }
    }

    private func stop(_ pid: pid_t, with number: Int32) {
        send(number, to: pid)
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.grace) { self.send(SIGKILL, to: pid) }
    }

    /// To the child's group, or the child alone when it leads none.
    private func send(_ number: Int32, to pid: pid_t) {
        lock.withLock {
            guard !ended else { return }
            if kill(-pid, number) != 0 { kill(pid, number) }
        }
    }
}
