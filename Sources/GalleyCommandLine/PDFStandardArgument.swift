import ArgumentParser
import GalleyStyle

/// `--pdf-standard` takes the names the layout uses (`ua-1`, `a-3b`, …), and completes them.
extension PDFSettings.Standard: ExpressibleByArgument {}
