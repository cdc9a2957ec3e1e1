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

  function initialiser(form) {
    var donnees = document.getElementById(form.getAttribute("data-regles"));
    if (!donnees) return;
    var sims = JSON.parse(donnees.textContent);
    var questions = [];
    var vues = {};
    sims.forEach(function (s) {
      s.questions.forEach(function (q) { if (!vues[q.id]) { vues[q.id] = true; questions.push(q); } });
    });
    var sortie = document.getElementById(form.getAttribute("data-resultat"));
    var params = new URLSearchParams(location.search);
    questions.forEach(function (q) {
      if (q.type === "commune" && params.get(q.id)) {
        var sel = form.querySelector("select[name='" + q.id + "']");
        if (sel) sel.value = params.get(q.id);
      }
    });
    form.hidden = false;

    function collecter(afficherErreurs) {
      var reponses = {}, erreurs = [];
      questions.forEach(function (q) {
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
          if ("valeur" in r) reponses[q.id] = r.valeur;
        }
      });
      return { reponses: reponses, erreurs: erreurs };
    }

    // Affiche une question si l'une des aides encore indécises la pose et que sa condition n'est pas fausse.
    function mettreAJourQuestions(reponses) {
      var visibles = {};
      sims.forEach(function (s) {
        var r = executer(s, reponses);
        var indecise = estInconnu(r.eligible) || (s.montant && estInconnu(r.montant));
        s.questions.forEach(function (q) {
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

    function afficher(reponses) {
      while (sortie.firstChild) sortie.removeChild(sortie.firstChild);
      sims.forEach(function (s) {
        var r = executer(s, reponses);
        var bloc = document.createElement("div");
        bloc.className = "resultat-aide";
        bloc.setAttribute("data-aide", s.aide);
        bloc.setAttribute("data-eligible", estInconnu(r.eligible) ? "inconnu" : String(r.eligible));
        if (!estInconnu(r.montant)) bloc.setAttribute("data-montant", String(r.montant));
        if (!estInconnu(r.categorie)) bloc.setAttribute("data-categorie", r.categorie);
        if (sims.length > 1) {
          var h = document.createElement("h3");
          var a = document.createElement("a");
          a.href = s.url;
          a.textContent = s.titre;
          h.appendChild(a);
          bloc.appendChild(h);
        }
        var verdict;
        if (estInconnu(r.eligible)) verdict = "Répondez aux questions pour obtenir le résultat.";
        else if (r.eligible) verdict = "Vous semblez pouvoir en bénéficier.";
        else verdict = "Vous ne semblez pas pouvoir en bénéficier.";
        texte(bloc, "p", verdict, "verdict");
        if (!estInconnu(r.categorie)) texte(bloc, "p", "Catégorie : " + r.categorie + ".");
        if (!estInconnu(r.montant) && r.eligible === true) texte(bloc, "p", "Montant estimé : " + formatEuros(r.montant) + ".", "montant");
        if (r.pourquoi.length) {
          var ul = document.createElement("ul");
          r.pourquoi.forEach(function (p) { texte(ul, "li", p); });
          bloc.appendChild(ul);
        }
        sortie.appendChild(bloc);
      });
    }

    form.addEventListener("input", function () { var c = collecter(false); mettreAJourQuestions(c.reponses); });
    form.addEventListener("change", function () { var c = collecter(false); mettreAJourQuestions(c.reponses); });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var c = collecter(true);
      mettreAJourQuestions(c.reponses);
      if (c.erreurs.length) {
        while (sortie.firstChild) sortie.removeChild(sortie.firstChild);
        texte(sortie, "p", (c.erreurs.length === 1 ? "Une réponse est à corriger : " : c.erreurs.length + " réponses sont à corriger. ") + c.erreurs[0].texte, "alerte-erreur");
        var premier = form.querySelector("[aria-invalid='true']");
        if (premier) premier.focus();
        return;
      }
      afficher(c.reponses);
    });
    mettreAJourQuestions(collecter(false).reponses);
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
