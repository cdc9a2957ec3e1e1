/// The script `serve` adds to every page: reloads on a rebuild, shows build errors over the page.
/// It writes only with textContent.
let reloadScript = #"""
(function () {
  "use strict";
  var overlay = null;
  function show(erreurs) {
    if (overlay) { overlay.remove(); overlay = null; }
    if (!erreurs || !erreurs.length) return;
    overlay = document.createElement("div");
    overlay.id = "habitat-erreurs";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "";
    overlay.className = "habitat-erreurs";
    var h = document.createElement("h2");
    h.textContent = "Erreur dans vos fichiers : l'aperçu montre la dernière version correcte (rien n'a été publié)";
    overlay.appendChild(h);
    var ul = document.createElement("ul");
    erreurs.forEach(function (e) {
      var li = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = e.fichier + ":" + e.ligne + ":" + e.colonne;
      li.appendChild(code);
      li.appendChild(document.createTextNode(" " + e.message + " [" + e.code + "]"));
      ul.appendChild(li);
    });
    overlay.appendChild(ul);
    document.body.appendChild(overlay);
  }
  function etat() {
    fetch("/_habitat/etat", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (j) { show(j.erreurs); });
  }
  var source = new EventSource("/_habitat/evenements");
  source.addEventListener("rechargement", function () { location.reload(); });
  source.addEventListener("erreur", function (e) { show(JSON.parse(e.data).erreurs); });
  document.addEventListener("DOMContentLoaded", etat);
})();
"""#
