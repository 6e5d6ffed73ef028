import Foundation

/// Each indexed post's `SearchTerms`, by the post's digest (`ResolvedPost.digest`, which covers
/// its HTML, title, date, tags and draft state: all its terms and lead are made from), kept
/// from one build to the next: remaking the index after one edit then reads and tokenizes one
/// post, not every post. A saved build restores posts without their HTML, which would
/// otherwise be read and resolved again, and tokenizing every post's text again was most of
/// such a build.
///
/// `load` is called once, when the index is first made (a build that keeps the index reads
/// nothing). Thread-safe: the index tokenizes posts on every core.
package final class SearchTermsStore: @unchecked Sendable {
    private let lock = NSLock()
    private var load: (() -> [UInt64: SearchTerms])?
    private var known: [UInt64: SearchTerms] = [:]
    /// Posts tokenized (not found) since the last `retain`: whether there is anything to save.
    package private(set) var made = 0

    package init(load: (() -> [UInt64: SearchTerms])? = nil) { self.load = load }

    /// The terms of the post whose digest this is, made by `make` when not known. A digest
    /// of 0 is no digest (a build without a cache): made each time.
    package func terms(digest: UInt64, make: () -> SearchTerms) -> SearchTerms {
        guard digest != 0 else { return make() }
        if let known = lock.withLock({ loaded()[digest] }) { return known }
        let terms = make()
        lock.withLock {
            known[digest] = terms
            made += 1
        }
        return terms
    }

    /// Forgets the terms of posts no longer indexed (edited or gone), so the store stays the
    /// size of the site.
    package func retain(_ digests: Set<UInt64>) {
        lock.withLock {
            let before = loaded().count
            known = known.filter { digests.contains($0.key) }
            if known.count != before { made += 1 }
        }
    }

    /// Every post's terms, when they changed since loaded (to be saved); nil otherwise.
    package var changed: [UInt64: SearchTerms]? {
        lock.withLock { made > 0 ? known : nil }
    }

    /// Under `lock`.
    private func loaded() -> [UInt64: SearchTerms] {
        if let load {
            self.load = nil
            known.merge(load()) { mine, _ in mine }
        }
        return known
    }
}
