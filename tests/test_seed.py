"""The issue's acceptance checks on the real seed scrape, stated directly."""

import dechaff

NOISE = ("Also read", "Also Read", "Related Topics", "Unlock a world of perks", "Log in now",
         "Download the", "[email protected]", "The mention sources can contact us",
         "to request, modification", "View photos", "More less", "Connect with us",
         "Published:", "Sources", "https://Google.com", "SOURCE:", "View source version",
         "ExBUlletin")


def test_seed_gives_two_records(seed_text):
    records = dechaff.clean(seed_text)
    assert [r.title for r in records] == [
        "China seeks to influence and interfere with upcoming US presidential elections, says Antony Blinken",
        "What Are The Main Benefits Of Comparing Car Insurance Quotes Online",
    ]
    assert [r.published for r in records] == ["2024-04-27", "2020-06-24"]
    assert any("livemint.com" in s for s in records[0].sources)
    assert not any("google.com" in s.lower() for s in records[0].sources)
    assert records[0].section == "Politics"


def test_seed_has_no_noise_and_keeps_every_paragraph(seed_text):
    records = dechaff.clean(seed_text)
    for record in records:
        for noise in NOISE:
            assert noise not in record.body and noise not in (record.title or ""), noise
    first = records[0].body
    for start in ("US Secretary of State", "In an interview with CNN", "Blinken said he reiterated",
                  "Following this, Xi promised", "“Any interference", "Blinken further noted",
                  "Beijing has consistently", "Despite its official position", "Blinken's visit",
                  "We are (now) focused", "(With contributions from ANI)"):
        assert start in first
    assert len(first.split("\n\n")) == 11
    second = records[1].body
    assert second.startswith("LOS ANGELES, CA / ACCESSWIRE / June 24, 2020")
    assert "Internet Marketing Company Person for contact" in second
    assert "Gurgu C Phone Number" in second
    assert "said Russell Rabichev" in second


def test_seed_explained(seed_text):
    records = dechaff.explain(seed_text)
    codes = {r.code for rec in records for r in rec.removals}
    assert {"RL01", "PR01", "FT01", "EM01", "UI01", "FD04", "RP05"} <= codes
    split = [r for r in records[1].removals if r.action == "split"]
    assert split and split[0].code == "FT01"
    for record in records:
        for r in record.removals:
            assert r.end - r.start == len(r.text) or r.action in ("repaired", "split")
