/// Products that stop at `Int.max` rather than trap: headers may declare sizes whose byte counts overflow.
enum Saturating {
    static func product(_ factors: Int...) -> Int {
        factors.reduce(1) { total, factor in
            let (result, overflow) = total.multipliedReportingOverflow(by: factor)
            return overflow ? .max : result
        }
    }

    static func sum(_ terms: Int...) -> Int {
        terms.reduce(0) { total, term in
            let (result, overflow) = total.addingReportingOverflow(term)
            return overflow ? .max : result
        }
    }
}
