// Facilitators drag agenda items into order. Dropping moves the item (and its hidden "item"
// input) in the list, then submits the order form: the server saves the order through the same
// endpoint as the Move up / Move down buttons, which remain the keyboard and no-JavaScript way.
(function () {
  "use strict";
  function setUp(form) {
    var list = form.querySelector("ol");
    var dragged = null;
    if (!list) { return; }
    function itemAt(target) {
      return target && target.closest ? target.closest("[data-agenda-item]") : null;
    }
    list.addEventListener("dragstart", function (event) {
      dragged = itemAt(event.target);
      if (!dragged) { return; }
      dragged.classList.add("agenda-list__item--dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.querySelector("input[name=item]").value);
    });
    list.addEventListener("dragover", function (event) {
      var over = itemAt(event.target);
      if (!dragged || !over) { return; }
      event.preventDefault();
      if (over === dragged) { return; }
      var box = over.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });
    list.addEventListener("drop", function (event) {
      if (!dragged) { return; }
      event.preventDefault();
      dragged.classList.remove("agenda-list__item--dragging");
      dragged = null;
      form.requestSubmit();
    });
    list.addEventListener("dragend", function () {
      if (dragged) { dragged.classList.remove("agenda-list__item--dragging"); dragged = null; }
    });
  }
  document.querySelectorAll("form[data-agenda-order]").forEach(setUp);
})();
