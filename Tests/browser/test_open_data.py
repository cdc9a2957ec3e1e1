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


def test_one_bulk_csv_lists_every_commune_by_insee_code(site_dir, package):
    with open(site_dir / "donnees" / "communes.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert len(rows) == 1534
    for r in rows:  # each row leads to a commune page (not to a redirect of an old URL)
        page = site_dir / "communes" / r["url"].split("/communes/")[1] / "index.html"
        assert page.exists() and 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")[:2000], r["url"]
    index = {e["code"]: e for e in json.loads((site_dir / "communes" / "index.json").read_text(encoding="utf-8"))["communes"]}
    assert [r["code_insee"] for r in rows] == sorted(index)
    for r in rows:
        e = index[r["code_insee"]]
        assert r["url"].endswith(e["url"]) and r["url"].startswith("http")
        assert (r["nom"], r["nom_affiche"], r["departement"], r["epci_nom"]) == (e["nom"], e["nom_affiche"], e["departement"], e["epci_nom"])
        assert int(r["population"]) == e["population"]
        assert r["plans"].split() == e["plans"] or sorted(r["plans"].split()) == sorted(e["plans"])
        assert len(r["epci_siren"]) == 9 and r["epci_siren"].isdigit(), r
        assert 0 <= int(r["aides_en_vigueur"]) <= len(e["aides"])
    bethune = next(r for r in rows if r["code_insee"] == "62119")
    assert (bethune["nom"], bethune["population"], bethune["zone_abc"]) == ("Béthune", "25224", "B1")
    # The package describes the file: its columns, types and units.
    fields = {f["name"]: f for f in next(r for r in package["resources"] if r["name"] == "communes")["schema"]["fields"]}
    assert list(fields) == list(rows[0].keys())
    assert fields["population"]["type"] == "integer" and fields["population"]["unit"] == "habitants"
    assert fields["aides_en_vigueur"]["type"] == "integer"
    assert fields["code_insee"]["constraints"]["unique"] is True


def test_tables_keyed_by_commune_carry_the_insee_code(site_dir, package):
    codes = {e["code"] for e in json.loads((site_dir / "communes" / "index.json").read_text(encoding="utf-8"))["communes"]}
    keyed = 0
    for r in package["resources"]:
        if r["name"] == "communes" or r["name"].startswith("indicateur-"):
            continue
        with open(site_dir / "donnees" / r["path"], encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter=";"))
        if "code_insee" not in rows[0]:
            continue
        keyed += 1
        assert r["schema"]["fields"][0]["name"] == "code_insee"
        filled = [row["code_insee"] for row in rows if row["code_insee"]]
        assert filled and set(filled) <= codes, r["name"]
        doc = json.loads((site_dir / "donnees" / r["path"].replace(".csv", ".json")).read_text(encoding="utf-8"))
        assert [line["code_insee"] or "" for line in doc["lignes"]] == [row["code_insee"] for row in rows]
    assert keyed >= 2
    with open(site_dir / "donnees" / "cabbalr-production.csv", encoding="utf-8", newline="") as f:
        assert any(row["code_insee"] == "62119" for row in csv.DictReader(f, delimiter=";"))


def test_each_commune_file_states_licence_and_readable_sources(site_dir):
    paths = sorted((site_dir / "communes").glob("*/donnees.json"))
    assert len(paths) >= 1534
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert doc["licence"]["path"] == LICENCE, path
        assert "schema" not in doc or doc["schema"].startswith("http") and " " not in doc["schema"], path
        assert isinstance(doc["commune"]["population"], int), path
        for table in doc["tableaux"]:
            assert "fichier " in table["source"] and "« " in table["source"], (path, table["source"])
            for cell in table["cellules"].values():
                assert cell["valeur"] is None or isinstance(cell["valeur"], (int, float))
        for ind in doc["indicateurs"]:
            assert ind["valeur"] is None or isinstance(ind["valeur"], (int, float)), (path, ind)
    lens = json.loads((site_dir / "communes" / "lens-62498" / "donnees.json").read_text(encoding="utf-8"))
    source = lens["commune"]["source"]
    assert "002 L" not in source and "« " in source and "lignes 89, 154" in source, source
