// Conventions: bring the error summary into view and focus, so that a keyboard or screen reader user hears it first.
(function () {
  "use strict";
  function focaliserErreurs() {
    var resume = document.getElementById("resume-erreurs");
    if (resume) {
      resume.focus();
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focaliserErreurs);
  } else {
    focaliserErreurs();
  }
})();
