// Progressive enhancement only: without JavaScript every field shows and the form works.
(function () {
  // Move focus to the error summary so screen readers hear it.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }

  // The "Other (please say)" box shows once "Other" is chosen (and stays if it has text or an
  // error, so nothing typed or asked for is hidden).
  document.querySelectorAll("[data-survey-other]").forEach(function (box) {
    var question = box.closest(".survey-question");
    var other = question && question.querySelector("input[value='Other']");
    if (!other) { return; }
    var input = box.querySelector("input");
    var choices = question.querySelectorAll("input[type=radio], input[type=checkbox]");
    function update() {
      var keep = other.checked || input.value.trim() || box.classList.contains("usa-form-group--error");
      box.hidden = !keep;
    }
    choices.forEach(function (choice) { choice.addEventListener("change", update); });
    update();
  });
})();
