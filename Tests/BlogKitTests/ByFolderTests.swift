import Foundation
import Synchronization
import Testing

@testable import BlogPipeline

/// The writer's spread of work over the cores: every path once, results in the paths'
/// order, and never two entries of one folder at the same time.
@Suite struct ByFolderTests {
    @Test func everyPathOnceInOrderAndOneFolderAtATime() {
        let paths = (0..<2_000).map { i in i % 3 == 0 ? "search/d/\(i).json" : "posts/\(i % 50)/p\(i).html" } + ["index.html", "404.html"]
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
