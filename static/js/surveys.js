// Progressive enhancement only: move focus to the error summary so screen readers hear it.
(function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
