import Dispatch
import Foundation
import GalleyFiles

/// Tells export workers to start no more articles; set by SIGINT or SIGTERM, or by a caller.
public final class ExportCancellation: Sendable {
    private let signalNumber = Locked<Int32?>(nil)
    private let sources = Locked<[any DispatchSourceSignal]>([])

    /// Creates a cancellation that has not fired.
    public init() {}

    /// Whether the run should start no more articles.
    public var isCancelled: Bool { signalNumber.withLock { $0 != nil } }

    /// The signal that stopped the run (0 when cancelled by a caller), or nil.
    public var signal: Int32? { signalNumber.withLock { $0 } }

    /// Stops the run as if by `signal`; returns false when it had already been stopped.
    @discardableResult
    public func cancel(signal: Int32 = 0) -> Bool {
        signalNumber.withLock { current in
            guard current == nil else { return false }
            current = signal
            return true
        }
    }

    /// Cancels on the first SIGINT or SIGTERM and calls `onFirst`; a second one exits at once with 128 + the signal.
    ///
    /// Exiting at once is safe because every PDF and the manifest are written to a temporary name and
    /// renamed: the worst a hard stop leaves is a hidden `.tmp` file, which the next run removes.
    public func cancelOnSignals(_ onFirst: @escaping @Sendable () -> Void) {
        for number in [SIGINT, SIGTERM] {
            // The default action would kill the process mid-article; the dispatch source sees the signal instead.
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                if cancel(signal: number) {
                    onFirst()
                } else {
                    _exit(128 + number)
                }
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }
}
