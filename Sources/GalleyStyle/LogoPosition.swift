/// Where a running line draws the publisher's logo, if `galley.yaml` names one.
public enum LogoPosition: String, Codable, Sendable, CaseIterable {
    /// Not drawn in this line.
    case none
    /// At the line's start (the left, or the right in a right-to-left article), before the left template.
    case left
    /// At the line's end, after the right template.
    case right
}
