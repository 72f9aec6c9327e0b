import Foundation
import GalleyModel

/// Writes dates as the article's language does, from the locale's own template (CLDR, through Foundation and ICU):
/// "Sunday, June 22, 2025", "dimanche 22 juin 2025", "2025年6月22日 日曜日", in the locale's calendar.
enum DateText {
    /// Formatters by language: making one costs more than laying out a paragraph.
    nonisolated(unsafe) private static var formatters: [String: DateFormatter] = [:]
    private static let lock = NSLock()

    static func long(_ date: ArticleDate, language: String) -> String {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        guard let day = gregorian.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else {
            return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
        }
        lock.lock()
        defer { lock.unlock() }
        let formatter = formatters[language] ?? {
            let made = DateFormatter()
            made.locale = Locale(identifier: language)
            made.timeZone = gregorian.timeZone
            // The weekday, day, month name and year, in the order and with the words the locale's template gives.
            made.setLocalizedDateFormatFromTemplate("EEEEdMMMMy")
            formatters[language] = made
            return made
        }()
        let text = formatter.string(from: day)
        // A dateline starts with a capital where the script has them ("Dimanche 22 juin 2025").
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
