#!/usr/bin/env python3
"""Fuzz ``dechaff.clean`` on str, bytes and forced-HTML input.

Each input must give records or a :class:`dechaff.DechaffError` (no other exception), records
that cleaning again gives back (idempotence: a record's title and body, cleaned as text, or a
page's body cleaned again as HTML), and bodies that hold only words of the input, in order (no
invented text).

With atheris (``pip install -e ".[fuzz]"``), coverage-guided, libFuzzer's options after the
script's; the first byte of an input picks the mode (bytes, str, forced HTML)::

    python fuzz/fuzz_clean.py -max_total_time=1200 fuzz/corpus

Without it (atheris builds on Linux and macOS only), hypothesis generates the inputs::

    python fuzz/fuzz_clean.py --hypothesis --seconds 1200

Both print the executions and the failures at the end; a failure is printed with its input.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
TOKENS = regex.compile(r"\w+")
MODES = ("bytes", "str", "html")
FAILURES = ROOT / "fuzz" / "failures"


def check(mode: str, source: str | bytes) -> None:
    """Clean ``source`` as ``mode`` and assert the three properties (AssertionError if not)."""
    import dechaff
    from dechaff.stages.decode import decode
    from dechaff.stages.sniff import looks_like_html
    from dechaff.stages.repair import repair
    from ftfy.badness import is_bad

    options = {"input": "html"} if mode == "html" else {}
    try:
        records = dechaff.clean(source, **options)
    except dechaff.DechaffError:
        return  # a documented, deliberate refusal
    if not records:
        return
    text = decode(source, 10**9)[0]
    if is_bad(text):
        return  # how ftfy reads mojibake depends on the line around it: no property to hold
    page = mode == "html" or looks_like_html(text)  # (read as a page, its records are a page's)
    seen = TOKENS.findall(repair(html.unescape(text) if page else text)[0])
    # a page's text as the parser reads it (words either side of an inline tag meet), no blanks
    letters = "".join(repair(page_text(text))[0].split()) if page else ""
    for record in records:
        if page:  # the title may come from an attribute (og:title): words of the markup
            assert _in_order("".join(record.body.split()), letters), f"invented text: {record.body!r}"
            assert _in_order(TOKENS.findall(record.title or ""), seen), f"invented text: {record.title!r}"
        else:
            for field in (record.body, record.title or ""):
                assert _in_order(TOKENS.findall(field), seen), f"invented text: {field!r}"
        if not record.body or is_bad(record.body) or (page and "<" in record.body):
            continue  # fields alone (nothing to clean again); mojibake; text that reads as markup
        if page:
            again = dechaff.clean(record.body, input="html")
            assert "\n\n".join(r.body for r in again) == record.body, f"not idempotent: {record.body!r}"
        else:
            rendered = (record.title + "\n\n" if record.title else "") + record.body
            again = dechaff.clean(rendered)
            assert "\n\n".join(r.body for r in again) == record.body, f"not idempotent: {rendered!r}"
            assert not record.title or (again and again[0].title == record.title), \
                f"title not idempotent: {rendered!r}"


def page_text(markup: str) -> str:
    """The text of a page as dechaff's parser reads it (markup with no tag: as it is)."""
    from dechaff.pipeline import _TAG
    from dechaff.stages.tree import parse

    root = parse(markup) if _TAG.search(markup) else None
    return markup if root is None else root.text_content()


def _in_order(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(token in it for token in small)


class Tally:
    """Executions and failures; each failure's input is saved in ``fuzz/failures/`` and the
    first of each kind (exception, invented text, idempotence) printed."""

    def __init__(self) -> None:
        self.runs, self.failures, self.started = 0, [], time.monotonic()
        self.last = self.started
        self.kinds: dict[str, int] = {}

    def run(self, mode: str, source: str | bytes) -> None:
        self.runs += 1
        if time.monotonic() - self.last > 60:
            self.report()
        try:
            check(mode, source)
        except Exception as exc:  # AssertionError, or an exception dechaff let out
            message = f"{type(exc).__name__}: {exc}"
            kind = str(exc).split(":")[0] if isinstance(exc, AssertionError) else type(exc).__name__
            self.failures.append((mode, source, message))
            self.kinds[kind] = self.kinds.get(kind, 0) + 1
            FAILURES.mkdir(parents=True, exist_ok=True)
            data = source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
            (FAILURES / f"{mode}-{hashlib.sha1(data).hexdigest()[:12]}").write_bytes(data)
            if self.kinds[kind] == 1:
                print(f"FAILURE ({mode}): {message:.300}\n  input: {source!r:.600}",
                      file=sys.stderr, flush=True)

    def report(self) -> None:
        self.last = time.monotonic()
        seconds = self.last - self.started
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.kinds.items())) or "none"
        print(f"executions: {self.runs} in {seconds:.0f} s; failures: {len(self.failures)} ({kinds})",
              flush=True)


def from_bytes(data: bytes) -> tuple[str, str | bytes]:
    """A fuzzer's bytes as (mode, input): the first byte picks the mode."""
    if not data:
        return "bytes", b""
    mode, rest = MODES[data[0] % 3], data[1:]
    if mode == "bytes":
        return mode, rest
    return mode, rest.decode("utf-8", "surrogatepass" if mode == "str" else "replace") \
        if _utf8(rest) else rest.decode("latin-1")


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


def with_atheris(argv: list[str]) -> int:
    import atheris

    with atheris.instrument_imports(include=["dechaff"]):
        import dechaff  # noqa: F401
    tally = Tally()

    def one(data: bytes) -> None:
        mode, source = from_bytes(data)
        tally.run(mode, source)

    import atexit
    atexit.register(tally.report)
    seeds = ROOT / "fuzz" / "corpus"
    if not seeds.is_dir():
        write_seeds(seeds)
    atheris.Setup([sys.argv[0], *argv], one)
    atheris.Fuzz()
    return 0


def write_seeds(folder: Path) -> None:
    """Seed inputs from the fixtures: each scrape as bytes, as str, and wrapped in a page."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, path in enumerate(sorted((ROOT / "fixtures").rglob("*.txt"))[:40]):
        data = path.read_bytes()[:3000]
        paragraphs = b"".join(b"<p>" + line + b"</p>" for line in data.splitlines() if line.strip())
        (folder / f"{n}-bytes").write_bytes(b"\x00" + data)
        (folder / f"{n}-str").write_bytes(b"\x01" + data)
        (folder / f"{n}-html").write_bytes(b"\x02<html><body><article>" + paragraphs
                                           + b"</article></body></html>")


def with_hypothesis(seconds: float) -> int:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    sys.path.insert(0, str(ROOT / "tests"))
    from test_properties import pages, scrape  # the suite's generators of scrapes and pages

    tally = Tally()
    source = st.one_of(st.tuples(st.just("bytes"), st.binary(max_size=2000) | scrape.map(str.encode)),
                       st.tuples(st.just("str"), scrape | st.text(max_size=2000)),
                       st.tuples(st.just("html"), pages | scrape))
    deadline = time.monotonic() + seconds

    class Done(Exception):
        pass

    @settings(max_examples=10**9, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(source)
    def run(case):
        if time.monotonic() > deadline:
            raise Done  # (failures are tallied, never raised: hypothesis sees none)
        tally.run(*case)

    try:
        run()
    except Done:
        pass
    tally.report()
    return 1 if tally.failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hypothesis", action="store_true", help="generate inputs with hypothesis")
    parser.add_argument("--seconds", type=float, default=60.0, help="with --hypothesis: how long")
    args, rest = parser.parse_known_args()
    if not args.hypothesis:
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("atheris is not installed: using hypothesis", file=sys.stderr)
        else:
            return with_atheris(rest)
    return with_hypothesis(args.seconds)


if __name__ == "__main__":
    sys.exit(main())
