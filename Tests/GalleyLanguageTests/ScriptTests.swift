import GalleyLanguage
import Testing

/// Script profiles, the languages guessed from them, and which scripts languages are written in.
@Suite struct ScriptTests {
    @Test(arguments: [
        ("Hello", "en"), ("Ça va", "en"), ("Привет", "ru"), ("Γειά σου", "el"), ("Բարեւ", "hy"), ("שלום", "he"),
        ("مرحبا", "ar"), ("سلام", "ar"), ("नमस्ते", "hi"), ("নমস্কার", "bn"), ("ਸਤ ਸ੍ਰੀ ਅਕਾਲ", "pa"), ("નમસ્તે", "gu"),
        ("வணக்கம்", "ta"), ("నమస్కారం", "te"), ("ನಮಸ್ಕಾರ", "kn"), ("നമസ്കാരം", "ml"), ("ආයුබෝවන්", "si"),
        ("สวัสดี", "th"), ("ສະບາຍດີ", "lo"), ("မင်္ဂလာပါ", "my"), ("გამარჯობა", "ka"), ("안녕하세요", "ko"),
        ("ሰላም", "am"), ("សួស្តី", "km"), ("你好", "zh-Hans"), ("謝謝", "zh-Hans"), ("こんにちは", "ja"),
        ("カタカナ", "ja"), ("日本の首都", "ja"),
    ])
    func guessesTheLanguageOfShortTextFromItsScript(text: String, tag: String) {
        #expect(ScriptProfile(text).guessedLanguage == tag)
    }

    @Test func textWithoutLettersHasNoGuess() {
        #expect(ScriptProfile("").guessedLanguage == nil)
        #expect(ScriptProfile("123 — 456 %").dominantScript == nil)
        #expect(ScriptProfile("١٢٣ ٤٥٦").dominantScript == nil)  // Arabic-Indic digits are no letters.
    }

    @Test func theScriptWithMostLettersWins() {
        let profile = ScriptProfile("Reuters: " + Samples.arabic)
        #expect(profile.dominantScript == .arabic)
        #expect(profile.count(of: .latin) == 7)
        #expect(ScriptProfile("Путин said on Monday that he would travel").dominantScript == .latin)
    }

    @Test func aStrayKanaDoesNotMakeChineseJapanese() {
        // One katakana letter among many Han ones: still Han.
        #expect(ScriptProfile(Samples.simplifiedChinese + "ア").dominantScript == .han)
        #expect(ScriptProfile(Samples.japanese).dominantScript == .kana)
    }

    @Test func wordsAreCountedByRunsOrByLetters() {
        #expect(ScriptProfile("Die Lösung").wordEstimate == 2)
        #expect(ScriptProfile("one two, three-four").wordEstimate == 4)
        #expect(ScriptProfile("公共图书馆").wordEstimate == 2)
        // Marks, joiners and soft hyphens stay inside their word: a virama, a decomposed accent, a ZWNJ.
        #expect(ScriptProfile("नमस्ते दुनिया").wordEstimate == 2)
        #expect(ScriptProfile("e\u{301}cole bi\u{AD}blio\u{AD}thèque").wordEstimate == 2)
        #expect(ScriptProfile("می\u{200C}خواهم").wordEstimate == 1)
    }

    @Test func languagesAreWrittenInTheirScripts() {
        #expect(LanguageScripts.isWritten("en", in: .latin))
        #expect(!LanguageScripts.isWritten("en", in: .arabic))
        #expect(!LanguageScripts.isWritten("fr", in: .cyrillic))
        #expect(LanguageScripts.isWritten("fa", in: .arabic))
        #expect(LanguageScripts.isWritten("ur", in: .arabic))
        #expect(!LanguageScripts.isWritten("ar", in: .hebrew))
        #expect(LanguageScripts.isWritten("ja", in: .han))
        #expect(LanguageScripts.isWritten("ja", in: .kana))
        #expect(!LanguageScripts.isWritten("zh", in: .kana))
        #expect(LanguageScripts.isWritten("ko", in: .hangul))
        #expect(LanguageScripts.isWritten("sr", in: .cyrillic))
        #expect(LanguageScripts.isWritten("sr", in: .latin))
        #expect(!LanguageScripts.isWritten("ru", in: .latin))
        #expect(LanguageScripts.isWritten("pt-BR", in: .latin))
        #expect(LanguageScripts.isWritten("iw", in: .hebrew))
    }

    @Test func aScriptSubtagNarrowsTheScripts() {
        #expect(!LanguageScripts.isWritten("sr-Latn", in: .cyrillic))
        #expect(LanguageScripts.isWritten("sr-Latn-RS", in: .latin))
        #expect(LanguageScripts.scripts(of: "zh-Hant") == [.han])
        #expect(LanguageScripts.scripts(of: "ja-Jpan") == [.han, .kana])
        #expect(LanguageScripts.scripts(of: "pa-Arab") == [.arabic])
    }

    @Test func unknownLanguagesAreNotRuledOut() {
        #expect(LanguageScripts.scripts(of: "x-klingon") == nil)
        #expect(LanguageScripts.isWritten("x-klingon", in: .arabic))
    }
}
