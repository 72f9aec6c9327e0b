/// Which scripts languages are normally written in, so that text in another script is known not to be theirs.
public enum LanguageScripts {
    /// The scripts `tag` is normally written in, or nil when the language is not known here.
    ///
    /// A script subtag (`sr-Latn`, `zh-Hant`, `pa-Arab`) narrows the answer to that script.
    public static func scripts(of tag: String) -> Set<LetterScript>? {
        let subtags = BCP47.subtags(tag)
        if let scriptSubtag = subtags.dropFirst().first(where: { $0.count == 4 }),
           let scripts = scriptsByCode[scriptSubtag] {
            return scripts
        }
        return scriptsByLanguage[BCP47.primary(of: tag)]
    }

    /// Whether `tag` is normally written in `script`; true for languages not known here, since nothing rules them out.
    public static func isWritten(_ tag: String, in script: LetterScript) -> Bool {
        scripts(of: tag)?.contains(script) ?? true
    }

    /// Scripts by lower-cased ISO 15924 code, including the codes that stand for several (`Jpan`, `Kore`).
    private static let scriptsByCode: [String: Set<LetterScript>] = {
        var table: [String: Set<LetterScript>] = [:]
        for script in LetterScript.allCases { table[script.code.lowercased()] = [script] }
        table["hans"] = [.han]
        table["hant"] = [.han]
        table["hira"] = [.kana]
        table["kana"] = [.kana]
        table["jpan"] = [.han, .kana]
        table["kore"] = [.hangul, .han]
        return table
    }()

    /// Scripts by lower-cased primary language subtag.
    private static let scriptsByLanguage: [String: Set<LetterScript>] = {
        var table: [String: Set<LetterScript>] = [:]
        func add(_ languages: String, _ scripts: Set<LetterScript>) {
            for language in languages.split(separator: " ") { table[String(language), default: []].formUnion(scripts) }
        }
        add("""
            aa af ak an ast ay bi bm br ca ceb ch co crs cs cy da de dsb ee en eo es et eu ff fi fil fj fo fr fur fy \
            ga gaa gd gl gn gv haw ho hr hsb ht hu ia id ie ig ik is it jv kg kha ki kj kl kr kri kw la lb lg li lij \
            lmo ln loz lt lu lua luo lv mfe mg mh mi ms mt na nap nb nd nds ng nl nn no nr nso nv ny oc om pam pl pt \
            qu rm rn ro rw sc scn sco se sg sk sl sm sma smj smn sms sn so sq ss st su sv sw tet tl tlh tn to tr ts \
            tum tw ty ve vec vi vo wa war wo xh yo za zu
            """, [.latin])
        add("""
            ab ady alt av ba be bg bua ce cu cv kbd kv koi krc ky lez mdf mhr mk mn mrj myv nog os ru rue sah tg \
            tyv udm uk xal
            """, [.cyrillic])
        add("sr sh bs cnr tt kk uz", [.cyrillic, .latin])
        add("az", [.latin, .cyrillic, .arabic])
        add("ug", [.arabic, .cyrillic, .latin])
        add("ku", [.latin, .arabic, .cyrillic])
        add("ha", [.latin, .arabic])
        add("tk", [.latin, .cyrillic])
        add("el grc", [.greek])
        add("hy", [.armenian])
        add("ka", [.georgian])
        add("he iw yi", [.hebrew])
        add("lad", [.hebrew, .latin])
        add("""
            ar acm aeb afb ajp apc arq ary arz ayl azb bal bqi ckb fa glk lrc mzn pnb prs ps sdh skr ur
            """, [.arabic])
        add("sd ks", [.arabic, .devanagari])
        add("hi mr ne sa mai bho bh new doi awa mag hne raj brx dty gom", [.devanagari])
        add("kok", [.devanagari, .latin, .kannada])
        add("bn as bpy syl rkt mni", [.bengali])
        add("pa", [.gurmukhi, .arabic])
        add("gu", [.gujarati])
        add("ta", [.tamil])
        add("te", [.telugu])
        add("kn tcy", [.kannada])
        add("ml", [.malayalam])
        add("si", [.sinhala])
        add("th", [.thai])
        add("lo", [.lao])
        add("my shn mnw ksw", [.myanmar])
        add("km", [.khmer])
        add("am ti tig gez byn", [.ethiopic])
        add("ko", [.hangul, .han])
        add("ja", [.han, .kana])
        add("zh cmn yue wuu hak nan gan hsn lzh cdo", [.han])
        return table
    }()
}
