// Habitat — évaluateur générique des simulateurs d'aides. Les règles sont compilées par le
// générateur (Swift) en JSON dans la page ; ce script les évalue comme le fait le générateur
// (logique à trois valeurs : une réponse manquante rend un résultat « inconnu »).
// Il n'écrit jamais de HTML : uniquement createElement, textContent et hidden.
(function () {
  "use strict";
  var INCONNU = { inconnu: true };
  // La sémantique des nombres est celle du générateur (RuleNumber en Swift) : des doubles IEEE 754,
  // une valeur calculée non finie ou au-delà de ±LIMITE est inconnue, et zéro est toujours +0.
  var LIMITE = 1e15;

  function nombre(v) {
    if (typeof v !== "number" || !isFinite(v) || Math.abs(v) > LIMITE) return INCONNU;
    return v === 0 ? 0 : v;
  }

  function estInconnu(v) { return v === INCONNU || v === undefined; }
  function egal(a, b) {
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every(function (x, i) { return egal(x, b[i]); });
    return a === b;
  }

  function bareme(baremes, id, colonne, personnes) {
    var t = baremes[id];
    if (!t || typeof personnes !== "number" || personnes < 1 || Math.floor(personnes) !== personnes || personnes > LIMITE) return INCONNU;
    var lignes = t.lignes;
    if (!lignes.length) return INCONNU;
    if (personnes <= lignes.length) return nombre(lignes[personnes - 1][colonne]);
    var dernier = lignes[lignes.length - 1][colonne];
    if (typeof dernier !== "number") return INCONNU;
    if (!t.increment || typeof t.increment[colonne] !== "number") return nombre(dernier);
    return nombre(dernier + (personnes - lignes.length) * t.increment[colonne]);
  }

  function evaluer(e, env, baremes) {
    if ("n" in e) return nombre(e.n);
    if ("s" in e) return e.s;
    if ("bool" in e) return e.bool;
    if ("v" in e) return env.hasOwnProperty(e.v) ? env[e.v] : INCONNU;
    if ("l" in e) {
      var vs = e.l.map(function (x) { return evaluer(x, env, baremes); });
      return vs.some(estInconnu) ? INCONNU : vs;
    }
    if ("p" in e) { var p = evaluer(e.p, env, baremes); return typeof p === "number" ? nombre(p / 100) : INCONNU; }
    if ("u" in e) {
      var x = evaluer(e.x, env, baremes);
      if (e.u === "non" && typeof x === "boolean") return !x;
      if (e.u === "-" && typeof x === "number") return nombre(-x);
      return INCONNU;
    }
    if ("si" in e) {
      var c = evaluer(e.si, env, baremes);
      if (c === true) return evaluer(e.alors, env, baremes);
      if (c === false) return evaluer(e.sinon, env, baremes);
      var va = evaluer(e.alors, env, baremes), vb = evaluer(e.sinon, env, baremes);
      return egal(va, vb) ? va : INCONNU;
    }
    if ("o" in e) {
      var a = evaluer(e.a, env, baremes);
      if (e.o === "et" && a === false) return false;
      if (e.o === "ou" && a === true) return true;
      var b = evaluer(e.b, env, baremes);
      if (e.o === "et" && b === false) return false;
      if (e.o === "ou" && b === true) return true;
      if (e.o === "et" && a === true && b === true) return true;
      if (e.o === "ou" && a === false && b === false) return false;
      if (estInconnu(a) || estInconnu(b)) return INCONNU;
      switch (e.o) {
        case "+": return nombre(a + b);
        case "-": return nombre(a - b);
        case "*": return nombre(a * b);
        case "/": return b === 0 ? INCONNU : nombre(a / b);
        case "<": return a < b;
        case "<=": return a <= b;
        case ">": return a > b;
        case ">=": return a >= b;
        case "=": return egal(a, b);
        case "!=": return !egal(a, b);
        case "dans": return Array.isArray(b) && b.some(function (y) { return egal(a, y); });
      }
      return INCONNU;
    }
    if ("f" in e) {
      var args = e.a.map(function (x) { return evaluer(x, env, baremes); });
      if (args.some(estInconnu)) return INCONNU;
      switch (e.f) {
        case "min": return nombre(Math.min.apply(null, args));
        case "max": return nombre(Math.max.apply(null, args));
        case "arrondi": return nombre(arrondi(args[0]));
        case "bareme": return bareme(baremes, args[0], args[1], args[2]);
      }
    }
    return INCONNU;
  }

  // Même arrondi que Swift (.rounded() : au plus proche, les demis loin de zéro).
  function arrondi(x) { return x < 0 ? -Math.round(-x) : Math.round(x); }

  function executer(sim, reponses) {
    var env = {};
    sim.questions.forEach(function (q) { env[q.id] = reponses.hasOwnProperty(q.id) ? reponses[q.id] : INCONNU; });
    sim.regles.forEach(function (r) { env[r.id] = evaluer(r.valeur, env, sim.baremes); });
    return {
      eligible: evaluer(sim.eligible, env, sim.baremes),
      montant: sim.montant ? evaluer(sim.montant, env, sim.baremes) : INCONNU,
      categorie: sim.categorie ? evaluer(sim.categorie, env, sim.baremes) : INCONNU,
      pourquoi: sim.pourquoi.filter(function (p) { return evaluer(p.si, env, sim.baremes) === true; }).map(function (p) { return p.texte; }),
      env: env
    };
  }

  var euros = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
  function formatEuros(v) { return euros.format(v) + "\u00a0€"; }

  // Lit la réponse d'un champ ; renvoie {valeur} ou {erreur} ou {} si vide.
  function lireReponse(form, q) {
    if (q.type === "oui-non" || q.type === "choix") {
      var coche = form.querySelector("input[name='" + q.id + "']:checked");
      if (!coche) return {};
      if (q.type === "oui-non") return { valeur: coche.value === "oui" };
      return { valeur: coche.value };
    }
    if (q.type === "commune") {
      var sel = form.querySelector("select[name='" + q.id + "']");
      return sel && sel.value ? { valeur: sel.value } : {};
    }
    var champ = form.querySelector("input[name='" + q.id + "']");
    if (!champ) return {};
    var brut = champ.value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    if (brut === "") return {};
    var nom = "« " + q.libelle + " »";
    if (!/^-?\d+(\.\d+)?$/.test(brut)) return { erreur: nom + " : indiquez un nombre, en chiffres (par exemple 25000)." };
    var v = Number(brut);
    if (!isFinite(v) || Math.abs(v) > LIMITE) return { erreur: nom + " : indiquez un nombre plus petit (au plus " + euros.format(LIMITE) + " en valeur absolue)." };
    v = nombre(v);
    if (q.type === "entier" && Math.floor(v) !== v) return { erreur: nom + " : indiquez un nombre entier." };
    if (q.min !== null && v < q.min) return { erreur: nom + " : indiquez un nombre supérieur ou égal à " + euros.format(q.min) + "." };
    if (q.max !== null && v > q.max) return { erreur: nom + " : indiquez un nombre inférieur ou égal à " + euros.format(q.max) + "." };
    return { valeur: v };
  }

  function texte(el, tag, contenu, classe) {
    var n = document.createElement(tag);
    n.textContent = contenu;
    if (classe) n.className = classe;
    el.appendChild(n);
    return n;
  }

  function vider(el) { while (el.firstChild) el.removeChild(el.firstChild); }

  // Une réponse lue dans l'adresse de la page (partage, ou réponse déduite de la commune).
  function depuisTexte(q, brut) {
    if (brut === null || brut === "") return undefined;
    if (q.type === "oui-non") return brut === "oui" ? true : brut === "non" ? false : undefined;
    if (q.type === "choix" || q.type === "commune") {
      if (!q.options || !q.options.length) return brut;
      return q.options.some(function (o) { return o.valeur === brut; }) ? brut : undefined;
    }
    var v = Number(brut);
    if (!isFinite(v) || (q.min !== null && v < q.min) || (q.max !== null && v > q.max)) return undefined;
    if (q.type === "entier" && Math.floor(v) !== v) return undefined;
    return v;
  }
  function versTexte(v) { return v === true ? "oui" : v === false ? "non" : String(v); }

  // Ce que la commune donne aux réponses déduites (derivee_de: commune), comme en Swift
  // (CompiledSimulator.answers(from:)) : zone A bis et A → zone_a, B1, B2, C ; Île-de-France par le département.
  var IDF = ["75", "77", "78", "91", "92", "93", "94", "95"];
  function zoneReponse(z) {
    return { a: "zone_a", abis: "zone_a", b1: "zone_b1", b2: "zone_b2", c: "zone_c" }[String(z || "").toLowerCase().replace(/\s/g, "")];
  }
  function faitsCommune(c) {
    var f = { epci: c.epci, departement: c.departement, ile_de_france: IDF.indexOf(c.departement) >= 0 };
    if (zoneReponse(c.zone_abc)) f.zone = zoneReponse(c.zone_abc);
    return f;
  }

  var dateJour = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric" });

  function initialiser(form) {
    var donnees = document.getElementById(form.getAttribute("data-regles"));
    if (!donnees) return;
    var toutes = JSON.parse(donnees.textContent);
    var estHub = form.hasAttribute("data-hub");
    var questions = [];
    var vues = {};
    toutes.forEach(function (s) {
      s.questions.forEach(function (q) { if (!vues[q.id]) { vues[q.id] = true; questions.push(q); } });
    });
    var sortie = document.getElementById(form.getAttribute("data-resultat"));
    var partage = document.getElementById(form.id + "-partage");
    var impression = document.getElementById(form.id + "-impression");
    var params = new URLSearchParams(location.search);
    // Réponses déduites de la commune : jamais demandées ; données par la commune choisie (ou, à
    // défaut, par l'adresse de la page ou par défaut).
    var deduitesAdresse = {};
    questions.forEach(function (q) {
      if (!q.derivee) return;
      var v = depuisTexte(q, params.get(q.id));
      if (v !== undefined) deduitesAdresse[q.id] = v;
    });
    var deduites = deduitesAdresse;
    // La commune : choisie dans le chercheur (index des communes), ou dans la liste d'un simulateur local.
    var commune = null;
    var champCommune = form.querySelector(".champ-commune");
    var saisie = champCommune && champCommune.querySelector("input");
    var listeChoix = champCommune && champCommune.querySelector(".commune-choix");
    var etatCommune = champCommune && champCommune.querySelector(".commune-etat");
    var erreurCommune = champCommune && champCommune.querySelector(".erreur");
    var questionCommune = questions.filter(function (q) { return q.type === "commune"; })[0];
    var communes = window.HabitatCommunes || { cle: function (t) { return String(t).trim(); }, chercher: function () { return []; } };
    var avecIndex = !!window.HabitatCommunes;
    function chargerIndex() {
      if (!avecIndex || !window.fetch) return Promise.reject(new Error("index"));
      return communes.charger(champCommune ? champCommune.getAttribute("data-index") : "/communes/index.json");
    }
    function deduire() {
      deduites = {};
      Object.keys(deduitesAdresse).forEach(function (k) { deduites[k] = deduitesAdresse[k]; });
      if (!commune) return;
      var f = faitsCommune(commune);
      questions.forEach(function (q) {
        if (!q.derivee || !(q.id in f)) return;
        var v = depuisTexte(q, versTexte(f[q.id]));
        if (v !== undefined) deduites[q.id] = v; else delete deduites[q.id];
      });
    }
    // Rétablit les réponses d'un lien partagé.
    var restaurees = false;
    ["profil", "projet"].concat(questions.map(function (q) { return q.id; })).forEach(function (id) {
      var brut = params.get(id);
      if (brut === null) return;
      var radios = form.querySelectorAll("input[type=radio][name='" + id + "']");
      if (radios.length) {
        Array.prototype.forEach.call(radios, function (r) { if (r.value === brut) { r.checked = true; restaurees = true; } });
        return;
      }
      var champ = form.querySelector("input[name='" + id + "'], select[name='" + id + "']");
      if (champ) { champ.value = brut; restaurees = true; }
    });
    form.hidden = false;

    function choisir(c, silencieux) {
      commune = c;
      if (listeChoix) { vider(listeChoix); listeChoix.hidden = true; }
      if (saisie && c) saisie.value = c.nom_affiche;
      if (etatCommune) {
        etatCommune.textContent = c ? "Commune choisie : " + c.nom_affiche + " (" + c.code + "), " + c.nom_departement
          + (c.epci_nom ? ", " + c.epci_nom : "") + (c.zone_abc ? " ; zone " + c.zone_abc + " (PTZ)" : "") + "." : "";
      }
      if (erreurCommune && c) { erreurCommune.hidden = true; erreurCommune.textContent = ""; saisie.removeAttribute("aria-invalid"); }
      deduire();
      if (!silencieux) mettreAJourQuestions(collecter(false).reponses);
    }
    function proposer() {
      var q = saisie.value;
      if (commune && q !== commune.nom_affiche) choisir(null);
      vider(listeChoix);
      listeChoix.hidden = true;
      if (communes.cle(q) === "") { etatCommune.textContent = ""; return; }
      chargerIndex().then(function (toutesCommunes) {
        if (saisie.value !== q || commune) return;
        var r = communes.chercher(toutesCommunes, q);
        etatCommune.textContent = r.length === 0
          ? "Aucune commune du Nord ou du Pas-de-Calais ne correspond : vérifiez l'orthographe, ou essayez le code INSEE (5 caractères)."
          : (r.length === 1 ? "1 commune trouvée" : r.length + " communes trouvées") + (r.length > 10 ? " (les 10 premières)" : "") + " : choisissez la vôtre.";
        communes.proposer(listeChoix, r, function (c) { choisir(c); saisie.focus(); });
      }, function () { etatCommune.textContent = "La liste des communes n'a pas pu être chargée : rechargez la page."; });
    }
    // À l'envoi, un nom tapé sans choisir : une seule commune correspond (ou un seul nom exact) → elle est retenue.
    function communeTapee() {
      if (!saisie || commune || communes.cle(saisie.value) === "") return Promise.resolve();
      return chargerIndex().then(function (toutesCommunes) {
        var r = communes.chercher(toutesCommunes, saisie.value);
        var k = communes.cle(saisie.value);
        var exactes = r.filter(function (c) { return communes.cle(c.nom) === k || communes.cle(c.nom_affiche) === k || c.code === saisie.value.trim(); });
        if (r.length === 1) choisir(r[0], true); else if (exactes.length === 1) choisir(exactes[0], true);
      }, function () {});
    }
    if (saisie) {
      saisie.addEventListener("input", proposer);
      saisie.addEventListener("keydown", function (ev) {
        if (ev.key === "ArrowDown" && !listeChoix.hidden && listeChoix.querySelector("button")) { ev.preventDefault(); listeChoix.querySelector("button").focus(); }
      });
    }
    if (questionCommune) {
      var liste = form.querySelector("select[name='" + questionCommune.id + "']");
      if (liste) liste.addEventListener("change", function () {
        var code = liste.value;
        if (!code) { choisir(null); return; }
        chargerIndex().then(function (toutesCommunes) {
          var e = toutesCommunes.filter(function (x) { return x.c.code === code; })[0];
          if (liste.value === code) choisir(e ? e.c : null);
        }, function () {});
      });
    }

    function choixHub(nom) {
      var c = form.querySelector("input[name='" + nom + "']:checked");
      return c ? c.value : null;
    }
    // Les simulateurs qui concernent la situation choisie (dans « Quelles aides pour moi ? »).
    function simsActives() {
      if (!estHub) return toutes;
      var profil = choixHub("profil"), projet = choixHub("projet");
      if (!profil || !projet || !commune) return [];
      // Seulement les aides de la commune (nationales, du département, de l'intercommunalité…).
      var retenues = toutes.filter(function (s) {
        return s.profils.indexOf(profil) >= 0 && s.projets.indexOf(projet) >= 0 && (commune.aides || []).indexOf(s.aide) >= 0;
      });
      // Une catégorie seule (sans montant) n'est pas une aide : elle n'accompagne que des aides retenues.
      return retenues.some(function (s) { return s.montant; }) ? retenues : [];
    }

    function collecter(afficherErreurs) {
      var reponses = {}, erreurs = [];
      Object.keys(deduites).forEach(function (k) { reponses[k] = deduites[k]; });
      if (saisie) {
        var sansChoix = !commune && (estHub || communes.cle(saisie.value) !== "");
        var texteErreur = communes.cle(saisie.value) === "" ? "« Commune » : indiquez la commune du logement, puis choisissez-la dans la liste."
          : "« Commune » : choisissez votre commune dans la liste proposée (plusieurs communes, ou aucune, correspondent à « " + saisie.value + " »).";
        if (sansChoix) {
          erreurs.push({ q: { id: "commune" }, texte: texteErreur });
          if (afficherErreurs) { erreurCommune.textContent = texteErreur; erreurCommune.hidden = false; saisie.setAttribute("aria-invalid", "true"); }
        } else {
          erreurCommune.hidden = true;
          erreurCommune.textContent = "";
          saisie.removeAttribute("aria-invalid");
        }
      }
      questions.forEach(function (q) {
        if (q.derivee) return;
        var bloc = form.querySelector("[data-question='" + q.id + "']");
        var msg = bloc && bloc.querySelector(".erreur");
        var r = lireReponse(form, q);
        var champ = bloc && bloc.querySelector("input, select");
        if (r.erreur && bloc && !bloc.hidden) {
          erreurs.push({ q: q, texte: r.erreur });
          if (afficherErreurs && msg) { msg.textContent = r.erreur; msg.hidden = false; }
          if (afficherErreurs && champ) champ.setAttribute("aria-invalid", "true");
        } else {
          if (msg) { msg.textContent = ""; msg.hidden = true; }
          if (champ) champ.removeAttribute("aria-invalid");
          if ("valeur" in r && bloc && !bloc.hidden) reponses[q.id] = r.valeur;
        }
      });
      return { reponses: reponses, erreurs: erreurs };
    }

    function avecDefauts(s, reponses) {
      var r = {};
      Object.keys(reponses).forEach(function (k) { r[k] = reponses[k]; });
      s.questions.forEach(function (q) { if (!(q.id in r) && q.derivee && q.defaut !== null) r[q.id] = q.defaut; });
      return r;
    }

    // Affiche une question si l'une des aides encore indécises la pose et que sa condition n'est pas fausse.
    function mettreAJourQuestions(reponses) {
      var visibles = {};
      var sims = simsActives();
      sims.forEach(function (s) {
        var r = executer(s, avecDefauts(s, reponses));
        var indecise = estInconnu(r.eligible) || (s.montant && estInconnu(r.montant));
        s.questions.forEach(function (q) {
          if (q.derivee) return;
          var cond = q.si ? evaluer(q.si, r.env, s.baremes) : true;
          if (cond === false) return;
          if (indecise || reponses.hasOwnProperty(q.id) || sims.length === 1) visibles[q.id] = true;
        });
      });
      questions.forEach(function (q) {
        var bloc = form.querySelector("[data-question='" + q.id + "']");
        if (bloc) bloc.hidden = !visibles[q.id];
      });
    }

    function lien(parent, href, contenu) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = contenu;
      parent.appendChild(a);
      return a;
    }

    // Le résultat d'une aide ; quand une réponse déduite de la commune manque, un résultat par valeur possible.
    function blocAide(s, reponses) {
      var rep = avecDefauts(s, reponses);
      var r = executer(s, rep);
      var bloc = document.createElement("div");
      bloc.className = "resultat-aide" + (s.terminee ? " resultat-terminee" : "");
      bloc.setAttribute("data-aide", s.aide);
      bloc.setAttribute("data-eligible", estInconnu(r.eligible) ? "inconnu" : String(r.eligible));
      if (s.terminee) bloc.setAttribute("data-terminee", "true");
      if (!estInconnu(r.montant)) bloc.setAttribute("data-montant", String(r.montant));
      if (!estInconnu(r.categorie)) bloc.setAttribute("data-categorie", r.categorie);
      if (toutes.length > 1) {
        var h = document.createElement("h3");
        lien(h, s.url, s.titre);
        bloc.appendChild(h);
      }
      if (s.terminee) {
        texte(bloc, "p", "Cette aide est terminée : on ne peut plus en bénéficier. Le calcul ci-dessous rappelle seulement ce qu'elle prévoyait.", "verdict verdict-terminee");
      } else if (!estInconnu(r.categorie) && !s.montant) {
        texte(bloc, "p", "Votre catégorie : " + r.categorie + ".", "verdict");
      } else {
        var manque = s.questions.filter(function (q) { return q.derivee && !(q.id in rep) && q.options && q.options.length; });
        if (!estHub && commune && s.territoire !== "france" && (commune.aides || []).indexOf(s.aide) < 0) {
          texte(bloc, "p", "Cette aide ne s'applique pas à " + commune.nom_affiche + " (" + commune.code + ") : elle est réservée à son territoire.", "verdict");
          bloc.setAttribute("data-eligible", "hors-territoire");
          return { bloc: bloc, r: { eligible: false, montant: INCONNU, categorie: INCONNU, pourquoi: [] } };
        }
        if (estInconnu(r.eligible) && manque.length === 1) {
          var q = manque[0];
          texte(bloc, "p", "Le résultat dépend de « " + q.libelle + " », qui se déduit de la commune : indiquez-la en haut du formulaire. Selon le cas :", "verdict");
          var ul0 = document.createElement("ul");
          q.options.forEach(function (o) {
            var essai = {};
            Object.keys(rep).forEach(function (k) { essai[k] = rep[k]; });
            essai[q.id] = o.valeur;
            var ro = executer(s, essai);
            var t = o.libelle + " : ";
            if (estInconnu(ro.eligible)) t += "répondez aux questions.";
            else if (!ro.eligible) t += "pas d'aide.";
            else t += estInconnu(ro.montant) ? "vous semblez y avoir droit." : s.montant_libelle.toLowerCase() + " " + formatEuros(ro.montant) + ".";
            texte(ul0, "li", t);
          });
          bloc.appendChild(ul0);
        } else {
          var verdict;
          if (estInconnu(r.eligible)) verdict = "Répondez aux questions pour obtenir le résultat.";
          else if (r.eligible) verdict = "Vous semblez pouvoir en bénéficier.";
          else verdict = "Vous ne semblez pas pouvoir en bénéficier.";
          texte(bloc, "p", verdict, "verdict");
          if (!estInconnu(r.categorie)) texte(bloc, "p", "Votre catégorie de revenus (Anah) : " + r.categorie + ".");
        }
      }
      if (!estInconnu(r.montant) && r.eligible === true) texte(bloc, "p", (s.terminee ? "Montant prévu à l'époque" : s.montant_libelle) + " : " + formatEuros(r.montant) + ".", "montant");
      if (r.pourquoi.length) {
        var ul = document.createElement("ul");
        r.pourquoi.forEach(function (p) { texte(ul, "li", p); });
        bloc.appendChild(ul);
      }
      if (!s.terminee && s.suite.length && r.eligible !== false) {
        texte(bloc, "p", "Et ensuite :", "suite-titre");
        var us = document.createElement("ul");
        s.suite.forEach(function (n) {
          var li = document.createElement("li");
          li.appendChild(document.createTextNode(n.texte + (n.adresse ? " " + n.adresse + "." : "") + (n.lien ? " " : "")));
          if (n.lien) lien(li, n.lien, n.lien);
          us.appendChild(li);
        });
        bloc.appendChild(us);
      }
      s.bareme.forEach(function (b) { texte(bloc, "p", b, "bareme-note"); });
      return { bloc: bloc, r: r };
    }

    function afficher(reponses) {
      vider(sortie);
      var sims = simsActives();
      if (estHub && !sims.length) {
        texte(sortie, "p", !commune ? "Indiquez d'abord votre commune, puis qui vous êtes et quel est votre projet."
          : choixHub("profil") && choixHub("projet")
          ? "Aucune aide en vigueur décrite par le portail ne correspond à cette situation à " + commune.nom_affiche + "."
          : "Dites d'abord qui vous êtes et quel est votre projet.", "verdict");
        if (commune) adresses(sortie);
        return;
      }
      var ecartees = [];
      sims.forEach(function (s) {
        var b = blocAide(s, reponses);
        if (estHub && b.r.eligible === false && estInconnu(b.r.categorie)) { ecartees.push({ s: s, r: b.r }); return; }
        sortie.appendChild(b.bloc);
      });
      if (ecartees.length) {
        texte(sortie, "h3", "Examinées, mais pas pour vous d'après vos réponses");
        var ul = document.createElement("ul");
        ecartees.forEach(function (e) {
          var li = document.createElement("li");
          li.className = "resultat-ecartee";
          li.setAttribute("data-aide", e.s.aide);
          lien(li, e.s.url, e.s.titre);
          if (e.r.pourquoi.length) li.appendChild(document.createTextNode(" — " + e.r.pourquoi[0]));
          ul.appendChild(li);
        });
        sortie.appendChild(ul);
      }
      if (estHub) adresses(sortie);
      if (impression) {
        impression.textContent = "Résultat calculé le " + dateJour.format(new Date())
          + (commune ? " pour un logement à " + commune.nom_affiche + " (code INSEE " + commune.code + ")" : "")
          + " à partir de vos réponses ; adresse de ce résultat : " + location.href;
      }
      if (partage) partage.hidden = false;
    }

    // Où s'adresser, d'après la commune : l'ADIL du département, l'intercommunalité et ses aides.
    function adresses(parent) {
      texte(parent, "h3", "Où vous adresser à " + commune.nom_affiche);
      var ul = document.createElement("ul");
      ul.className = "adresses-commune";
      texte(ul, "li", "L'ADIL du " + commune.nom_departement + " (" + commune.departement + ") : conseil gratuit et neutre sur le logement (droits, financement, aides locales). Le réseau des ADIL est présenté par l'ANIL : https://www.anil.org/");
      if (commune.epci_nom) {
        var li = document.createElement("li");
        li.appendChild(document.createTextNode("Votre intercommunalité, " + commune.epci_nom + " : "));
        lien(li, commune.url, "la page de " + commune.nom_affiche + " sur ce portail");
        li.appendChild(document.createTextNode(" présente ses plans et les aides en vigueur."));
        ul.appendChild(li);
      }
      parent.appendChild(ul);
    }

    // Les réponses vont dans l'adresse de la page (rien n'est envoyé) : le lien redonne le même résultat.
    function memoriser(reponses) {
      var q = new URLSearchParams();
      if (estHub) {
        if (choixHub("profil")) q.set("profil", choixHub("profil"));
        if (choixHub("projet")) q.set("projet", choixHub("projet"));
      }
      if (saisie && commune) q.set("commune", commune.code);
      questions.forEach(function (x) {
        if (x.id in reponses && (!x.derivee || params.has(x.id))) q.set(x.id, versTexte(reponses[x.id]));
      });
      var adresse = location.pathname + "?" + q.toString() + "#" + sortie.id;
      try { history.replaceState(null, "", adresse); } catch (e) { /* fichier local : sans importance */ }
    }

    if (partage) {
      var bouton = partage.querySelector("button");
      var etat = partage.querySelector(".copie-etat");
      bouton.addEventListener("click", function () {
        var fait = function () { etat.textContent = "Lien copié : il redonne ce résultat."; };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(location.href).then(fait, function () { etat.textContent = "Copiez l'adresse de la page : " + location.href; });
        } else {
          etat.textContent = "Copiez l'adresse de la page : " + location.href;
        }
      });
    }

    function soumettre(focaliser) {
      var c = collecter(true);
      mettreAJourQuestions(c.reponses);
      c = collecter(true);
      if (c.erreurs.length) {
        vider(sortie);
        if (partage) partage.hidden = true;
        texte(sortie, "p", (c.erreurs.length === 1 ? "Une réponse est à corriger : " : c.erreurs.length + " réponses sont à corriger. ") + c.erreurs[0].texte, "alerte-erreur");
        var premier = form.querySelector("[aria-invalid='true']");
        if (premier && focaliser) premier.focus();
        return;
      }
      memoriser(c.reponses);
      afficher(c.reponses);
    }

    form.addEventListener("input", function () { var c = collecter(false); mettreAJourQuestions(c.reponses); });
    form.addEventListener("change", function () { var c = collecter(false); mettreAJourQuestions(c.reponses); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); communeTapee().then(function () { soumettre(true); }); });
    // Un lien partagé redonne la commune (par son code INSEE) avant le résultat.
    var codePartage = params.get("commune");
    var communeRestauree = Promise.resolve();
    if (codePartage && (saisie || questionCommune)) {
      communeRestauree = chargerIndex().then(function (toutesCommunes) {
        var e = toutesCommunes.filter(function (x) { return x.c.code === codePartage; })[0];
        if (e) { choisir(e.c, true); restaurees = true; }
      }, function () {});
    }
    communeRestauree.then(function () {
      mettreAJourQuestions(collecter(false).reponses);
      if (restaurees) soumettre(false);
    });
  }

  if (typeof document !== "undefined") {
    document.addEventListener("DOMContentLoaded", function () {
      Array.prototype.forEach.call(document.querySelectorAll("form.simulateur"), initialiser);
    });
  }
  // Sous Node.js (test différentiel avec l'évaluateur Swift) : l'évaluateur seul, rien d'autre.
  if (typeof module === "object" && module && module.exports) {
    module.exports = { evaluer: evaluer, executer: executer, nombre: nombre, INCONNU: INCONNU, LIMITE: LIMITE };
  }
})();
