// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "blog",
    // Linux only, which is what CI proves: the writer, the watcher (inotify) and the server
    // call Glibc directly.
    products: [
        .executable(name: "blog", targets: ["blog"]),
        .library(name: "BlogKit", targets: ["BlogKit", "BlogImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        // Named for the server's own channel handler; Hummingbird depends on both already.
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        // TOML, for `blog import hugo` (hugo.toml, `+++` front matter).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // cmark, the C reference implementation of CommonMark, from the system (libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libvips, the image library, from the system (libvips-dev): decoding, resizing and
        // encoding of photos.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // Responsive images: an image's header, its variants in each width and format, and
        // the store that keeps them between builds; the only module that imports libvips.
        .target(name: "Images", dependencies: ["CVips", "BlogCore"]),
        // Code colouring at build time, with Pygments' class names: no dependencies.
        .target(name: "Highlight"),
        // Its speed, per language and on hostile input (bench/highlight.sh).
        .executableTarget(name: "highlight-bench", dependencies: ["Highlight"], path: "Sources/HighlightBench"),
        // The pipeline, one module per layer; each imports only those below it, and the
        // compiler keeps the order the README's architecture note draws.
        // Plain values and helpers every stage uses: the content model, the file system's
        // one door, digests, escaping.
        .target(name: "BlogCore"),
        // A small Swift face over cmark, and the Markdown extensions on its tree: the only
        // module that imports cmark.
        .target(name: "BlogMarkdown", dependencies: ["CCmark", "BlogCore"]),
        // load → resolve → render → check → write, each stage a folder.
        .target(
            name: "BlogPipeline",
            dependencies: [
                "BlogCore", "BlogMarkdown", "Highlight", "Images",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // The build end to end, and what it keeps between builds (in memory for serve, in
        // .blog/ for the command line).
        .target(name: "BlogIncremental", dependencies: ["BlogCore", "BlogMarkdown", "BlogPipeline", "Images"]),
        // `blog import`: Hexo, Jekyll and Hugo sites into new ones.
        .target(
            name: "BlogImport",
            dependencies: [
                "BlogCore", "BlogMarkdown", "BlogPipeline", "BlogIncremental",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // What the command line and the server import: the layers above, re-exported.
        .target(name: "BlogKit", dependencies: ["BlogCore", "BlogPipeline", "BlogIncremental"]),
        // `blog serve`: preview server, file watching, live reload.
        .target(
            name: "BlogServer",
            dependencies: [
                "BlogKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "blog",
            dependencies: [
                "BlogKit",
                "BlogImport",
                "BlogServer",
                "Images",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Turns themes/default into Swift source so that an installed binary carries its theme.
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(
            name: "EmbedTheme",
            capability: .buildTool(),
            dependencies: ["ThemeEmbedder"]
        ),
        // Fixture sites and the path of the built binary, for every test target.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "BlogKitTests",
            dependencies: ["BlogKit", "BlogCore", "BlogMarkdown", "BlogPipeline", "BlogIncremental", "BlogImport", "Highlight", "Images", "TestSupport"],
            exclude: ["Oracles"]  // pygments_categories.py, run by HighlightTests
        ),
        // End to end: runs the real `blog` binary on fixture sites.
        .testTarget(
            name: "BlogCLITests",
            dependencies: ["blog", "BlogKit", "Images", "CVips", "TestSupport"]
        ),
        // The preview server, over real HTTP on loopback.
        .testTarget(
            name: "BlogServerTests",
            dependencies: ["blog", "BlogServer", "TestSupport"]
        ),
    ]
)
