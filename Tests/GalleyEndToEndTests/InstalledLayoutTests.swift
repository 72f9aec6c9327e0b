import Foundation
import GalleyTestSupport
import Testing

/// Galley laid out as `scripts/install.sh` installs it (PREFIX/bin/galley beside PREFIX/share/galley), without running
/// the script's release build: the built binary is linked into a scratch prefix, and the data folders linked beside it.
@Suite struct InstalledLayoutTests {
    /// A scratch prefix: `bin/galley` (the built binary, hard-linked or copied so that `/proc/self/exe` names this
    /// path, not the build folder's) and, when `withData`, `share/galley/{Layouts,Fonts}` linking the checkout's.
    static func prefix(withData: Bool) throws -> URL {
        let prefix = try Workspace.temporaryFolder()
        let bin = prefix.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let galley = bin.appendingPathComponent("galley")
        do {
            try FileManager.default.linkItem(at: Workspace.galley, to: galley)
        } catch {
            try FileManager.default.copyItem(at: Workspace.galley, to: galley)
        }
        if withData {
            let share = prefix.appendingPathComponent("share/galley")
            try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
            for name in ["Layouts", "Fonts"] {
                try FileManager.default.createSymbolicLink(at: share.appendingPathComponent(name),
                                                           withDestinationURL: Workspace.root.appendingPathComponent(name))
            }
        }
        return prefix
    }

    /// The test's environment without `GALLEY_HOME`, so that only the executable's place decides.
    static func environment(home: String? = nil) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GALLEY_HOME"] = home
        return environment
    }

    @Test func anInstalledBinaryRendersFromAnotherFolderAndThroughASymlink() async throws {
        let prefix = try Self.prefix(withData: true)
        defer { try? FileManager.default.removeItem(at: prefix) }
        let elsewhere = prefix.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        // A link from a folder with no data of its own: the search starts from the file it points to.
        let link = elsewhere.appendingPathComponent("galley-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: prefix.appendingPathComponent("bin/galley"))
        for executable in [prefix.appendingPathComponent("bin/galley"), link] {
            let result = try await Workspace.run(executable.path, ["render", Workspace.example("iv-9062.json"), "-o", "out.pdf", "--layout", "article-letter"],
                                           in: elsewhere, environment: Self.environment())
            #expect(result.status == 0, "\(executable.lastPathComponent): \(result.stderr)")
            let info = try await Workspace.poppler("pdfinfo", [elsewhere.appendingPathComponent("out.pdf").path])
            #expect(info.contains("612 x 792 pts"), "article-letter is US Letter: \(info)")
            try FileManager.default.removeItem(at: elsewhere.appendingPathComponent("out.pdf"))
        }
    }

    @Test func aCopiedBinaryWithoutDataNamesWhereItLooked() async throws {
        let prefix = try Self.prefix(withData: false)
        defer { try? FileManager.default.removeItem(at: prefix) }
        let elsewhere = prefix.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let result = try await Workspace.run(prefix.appendingPathComponent("bin/galley").path, ["render", Workspace.example("iv-9062.json"), "-o", "out.pdf"],
                                       in: elsewhere, environment: Self.environment())
        #expect(result.status == 2)
        let prefixPath = prefix.resolvingSymlinksInPath().path
        #expect(result.stderr.hasPrefix("cannot find Galley's data (Layouts/ and Fonts/); looked in \(prefixPath)/share/galley, \(prefixPath)/bin, "),
                "\(result.stderr)")
        #expect(result.stderr.contains(elsewhere.resolvingSymlinksInPath().path))
        #expect(!FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("out.pdf").path))
    }

    @Test func anExplicitGalleyHomeWinsOverTheInstalledData() async throws {
        let prefix = try Self.prefix(withData: true)
        defer { try? FileManager.default.removeItem(at: prefix) }
        let empty = prefix.appendingPathComponent("empty-home")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try await Workspace.run(prefix.appendingPathComponent("bin/galley").path, ["render", Workspace.example("iv-9062.json"), "-o", "out.pdf"],
                                       in: prefix, environment: Self.environment(home: empty.path))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("GALLEY_HOME is \(empty.path), which has no Layouts/ and Fonts/ folders"), "\(result.stderr)")
    }
}
