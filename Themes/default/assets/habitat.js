// Habitat — améliorations progressives. Tout fonctionne sans ce script ; il ajoute le filtre
// des communes et des aides. Il n'écrit jamais de HTML : seulement textContent et hidden.
(function () {
  "use strict";
  function normaliser(texte) {
    return texte.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  function pluriel(n, singulier, plurielForme) { return n + "\u00a0" + (n >= 2 ? plurielForme : singulier); }

  function filtreCommunes() {
    var bloc = document.querySelector(".filtre-communes");
    var champ = document.getElementById("filtre-commune");
    var compte = document.getElementById("filtre-compte");
    if (!bloc || !champ) return;
    bloc.hidden = false;
    var items = Array.prototype.slice.call(document.querySelectorAll("#liste-communes li[data-nom]"));
    champ.addEventListener("input", function () {
      var q = normaliser(champ.value);
      var n = 0;
      items.forEach(function (li) {
        var ok = q === "" || normaliser(li.getAttribute("data-nom")).indexOf(q) !== -1;
        li.hidden = !ok;
        if (ok) n++;
      });
      document.querySelectorAll("#liste-communes .groupe-communes, #liste-communes .territoire-communes").forEach(function (g) {
        g.hidden = g.querySelectorAll("li[data-nom]:not([hidden])").length === 0;
      });
      compte.textContent = q === "" ? "" : pluriel(n, "commune trouvée", "communes trouvées");
    });
  }

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
    function appliquer() {
      var n = 0;
      groupes.forEach(function (g) {
        var visibles = 0;
        var okS = !statutSel.value || g.getAttribute("data-statut") === statutSel.value;
        Array.prototype.forEach.call(g.querySelectorAll(".liste-aides > li"), function (c) {
          var okP = !publicSel.value || (" " + c.getAttribute("data-publics") + " ").indexOf(" " + publicSel.value + " ") !== -1 || c.getAttribute("data-publics").indexOf("tous") !== -1;
          var okT = !terrSel.value || c.getAttribute("data-territoire") === terrSel.value || c.getAttribute("data-territoire") === "france";
          c.hidden = !(okS && okP && okT);
          if (!c.hidden) visibles++;
        });
        g.hidden = visibles === 0;
        n += visibles;
      });
      compte.textContent = pluriel(n, "aide affichée", "aides affichées");
    }
    [statutSel, publicSel, terrSel].forEach(function (sel) { sel.addEventListener("change", appliquer); });
    form.addEventListener("submit", function (e) { e.preventDefault(); appliquer(); });
    appliquer();
  }

  document.addEventListener("DOMContentLoaded", function () { filtreCommunes(); filtreAides(); });
})();
