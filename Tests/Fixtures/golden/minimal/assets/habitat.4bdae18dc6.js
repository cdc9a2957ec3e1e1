// Habitat — améliorations progressives. Tout fonctionne sans ce script ; il ajoute le filtre
// des communes et des aides, le menu repliable sur petit écran et les tableaux défilants. Il n'écrit jamais de HTML : seulement textContent et hidden.
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

  document.addEventListener("DOMContentLoaded", function () { menuRepliable(); passageCite(); filtreCommunes(); filtreAides(); filtreIndicateurs(); tableauxDefilants(); });
})();
