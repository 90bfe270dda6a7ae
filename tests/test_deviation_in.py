"""Whether a section holds a deviation is asked of the index, not by reading every deviation of it
(at 1,000 reports that read took a listing question from 80 to 400 ms). On reports written for these
tests."""

from __future__ import annotations

REPORT = """\
Delårsrapport 2026 Tekniska nämnden

1 Inledning

Nämnden ansvarar för gator, parker och fastigheter.

2 Ekonomi

2.1 Driftredovisning

Vinterväghållningen väntas överskrida budget med 2,6 mnkr.

3 Personal

Sjukfrånvaron var 5,1 procent.
"""


def test_a_section_holds_a_deviation_of_its_own_or_of_a_subsection(make_store):
    store = make_store({"tn-2026.txt": REPORT, "annan-2026.txt": REPORT.replace("Tekniska", "Kultur")})
    assert store.deviation_in(None, {"2.1"})
    assert store.deviation_in(None, {"2"})  # its subsection 2.1 holds one
    assert not store.deviation_in(None, {"3"})
    assert not store.deviation_in(None, {"1", "3"})
    first = min(d.id for d in store.documents())
    assert store.deviation_in([first], {"2"})
