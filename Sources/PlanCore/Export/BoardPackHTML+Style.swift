extension BoardPackHTML {
    /// The colour of each status: badges, chart segments and the legend. Text on
    /// them is white or near-black, whichever contrasts; the letter is always shown.
    static func colours(_ status: Status) -> (fill: String, ink: String) {
        switch status {
        case .red: ("#d4351c", "#ffffff")
        case .amber: ("#f47738", "#0b0c0c")
        case .green: ("#00703c", "#ffffff")
        case .blue: ("#1d70b8", "#ffffff")
        case .notStarted: ("#b1b4b6", "#0b0c0c")
        }
    }

    /// The stylesheet: a readable page on screen, and A4 on paper with tables and
    /// action blocks kept whole where they fit, and ink only on small badges.
    static var stylesheet: String {
        let badges = Status.allCases.map {
            ".rag-\($0.code) { background: \(colours($0).fill); color: \(colours($0).ink); }\n"
                + ".action.action-\($0.code) { border-left-color: \(colours($0).fill); }"
        }.joined(separator: "\n")
        return """
            :root { --ink: #0b0c0c; --muted: #505a5f; --rule: #b1b4b6; --light: #f3f2f1; }
            * { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; }
            body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.5rem 3rem; color: var(--ink); background: #fff;
              font: 16px/1.45 Arial, "Liberation Sans", Helvetica, sans-serif; }
            h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .4rem; }
            h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--ink); }
            h3 { font-size: 1.15rem; margin: 1.5rem 0 .4rem; }
            h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
            p { margin: .3rem 0 .6rem; }
            ul, ol { margin: .3rem 0 .6rem; padding-left: 1.4rem; }
            a { color: #1d70b8; }
            .dates { color: var(--muted); margin: 0 0 .8rem; }
            dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .8rem; margin: .4rem 0 .8rem; }
            dl.fields dt { font-weight: bold; }
            dl.fields dd { margin: 0; }
            dl.fields dd > :first-child { margin-top: 0; }
            dl.fields dd > :last-child { margin-bottom: 0; }
            .figures { display: flex; flex-wrap: wrap; gap: .8rem; margin: .6rem 0 1rem; }
            .figure { border: 1px solid var(--rule); border-left: 6px solid var(--ink); padding: .4rem .8rem; min-width: 9rem; }
            .figure strong { display: block; font-size: 1.8rem; line-height: 1.1; }
            table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9em; }
            th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid var(--rule);
              overflow-wrap: anywhere; }
            th { border-bottom: 2px solid var(--ink); }
            th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            td.nowrap, th.nowrap { white-space: nowrap; overflow-wrap: normal; }
            th.owner, td.owner { width: 11em; }
            th.due, td.due { width: 7.5em; }
            tr.total td { font-weight: bold; border-top: 2px solid var(--ink); }
            .measure-chart { width: 100%; max-width: 32em; height: auto; }
            .measure-chart .actual { fill: none; stroke: #1f4e79; stroke-width: 2; }
            .measure-chart .expected { stroke: #888; stroke-dasharray: 4 3; }
            .measure-chart text { font-size: 11px; }
            .badge { display: inline-block; min-width: 1.55em; padding: 0 .3em; border-radius: .25em; text-align: center;
              font-weight: bold; line-height: 1.45; white-space: nowrap;
              -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            \(badges)
            .status { white-space: nowrap; }
            .flag { font-weight: bold; white-space: nowrap; border: 1px solid currentColor; border-radius: .25em;
              padding: 0 .25em; font-size: .85em; }
            figure { margin: .6rem 0 1.2rem; }
            figure svg { display: block; width: 100%; height: auto; }
            figcaption { font-weight: bold; margin-bottom: .3rem; }
            .section { margin-top: 2.2rem; }
            .section > h3 { font-size: 1.3rem; border-bottom: 1px solid var(--rule); padding-bottom: .15rem; }
            .area { margin: 1rem 0 1.5rem; }
            .area > h4 { font-size: 1.1rem; }
            .action { border: 1px solid var(--rule); border-left: 6px solid var(--rule); padding: .5rem .8rem; margin: .7rem 0; }
            .action h5 { font-size: 1rem; margin: 0 0 .35rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
            .action h5 .ref { font-size: 1.05rem; }
            .action h6 { font-size: .95em; margin: .6rem 0 .2rem; }
            .action dl.fields { font-size: .95em; }
            table.action-frame { margin: 0; font-size: inherit; }
            table.action-frame th, table.action-frame td { padding: 0; border: 0; font-weight: normal; overflow-wrap: normal; }
            table.action-frame tr.note td { border-top: 1px solid var(--light); padding: .3rem 0; font-size: .95em; }
            th.what, td.what { min-width: 11em; }
            th.latest, td.latest { width: 38%; }
            td.what, td.latest, td.owner { overflow-wrap: break-word; }
            td.latest .note-head { font-weight: bold; margin: 0; }
            .marking { text-align: center; font-weight: bold; letter-spacing: .05em; margin: 0 0 .6rem; }
            .notes { list-style: none; padding: 0; margin: 0; }
            .notes > li { border-top: 1px solid var(--light); padding: .3rem 0; font-size: .95em; }
            .note-head { font-weight: bold; margin: 0 0 .15rem; }
            .muted { color: var(--muted); }
            blockquote { margin: .3rem 0 .8rem; padding-left: .8rem; border-left: 3px solid var(--rule); }
            @media print {
              body { max-width: none; padding: 0; font-size: 10pt; }
              p, li { orphans: 3; widows: 3; }
              h1 { font-size: 18pt; }
              h2 { font-size: 14pt; margin-top: 1.4em; }
              h3 { font-size: 12pt; }
              h4, .area > h4 { font-size: 11pt; }
              h5, .action h5 .ref { font-size: 10.5pt; }
              .section > h3 { font-size: 13pt; }
              h2, h3, h4, h5, h6, figcaption, .note-head { break-after: avoid; page-break-after: avoid; }
              thead { display: table-header-group; }
              tr, figure, .figures, dl.fields, .notes > li { break-inside: avoid; page-break-inside: avoid; }
              .action { padding: .3rem .6rem; }
              .plan-part, .plan-part > .section + .section, #about { break-before: page; page-break-before: always; }
              .plan-part > .section { margin-top: 0; }
              .marking { display: none; }
              .figure { border-left-width: 3px; }
              a { color: inherit; text-decoration: none; }
            }
            """
    }

    /// A4 pages with a running header (the plan's title, the protective marking, the
    /// as-at date) and footer (the board, the marking, "Page N of M"), as CSS `@page`
    /// margin boxes: Chromium prints them, and so does a browser's own Print.
    static func pageRules(_ pack: BoardPack) -> String {
        let asAt = "As at " + (pack.plan.asAt ?? pack.asOf).ukLong
        let marking = pack.marking.map(css) ?? "\"\""
        let small = "font: 8pt Arial, \"Liberation Sans\", sans-serif; color: #505a5f;"
        let strong = "font: bold 9pt Arial, \"Liberation Sans\", sans-serif; color: #0b0c0c;"
        return """
            @page {
              size: A4; margin: 18mm 15mm 18mm;
              @top-left { content: \(css(pack.plan.title)); \(small) vertical-align: bottom; }
              @top-center { content: \(marking); \(strong) vertical-align: bottom; white-space: nowrap; }
              @top-right { content: \(css(asAt)); \(small) vertical-align: bottom; }
              @bottom-left { content: \(css(pack.board ?? pack.plan.title)); \(small) vertical-align: top; }
              @bottom-center { content: \(marking); \(strong) vertical-align: top; white-space: nowrap; }
              @bottom-right { content: "Page " counter(page) " of " counter(pages); \(small) vertical-align: top; }
            }
            """
    }

    /// Text as a CSS string: quotes and backslashes escaped, `<` escaped so that no
    /// text can close the `<style>` element (and `&`, so that none looks like HTML),
    /// control characters and bidirectional overrides visible as `\e`, `\u{202E}`.
    static func css(_ text: String) -> String {
        var out = "\""
        // Control characters and bidirectional overrides shown as the HTML shows them (`\u{202E}`).
        for scalar in TerminalText.escaped(text).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\3C "
            case "&": out += "\\26 "
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
