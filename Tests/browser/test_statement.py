"""The accessibility statement states what this run's checks support (runs after the others).

test_pages.py and test_simulators.py record what axe-core, the Nu HTML Checker and the
keyboard journeys found (conftest.AUDIT). Here: that record is written to
test-artifacts/audit-accessibilite.json; the committed Content/audit-accessibilite.json must
say the same; and the built /accessibilite/ page must state the status those results give.
"""
import datetime
import json
import pathlib
import re

import pytest

from conftest import ARTIFACTS, AUDIT
from test_pages import PAGE_TYPES

ROOT = pathlib.Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "Content" / "audit-accessibilite.json"
JOURNEYS = ["lien d'évitement", "menu principal", "formulaire d'un simulateur"]


def recorded_audit():
    if set(AUDIT["types_de_page"]) != set(PAGE_TYPES) or AUDIT["nu"] is None or set(AUDIT["parcours_clavier"]) != set(JOURNEYS):
        pytest.skip("the axe-core, Nu and keyboard tests did not all run in this session")
    return {
        "date": datetime.date.today().isoformat(),
        "outils": [AUDIT["outils"][k] for k in ("axe", "navigateur", "nu")],
        "types_de_page": [{"type": k, "url": v["url"], "violations": v["violations"]} for k, v in sorted(AUDIT["types_de_page"].items())],
        "pages_validees": AUDIT["nu"]["pages"],
        "erreurs_html": AUDIT["nu"]["erreurs"],
        "parcours_clavier": [{"parcours": j, "reussi": AUDIT["parcours_clavier"][j]} for j in JOURNEYS],
    }


def expected_status(audit, build_date=None):
    """RGAA's rule as Habitat applies it (Sources/HabitatSite/Conformance.swift)."""
    if build_date is not None:
        age = (build_date - datetime.date.fromisoformat(audit["date"])).days
        if age < 0 or age > 365:
            return "non conforme"
    clean = (sum(t["violations"] for t in audit["types_de_page"]) == 0 and audit["types_de_page"]
             and audit["erreurs_html"] == 0 and audit["pages_validees"] > 0
             and all(p["reussi"] for p in audit["parcours_clavier"]))
    manual = audit.get("audit_manuel")
    if not manual:
        return "partiellement conforme" if clean else "non conforme"
    rate = manual["criteres_respectes"] / manual["criteres_applicables"] * 100
    if not clean or rate < 50:
        return "non conforme"
    return "totalement conforme" if rate >= 100 else "partiellement conforme"


def test_committed_audit_matches_this_run_and_the_statement_says_so(site_dir):
    fresh = recorded_audit()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "audit-accessibilite.json").write_text(json.dumps(fresh, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    hint = f"copy test-artifacts/audit-accessibilite.json to {COMMITTED.relative_to(ROOT)} to publish this run's results"
    assert COMMITTED.exists(), hint
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    for key in ("types_de_page", "erreurs_html", "parcours_clavier"):
        assert committed[key] == fresh[key], f"{key} differs from this run: {hint}"
    assert committed["pages_validees"] > 0 and abs(committed["pages_validees"] - fresh["pages_validees"]) <= fresh["pages_validees"] // 10, hint

    page = (site_dir / "accessibilite" / "index.html").read_text(encoding="utf-8")
    stated = re.search(r"Le portail est <strong>([^<]+)</strong>", page)
    assert stated, "the statement does not state a conformance status"
    built = datetime.date.fromisoformat(re.search(r'<time datetime="([0-9-]+)">', page).group(1))
    assert stated.group(1) == expected_status(committed, built)
    assert expected_status(fresh) == "partiellement conforme", "this run's checks found problems"
    # The statement describes what was checked, with the numbers of the committed audit.
    assert f"{len(committed['types_de_page'])}\u00a0types de page" in page
    assert "calculé à chaque publication" in page
    assert page.count("Le portail est <strong>") == 1, "a second, hand-written status remains in the page text"
