/// A coding key for any field name: to read every key an object has, and to name a field's path for a locator.
public struct AnyKey: CodingKey, Sendable {
    /// The field's name.
    public var stringValue: String
    /// The position, for array elements.
    public var intValue: Int?

    /// A key for the field `string`.
    public init(_ string: String) {
        stringValue = string
    }

    /// A key for the field `stringValue`.
    public init?(stringValue: String) {
        self.stringValue = stringValue
    }

    /// A key for the array element at `intValue`.
    public init?(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}
