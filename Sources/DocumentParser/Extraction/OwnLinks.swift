/// Whether a link stays on the page's own item: a place on the page ("#comments"), the page itself,
/// or one of its tabs under its address ("/projects/x?c=pledges" or "/projects/x/comments" on a page
/// whose canonical address is ".../projects/x"). A count inside a link elsewhere ("…/other-story#comments")
/// is the linked page's.
enum OwnLinks {
  /// True when `href` stays on the page whose canonical address is `canonical`. Without a canonical
  /// address only in-page links do; a site's home page ("/") has no tabs.
  static func isOwn(_ href: String, canonical: String?) -> Bool {
    let target = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
    if target.isEmpty { return true }
    guard let canonical else { return false }
    let targetPath = path(of: target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
    let pagePath = path(of: canonical.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
    guard pagePath.count > 1, targetPath.hasPrefix("/") else { return false }
    return targetPath == pagePath || targetPath.hasPrefix(pagePath + "/")
  }

  /// The path of an absolute or root-relative address, without a trailing `/`.
  private static func path(of address: Substring) -> String {
    var rest = address
    if rest.hasPrefix("//") || rest.hasPrefix("http://") || rest.hasPrefix("https://") {
      // Drop the scheme and the host: the path starts at the first "/" after "//".
      rest = rest[rest.index(rest.firstIndex(of: "/")!, offsetBy: 2)...]
      rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
    }
    var path = String(rest)
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }
}
