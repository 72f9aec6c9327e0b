/// Why a PDF could not be finished or read.
public enum PDFFinishError: Error, Equatable, CustomStringConvertible {
    /// qpdf (or the native reader, whose messages say so) refused the file or an operation on it; its own message.
    case qpdf(String)
    /// The structure handed in is not a tree rooted at node 0, or marks name nodes it does not have.
    case invalidStructure(String)
    /// The parts of a document drawn side by side are not files the native store can join (it reads only cairo's).
    case unjoinable(String)
    /// A file the finish needs (the ICC profile) could not be read.
    case unreadableFile(path: String, reason: String)

    /// The error in one sentence.
    public var description: String {
        switch self {
        case .qpdf(let message): "qpdf: \(message)"
        case .invalidStructure(let message): "invalid document structure: \(message)"
        case .unjoinable(let reason): "the parts of the document cannot be joined: \(reason)"
        case .unreadableFile(let path, let reason): "\(path) cannot be read: \(reason)"
        }
    }
}
