/// Builds an inline SVG element as text. Every drawn data mark carries `class="mark"` so
/// tests (and readers of the HTML) can count them.
struct SVGBuilder {
  private(set) var body = ""
  let width: Double
  let height: Double
  let title: String

  init(width: Double, height: Double, title: String) {
    self.width = width
    self.height = height
    self.title = title
  }

  mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cssClass: String) {
    body += "<line class=\"\(cssClass)\" x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\"/>"
  }

  mutating func text(
    _ s: String, x: Double, y: Double, anchor: String = "start", cssClass: String = "label", rotate: Bool = false
  ) {
    let transform = rotate ? " transform=\"rotate(-90 \(c(x)) \(c(y)))\"" : ""
    body +=
      "<text class=\"\(cssClass)\" x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor)\"\(transform)>"
      + HTMLText.escape(s) + "</text>"
  }

  /// A data mark: a circle with a tooltip (`<title>`) and an optional link.
  mutating func point(x: Double, y: Double, radius: Double, cssClass: String, tooltip: String, link: String?) {
    let circle =
      "<circle class=\"mark \(cssClass)\" cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(radius))\">"
      + "<title>\(HTMLText.escape(tooltip))</title></circle>"
    append(circle, link: link)
  }

  /// A data mark: a rectangle with a tooltip.
  mutating func bar(
    x: Double, y: Double, width w: Double, height h: Double, cssClass: String, tooltip: String, link: String? = nil
  ) {
    let rect =
      "<rect class=\"mark \(cssClass)\" x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(w, 0)))\" height=\"\(c(max(h, 0)))\">"
      + "<title>\(HTMLText.escape(tooltip))</title></rect>"
    append(rect, link: link)
  }

  /// A polyline through points (not a mark by itself; its points are drawn as marks).
  mutating func polyline(_ points: [(Double, Double)], cssClass: String) {
    guard points.count > 1 else { return }
    let list = points.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " ")
    body += "<polyline class=\"\(cssClass)\" points=\"\(list)\"/>"
  }

  mutating func raw(_ s: String) { body += s }

  private mutating func append(_ element: String, link: String?) {
    if let link {
      body += "<a href=\"\(HTMLText.escape(link))\">\(element)</a>"
    } else {
      body += element
    }
  }

  /// The finished `<svg>` element, scalable, with an accessible title.
  func render() -> String {
    "<svg class=\"chart\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" "
      + "xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTMLText.escape(title))</title>\(body)</svg>"
  }

  private func c(_ v: Double) -> String { HTMLText.coordinate(v) }
}
