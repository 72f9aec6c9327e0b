extension StyleSheet {
    /// The accent colour `sectionColors` gives `section` (compared without regard to case), if any.
    public func sectionColor(for section: String?) -> String? {
        guard let section, let colors = sectionColors else { return nil }
        let wanted = section.lowercased()
        // Sorted, so that two keys differing only in case give the same answer on every run.
        return colors.keys.sorted().first { $0.lowercased() == wanted }.flatMap { colors[$0] }
    }

    /// This sheet for an article of `section`: with the section's accent colour, when it has one, on the kicker (and
    /// so the rule under the title block and the pull quotes' rules), the drop cap and the pull quotes' text.
    public func accented(forSection section: String?) -> StyleSheet {
        guard let color = sectionColor(for: section) else { return self }
        var sheet = self
        sheet.styles.kicker.color = color
        sheet.dropCap?.color = color
        sheet.styles.pullQuote?.color = color
        return sheet
    }
}
