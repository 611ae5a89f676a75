#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A base-10 logarithmic scale from a data range to pixels, with decade ticks.
struct LogScale {
  let lowerExponent: Int
  let upperExponent: Int
  let pixelStart: Double
  let pixelEnd: Double

  /// A scale covering `values` (positive ones only) rounded out to whole decades.
  init(covering values: [Double], pixelStart: Double, pixelEnd: Double) {
    let positive = values.filter { $0 > 0 && $0.isFinite }
    let low = positive.min() ?? 1
    let high = positive.max() ?? 10
    var lower = Int(log10Floor(low))
    var upper = Int(log10Ceil(high))
    if upper <= lower { upper = lower + 1 }
    if lower > 0 && low < 1 { lower = 0 }
    self.lowerExponent = lower
    self.upperExponent = upper
    self.pixelStart = pixelStart
    self.pixelEnd = pixelEnd
  }

  /// Pixel position of `value` (values at or below zero sit on the axis start).
  func position(_ value: Double) -> Double {
    guard value > 0 else { return pixelStart }
    let t = (log10(value) - Double(lowerExponent)) / Double(upperExponent - lowerExponent)
    return pixelStart + t * (pixelEnd - pixelStart)
  }

  /// One tick per decade.
  var ticks: [Double] { (lowerExponent...upperExponent).map { pow10($0) } }
}

/// A linear scale.
struct LinearScale {
  let domainStart: Double
  let domainEnd: Double
  let pixelStart: Double
  let pixelEnd: Double

  func position(_ value: Double) -> Double {
    let span = domainEnd - domainStart
    guard span != 0 else { return (pixelStart + pixelEnd) / 2 }
    return pixelStart + (value - domainStart) / span * (pixelEnd - pixelStart)
  }

  /// About `count` round ticks inside the domain.
  func ticks(count: Int = 5) -> [Double] {
    let span = domainEnd - domainStart
    guard span > 0 else { return [domainStart] }
    let raw = span / Double(max(count, 1))
    let magnitude = pow10(Int(log10Floor(raw)))
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    var ticks: [Double] = []
    var t = (domainStart / step).rounded(.up) * step
    while t <= domainEnd + step * 1e-9 {
      ticks.append(t)
      t += step
    }
    return ticks
  }
}

func log10Floor(_ x: Double) -> Double { (log10(x) + 1e-9).rounded(.down) }
func log10Ceil(_ x: Double) -> Double { (log10(x) - 1e-9).rounded(.up) }

func pow10(_ n: Int) -> Double {
  var r = 1.0
  if n >= 0 { for _ in 0..<n { r *= 10 } } else { for _ in 0..<(-n) { r /= 10 } }
  return r
}
