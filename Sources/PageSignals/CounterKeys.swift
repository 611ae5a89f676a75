import SlackscoreCore

// Key names that hold counts in embedded page JSON and in site-specific `<meta>` names.
// Keys are compared normalised: lower case, with `_`, `-` and `.` removed, so `like_count`,
// `likeCount` and `LikeCount` are one key.

/// The key table for embedded JSON and meta names.
enum CounterKeys {
  /// Normalised key → kind.
  static let kinds: [String: String] = {
    let rows: [(String, [String])] = [
      (
        "likes",
        [
          "likecount", "likescount", "likes", "numlikes", "totallikes", "favoritecount", "favouritecount",
          "diggcount", "heartcount", "lovecount",
        ]
      ),
      (
        "shares",
        [
          "sharecount", "sharescount", "shares", "numshares", "totalshares", "repostcount", "repostscount",
          "timesshared", "sharedcount",
        ]
      ),
      (
        "comments",
        [
          "commentcount", "commentscount", "comments", "numcomments", "totalcomments", "replycount",
          "repliescount", "commentstotal",
        ]
      ),
      (
        "views",
        [
          "viewcount", "viewscount", "views", "numviews", "totalviews", "playcount", "plays", "pageviews",
          "pageviewcount", "readcount", "hitcount", "watchcount", "timesviewed",
        ]
      ),
      ("reactions", ["reactioncount", "reactionscount", "reactions", "totalreactions"]),
      ("retweets", ["retweetcount", "retweetscount", "retweets"]),
      ("followers", ["followercount", "followerscount", "followers", "subscribercount", "subscriberscount"]),
      (
        "signatures",
        [
          "signaturecount", "signaturescount", "signatures", "totalsignaturecount", "totalsignatures",
          "numsignatures", "signercount", "signerscount", "signaturestotal",
        ]
      ),
      ("signature_goal", ["signaturegoal", "signaturesgoal", "signaturetarget", "targetsignatures", "goalsignatures"]),
      (
        "funds_raised",
        [
          "amountraised", "raisedamount", "collectedamount", "amountcollected", "totalraised",
          "fundsraised", "totalcollected", "donationreceived", "donationsreceived", "currentamount",
          "raised", "collected", "donationamounttotal",
        ]
      ),
      (
        "funds_goal",
        [
          "fundinggoal", "goalamount", "targetamount", "amountgoal", "donationgoal", "donationtarget",
          "fundraisinggoal", "campaigngoal",
        ]
      ),
      (
        "donors",
        [
          "donationscount", "donationcount", "donorcount", "donorscount", "donors", "numdonors", "totaldonors",
          "backerscount", "backercount", "backers", "donaturcount",
        ]
      ),
      (
        "attendees",
        [
          "attendeecount", "attendeescount", "attendees", "participantcount", "participantscount",
          "rsvpcount", "goingcount",
        ]
      ),
      ("volunteers", ["volunteercount", "volunteerscount", "volunteers"]),
    ]
    var table: [String: String] = [:]
    for (kind, keys) in rows {
      for key in keys { table[key] = kind }
    }
    return table
  }()

  /// `kinds` keyed by `hash(_:)`, so a key is looked up without building its normalised form.
  static let kindsByHash: [UInt64: String] = Dictionary(uniqueKeysWithValues: kinds.map { (hash($0.key), $0.value) })

  /// Keys whose meaning depends on their siblings: a money goal next to a currency or a
  /// raised amount, a signature goal next to a signature count.
  static let contextualGoals: Set<UInt64> = Set(["goal", "target"].map(hash))

  /// Keys that name the currency of sibling amounts.
  static let currencyKeys: Set<UInt64> = Set(
    ["currency", "currencycode", "pricecurrency", "currencysymbol", "curr"].map(hash))

  /// Inside a count object (`"signatureCount": {"total": 5}`), the members that hold the number,
  /// in this order of preference.
  static let countMembers: [UInt64] = ["total", "totalcount", "count", "value", "displayed", "amount", "current"].map(
    hash)

  /// FNV-1a of `key` normalised: ASCII lower case without `_`, `-`, `.` (so `like_count`,
  /// `likeCount` and `LIKE-COUNT` hash alike). No allocation for native strings.
  static func hash(_ key: String) -> UInt64 {
    var key = key
    return key.withUTF8 { bytes in
      var hash = FNV1a.offsetBasis64
      for byte in bytes where byte != 0x5F && byte != 0x2D && byte != 0x2E {
        hash = FNV1a.step(hash, ByteText.lowercased(byte))
      }
      return hash
    }
  }
}
