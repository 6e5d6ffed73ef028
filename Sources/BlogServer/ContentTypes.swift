import Foundation

/// The `Content-Type` of a file of the preview, by its extension, as a web server configured
/// for a static site would send it: a browser plays a video, installs a manifest or runs a
/// module only when it is told what the bytes are. Text gets `charset=utf-8`, since the build
/// writes UTF-8; anything not listed is `application/octet-stream`.
enum ContentTypes {
    static func of(path: String) -> String {
        let name = (path as NSString).pathExtension.lowercased()
        if let type = text[name] { return type + "; charset=utf-8" }
        return binary[name] ?? "application/octet-stream"
    }

    static let text: [String: String] = [
        "html": "text/html", "htm": "text/html",
        "xhtml": "application/xhtml+xml",
        "css": "text/css",
        "js": "text/javascript", "mjs": "text/javascript", "cjs": "text/javascript",
        "json": "application/json", "map": "application/json",
        "jsonld": "application/ld+json",
        "webmanifest": "application/manifest+json",
        "xml": "application/xml", "xsl": "application/xml", "xslt": "application/xslt+xml",
        "atom": "application/atom+xml", "rss": "application/rss+xml",
        "txt": "text/plain", "md": "text/plain", "text": "text/plain",
        "csv": "text/csv", "tsv": "text/tab-separated-values",
        "vtt": "text/vtt", "srt": "text/plain",
        "ics": "text/calendar",
        "yaml": "application/yaml", "yml": "application/yaml",
        "svg": "image/svg+xml",
    ]

    static let binary: [String: String] = [
        // Images.
        "png": "image/png", "apng": "image/apng", "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "jxl": "image/jxl",
        "heic": "image/heic", "heif": "image/heif", "bmp": "image/bmp", "tif": "image/tiff",
        "tiff": "image/tiff", "ico": "image/x-icon", "cur": "image/x-icon",
        // Video and audio.
        "mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg",
        "mov": "video/quicktime", "mkv": "video/x-matroska", "avi": "video/x-msvideo",
        "mpeg": "video/mpeg", "mpg": "video/mpeg", "m3u8": "application/vnd.apple.mpegurl",
        "mp3": "audio/mpeg", "m4a": "audio/mp4", "aac": "audio/aac", "ogg": "audio/ogg",
        "oga": "audio/ogg", "opus": "audio/ogg", "wav": "audio/wav", "flac": "audio/flac",
        "weba": "audio/webm", "mid": "audio/midi", "midi": "audio/midi",
        // Fonts.
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf",
        "eot": "application/vnd.ms-fontobject",
        // Documents, archives and code.
        "pdf": "application/pdf", "epub": "application/epub+zip", "wasm": "application/wasm",
        "zip": "application/zip", "gz": "application/gzip", "tgz": "application/gzip",
        "tar": "application/x-tar", "bz2": "application/x-bzip2", "xz": "application/x-xz",
        "7z": "application/x-7z-compressed",
        "doc": "application/msword", "rtf": "application/rtf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text",
    ]
}
