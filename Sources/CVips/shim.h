// libvips' C API, with thin wrappers of fixed arguments over its varargs functions, which
// Swift cannot call. Each wrapper names exactly the options blog uses.
#include <vips/vips.h>
#include <string.h>

/// libvips' warnings (a damaged file's details) would go to standard error as GLib log lines;
/// blog says what matters about each image itself, with the file's name.
static void blog_vips_quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {}

static inline int blog_vips_start(int threads) {
    if (VIPS_INIT("blog") != 0) return -1;
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, blog_vips_quiet, NULL);
    // Parallelism comes from blog (several images and variants at once); a pipeline each.
    vips_concurrency_set(threads);
    // Operations are never repeated on the same input: caching them only holds memory.
    vips_cache_set_max(0);
    // No ImageMagick, PDF or other loaders flagged untrusted, whatever bytes a file holds.
    vips_block_untrusted_set(TRUE);
    return 0;
}

static inline void blog_vips_free(void *p) { g_free(p); }
static inline void blog_vips_unref(VipsImage *image) { g_object_unref(image); }
static inline const char *blog_vips_error(void) { return vips_error_buffer(); }
static inline void blog_vips_error_clear(void) { vips_error_clear(); }

/// The header only: nothing is decoded until pixels are asked for.
static inline VipsImage *blog_vips_header(const void *buf, size_t len) {
    return vips_image_new_from_buffer(buf, len, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

/// Decoded, upright, at most `width` wide (never enlarged); every frame when `animated`. A
/// truncated file is an error, not a grey band.
static inline int blog_vips_thumbnail(const void *buf, size_t len, int width, int animated, VipsImage **out) {
    return vips_thumbnail_buffer((void *)buf, len, out, width,
        "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
        "option_string", animated ? "n=-1,fail_on=truncated" : "fail_on=truncated", NULL);
}

/// Rendered once into memory, so that several encoders can read it.
static inline VipsImage *blog_vips_in_memory(VipsImage *image) { return vips_image_copy_memory(image); }

/// Whether a metadata field is kept in a published file: the colour profile, and what
/// animation needs. Everything else (EXIF with GPS, XMP, IPTC, comments) goes.
static inline int blog_vips_kept_field(const char *name) {
    static const char *kept[] = {"icc-profile-data", "page-height", "n-pages", "delay", "loop", "gif-delay", "gif-loop", NULL};
    for (int i = 0; kept[i]; i++) if (strcmp(name, kept[i]) == 0) return 1;
    return 0;
}

/// Removes every metadata field but those kept; returns how many it removed.
static inline int blog_vips_strip(VipsImage *image) {
    char **names = vips_image_get_fields(image);
    int removed = 0;
    for (int i = 0; names[i]; i++) {
        if (!blog_vips_kept_field(names[i]) && vips_image_remove(image, names[i])) removed++;
    }
    g_strfreev(names);
    return removed;
}

/// Whether the file carries metadata a published file must not (EXIF, XMP, IPTC, comments).
static inline int blog_vips_has_private_fields(VipsImage *image) {
    static const char *prefixes[] = {"exif-", "xmp-", "iptc-", "png-comment-", "gif-comment", NULL};
    char **names = vips_image_get_fields(image);
    int found = 0;
    for (int i = 0; names[i] && !found; i++)
        for (int j = 0; prefixes[j]; j++) if (vips_isprefix(prefixes[j], names[i])) { found = 1; break; }
    g_strfreev(names);
    return found;
}

static inline int blog_vips_jpeg(VipsImage *in, void **buf, size_t *len, int quality) {
    return vips_jpegsave_buffer(in, buf, len, "Q", quality, "optimize_coding", TRUE, "interlace", TRUE, NULL);
}

/* Both without filters (libvips' default) and with adaptive filtering, the smaller kept: a
 * dashboard screenshot of gradients resized to 480 px was 74 KB unfiltered and 6 KB
 * filtered, while two-colour line art is half the size unfiltered. */
static inline int blog_vips_png(VipsImage *in, void **buf, size_t *len) {
    void *plain = NULL, *filtered = NULL;
    size_t plain_len = 0, filtered_len = 0;
    if (vips_pngsave_buffer(in, &plain, &plain_len, "compression", 6, NULL)) return -1;
    if (vips_pngsave_buffer(in, &filtered, &filtered_len, "compression", 6, "filter", VIPS_FOREIGN_PNG_FILTER_ALL, NULL)
        || filtered_len >= plain_len) {
        g_free(filtered);
        *buf = plain;
        *len = plain_len;
        return 0;
    }
    g_free(plain);
    *buf = filtered;
    *len = filtered_len;
    return 0;
}

static inline int blog_vips_webp(VipsImage *in, void **buf, size_t *len, int quality) {
    return vips_webpsave_buffer(in, buf, len, "Q", quality, "effort", 4, NULL);
}

static inline int blog_vips_avif(VipsImage *in, void **buf, size_t *len, int quality, int effort) {
    return vips_heifsave_buffer(in, buf, len, "Q", quality, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
        "effort", effort, NULL);
}

static inline int blog_vips_gif(VipsImage *in, void **buf, size_t *len) {
    return vips_gifsave_buffer(in, buf, len, NULL);
}

static inline int blog_vips_orientation(VipsImage *image) {
    int value = 1;
    if (vips_image_get_typeof(image, "orientation") && vips_image_get_int(image, "orientation", &value) != 0) value = 1;
    return value;
}

/// Whether libheif here has an AV1 encoder (Debian's libheif may come without one): a tiny
/// grey image encoded as AVIF.
static inline int blog_vips_can_write_avif(void) {
    static unsigned char grey[16 * 16 * 3];
    memset(grey, 128, sizeof grey);
    VipsImage *image = vips_image_new_from_memory_copy(grey, sizeof grey, 16, 16, 3, VIPS_FORMAT_UCHAR);
    if (!image) return 0;
    void *buf = NULL;
    size_t len = 0;
    int status = blog_vips_avif(image, &buf, &len, 50, 0);
    g_object_unref(image);
    if (buf) g_free(buf);
    if (status != 0) vips_error_clear();
    return status == 0 && len > 0;
}
