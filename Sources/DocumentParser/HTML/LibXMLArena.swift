import CLibXML2
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Bump-pointer memory for the trees libxml2 builds, so that a page costs no `malloc` per
/// node and no `free` walk at the end.
///
/// libxml2's allocator hooks (`xmlMemSetup`) are pointed here once, before the parser is
/// initialised. While a thread parses a page (``HTMLDocument``) it holds a *slice* of one
/// reserved address range, and every libxml2 allocation on that thread is carved from the
/// slice; `free` of a pointer inside the range does nothing. When the document is released
/// the slice is rewound whole instead of freeing the tree node by node. Allocations outside
/// a parse (or when the range could not be reserved, every slice is leased, or a slice is
/// full) go to the C library as before, and their `free` is the C library's.
///
/// The range is reserved without backing memory (`MAP_NORESERVE`); only the pages a slice
/// has touched use memory, and a slice hands back what it touched beyond ``keptBytes`` when
/// it is rewound.
enum LibXMLArena {
  /// Slices in the range: more pages than this parsed at once use the C allocator.
  static let sliceCount = 32
  /// Address space of one slice. A tree that outgrows it continues in the C allocator.
  static let sliceBytes = 1 << 30
  /// Touched memory a rewound slice keeps for the next page; the rest goes back to the system.
  static let keptBytes = 64 << 20
  /// Bytes before every allocation, holding its size (for `realloc`); keeps 16-byte alignment.
  private static let headerBytes = 16

  /// One thread's part of the range while it parses.
  struct Slice {
    /// The next free byte.
    var cursor: UInt
    /// The slice's first byte.
    let start: UInt
    /// One past the slice's last byte.
    let limit: UInt
    /// Some allocation did not fit and went to the C allocator: the tree must be freed.
    var overflowed: Bool
  }

  /// The reserved range and the per-thread pointer to the slice in use.
  struct Region: @unchecked Sendable {
    let base: UInt
    let end: UInt
    let slices: UnsafeMutablePointer<Slice>
    let current: pthread_key_t
  }

  /// The range, or nil when the system refused to reserve it or `SLACKSCORE_LIBXML_ARENA=0`
  /// is set (libxml2 then uses `malloc`; the fuzz build sets it so that AddressSanitizer
  /// guards libxml2's allocations too).
  static let region: Region? = {
    if let setting = getenv("SLACKSCORE_LIBXML_ARENA"), String(cString: setting) == "0" { return nil }
    let size = sliceCount * sliceBytes
    let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
    guard let mapped, Int(bitPattern: mapped) != -1 else { return nil }
    var key = pthread_key_t()
    guard pthread_key_create(&key, nil) == 0 else {
      munmap(mapped, size)
      return nil
    }
    let base = UInt(bitPattern: mapped)
    let slices = UnsafeMutablePointer<Slice>.allocate(capacity: sliceCount)
    for index in 0..<sliceCount {
      let start = base + UInt(index * sliceBytes)
      (slices + index).initialize(
        to: Slice(cursor: start, start: start, limit: start + UInt(sliceBytes), overflowed: false))
    }
    return Region(base: base, end: base + UInt(size), slices: slices, current: key)
  }()

  /// Which slices are leased, one bit each.
  private static let leased = Atomic<UInt64>(0)

  /// The range's bounds and the per-thread key, copied out of ``region`` by ``install()`` for
  /// the allocator hooks: plain values a hook reads without the lazy `region`'s once-check (a
  /// call into the runtime on every allocation). Written once, before libxml2 is initialised
  /// and before any thread parses (``HTMLDocument`` initialises libxml2 first).
  nonisolated(unsafe) private static var hookBase: UInt = 0
  nonisolated(unsafe) private static var hookEnd: UInt = 0
  nonisolated(unsafe) private static var hookKey: pthread_key_t = 0

  /// Points libxml2's allocator at the arena. Call once, before `xmlInitParser`.
  static func install() {
    guard let region else { return }
    (hookBase, hookEnd, hookKey) = (region.base, region.end, region.current)
    xmlMemSetup(
      { pointer in LibXMLArena.free(pointer) }, { size in LibXMLArena.allocate(size) },
      { pointer, size in LibXMLArena.reallocate(pointer, size) }, { string in LibXMLArena.duplicate(string) })
  }

  /// A free slice for one document, or nil (none free, or no range).
  static func lease() -> Int? {
    guard region != nil else { return nil }
    var taken = leased.load(ordering: .relaxed)
    while true {
      let all: UInt64 = sliceCount >= 64 ? ~0 : (1 << UInt64(sliceCount)) - 1
      let free = ~taken & all
      guard free != 0 else { return nil }
      let index = free.trailingZeroBitCount
      let (exchanged, original) = leased.compareExchange(
        expected: taken, desired: taken | (1 << UInt64(index)), ordering: .acquiring)
      if exchanged { return index }
      taken = original
    }
  }

  /// Runs `body` with libxml2's allocations on this thread going to slice `index`.
  static func allocating<T>(in index: Int, _ body: () -> T) -> T {
    guard let region else { return body() }
    let previous = pthread_getspecific(region.current)
    pthread_setspecific(region.current, region.slices + index)
    defer { pthread_setspecific(region.current, previous) }
    return body()
  }

  /// Whether something allocated in slice `index` went to the C allocator instead.
  static func overflowed(_ index: Int) -> Bool {
    region.map { $0.slices[index].overflowed } ?? false
  }

  /// Rewinds slice `index` and gives it back. Nothing allocated in it may be used afterwards.
  static func release(_ index: Int) {
    guard let region else { return }
    let slice = region.slices + index
    let used = Int(slice.pointee.cursor - slice.pointee.start)
    if used > keptBytes, let tail = UnsafeMutableRawPointer(bitPattern: slice.pointee.start + UInt(keptBytes)) {
      madvise(tail, used - keptBytes, MADV_DONTNEED)
    }
    slice.pointee.cursor = slice.pointee.start
    slice.pointee.overflowed = false
    leased.bitwiseAnd(~(UInt64(1) << UInt64(index)), ordering: .releasing)
  }

  // MARK: - The hooks

  /// The calling thread's slice, for the hooks (which run only after ``install()``).
  @inline(__always)
  private static func hookSlice() -> UnsafeMutablePointer<Slice>? {
    pthread_getspecific(hookKey)?.assumingMemoryBound(to: Slice.self)
  }

  /// Whether `pointer` is in the range, for the hooks.
  @inline(__always)
  private static func inRange(_ pointer: UnsafeMutableRawPointer) -> Bool {
    let address = UInt(bitPattern: pointer)
    return address >= hookBase && address < hookEnd
  }

  @inline(__always)
  private static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }

  private static func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
    guard let slice = hookSlice() else { return malloc(size) }
    return carve(size, from: slice)
  }

  @inline(__always)
  private static func carve(_ size: Int, from slice: UnsafeMutablePointer<Slice>) -> UnsafeMutableRawPointer? {
    let cursor = slice.pointee.cursor
    guard size >= 0, size < sliceBytes, rounded(size) + headerBytes <= Int(slice.pointee.limit - cursor),
      let header = UnsafeMutableRawPointer(bitPattern: cursor)
    else {
      slice.pointee.overflowed = true
      return malloc(size)
    }
    header.storeBytes(of: size, as: Int.self)
    slice.pointee.cursor = cursor + UInt(headerBytes + rounded(size))
    return header + headerBytes
  }

  private static func free(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    if inRange(pointer) { return }
    Glibc.free(pointer)
  }

  private static func reallocate(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let pointer else { return allocate(size) }
    guard inRange(pointer) else { return realloc(pointer, size) }
    let oldSize = pointer.load(fromByteOffset: -headerBytes, as: Int.self)
    if let slice = hookSlice(), size >= 0, size < sliceBytes,
      UInt(bitPattern: pointer) + UInt(rounded(oldSize)) == slice.pointee.cursor,
      rounded(size) - rounded(oldSize) <= Int(slice.pointee.limit - slice.pointee.cursor)
    {
      // The last allocation of this slice grows (or shrinks) where it is.
      pointer.storeBytes(of: size, toByteOffset: -headerBytes, as: Int.self)
      slice.pointee.cursor = UInt(bitPattern: pointer) + UInt(rounded(size))
      return pointer
    }
    guard let fresh = allocate(size) else { return nil }
    fresh.copyMemory(from: pointer, byteCount: min(oldSize, size))
    return fresh
  }

  private static func duplicate(_ string: UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>? {
    guard let string else { return nil }
    let count = strlen(string) + 1
    guard let copy = allocate(count) else { return nil }
    copy.copyMemory(from: string, byteCount: count)
    return copy.assumingMemoryBound(to: CChar.self)
  }
}
