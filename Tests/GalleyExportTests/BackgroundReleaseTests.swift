import Dispatch
import Foundation
import GalleyFiles
import Testing

/// `BackgroundRelease` frees what it is given on a thread of its own, and frees it.
struct BackgroundReleaseTests {
    /// Reports, when freed, whether that happened on the thread that made it.
    private final class Tracked: Sendable {
        let maker = pthread_self()
        let freed: @Sendable (Bool) -> Void

        init(freed: @escaping @Sendable (Bool) -> Void) {
            self.freed = freed
        }

        deinit {
            freed(pthread_equal(maker, pthread_self()) != 0)
        }
    }

    @Test func theValueIsFreedOnAnotherThread() {
        let done = DispatchSemaphore(value: 0)
        let onMaker = Locked<Bool?>(nil)
        // Freed here it would say true; never freed, the wait times out.
        BackgroundRelease.release([Tracked { sameThread in
            onMaker.withLock { $0 = sameThread }
            done.signal()
        }])
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(onMaker.withLock { $0 } == false)
    }
}
