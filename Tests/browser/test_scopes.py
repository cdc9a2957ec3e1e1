"""Scopes really evaluated on the shipped content: CABBALR action 9 ("Au sein des polarités et
communes SRU") lists exactly the communes marked SRU or « Pôle SCOT » in the seed's table, and
each of those commune pages lists the action; the others do not."""
import csv
import pathlib
import re
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[2]


def slug(name):
    s = unicodedata.normalize("NFD", name.lower().replace("œ", "oe"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def page_slugs():
    """The URL segment of each CABBALR commune, by the name the seed prints (communes/cabbalr.csv
    ties each printed name to its INSEE code; the page lives at /communes/<official-name>-<code>/)."""
    with open(ROOT / "Content" / "referentiel" / "communes.csv", encoding="utf-8") as f:
        official = {r["code_insee"]: r["nom"] for r in csv.DictReader(f, delimiter=";")}
    with open(ROOT / "Content" / "communes" / "cabbalr.csv", encoding="utf-8") as f:
        return {r["commune"]: slug(official[r["code_insee"]]) + "-" + r["code_insee"] for r in csv.DictReader(f, delimiter=";")}


def test_sru_and_pole_scot_scope(site_dir):
    with open(ROOT / "Content" / "tables" / "cabbalr-programme-lls.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter=";") if r["niveau"] == "commune"]
    pages = page_slugs()
    expected = {pages[r["commune"]] for r in rows if r["sru"] == "oui" or r["structuration"] == "Pôle SCOT"}
    assert len(expected) >= 10
    page = (site_dir / "plans" / "cabbalr-plh-2019-2025" / "actions" / "9" / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'href="/communes/([a-z0-9-]+)/"', page))
    assert listed == expected
    for r in rows:
        commune = (site_dir / "communes" / pages[r["commune"]] / "index.html").read_text(encoding="utf-8")
        assert ("/plans/cabbalr-plh-2019-2025/actions/9/" in commune) == (pages[r["commune"]] in expected), r["commune"]


def test_every_cabbalr_commune_shows_every_value_of_its_rows(site_dir):
    import html as h
    pages = page_slugs()
    for table in ("cabbalr-production", "cabbalr-programme-lls"):
        with open(ROOT / "Content" / "tables" / f"{table}.csv", encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f, delimiter=";") if r["niveau"] == "commune"]
        assert len(rows) == 100
        for r in rows:
            page = h.unescape((site_dir / "communes" / pages[r["commune"]] / "index.html").read_text(encoding="utf-8"))
            for key, value in r.items():
                if key in ("niveau", "commune") or not value:
                    continue
                assert f">{value}<" in page or f">{value} <" in page, (table, r["commune"], key, value)
