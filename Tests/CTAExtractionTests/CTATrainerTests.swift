import CTAExtraction
import Foundation
import SlackscoreCore
import Testing

@Suite struct CTATrainerTests {
  /// A tiny training set written for this test.
  static let examples: [LabelledSentence] = [
    .init(text: "Sebarkan info ini ke grup RT ya", lang: "id", label: 1, category: "share", split: "train"),
    .init(text: "Tanda tangani petisi ini sekarang", lang: "id", label: 1, category: "sign", split: "train"),
    .init(text: "Warga sudah menandatangani petisi itu", lang: "id", label: 0, category: nil, split: "train"),
    .init(text: "Harga beras naik lagi minggu ini", lang: "id", label: 0, category: nil, split: "train"),
    .init(text: "Share this post with your family", lang: "en", label: 1, category: "share", split: "train"),
    .init(text: "Sign the petition to save the library", lang: "en", label: 1, category: "sign", split: "train"),
    .init(text: "The mayor signed the order on Monday", lang: "en", label: 0, category: nil, split: "train"),
    .init(text: "It rained all afternoon in the city", lang: "en", label: 0, category: nil, split: "train"),
  ]

  func train() throws -> [UInt8] {
    var options = CTATrainingOptions()
    options.dimension = 1 << 12
    options.epochs = 5
    let model = CTATrainer(options: options).train(Self.examples, base: try CTADetector.load())
    return Array(try JSONCoding.lineEncoder().encode(model))
  }

  @Test func retrainingGivesTheSameBytes() throws {
    let first = try train()
    #expect(first == (try train()))
    let model = try JSONCoding.decoder().decode(CTAModelFile.self, from: Data(first))
    #expect(Set(model.categories.keys) == ["share", "sign"])
    #expect(model.trainedOn["team/id_pos"] == 2)
  }

  @Test func trainedModelSeparatesItsData() throws {
    let file = try JSONCoding.decoder().decode(CTAModelFile.self, from: Data(try train()))
    let detector = try CTADetector.load().with(model: file)
    let evaluation = CTAEvaluation.run(detector, on: Self.examples)
    #expect(evaluation.byGroup["team/en"]?.f1 == 1)
    #expect(evaluation.byGroup["team/id"]?.f1 == 1)
  }

  @Test func aSetOutsideSharedIsScoredAsItsOwnSliceAndTarget() throws {
    var post = LabelledSentence(
      text: "Ayo sebarkan info posko banjir ini ke grup RT", lang: "id", label: 1, category: "share", split: "test",
      sourceKind: "tweet")
    #expect(post.slice == "tweet/id")
    post.set = "fresh9"
    #expect(post.slice == "tweet/id@fresh9")
    #expect(post.isPost && post.isReal)
    let evaluation = CTAEvaluation.run(try CTADetector.load(), on: [post])
    #expect(evaluation.byGroup["tweet/id@fresh9"] != nil && evaluation.byGroup["tweet/id"] == nil)
    #expect(evaluation.targets.contains("tweet/id@fresh9: F1="))
    #expect(evaluation.targets.contains("(1 ask; 0.0 false asks per 1,000 posts)"), "\(evaluation.targets)")
    #expect(!evaluation.targets.contains("sets pooled"))
    // A set with no ask gets no F1 and no verdict, only its false asks.
    var talk = post
    talk.label = 0
    talk.category = nil
    let noAsk = CTAEvaluation.run(try CTADetector.load(), on: [talk])
    #expect(
      noAsk.targets.contains("tweet/id@fresh9: no ask to find, so no F1: see the false asks (0 asks; "),
      "\(noAsk.targets)")
    // With two such sets, they are also pooled into one line.
    var other = post
    other.set = "fresh10"
    let both = CTAEvaluation.run(try CTADetector.load(), on: [post, other])
    #expect(both.targets.contains("tweet/id@ (2 sets pooled, 2 asks): F1="), "\(both.targets)")
    // In reading order: the ninth set before the tenth.
    let ninth = try #require(both.report.range(of: "tweet/id@fresh9 "))
    let tenth = try #require(both.report.range(of: "tweet/id@fresh10 "))
    #expect(ninth.lowerBound < tenth.lowerBound, "\(both.report)")
  }

  @Test func aPostThatAsksTwoActsIsTypedByTheHigherEffortOne() throws {
    // The guidelines type a post by its highest-effort act: the share ask here is the more confident
    // one (0.98 against 0.65), the donation the post's category.
    let post = LabelledSentence(
      text: "Tolong bantu RT ya teman-teman!\nDonasi kami terima di rekening posko banjir.", lang: "id", label: 1,
      category: "donate", split: "test", sourceKind: "tweet")
    let evaluation = CTAEvaluation.run(try CTADetector.load(), on: [post])
    #expect(evaluation.byGroup["tweet/id"]?.categoryCorrect == 1, "\(evaluation.report)")
  }

  @Test func pagesSavedOutsideSharedAreScoredSentenceBySentenceAgainstThePageTarget() throws {
    var sentence = LabelledSentence(
      text: "Sign the petition to keep the library open.", lang: "en", label: 1, category: "sign", split: "test",
      sourceKind: "page_sentence")
    sentence.set = "freshpg1"
    #expect(sentence.slice == "page/en@freshpg1")
    #expect(!sentence.isPost && sentence.isReal)
    let evaluation = CTAEvaluation.run(try CTADetector.load(), on: [sentence])
    #expect(evaluation.byGroup["page/en"] == nil)
    #expect(
      evaluation.targets.contains(
        "page/en@freshpg1: P=1.000 [0.21, 1.00] (>= 0.75) at R=1.000 [0.21, 1.00] (>= 0.6): "
          + "met, not surely: the 95% interval reaches below the bar (1 ask; "
          + "0.0 false asks per 1,000 sentences)"), "\(evaluation.targets)")
    #expect(!evaluation.targets.contains("sets pooled"))
    // Two page sets are also pooled into one line, against the same target.
    var other = sentence
    other.set = "freshpg2"
    let both = CTAEvaluation.run(try CTADetector.load(), on: [sentence, other])
    #expect(
      both.targets.contains(
        "page/en@ (2 sets pooled, 2 asks): P=1.000 [0.34, 1.00] (>= 0.75) at R=1.000 [0.34, 1.00] (>= 0.6): "
          + "met, not surely: the 95% interval reaches below the bar (0.0 false asks per 1,000 sentences)"),
      "\(both.targets)")
  }

  @Test func pageSentencesAreJudgedInTheirPageAsExtractJudgesIt() throws {
    // Sentences written for this test. An ask that names no act takes the act of the next sentence
    // when extract reads the page; judged alone it is no ask.
    func sentence(_ text: String, _ label: Int, _ category: String?, page: String) -> LabelledSentence {
      var item = LabelledSentence(
        text: text, lang: "id", label: label, category: category, split: "test", sourceKind: "page_sentence")
      item.id = "raw-a/html/\(page).html#\(text.count)"
      item.set = "freshpg1"
      return item
    }
    let ask = sentence("Mari bantu saudara kita yang terdampak banjir.", 1, "donate", page: "a")
    let link = sentence("Di bawah ini tautan penggalangan dana yang dikelola warga.", 0, nil, page: "a")
    let detector = try CTADetector.load()
    #expect(detector.judge(sentence: ask.text, lang: "id").category == nil)
    let paged = CTAEvaluation.run(detector, on: [ask, link])
    #expect(paged.byGroup["page/id@freshpg1"]?.truePositives == 1, "\(paged.report)")
    #expect(paged.byGroup["page/id@freshpg1"]?.categoryCorrect == 1)
    // On two pages, the two sentences are strangers: the ask is missed, and the error says so.
    let apart = CTAEvaluation.run(detector, on: [ask, sentence(link.text, 0, nil, page: "b")])
    #expect(apart.byGroup["page/id@freshpg1"]?.falseNegatives == 1, "\(apart.report)")
  }

  @Test func crossValidationHoldsOutWholePages() {
    // Three sentences of page a, two of page b, then two tweets: a page's sentences share a fold
    // (pages numbered in order), other items take their position's.
    func item(_ page: String?, _ n: Int) -> LabelledSentence {
      var item = LabelledSentence(
        text: "s\(n)", lang: "en", label: 0, category: nil, split: "test",
        sourceKind: page == nil ? "tweet" : "page_sentence")
      item.id = page.map { "raw-a/html/\($0).html#\(n)" } ?? "\(n)"
      return item
    }
    let items = [item("a", 0), item("a", 1), item("b", 2), item("a", 3), item("b", 4), item(nil, 5), item(nil, 6)]
    #expect(CTAEvaluation.foldNumbers(items, folds: 2) == [0, 0, 1, 0, 1, 1, 0])
  }

  @Test func aPageSetsSentencesSeenInAnEarlierSetAreScoredApartAsRepeated() throws {
    // The same site's box in two sets: in the later set it is no new sentence. Sentences written
    // for this test.
    func sentence(_ text: String, _ label: Int, _ set: String) -> LabelledSentence {
      var item = LabelledSentence(
        text: text, lang: "en", label: label, category: label == 1 ? "sign" : nil, split: "test",
        sourceKind: "page_sentence")
      item.set = set
      return item
    }
    let box = "Sign the petition to keep the library open."
    let items = [
      sentence(box, 1, "freshpg2"), sentence("The library opened in 1921.", 0, "freshpg2"),
      sentence(box.uppercased(), 1, "freshpg10"),
    ]
    let evaluation = CTAEvaluation.run(try CTADetector.load(), on: items)
    #expect(evaluation.newSentences["page/en@freshpg2"]?.count == 2)
    #expect(evaluation.newSentences["page/en@freshpg10"] == nil)
    #expect(
      evaluation.targets.contains(
        "    new sentences only (2 of 3): P=1.000 [0.21, 1.00] (>= 0.75) at R=1.000 [0.21, 1.00]"),
      "\(evaluation.targets)")
    // A page of SHARED's training split was read too: its box is no new sentence in either set.
    var shared = sentence(box, 1, "")
    shared.set = nil
    shared.split = "train"
    let withShared = CTAEvaluation.run(try CTADetector.load(), on: items, read: [shared])
    #expect(withShared.newSentences["page/en@freshpg2"]?.count == 1)
  }

  @Test func anErrorShowsTheGateViewOfTheSentenceThatDecided() throws {
    // A post labelled negative that the detector takes for a share ask: the error shows the ask's
    // sentence, not the whole post.
    let post = LabelledSentence(
      text: "Kemarin warga sudah mengungsi ke balai desa. Ayo sebarkan info ini ke grup RT!", lang: "id",
      label: 0, category: nil, split: "test", sourceKind: "tweet")
    let evaluation = CTAEvaluation.run(try CTADetector.load(), on: [post])
    let error = try #require(evaluation.errors.first)
    #expect(error.kind == "fp")
    #expect(error.gate.hasPrefix("addr=1 act=share excl=-"), "\(error.gate)")
    #expect(!error.gate.contains("reported-act"), "\(error.gate)")
  }

  @Test func anAskOfTwoSentencesShowsTheGateViewOfEach() throws {
    // The first sentence asks and names no act, the second names the act: the error shows both
    // views, not one view of the two read as one sentence.
    let post = LabelledSentence(
      text: "Mari bantu saudara kita yang terdampak banjir. Di bawah ini tautan penggalangan dana yang dikelola warga.",
      lang: "id", label: 0, category: nil, split: "test", sourceKind: "tweet")
    let evaluation = CTAEvaluation.run(try CTADetector.load(), on: [post])
    let error = try #require(evaluation.errors.first)
    let views = error.gate.components(separatedBy: " + ")
    #expect(views.count == 2, "\(error.gate)")
    #expect(views.first?.hasPrefix("addr=1 act= ") == true, "\(error.gate)")
    #expect(views.last?.contains("act=donate") == true, "\(error.gate)")
  }

  @Test func readsQuotedCSV() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cta-csv-\(UUID().uuidString)").path
    try FileSystem.createDirectories(dir)
    let path = dir + "/sample.csv"
    let csv = """
      CommentID,Subreddit,OriginalText,ActionFocusedText,Label,AugmentationType,SimplifiedLabel
      a1,test,"Long text, with a comma","Write to your MP, today.",Call-to-action,None,Participation
      b2,test,"Said ""hello""
      on two lines",None,None,None,None

      """
    try AtomicFileWriter.write(csv, to: path)
    let rows = try LabelledData.loadReddit(path: path, weight: 0.5)
    #expect(rows.count == 2)
    #expect(rows[0].text == "Write to your MP, today.")
    #expect(rows[0].label == 1)
    #expect(rows[1].text == "Said \"hello\"\non two lines")
    #expect(rows[1].label == 0)
    #expect(rows.allSatisfy { $0.weight == 0.5 && $0.lang == "en" })
  }
}
