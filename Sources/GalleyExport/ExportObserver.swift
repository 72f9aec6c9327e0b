/// Hears about an export as it goes; called from worker threads, so implementations must be thread-safe.
public protocol ExportObserver: Sendable {
    /// Reading and planning begins over `files` files.
    func scanning(files: Int)
    /// Planning is done: `total` articles will be reported on, `toRender` of them laid out.
    func planned(total: Int, toRender: Int)
    /// One article, or one file that could not be read, is done.
    func finished(_ outcome: ArticleOutcome)
    /// SIGINT arrived: articles in flight finish, no others start.
    func interrupted()
    /// The run is over.
    func completed(_ summary: ExportSummary)
}
