"""Every document has a deadline, and no rule can take the run down (issue 10)."""

import signal
import subprocess
import sys
import textwrap
import threading

import pytest

import dechaff
from dechaff.errors import PluginError, RuleError
from dechaff import plugins
from dechaff.rules import registry
from rulekit import registered, rule

TEXT = "The council met on Monday and voted to close the old bridge for repairs."


def spin(self, doc):
    while True:
        pass
    yield  # pragma: no cover - a generator that never yields


Spinner = rule("LOOP01", spin)


@pytest.mark.timeout(120)  # a hang guard, not a speed check
def test_a_rule_that_loops_forever_fails_its_document_within_the_deadline():
    with registered(Spinner):
        with pytest.raises(RuleError) as exc:  # (it would hang for ever without the deadline)
            dechaff.clean(TEXT, time_limit=0.3)
        assert exc.value.rule_code == "LOOP01" and "LOOP01 (test.loop01)" in str(exc.value)
        assert "time limit of 0.3 s" in str(exc.value) and "time_limit" in str(exc.value)
        # the next document runs as usual
        assert dechaff.clean(TEXT, time_limit=0.3, ignore=["LOOP01"])[0].body == TEXT


def test_the_deadline_holds_in_a_worker_thread_too():
    failures = []

    def work():
        try:
            dechaff.clean(TEXT, time_limit=0.3)
        except RuleError as exc:
            failures.append(exc)

    with registered(Spinner):
        worker = threading.Thread(target=work)
        worker.start()
        worker.join(10)
    assert not worker.is_alive() and [e.rule_code for e in failures] == ["LOOP01"]


def test_the_deadline_covers_builtin_rules(monkeypatch):
    from dechaff.rules.related import ReadAlso

    monkeypatch.setattr(ReadAlso, "propose", spin)
    dechaff.pipeline._cleaner.cache_clear()
    try:
        with pytest.raises(RuleError, match="RL01"):
            dechaff.clean("Also read: another story\n\n" + TEXT, time_limit=0.3)
    finally:
        dechaff.pipeline._cleaner.cache_clear()


def test_the_deadline_covers_html_rules():
    def judge(self, element, tag, names, page):
        while True:
            pass

    from dechaff.rules.html import HtmlRule

    stuck = type("Test_HTLOOP1", (HtmlRule,), {
        "code": "HTLOOP1", "name": "test.html_loop", "description": "Loops on paragraphs.",
        "tags": frozenset({"p"}), "judge": judge, "__module__": "tests.rulekit"})
    with registered(stuck), pytest.raises(RuleError, match="HTLOOP1"):
        dechaff.clean(f"<html><body><p>{TEXT}</p></body></html>", time_limit=0.3)


def test_the_deadline_scales_with_the_size_and_none_turns_it_off():
    from dechaff.limits import seconds_for

    assert seconds_for(100, 3.0) == 3.0 and seconds_for(5_000_000, 3.0) == 15.0
    assert seconds_for(100, None) is None
    assert dechaff.Config().time_limit == 3.0
    with pytest.raises(dechaff.ConfigError, match="time_limit"):
        dechaff.Config(time_limit=0)


@pytest.mark.parametrize("raised", [SystemExit(3), KeyboardInterrupt(), GeneratorExit()])
def test_a_rule_cannot_end_the_run(raised):
    def propose(self, doc):
        raise raised
        yield  # pragma: no cover

    with registered(rule("EXIT01", propose)), pytest.raises(RuleError) as exc:
        dechaff.clean(TEXT)
    assert "EXIT01" in str(exc.value) and type(raised).__name__ in str(exc.value)


def test_a_plugin_that_exits_on_import_is_skipped():
    class Exits:
        name, value = "exits", "fake:exits"

        def load(self):
            raise SystemExit(1)

    with pytest.warns(UserWarning, match="plugin 'exits'.*SystemExit"):
        plugins.load_entry_points([Exits()])
    with pytest.raises(PluginError, match="exits"):
        plugins.load_entry_points([Exits()], strict=True)
    plugins.FAILURES.clear()


AFTER_THE_WATCHDOG = textwrap.dedent("""
    import signal, sys, dechaff
    sys.path.insert(0, "tests")
    from rulekit import registered, rule
    from work import counted
    signal.signal(signal.SIGALRM, lambda signum, frame: None)  # taken: the watchdog keeps time
    def spin(self, doc):
        while True:
            pass
        yield
    with registered(rule("LOOP03", spin)):
        try:
            dechaff.clean("The council met on Monday.", time_limit=0.3)
        except dechaff.RuleError as exc:
            print("contained", exc.rule_code, flush=True)
    calls, records = counted(lambda: dechaff.clean("Email: [email protected] and " * 500))
    print("then cleaned", len(records), flush=True)
""")


def test_a_thread_the_watchdog_stopped_runs_on_at_full_speed():
    # Clearing an undelivered Expired left CPython 3.10-3.11 checking for one between every
    # bytecode: the next document under a profiler (tests/work.py) never ended.
    done = subprocess.run([sys.executable, "-c", AFTER_THE_WATCHDOG], capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.split("\n")[:2] == ["contained LOOP03", "then cleaned 1"], done.stderr


SCRIPT = textwrap.dedent("""
    import sys, dechaff
    sys.path.insert(0, "tests")
    from rulekit import registered, rule
    def spin(self, doc):
        print("spinning", flush=True)
        while True:
            pass
        yield
    with registered(rule("LOOP02", spin)):
        try:
            dechaff.clean("The council met on Monday.", time_limit=None)
        except dechaff.RuleError as exc:
            print("contained", exc)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_a_real_ctrl_c_still_stops_the_run():
    child = subprocess.Popen([sys.executable, "-c", SCRIPT], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "spinning"
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=30)
    assert child.returncode != 0 and "KeyboardInterrupt" in err and "contained" not in out
