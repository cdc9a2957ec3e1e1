#!/usr/bin/env python3
"""Benchmark 2 input: a synthetic national Habitat Content/ folder.

    generate.py OUT_DIR [--scale 1.0] [--seed 7]

At scale 1.0 it writes, following docs/modele-de-contenu.md and the decoder in
Sources/HabitatContent/Schema exactly:

  referentiel/   the real reference: every commune of France (34 875, INSEE COG 2026) with its
                 code, name, département, EPCI (DGCL 2026), population and ABC zone, from
                 Benchmarks/national/data/communes-2026.csv
  territoires/   its 18 régions, 101 départements, 1 256 EPCIs (0-4 sectors each, by SIREN)
  communes/      one CSV per EPCI: each commune's name and INSEE code, sector, structuration
  plans/         one PLH per EPCI (<epci>-plh): 4 orientations, 12-18 fiches-actions
                 (≈ 18 750), scopes mixing tout / liste / secteurs / critere / texte,
                 budget lines, indicators, links between fiches, aids
  tables/        per EPCI `<epci>-objectifs` (one row per commune + a total row) and per
                 département `<dep>-parc` (one row per commune): 70 000 commune rows
  aides/         one aid per EPCI, one per département, 3 national ones
  indicateurs/   per EPCI an EPCI-level series (6 years, with targets) and a commune-level
                 one (a value per commune); per département a département-level series
  pages/, actualites/  a few free pages and news items
  site.yaml

--scale keeps the first EPCIs by SIREN, with all their communes, until they hold that share
of the communes, so --scale 0.5 is the half-size portal used to check that
memory grows linearly. Communes are real, with their real names and homonyms (1 440 names
shared by 3 670 communes): tables and scopes of a plan name communes as a document would
(the INSEE code when the name is shared inside the EPCI), département tables use codes.
"""
import argparse
import csv
import io
import json
import os
import random
import shutil

REGIONS = ["Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
           "Corse", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine",
           "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur", "Guadeloupe", "Martinique",
           "Guyane", "La Réunion", "Mayotte"]
# Départements per région (sums to 101), in the order of REGIONS.
DEPS_PER_REGION = [12, 8, 4, 6, 2, 10, 5, 8, 5, 12, 13, 5, 6, 1, 1, 1, 1, 1]

SYL = ["ba", "bel", "bou", "ca", "cham", "cour", "da", "don", "é", "fon", "gar", "gi", "la", "lan", "ma",
       "mon", "mou", "na", "neu", "pa", "pon", "ri", "roche", "sa", "sau", "ta", "ter", "va", "vil", "ver",
       "bre", "cha", "gué", "lé", "mé", "rou", "tré", "vé", "chê", "fré"]
ENDS = ["ville", "court", "mont", "val", "bourg", "ac", "ay", "y", "ière", "ières", "eux", "in", "ans", "es", "at"]
RIVERS = ["Loire", "Seine", "Marne", "Oise", "Lys", "Scarpe", "Deûle", "Aa", "Somme", "Cher", "Indre", "Vienne",
          "Garonne", "Dordogne", "Lot", "Tarn", "Aude", "Rhône", "Saône", "Doubs", "Meuse", "Moselle", "Sarthe",
          "Orne", "Vire", "Risle", "Eure", "Yonne", "Aube", "Allier"]
SECTORS = [("nord", "Nord"), ("sud", "Sud"), ("est", "Est"), ("ouest", "Ouest"), ("centre", "Centre")]
WORDS = ("logement habitat commune parc social locatif accession rénovation énergie ménages quartier "
         "centre bourg vacance loyers programme objectif production réhabilitation bailleur propriétaires "
         "aide dispositif territoire étude diagnostic foncier offre demande jeunes seniors accueil "
         "mobilité densité équipements services").split()
PUBLICS = ["proprietaire-occupant", "proprietaire-bailleur", "primo-accedant", "locataire",
           "bailleur-social", "commune", "jeune", "senior", "tous"]


def q(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def slug(text):
    folds = {"à": "a", "â": "a", "ä": "a", "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i",
             "ô": "o", "ö": "o", "ù": "u", "û": "u", "ü": "u", "ç": "c", "œ": "oe"}
    out, dash = "", False
    for ch in text.lower():
        piece = folds.get(ch)
        if piece is None:
            if ch.isascii() and ch.isalnum():
                piece = ch
            else:
                dash = bool(out)
                continue
        if dash:
            out += "-"
            dash = False
        out += piece
    return out


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def para(rng, k=3):
    return " ".join(sentence(rng, rng.randint(8, 15)) for _ in range(k))


REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "communes-2026.csv")
HEADER = ("code_insee;nom;departement;nom_departement;region;nom_region;epci_siren;epci_nom;"
          "epci_nature;population_municipale;zone_abc")


class Gen:
    def __init__(self, out, scale, seed):
        self.out = out
        self.rng = random.Random(seed)
        self.scale = scale
        self.files = 0
        with open(REFERENCE, encoding="utf-8") as f:
            self.reference = list(csv.DictReader(f, delimiter=";"))
        self.name = {r["code_insee"]: r["nom"] for r in self.reference}

    def write(self, rel, text):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        self.files += 1

    def src(self, indent="", lines=None):
        lines = lines or f"{self.rng.randint(1, 900)}-{self.rng.randint(901, 2000)}"
        return f'{indent}source:\n{indent}  fichier: "synthetique.txt"\n{indent}  lignes: "{lines}"\n'

    def cite(self, e, code):
        """How a plan's document names a commune: its name, or its code when the name is shared
        inside the EPCI (a name is resolved within the plan's perimeter)."""
        return code if code in e["shared"] else self.name[code]

    # ----------------------------------------------------------------- territories
    def territories(self):
        rng = self.rng
        by_epci = {}
        for r in self.reference:
            if r["epci_siren"]:
                by_epci.setdefault(r["epci_siren"], []).append(r)
        sirens = sorted(by_epci)
        # The first EPCIs by SIREN, until they hold that share of the communes.
        kept, held, target = set(), 0, self.scale * sum(len(v) for v in by_epci.values())
        for s in sirens:
            if kept and held >= target:
                break
            kept.add(s)
            held += len(by_epci[s])
        rows = [r for r in self.reference if r["epci_siren"] in kept or (not r["epci_siren"] and self.scale >= 1)]
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter=";", lineterminator="\n")
        writer.writerow(HEADER.split(";"))
        writer.writerows([r[k] for k in HEADER.split(";")] for r in rows)
        self.write("referentiel/communes.csv", buf.getvalue())
        # The sources every commune page cites (the repository's own, same files).
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Content", "referentiel", "sources.yaml"), encoding="utf-8") as f:
            self.write("referentiel/sources.yaml", f.read())
        self.deps = []  # (id, name, region id, code)
        regions = {}
        for r in rows:
            regions.setdefault((r["region"], r["nom_region"]), set()).add((r["departement"], r["nom_departement"]))
        dep_ids = {}
        for (rcode, rname), deps in sorted(regions.items()):
            rid = "region-" + slug(rname)
            self.write(f"territoires/{rid}.yaml",
                       f"nom: {q(rname)}\ntype: region\ncode: \"{rcode}\"\ndescription: {q(para(rng, 1))}\n")
            for dcode, dname in sorted(deps):
                did = "dep-" + dcode.lower()
                dep_ids[dcode] = did
                self.write(f"territoires/{did}.yaml",
                           f"nom: {q(dname)}\ntype: departement\nparent: {rid}\ncode: \"{dcode}\"\n"
                           f"description: {q(para(rng, 1))}\n")
                self.deps.append((did, dname, rid, dcode))
        self.epcis = []  # dicts
        for i, siren in enumerate(sorted(kept)):
            members = by_epci[siren]
            counts = {}
            for r in members:
                counts[r["departement"]] = counts.get(r["departement"], 0) + 1
            dep = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            names = {}
            for r in members:
                names.setdefault(r["nom"], []).append(r["code_insee"])
            shared = {c for codes in names.values() if len(codes) > 1 for c in codes}
            sectors = rng.sample(SECTORS, rng.choice([0, 0, 2, 3, 3, 4, 5]))
            self.epcis.append({"id": f"epci-{siren}", "siren": siren, "dep": dep_ids[dep], "name": members[0]["epci_nom"],
                               "sigle": f"E{i + 1:04d}", "sectors": sorted(sectors), "shared": shared,
                               "communes": [r["code_insee"] for r in members]})
        for e in self.epcis:
            lines = [f"nom: {q(e['name'])}", f"sigle: {q(e['sigle'])}", f"siren: \"{e['siren']}\"", "type: epci",
                     f"parent: {e['dep']}", f"description: {q(para(rng, 1))}"]
            if e["sectors"]:
                lines.append("secteurs:")
                for sid, sname in e["sectors"]:
                    lines += [f"  - id: {sid}", f"    nom: {q(sname)}", '    type: "Secteur PLH"',
                              "    source:", '      fichier: "synthetique.txt"', f'      lignes: "{rng.randint(1, 500)}"']
            self.write(f"territoires/{e['id']}.yaml", "\n".join(lines) + "\n" + self.src())

    # ----------------------------------------------------------------- communes + tables
    def communes_and_tables(self):
        rng = self.rng
        self.sru = {}  # commune -> oui/non
        for e in self.epcis:
            rows = ["commune;code_insee;secteur;structuration;profil;source"]
            e["commune_sector"] = {}
            for k, c in enumerate(e["communes"]):
                sec = rng.choice(e["sectors"])[1] if e["sectors"] else ""
                e["commune_sector"][c] = sec
                struct = "Pôle" if k < max(1, len(e["communes"]) // 10) else "Autres communes"
                rows.append(f"{self.name[c]};{c};{sec};{struct};;L{rng.randint(10, 999)}")
            self.write(f"communes/{e['id']}.csv", "\n".join(rows) + "\n")
            # Objectives table, keyed by commune, with a total row.
            tid = f"{e['id']}-objectifs"
            rows = ["niveau;commune;secteur;logements_an;part_sociale;sru;loyer_moyen"]
            total = 0
            for c in e["communes"]:
                n = rng.randint(1, 120)
                total += n
                sru = rng.choice(["oui", "non", "non"])
                self.sru[c] = sru
                rows.append(f"commune;{self.cite(e, c)};{e['commune_sector'][c]};{n};{rng.randint(0, 400) / 10:.1f}%".replace(".", ",")
                            + f";{sru};{rng.randint(50, 150) / 10:.1f}".replace(".", ","))
            rows.append(f"total;{e['sigle']};;{total};;;")
            self.write(f"tables/{tid}.csv", "\n".join(rows) + "\n")
            self.write(f"tables/{tid}.yaml", f"""titre: {q('Objectifs de production par commune — ' + e['sigle'])}
description: {q(para(rng, 1))}
plan: {e['id']}-plh
fiche: "1"
cle: commune
niveau: niveau
colonnes:
  - id: niveau
    libelle: "Niveau"
    type: texte
  - id: commune
    libelle: "Communes"
    type: texte
  - id: secteur
    libelle: "Secteur"
    type: texte
  - id: logements_an
    libelle: "Logements à produire par an"
    type: entier
    unite: "logements par an"
  - id: part_sociale
    libelle: "Part de logements sociaux"
    type: pourcentage
  - id: sru
    libelle: "Commune soumise à l'article 55 de la loi SRU"
    type: oui-non
  - id: loyer_moyen
    libelle: "Loyer moyen du parc privé"
    type: decimal
    unite: "€/m²"
totaux:
  - ligne: "{e['sigle']}"
    colonne: logements_an
    imprime: "{total}"
    recalcule: "{total}"
""" + self.src())
        # Per département: a housing-stock table keyed by commune.
        by_dep = {}
        for e in self.epcis:
            by_dep.setdefault(e["dep"], []).extend(e["communes"])
        for did, _, _, _ in self.deps:
            communes = by_dep.get(did, [])
            if not communes:
                continue
            rows = ["commune;logements;vacance;proprietaires;residences_secondaires"]
            for c in communes:
                rows.append(f"{c};{rng.randint(80, 60000)};{rng.randint(10, 180) / 10:.1f}%".replace(".", ",")
                            + f";{rng.randint(200, 900) / 10:.1f}%".replace(".", ",") + f";{rng.randint(0, 900)}")
            self.write(f"tables/{did}-parc.csv", "\n".join(rows) + "\n")
            self.write(f"tables/{did}-parc.yaml", f"""titre: "Parc de logements par commune"
description: {q(para(rng, 1))}
cle: commune
colonnes:
  - id: commune
    libelle: "Commune"
    type: texte
  - id: logements
    libelle: "Logements"
    type: entier
    unite: "logements"
  - id: vacance
    libelle: "Taux de vacance"
    type: pourcentage
  - id: proprietaires
    libelle: "Part de propriétaires occupants"
    type: pourcentage
  - id: residences_secondaires
    libelle: "Résidences secondaires"
    type: entier
""" + self.src())

    # ----------------------------------------------------------------- plans
    def plans(self):
        rng = self.rng
        self.n_fiches = 0
        for e in self.epcis:
            pid = f"{e['id']}-plh"
            e["plan"] = pid
            orients = [("1", "Produire une offre de logements adaptée aux besoins"),
                       ("2", "Améliorer le parc existant et lutter contre la vacance"),
                       ("3", "Répondre aux besoins des publics spécifiques"),
                       ("4", "Piloter et animer la politique de l'habitat")]
            ol = []
            for num, title in orients:
                ol += [f'  - numero: "{num}"', f"    titre: {q(title)}", f"    resume: {q(para(rng, 1))}",
                       "    enjeux:", f"      - {q(sentence(rng, 8))}", f"      - {q(sentence(rng, 9))}",
                       "    source:", '      fichier: "synthetique.txt"', f'      lignes: "{rng.randint(1, 300)}-{rng.randint(301, 600)}"']
            fm = f"""---
titre: {q('Programme Local de l’Habitat 2024-2029 — ' + e['name'])}
type: plh
territoire: {e['id']}
periode: "2024-2029"
debut: 2024
fin: 2029
statut: "Programme d'actions adopté"
date_document: "Mars 2024"
niveaux:
  orientation: "Orientation"
  action: "Action"
orientations:
{chr(10).join(ol)}
enjeux:
  - {q(sentence(rng, 10))}
  - {q(sentence(rng, 10))}
chiffres_cles:
  - libelle: "Logements à produire par an"
    valeur: "{rng.randint(50, 2000)}"
    source: "L{rng.randint(10, 99)}"
{self.src()}---
{para(rng)}

{para(rng)}

{para(rng, 2)} (source : lignes 10-60)
"""
            self.write(f"plans/{pid}/plan.md", fm)
            n = rng.randint(12, 18)
            e["n_fiches"] = n
            for k in range(1, n + 1):
                self.fiche(e, pid, k, n)
            self.n_fiches += n

    def fiche(self, e, pid, k, n):
        rng = self.rng
        orient = str(min(4, 1 + (k - 1) * 4 // n))
        r = rng.random()
        if k == 1 or r < 0.40:
            scope = "perimetre:\n  type: tout\n  texte: \"Ensemble du territoire.\"\n"
        elif r < 0.60:
            chosen = rng.sample(e["communes"], min(len(e["communes"]), rng.randint(2, 6)))
            scope = "perimetre:\n  type: liste\n  communes: [" + ", ".join(q(self.cite(e, c)) for c in chosen) + "]\n"
        elif r < 0.75 and e["sectors"]:
            chosen = rng.sample(e["sectors"], min(2, len(e["sectors"])))
            scope = "perimetre:\n  type: secteurs\n  secteurs: [" + ", ".join(s[0] for s in chosen) + "]\n"
        elif r < 0.90:
            scope = (f"perimetre:\n  type: critere\n  critere: {{table: {e['id']}-objectifs, colonne: sru, valeur: \"oui\"}}\n"
                     "  texte: \"Communes soumises à l'article 55 de la loi SRU.\"\n")
        else:
            scope = "perimetre:\n  type: texte\n  texte: \"Les quartiers anciens des centres-bourgs.\"\n"
        links = sorted({str(rng.randint(1, n)) for _ in range(rng.randint(0, 3))} - {str(k)}, key=int)
        budget = []
        for b in range(rng.randint(1, 3)):
            amount = rng.choice([1500, 3000, 5000, 8000, 10000, 25000, 120000])
            unit = rng.choice(["total", "par-an", "par-logement", "par-dossier"])
            budget.append(f"""  - libelle: {q('Ligne budgétaire ' + str(b + 1))}
    montant: {amount}
    unite: {unit}
    financeur: {q(e['sigle'])}
    texte: {q(f'{amount} € ({unit}) inscrits au programme d’actions')}
    source: "L{rng.randint(100, 999)}\"""")
        aides = f"aides: [{e['id']}-prime-accession]\n" if k == 3 else ""
        fm = f"""---
numero: "{k}"
titre: {q(f'Action {k} : ' + sentence(rng, 6)[:-1])}
orientation: "{orient}"
nature: {q(para(rng, 1))}
objectifs:
  - {q(sentence(rng, 10))}
  - {q(sentence(rng, 12))}
modalites:
  - {q(sentence(rng, 9))}
  - {q(sentence(rng, 11))}
  - {q(sentence(rng, 7))}
{scope}publics: ["Ménages modestes", "Bailleurs sociaux"]
pilotes: [{q(e['sigle'])}]
partenaires: ["Communes", "État", "Anah", "Action Logement"]
calendrier:
  - quand: "2024"
    quoi: {q(sentence(rng, 8))}
  - quand: "2025-2029"
    quoi: {q(sentence(rng, 8))}
budget:
{chr(10).join(budget)}
indicateurs:
  - {q('Nombre de logements ' + rng.choice(WORDS))}
  - {q('Part des ménages ' + rng.choice(WORDS))}
liens: [{', '.join(q(x) for x in links)}]
{aides}{self.src()}---
## Ce que fait cette action

{para(rng)}

## Pour qui

{para(rng, 2)}

- **{sentence(rng, 3)[:-1]}** : {sentence(rng, 8)}
- **{sentence(rng, 3)[:-1]}** : {sentence(rng, 8)}
- {sentence(rng, 10)}

## Concrètement

{para(rng)}

Source : synthetique.txt, lignes {rng.randint(100, 500)}-{rng.randint(501, 900)}.
"""
        self.write(f"plans/{pid}/actions/{k}.md", fm)

    # ----------------------------------------------------------------- aids
    def aid(self, aid_id, title, territory, financeur, plan=None, fiches=None):
        rng = self.rng
        extra = ""
        if plan:
            extra = f"plan: {plan}\nfiches: [{', '.join(q(f) for f in fiches)}]\n"
        self.write(f"aides/{aid_id}.md", f"""---
titre: {q(title)}
resume: {q(para(rng, 1))}
publics: [{', '.join(rng.sample(PUBLICS, 2))}]
territoire: {territory}
financeur: {q(financeur)}
{extra}statut: en-vigueur
periode: "2024-2029"
montant: "{rng.choice([1000, 2000, 5000, 8000])} € par logement"
montants:
  - libelle: "Prime"
    montant: {rng.choice([1000, 2000, 5000, 8000])}
    unite: par-logement
    financeur: {q(financeur)}
    texte: "Prime forfaitaire par logement."
conditions:
  - {q(sentence(rng, 10))}
  - {q(sentence(rng, 8))}
demarches:
  - {q(sentence(rng, 12))}
{self.src()}---
## Pour qui ?

{para(rng)}

## Combien ?

{para(rng, 2)}

## Comment faire ?

- {sentence(rng, 8)}
- {sentence(rng, 9)}
""")

    def aids(self):
        for e in self.epcis:
            self.aid(f"{e['id']}-prime-accession", f"Prime à l'accession — {e['sigle']}", e["id"], e["sigle"], e["plan"], ["3"])
        for did, dname, _, _ in self.deps:
            self.aid(f"{did}-fonds-solidarite", f"Fonds de solidarité logement — {dname}", did, dname)
        for k, t in enumerate(["Prêt à taux zéro", "MaPrimeRénov'", "Loc'Avantages"]):
            self.aid(f"national-{k + 1}", t, "france", "État")

    # ----------------------------------------------------------------- indicators
    def indicators(self):
        rng = self.rng
        for e in self.epcis:
            vals = [{"territoire": e["id"], "periode": str(y), "valeur": rng.randint(20, 900), "cible": 500}
                    for y in range(2019, 2025)]
            self.write(f"indicateurs/{e['id']}-production.json", json.dumps({
                "titre": "Logements commencés par an", "unite": "logements",
                "plans": [{"plan": e["plan"], "fiches": ["1"]}],
                "source": {"fichier": "synthetique.txt", "lignes": "120-130"},
                "frequence": "annuelle", "niveau": "epci", "affichage": "barres", "valeurs": vals,
            }, ensure_ascii=False, indent=1))
            vals = [{"territoire": c, "periode": "2024", "valeur": rng.randint(0, 400)} for c in e["communes"]]
            self.write(f"indicateurs/{e['id']}-logements-sociaux.json", json.dumps({
                "titre": "Logements sociaux par commune", "unite": "logements",
                "plans": [{"plan": e["plan"], "fiches": ["2"]}],
                "source": {"fichier": "synthetique.txt", "lignes": "200-240"},
                "frequence": "annuelle", "niveau": "commune", "valeurs": vals,
            }, ensure_ascii=False, indent=1))
        for did, _, _, _ in self.deps:
            vals = [{"territoire": did, "periode": str(y), "valeur": rng.randint(100, 9000)} for y in range(2022, 2025)]
            self.write(f"indicateurs/{did}-demandes.json", json.dumps({
                "titre": "Demandes de logement social en attente", "unite": "demandes", "plans": [],
                "source": {"fichier": "synthetique.txt", "lignes": "1-2"},
                "frequence": "annuelle", "niveau": "departement", "valeurs": vals,
            }, ensure_ascii=False, indent=1))

    def pages_and_news(self):
        rng = self.rng
        self.write("site.yaml", 'titre: "Habitat France (synthétique)"\nurl: "https://habitat.example.fr"\n'
                   'description: "Portail national de démonstration pour le banc d\'essai."\ndate: 2026-01-15\n')
        for name in ["a-propos", "mentions-legales", "accessibilite"]:
            self.write(f"pages/{name}.md", f"---\ntitre: {q(name.replace('-', ' ').capitalize())}\n---\n{para(rng)}\n\n{para(rng)}\n")
        for k in range(1, 21):
            self.write(f"actualites/2025-{k:02d}-actualite.md" if k <= 12 else f"actualites/2025-12-{k:02d}-actualite.md",
                       f"---\ntitre: {q('Actualité ' + str(k))}\ndate: 2025-{min(k, 12):02d}-{min(k, 28):02d}\n"
                       f"resume: {q(sentence(rng, 12))}\n---\n{para(rng)}\n")

    def run(self):
        self.pages_and_news()
        self.territories()
        self.communes_and_tables()
        self.plans()
        self.aids()
        self.indicators()
        n_c = sum(len(e["communes"]) for e in self.epcis)
        print(f"wrote {self.files} files to {self.out}: {len(self.deps)} départements, {len(self.epcis)} EPCIs, "
              f"{n_c} communes, {len(self.epcis)} plans, {self.n_fiches} fiches")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(a.out)
    Gen(a.out, a.scale, a.seed).run()


if __name__ == "__main__":
    main()
