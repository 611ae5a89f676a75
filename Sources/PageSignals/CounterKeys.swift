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
      ("shares", ["sharecount", "sharescount", "shares", "numshares", "totalshares", "repostcount", "repostscount"]),
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
          "pageviewcount", "readcount", "hitcount", "watchcount",
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

  /// Keys whose meaning depends on their siblings: a money goal next to a currency or a
  /// raised amount, a signature goal next to a signature count.
  static let contextualGoals: Set<String> = ["goal", "target"]

  /// Keys that name the currency of sibling amounts.
  static let currencyKeys: Set<String> = ["currency", "currencycode", "pricecurrency", "currencysymbol", "curr"]

  /// Inside a count object (`"signatureCount": {"total": 5}`), the members that hold the number.
  /// Compared normalised, in this order of preference.
  static let countMembers: [String] = ["total", "totalcount", "count", "value", "displayed", "amount", "current"]

  /// `key` normalised: ASCII lower case without `_`, `-`, `.`.
  static func normalise(_ key: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(key.utf8.count)
    for byte in key.utf8 where byte != 0x5F && byte != 0x2D && byte != 0x2E {
      bytes.append(ByteText.lowercased(byte))
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
