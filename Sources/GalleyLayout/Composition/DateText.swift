import Foundation
import GalleyModel

/// Writes dates the way the article's language does ("Sunday 22 June 2025", "dimanche 22 juin 2025").
enum DateText {
    static func long(_ date: ArticleDate, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else {
            return String(format: "%04d-%02d-%02d", date.year, date.month, date.day)
        }
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: language)
        formatter.dateFormat = "EEEE d MMMM y"
        let text = formatter.string(from: day)
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
