import Foundation
import HabitatContent
import HabitatCore
import Testing


enum FuzzSeeds {
    /// Every operator, function and kind of literal of the rule language in one rule.
    static let rule = """
        si proprietaire et non (commune dans ['lens', 'liévin', "béthune"]) ou revenu >= 1_000.5 alors \
        min(travaux, 50_000) * 20 % + arrondi(revenu / 3) - bareme('anah', 'tres_modeste', personnes) \
        sinon max(-travaux, 0.25, (personnes - 1) * 2) + (si statut != 'locataire' alors 1 sinon 0)
        """

    /// A template of the default theme (sections, inverted sections, partial inheritance, blocks).
    static let template: String = (try? String(contentsOfFile: TestSite.repo + "/Themes/default/templates/page.mustache", encoding: .utf8)) ?? "{{titre}}"

    static let fiche = """
        ---
        numero: "1"
        titre: "Aider les communes SRU"
        titre_variantes: ["Aider les communes « SRU »"]
        orientation: "1"
        nature: 'Aide à la production : "logements sociaux"'
        objectifs:
          - "Produire 1 070 logements par an"
          - Rattraper le retard SRU
        perimetre:
          type: critere
          critere: {table: sru, colonne: sru, valeur: "oui"}
          texte: "Communes SRU"
        calendrier:
          - {quand: "2019", quoi: "Lancement"}
        budget:
          - libelle: "Prime"
            montant: 5000
            unite: par-logement
            plafond: 40000
            plafond_unite: par-an
            taux: 20,5
            base: HT
            texte: "5 000 € par logement"
        liens: ["2"]
        aides: [prime]
        bilan:
          statut: en-cours
          resultats: ["12 logements"]
        ecarts:
          - sujet: "Objectif"
            valeurs:
              - {valeur: "1 070", source: "L45"}
              - valeur: "1068"
        source: {fichier: "test.txt", lignes: "5-9"}
        ---
        ## Ce que fait cette action

        Une **action** avec une [lien](/plans/) et une liste :

        - un
        - deux

        | a | b |
        |---|---|
        | 1 | 2 |

        Source : test.txt, lignes 5-9.

        """

    static let plan = """
        ---
        titre: "PLH Test"
        type: plh
        territoire: epci
        periode: "2020-2025"
        debut: 2020
        fin: 2025
        niveaux: {orientation: "Orientation", action: "Action"}
        orientations:
          - numero: "1"
            titre: "Produire"
            objectifs:
              - {numero: "1", titre: "Neuf"}
        chiffres_cles:
          - {libelle: "Logements", valeur: "1 070", source: "L45"}
        source: {fichier: "test.txt", lignes: "1-10"}
        ---
        Le plan de test.

        """

    static let csv = "commune;sru;logements;taux;note\r\n"
        + "Fouquières-lès-Béthune;oui;11 624;3,4%;\"texte ; avec \"\"guillemets\"\"\"\r\n"
        + "L’Haÿ-les-Roses;;2,0;12 %;\r\n"
        + "\"Ville-Sûre\";non;12;;\"sur\r\ndeux lignes\"\r\n"
        + "Total;;11 638;;\r\n"

    static let indicator = """
        {
          "titre": "Logements produits",
          "description": "Texte avec \\"guillemets\\" et \\u00e9 et \\n",
          "unite": "logements",
          "plans": [{"plan": "plh", "fiches": ["1", "2"]}],
          "source": {"fichier": "test.txt", "lignes": "8"},
          "frequence": "annuelle",
          "niveau": "epci",
          "affichage": "barres",
          "valeurs": [
            {"territoire": "epci", "periode": "2020", "valeur": 12.5, "cible": -3e2, "masque": false},
            {"territoire": "ville-sure", "periode": "2020-2022", "cible": 3, "statut": "en cours", "note": null}
          ]
        }

        """

    static let territory = """
        nom: "Communauté d'Agglomération Test"
        sigle: AT
        type: epci
        parent: dep
        code: "62"
        description: >
          Une description
          sur deux lignes.
        secteurs:
          - id: nord
            nom: "Secteur Nord"
            type: 'Secteur PLH'
            source: {fichier: "t.txt", lignes: "1"}
          - {id: sud, nom: Secteur Sud}
        source:
          fichier: "test.txt"
          lignes: "1-3"   # commentaire

        """

    static let schema = """
        titre: "Communes SRU"
        cle: commune
        colonnes:
          - {id: commune, libelle: "Commune", type: texte}
          - {id: sru, libelle: "SRU", type: oui-non}
          - id: logements
            libelle: "Logements"
            type: entier
            unite: "logements"
            texte_libre: oui
        totaux:
          - {ligne: "Total", colonne: logements, imprime: "11 638", recalcule: "11 638"}
        source: {fichier: "test.txt", lignes: "1-3"}

        """
}
