import Foundation
import Synchronization
import Testing

@testable import BlogPipeline

/// The writer's spread of work over the cores: every path once, results in the paths'
/// order, and never two of one folder's entries in a row at the same time (the writer's files
/// come folder by folder: a post's, the index's shards).
@Suite struct ByFolderTests {
    @Test func everyPathOnceInOrderAndOneFolderAtATime() {
        let posts = (0..<200).flatMap { i in ["posts/\(i)/index.html", "posts/\(i)/a.png", "posts/\(i)/b.png"] }
        let paths = ["index.html", "404.html"] + posts + (0..<700).map { "search/d/\($0).json" }
            + (0..<300).map { "search/t/\($0).json" } + ["feed.xml", "sitemap.xml"]
        let busy = Mutex<[Substring: Int]>([:])
        let overlaps = Atomic<Int>(0)
        let results = ByFolder.map(paths) { i -> String in
            let folder = ByFolder.folder(of: paths[i])
            let others = busy.withLock { busy -> Int in
                busy[folder, default: 0] += 1
                return busy[folder]! - 1
            }
            if others > 0 { overlaps.add(1, ordering: .relaxed) }
            usleep(50)
            busy.withLock { $0[folder]! -= 1 }
            return paths[i]
        }
        #expect(results == paths)
        #expect(overlaps.load(ordering: .relaxed) == 0)
        #expect(ByFolder.folder(of: "index.html") == "")
        #expect(ByFolder.folder(of: "a/b/c.json") == "a/b")
    }
}
