import SlackscoreCore
import Testing

@testable import DocumentParser

/// Main-text selection against every kind of page chrome.
@Suite struct BoilerplateTests {
  let news = document(makeResponse(Fixtures.indonesianNews))!
  let post = document(makeRecord(Array(Fixtures.englishPost.utf8)))!

  @Test func keepsTheArticleParagraphsAndHeadings() {
    #expect(news.text.hasPrefix("KABAR KOTA - Sebanyak seribu bibit pohon"))
    #expect(news.text.contains("Ketua panitia, Budi Hartono"))
    #expect(news.text.contains("\nTarget Tahun Depan\n"))
    #expect(news.text.contains("udara yang lebih bersih"))
  }

  @Test(arguments: [
    ("cookie banner", "memakai cookie"), ("navigation", "Olahraga"), ("breadcrumb", "Home"),
    ("share bar", "Dibagikan 340 kali"), ("ad slot", "ADVERTISEMENT"), ("teaser", "Baca juga"),
    ("scroll slot", "SCROLL TO CONTINUE"), ("channel promo", "saluran WhatsApp"), ("related list", "Pasar Rakyat"),
    ("newsletter", "newsletter"), ("comments", "Mantap sekali"), ("sidebar", "Artikel populer"),
    ("footer", "Hak cipta"),
  ])
  func dropsChrome(kind: String, marker: String) {
    #expect(!news.text.contains(marker), "\(kind) leaked into the text")
  }

  @Test func doesNotRepeatTheTitle() {
    #expect(news.title == "Warga Kampung Hijau Tanam Seribu Pohon")
    #expect(!news.text.contains("Warga Kampung Hijau Tanam Seribu Pohon"))
    #expect(post.title == "How our town repaired its library")
    #expect(!post.text.contains("How our town repaired"))
  }

  @Test func englishPostDropsBylineCaptionShareBarAndPromo() {
    #expect(post.text.hasPrefix("The roof of the old library"))
    #expect(post.text.contains("donated the timber"))
    #expect(post.text.hasSuffix("the librarians who run it."))
    for marker in ["By Alex", "Photo:", "Tweet", "3.4K shares", "Subscribe", "About"] {
      #expect(!post.text.contains(marker), "\(marker) leaked")
    }
  }

  @Test func paragraphsAreSeparatedByNewlines() {
    #expect(post.text.split(separator: "\n").count == 3)
  }

  @Test func pageWithoutTextIsReportedWithAReason() {
    let empty = document(
      makeRecord(Array("<html><head><title>x</title></head><body><img src=a.png></body></html>".utf8)))
    #expect(empty?.text == "")
    #expect(empty?.emptyReason == "no-visible-text")
    let blank = document(makeRecord([]))
    #expect(blank?.emptyReason == "empty-payload")
  }

  @Test func shortPostStillGivesItsText() {
    let d = document(makeRecord(Array("<html><body><p>Ayo tanda tangan!</p></body></html>".utf8)))
    #expect(d?.text == "Ayo tanda tangan!")
  }

  @Test(arguments: [
    "ADVERTISEMENT", "Baca juga: Judul lain di sini", "SCROLL TO CONTINUE WITH CONTENT",
    "Simak juga video berikut", "Iklan", "Follow our WhatsApp channel for updates", "(Baca: Judul lain)",
    "[Gambas:Video 20detik]", "Halaman selanjutnya", "Lihat Foto",
  ])
  func slotLinesAreRecognised(line: String) {
    #expect(BoilerplateMarkers.isSlotLine(line) || BoilerplateMarkers.isSlotLine(line.lowercased()))
  }

  @Test(arguments: ["Penulis : Sari", "Rabu, 17 Juni 2015 | 22:26 WIB", "By Alex Moreno", "Editor: Budi"])
  func bylinesAreRecognised(line: String) {
    #expect(BylineFilter.isByline(line))
  }

  @Test(arguments: [
    "Warga menanam pohon pada Juni 2015 di bantaran sungai yang dulu sering banjir setiap musim hujan datang.",
    "The project began in May 2019.",
    "By 2030, the town wants a library in every district.",
    "Published research shows the same pattern in other towns.",
  ])
  func ordinarySentencesAreNotBylines(line: String) {
    #expect(!BylineFilter.isByline(line))
  }
}

@Suite struct CommentThreadTests {
  @Test func aLongCommentThreadDoesNotWinOverTheArticle() {
    var html = "<html><body><article><h1>Judul</h1><div class=\"entry-content\">"
    for i in 0..<3 {
      html += "<p>Paragraf artikel \(i) menjelaskan kegiatan warga, dengan rincian waktu, tempat, dan tujuan acara.</p>"
    }
    html += "</div></article><div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">"
    for i in 0..<12 {
      html +=
        "<li class=\"comment\"><div class=\"comment-body\"><p>Komentar pembaca \(i): saya setuju, "
        + "semoga kegiatan seperti ini terus berlanjut, dan makin banyak warga yang ikut serta.</p></div></li>"
    }
    html += "</ol></div></body></html>"
    let d = document(makeRecord(Array(html.utf8)))
    #expect(d?.text.contains("Paragraf artikel 2") == true)
    #expect(d?.text.contains("Komentar pembaca") == false)
  }
}
