import ArgumentParser
import BlogKit
import BlogServer
import Foundation
import Hummingbird
import Logging

extension Blog {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site, serve it for preview, and rebuild and reload on every save.",
            discussion: """
                The preview is built into the site's hidden folder .blog/preview, never into \
                the output folder: its pages link to the preview server and may include \
                drafts, so they must not be published. Every change to a post, an image, \
                blog.yaml, a template or the theme rebuilds it, and open tabs reload; a failed \
                build shows its errors in the tab and keeps serving the last good build.

                Examples:
                  blog serve                       preview the site in this folder on port 4000
                  blog serve -s site --port 8000   another folder and port
                  blog serve --drafts              include drafts and future posts
                """
        )

        @Option(name: .shortAndLong, help: "The site folder (with blog.yaml).")
        var source: String = "."

        @Flag(help: "Include drafts and posts dated in the future.")
        var drafts = false

        /// Not an option of serve: accepted only to say so, rather than leave someone who
        /// expects the preview in that folder with a bare "unknown option".
        @Option(name: .shortAndLong, help: .private)
        var output: String?

        @Option(help: "The address to listen on; loopback unless you say otherwise.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on (0: any free port).")
        var port = 4000

        @Flag(name: .shortAndLong, help: "Print the time each stage of each rebuild took.")
        var verbose = false

        func validate() throws {
            if output != nil {
                throw ValidationError("""
                    blog serve does not write the output folder, so it takes no --output: it \
                    previews from <site>/.blog/preview. To write the site into a folder, run \
                    'blog build --output DIR'.
                    """)
            }
        }

        /// Every connection is a file descriptor: many systems start a process with 1,024,
        /// which a browser's tabs and their streams can reach; the hard limit is allowed.
        static func raiseOpenFileLimit() {
            var limit = rlimit()
            guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
            limit.rlim_cur = limit.rlim_max
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }

        /// Said before the first build, since the server already answers: on an address other
        /// machines can reach, the preview is theirs to read, drafts (unpublished writing)
        /// included. nil on loopback.
        static func networkWarning(address: String, host: String, drafts: Bool) -> String? {
            guard HostCheck(bindHost: host) == nil else { return nil }
            if drafts {
                return "warning: serving drafts on \(address): drafts and future posts are visible to the network, "
                    + "to anyone who can reach this machine; use --host 127.0.0.1 to keep them to yourself"
            }
            return "warning: serving the preview on \(address): it is visible to the network, to anyone who can reach this machine"
        }

        func run() async throws {
            let limits: ServeLimits
            do { limits = try ServeLimits(environment: ProcessInfo.processInfo.environment) } catch {
                Terminal.line("\(error)", toError: true)
                throw ExitCode(1)
            }
            Self.raiseOpenFileLimit()
            let source = URL(fileURLWithPath: self.source).standardizedFileURL.path
            let preview = SiteState.previewFolder(source: source)
            if let refusal = SiteWriter.refusal(output: preview, source: source) {
                Terminal.report([refusal])
                throw ExitCode(1)
            }
            try FileManager.default.createDirectory(atPath: preview, withIntermediateDirectories: true)
            // Its problems are the first build's to report, in the terminal and the tabs.
            let config = SiteLoader().config(root: source).0 ?? Config()
            let liveReload = LiveReload(heartbeat: limits.heartbeat, maxStreams: limits.maxStreams)
            let rebuilder = SiteRebuilder(
                options: BuildOptions(source: source, includeDrafts: drafts, excluded: preview),
                output: preview, liveReload: liveReload,
                log: { line, isError in Terminal.line(line, toError: isError) })
            let responder = PreviewResponder(
                lookup: OutputLookup(root: preview, basePath: config.basePath), liveReload: liveReload,
                hosts: HostCheck(bindHost: host))
            var logger = Logger(label: "blog.serve")
            logger.logLevel = .warning
            let watchRoots = [source] + (config.theme.map { [$0.hasPrefix("/") ? $0 : source + "/" + $0] } ?? [])
            // Neither the preview nor the default output folder is an input: a 'blog build'
            // run beside serve must not rebuild the preview.
            let notWatched = [SiteState.folder(source: source), SitePathJoin(source, "public")]
            let host = self.host
            let verbose = self.verbose
            let drafts = self.drafts
            let app = Application(
                responder: responder,
                server: PreviewResponder.server(limits: limits),
                configuration: .init(address: .hostname(host, port: port), serverName: "blog"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    let displayHost = host.contains(":") ? "[\(host)]" : host
                    await rebuilder.setOrigin("http://\(displayHost):\(port)")
                    await rebuilder.setBasePath(config.basePath)
                    await rebuilder.setVerbose(verbose)
                    if let warning = Self.networkWarning(address: "\(displayHost):\(port)", host: host, drafts: drafts) {
                        Terminal.line(warning, toError: true)
                    }
                    let first = await rebuilder.buildOnce()
                    Terminal.line("Serving \(source) at http://\(displayHost):\(port)\(config.basePath) (Ctrl-C to stop)")
                    if !first.succeeded { Terminal.line("The site has errors; fix them and save: the page will reload.", toError: true) }
                    let watcher = FileWatcher(roots: watchRoots, ignoring: notWatched) { paths in
                        Task { await rebuilder.rebuild(changed: paths) }
                    }
                    do { try watcher.start() } catch { Terminal.line("warning: \(error); rebuild by restarting", toError: true) }
                    Watchers.keep(watcher)
                },
                logger: logger
            )
            Signals.stopOnInterrupt { await liveReload.closeAll() }
            try await app.run()
        }
    }
}

/// Keeps the watcher alive as long as the process.
enum Watchers {
    nonisolated(unsafe) static var all: [FileWatcher] = []
    static func keep(_ watcher: FileWatcher) { all.append(watcher) }
}

/// Ctrl-C and SIGTERM: close the live-reload streams (which would otherwise hold the server
/// open), say so, and exit. Output files are always whole (temp-and-rename), so stopping
/// mid-build loses nothing.
enum Signals {
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []

    static func stopOnInterrupt(_ cleanup: @escaping @Sendable () async -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
            source.setEventHandler {
                Task {
                    await cleanup()
                    Terminal.line("Stopped.")
                    exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
