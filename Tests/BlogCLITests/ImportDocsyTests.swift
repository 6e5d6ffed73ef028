import Foundation
import Images
import BlogKit
import TestSupport
import Testing

/// docsy, the most used Hugo theme for project sites: its shortcodes (`imgproc`, `alert`,
/// `pageinfo`, `note`), galleries that pick images with `match`, and `enableEmoji`.
@Suite struct ImportDocsyTests {
    nonisolated(unsafe) static let site: [String: Any] = [
        "hugo.yaml": "baseURL: https://example.org/\ntitle: Project\nenableEmoji: true\n",
        "content/blog/launch/index.md": """
            ---
            title: Launch
            date: 2021-01-05
            ---
            ## We launched :rocket:

            {{< imgproc spruce Resize 600x >}}
            Norway Spruce *Picea abies* shoot with foliage buds.
            {{< /imgproc >}}

            {{% alert title="Warning" color="warning" %}}
            This is **beta**.
            {{% /alert %}}

            {{% pageinfo %}}
            A page in progress.
            {{% /pageinfo %}}

            {{% note %}}
            Remember the *docs*.
            {{% /note %}}

            {{< gallery match="images/*" >}}

            Thanks :+1: and :not_an_emoji_code: at 10:30:00.

            ```
            echo ":tada:"
            ```
            """,
        "content/blog/launch/featured-spruce.png": Fixture.png(width: 8, height: 6),
        "content/blog/launch/images/one.png": Fixture.png(width: 2, height: 2),
        "content/blog/launch/images/two.png": Fixture.png(width: 2, height: 2),
        "content/blog/launch/cover.png": Fixture.png(width: 2, height: 2),
        "content/blog/other.md": "---\ntitle: Other\ndate: 2021-01-06\n---\nText.\n",
    ]

    @Test func docsyShortcodesGalleriesAndEmoji() throws {
        let old = try Fixture(files: Self.site)
        let (moved, site, built) = try ImportTests.importAndBuild(old, kind: "hugo")
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        #expect(moved.stdout.contains("Hugo {{< imgproc NAME Resize … >}} → the original image, which blog sizes"), "\(moved.stdout)")
        #expect(moved.stdout.contains("Hugo {{< gallery match=… >}} → the bundle's images it matches"))
        #expect(moved.stdout.contains("Hugo enableEmoji: :code: → the emoji"))
        // An unknown code is named at its line of the old file, never silently.
        #expect(moved.stdout.contains("content/blog/launch/index.md:25: warning: ':not_an_emoji_code:' is not an emoji code"), "\(moved.stdout)")
        #expect(!moved.stdout.contains(":30:"), "a time is not a code")

        let page = try ImportTests.page(site, "blog/launch/index.html")
        // imgproc: the image it names, in a figure, its inside the caption.
        #expect(page.contains("<figure>"), "\(page)")
        #expect(page.contains("featured-spruce.png") && page.contains("<figcaption>") && page.contains("Norway Spruce <em>Picea abies</em> shoot"), "\(page)")
        #expect(!page.contains("imgproc"))
        // alert keeps its title and colour; pageinfo and note keep their text.
        #expect(page.contains("<div class=\"note warning\">") && page.contains("<strong>Warning</strong>") && page.contains("This is <strong>beta</strong>."), "\(page)")
        #expect(page.contains("<div class=\"note primary\">") && page.contains("A page in progress."))
        #expect(page.contains("<div class=\"note info\">") && page.contains("Remember the <em>docs</em>."))
        // gallery match="images/*": those two images, not the cover or the spruce.
        #expect(page.contains("images/one.png") && page.contains("images/two.png"))
        #expect(!page.contains("cover.png"), "\(page)")
        // Emoji: in the heading (and not in its id), in text, and in code as Hugo did.
        #expect(page.contains("We launched 🚀</h2>") && page.contains("Thanks 👍 and :not_an_emoji_code:"), "\(page)")
        #expect(!page.contains(":rocket:") && !page.contains("id=\"we-launched-rocket\""))
        #expect(page.contains("echo &quot;🎉&quot;") || page.contains("echo \"🎉\""), "\(page)")
    }

}

/// Issue #23: Hugo's image processing (`imgproc`, a theme's `figure command=Resize`) becomes
/// a plain image of the bundle's original, which the new site publishes at the sizes it makes.
@Suite struct ImportImageProcessingTests {
    @Test func processedImagesBecomeTheOriginal() throws {
        let old = try Fixture(files: [
            "hugo.yaml": "baseURL: https://example.org/\ntitle: Photos\n",
            "content/blog/pier/index.md": """
                ---
                title: Pier
                date: 2021-01-05
                ---
                {{< imgproc pier Resize "600x" />}}

                {{< figure
                img="images/sun*"
                caption="The **sunset**"
                command="Fill"
                options="300x300" >}}

                {{< figure src="boat.jpg" alt="Boat" >}}
                """,
            "content/blog/pier/pier-2021.jpg": TestImages.jpeg(width: 2000, height: 1500),
            "content/blog/pier/images/sunset.jpg": TestImages.jpeg(width: 1200, height: 900),
            "content/blog/pier/boat.jpg": TestImages.jpeg(width: 800, height: 600),
        ])
        let (moved, site, built) = try ImportTests.importAndBuild(old, kind: "hugo")
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0 && built.status == 0, "\(moved.stdout)\(moved.stderr)\(built.stderr)")
        // The report says what each became, a crop that is no longer made included.
        #expect(moved.stdout.contains("     1  Hugo {{< imgproc NAME Resize … >}} → the original image, which blog sizes\n"), "\(moved.stdout)")
        #expect(moved.stdout.contains("     1  Hugo {{< figure command=… >}} → the original image, which blog sizes (not cropped: the whole image is shown)\n"), "\(moved.stdout)")
        #expect(moved.stdout.contains("     1  Hugo {{< figure >}} → image with caption\n"), "\(moved.stdout)")
        let post = try String(contentsOfFile: site + "/posts/pier/index.md", encoding: .utf8)
        #expect(post.contains("![](pier-2021.jpg)") && post.contains("](images/sunset.jpg)"), "\(post)")
        // Published at blog's sizes, from the originals: the 2000-px photo up to 1440.
        let raw = try ImportTests.page(site, "blog/pier/index.html")
        let page = Variants.named(raw)
        #expect(page.contains("srcset=\"/V/pier-2021-480w.jpg 480w, /V/pier-2021-960w.jpg 960w, /V/pier-2021-1440w.jpg 1440w\""), "\(page)")
        #expect(page.contains("/V/sunset-960w.jpg 960w") && page.contains("<p>The <strong>sunset</strong></p>"), "\(page)")
        #expect(!page.contains("{{<") && !page.contains("imgproc"))
        for width in [480, 960, 1440] {
            let data = try Data(contentsOf: URL(fileURLWithPath: site + "/public" + Variants.address(raw, "pier-2021-\(width)w.jpg")))
            #expect(try ImageHeader.read(data, settings: ImageSettings()).get().width == width)
        }
    }
}
