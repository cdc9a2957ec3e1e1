// Habitat — améliorations progressives. Tout fonctionne sans ce script ; il ajoute la recherche
// des communes, le filtre des aides et des indicateurs, le menu repliable sur petit écran et les
// tableaux défilants. Il n'écrit jamais de HTML : seulement textContent et hidden.
(function () {
  "use strict";
  function pluriel(n, singulier, plurielForme) { return n + "\u00a0" + (n >= 2 ? plurielForme : singulier); }

  function filtreAides() {
    var form = document.querySelector(".filtres-aides");
    if (!form) return;
    form.hidden = false;
    var statutSel = document.getElementById("filtre-statut");
    var publicSel = document.getElementById("filtre-public");
    var terrSel = document.getElementById("filtre-territoire");
    var compte = document.getElementById("aides-compte");
    var groupes = Array.prototype.slice.call(document.querySelectorAll("#liste-aides .groupe-aides"));
    var params = new URLSearchParams(location.search);
    [statutSel, publicSel, terrSel].forEach(function (sel) {
      var v = params.get(sel.name);
      if (v !== null && Array.prototype.some.call(sel.options, function (o) { return o.value === v; })) sel.value = v;
    });
    // La commune : seules les aides qui s'y appliquent (nationales comprises, d'après /communes/index.json).
    var communeChamp = document.getElementById("filtre-commune");
    var communeListe = document.getElementById("filtre-commune-choix");
    var communeEtat = document.getElementById("filtre-commune-etat");
    var commune = null;
    function choisirCommune(c) {
      commune = c;
      while (communeListe.firstChild) communeListe.removeChild(communeListe.firstChild);
      communeListe.hidden = true;
      if (c) {
        communeChamp.value = c.nom_affiche;
        communeEtat.textContent = "Aides qui s'appliquent à " + c.nom_affiche + " (" + c.code + ", " + c.nom_departement + ").";
      }
      var q = new URLSearchParams(location.search);
      if (c) q.set("commune", c.code); else q.delete("commune");
      try { history.replaceState(null, "", location.pathname + (q.toString() ? "?" + q.toString() : "")); } catch (e) { /* fichier local */ }
      appliquer();
    }
    if (communeChamp && window.fetch) {
      var adresseIndex = communeChamp.getAttribute("data-index");
      communeChamp.addEventListener("input", function () {
        var q = communeChamp.value;
        if (commune && q !== commune.nom_affiche) choisirCommune(null);
        while (communeListe.firstChild) communeListe.removeChild(communeListe.firstChild);
        communeListe.hidden = true;
        if (cle(q) === "") { communeEtat.textContent = ""; return; }
        chargerCommunes(adresseIndex).then(function (toutes) {
          if (communeChamp.value !== q) return;
          var r = chercherCommunes(toutes, q);
          communeEtat.textContent = r.length === 0 ? "Aucune commune du Nord ou du Pas-de-Calais ne correspond." : pluriel(r.length, "commune trouvée", "communes trouvées") + " : choisissez la vôtre.";
          proposerCommunes(communeListe, r, function (c) { choisirCommune(c); communeChamp.focus(); });
        }, function () { communeEtat.textContent = "La liste des communes n'a pas pu être chargée."; });
      });
      var codeDepart = params.get("commune");
      if (codeDepart) {
        chargerCommunes(adresseIndex).then(function (toutes) {
          var e = toutes.filter(function (x) { return x.c.code === codeDepart; })[0];
          if (e) choisirCommune(e.c);
        }, function () {});
      }
    }
    function appliquer() {
      var n = 0;
      groupes.forEach(function (g) {
        var visibles = 0;
        var okS = !statutSel.value || g.getAttribute("data-statut") === statutSel.value;
        Array.prototype.forEach.call(g.querySelectorAll(".liste-aides > li"), function (c) {
          var okP = !publicSel.value || (" " + c.getAttribute("data-publics") + " ").indexOf(" " + publicSel.value + " ") !== -1 || c.getAttribute("data-publics").indexOf("tous") !== -1;
          var okT = !terrSel.value || c.getAttribute("data-territoire") === terrSel.value || c.getAttribute("data-territoire") === "france";
          var okC = !commune || (commune.aides || []).indexOf(c.getAttribute("data-aide")) !== -1;
          c.hidden = !(okS && okP && okT && okC);
          if (!c.hidden) visibles++;
        });
        g.hidden = visibles === 0;
        n += visibles;
      });
      compte.textContent = pluriel(n, "aide affichée", "aides affichées");
    }
    [statutSel, publicSel, terrSel].forEach(function (sel) { sel.addEventListener("change", appliquer); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (communeChamp && !commune && cle(communeChamp.value) !== "") {
        chargerCommunes(communeChamp.getAttribute("data-index")).then(function (toutes) {
          var r = chercherCommunes(toutes, communeChamp.value);
          if (r.length === 1) choisirCommune(r[0]); else appliquer();
        }, appliquer);
      } else appliquer();
    });
    appliquer();
  }

  function filtreIndicateurs() {
    var form = document.querySelector(".filtres-indicateurs");
    if (!form) return;
    form.hidden = false;
    var planSel = document.getElementById("filtre-plan");
    var terrSel = document.getElementById("filtre-territoire-indicateurs");
    var compte = document.getElementById("indicateurs-compte");
    var groupes = Array.prototype.slice.call(document.querySelectorAll(".groupe-indicateurs"));
    function appliquer() {
      var n = 0;
      groupes.forEach(function (g) {
        g.hidden = !((!planSel.value || g.getAttribute("data-plan") === planSel.value) && (!terrSel.value || g.getAttribute("data-territoire") === terrSel.value));
        if (!g.hidden) n += g.querySelectorAll(".carte-indicateur, li").length;
      });
      compte.textContent = pluriel(n, "indicateur affiché", "indicateurs affichés");
    }
    planSel.addEventListener("change", appliquer);
    terrSel.addEventListener("change", appliquer);
    form.addEventListener("submit", function (e) { e.preventDefault(); appliquer(); });
  }

  // Sur petit écran, le menu se replie derrière un bouton (la feuille de style ne le masque
  // que si ce script a ajouté `menu-repliable` : sans JavaScript, il reste affiché).
  function menuRepliable() {
    var bouton = document.querySelector(".bouton-menu");
    var nav = bouton && bouton.parentNode;
    if (!nav) return;
    nav.classList.add("menu-repliable");
    bouton.hidden = false;
    bouton.addEventListener("click", function () {
      var ouvert = bouton.getAttribute("aria-expanded") !== "true";
      bouton.setAttribute("aria-expanded", ouvert ? "true" : "false");
      nav.classList.toggle("menu-ouvert", ouvert);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && bouton.getAttribute("aria-expanded") === "true") {
        bouton.setAttribute("aria-expanded", "false");
        nav.classList.remove("menu-ouvert");
        bouton.focus();
      }
    });
  }

  // Un tableau plus large que l'écran le dit sous lui (les ombres aux bords le montrent aussi).
  function tableauxDefilants() {
    document.querySelectorAll(".defilement").forEach(function (zone) {
      var indice = document.createElement("p");
      indice.className = "defilement-indice";
      indice.textContent = "Faites défiler le tableau horizontalement pour tout voir.";
      indice.hidden = true;
      zone.parentNode.insertBefore(indice, zone.nextSibling);
      function verifier() { indice.hidden = zone.scrollWidth <= zone.clientWidth + 1; }
      verifier();
      window.addEventListener("resize", verifier);
    });
  }

  // Document source : `#L12-L40` surligne les lignes 12 à 40 (`#L12` seule est surlignée par
  // la feuille de style, :target) et amène la première à l'écran.
  function passageCite() {
    var texte = document.querySelector(".lignes-document");
    if (!texte) return;
    function surligner() {
      texte.querySelectorAll("li.surligne").forEach(function (li) { li.classList.remove("surligne"); });
      var m = /^#L(\d+)(?:-L(\d+))?$/.exec(location.hash);
      if (!m) return;
      var debut = parseInt(m[1], 10), fin = m[2] ? parseInt(m[2], 10) : debut;
      for (var n = debut; n <= fin && n - debut < 5000; n++) {
        var li = document.getElementById("L" + n);
        if (!li) break;
        li.classList.add("surligne");
      }
      var premiere = document.getElementById("L" + debut);
      if (premiere && !document.getElementById(location.hash.slice(1))) premiere.scrollIntoView();
    }
    surligner();
    window.addEventListener("hashchange", surligner);
  }

  // Recherche d'une commune parmi toutes celles du portail (/communes/index.json) : insensible aux
  // accents, à la casse, aux ligatures (œ, æ), aux tirets, espaces et apostrophes ; « st »/« ste »
  // valent « saint »/« sainte » ; un code INSEE marche aussi. Entrée ouvre la première commune.
  function cle(texte) {
    var t = String(texte).toLowerCase().replace(/\u0153/g, "oe").replace(/\u00e6/g, "ae")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ").trim();
    return (" " + t + " ").replace(/ st /g, " saint ").replace(/ ste /g, " sainte ").trim();
  }

  // La liste des communes, chargée une fois par page ; et la recherche, partagées avec le
  // simulateur (simulateur.js) par window.HabitatCommunes.
  var chargements = {};
  function chargerCommunes(adresse) {
    if (!chargements[adresse]) {
      chargements[adresse] = fetch(adresse).then(function (r) { return r.json(); }).then(function (d) {
        return d.communes.map(function (c) {
          var noms = [c.nom].concat(c.autres_noms || []);
          return { c: c, cles: noms.map(cle), code: c.code.toLowerCase() };
        });
      });
      chargements[adresse].catch(function () { delete chargements[adresse]; });
    }
    return chargements[adresse];
  }

  function chercherCommunes(communes, q) {
    var k = cle(q);
    if (k === "") return [];
    var code = /^[0-9][0-9ab]?[0-9]{0,3}$/.test(q.trim().toLowerCase()) ? q.trim().toLowerCase() : null;
    var trouves = [];
    communes.forEach(function (e) {
      var rang = -1;
      if (code && e.code.indexOf(code) === 0) rang = e.code === code ? 0 : 1;
      e.cles.forEach(function (n, i) {
        var r = -1;
        if (n === k) r = 0;
        else if (n.indexOf(k) === 0) r = 2;
        else if ((" " + n).indexOf(" " + k) !== -1) r = 3;
        else if (n.replace(/ /g, "").indexOf(k.replace(/ /g, "")) !== -1) r = 4;
        if (r !== -1 && i > 0) r += 1;  // an old name or a seed's spelling ranks after the official name
        if (r !== -1 && (rang === -1 || r < rang)) rang = r;
      });
      if (rang !== -1) trouves.push({ e: e, rang: rang });
    });
    trouves.sort(function (a, b) {
      return a.rang - b.rang || (b.e.c.population || 0) - (a.e.c.population || 0) || (a.e.c.code < b.e.c.code ? -1 : 1);
    });
    return trouves.map(function (t) { return t.e.c; });
  }
  // Les communes trouvées, proposées sous un champ (filtre des aides, simulateur) : au plus 10
  // boutons, chacun avec son département quand le nom est seul à le porter, et son code INSEE.
  function libelleCommune(c) {
    return c.nom_affiche + (c.nom_affiche === c.nom ? " — " + c.nom_departement : "") + " · " + c.code;
  }
  function proposerCommunes(liste, trouvees, choisir) {
    while (liste.firstChild) liste.removeChild(liste.firstChild);
    trouvees.slice(0, 10).forEach(function (c) {
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.className = "commune-option";
      b.setAttribute("data-code", c.code);
      b.textContent = libelleCommune(c);
      b.addEventListener("click", function () { choisir(c); });
      li.appendChild(b);
      liste.appendChild(li);
    });
    liste.hidden = trouvees.length === 0;
  }
  window.HabitatCommunes = { cle: cle, charger: chargerCommunes, chercher: chercherCommunes, proposer: proposerCommunes };

  function chercheurCommunes() {
    var form = document.querySelector(".chercheur-communes");
    if (!form || !window.fetch) return;
    var champ = document.getElementById("commune-q");
    var liste = document.getElementById("commune-resultats");
    var compte = document.getElementById("commune-compte");
    var aucune = document.getElementById("commune-aucune");
    var communes = null;
    var resultats = [];
    form.hidden = false;

    function charger() {
      return chargerCommunes(form.getAttribute("data-index")).then(function (c) { communes = c; return c; });
    }

    function chercher(q) { return chercherCommunes(communes, q); }

    function afficher() {
      var q = champ.value;
      while (liste.firstChild) liste.removeChild(liste.firstChild);
      if (cle(q) === "") { compte.textContent = ""; aucune.hidden = true; resultats = []; return; }
      charger().then(function () {
        if (champ.value !== q) return;
        resultats = chercher(q);
        compte.textContent = resultats.length === 0 ? "0 commune trouvée" : pluriel(resultats.length, "commune trouvée", "communes trouvées");
        aucune.hidden = resultats.length !== 0;
        resultats.slice(0, 20).forEach(function (c) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = c.url;
          a.textContent = c.nom_affiche;
          li.appendChild(a);
          var meta = document.createElement("span");
          meta.className = "meta";
          meta.textContent = " " + c.code + (c.epci_nom ? " · " + c.epci_nom : "") + ((c.autres_noms || []).length ? " · aussi " + c.autres_noms.join(", ") : "");
          li.appendChild(meta);
          liste.appendChild(li);
        });
      }).catch(function () { compte.textContent = "La liste des communes n'a pas pu être chargée : passez par l'index des communes."; });
    }

    champ.addEventListener("input", afficher);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      charger().then(function () {
        var r = chercher(champ.value);
        if (r.length > 0) window.location.href = r[0].url; else afficher();
      });
    });
    var depart = new URLSearchParams(window.location.search).get("q");
    if (depart) { champ.value = depart; afficher(); }
  }

  document.addEventListener("DOMContentLoaded", function () { menuRepliable(); passageCite(); chercheurCommunes(); filtreAides(); filtreIndicateurs(); tableauxDefilants(); });
})();
