#!/usr/bin/env python3
"""Benchmark 1 input: N Markdown pages, written twice with the same bodies.

    generate.py OUT_DIR [N]

writes
    OUT_DIR/hugo/     a Hugo site (config.toml, layouts/ copied from hugo-site/, content/pNNNNN.md)
    OUT_DIR/habitat/  a Habitat content folder (site.yaml, pages/pNNNNN.md)

Each page has YAML front matter (title + description), headings, a paragraph with inline
markup and links, a bullet list, an ordered list and a GFM table; about 3 KB. Titles and
headings are plain ASCII so both tools give them the same text and the same heading ids.
Both sites publish each page at /pNNNNN/.
"""
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

WORDS = ("logement habitat commune parc social locatif accession rénovation énergie ménages "
         "quartier centre bourg vacance loyers programme objectif production réhabilitation "
         "bailleur propriétaires aide dispositif territoire étude diagnostic foncier offre "
         "demande jeunes seniors accueil mobilité densité équipements services").split()


def sentence(rng, n):
    w = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(w).capitalize() + "."


def body(i, n, rng):
    nxt = (i % n) + 1
    prv = ((i - 2) % n) + 1
    rows = "\n".join(
        f"| Secteur {k} | {rng.randint(10, 5000)} | {rng.randint(1, 99)} | {rng.choice(['oui', 'non'])} |"
        for k in range(1, 9))
    paras = "\n\n".join(" ".join(sentence(rng, rng.randint(8, 16)) for _ in range(4)) for _ in range(3))
    return f"""## Context of area {i}

{sentence(rng, 12)} La page **{i}** renvoie vers la [page suivante](/p{nxt:05d}/), la
[page précédente](/p{prv:05d}/) et un [document externe](https://example.org/docs/{i}.pdf).
Un mot en *italique* et du `code` en ligne.

- {sentence(rng, 6)}
- {sentence(rng, 7)}
- {sentence(rng, 5)} Voir [la page {nxt}](/p{nxt:05d}/).
- {sentence(rng, 8)}

### Figures by sector

| Secteur | Logements | Part | Prioritaire |
|---|---|---|---|
{rows}

### Steps

1. {sentence(rng, 9)}
2. {sentence(rng, 7)}
3. {sentence(rng, 10)}

{paras}

## Notes for page {i}

{sentence(rng, 14)} {sentence(rng, 11)}
"""


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    hugo = os.path.join(out, "hugo")
    hab = os.path.join(out, "habitat")
    for d in (hugo, hab):
        if os.path.exists(d):
            shutil.rmtree(d)
    shutil.copytree(os.path.join(HERE, "hugo-site"), hugo)
    os.makedirs(os.path.join(hugo, "content"))
    os.makedirs(os.path.join(hab, "pages"))
    with open(os.path.join(hab, "site.yaml"), "w") as f:
        f.write('titre: "Benchmark"\nurl: "https://bench.example.org"\ndate: 2026-01-15\n')
    rng = random.Random(42)
    for i in range(1, n + 1):
        title = f"Page {i} about housing in area {i % 97}"
        desc = f"Synthetic page number {i} for the build benchmark"
        text = body(i, n, rng)
        with open(os.path.join(hugo, "content", f"p{i:05d}.md"), "w") as f:
            f.write(f'---\ntitle: "{title}"\ndescription: "{desc}"\n---\n{text}')
        with open(os.path.join(hab, "pages", f"p{i:05d}.md"), "w") as f:
            f.write(f'---\ntitre: "{title}"\ndescription: "{desc}"\n---\n{text}')
    print(f"wrote {n} pages to {hugo}/content and {hab}/pages")


if __name__ == "__main__":
    main()
