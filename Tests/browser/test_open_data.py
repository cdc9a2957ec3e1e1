"""Open data a reuser can trust: the licence, numbers as numbers, and a Frictionless Data Package
that the `frictionless` validator (PyPI) accepts."""
import csv
import json

import frictionless
import pytest

LICENCE = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


@pytest.fixture(scope="module")
def package(site_dir):
    path = site_dir / "donnees" / "datapackage.json"
    assert path.exists(), "no /donnees/datapackage.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_data_page_states_the_licence_and_links_the_package(site_dir):
    html = (site_dir / "donnees" / "index.html").read_text(encoding="utf-8")
    assert "Licence Ouverte / Open Licence version 2.0" in html
    assert f'href="{LICENCE}"' in html
    assert 'href="/donnees/datapackage.json"' in html and 'href="/donnees/communes.csv"' in html


def test_the_package_validates_with_frictionless(site_dir, package):
    report = frictionless.validate(str(site_dir / "donnees" / "datapackage.json"))
    problems = [(t.name, [e.message for e in t.errors][:3]) for t in report.tasks if not t.valid]
    assert report.valid, (problems, [e.message for e in report.errors][:3])
    # One resource per CSV of /donnees/, each with its Table Schema, source and licence.
    on_disk = {p.relative_to(site_dir / "donnees").as_posix() for p in (site_dir / "donnees").rglob("*.csv")}
    assert {r["path"] for r in package["resources"]} == on_disk
    assert len(report.tasks) == len(on_disk)
    for r in package["resources"]:
        assert r["schema"]["fields"], r["name"]
        assert r["licenses"][0]["path"] == LICENCE, r["name"]
        if r["name"] != "communes":
            assert "fichier " in r["sources"][0]["title"], r["name"]
    assert package["licenses"][0]["name"] == "etalab-2.0"


def test_numbers_are_numbers_with_units_in_the_schema(site_dir, package):
    checked = 0
    for r in package["resources"]:
        numeric = [f["name"] for f in r["schema"]["fields"] if f["type"] in ("number", "integer")]
        with open(site_dir / "donnees" / r["path"], encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter=";"):
                for name in numeric:
                    cell = row[name]
                    if cell:
                        float(cell)  # "3,4%" or "1 070" would raise
                        checked += 1
        for field in r["schema"]["fields"]:
            if field["type"] == "number" and "%" in field["title"]:
                assert field.get("unit") == "%", (r["name"], field)
    assert checked > 1000


def test_every_json_file_carries_the_licence_and_a_real_schema_url(site_dir):
    files = list((site_dir / "donnees").rglob("*.json"))
    files = [f for f in files if f.name != "datapackage.json"]
    assert files
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["licence"]["path"] == LICENCE, path
        assert doc["schema"].endswith("/donnees/datapackage.json") and doc["schema"].startswith("http"), path
        assert "fichier " in doc["source"], path


def test_one_bulk_csv_lists_every_commune(site_dir):
    with open(site_dir / "donnees" / "communes.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    pages = {p.parent.name for p in (site_dir / "communes").glob("*/index.html") if p.parent.name != "vignette"}
    assert {r["commune"] for r in rows} == pages
    assert all(r["nom"] and r["epci"] for r in rows)
