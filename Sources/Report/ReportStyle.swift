/// The report's inline stylesheet: readable on a 390 px phone and on a desktop, printable
/// on A4, no web fonts. Nothing may be wider than the screen: tables stack into cards on
/// narrow screens (or scroll inside their own box), long URLs break, charts scale.
enum ReportStyle {
  static let css = """
    :root { --ink:#1d232a; --muted:#5b6670; --rule:#d5dbe0; --loud:#d9480f; --engaged:#2b8a3e;
      --quiet:#1971c2; --dormant:#868e96; --warn:#7a4b00; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { font: 16px/1.5 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink); margin: 0 auto;
      max-width: 1040px; padding: 16px; overflow-wrap: break-word; }
    h1 { font-size: 24px; line-height: 1.25; margin: 0 0 4px; }
    h2 { font-size: 20px; line-height: 1.3; margin: 28px 0 8px; border-bottom: 1px solid var(--rule);
      padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 20px 0 6px; }
    p.lede, p.id { color: var(--muted); margin-top: 0; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .notes { background: #f6f8fa; border-left: 4px solid var(--rule); padding: 8px 14px; font-size: 14px; }
    .notes ul { margin: 4px 0; padding-left: 18px; }
    ul.glance { padding: 0; list-style: none; } ul.glance li { margin: 0 0 10px; }
    ul.glance .line { font-size: 14px; color: var(--muted); }
    article.campaign { border-top: 3px solid var(--ink); margin-top: 32px; }
    article.campaign > h2 { border: 0; margin-top: 10px; }
    p.summary { font-size: 18px; line-height: 1.45; background: #fff9db; border-left: 4px solid #fab005;
      padding: 8px 12px; margin: 8px 0; }
    .caveats { color: var(--warn); font-size: 14px; margin: 6px 0 10px; }
    .caveats ul { margin: 2px 0; padding-left: 18px; }
    .scroll { max-width: 100%; overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    caption { text-align: left; font-weight: bold; padding: 4px 0; }
    th, td { border-bottom: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
    thead th { background: #f1f3f5; }
    tbody th { font-weight: normal; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.note { color: var(--muted); font-size: 13px; }
    .null { color: var(--muted); font-style: italic; }
    .url, a { overflow-wrap: anywhere; word-break: break-word; }
    code { font-size: 13px; overflow-wrap: anywhere; }
    code.cmd { display: inline-block; background: #f1f3f5; padding: 1px 4px; margin-top: 2px; }
    .badge { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 10px; font-size: 13px;
      font-weight: normal; color: #fff; vertical-align: middle; }
    .badge.loud-but-idle { background: var(--loud); } .badge.engaged { background: var(--engaged); }
    .badge.quiet-effective { background: var(--quiet); } .badge.dormant, .badge.unrated { background: var(--dormant); }
    p.rests { color: var(--muted); font-size: 14px; margin: 4px 0; }
    dl.indices dt { margin-top: 6px; } dl.indices dd { margin: 0 0 6px 0; color: var(--muted); font-size: 14px; }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 8px 24px; }
    .multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px 20px; }
    figure.chart { margin: 0; min-width: 0; }
    figure.chart figcaption { font-weight: bold; font-size: 14px; }
    .chart-note { color: var(--muted); font-size: 13px; margin: 2px 0 8px; }
    ul.legend { list-style: none; padding: 0; margin: 2px 0; display: flex; flex-wrap: wrap; gap: 2px 14px;
      font-size: 13px; }
    .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px;
      border-radius: 2px; }
    .swatch.s0, svg .s0 { background: #2b8a3e; fill: #2b8a3e; stroke: #2b8a3e; }
    .swatch.s1, svg .s1 { background: #1971c2; fill: #1971c2; stroke: #1971c2; }
    .swatch.s2, svg .s2 { background: #ae3ec9; fill: #ae3ec9; stroke: #ae3ec9; }
    .swatch.s3, svg .s3 { background: #e8590c; fill: #e8590c; stroke: #e8590c; }
    svg.chart { width: 100%; height: auto; display: block; margin: 4px 0; }
    #scatter svg.chart { max-width: 540px; } #effort svg.chart { max-width: 520px; }
    ol.dots { font-size: 14px; padding-left: 24px; margin: 4px 0; }
    svg .grid { stroke: #edf0f2; } svg .axis { stroke: #868e96; }
    svg .split { stroke: #495057; stroke-dasharray: 4 4; }
    svg text { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; }
    svg .tick { font-size: 12px; fill: var(--muted); } svg .label, svg .point-label { font-size: 13px; fill: var(--ink); }
    svg .axis-label { font-size: 13px; fill: var(--ink); }
    svg .point-label { font-weight: bold; }
    svg .quadrant-name { font-size: 12px; font-style: italic; opacity: .8; }
    svg circle.mark { stroke: #fff; stroke-width: 1.5; }
    svg .series { fill: none; stroke-width: 2; } svg .range { stroke-width: 2; fill: none; }
    svg rect.bar { fill: #e8590c; stroke: none; }
    svg .q-loud-but-idle { fill: var(--loud); } svg .q-engaged { fill: var(--engaged); }
    svg .q-quiet-effective { fill: var(--quiet); } svg .q-dormant, svg .q-unrated { fill: var(--dormant); }
    svg .effort-1, .swatch.effort-1 { fill: #ffe3e3; background: #ffc9c9; }
    svg .effort-2, .swatch.effort-2 { fill: #ffc078; background: #ffc078; }
    svg .effort-3, .swatch.effort-3 { fill: #74c0fc; background: #74c0fc; }
    svg .effort-4, .swatch.effort-4 { fill: #4dabf7; background: #4dabf7; }
    svg .effort-5, .swatch.effort-5 { fill: #1864ab; background: #1864ab; }
    .evidence { font-size: 13px; color: var(--muted); padding-left: 18px; } .evidence li { margin-bottom: 4px; }
    .evidence a { color: #1864ab; }
    footer { margin-top: 40px; font-size: 13px; color: var(--muted); }
    @media (max-width: 640px) {
      body { padding: 10px; font-size: 15px; }
      h1 { font-size: 21px; }
      p.summary { font-size: 16px; }
      table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.stack tr { display: block; border-bottom: 1px solid var(--rule); padding: 4px 0; }
      table.stack th, table.stack td { display: block; border: 0; padding: 1px 4px; text-align: left; }
      table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
      table.ratios tbody th { font-weight: bold; }
      table.ratios td { display: inline; padding: 0 10px 0 4px; }
      table.ratios td[data-label="numerator"]::before { content: "= "; }
      table.ratios td[data-label="denominator"]::before { content: "÷ "; }
      table.ratios td[data-label="posts with a count"]::before { content: "posts with a count: "; }
      .multiples { grid-template-columns: 1fr; }
    }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      @page { size: A4; margin: 14mm; }
      article.campaign + article.campaign { break-before: page; }
      figure.chart, table tr, p.summary, .caveats { break-inside: avoid; }
      .scroll { overflow: visible; }
      .multiples { grid-template-columns: 1fr 1fr; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
