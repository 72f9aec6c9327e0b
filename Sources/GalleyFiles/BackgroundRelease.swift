import Foundation

/// Lets go of a large value on a thread of its own, so that the caller goes on without waiting for it to be freed.
///
/// Freeing an issue's two drawn parts (their whole PDF object stores) took about 8 ms on the thread that then wrote
/// the file, while the other core had nothing to do. A value given here must hold nothing that needs the caller's
/// thread to be freed (a Pango font map, a cairo surface): Galley's layouts and PDF stores are plain Swift values.
public enum BackgroundRelease {
    /// Values kept until the process exits, once `keepUntilExit` was called.
    private static let kept = Locked<[any Sendable]?>(nil)

    /// Drops `value` on a new thread; the caller must hold no other reference for the work to move there. In a
    /// process that ends with its command (`keepUntilExit`), the value is kept instead: the exit gives its memory
    /// back at once, and no thread is started to free it piece by piece beside the caller's last work.
    public static func release<Value: Sendable>(_ value: consuming Value) {
        let holder = Holder(value)
        let keptHere = kept.withLock { list -> Bool in
            guard list != nil else { return false }
            list?.append(holder)
            return true
        }
        if !keptHere { Thread { holder.drop() }.start() }
    }

    /// Says that this process ends when its command does: from now on, what is given to `release` stays until the
    /// exit. Long-lived processes (export workers, the service, `watch`) never call this.
    public static func keepUntilExit() {
        kept.withLock { list in
            if list == nil { list = [] }
        }
    }

    /// The value, owned by the releasing thread from the moment it starts.
    private final class Holder<Value: Sendable>: @unchecked Sendable {
        // Set once before the thread starts, cleared once on that thread.
        private var value: Value?

        init(_ value: consuming Value) {
            self.value = value
        }

        func drop() {
            value = nil
        }
    }
}
