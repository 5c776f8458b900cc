// "Comment on this passage": select words inside a draft paragraph and a button appears that
// opens that paragraph's comment form with the passage quoted. Without JavaScript, each
// paragraph's "Comment on this paragraph" link does the same for the whole paragraph.
(function () {
  "use strict";
  var draft = document.querySelector("[data-forums-draft]");
  if (!draft) { return; }
  var button = draft.querySelector("[data-passage-button]");
  var MAX = 1000;

  function paragraphOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    return element ? element.closest("[data-paragraph-id]") : null;
  }

  function hide() { button.hidden = true; }

  function update() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) { hide(); return; }
    var start = paragraphOf(selection.anchorNode);
    var end = paragraphOf(selection.focusNode);
    var text = selection.toString().replace(/\s+/g, " ").trim();
    if (!start || start !== end || !text || text.length > MAX) { hide(); return; }
    var url = start.getAttribute("data-paragraph-url");
    button.href = url + "?quote=" + encodeURIComponent(text) + "#add-comment";
    var rect = selection.getRangeAt(0).getBoundingClientRect();
    var box = draft.getBoundingClientRect();
    button.style.top = (rect.bottom - box.top + 8) + "px";
    button.style.left = Math.max(0, rect.left - box.left) + "px";
    button.hidden = false;
  }

  document.addEventListener("selectionchange", function () { window.requestAnimationFrame(update); });
  draft.addEventListener("keyup", update);
})();
