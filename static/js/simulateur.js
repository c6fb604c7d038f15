// Simulateur d'aide : le formulaire est recalculé par htmx à chaque changement et la réponse remplace le
// formulaire (pour afficher chaque erreur à son champ). Si la personne a modifié un champ pendant le calcul,
// la réponse ne doit pas écraser sa saisie : on la remet, puis on relance le calcul.
(function () {
  "use strict";
  var ID = "formulaire-simulation";
  var envoyees = null;
  var avantRemplacement = null;

  function valeurs(form) {
    var v = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (el.name) v[el.name] = el.type === "checkbox" ? el.checked : el.value;
    }
    return v;
  }

  document.addEventListener("htmx:beforeRequest", function (evt) {
    if (evt.detail.elt && evt.detail.elt.id === ID) envoyees = valeurs(evt.detail.elt);
  });

  document.addEventListener("htmx:beforeSwap", function (evt) {
    if (evt.detail.elt && evt.detail.elt.id === ID) avantRemplacement = valeurs(evt.detail.elt);
  });

  document.addEventListener("htmx:afterSettle", function () {
    var form = document.getElementById(ID);
    if (!form || !envoyees || !avantRemplacement) return;
    var modifiees = 0;
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || !(el.name in avantRemplacement)) continue;
      var saisie = avantRemplacement[el.name];
      if (saisie === envoyees[el.name]) continue;
      if (el.type === "checkbox") el.checked = saisie;
      else el.value = saisie;
      modifiees++;
    }
    envoyees = avantRemplacement = null;
    if (modifiees) htmx.trigger(form, "change");
  });
})();
