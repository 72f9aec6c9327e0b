import Foundation
import GalleyTestSupport
import Testing

/// What keeps the service up: authentication, crashes and hangs in workers, a full queue, slow clients, shutdown.
@Suite(.serialized)
struct ServiceFaultTests {
    static let example = RenderRouteTests.example

    /// A small article with id `id`, so fault injection can aim at it alone.
    static func article(_ id: String) -> Data {
        Data("{\"id\": \"\(id)\", \"title\": \"Article \(id)\", \"language\": \"en\", \"blocks\": [{\"type\": \"paragraph\", \"content\": \"Some words.\"}]}".utf8)
    }

    @Test func everyRouteButHealthAndMetricsNeedsTheToken() async throws {
        let token = "a-test-token-of-some-length"
        let service = try await ServiceProcess.start([], environment: ["GALLEY_SERVE_TOKEN": token])
        let without = try await service.request("POST", "/v1/render", body: Self.example, headers: ["Content-Type": "application/json"])
        #expect(without.status == 401)
        #expect(without.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        let wrong = try await service.request("POST", "/v1/render", body: Self.example,
                                              headers: ["Content-Type": "application/json", "Authorization": "Bearer not-the-token-at-all-xx"])
        #expect(wrong.status == 401)
        let with = try await service.request("POST", "/v1/render", body: Self.example,
                                             headers: ["Content-Type": "application/json", "Authorization": "Bearer \(token)"])
        #expect(with.status == 200)
        #expect(try await service.request("GET", "/healthz").status == 200)
        let metrics = try await service.request("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.text.contains("galley_renders_total 1"), "\(metrics.text)")
        #expect(metrics.text.contains("galley_render_duration_seconds_bucket"))
        #expect(metrics.text.contains("status=\"401\""))
    }

    @Test func anArticleThatCrashesOrHangsItsWorkerFailsAloneAndTheServiceGoesOn() async throws {
        let service = try await ServiceProcess.start(["--jobs", "1", "--render-timeout", "3"],
                                         environment: ["GALLEY_FAULT_INJECTION": "crash:crasher,hang:hanger"])
        let crashed = try await service.request("POST", "/v1/render?id=crasher", body: Self.article("crasher"), headers: ["Content-Type": "application/json"])
        #expect(crashed.status == 500)
        #expect(crashed.text.contains("crashed"), "\(crashed.text)")
        let hung = try await service.request("POST", "/v1/render?id=hanger", body: Self.article("hanger"), headers: ["Content-Type": "application/json"])
        #expect(hung.status == 422)
        #expect(hung.text.contains("3 s"), "\(hung.text)")
        let fine = try await service.request("POST", "/v1/render", body: Self.article("fine"), headers: ["Content-Type": "application/json"])
        #expect(fine.status == 200)
    }

    @Test func aFullQueueIsAnswered503WithRetryAfter() async throws {
        // The one worker holds an article that hangs until the render timeout: a wide window, even on a loaded machine.
        let service = try await ServiceProcess.start(["--jobs", "1", "--queue", "0", "--render-timeout", "20"], environment: ["GALLEY_FAULT_INJECTION": "hang:stuck"])
        async let first = service.request("POST", "/v1/render?id=stuck", body: Self.article("stuck"), headers: ["Content-Type": "application/json"])
        try await Self.waitUntilBusy(service)
        let second = try await service.request("POST", "/v1/render", body: Self.article("other"), headers: ["Content-Type": "application/json"])
        #expect(second.status == 503)
        #expect(second.header("Retry-After") == "1")
        let answer = try await first
        #expect(answer.status == 422, "\(answer.text)")
    }

    @Test func aClientThatSendsTooSlowlyIsCutOffAndOthersAreServed() async throws {
        let service = try await ServiceProcess.start(["--body-timeout", "1"])
        // Promise a body and never send it.
        let port = try #require(service.base.port)
        let socket = try RawClient(port: port)
        try socket.send("POST /v1/render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{")
        let fine = try await service.request("POST", "/v1/render", body: Self.example, headers: ["Content-Type": "application/json"])
        #expect(fine.status == 200)
        let reply = try socket.receive(seconds: 5)
        #expect(reply.hasPrefix("HTTP/1.1 408"), "\(reply)")
    }

    @Test func shutdownFinishesTheRenderInFlight() async throws {
        let service = try await ServiceProcess.start(["--jobs", "1"], environment: ["GALLEY_FAULT_INJECTION": "slow:slow"])
        async let inFlight = service.request("POST", "/v1/render?id=slow", body: Self.article("slow"), headers: ["Content-Type": "application/json"])
        try await Self.waitUntilBusy(service)
        service.process.terminate()
        let answer = try await inFlight
        #expect(answer.status == 200)
        #expect(answer.body.starts(with: Data("%PDF-".utf8)))
        #expect(try await service.exitStatus() == 0, "\(service.standardError)")
    }

    /// Waits until the service says an article is being set (a loaded machine may take a while to pass it on).
    static func waitUntilBusy(_ service: ServiceProcess) async throws {
        for _ in 0..<400 {
            let health = try await service.request("GET", "/healthz")
            if health.text.contains("\"inFlight\":1") { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServiceFailure("no article was in flight within 20 s")
    }
}
