import Dispatch
import Testing
import GalleyFiles

/// `ThreadValue` makes its value on a thread of its own while the caller goes on.
struct ThreadValueTests {
    @Test func theValueIsMadeWhileTheCallerGoesOn() {
        // The work can finish only after the caller has gone past the initialiser and released it: made on the
        // caller's thread, it would wait out the timeout and answer false.
        let release = DispatchSemaphore(value: 0)
        let value = ThreadValue { release.wait(timeout: .now() + 10) == .success }
        release.signal()
        #expect(value.wait())
    }
}
