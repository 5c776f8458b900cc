// Progressive enhancement for comment forms: a live character counter and one submit per form.
(function () {
  "use strict";
  function setUpCounter(box) {
    var field = box.querySelector("textarea");
    var message = box.querySelector(".usa-character-count__message");
    if (!field || !message || box.querySelector(".usa-character-count__status")) { return; }
    var max = parseInt(field.getAttribute("maxlength"), 10) || 5000;
    function update() {
      var left = max - field.value.length;
      message.textContent = left >= 0
        ? left.toLocaleString() + " character" + (left === 1 ? "" : "s") + " left"
        : (-left).toLocaleString() + " characters over the limit";
    }
    field.addEventListener("input", update);
    update();
  }
  function setUpOnce(form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
    });
  }
  document.querySelectorAll("[data-forums-counter]").forEach(setUpCounter);
  document.querySelectorAll("form[data-forums-once]").forEach(setUpOnce);
})();
