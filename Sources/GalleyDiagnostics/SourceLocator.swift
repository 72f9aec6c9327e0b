/// Finds the line of a value in a source file by its coding path, so decoding errors can name the line.
public protocol SourceLocator {
    /// The 1-based line of the value at `path`, or of its deepest existing ancestor; nil when nothing is known.
    func line(of path: [any CodingKey]) -> Int?
}

extension YAMLLocator: SourceLocator {}
