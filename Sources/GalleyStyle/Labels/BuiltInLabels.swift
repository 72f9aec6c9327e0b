/// The labels Galley knows without a layout saying anything, by primary language subtag.
///
/// Written for Galley by its developers; a layout's `labels:` section overrides any of them.
public enum BuiltInLabels {
    /// Labels by primary language subtag (`en`, `zh`); `zh-Hant` has its own entry for traditional characters.
    public static let all: [String: Labels] = [
        "en": Labels(byline: "by {authors}", translated: "Translated by {translator}",
                     translatedFrom: "Translated by {translator} from {source}", related: "Related articles",
                     contents: "Contents", notes: "Notes", folio: "Page {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " and ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        "fr": Labels(byline: "par {authors}", translated: "Traduit par {translator}",
                     translatedFrom: "Traduit par {translator} depuis {source}", related: "À lire aussi",
                     contents: "Sommaire", notes: "Notes", folio: "Page {page} sur {pages}",
                     listSeparator: ", ", listLastSeparator: " et ", sizeUnits: ["o", "Kio", "Mio", "Gio"], decimalSeparator: ","),
        "de": Labels(byline: "von {authors}", translated: "Übersetzt von {translator}",
                     translatedFrom: "Aus {source} übersetzt von {translator}", related: "Mehr zum Thema",
                     contents: "Inhalt", notes: "Anmerkungen", folio: "Seite {page} von {pages}",
                     listSeparator: ", ", listLastSeparator: " und ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        "es": Labels(byline: "por {authors}", translated: "Traducción de {translator}",
                     translatedFrom: "Traducción de {translator} a partir de {source}", related: "Artículos relacionados",
                     contents: "Sumario", notes: "Notas", folio: "Página {page} de {pages}",
                     listSeparator: ", ", listLastSeparator: " y ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        "it": Labels(byline: "di {authors}", translated: "Traduzione di {translator}",
                     translatedFrom: "Traduzione da {source} di {translator}", related: "Articoli correlati",
                     contents: "Sommario", notes: "Note", folio: "Pagina {page} di {pages}",
                     listSeparator: ", ", listLastSeparator: " e ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        "pt": Labels(byline: "por {authors}", translated: "Tradução de {translator}",
                     translatedFrom: "Tradução de {translator} a partir de {source}", related: "Artigos relacionados",
                     contents: "Sumário", notes: "Notas", folio: "Página {page} de {pages}",
                     listSeparator: ", ", listLastSeparator: " e ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Dutch
        "nl": Labels(byline: "door {authors}", translated: "Vertaald door {translator}",
                     translatedFrom: "Vertaald uit {source} door {translator}", related: "Gerelateerde artikelen",
                     contents: "Inhoud", notes: "Noten", folio: "Pagina {page} van {pages}",
                     listSeparator: ", ", listLastSeparator: " en ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        "ru": Labels(byline: "Текст: {authors}", translated: "Перевод: {translator}",
                     translatedFrom: "Перевод: {translator}, источник: {source}", related: "Читайте также",
                     contents: "Содержание", notes: "Примечания", folio: "Страница {page} из {pages}",
                     listSeparator: ", ", listLastSeparator: " и ", sizeUnits: ["Б", "КиБ", "МиБ", "ГиБ"], decimalSeparator: ","),
        // Ukrainian
        "uk": Labels(byline: "Текст: {authors}", translated: "Переклад: {translator}",
                     translatedFrom: "Переклад: {translator}, джерело: {source}", related: "Читайте також",
                     contents: "Зміст", notes: "Примітки", folio: "Сторінка {page} з {pages}",
                     listSeparator: ", ", listLastSeparator: " і ", sizeUnits: ["Б", "КіБ", "МіБ", "ГіБ"], decimalSeparator: ","),
        // Belarusian
        "be": Labels(byline: "Тэкст: {authors}", translated: "Пераклад: {translator}",
                     translatedFrom: "Пераклад: {translator}, крыніца: {source}", related: "Чытайце таксама",
                     contents: "Змест", notes: "Заўвагі", folio: "Старонка {page} з {pages}",
                     listSeparator: ", ", listLastSeparator: " і ", sizeUnits: ["Б", "КіБ", "МіБ", "ГіБ"], decimalSeparator: ","),
        // Bulgarian
        "bg": Labels(byline: "Текст: {authors}", translated: "Превод: {translator}",
                     translatedFrom: "Превод: {translator}, източник: {source}", related: "Още по темата",
                     contents: "Съдържание", notes: "Бележки", folio: "Страница {page} от {pages}",
                     listSeparator: ", ", listLastSeparator: " и ", sizeUnits: ["Б", "КиБ", "МиБ", "ГиБ"], decimalSeparator: ","),
        // Serbian, in Cyrillic
        "sr": Labels(byline: "Текст: {authors}", translated: "Превод: {translator}",
                     translatedFrom: "Превод: {translator}, извор: {source}", related: "Повезани чланци",
                     contents: "Садржај", notes: "Напомене", folio: "Страна {page} од {pages}",
                     listSeparator: ", ", listLastSeparator: " и ", sizeUnits: ["Б", "КиБ", "МиБ", "ГиБ"], decimalSeparator: ","),
        // Croatian
        "hr": Labels(byline: "Tekst: {authors}", translated: "Prijevod: {translator}",
                     translatedFrom: "Prijevod: {translator}, izvor: {source}", related: "Povezani članci",
                     contents: "Sadržaj", notes: "Bilješke", folio: "Stranica {page} od {pages}",
                     listSeparator: ", ", listLastSeparator: " i ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Bosnian
        "bs": Labels(byline: "Tekst: {authors}", translated: "Prijevod: {translator}",
                     translatedFrom: "Prijevod: {translator}, izvor: {source}", related: "Povezani članci",
                     contents: "Sadržaj", notes: "Napomene", folio: "Stranica {page} od {pages}",
                     listSeparator: ", ", listLastSeparator: " i ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Slovene
        "sl": Labels(byline: "Besedilo: {authors}", translated: "Prevod: {translator}",
                     translatedFrom: "Prevod: {translator}, vir: {source}", related: "Sorodni članki",
                     contents: "Vsebina", notes: "Opombe", folio: "Stran {page} od {pages}",
                     listSeparator: ", ", listLastSeparator: " in ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Macedonian
        "mk": Labels(byline: "Текст: {authors}", translated: "Превод: {translator}",
                     translatedFrom: "Превод: {translator}, извор: {source}", related: "Поврзани статии",
                     contents: "Содржина", notes: "Белешки", folio: "Страница {page} од {pages}",
                     listSeparator: ", ", listLastSeparator: " и ", sizeUnits: ["Б", "КиБ", "МиБ", "ГиБ"], decimalSeparator: ","),
        "pl": Labels(byline: "Tekst: {authors}", translated: "Tłumaczenie: {translator}",
                     translatedFrom: "Tłumaczenie: {translator}, źródło: {source}", related: "Czytaj także",
                     contents: "Spis treści", notes: "Przypisy", folio: "Strona {page} z {pages}",
                     listSeparator: ", ", listLastSeparator: " i ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Czech
        "cs": Labels(byline: "Text: {authors}", translated: "Překlad: {translator}",
                     translatedFrom: "Překlad: {translator}, zdroj: {source}", related: "Související články",
                     contents: "Obsah", notes: "Poznámky", folio: "Strana {page} z {pages}",
                     listSeparator: ", ", listLastSeparator: " a ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Slovak
        "sk": Labels(byline: "Text: {authors}", translated: "Preklad: {translator}",
                     translatedFrom: "Preklad: {translator}, zdroj: {source}", related: "Súvisiace články",
                     contents: "Obsah", notes: "Poznámky", folio: "Strana {page} z {pages}",
                     listSeparator: ", ", listLastSeparator: " a ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Hungarian
        "hu": Labels(byline: "Írta: {authors}", translated: "Fordította: {translator}",
                     translatedFrom: "Fordította: {translator}, forrás: {source}", related: "Kapcsolódó cikkek",
                     contents: "Tartalom", notes: "Jegyzetek", folio: "{page}/{pages}. oldal",
                     listSeparator: ", ", listLastSeparator: " és ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Romanian
        "ro": Labels(byline: "de {authors}", translated: "Traducere de {translator}",
                     translatedFrom: "Traducere din {source} de {translator}", related: "Citiți și",
                     contents: "Cuprins", notes: "Note", folio: "Pagina {page} din {pages}",
                     listSeparator: ", ", listLastSeparator: " și ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Greek
        "el": Labels(byline: "Κείμενο: {authors}", translated: "Μετάφραση: {translator}",
                     translatedFrom: "Μετάφραση: {translator}, πηγή: {source}", related: "Σχετικά άρθρα",
                     contents: "Περιεχόμενα", notes: "Σημειώσεις", folio: "Σελίδα {page} από {pages}",
                     listSeparator: ", ", listLastSeparator: " και ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Turkish
        "tr": Labels(byline: "Yazan: {authors}", translated: "Çeviri: {translator}",
                     translatedFrom: "Çeviri: {translator}, kaynak: {source}", related: "İlgili yazılar",
                     contents: "İçindekiler", notes: "Notlar", folio: "Sayfa {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " ve ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Swedish
        "sv": Labels(byline: "av {authors}", translated: "Översatt av {translator}",
                     translatedFrom: "Översatt från {source} av {translator}", related: "Relaterade artiklar",
                     contents: "Innehåll", notes: "Noter", folio: "Sida {page} av {pages}",
                     listSeparator: ", ", listLastSeparator: " och ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Danish
        "da": Labels(byline: "af {authors}", translated: "Oversat af {translator}",
                     translatedFrom: "Oversat fra {source} af {translator}", related: "Relaterede artikler",
                     contents: "Indhold", notes: "Noter", folio: "Side {page} af {pages}",
                     listSeparator: ", ", listLastSeparator: " og ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Norwegian Bokmål
        "nb": norwegianBokmal,
        // Norwegian Nynorsk
        "nn": Labels(byline: "av {authors}", translated: "Omsett av {translator}",
                     translatedFrom: "Omsett frå {source} av {translator}", related: "Relaterte artiklar",
                     contents: "Innhald", notes: "Notar", folio: "Side {page} av {pages}",
                     listSeparator: ", ", listLastSeparator: " og ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Norwegian without a named written standard: Bokmål
        "no": norwegianBokmal,
        // Finnish
        "fi": Labels(byline: "Teksti: {authors}", translated: "Käännös: {translator}",
                     translatedFrom: "Käännös: {translator}, lähde: {source}", related: "Lue myös",
                     contents: "Sisällys", notes: "Viitteet", folio: "Sivu {page}/{pages}",
                     listSeparator: ", ", listLastSeparator: " ja ", sizeUnits: ["t", "kt", "Mt", "Gt"], decimalSeparator: ","),
        // Estonian
        "et": Labels(byline: "Tekst: {authors}", translated: "Tõlkinud {translator}",
                     translatedFrom: "Tõlkinud {translator}, allikas: {source}", related: "Loe ka",
                     contents: "Sisukord", notes: "Märkused", folio: "Lehekülg {page}/{pages}",
                     listSeparator: ", ", listLastSeparator: " ja ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Latvian
        "lv": Labels(byline: "Teksts: {authors}", translated: "Tulkojums: {translator}",
                     translatedFrom: "Tulkojums: {translator}, avots: {source}", related: "Saistītie raksti",
                     contents: "Saturs", notes: "Piezīmes", folio: "{page}. lappuse no {pages}",
                     listSeparator: ", ", listLastSeparator: " un ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Lithuanian
        "lt": Labels(byline: "Tekstas: {authors}", translated: "Vertė {translator}",
                     translatedFrom: "Vertė {translator}, šaltinis: {source}", related: "Susiję straipsniai",
                     contents: "Turinys", notes: "Pastabos", folio: "Puslapis {page} iš {pages}",
                     listSeparator: ", ", listLastSeparator: " ir ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Catalan
        "ca": Labels(byline: "per {authors}", translated: "Traducció: {translator}",
                     translatedFrom: "Traducció: {translator}, font: {source}", related: "Articles relacionats",
                     contents: "Sumari", notes: "Notes", folio: "Pàgina {page}/{pages}",
                     listSeparator: ", ", listLastSeparator: " i ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Basque
        "eu": Labels(byline: "Testua: {authors}", translated: "Itzulpena: {translator}",
                     translatedFrom: "Itzulpena: {translator}, iturria: {source}", related: "Lotutako artikuluak",
                     contents: "Aurkibidea", notes: "Oharrak", folio: "Orrialdea: {page}/{pages}",
                     listSeparator: ", ", listLastSeparator: " eta ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Galician
        "gl": Labels(byline: "por {authors}", translated: "Tradución de {translator}",
                     translatedFrom: "Tradución de {translator} a partir de {source}", related: "Artigos relacionados",
                     contents: "Sumario", notes: "Notas", folio: "Páxina {page} de {pages}",
                     listSeparator: ", ", listLastSeparator: " e ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Irish
        "ga": Labels(byline: "Údar: {authors}", translated: "Aistriúchán: {translator}",
                     translatedFrom: "Aistriúchán: {translator}, foinse: {source}", related: "Ailt ghaolmhara",
                     contents: "Clár an ábhair", notes: "Nótaí", folio: "Leathanach {page} de {pages}",
                     listSeparator: ", ", listLastSeparator: " agus ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Welsh
        "cy": Labels(byline: "gan {authors}", translated: "Cyfieithwyd gan {translator}",
                     translatedFrom: "Cyfieithwyd o {source} gan {translator}", related: "Erthyglau cysylltiedig",
                     contents: "Cynnwys", notes: "Nodiadau", folio: "Tudalen {page} o {pages}",
                     listSeparator: ", ", listLastSeparator: " a ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Icelandic
        "is": Labels(byline: "Texti: {authors}", translated: "Þýðing: {translator}",
                     translatedFrom: "Þýðing: {translator}, heimild: {source}", related: "Tengdar greinar",
                     contents: "Efnisyfirlit", notes: "Athugasemdir", folio: "Blaðsíða {page} af {pages}",
                     listSeparator: ", ", listLastSeparator: " og ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Albanian
        "sq": Labels(byline: "Nga {authors}", translated: "Përktheu: {translator}",
                     translatedFrom: "Përktheu: {translator}, burimi: {source}", related: "Artikuj të ngjashëm",
                     contents: "Përmbajtja", notes: "Shënime", folio: "Faqja {page} nga {pages}",
                     listSeparator: ", ", listLastSeparator: " dhe ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Vietnamese
        "vi": Labels(byline: "Tác giả: {authors}", translated: "Người dịch: {translator}",
                     translatedFrom: "Người dịch: {translator}, theo {source}", related: "Bài viết liên quan",
                     contents: "Mục lục", notes: "Chú thích", folio: "Trang {page}/{pages}",
                     listSeparator: ", ", listLastSeparator: " và ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Indonesian
        "id": Labels(byline: "oleh {authors}", translated: "Diterjemahkan oleh {translator}",
                     translatedFrom: "Diterjemahkan dari {source} oleh {translator}", related: "Artikel terkait",
                     contents: "Daftar isi", notes: "Catatan", folio: "Halaman {page} dari {pages}",
                     listSeparator: ", ", listLastSeparator: " dan ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Malay
        "ms": Labels(byline: "oleh {authors}", translated: "Diterjemahkan oleh {translator}",
                     translatedFrom: "Diterjemahkan daripada {source} oleh {translator}", related: "Artikel berkaitan",
                     contents: "Kandungan", notes: "Nota", folio: "Halaman {page} daripada {pages}",
                     listSeparator: ", ", listLastSeparator: " dan ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Tagalog (Filipino)
        "tl": Labels(byline: "ni {authors}", translated: "Salin: {translator}",
                     translatedFrom: "Salin: {translator}, mula sa {source}", related: "Mga kaugnay na artikulo",
                     contents: "Nilalaman", notes: "Mga tala", folio: "Pahina {page} ng {pages}",
                     listSeparator: ", ", listLastSeparator: " at ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Swahili
        "sw": Labels(byline: "Na {authors}", translated: "Imetafsiriwa na {translator}",
                     translatedFrom: "Imetafsiriwa kutoka {source} na {translator}", related: "Makala zinazohusiana",
                     contents: "Yaliyomo", notes: "Tanbihi", folio: "Ukurasa {page} wa {pages}",
                     listSeparator: ", ", listLastSeparator: " na ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Japanese
        "ja": Labels(byline: "文・{authors}", translated: "翻訳・{translator}",
                     translatedFrom: "翻訳・{translator}（出典：{source}）", related: "関連記事",
                     contents: "目次", notes: "注", folio: "{page}/{pages}ページ",
                     listSeparator: "、", listLastSeparator: "、", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Chinese, simplified characters
        "zh": Labels(byline: "作者：{authors}", translated: "译者：{translator}",
                     translatedFrom: "译者：{translator}（来源：{source}）", related: "相关文章",
                     contents: "目录", notes: "注释", folio: "第{page}页，共{pages}页",
                     listSeparator: "、", listLastSeparator: "和", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Chinese, traditional characters
        "zh-Hant": Labels(byline: "文／{authors}", translated: "譯者：{translator}",
                          translatedFrom: "譯者：{translator}（來源：{source}）", related: "相關文章",
                          contents: "目錄", notes: "註釋", folio: "第{page}頁，共{pages}頁",
                          listSeparator: "、", listLastSeparator: "與", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Korean
        "ko": Labels(byline: "글 {authors}", translated: "번역 {translator}",
                     translatedFrom: "번역 {translator}, 출처 {source}", related: "관련 기사",
                     contents: "차례", notes: "주", folio: "{pages}쪽 중 {page}쪽",
                     listSeparator: ", ", listLastSeparator: ", ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Arabic
        "ar": Labels(byline: "بقلم {authors}", translated: "ترجمة {translator}",
                     translatedFrom: "ترجمة {translator} عن {source}", related: "مقالات ذات صلة",
                     contents: "المحتويات", notes: "الهوامش", folio: "صفحة {page} من {pages}",
                     listSeparator: "، ", listLastSeparator: " و", sizeUnits: ["بايت", "كيلوبايت", "ميغابايت", "غيغابايت"], decimalSeparator: "."),
        // Persian
        "fa": Labels(byline: "نوشتهٔ {authors}", translated: "ترجمهٔ {translator}",
                     translatedFrom: "ترجمهٔ {translator} از {source}", related: "مطالب مرتبط",
                     contents: "فهرست مطالب", notes: "پی\u{200C}نوشت\u{200C}ها", folio: "صفحهٔ {page} از {pages}",
                     listSeparator: "، ", listLastSeparator: " و ", sizeUnits: ["بایت", "کیلوبایت", "مگابایت", "گیگابایت"], decimalSeparator: "٫"),
        // Urdu
        "ur": Labels(byline: "تحریر: {authors}", translated: "ترجمہ: {translator}",
                     translatedFrom: "ترجمہ: {translator}، ماخذ: {source}", related: "متعلقہ مضامین",
                     contents: "فہرست", notes: "حواشی", folio: "صفحہ {page} از {pages}",
                     listSeparator: "، ", listLastSeparator: " اور ", sizeUnits: ["بائٹ", "کلوبائٹ", "میگابائٹ", "گیگابائٹ"], decimalSeparator: "."),
        // Hebrew
        "he": Labels(byline: "מאת {authors}", translated: "תרגום: {translator}",
                     translatedFrom: "תרגום: {translator}, מקור: {source}", related: "מאמרים קשורים",
                     contents: "תוכן העניינים", notes: "הערות", folio: "עמוד {page} מתוך {pages}",
                     listSeparator: ", ", listLastSeparator: " ו", sizeUnits: ["בתים", "ק״ב", "מ״ב", "ג״ב"], decimalSeparator: "."),
        // Yiddish
        "yi": Labels(byline: "פֿון {authors}", translated: "איבערגעזעצט דורך {translator}",
                     translatedFrom: "איבערגעזעצט פֿון {source} דורך {translator}", related: "פֿאַרבונדענע אַרטיקלען",
                     contents: "אינהאַלט", notes: "הערות", folio: "זײַט {page} פֿון {pages}",
                     listSeparator: ", ", listLastSeparator: " און ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Hindi
        "hi": Labels(byline: "लेखक: {authors}", translated: "अनुवाद: {translator}",
                     translatedFrom: "अनुवाद: {translator}, स्रोत: {source}", related: "संबंधित लेख",
                     contents: "विषय-सूची", notes: "टिप्पणियाँ", folio: "पृष्ठ {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " और ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Marathi
        "mr": Labels(byline: "लेखन: {authors}", translated: "अनुवाद: {translator}",
                     translatedFrom: "अनुवाद: {translator}, स्रोत: {source}", related: "संबंधित लेख",
                     contents: "अनुक्रमणिका", notes: "टिपा", folio: "पृष्ठ {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " आणि ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Nepali
        "ne": Labels(byline: "लेखक: {authors}", translated: "अनुवाद: {translator}",
                     translatedFrom: "अनुवाद: {translator}, स्रोत: {source}", related: "सम्बन्धित लेख",
                     contents: "विषयसूची", notes: "टिप्पणी", folio: "पृष्ठ {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " र ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Bengali
        "bn": Labels(byline: "লেখক: {authors}", translated: "অনুবাদ: {translator}",
                     translatedFrom: "অনুবাদ: {translator}, সূত্র: {source}", related: "সম্পর্কিত লেখা",
                     contents: "সূচিপত্র", notes: "টীকা", folio: "পৃষ্ঠা {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " ও ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Punjabi, in Gurmukhi
        "pa": Labels(byline: "ਲੇਖਕ: {authors}", translated: "ਅਨੁਵਾਦ: {translator}",
                     translatedFrom: "ਅਨੁਵਾਦ: {translator}, ਸਰੋਤ: {source}", related: "ਸੰਬੰਧਿਤ ਲੇਖ",
                     contents: "ਤਤਕਰਾ", notes: "ਟਿੱਪਣੀਆਂ", folio: "ਪੰਨਾ {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " ਅਤੇ ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Gujarati
        "gu": Labels(byline: "લેખક: {authors}", translated: "અનુવાદ: {translator}",
                     translatedFrom: "અનુવાદ: {translator}, સ્રોત: {source}", related: "સંબંધિત લેખો",
                     contents: "અનુક્રમણિકા", notes: "નોંધ", folio: "પૃષ્ઠ {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " અને ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Tamil
        "ta": Labels(byline: "எழுத்து: {authors}", translated: "தமிழில்: {translator}",
                     translatedFrom: "தமிழில்: {translator}, மூலம்: {source}", related: "தொடர்புடைய கட்டுரைகள்",
                     contents: "உள்ளடக்கம்", notes: "குறிப்புகள்", folio: "பக்கம் {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " மற்றும் ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Telugu
        "te": Labels(byline: "రచన: {authors}", translated: "అనువాదం: {translator}",
                     translatedFrom: "అనువాదం: {translator}, మూలం: {source}", related: "సంబంధిత వ్యాసాలు",
                     contents: "విషయసూచిక", notes: "గమనికలు", folio: "పేజీ {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " మరియు ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Kannada
        "kn": Labels(byline: "ಬರಹ: {authors}", translated: "ಅನುವಾದ: {translator}",
                     translatedFrom: "ಅನುವಾದ: {translator}, ಮೂಲ: {source}", related: "ಸಂಬಂಧಿತ ಲೇಖನಗಳು",
                     contents: "ಪರಿವಿಡಿ", notes: "ಟಿಪ್ಪಣಿಗಳು", folio: "ಪುಟ {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " ಮತ್ತು ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Malayalam
        "ml": Labels(byline: "എഴുത്ത്: {authors}", translated: "പരിഭാഷ: {translator}",
                     translatedFrom: "പരിഭാഷ: {translator}, മൂലം: {source}", related: "ബന്ധപ്പെട്ട ലേഖനങ്ങൾ",
                     contents: "ഉള്ളടക്കം", notes: "കുറിപ്പുകൾ", folio: "പേജ് {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: ", ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Sinhala
        "si": Labels(byline: "{authors} විසිනි", translated: "පරිවර්තනය: {translator}",
                     translatedFrom: "පරිවර්තනය: {translator}, මූලාශ්\u{200D}රය: {source}", related: "අදාළ ලිපි",
                     contents: "පටුන", notes: "සටහන්", folio: "පිටුව {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " සහ ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Thai
        "th": Labels(byline: "เรื่อง: {authors}", translated: "แปลโดย {translator}",
                     translatedFrom: "แปลจาก {source} โดย {translator}", related: "บทความที่เกี่ยวข้อง",
                     contents: "สารบัญ", notes: "เชิงอรรถ", folio: "หน้า {page} จาก {pages}",
                     listSeparator: ", ", listLastSeparator: " และ ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Lao
        "lo": Labels(byline: "ໂດຍ {authors}", translated: "ແປໂດຍ {translator}",
                     translatedFrom: "ແປຈາກ {source} ໂດຍ {translator}", related: "ບົດຄວາມທີ່ກ່ຽວຂ້ອງ",
                     contents: "ສາລະບານ", notes: "ໝາຍເຫດ", folio: "ໜ້າ {page}/{pages}",
                     listSeparator: ", ", listLastSeparator: " ແລະ ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Khmer
        "km": Labels(byline: "ដោយ {authors}", translated: "បកប្រែដោយ {translator}",
                     translatedFrom: "បកប្រែពី {source} ដោយ {translator}", related: "អត្ថបទពាក់ព័ន្ធ",
                     contents: "មាតិកា", notes: "កំណត់សម្គាល់", folio: "ទំព័រ {page}/{pages}",
                     listSeparator: ", ", listLastSeparator: " និង ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Burmese
        "my": Labels(byline: "ရေးသားသူ − {authors}", translated: "ဘာသာပြန် − {translator}",
                     translatedFrom: "ဘာသာပြန် − {translator}၊ မူရင်း − {source}", related: "ဆက်စပ်ဆောင်းပါးများ",
                     contents: "မာတိကာ", notes: "မှတ်ချက်များ", folio: "စာမျက်နှာ {page}/{pages}",
                     listSeparator: "၊ ", listLastSeparator: " နှင့် ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Georgian
        "ka": Labels(byline: "ტექსტი: {authors}", translated: "თარგმანი: {translator}",
                     translatedFrom: "თარგმანი: {translator}, წყარო: {source}", related: "დაკავშირებული სტატიები",
                     contents: "სარჩევი", notes: "შენიშვნები", folio: "გვერდი {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " და ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Armenian
        "hy": Labels(byline: "Հեղինակ՝ {authors}", translated: "Թարգմանությունը՝ {translator}",
                     translatedFrom: "Թարգմանությունը՝ {translator}, աղբյուրը՝ {source}", related: "Առնչվող հոդվածներ",
                     contents: "Բովանդակություն", notes: "Ծանոթագրություններ", folio: "Էջ {page} / {pages}",
                     listSeparator: ", ", listLastSeparator: " և ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Amharic
        "am": Labels(byline: "ጸሐፊ፦ {authors}", translated: "ትርጉም፦ {translator}",
                     translatedFrom: "ትርጉም፦ {translator}፣ ምንጭ፦ {source}", related: "ተዛማጅ ጽሑፎች",
                     contents: "ማውጫ", notes: "ማስታወሻዎች", folio: "ገጽ {page} / {pages}",
                     listSeparator: "፣ ", listLastSeparator: " እና ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: "."),
        // Kazakh
        "kk": Labels(byline: "Мәтін: {authors}", translated: "Аударған: {translator}",
                     translatedFrom: "Аударған: {translator}, дереккөз: {source}", related: "Қатысты мақалалар",
                     contents: "Мазмұны", notes: "Ескертпелер", folio: "Бет {page}/{pages}",
                     listSeparator: ", ", listLastSeparator: " және ", sizeUnits: ["Б", "КиБ", "МиБ", "ГиБ"], decimalSeparator: ","),
        // Uzbek, in Latin script
        "uz": Labels(byline: "Matn: {authors}", translated: "Tarjimon: {translator}",
                     translatedFrom: "Tarjimon: {translator}, manba: {source}", related: "Mavzuga oid maqolalar",
                     contents: "Mundarija", notes: "Izohlar", folio: "Sahifa {page}/{pages}",
                     listSeparator: ", ", listLastSeparator: " va ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
        // Azerbaijani, in Latin script
        "az": Labels(byline: "Mətn: {authors}", translated: "Tərcümə: {translator}",
                     translatedFrom: "Tərcümə: {translator}, mənbə: {source}", related: "Əlaqəli məqalələr",
                     contents: "Mündəricat", notes: "Qeydlər", folio: "Səhifə {page}/{pages}",
                     listSeparator: ", ", listLastSeparator: " və ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ","),
    ]

    /// Norwegian Bokmål, which is also what plain `no` means.
    private static let norwegianBokmal = Labels(byline: "av {authors}", translated: "Oversatt av {translator}",
                                                translatedFrom: "Oversatt fra {source} av {translator}", related: "Relaterte artikler",
                                                contents: "Innhold", notes: "Noter", folio: "Side {page} av {pages}",
                                                listSeparator: ", ", listLastSeparator: " og ", sizeUnits: ["B", "KiB", "MiB", "GiB"], decimalSeparator: ",")
}
