#!/usr/bin/env python3
"""Writes a few small dated briefings into a site's Content/ for the browser checks.

    python3 Tests/browser/daily_sources.py SITE_DIR

Three briefings on the newest day (the front page's edition), two the day before, more in an
earlier month and year, and `page_size: 3` in brief.yml, so that the site has a front page with
three briefings on one day, date archives, and lists with a second page. The texts are made up here.
"""

import sys
from pathlib import Path

DAYS = [
    ("2024-11-28", ["Morning", "Midday", "Evening"]),
    ("2024-11-27", ["Morning", "Evening"]),
    ("2024-10-31", ["Morning", "Evening"]),
    ("2023-12-29", ["Year End"]),
]
COMPANIES = ["Tesla", "Nvidia", "Microsoft", "Apple", "Amazon"]

TABLE = """
| Quarter | Deliveries | Change |
| --- | ---: | ---: |
| Q2 2024 | 443,956 | -4.8% |
| Q3 2024 | 462,890 | +4.3% |
"""


def source(day, name, n):
    a, b = COMPANIES[n % len(COMPANIES)], COMPANIES[(n + 2) % len(COMPANIES)]
    text = f"---\ntitle: {name} Briefing, {day}\ndate: {day}\n---\n"
    text += f"\n## {a} and {b} Talk About Batteries\n\n"
    text += (f"{a} said on {day} that it would buy batteries from {b}, a deal worth {n + 2} billion dollars "
             f"over five years. \"We are \"excited\" - and ready,\" a spokesperson said...\n")
    if n % 3 == 0:
        text += "\n> The supply of cells, not demand, sets the pace this year.\n" + TABLE
    text += f"\n## {b} Opens a New Office\n\n{b} opened an office in Lisbon that will employ 1,000 people by 2026.\n"
    return text


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    site = Path(sys.argv[1])
    content = site / "Content"
    content.mkdir(parents=True, exist_ok=True)
    n = 0
    for day, names in DAYS:
        for name in names:
            (content / f"{day}-{name.lower().replace(' ', '-')}.md").write_text(source(day, name, n), encoding="utf-8")
            n += 1
    config = site / "brief.yml"
    text = config.read_text(encoding="utf-8") if config.exists() else ""
    config.write_text(text + "page_size: 3\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
