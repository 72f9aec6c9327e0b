import Foundation
import Testing
import GalleyFiles
@testable import GalleyExport

/// The worker pool the issue binder lays articles out with, its caller working as one of the threads.
@Suite struct WorkerPoolTests {
    /// Every item runs exactly once, whatever the number of threads, and the caller takes items itself.
    @Test(arguments: [1, 2, 4])
    func everyItemRunsOnceAndTheCallerTakesItsShare(threads: Int) {
        let count = 200
        let runs = Locked([Int](repeating: 0, count: count))
        let callerThread = Locked<Thread?>(nil)
        let byCaller = Locked(0)
        var callerItems: [Int] = []
        callerThread.withLock { $0 = Thread.current }
        WorkerPool.run(threads: threads, count: count, shouldStop: { false }, callerState: &callerItems,
                       makeState: { _ in [Int]() },
                       body: { items, item in
                           items.append(item)
                           // Long enough that every thread has started before the items run out.
                           usleep(200)
                           runs.withLock { $0[item] += 1 }
                           if Thread.current == callerThread.withLock({ $0 }) { byCaller.withLock { $0 += 1 } }
                       })
        #expect(runs.withLock { $0 } == [Int](repeating: 1, count: count))
        // The caller's state holds what the caller ran, on the caller's own thread.
        #expect(callerItems.count == byCaller.withLock { $0 })
        #expect(!callerItems.isEmpty)
        if threads == 1 { #expect(callerItems == Array(0..<count), "one thread: the caller runs every item, in order") }
    }

    /// No item starts once `shouldStop` answers true, on the caller's thread as on the others.
    @Test func shouldStopEndsTheCallersLoopToo() {
        let started = Locked(0)
        var unit: Void = ()
        WorkerPool.run(threads: 2, count: 1_000, shouldStop: { started.withLock { $0 } >= 10 }, callerState: &unit,
                       makeState: { _ in () }, body: { _, _ in started.withLock { $0 += 1 } })
        // Each thread may have passed its check before another's item made the count 10.
        #expect((10...11).contains(started.withLock { $0 }))
    }

    /// The binder takes the largest article files first; an unreadable path counts as empty; ties keep their order.
    @Test func largerFilesAreTakenFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sizes = [30, 500, 30, 4_000, 1]
        var paths = try sizes.enumerated().map { index, size -> String in
            let url = folder.appendingPathComponent("a\(index).json")
            try Data(repeating: 0x20, count: size).write(to: url)
            return url.path
        }
        paths.append(folder.appendingPathComponent("missing.json").path)
        #expect(IssueBundler.largestFirst(paths) == [3, 1, 0, 2, 4, 5])
    }
}
