import Foundation
import BlogCore
import BlogMarkdown

/// The files of a new site (`blog init`): settings with a comment on every key, a first post
/// and an about page. It builds as it is, with the built-in theme.
public enum Scaffold {
    /// - Parameter stateFolder: the tool's hidden folder of the site, kept out of git.
    public static func files(title: String, now: Date, stateFolder: String) -> [String: String] {
        let date = CivilTime(secondsSince1970: Int64(now.timeIntervalSince1970))
        let day = "\(pad(date.year, 4))-\(pad(date.month))-\(pad(date.day))"
        return [
            "blog.yaml": config(title: title),
            // The tool's state (the record of the last build, serve's preview) is no source.
            ".gitignore": "/\(stateFolder)/\n",
            "posts/\(pad(date.year, 4))/hello-world.md": """
                ---
                title: Hello, world
                date: \(day)
                tags: [meta]
                categories: [notes]
                ---

                This is the first post of \(title). Edit it in `posts/\(pad(date.year, 4))/hello-world.md`,
                or start a new one with `blog new "My second post"`.

                <!--more-->

                ## Writing

                Posts are Markdown files under `posts/`. Put an image beside a post and write
                `![what it shows](picture.png)`; link to another post by its file: `[see](other.md)`.

                ## Publishing

                `blog build` writes the site into `public/`; `blog serve` previews it and reloads
                on every save; `blog deploy` sends it to the `deploy.target` of `blog.yaml` with rsync.

                """,
            "pages/about.md": """
                ---
                title: About
                ---

                A few words about you and this blog.

                """,
            "static/robots.txt": "User-agent: *\nAllow: /\n",
        ]
    }

    package static func config(title: String) -> String {
        """
        # Settings of this blog. Every key is optional; the values shown are examples or defaults.

        # The name of the site, shown in every page's header and in the feed.
        title: \(yamlQuoted(title))
        # One line about the site: the home page's description and the feed's subtitle.
        description: ""
        # Your name, for pages and the feed.
        author: ""
        # Where the site is published. May carry a path (https://example.com/blog/): every URL honours it.
        base_url: https://example.com/
        # The language of the site, e.g. en, zh-CN, ja.
        language: en
        # For dates written without an offset, e.g. Asia/Shanghai, Europe/Berlin.
        timezone: UTC
        # URL of a post, from :year, :month, :day and :slug.
        permalink: /:year/:month/:slug/
        # Posts per home page.
        paginate: 10
        # A theme folder (relative to this one); leave it out for the built-in theme.
        # theme: themes/mine
        # Markdown options: safe: true drops raw HTML and javascript: links.
        markdown:
          safe: false
        # blog check warns about images larger than this many kilobytes.
        check:
          max_image_kb: 500
        # Where blog deploy sends the site with rsync: user@host:/var/www/blog or a local folder,
        # and extra rsync arguments.
        # deploy:
        #   target: user@example.com:/var/www/blog
        #   args: [--compress]

        """
    }

    /// A YAML double-quoted string: safe for any title (colons, quotes, CJK).
    public static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
