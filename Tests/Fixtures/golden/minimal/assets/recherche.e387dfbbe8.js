// Habitat — recherche dans le site avec l'index Pagefind construit à la publication.
// Les résultats sont construits avec createElement et textContent, jamais en écrivant du HTML.
(function () {
  "use strict";
  function el(tag, texte, classe) {
    var n = document.createElement(tag);
    if (texte) n.textContent = texte;
    if (classe) n.className = classe;
    return n;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.recherche");
    var champ = document.getElementById("q");
    var type = document.getElementById("filtre-type");
    var territoire = document.getElementById("filtre-territoire-recherche");
    var sortie = document.getElementById("resultats-recherche");
    if (!form || !champ || !sortie) return;
    var pagefind = null;
    function charger() {
      if (!pagefind) pagefind = import("/pagefind/pagefind.js").then(function (pf) { return pf.options({ excerptLength: 24 }).then(function () { return pf; }); });
      return pagefind;
    }
    function chercher() {
      var q = champ.value.trim();
      var filtres = {};
      if (type && type.value) filtres.type = type.value;
      if (territoire && territoire.value) filtres.territoire = territoire.value;
      if (!q && !filtres.type && !filtres.territoire) { while (sortie.firstChild) sortie.removeChild(sortie.firstChild); return; }
      charger().then(function (pf) {
        return pf.search(q || null, { filters: filtres });
      }).then(function (res) {
        return Promise.all(res.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (pages) { return { total: res.results.length, pages: pages }; });
      }).then(function (r) {
        while (sortie.firstChild) sortie.removeChild(sortie.firstChild);
        sortie.appendChild(el("p", r.total === 0 ? "Aucun résultat." : r.total + (r.total > 1 ? " résultats" : " résultat") + (r.total > 20 ? " (les 20 premiers)" : "") + ".", "meta"));
        var ol = el("ol");
        ol.className = "resultats";
        r.pages.forEach(function (p) {
          var li = el("li");
          var a = el("a", p.meta && p.meta.title ? p.meta.title : p.url);
          a.href = p.url;
          li.appendChild(a);
          if (p.filters && p.filters.type) li.appendChild(el("span", " — " + p.filters.type.join(", "), "meta"));
          var extrait = document.createElement("p");
          extrait.textContent = (p.excerpt || "").replace(/<[^>]*>/g, "");
          li.appendChild(extrait);
          ol.appendChild(li);
        });
        sortie.appendChild(ol);
      }).catch(function () {
        while (sortie.firstChild) sortie.removeChild(sortie.firstChild);
        sortie.appendChild(el("p", "La recherche n'est pas disponible (index absent).", "alerte-erreur"));
      });
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); chercher(); });
    var q = new URLSearchParams(location.search).get("q");
    if (q) { champ.value = q; chercher(); }
  });
})();
