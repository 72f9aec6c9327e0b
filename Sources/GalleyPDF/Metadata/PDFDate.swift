/// A date from the article's ISO 8601 text, written as PDF dates (`D:20250622000000Z`) and XMP dates.
///
/// Both forms are made from the same fields, so the information dictionary and the XMP always agree. The date
/// comes from the article, never the clock.
struct PDFDate: Equatable {
    /// The date as a PDF date string.
    var pdf: String
    /// The date as an XMP date (ISO 8601 with the precision and zone the source gave).
    var xmp: String

    /// Reads `2025-06-22`, `2025-06-22T10:30`, `2025-06-22T10:30:15.5Z`, `2025-06-22T10:30:15+02:00` and the like;
    /// nil for anything else.
    init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), (1...12).contains(month), expect("-"),
              let day = number(2), (1...31).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0
        var zone: (sign: Character, hours: Int, minutes: Int)?
        var hasTime = false
        if index < bytes.count {
            guard expect("T") || expect(" "), let h = number(2), h < 24, expect(":"), let m = number(2), m < 60 else { return nil }
            hour = h
            minute = m
            hasTime = true
            if expect(":") {
                guard let s = number(2), s < 61 else { return nil }
                second = min(s, 59)
                // Fractions of a second are dropped: PDF dates have none.
                if expect(".") || expect(",") {
                    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                }
            }
            if expect("Z") {
                zone = ("Z", 0, 0)
            } else if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 {
                let sign: Character = bytes[index] == 43 ? "+" : "-"
                index += 1
                guard let zh = number(2), zh < 24 else { return nil }
                _ = expect(":")
                let zm = number(2) ?? 0
                zone = (sign, zh, zm)
            }
            guard index == bytes.count else { return nil }
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        let date = "\(yearText)\(two(month))\(two(day))"
        guard hasTime else {
            pdf = "D:\(date)"
            xmp = "\(yearText)-\(two(month))-\(two(day))"
            return
        }
        let time = "\(two(hour))\(two(minute))\(two(second))"
        let xmpBase = "\(yearText)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))"
        switch zone {
        case nil:
            pdf = "D:\(date)\(time)"
            xmp = xmpBase
        case let (sign, _, _)? where sign == "Z":
            pdf = "D:\(date)\(time)Z"
            xmp = xmpBase + "Z"
        case let (sign, hours, minutes)?:
            pdf = "D:\(date)\(time)\(sign)\(two(hours))'\(two(minutes))'"
            xmp = xmpBase + "\(sign)\(two(hours)):\(two(minutes))"
        }
    }
}
