/// The report's inline stylesheet: readable on screen, printable on A4, no web fonts.
enum ReportStyle {
  static let css = """
    :root { --ink:#1d232a; --muted:#5b6670; --rule:#d5dbe0; --loud:#d9480f; --engaged:#2b8a3e;
      --quiet:#1971c2; --dormant:#868e96; --outcome:#2b8a3e; --inter:#d9480f; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink); margin: 0 auto;
      max-width: 960px; padding: 24px; }
    h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px;
      border-bottom: 1px solid var(--rule); padding-bottom: 4px; } h3 { font-size: 16px; margin: 20px 0 6px; }
    p.lede { color: var(--muted); margin-top: 0; }
    .notes { background: #f6f8fa; border-left: 4px solid var(--rule); padding: 8px 14px; font-size: 14px; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { border-bottom: 1px solid var(--rule); padding: 6px 8px; text-align: left; vertical-align: top; }
    th { background: #f1f3f5; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .null { color: var(--muted); font-style: italic; }
    .badge { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 10px; font-size: 12px; color: #fff; }
    .badge.loud-but-idle { background: var(--loud); } .badge.engaged { background: var(--engaged); }
    .badge.quiet-effective { background: var(--quiet); } .badge.dormant, .badge.unrated { background: var(--dormant); }
    ul.caveats { margin: 0; padding-left: 18px; color: #7a4b00; }
    svg.chart { width: 100%; height: auto; max-width: 720px; display: block; margin: 8px 0; }
    svg .grid { stroke: #edf0f2; } svg .axis { stroke: #868e96; } svg .split { stroke: #495057;
      stroke-dasharray: 4 4; }
    svg .tick { font-size: 11px; fill: var(--muted); } svg .label, svg .point-label { font-size: 12px; fill: var(--ink); }
    svg .axis-label { font-size: 12px; fill: var(--muted); }
    svg circle.mark { stroke: #fff; stroke-width: 1.5; }
    svg .q-loud-but-idle { fill: var(--loud); } svg .q-engaged { fill: var(--engaged); }
    svg .q-quiet-effective { fill: var(--quiet); } svg .q-dormant, svg .q-unrated { fill: var(--dormant); }
    svg .effort-1 { fill: #ffe3e3; } svg .effort-2 { fill: #ffc078; } svg .effort-3 { fill: #74c0fc; }
    svg .effort-4 { fill: #4dabf7; } svg .effort-5 { fill: #1864ab; }
    svg .series { fill: none; stroke-width: 2; } svg polyline.outcome { stroke: var(--outcome); }
    svg polyline.interactions { stroke: var(--inter); stroke-dasharray: 5 3; }
    svg circle.outcome { fill: var(--outcome); } svg circle.interactions { fill: var(--inter); }
    svg .legend-outcome { fill: var(--outcome); font-size: 12px; } svg .legend-interactions { fill: var(--inter);
      font-size: 12px; }
    .evidence { font-size: 12px; color: var(--muted); } .evidence a { color: #1864ab; word-break: break-all; }
    footer { margin-top: 40px; font-size: 12px; color: var(--muted); }
    @media print { body { max-width: none; padding: 0; font-size: 11pt; } section.campaign { break-inside: avoid; }
      a { color: inherit; text-decoration: none; } }
    """
}
