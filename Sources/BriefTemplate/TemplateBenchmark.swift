/// A repeatable render workload for a benchmark executable: a realistic story page
/// (layout parent with blocks, a partial per company, a 3 KB HTML body).
package enum TemplateBenchmark {
    /// Renders the story page `iterations` times on the calling thread.
    /// Returns the wall time and the number of pages rendered.
    package static func storyPage(iterations: Int) -> (seconds: Double, pages: Int) {
        guard let library = try? library() else { return (0, 0) }
        let data = storyData()
        var pages = 0
        var bytes = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<max(iterations, 0) {
                guard let page = try? library.render("story", data, options: options) else { continue }
                bytes &+= page.utf8.count
                pages += 1
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // Reading `bytes` keeps the optimizer from discarding the renders.
        return (bytes >= 0 ? seconds : 0, pages)
    }

    /// The page the benchmark renders, for checking that it renders what it should.
    package static func renderStoryPage() throws(TemplateError) -> String {
        try library().render("story", storyData(), options: options)
    }

    static let options = RenderOptions(strict: true, missingPartialIsError: true)

    static func library() throws(TemplateError) -> TemplateLibrary {
        TemplateLibrary([
            try Template(name: "layout", path: "Templates/layout.mustache", source: layout),
            try Template(name: "story", path: "Templates/story.mustache", source: story),
            try Template(
                name: "partials/company-card", path: "Templates/partials/company-card.mustache", source: companyCard),
        ])
    }

    static let layout = """
        <!doctype html>
        <html lang="{{site.language}}">
        <head>
          <meta charset="utf-8">
          <title>{{$title}}{{site.title}}{{/title}}</title>
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <link rel="stylesheet" href="{{site.baseURL}}/style.css">
          {{$head}}{{/head}}
        </head>
        <body>
          <header class="site-header">
            <a class="brand" href="{{site.baseURL}}/">{{site.title}}</a>
            <nav>
              {{#site.nav}}
              <a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>
              {{/site.nav}}
            </nav>
          </header>
          <main>
            {{$content}}{{/content}}
          </main>
          <footer>{{site.footer}} &middot; {{site.year}}</footer>
        </body>
        </html>

        """

    static let story = """
        {{<layout}}
        {{$title}}{{story.title}} – {{site.title}}{{/title}}
        {{$head}}
          <meta name="description" content="{{story.summary}}">
          <link rel="canonical" href="{{site.baseURL}}{{story.url}}">
        {{/head}}
        {{$content}}
        <article class="story">
          <h1>{{story.title}}</h1>
          <p class="byline">By {{story.author}} · <time datetime="{{story.date}}">{{story.displayDate}}</time> · {{story.readingMinutes}} min read</p>
          {{#story.tags}}
          <a class="tag" href="{{site.baseURL}}/tags/{{slug}}/">{{name}}</a>
          {{/story.tags}}
          <div class="body">
        {{{story.body}}}
          </div>
          <section class="companies">
            <h2>Companies in this story</h2>
            <ul>
              {{#companies}}
              {{>company-card}}
              {{/companies}}
            </ul>
            {{^companies}}<p>No companies mentioned.</p>{{/companies}}
          </section>
        </article>
        {{/content}}
        {{/layout}}

        """

    static let companyCard = """
        <li class="company">
          <a href="{{site.baseURL}}/companies/{{slug}}/">{{name}}</a>{{#ticker}} <span class="ticker">{{ticker}}</span>{{/ticker}}
          <span class="country">{{country}}</span> · {{mentions}} mentions
        </li>

        """

    static func storyData() -> TemplateValue {
        let paragraph =
            "<p>The company said on Tuesday that revenue grew 12% in the third quarter, "
            + "beating analysts' estimates, as demand for its cloud services & AI tools kept rising. "
            + "Shares rose 4.5% in early trading.</p>\n"
        let body = String(repeating: paragraph, count: 3 * 1024 / paragraph.utf8.count + 1)
        let companies: [TemplateValue] = [
            ["name": "Acme Corp", "slug": "acme", "ticker": "ACME", "country": "United States", "mentions": 7],
            ["name": "Globex", "slug": "globex", "ticker": "GLBX", "country": "Germany", "mentions": 3],
            ["name": "Initech", "slug": "initech", "ticker": nil, "country": "United Kingdom", "mentions": 2],
            ["name": "Umbrella & Sons", "slug": "umbrella", "ticker": "UMB", "country": "Japan", "mentions": 1],
            ["name": "Hooli", "slug": "hooli", "ticker": "HOOL", "country": "United States", "mentions": 1],
        ]
        return [
            "site": [
                "title": "Brief", "language": "en", "baseURL": "https://brief.example", "year": 2026,
                "footer": "© Brief News",
                "nav": [
                    ["url": "/", "label": "Home", "current": false],
                    ["url": "/markets/", "label": "Markets", "current": true],
                    ["url": "/tech/", "label": "Tech", "current": false],
                ],
            ],
            "story": [
                "title": "Acme beats estimates as cloud demand soars",
                "summary": "Revenue grew 12% in the third quarter.",
                "url": "/2026/11/acme-beats-estimates/",
                "author": "Jane Doe", "date": "2026-11-27", "displayDate": "November 27, 2026",
                "readingMinutes": 4, "body": .string(body),
                "tags": [["name": "Markets", "slug": "markets"], ["name": "Cloud", "slug": "cloud"]],
            ],
            "companies": .list(companies),
        ]
    }
}
