import Foundation

/// Each indexed post's `SearchText`, by the post's digest (`ResolvedPost.digest`, which covers
/// its HTML, title, date, tags and draft state), kept from one build to the next: remaking
/// the index after one edit then reads one post's HTML, not every post's. A saved build
/// restores posts without their HTML, which would otherwise be read and resolved again.
///
/// `load` is called once, when the index is first made (a build that keeps the index reads
/// nothing). Thread-safe: the index reads the texts on every core.
package final class SearchTextStore: @unchecked Sendable {
    private let lock = NSLock()
    private var load: (() -> [UInt64: SearchText])?
    private var known: [UInt64: SearchText] = [:]
    /// Texts made (not found) since the last `retain`: whether there is anything to save.
    package private(set) var made = 0

    package init(load: (() -> [UInt64: SearchText])? = nil) { self.load = load }

    /// The text of the post whose digest this is, made from `html` when not known. A digest
    /// of 0 is no digest (a build without a cache): made each time.
    package func text(digest: UInt64, html: () -> String) -> SearchText {
        guard digest != 0 else { return SearchText(html: html()) }
        if let known = lock.withLock({ loaded()[digest] }) { return known }
        let text = SearchText(html: html())
        lock.withLock {
            known[digest] = text
            made += 1
        }
        return text
    }

    /// Forgets the texts of posts no longer indexed (edited or gone), so the store stays the
    /// size of the site.
    package func retain(_ digests: Set<UInt64>) {
        lock.withLock {
            let before = loaded().count
            known = known.filter { digests.contains($0.key) }
            if known.count != before { made += 1 }
        }
    }

    /// Every text kept, when it changed since it was loaded (to be saved); nil otherwise.
    package var changed: [UInt64: SearchText]? {
        lock.withLock { made > 0 ? known : nil }
    }

    /// Under `lock`.
    private func loaded() -> [UInt64: SearchText] {
        if let load {
            self.load = nil
            known.merge(load()) { mine, _ in mine }
        }
        return known
    }
}
