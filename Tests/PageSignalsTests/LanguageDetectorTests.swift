import Testing

@testable import PageSignals

@Suite struct LanguageDetectorTests {
  @Test(arguments: [
    (
      "Warga kampung itu berkumpul di balai desa untuk membahas rencana pembangunan jembatan yang sudah lama ditunggu.",
      "id"
    ),
    ("Menurut polisi, aksi tersebut berjalan damai karena para peserta bisa menjaga ketertiban sampai sore.", "id"),
    ("Kami tidak bisa menerima keputusan itu, ujar seorang warga kepada wartawan setelah rapat selesai.", "id"),
    (
      "Kerajaan negeri berkata bahawa projek itu akan dimulakan selepas semua pihak bersetuju dengan cadangan tersebut.",
      "ms"
    ),
    ("Stasiun itu ramai karena kereta api tak berangkat tepat waktu, dan penumpang hendak pulang.", "id"),
    ("Pihak polis berkata suspek ditahan selepas kenderaan yang dipandunya dihentikan di sekatan jalan.", "ms"),
    ("Ramai penduduk kampung hadir kerana mereka mahu tahu sama ada wang pampasan boleh diberikan tahun ini.", "ms"),
    (
      "The council said the new bridge would open next spring, after years of delays and complaints from residents.",
      "en"
    ),
    ("Thousands of people signed the petition, which asks the city to keep the park open to the public.", "en"),
    (
      "De gemeente heeft besloten dat het nieuwe park in het voorjaar wordt geopend voor alle bewoners van de wijk.",
      "nl"
    ),
    ("Die Stadt hat entschieden, dass der neue Park im Frühjahr für alle Bewohner des Viertels geöffnet wird.", "de"),
    ("La mairie a décidé que le nouveau parc sera ouvert au printemps pour tous les habitants du quartier.", "fr"),
    ("El ayuntamiento ha decidido que el nuevo parque se abrirá en primavera para todos los vecinos del barrio.", "es"),
    ("A prefeitura decidiu que o novo parque será aberto na primavera para todos os moradores do bairro.", "pt"),
    ("Il comune ha deciso che il nuovo parco sarà aperto in primavera per tutti gli abitanti del quartiere.", "it"),
    ("เทศบาลตัดสินใจเปิดสวนสาธารณะแห่งใหม่ในฤดูใบไม้ผลิสำหรับผู้อยู่อาศัยทุกคน", "th"),
    ("Городской совет решил открыть новый парк весной для всех жителей района.", "ru"),
    ("市政府决定在春天为所有居民开放新的公园。", "zh"),
    ("市はすべての住民のために春に新しい公園を開くことを決めました。", "ja"),
    ("시의회는 봄에 모든 주민을 위해 새 공원을 열기로 결정했습니다.", "ko"),
  ])
  func detects(_ text: String, _ code: String) {
    #expect(LanguageDetector.detect(text) == code)
  }

  @Test(arguments: [
    "", "Halo", "Jakarta Bandung", "12.000 1.204 3,4K", "Jakarta Surabaya Medan Makassar Denpasar Bogor",
    "!!! ??? ...", "中",
  ])
  func undecidedOnTooLittleText(_ text: String) {
    #expect(LanguageDetector.detect(text) == nil)
  }

  @Test func longTextIsCapped() {
    let text = String(
      repeating: "Warga desa itu sudah lama menunggu jembatan yang dijanjikan pemerintah. ", count: 5000)
    #expect(LanguageDetector.detect(text) == "id")
  }

  /// The early stop needs enough words: an English opening of long words fills the first
  /// 2 KiB check with dozens of stopword hits but under 250 words, so it does not decide
  /// a text that goes on in Dutch. (Without the word count the detector would stop there and
  /// answer `en`.)
  @Test func earlyStopWaitsForEnoughWords() {
    let sentence = "The representatives of the neighbourhood associations demonstrated considerable determination. "
    let english = String(repeating: sentence, count: 26)
    let dutch = String(
      repeating: "De mensen van de stad zeiden dat zij niet op de raad wachten en het werk doen. ", count: 170)
    #expect(english.utf8.count > LanguageDetection.chunkBytes)
    #expect(LanguageDetector.detect(english + dutch) == "nl")
    #expect(LanguageDetector.detect(english) == "en")
  }

  /// Malay and Indonesian share the profile; the marker words decide, also on long texts
  /// where the detector stops early.
  @Test(arguments: [
    ("Pemerintah bilang bahwa warga harus bisa menunggu saja, ujar polisi kemarin. ", "id"),
    ("Kerajaan berkata bahawa wang itu sahaja akan diberikan selepas polis selesai. ", "ms"),
  ])
  func longMalayicTextsKeepTheirVariant(sentence: String, code: String) {
    #expect(LanguageDetector.detect(String(repeating: sentence, count: 400)) == code)
  }
}

@Suite struct SocialTokenTests {
  @Test(arguments: [
    ("Ayo dukung #TolakRUU dan #SaveHutan sekarang!", ["#TolakRUU", "#SaveHutan"]),
    ("#Bersatu #bersatu #BERSATU lagi", ["#Bersatu"]),
    ("Tagar #2024Pilih dan #1 serta #123", ["#2024Pilih"]),
    ("Lihat https://contoh.id/halaman#bagian2 dan www.contoh.id/#tag", []),
    ("Kutipan &#39;ini&#39; dan &#x27;itu&#x27;", []),
    ("Warna #FF0000 dan #1a2b3c bukan tagar, tapi #kafe ya", ["#kafe"]),
    ("(#Reformasi), \"#Demokrasi\" #jalan_kaki.", ["#Reformasi", "#Demokrasi", "#jalan_kaki"]),
    ("#ประชาธิปไตย และ #自由 and #Café", ["#ประชาธิปไตย", "#自由", "#Café"]),
    ("a#b c#d", []),
    ("Fullwidth ＃タグ here", ["#タグ"]),
    ("Baris pertama #Satu\nbaris kedua #Dua\t#Tiga", ["#Satu", "#Dua", "#Tiga"]),
    ("Email a@b.id #ok dan url http://x.id/a?b=#c serta x.id/#d", ["#ok"]),
    ("Tagar #SelamatkanHutan! #selamatkanhutan? #SELAMATKANHUTAN.", ["#SelamatkanHutan"]),
    ("Tagar dengan angka #HUT79RI dan #RI_79", ["#HUT79RI", "#RI_79"]),
    ("Harga #100 dan #2024 bukan tagar", []),
    ("Kode warna #abc dan #fade tetap kata", ["#abc", "#fade"]),
    ("Judul: «#PeringatanDarurat» viral", ["#PeringatanDarurat"]),
    ("Tagar hindi #भारत dan arab #مصر", ["#भारत", "#مصر"]),
    ("Ulang # kosong dan ## ganda", []),
  ])
  func hashtags(_ text: String, _ expected: [String]) {
    #expect(SocialTokens.hashtags(in: text) == expected)
  }

  @Test(arguments: [
    ("Terima kasih @kitabisa dan @KitaBisa serta @warga_baik.", ["@kitabisa", "@warga_baik"]),
    ("Kirim ke redaksi@contoh.id atau @redaksi", ["@redaksi"]),
    ("Baca https://medium.com/@penulis/artikel dan @pembaca", ["@pembaca"]),
    ("Akun @user.name. dan @.titik dan @ sendiri", ["@user.name"]),
    ("@a@b dan @terlalupanjangsekalinamaakuninimelebihitigapuluh", []),
    ("(@alpha), \"@beta\" @Gamma!", ["@alpha", "@beta", "@Gamma"]),
    ("Cc: @Redaksi_ID, @redaksi_id dan @REDAKSI_ID", ["@Redaksi_ID"]),
    ("Balas ke @user123\n@user456", ["@user123", "@user456"]),
    ("Harga 5@10 ribu dan a.b@c", []),
    ("Kunjungi www.contoh.id/@halaman atau @halaman", ["@halaman"]),
    ("Akun ＠fullwidth juga", ["@fullwidth"]),
    ("@café bukan akun ASCII", []),
  ])
  func mentions(_ text: String, _ expected: [String]) {
    #expect(SocialTokens.mentions(in: text) == expected)
  }
}

/// The eight-bytes-at-a-time letter reader agrees with reading byte by byte.
@Suite struct ASCIILetterTests {
  @Test(arguments: [
    "abcdefgh", "Hello, w", "ABC1defg", "a", "zZ@[`{aA", "é bcdefg", "caf\u{E9}s!!", "12345678", "WORDSxyz",
  ])
  func readsTheLeadingLetters(sample: String) {
    let bytes = Array((sample + "        ").utf8.prefix(8))
    let expected = bytes.prefix { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    bytes.withUnsafeBufferPointer { buffer in
      let (word, count) = ASCIILetters.leading(in: buffer, at: 0)
      #expect(count == expected.count)
      var packed: UInt64 = 0
      for (i, b) in expected.enumerated() { packed |= UInt64(b | 0x20) << UInt64(8 * i) }
      #expect(word == packed)
    }
  }
}
