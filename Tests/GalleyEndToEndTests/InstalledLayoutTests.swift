import Foundation
import GalleyTestSupport
import Testing

/// Galley laid out as `scripts/install.sh` installs it (PREFIX/bin/galley beside PREFIX/share/galley, and
/// PREFIX/libexec/galley/galley-net), without running the script's release build: the built binaries are linked into a
/// scratch prefix, and the data folders linked beside them.
@Suite struct InstalledLayoutTests {
    /// A scratch prefix: `bin/galley` (the built binary, hard-linked or copied so that `/proc/self/exe` names this
    /// path, not the build folder's) and, when `withData`, `share/galley/{Layouts,Fonts}` linking the checkout's.
    /// With `withNetwork`, `libexec/galley/galley-net` is the built `galley-net`, placed the same way.
    static func prefix(withData: Bool, withNetwork: Bool = false) throws -> URL {
        let prefix = try Workspace.temporaryFolder()
        var executables = [(Workspace.galley, "bin/galley")]
        if withNetwork {
            executables.append((Workspace.galley.deletingLastPathComponent().appendingPathComponent("galley-net"), "libexec/galley/galley-net"))
        }
        for (built, place) in executables {
            let installed = prefix.appendingPathComponent(place)
            try FileManager.default.createDirectory(at: installed.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try FileManager.default.linkItem(at: built, to: installed)
            } catch {
                try FileManager.default.copyItem(at: built, to: installed)
            }
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

    @Test func serveAndPublishRunTheInstalledNetworkProgram() async throws {
        let prefix = try Self.prefix(withData: true, withNetwork: true)
        defer { try? FileManager.default.removeItem(at: prefix) }
        let galley = prefix.appendingPathComponent("bin/galley").path
        for (arguments, option) in [(["serve", "--help"], "--body-limit"), (["help", "serve"], "--render-timeout"),
                                    (["publish", "--help"], "--app-password-file")] {
            let result = try await Workspace.run(galley, arguments, in: prefix, environment: Self.environment())
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.text.contains(option), "\(arguments) lists galley-net's options: \(result.text)")
            #expect(result.text.contains("galley \(arguments.contains("publish") ? "publish" : "serve")"), "usage says galley, as typed")
        }
        // galley-net's own checks answer for the command the user typed.
        let refused = try await Workspace.run(galley, ["serve", "--port", "99999"], in: prefix, environment: Self.environment())
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--port must be from 0 to 65535"), "\(refused.stderr)")
    }

    @Test func withoutTheNetworkProgramServeSaysWhereItLookedAndRemoteImagesAreWarnedAbout() async throws {
        let prefix = try Self.prefix(withData: true)
        defer { try? FileManager.default.removeItem(at: prefix) }
        let galley = prefix.appendingPathComponent("bin/galley").path
        let prefixPath = prefix.resolvingSymlinksInPath().path
        let serve = try await Workspace.run(galley, ["serve", "--port", "0"], in: prefix, environment: Self.environment())
        #expect(serve.status == 2)
        #expect(serve.stderr.hasPrefix("galley serve: galley-net is not installed beside galley (looked for \(prefixPath)/bin/galley-net, "
            + "\(prefixPath)/libexec/galley/galley-net, "), "\(serve.stderr)")

        // An article with a remote figure is still set, its alt text in the image's place, and the warning says why.
        let article = prefix.appendingPathComponent("remote.json")
        try Data(#"""
        {"id": "1", "title": "Remote", "language": "en", "blocks": [{"type": "paragraph", "content": "Before."},
         {"type": "figure", "src": "https://example.org/a.png", "alt": "A picture"}, {"type": "paragraph", "content": "After."}]}
        """#.utf8).write(to: article)
        let render = try await Workspace.run(galley, ["render", article.path, "-o", "out.pdf"], in: prefix, environment: Self.environment())
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stderr.contains("https://example.org/a.png could not be fetched: it cannot be fetched: galley-net is not installed beside galley"),
                "\(render.stderr)")
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("out.pdf").path))
    }
}
