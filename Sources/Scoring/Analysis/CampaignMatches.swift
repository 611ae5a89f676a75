/// The campaigns each document matched, and why, found by document id: for the few hundred
/// thousand matched documents of a large run, a few bytes each (campaign number and a bit set of
/// reasons) in flat arrays, instead of a dictionary of dictionaries of sets.
struct CampaignMatches {
  private let documents: IDIndex
  private let campaignIDs: [String]
  private let campaignNumber: [String: Int32]
  /// Per document place: its first entry in `entries`, or -1 when it matched nothing.
  private var first: [Int32]
  /// One entry per (document, campaign) matched, a document's entries together.
  private var entries: [(campaign: Int32, reasons: UInt8, count: Int32)] = []
  /// Documents that matched a campaign.
  private(set) var count = 0
  /// Documents that matched more than one campaign.
  private(set) var inSeveral = 0

  /// An empty table for the documents of `documents` and the campaigns `campaignIDs`.
  init(documents: IDIndex, campaignIDs: [String]) {
    self.documents = documents
    self.campaignIDs = campaignIDs
    campaignNumber = Dictionary(campaignIDs.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
    first = [Int32](repeating: -1, count: documents.ids.count)
  }

  /// Records what document `id` matched (a result of ``CampaignMatcher/match(_:ctas:text:)``).
  mutating func record(_ id: String, _ matched: [String: Set<MatchReason>]) {
    guard !matched.isEmpty, let place = documents.firstPlace(of: id) else { return }
    precondition(first[place] < 0, "a document's matches are recorded once")
    first[place] = Int32(entries.count)
    for (campaign, reasons) in matched.sorted(by: { $0.key < $1.key }) {
      var bits: UInt8 = 0
      for reason in reasons { bits |= Self.bit(reason) }
      entries.append((campaignNumber[campaign]!, bits, Int32(matched.count)))
    }
    count += 1
    if matched.count > 1 { inSeveral += 1 }
  }

  /// Why document `id` matched campaign `campaign`, in order; empty when it did not match it.
  func reasons(of id: String, campaign: String) -> [MatchReason] {
    guard let number = campaignNumber[campaign], let entries = entries(of: id),
      let entry = entries.first(where: { $0.campaign == number })
    else { return [] }
    return MatchReason.allCases.filter { entry.reasons & Self.bit($0) != 0 }.sorted()
  }

  /// How many campaigns document `id` matched.
  func campaignCount(of id: String) -> Int {
    entries(of: id)?.count ?? 0
  }

  /// Document `id`'s entries; nil when it matched nothing.
  private func entries(of id: String) -> ArraySlice<(campaign: Int32, reasons: UInt8, count: Int32)>? {
    guard let place = documents.firstPlace(of: id), first[place] >= 0 else { return nil }
    let start = Int(first[place])
    return entries[start..<start + Int(entries[start].count)]
  }

  /// Whether document `id` matched campaign `campaign`.
  func contains(_ id: String, campaign: String) -> Bool {
    guard let number = campaignNumber[campaign], let entries = entries(of: id) else { return false }
    return entries.contains { $0.campaign == number }
  }

  /// Whether document `id` matched any campaign.
  func contains(_ id: String) -> Bool {
    guard let place = documents.firstPlace(of: id) else { return false }
    return first[place] >= 0
  }

  private static func bit(_ reason: MatchReason) -> UInt8 {
    UInt8(1) << UInt8(MatchReason.allCases.firstIndex(of: reason)!)
  }
}
