import ArgumentParser
import Foundation
import GalleyDiagnostics
import GalleyExport
import GalleyStyle

/// What the commands share: locating resources, loading the layout, reporting.
enum Session {
    static let resources = GalleyResources.locate()

    static func renderer(_ options: CommonOptions) throws -> ArticleRenderer {
        let sheet: StyleSheet
        do {
            sheet = try resources.layout(options.layout)
        } catch {
            report(error)
            throw ExitCode(2)
        }
        do {
            return try ArticleRenderer(sheet: sheet, resources: resources, lineBreaker: try options.breaker())
        } catch let error as ValidationError {
            throw error
        } catch {
            report(error)
            throw ExitCode(2)
        }
    }

    static func report(_ error: any Error) {
        let text = String(describing: error)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func examples() -> [String] {
        let folder = resources.root.appendingPathComponent("Examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss / 1024)
    }
}
