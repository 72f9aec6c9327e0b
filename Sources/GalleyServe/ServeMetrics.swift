import Prometheus
import GalleyExport

/// The service's Prometheus metrics: requests by route and status, render durations, cache hits, failures, and the
/// queue, read when `/metrics` is scraped.
public final class ServeMetrics: Sendable {
    /// The registry `/metrics` prints.
    public let registry = PrometheusCollectorRegistry()
    /// Articles set (or taken from the content-hash cache) for a request, by how long it took.
    let renderDuration: DurationHistogram
    /// Requests answered from a cache without setting the article again.
    let cacheHits: Counter
    /// Articles set anew.
    let renders: Counter
    /// Requests whose article could not be made, by kind (input, timeout, internal, busy).
    private let failureCounters: [DocumentFailureKindName: Counter]
    /// Articles waiting for a worker, and being set.
    private let queueGauge: Gauge
    private let inFlightGauge: Gauge

    typealias DocumentFailureKindName = String

    /// Metrics registered in a registry of their own.
    public init() {
        renderDuration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "galley", metricName: "render_duration", unitName: "seconds",
                                             helpText: "Time to answer a document request (set anew or from the cache)."),
            buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30)])
        cacheHits = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "galley", metricName: "cache_hits", unitName: "total", helpText: "Documents answered without setting the article again."))
        renders = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "galley", metricName: "renders", unitName: "total", helpText: "Articles set anew."))
        var failures: [String: Counter] = [:]
        for kind in ["input", "timeout", "internalError", "busy"] {
            failures[kind] = registry.makeCounter(
                descriptor: MetricNameDescriptor(namespace: "galley", metricName: "render_failures", unitName: "total",
                                                 helpText: "Document requests that failed, by kind."),
                labels: [("kind", kind)])
        }
        failureCounters = failures
        queueGauge = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "galley", metricName: "queue", unitName: "length", helpText: "Articles waiting for a worker."))
        inFlightGauge = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "galley", metricName: "renders_in", unitName: "flight", helpText: "Articles being set now."))
    }

    /// Counts a request to `route` answered with `status`.
    func request(route: String, status: Int) {
        registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "galley", metricName: "http_requests", unitName: "total", helpText: "HTTP requests by route and status."),
            labels: [("route", route), ("status", String(status))]).increment()
    }

    /// Counts a failed document request.
    func failure(_ kind: DocumentFailure.Kind) {
        failureCounters[kind.rawValue]?.increment()
    }

    /// The metrics in Prometheus's text format, with the queue's current state.
    func exposition(queued: Int, inFlight: Int) -> String {
        queueGauge.set(Double(queued))
        inFlightGauge.set(Double(inFlight))
        return registry.emitToString()
    }
}
