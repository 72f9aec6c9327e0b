/// Sample texts, a few sentences each on one subject (a town council discussing its library), written for these tests.
enum Samples {
    static let english = """
        The town council met on Tuesday evening to discuss the budget of the public library. Several members asked \
        for the reading rooms to stay open later at night, while others would rather spend the money on new books.
        """
    static let french = """
        Le conseil municipal s'est réuni mardi soir pour discuter du budget de la bibliothèque publique. Plusieurs \
        élus ont demandé que les salles de lecture restent ouvertes plus tard, tandis que d'autres préféraient \
        acheter de nouveaux livres.
        """
    static let german = """
        Der Gemeinderat hat sich am Dienstagabend getroffen, um über den Haushalt der Stadtbibliothek zu sprechen. \
        Einige Mitglieder wünschten sich längere Öffnungszeiten für die Lesesäle, während andere das Geld lieber \
        für neue Bücher ausgeben würden.
        """
    static let spanish = """
        El ayuntamiento se reunió el martes por la noche para hablar del presupuesto de la biblioteca pública. \
        Algunos concejales pidieron que las salas de lectura abrieran hasta más tarde, mientras que otros \
        preferían gastar el dinero en libros nuevos.
        """
    static let russian = """
        Городской совет собрался во вторник вечером, чтобы обсудить бюджет публичной библиотеки. Некоторые \
        депутаты просили, чтобы читальные залы работали дольше, а другие хотели потратить деньги на новые книги.
        """
    static let ukrainian = """
        Міська рада зібралася у вівторок увечері, щоб обговорити бюджет публічної бібліотеки. Деякі депутати \
        просили, щоб читальні зали працювали довше, а інші хотіли витратити гроші на нові книжки.
        """
    static let arabic = """
        اجتمع المجلس البلدي مساء الثلاثاء لمناقشة ميزانية المكتبة العامة. وطالب بعض الأعضاء بأن تبقى قاعات \
        القراءة مفتوحة حتى وقت متأخر، بينما فضّل آخرون إنفاق المال على شراء كتب جديدة.
        """
    static let persian = """
        شورای شهر سه‌شنبه شب برای بررسی بودجه کتابخانه عمومی تشکیل جلسه داد. برخی از اعضا خواستند که سالن‌های \
        مطالعه تا دیروقت باز بمانند، اما دیگران ترجیح می‌دادند این پول را برای خرید کتاب‌های تازه خرج کنند.
        """
    static let urdu = """
        شہر کی کونسل نے منگل کی شام عوامی کتب خانے کے بجٹ پر بات کرنے کے لیے اجلاس کیا۔ کچھ ارکان چاہتے تھے کہ \
        مطالعے کے کمرے دیر تک کھلے رہیں، جبکہ دوسرے یہ پیسہ نئی کتابیں خریدنے پر خرچ کرنا چاہتے تھے۔
        """
    static let hebrew = """
        מועצת העיר התכנסה ביום שלישי בערב כדי לדון בתקציב הספרייה הציבורית. חלק מהחברים ביקשו שאולמות הקריאה \
        יישארו פתוחים עד שעה מאוחרת, ואחרים העדיפו להוציא את הכסף על ספרים חדשים.
        """
    static let hindi = """
        नगर परिषद ने मंगलवार की शाम सार्वजनिक पुस्तकालय के बजट पर चर्चा करने के लिए बैठक की। कुछ सदस्य चाहते थे कि \
        पढ़ने के कमरे देर रात तक खुले रहें, जबकि दूसरे लोग यह पैसा नई किताबें खरीदने पर खर्च करना चाहते थे।
        """
    static let japanese = """
        市議会は火曜日の夜に集まり、公共図書館の予算について話し合いました。閲覧室をもっと遅くまで開けてほしいという\
        議員もいれば、そのお金で新しい本を買うべきだという議員もいました。
        """
    static let simplifiedChinese = """
        市议会星期二晚上开会，讨论公共图书馆的预算。一些议员希望阅览室开放到更晚的时间，另一些议员则认为应该用这笔钱\
        购买新书。
        """
    static let traditionalChinese = """
        市議會星期二晚上開會，討論公共圖書館的預算。一些議員希望閱覽室開放到更晚的時間，另一些議員則認為應該用這筆錢\
        購買新書。
        """
    static let korean = """
        시의회는 화요일 저녁에 모여 공공 도서관 예산에 대해 논의했습니다. 일부 의원들은 열람실을 더 늦게까지 열어 두기를 \
        원했고, 다른 의원들은 그 돈으로 새 책을 사자고 했습니다.
        """
    static let thai = """
        สภาเมืองประชุมกันเมื่อเย็นวันอังคารเพื่อหารือเรื่องงบประมาณของห้องสมุดประชาชน สมาชิกบางคนต้องการให้ห้องอ่านหนังสือ\
        เปิดจนดึก ขณะที่คนอื่นอยากนำเงินไปซื้อหนังสือใหม่
        """
    static let greek = """
        Το δημοτικό συμβούλιο συνεδρίασε την Τρίτη το βράδυ για να συζητήσει τον προϋπολογισμό της δημόσιας \
        βιβλιοθήκης. Ορισμένα μέλη ζήτησαν να μένουν ανοιχτές οι αίθουσες ανάγνωσης μέχρι αργά, ενώ άλλοι \
        προτιμούσαν να αγοραστούν καινούργια βιβλία.
        """
    static let turkish = """
        Belediye meclisi salı akşamı halk kütüphanesinin bütçesini görüşmek için toplandı. Bazı üyeler okuma \
        salonlarının daha geç saatlere kadar açık kalmasını isterken, diğerleri parayı yeni kitaplara harcamayı \
        tercih etti.
        """
    static let polish = """
        Rada miejska zebrała się we wtorek wieczorem, aby omówić budżet biblioteki publicznej. Niektórzy radni \
        chcieli, żeby czytelnie były otwarte dłużej, a inni woleli przeznaczyć pieniądze na nowe książki.
        """

    /// Every sample with the BCP 47 tag it must be detected as.
    static let all: [(tag: String, text: String)] = [
        ("en", english), ("fr", french), ("de", german), ("es", spanish), ("ru", russian), ("uk", ukrainian),
        ("ar", arabic), ("fa", persian), ("ur", urdu), ("he", hebrew), ("hi", hindi), ("ja", japanese),
        ("zh-Hans", simplifiedChinese), ("zh-Hant", traditionalChinese), ("ko", korean), ("th", thai),
        ("el", greek), ("tr", turkish), ("pl", polish),
    ]
}
