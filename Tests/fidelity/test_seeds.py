"""Fidelity: Content/ is compared with the seed documents themselves, published in Content/documents/."""
import csv
import pathlib
import re

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONTENT = ROOT / "Content"
DOCUMENTS = CONTENT / "documents"


def seed(prefix):
    """The text of the seed whose file name starts with `prefix` (`000`), found by its metadata."""
    for meta in sorted(DOCUMENTS.glob("*.yaml")):
        if yaml.safe_load(meta.read_text(encoding="utf-8"))["fichier"].startswith(prefix + "_"):
            return meta.with_suffix(".txt").read_text(encoding="utf-8")
    raise AssertionError(f"no document in Content/documents/ for seed {prefix}")


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def normalise(s):
    s = re.sub(r"<[^>]+>", "", s)
    s = s.replace("\u2019", "'").replace("\u00a0", " ").replace("*", "")
    return re.sub(r"\s+", " ", s).strip().lower()


def test_every_seed_is_published_with_its_title():
    metas = {yaml.safe_load(m.read_text(encoding="utf-8"))["fichier"]: m for m in DOCUMENTS.glob("*.yaml")}
    assert sorted(f[:3] for f in metas) == ["000", "001", "002", "003", "004"]
    for fichier, meta in metas.items():
        data = yaml.safe_load(meta.read_text(encoding="utf-8"))
        assert data["titre"] and data["titre"] != fichier
        assert meta.with_suffix(".txt").exists(), meta


@pytest.mark.parametrize("plan,expected", [
    ("cabbalr-plh-2019-2025", 13),
    ("call-plh-2023-2028", 17),
    ("cua-plh-2014-2020", 60),
    ("nord-pdh", 13),
])
def test_fiche_counts(plan, expected):
    assert len(list((CONTENT / "plans" / plan / "actions").glob("*.md"))) == expected


def test_bilan_has_17_actions_and_their_sub_actions():
    numeros = [front_matter(p)["numero"] for p in (CONTENT / "plans/call-bilan-plh-2015-2020/actions").glob("*.md")]
    assert len([n for n in numeros if n.count("-") == 1]) == 17
    text = normalise(seed("001"))
    for n in numeros:
        assert n in text, n


@pytest.mark.parametrize("plan,prefix", [
    ("cabbalr-plh-2019-2025", "000"), ("call-bilan-plh-2015-2020", "001"), ("call-plh-2023-2028", "002"),
    ("cua-plh-2014-2020", "003"), ("nord-pdh", "004"),
])
def test_every_fiche_title_is_in_its_seed(plan, prefix):
    text = normalise(seed(prefix))
    missing = []
    for path in sorted((CONTENT / "plans" / plan / "actions").glob("*.md")):
        title = normalise(front_matter(path)["titre"])
        if title not in text:
            missing.append(f"{path.name}: {title}")
    assert missing == []


def seed_table(lines, first, last, columns):
    """TAB rows of a seed table, without page-break header repeats and continuation lines."""
    rows = []
    for line in lines[first - 1:last]:
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in line.rstrip("\n").split("\t")]
        if len(cells) < columns - 1 or cells[0] in ("Communes", "") or line.startswith("#"):
            continue
        rows.append((cells + [""] * columns)[:columns])
    return rows


@pytest.mark.parametrize("table,first,last", [("cabbalr-production", 219, 347), ("cabbalr-programme-lls", 612, 763)])
def test_every_cell_of_the_cabbalr_tables_matches_the_seed(table, first, last):
    lines = seed("000").splitlines()
    with open(CONTENT / "tables" / f"{table}.csv", encoding="utf-8") as f:
        content = [row[1:] for row in csv.reader(f, delimiter=";")][1:]
    expected = seed_table(lines, first, last, len(content[0]))
    assert len(content) == len(expected)
    assert len([r for r in content if r]) >= 109
    for got, want in zip(content, expected):
        assert got == want
