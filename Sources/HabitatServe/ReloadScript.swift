/// The script `serve` adds to every page: reloads on a rebuild, shows build errors over the page,
/// at the top of the window, until they are fixed. It writes only with textContent and styles only
/// through classes of `overlayStyle` (the pages' CSP forbids inline script and style).
let reloadScript = #"""
(function () {
  "use strict";
  var overlay = null;
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function close() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function show(erreurs) {
    close();
    if (!erreurs || !erreurs.length) return;
    overlay = el("section", "habitat-erreurs");
    overlay.id = "habitat-erreurs";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-labelledby", "habitat-erreurs-titre");
    var head = el("div", "habitat-erreurs-tete");
    var h = el("h2", "habitat-erreurs-titre",
      erreurs.length === 1 ? "1 erreur dans vos fichiers" : erreurs.length + " erreurs dans vos fichiers");
    h.id = "habitat-erreurs-titre";
    head.appendChild(h);
    var fermer = el("button", "habitat-erreurs-fermer", "Fermer");
    fermer.type = "button";
    fermer.setAttribute("aria-label", "Fermer le message d\u2019erreur");
    fermer.addEventListener("click", close);
    head.appendChild(fermer);
    overlay.appendChild(head);
    overlay.appendChild(el("p", "habitat-erreurs-note",
      "L\u2019aperçu montre la dernière version correcte ; rien n\u2019a été publié. Corrigez le fichier : ce message part tout seul."));
    var ol = el("ol", "habitat-erreurs-liste");
    erreurs.forEach(function (e) {
      var li = el("li");
      li.appendChild(el("code", "habitat-erreurs-position", e.fichier + (e.ligne ? ":" + e.ligne + (e.colonne ? ":" + e.colonne : "") : "")));
      li.appendChild(el("p", "habitat-erreurs-message", e.message + " [" + e.code + "]"));
      if (e.extrait) {
        var pre = el("pre", "habitat-erreurs-extrait");
        pre.appendChild(el("span", "habitat-erreurs-numero", String(e.ligne)));
        pre.appendChild(document.createTextNode(" " + e.extrait));
        if (e.colonne) {
          var pad = String(e.ligne).replace(/./g, " ") + " " + e.extrait.slice(0, e.colonne - 1).replace(/[^\t]/g, " ");
          pre.appendChild(document.createTextNode("\n" + pad));
          pre.appendChild(el("span", "habitat-erreurs-marque", "^"));
        }
        li.appendChild(pre);
      }
      ol.appendChild(li);
    });
    overlay.appendChild(ol);
    document.body.insertBefore(overlay, document.body.firstChild);
  }
  function etat() {
    fetch("/_habitat/etat", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (j) { show(j.erreurs); });
  }
  var source = new EventSource("/_habitat/evenements");
  source.addEventListener("rechargement", function () { location.reload(); });
  source.addEventListener("erreur", function (e) { show(JSON.parse(e.data).erreurs); });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", etat); else etat();
})();
"""#

/// The overlay's stylesheet, served beside the script: fixed at the top of the window, above
/// everything, readable at 375 px, never wider than the screen.
let overlayStyle = #"""
.habitat-erreurs {
  position: fixed; top: 0; left: 0; right: 0; z-index: 2147483647;
  max-height: 70vh; overflow: auto; box-sizing: border-box;
  margin: 0; padding: 0.75rem 1rem 1rem;
  background: #fff; color: #1e1e1e; border-bottom: 0.375rem solid #ce0500;
  box-shadow: 0 0.25rem 1rem rgba(0, 0, 0, 0.35);
  font: 1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
}
.habitat-erreurs-tete { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
.habitat-erreurs-titre { margin: 0; font-size: 1.25rem; color: #ce0500; }
.habitat-erreurs-fermer {
  flex: none; font: inherit; padding: 0.25rem 0.75rem; cursor: pointer;
  background: #fff; color: #1e1e1e; border: 2px solid #1e1e1e; border-radius: 0.25rem;
}
.habitat-erreurs-fermer:focus-visible { outline: 3px solid #0a76f6; outline-offset: 2px; }
.habitat-erreurs-note { margin: 0.25rem 0 0.5rem; }
.habitat-erreurs-liste { margin: 0; padding-left: 1.5rem; }
.habitat-erreurs-liste li { margin: 0.5rem 0; }
.habitat-erreurs-position { font-weight: bold; overflow-wrap: anywhere; }
.habitat-erreurs-message { margin: 0.125rem 0; overflow-wrap: anywhere; }
.habitat-erreurs-extrait {
  margin: 0.25rem 0 0; padding: 0.5rem; overflow-x: auto; max-width: 100%; box-sizing: border-box;
  background: #f6f6f6; border-left: 0.25rem solid #ce0500; font-size: 0.875rem; white-space: pre;
}
.habitat-erreurs-numero { color: #666; }
.habitat-erreurs-marque { color: #ce0500; font-weight: bold; }
"""#
