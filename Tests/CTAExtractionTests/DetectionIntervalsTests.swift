import Testing

@testable import CTAExtraction

/// The 95% intervals `eval-cta` prints beside each figure, and what they do to a target's verdict.
@Suite struct DetectionIntervalsTests {
  static func scores(found: Int, falseAsks: Int, missed: Int, leftAlone: Int = 0) -> DetectionScores {
    var s = DetectionScores()
    s.truePositives = found
    s.falsePositives = falseAsks
    s.falseNegatives = missed
    s.trueNegatives = leftAlone
    return s
  }

  @Test func precisionAndRecallHaveWilsonIntervals() throws {
    // 7 of 7 found: the Wilson interval of 7/7 is [0.646, 1].
    let s = Self.scores(found: 7, falseAsks: 0, missed: 9)
    let p = try #require(s.precisionInterval)
    #expect(abs(p.low - 0.6457) < 0.001 && p.high == 1)
    let r = try #require(s.recallInterval)
    #expect(r.low < s.recall && s.recall < r.high)
    #expect(Self.scores(found: 0, falseAsks: 0, missed: 3).precisionInterval == nil)
    #expect(Self.scores(found: 0, falseAsks: 2, missed: 0).recallInterval == nil)
  }

  @Test func f1IntervalIsRepeatableAndNarrowsWithMoreAsks() throws {
    let few = Self.scores(found: 7, falseAsks: 0, missed: 9, leftAlone: 3800)
    let a = try #require(few.f1Interval(seed: 42))
    #expect(a == few.f1Interval(seed: 42))
    #expect(a.low < few.f1 && few.f1 < a.high)
    let many = Self.scores(found: 700, falseAsks: 0, missed: 900)
    let b = try #require(many.f1Interval(seed: 42))
    #expect(b.low < many.f1 && many.f1 < b.high)
    #expect(b.high - b.low < (a.high - a.low) / 5)
    #expect(Self.scores(found: 0, falseAsks: 0, missed: 0, leftAlone: 10).f1Interval(seed: 1) == nil)
  }

  @Test func aTargetMetOnlyByTheFigureSaysItsIntervalReachesBelowTheBar() {
    var evaluation = CTAEvaluation()
    // F1 0.615 on 16 asks: met by the figure, the interval reaches far below 0.6.
    evaluation.byGroup["tweet/id"] = Self.scores(found: 8, falseAsks: 0, missed: 10, leftAlone: 3800)
    #expect(evaluation.targets.contains("tweet/id: F1=0.615 ["), "\(evaluation.targets)")
    #expect(evaluation.targets.contains("met, not surely: the 95% interval reaches below the bar"))
    // F1 0.723 on 2,700 asks: met, and surely.
    evaluation.byGroup["tweet/id"] = Self.scores(found: 1700, falseAsks: 300, missed: 1000)
    #expect(evaluation.targets.contains("(>= 0.6): met ("), "\(evaluation.targets)")
    #expect(!evaluation.targets.contains("not surely"))
    // F1 0.5: missed, whatever the interval.
    evaluation.byGroup["tweet/id"] = Self.scores(found: 5, falseAsks: 5, missed: 5)
    #expect(evaluation.targets.contains("(>= 0.6): MISSED"), "\(evaluation.targets)")
  }
}
