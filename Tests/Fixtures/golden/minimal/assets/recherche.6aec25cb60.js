// Habitat — recherche dans le site avec l'index Pagefind construit à la publication.
// Les résultats sont construits avec createElement et textContent, jamais en écrivant du HTML.
// Ils s'affichent pendant la frappe (après une courte pause) ; les aides et les communes passent
// avant les autres pages, et les indicateurs après ; « Afficher plus » montre les suivants.
(function () {
  "use strict";
  var PAR_PAGE = 20;
  var PALIERS = [["Aide", "Commune"], ["Fiche-action", "Plan", "Territoire", "Actualité", "Page"], ["Indicateur"]];
  function el(tag, texte, classe) {
    var n = document.createElement(tag);
    if (texte) n.textContent = texte;
    if (classe) n.className = classe;
    return n;
  }
  function vider(n) { while (n.firstChild) n.removeChild(n.firstChild); }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.recherche");
    var champ = document.getElementById("q");
    var type = document.getElementById("filtre-type");
    var territoire = document.getElementById("filtre-territoire-recherche");
    var sortie = document.getElementById("resultats-recherche");
    var statut = document.getElementById("recherche-statut");
    if (!form || !champ || !sortie || !statut) return;
    var pagefind = null;
    var requete = 0;
    var attente = null;
    function charger() {
      if (!pagefind) pagefind = import("/pagefind/pagefind.js").then(function (pf) { return pf.options({ excerptLength: 24 }).then(function () { return pf; }); });
      return pagefind;
    }
    // Un palier par groupe de types, chacun trié par Pertinence (Pagefind), mis bout à bout.
    function resultats(pf, q, filtres) {
      var paliers = filtres.type ? [[filtres.type]] : PALIERS;
      return Promise.all(paliers.map(function (types) {
        var f = {};
        for (var k in filtres) if (k !== "type") f[k] = filtres[k];
        f.type = { any: types };
        return pf.search(q || null, { filters: f });
      })).then(function (lots) {
        var vus = {}, tous = [];
        lots.forEach(function (res) {
          res.results.forEach(function (r) { if (!vus[r.id]) { vus[r.id] = true; tous.push(r); } });
        });
        return tous;
      });
    }
    function afficher(tous, debut, liste) {
      var lot = tous.slice(debut, debut + PAR_PAGE);
      return Promise.all(lot.map(function (r) { return r.data(); })).then(function (pages) {
        pages.forEach(function (p) {
          var li = el("li");
          var a = el("a", p.meta && p.meta.title ? p.meta.title : p.url);
          a.href = p.url;
          li.appendChild(a);
          if (p.filters && p.filters.type) li.appendChild(el("span", " — " + p.filters.type.join(", "), "meta"));
          var extrait = document.createElement("p");
          extrait.textContent = (p.excerpt || "").replace(/<[^>]*>/g, "");
          li.appendChild(extrait);
          liste.appendChild(li);
        });
        return debut + lot.length;
      });
    }
    function chercher() {
      var numero = ++requete;
      var q = champ.value.trim();
      var filtres = {};
      if (type && type.value) filtres.type = type.value;
      if (territoire && territoire.value) filtres.territoire = territoire.value;
      if (!q && !filtres.type && !filtres.territoire) { vider(sortie); statut.textContent = ""; return; }
      charger().then(function (pf) {
        return resultats(pf, q, filtres);
      }).then(function (tous) {
        if (numero !== requete) return;
        var liste = el("ol", "", "resultats");
        var plus = el("button", "Afficher plus de résultats", "bouton-secondaire");
        plus.type = "button";
        function maj(affiches) {
          statut.textContent = tous.length === 0 ? "Aucun résultat." : tous.length + (tous.length > 1 ? " résultats" : " résultat") +
            (affiches < tous.length ? ", " + affiches + " affichés." : ".");
          plus.hidden = affiches >= tous.length;
        }
        return afficher(tous, 0, liste).then(function (affiches) {
          if (numero !== requete) return;
          vider(sortie);
          sortie.appendChild(liste);
          sortie.appendChild(plus);
          maj(affiches);
          plus.addEventListener("click", function () {
            var premier = liste.children.length;
            afficher(tous, premier, liste).then(function (n) {
              maj(n);
              // Le focus va au premier nouveau résultat, pour continuer la lecture au clavier.
              var nouveau = liste.children[premier];
              if (nouveau) nouveau.querySelector("a").focus();
            });
          });
        });
      }).catch(function () {
        if (numero !== requete) return;
        vider(sortie);
        statut.textContent = "";
        sortie.appendChild(el("p", "La recherche n'est pas disponible (index absent).", "alerte-erreur"));
      });
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(attente); chercher(); });
    champ.addEventListener("input", function () { clearTimeout(attente); attente = setTimeout(chercher, 250); });
    if (type) type.addEventListener("change", chercher);
    if (territoire) territoire.addEventListener("change", chercher);
    var q = new URLSearchParams(location.search).get("q");
    if (q) { champ.value = q; chercher(); }
  });
})();
