import ArgumentParser
import Foundation
import GalleyExport

/// What the shell completion scripts offer for each kind of argument, derived from the lists the readers and
/// options themselves use, so that a new format or line breaker is completed without editing this file.
public enum Completions {
    /// Article files, by every extension a reader is chosen by (folders are still offered to descend into).
    public static let articles: CompletionKind = {
        // A plain loop: ArgumentParser builds this value at every start, and `Set(values.joined())` instantiated
        // generic types whose first use costs more than the whole list (about 0.6 M instructions).
        var extensions: [String] = []
        for list in ArticleSource.formats.values {
            for name in list where !extensions.contains(name) { extensions.append(name) }
        }
        return .file(extensions: extensions.sorted())
    }()
    /// A PDF file.
    public static let pdf = CompletionKind.file(extensions: ["pdf"])
    /// A JSON file (manifests, extracted articles).
    public static let json = CompletionKind.file(extensions: ["json"])
    /// An issue file.
    public static let issue = CompletionKind.file(extensions: ["yaml", "yml"])
    /// Any file (passwords, tokens).
    public static let file = CompletionKind.file()
    /// A folder.
    public static let folder = CompletionKind.directory
    /// The `--from` format names.
    public static let formats = CompletionKind.list(ArticleSource.formats.keys.sorted())

    /// Layout names in the Layouts folder Galley would use; a path to a layout file is accepted too, but the names
    /// are what a user wants offered.
    public static let layouts = CompletionKind.custom { _, _, prefix in
        let resources = GalleyResources.locate()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: resources.layouts.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
