import Foundation
import GalleyModel

/// Writes dates the way the article's language does ("Sunday 22 June 2025", "dimanche 22 juin 2025").
enum DateText {
    /// Formatters by language: making one costs more than laying out a paragraph.
    nonisolated(unsafe) private static var formatters: [String: DateFormatter] = [:]
    private static let lock = NSLock()

    static func long(_ date: ArticleDate, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else {
            return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
        }
        lock.lock()
        defer { lock.unlock() }
        let formatter = formatters[language] ?? {
            let made = DateFormatter()
            made.calendar = calendar
            made.timeZone = calendar.timeZone
            made.locale = Locale(identifier: language)
            made.dateFormat = "EEEE d MMMM y"
            formatters[language] = made
            return made
        }()
        let text = formatter.string(from: day)
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
