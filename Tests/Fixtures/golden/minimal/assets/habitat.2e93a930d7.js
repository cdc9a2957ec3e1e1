// Habitat — améliorations progressives. Tout fonctionne sans ce script ; il ajoute la recherche
// des communes et le filtre des aides. Il n'écrit jamais de HTML : seulement textContent et hidden.
(function () {
  "use strict";
  function pluriel(n, singulier, plurielForme) { return n + "\u00a0" + (n >= 2 ? plurielForme : singulier); }

  function filtreAides() {
    var form = document.querySelector(".filtres-aides");
    if (!form) return;
    form.hidden = false;
    var publicSel = document.getElementById("filtre-public");
    var terrSel = document.getElementById("filtre-territoire");
    var compte = document.getElementById("aides-compte");
    var cartes = Array.prototype.slice.call(document.querySelectorAll("#liste-aides > li"));
    function appliquer() {
      var n = 0;
      cartes.forEach(function (c) {
        var okP = !publicSel.value || (" " + c.getAttribute("data-publics") + " ").indexOf(" " + publicSel.value + " ") !== -1 || c.getAttribute("data-publics").indexOf("tous") !== -1;
        var okT = !terrSel.value || c.getAttribute("data-territoire") === terrSel.value || c.getAttribute("data-territoire") === "france";
        c.hidden = !(okP && okT);
        if (!c.hidden) n++;
      });
      compte.textContent = pluriel(n, "aide affichée", "aides affichées");
    }
    publicSel.addEventListener("change", appliquer);
    terrSel.addEventListener("change", appliquer);
    form.addEventListener("submit", function (e) { e.preventDefault(); appliquer(); });
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
      if (communes) return Promise.resolve(communes);
      return fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (d) {
        communes = d.communes.map(function (c) {
          var noms = [c.nom].concat(c.autres_noms || []);
          return { c: c, cles: noms.map(cle), code: c.code.toLowerCase() };
        });
        return communes;
      });
    }

    function chercher(q) {
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

  document.addEventListener("DOMContentLoaded", function () { filtreAides(); chercheurCommunes(); });
})();
