/// The default theme's strings in the languages blogs are most written in. A key with a dot
/// is read by the build (`Interface`), not by templates: `.one` is the singular form of a
/// count, `stat.` the year page's numbers, `date` and `months` how days are written.
/// English has every key; another table may leave one out, and English's is used.
package enum InterfaceTables {
    package static let all: [String: [String: String]] = [
        "en": english, "zh-CN": simplifiedChinese, "zh-TW": traditionalChinese, "ja": japanese, "ko": korean,
        "de": german, "fr": french, "es": spanish,
    ]

    /// The built-in table a `language:` value reads, by BCP 47 prefix (`zh-CN` for `zh`,
    /// `zh-Hans`, `zh-SG`; `zh-TW` for `zh-Hant`, `zh-HK`), or nil when there is none.
    package static func table(for language: String) -> String? {
        let tag = language.lowercased().replacingOccurrences(of: "_", with: "-")
        if tag.hasPrefix("zh") {
            return ["zh-tw", "zh-hk", "zh-mo", "zh-hant"].contains(where: tag.hasPrefix) ? "zh-TW" : "zh-CN"
        }
        let base = String(tag.prefix { $0 != "-" })
        return all[base] != nil ? base : nil
    }

    /// The keys templates read as `{{i18n.key}}`: English's plain strings.
    package static let templateKeys = Set(english.filter { !$0.key.contains(".") && !$0.value.contains("{") && $0.key != "months" }.keys)

    static let english: [String: String] = [
        "alert.note": "Note", "alert.tip": "Tip", "alert.important": "Important", "alert.warning": "Warning", "alert.caution": "Caution",
        "skip_to_content": "Skip to content", "site_nav": "Site", "home": "Home", "archives": "Archives",
        "tags": "Tags", "categories": "Categories", "feed": "Feed", "atom_feed": "Atom feed",
        "not_found_title": "Page not found",
        "not_found_text": "Sorry, nothing lives at this address. It may have moved, or the link may be wrong.",
        "archives_chart_caption": "Posts per year. Select a year to see its review.", "posts_label": "Posts",
        "no_posts": "No posts yet.", "no_tags": "No tags yet.", "no_categories": "No categories yet.",
        "pagination": "Pagination", "newer": "Newer", "older": "Older", "draft": "Draft", "updated": "Updated",
        "reading_time": "{count} min read", "words": "{count} words", "words.one": "{count} word",
        "posts_count": "{count} posts", "posts_count.one": "{count} post", "more_posts": "More posts",
        "read_more": "Read more", "toc_label": "Table of contents", "contents": "Contents", "other_years": "Other years",
        "previous_year": "Previous year", "next_year": "Next year", "year_in_review": "Year in review",
        "year_summary": "Summary of the year", "read_summary": "Read the summary", "year_numbers": "The numbers",
        "change": "Change", "compared": "vs {previous} in {year}",
        "nothing_to_compare": "No posts in {year}, so nothing to compare with.", "month_by_month": "Month by month",
        "posts_per_month": "Posts per month", "words_per_month": "Words per month",
        "posts_per_month_in": "Posts per month in {year}", "words_per_month_in": "Words per month in {year}",
        "posts_per_year": "Posts per year", "highlights": "Highlights", "first_post": "First post",
        "last_post": "Last post", "longest_post": "Longest post", "most_linked": "Most linked",
        "linked_from": "linked from {count} posts", "linked_from.one": "linked from {count} post",
        "tags_and_categories": "Tags and categories", "no_tags_year": "No tags.", "no_categories_year": "No categories.",
        "every_post": "Every post", "stat.posts": "Posts", "stat.words": "Words",
        "stat.reading_minutes": "Minutes of reading", "stat.active_months": "Months with posts",
        "stat.longest_streak": "Longest run of months", "date": "{yyyy}-{mm}-{dd}",
        "months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", "number.group": ",", "reading.per_minute": "250",
    ]

    static let simplifiedChinese: [String: String] = [
        "alert.note": "备注", "alert.tip": "提示", "alert.important": "重要", "alert.warning": "警告", "alert.caution": "注意",
        "skip_to_content": "跳到正文", "site_nav": "站点", "home": "首页", "archives": "归档", "tags": "标签",
        "categories": "分类", "feed": "订阅", "atom_feed": "Atom 订阅", "not_found_title": "页面不存在",
        "not_found_text": "抱歉，这个地址什么也没有。它可能已经移走，或者链接有误。",
        "archives_chart_caption": "每年的文章数。选择一年，查看它的年度回顾。", "posts_label": "文章",
        "no_posts": "还没有文章。", "no_tags": "还没有标签。", "no_categories": "还没有分类。", "pagination": "分页",
        "newer": "较新", "older": "较旧", "draft": "草稿", "updated": "更新于", "reading_time": "阅读约 {count} 分钟",
        "words": "{count} 字", "posts_count": "{count} 篇", "more_posts": "更多文章", "read_more": "阅读全文",
        "toc_label": "目录", "contents": "目录", "other_years": "其他年份", "previous_year": "上一年",
        "next_year": "下一年", "year_in_review": "年度回顾", "year_summary": "年度总结", "read_summary": "阅读年度总结",
        "year_numbers": "数字", "change": "变化", "compared": "{year} 年为 {previous}",
        "nothing_to_compare": "{year} 年没有文章，无从比较。", "month_by_month": "逐月", "posts_per_month": "每月文章数",
        "words_per_month": "每月字数", "posts_per_month_in": "{year} 年每月文章数", "words_per_month_in": "{year} 年每月字数",
        "posts_per_year": "每年文章数", "highlights": "亮点", "first_post": "第一篇", "last_post": "最后一篇",
        "longest_post": "最长的一篇", "most_linked": "被链接最多", "linked_from": "被 {count} 篇文章链接",
        "tags_and_categories": "标签与分类", "no_tags_year": "没有标签。", "no_categories_year": "没有分类。",
        "every_post": "全部文章", "stat.posts": "文章", "stat.words": "字数", "stat.reading_minutes": "阅读分钟数",
        "stat.active_months": "有文章的月份", "stat.longest_streak": "最长连续月数", "date": "{yyyy}年{m}月{d}日",
        "months": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月", "reading.per_minute": "400",
    ]

    static let traditionalChinese: [String: String] = [
        "alert.note": "備註", "alert.tip": "提示", "alert.important": "重要", "alert.warning": "警告", "alert.caution": "注意",
        "skip_to_content": "跳到正文", "site_nav": "網站", "home": "首頁", "archives": "封存", "tags": "標籤",
        "categories": "分類", "feed": "訂閱", "atom_feed": "Atom 訂閱", "not_found_title": "找不到頁面",
        "not_found_text": "抱歉，這個網址沒有內容。它可能已經移動，或是連結有誤。",
        "archives_chart_caption": "每年的文章數。選擇一年，查看它的年度回顧。", "posts_label": "文章",
        "no_posts": "還沒有文章。", "no_tags": "還沒有標籤。", "no_categories": "還沒有分類。", "pagination": "分頁",
        "newer": "較新", "older": "較舊", "draft": "草稿", "updated": "更新於", "reading_time": "閱讀約 {count} 分鐘",
        "words": "{count} 字", "posts_count": "{count} 篇", "more_posts": "更多文章", "read_more": "閱讀全文",
        "toc_label": "目錄", "contents": "目錄", "other_years": "其他年份", "previous_year": "上一年",
        "next_year": "下一年", "year_in_review": "年度回顧", "year_summary": "年度總結", "read_summary": "閱讀年度總結",
        "year_numbers": "數字", "change": "變化", "compared": "{year} 年為 {previous}",
        "nothing_to_compare": "{year} 年沒有文章，無從比較。", "month_by_month": "逐月", "posts_per_month": "每月文章數",
        "words_per_month": "每月字數", "posts_per_month_in": "{year} 年每月文章數", "words_per_month_in": "{year} 年每月字數",
        "posts_per_year": "每年文章數", "highlights": "亮點", "first_post": "第一篇", "last_post": "最後一篇",
        "longest_post": "最長的一篇", "most_linked": "被連結最多", "linked_from": "被 {count} 篇文章連結",
        "tags_and_categories": "標籤與分類", "no_tags_year": "沒有標籤。", "no_categories_year": "沒有分類。",
        "every_post": "全部文章", "stat.posts": "文章", "stat.words": "字數", "stat.reading_minutes": "閱讀分鐘數",
        "stat.active_months": "有文章的月份", "stat.longest_streak": "最長連續月數", "date": "{yyyy}年{m}月{d}日",
        "months": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月", "reading.per_minute": "400",
    ]

    static let japanese: [String: String] = [
        "alert.note": "注記", "alert.tip": "ヒント", "alert.important": "重要", "alert.warning": "警告", "alert.caution": "注意",
        "skip_to_content": "本文へ移動", "site_nav": "サイト", "home": "ホーム", "archives": "アーカイブ", "tags": "タグ",
        "categories": "カテゴリー", "feed": "フィード", "atom_feed": "Atom フィード", "not_found_title": "ページが見つかりません",
        "not_found_text": "このアドレスには何もありません。移動したか、リンクが間違っている可能性があります。",
        "archives_chart_caption": "年ごとの記事数。年を選ぶとその年のまとめを表示します。", "posts_label": "記事",
        "no_posts": "まだ記事がありません。", "no_tags": "まだタグがありません。", "no_categories": "まだカテゴリーがありません。",
        "pagination": "ページ送り", "newer": "新しい記事", "older": "古い記事", "draft": "下書き", "updated": "更新",
        "reading_time": "約 {count} 分で読めます", "words": "{count} 字", "posts_count": "{count} 件",
        "more_posts": "ほかの記事", "read_more": "続きを読む", "toc_label": "目次", "contents": "目次",
        "other_years": "ほかの年", "previous_year": "前の年", "next_year": "次の年", "year_in_review": "年間のまとめ",
        "year_summary": "この年のまとめ", "read_summary": "まとめを読む", "year_numbers": "数字で見る",
        "change": "増減", "compared": "{year}年は {previous}", "nothing_to_compare": "{year}年は記事がないため比較できません。",
        "month_by_month": "月ごと", "posts_per_month": "月ごとの記事数", "words_per_month": "月ごとの文字数",
        "posts_per_month_in": "{year}年の月ごとの記事数", "words_per_month_in": "{year}年の月ごとの文字数",
        "posts_per_year": "年ごとの記事数", "highlights": "ハイライト", "first_post": "最初の記事", "last_post": "最後の記事",
        "longest_post": "いちばん長い記事", "most_linked": "よくリンクされた記事", "linked_from": "{count} 件の記事からリンク",
        "tags_and_categories": "タグとカテゴリー", "no_tags_year": "タグはありません。", "no_categories_year": "カテゴリーはありません。",
        "every_post": "すべての記事", "stat.posts": "記事", "stat.words": "文字数", "stat.reading_minutes": "読むのにかかる分数",
        "stat.active_months": "記事のあった月", "stat.longest_streak": "最長の連続月数", "date": "{yyyy}年{m}月{d}日",
        "months": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月", "reading.per_minute": "500",
    ]

    static let korean: [String: String] = [
        "alert.note": "참고", "alert.tip": "팁", "alert.important": "중요", "alert.warning": "경고", "alert.caution": "주의",
        "skip_to_content": "본문으로 건너뛰기", "site_nav": "사이트", "home": "홈", "archives": "보관함", "tags": "태그",
        "categories": "카테고리", "feed": "피드", "atom_feed": "Atom 피드", "not_found_title": "페이지를 찾을 수 없습니다",
        "not_found_text": "이 주소에는 아무것도 없습니다. 옮겨졌거나 링크가 잘못되었을 수 있습니다.",
        "archives_chart_caption": "연도별 글 수. 연도를 고르면 그해의 돌아보기를 볼 수 있습니다.", "posts_label": "글",
        "no_posts": "아직 글이 없습니다.", "no_tags": "아직 태그가 없습니다.", "no_categories": "아직 카테고리가 없습니다.",
        "pagination": "페이지", "newer": "최근 글", "older": "이전 글", "draft": "초안", "updated": "수정",
        "reading_time": "{count}분 분량", "words": "{count}자", "posts_count": "글 {count}개", "more_posts": "다른 글",
        "read_more": "더 읽기", "toc_label": "목차", "contents": "목차", "other_years": "다른 해", "previous_year": "이전 해",
        "next_year": "다음 해", "year_in_review": "한 해 돌아보기", "year_summary": "한 해 정리", "read_summary": "정리 읽기",
        "year_numbers": "숫자로 보기", "change": "변화", "compared": "{year}년 {previous}",
        "nothing_to_compare": "{year}년에는 글이 없어 비교할 수 없습니다.", "month_by_month": "월별",
        "posts_per_month": "월별 글 수", "words_per_month": "월별 글자 수", "posts_per_month_in": "{year}년 월별 글 수",
        "words_per_month_in": "{year}년 월별 글자 수", "posts_per_year": "연도별 글 수", "highlights": "주요 글",
        "first_post": "첫 글", "last_post": "마지막 글", "longest_post": "가장 긴 글", "most_linked": "가장 많이 링크된 글",
        "linked_from": "글 {count}개에서 링크", "tags_and_categories": "태그와 카테고리", "no_tags_year": "태그가 없습니다.",
        "no_categories_year": "카테고리가 없습니다.", "every_post": "모든 글", "stat.posts": "글", "stat.words": "글자 수",
        "stat.reading_minutes": "읽는 시간(분)", "stat.active_months": "글이 있는 달", "stat.longest_streak": "가장 긴 연속 개월",
        "date": "{yyyy}년 {m}월 {d}일", "months": "1월 2월 3월 4월 5월 6월 7월 8월 9월 10월 11월 12월",
        "reading.per_minute": "500",
    ]

    static let german: [String: String] = [
        "alert.note": "Hinweis", "alert.tip": "Tipp", "alert.important": "Wichtig", "alert.warning": "Warnung", "alert.caution": "Vorsicht",
        "skip_to_content": "Zum Inhalt springen", "site_nav": "Website", "home": "Startseite", "archives": "Archiv",
        "tags": "Schlagwörter", "categories": "Kategorien", "feed": "Feed", "atom_feed": "Atom-Feed",
        "not_found_title": "Seite nicht gefunden",
        "not_found_text": "Unter dieser Adresse gibt es nichts. Vielleicht wurde die Seite verschoben, oder der Link ist falsch.",
        "archives_chart_caption": "Beiträge pro Jahr. Wähle ein Jahr für seinen Rückblick.", "posts_label": "Beiträge",
        "no_posts": "Noch keine Beiträge.", "no_tags": "Noch keine Schlagwörter.", "no_categories": "Noch keine Kategorien.",
        "pagination": "Seiten", "newer": "Neuer", "older": "Älter", "draft": "Entwurf", "updated": "Aktualisiert",
        "reading_time": "{count} Min. Lesezeit", "words": "{count} Wörter", "words.one": "{count} Wort",
        "posts_count": "{count} Beiträge", "posts_count.one": "{count} Beitrag", "more_posts": "Weitere Beiträge",
        "read_more": "Weiterlesen", "toc_label": "Inhaltsverzeichnis", "contents": "Inhalt", "other_years": "Andere Jahre",
        "previous_year": "Vorjahr", "next_year": "Nächstes Jahr", "year_in_review": "Jahresrückblick",
        "year_summary": "Zusammenfassung des Jahres", "read_summary": "Zusammenfassung lesen", "year_numbers": "In Zahlen",
        "change": "Veränderung", "compared": "gegenüber {previous} im Jahr {year}",
        "nothing_to_compare": "Keine Beiträge im Jahr {year}, daher kein Vergleich.", "month_by_month": "Monat für Monat",
        "posts_per_month": "Beiträge pro Monat", "words_per_month": "Wörter pro Monat",
        "posts_per_month_in": "Beiträge pro Monat {year}", "words_per_month_in": "Wörter pro Monat {year}",
        "posts_per_year": "Beiträge pro Jahr", "highlights": "Höhepunkte", "first_post": "Erster Beitrag",
        "last_post": "Letzter Beitrag", "longest_post": "Längster Beitrag", "most_linked": "Am häufigsten verlinkt",
        "linked_from": "verlinkt von {count} Beiträgen", "linked_from.one": "verlinkt von {count} Beitrag",
        "tags_and_categories": "Schlagwörter und Kategorien", "no_tags_year": "Keine Schlagwörter.",
        "no_categories_year": "Keine Kategorien.", "every_post": "Alle Beiträge", "stat.posts": "Beiträge",
        "stat.words": "Wörter", "stat.reading_minutes": "Minuten Lesezeit", "stat.active_months": "Monate mit Beiträgen",
        "stat.longest_streak": "Längste Folge von Monaten", "date": "{dd}.{mm}.{yyyy}",
        "months": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sep. Okt. Nov. Dez.", "number.group": ".",
    ]

    static let french: [String: String] = [
        "alert.note": "Remarque", "alert.tip": "Astuce", "alert.important": "Important", "alert.warning": "Avertissement", "alert.caution": "Attention",
        "skip_to_content": "Aller au contenu", "site_nav": "Site", "home": "Accueil", "archives": "Archives",
        "tags": "Étiquettes", "categories": "Catégories", "feed": "Flux", "atom_feed": "Flux Atom",
        "not_found_title": "Page introuvable",
        "not_found_text": "Désolé, il n’y a rien à cette adresse. La page a peut-être été déplacée, ou le lien est erroné.",
        "archives_chart_caption": "Articles par année. Choisissez une année pour voir son bilan.", "posts_label": "Articles",
        "no_posts": "Pas encore d’article.", "no_tags": "Pas encore d’étiquette.", "no_categories": "Pas encore de catégorie.",
        "pagination": "Pagination", "newer": "Plus récents", "older": "Plus anciens", "draft": "Brouillon",
        "updated": "Mis à jour le", "reading_time": "{count} min de lecture", "words": "{count} mots",
        "words.one": "{count} mot", "posts_count": "{count} articles", "posts_count.one": "{count} article",
        "more_posts": "Autres articles", "read_more": "Lire la suite", "toc_label": "Table des matières",
        "contents": "Sommaire", "other_years": "Autres années", "previous_year": "Année précédente",
        "next_year": "Année suivante", "year_in_review": "Bilan de l’année", "year_summary": "Résumé de l’année",
        "read_summary": "Lire le résumé", "year_numbers": "En chiffres", "change": "Évolution",
        "compared": "contre {previous} en {year}", "nothing_to_compare": "Aucun article en {year}, rien à comparer.",
        "month_by_month": "Mois par mois", "posts_per_month": "Articles par mois", "words_per_month": "Mots par mois",
        "posts_per_month_in": "Articles par mois en {year}", "words_per_month_in": "Mots par mois en {year}",
        "posts_per_year": "Articles par année", "highlights": "Temps forts", "first_post": "Premier article",
        "last_post": "Dernier article", "longest_post": "Article le plus long", "most_linked": "Les plus cités",
        "linked_from": "cité par {count} articles", "linked_from.one": "cité par {count} article",
        "tags_and_categories": "Étiquettes et catégories", "no_tags_year": "Aucune étiquette.",
        "no_categories_year": "Aucune catégorie.", "every_post": "Tous les articles", "stat.posts": "Articles",
        "stat.words": "Mots", "stat.reading_minutes": "Minutes de lecture", "stat.active_months": "Mois avec des articles",
        "stat.longest_streak": "Plus longue suite de mois", "date": "{dd}/{mm}/{yyyy}",
        "months": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.", "number.group": "\u{202F}",
    ]

    static let spanish: [String: String] = [
        "alert.note": "Nota", "alert.tip": "Consejo", "alert.important": "Importante", "alert.warning": "Advertencia", "alert.caution": "Precaución",
        "skip_to_content": "Saltar al contenido", "site_nav": "Sitio", "home": "Inicio", "archives": "Archivo",
        "tags": "Etiquetas", "categories": "Categorías", "feed": "Feed", "atom_feed": "Feed Atom",
        "not_found_title": "Página no encontrada",
        "not_found_text": "Lo sentimos, no hay nada en esta dirección. Puede que se haya movido o que el enlace sea incorrecto.",
        "archives_chart_caption": "Entradas por año. Elige un año para ver su resumen.", "posts_label": "Entradas",
        "no_posts": "Aún no hay entradas.", "no_tags": "Aún no hay etiquetas.", "no_categories": "Aún no hay categorías.",
        "pagination": "Paginación", "newer": "Más recientes", "older": "Más antiguas", "draft": "Borrador",
        "updated": "Actualizado", "reading_time": "{count} min de lectura", "words": "{count} palabras",
        "words.one": "{count} palabra", "posts_count": "{count} entradas", "posts_count.one": "{count} entrada",
        "more_posts": "Más entradas", "read_more": "Seguir leyendo", "toc_label": "Índice", "contents": "Contenido",
        "other_years": "Otros años", "previous_year": "Año anterior", "next_year": "Año siguiente",
        "year_in_review": "Resumen del año", "year_summary": "Balance del año", "read_summary": "Leer el balance",
        "year_numbers": "En cifras", "change": "Cambio", "compared": "frente a {previous} en {year}",
        "nothing_to_compare": "No hubo entradas en {year}, así que no hay con qué comparar.", "month_by_month": "Mes a mes",
        "posts_per_month": "Entradas por mes", "words_per_month": "Palabras por mes",
        "posts_per_month_in": "Entradas por mes en {year}", "words_per_month_in": "Palabras por mes en {year}",
        "posts_per_year": "Entradas por año", "highlights": "Destacados", "first_post": "Primera entrada",
        "last_post": "Última entrada", "longest_post": "Entrada más larga", "most_linked": "Más enlazadas",
        "linked_from": "enlazada desde {count} entradas", "linked_from.one": "enlazada desde {count} entrada",
        "tags_and_categories": "Etiquetas y categorías", "no_tags_year": "Sin etiquetas.", "no_categories_year": "Sin categorías.",
        "every_post": "Todas las entradas", "stat.posts": "Entradas", "stat.words": "Palabras",
        "stat.reading_minutes": "Minutos de lectura", "stat.active_months": "Meses con entradas",
        "stat.longest_streak": "Racha más larga de meses", "date": "{dd}/{mm}/{yyyy}",
        "months": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.", "number.group": ".",
    ]
}
