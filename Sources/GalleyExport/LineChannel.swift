import Foundation
import GalleyFiles

/// Newline-delimited JSON over a pair of file descriptors: how an export and its worker processes talk.
///
/// JSONEncoder escapes every newline inside strings, so one message is exactly one line.
final class LineChannel {
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    /// A channel reading from `input` and writing to `output`.
    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// Why reading a line stopped.
    enum ReadFailure: Error {
        /// The other end closed (or died).
        case closed
        /// Nothing arrived within the time allowed.
        case timedOut
    }

    /// Sends `message` as one line.
    func send<Message: Encodable>(_ message: Message) throws {
        var data = try JSONEncoder().encode(message)
        data.append(0x0A)
        try OutputFile.writeAll(data, to: output, path: "the worker channel")
    }

    /// The next message, waiting at most `seconds` (forever when nil).
    func receive<Message: Decodable>(_ type: Message.Type, within seconds: Int? = nil) throws -> Message {
        try JSONDecoder().decode(type, from: Data(try nextLine(within: seconds)))
    }

    private func nextLine(within seconds: Int?) throws -> ArraySlice<UInt8> {
        let clock = ContinuousClock()
        let deadline = seconds.map { clock.now + .seconds($0) }
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                return line
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            if let deadline {
                let left = clock.now.duration(to: deadline)
                let milliseconds = max(0, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, Int32(min(milliseconds, Int(Int32.max))))
                if ready == 0 { throw ReadFailure.timedOut }
                if ready < 0 && errno != EINTR { throw ReadFailure.closed }
                if ready <= 0 { continue }
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(input, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { throw ReadFailure.closed }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}
