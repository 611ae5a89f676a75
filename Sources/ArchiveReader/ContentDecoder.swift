import CBrotli
import CZlib

/// Undoes HTTP `Content-Encoding` (gzip, x-gzip, deflate, br, identity/none), never
/// producing more than a size limit. When the header lies (the body was stored already
/// decoded), the raw bytes are kept and the caller gets a note saying so.
enum ContentDecoder {
  /// The decoded body and what happened.
  struct Output {
    var bytes: [UInt8]
    var notes: [String]
    /// Whether the decoded size hit the limit and the body was cut there.
    var hitLimit: Bool
  }

  /// Decodes `body` according to the `Content-Encoding` value `encoding` (codings are
  /// undone last-applied first).
  static func decode(_ body: [UInt8], encoding: String, limit: Int) -> Output {
    var bytes = body
    var notes: [String] = []
    var hitLimit = false
    let codings = encoding.lowercased().split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    for coding in codings.reversed() {
      switch coding {
      case "identity", "none": continue
      case "gzip", "x-gzip", "deflate", "br":
        let result: Result
        if coding == "br" {
          result = brotli(bytes, limit: limit)
        } else if coding == "deflate" {
          let zlibResult = inflate(bytes, windowBits: 15, limit: limit)
          result = zlibResult.ok ? zlibResult : inflate(bytes, windowBits: -15, limit: limit)
        } else {
          result = inflate(bytes, windowBits: 15 + 32, limit: limit)
        }
        if result.ok {
          bytes = result.bytes
          if result.hitLimit {
            hitLimit = true
            notes.append("content-encoding \(coding): decoded body cut at the \(limit)-byte limit")
          }
          if result.partial {
            notes.append("content-encoding \(coding): compressed body ends early; partial body kept")
          }
        } else {
          notes.append("content-encoding \(coding) declared but the body is not \(coding) data: raw bytes kept")
        }
      default:
        notes.append("content-encoding \(coding) not supported: raw bytes kept")
      }
    }
    return Output(bytes: bytes, notes: notes, hitLimit: hitLimit)
  }

  private struct Result {
    var ok: Bool
    var bytes: [UInt8]
    var hitLimit = false
    var partial = false
  }

  /// zlib inflate of one or more concatenated streams (gzip members), up to `limit` bytes.
  private static func inflate(_ input: [UInt8], windowBits: Int32, limit: Int) -> Result {
    if input.isEmpty { return Result(ok: false, bytes: []) }
    let inflater = ZlibInflater(windowBits: windowBits)
    var out = [UInt8](repeating: 0, count: min(limit, max(4096, input.count * 4)))
    var produced = 0
    var consumed = 0
    var ended = false
    return input.withUnsafeBytes { src -> Result in
      while true {
        if produced == out.count {
          if out.count >= limit { return Result(ok: true, bytes: Array(out[..<produced]), hitLimit: true) }
          out.append(contentsOf: repeatElement(0, count: min(out.count, limit - out.count)))
        }
        let step = out.withUnsafeMutableBytes { dst in
          inflater.step(
            input: UnsafeRawBufferPointer(rebasing: src[consumed...]),
            output: UnsafeMutableRawBufferPointer(rebasing: dst[produced...]))
        }
        consumed += step.consumed
        produced += step.produced
        switch step.status {
        case .streamEnd:
          ended = true
          // Another member may follow (multi-member gzip bodies).
          var next = consumed
          while next < src.count && src[next] == 0 { next += 1 }
          if windowBits > 15, next + 1 < src.count, src[next] == 0x1F, src[next + 1] == 0x8B {
            consumed = next
            inflater.reset()
            continue
          }
          return Result(ok: true, bytes: Array(out[..<produced]))
        case .dataError:
          if produced > 0 && ended == false && consumed > 0 {
            return Result(ok: true, bytes: Array(out[..<produced]), partial: true)
          }
          return Result(ok: ended, bytes: Array(out[..<produced]))
        case .progress:
          if step.consumed == 0 && step.produced == 0 {
            // Input exhausted before the stream ended.
            if produced == 0 { return Result(ok: false, bytes: []) }
            return Result(ok: true, bytes: Array(out[..<produced]), partial: true)
          }
        }
      }
    }
  }

  /// Brotli decoding up to `limit` bytes.
  private static func brotli(_ input: [UInt8], limit: Int) -> Result {
    guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else { return Result(ok: false, bytes: []) }
    defer { BrotliDecoderDestroyInstance(state) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    return input.withUnsafeBytes { src -> Result in
      var availIn = src.count
      var nextIn = src.baseAddress?.assumingMemoryBound(to: UInt8.self)
      while true {
        var availOut = chunk.count
        let result = chunk.withUnsafeMutableBytes { dst -> BrotliDecoderResult in
          var nextOut = dst.baseAddress?.assumingMemoryBound(to: UInt8.self)
          return BrotliDecoderDecompressStream(state, &availIn, &nextIn, &availOut, &nextOut, nil)
        }
        let produced = chunk.count - availOut
        if out.count + produced >= limit {
          out.append(contentsOf: chunk[..<(limit - out.count)])
          return Result(ok: true, bytes: out, hitLimit: true)
        }
        out.append(contentsOf: chunk[..<produced])
        switch result {
        case BROTLI_DECODER_RESULT_SUCCESS: return Result(ok: true, bytes: out)
        case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: continue
        case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
          return out.isEmpty ? Result(ok: false, bytes: []) : Result(ok: true, bytes: out, partial: true)
        default:
          return Result(ok: false, bytes: [])
        }
      }
    }
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    String(self.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
