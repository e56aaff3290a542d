"""Regenerate docs/report.png: the seed scrape's report, as headless chromium shows it.

    python docs/screenshot_report.py [--chromium /usr/bin/chromium]

Writes the report of fixtures/seed/exbulletin-2024-04-27.txt to a temporary folder with
`dechaff report`, opens it with playwright (`pip install playwright`; the browser is
Debian's chromium, `apt-get install -y chromium`: nothing is downloaded), folds the
per-rule totals and saves the top of the page at one device pixel per CSS pixel, to keep
the PNG small.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from dechaff.cli import main as dechaff

ROOT = Path(__file__).resolve().parents[1]
SEED = "fixtures/seed/exbulletin-2024-04-27.txt"  # from ROOT: the page names it so
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "report.png"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    os.chdir(ROOT)

    with tempfile.TemporaryDirectory() as folder:
        page_path = Path(folder) / "report.html"
        if dechaff(["report", SEED, "-o", str(page_path), "--no-config", "-q"]) != 0:
            return 1
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 880, "height": 1000},
                                    device_scale_factor=1)
            page.goto(page_path.as_uri())
            page.evaluate("document.querySelector('details.rules').open = false")
            page.screenshot(path=args.output)
            browser.close()
    print(f"wrote {args.output} ({Path(args.output).stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
