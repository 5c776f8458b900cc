// Skip rules in the survey editor: one list of "earlier question is answered X" to choose from,
// filled from the questions on earlier pages. It writes the two plain fields the page stores
// (show_if_code, show_if_value), which are hidden; the server checks the rule again on save.
(function () {
  "use strict";
  const FIXED = JSON.parse(document.getElementById("skip-logic-options").textContent);
  const TARGETS = ["single_choice", "multiple_choice", "yes_no", "likert", "rating", "scale_0_10"];
  const CODE_FIELD = /^(sections-\d+)-value-(?:questions-\d+-value-)?show_if_code$/;

  function live(prefix) {
    const deleted = document.querySelector(`input[name="${prefix}-deleted"]`);
    return !deleted || deleted.value !== "1";
  }

  function inputValue(name) {
    const el = document.querySelector(`[name="${name}"]`);
    return el ? el.value.trim() : "";
  }

  function choicesOf(prefix) {
    const values = [];
    document.querySelectorAll(`[name^="${prefix}-value-choices-"][name$="-value"]`).forEach((el) => {
      const item = el.name.slice(0, -"-value".length);
      if (live(item) && el.value.trim()) values.push([el.value.trim(), el.value.trim()]);
    });
    const other = document.querySelector(`[name="${prefix}-value-allow_other"]`);
    if (other && other.checked) values.push([FIXED.other, FIXED.other_label]);
    return values;
  }

  // Sections in the order shown, each with its questions that have a code and a list of answers.
  function sections() {
    const found = [];
    document.querySelectorAll('input[name$="-type"]').forEach((el) => {
      const m = el.name.match(/^(sections-\d+)-type$/);
      if (m && live(m[1])) found.push({ prefix: m[1], questions: [] });
    });
    found.forEach((section) => {
      document.querySelectorAll(`input[name^="${section.prefix}-value-questions-"][name$="-type"]`)
        .forEach((el) => {
          const prefix = el.name.slice(0, -"-type".length);
          if (!/^sections-\d+-value-questions-\d+$/.test(prefix) || !live(prefix)) return;
          const code = inputValue(`${prefix}-value-code`);
          if (!code || !TARGETS.includes(el.value)) return;
          const options = FIXED.types[el.value] || choicesOf(prefix);
          section.questions.push({ code, label: inputValue(`${prefix}-value-label`), options });
        });
    });
    return found;
  }

  function fill(select, codeInput, valueInput) {
    const all = sections();
    const own = codeInput.name.match(CODE_FIELD)[1];
    const index = all.findIndex((s) => s.prefix === own);
    const current = [codeInput.value.trim(), valueInput.value.trim()];
    select.replaceChildren(new Option(FIXED.always, ""));
    let matched = !current[0];
    all.slice(0, Math.max(index, 0)).forEach((section) => {
      section.questions.forEach((q) => {
        const group = document.createElement("optgroup");
        group.label = `${q.code}: ${q.label}`;
        q.options.forEach(([value, label]) => {
          const text = FIXED.when.replace("%(question)s", q.label).replace("%(answer)s", label);
          const option = new Option(text, JSON.stringify([q.code, value]));
          if (q.code === current[0] && value.toLowerCase() === current[1].toLowerCase()) {
            option.selected = true;
            matched = true;
          }
          group.append(option);
        });
        select.append(group);
      });
    });
    if (!matched) {
      const stale = new Option(`${FIXED.not_valid} ${current[0]} = ${current[1]}`, JSON.stringify(current));
      stale.selected = true;
      select.append(stale);
    }
  }

  // The struct block's child holding the field and its label (the outermost one of that name).
  function structChild(input, name) {
    const selector = `[data-contentpath="${name}"]`;
    let el = input.closest(selector) || input.parentElement;
    while (el.parentElement && el.parentElement.closest(selector)) el = el.parentElement.closest(selector);
    return el;
  }

  function enhance(codeInput) {
    if (codeInput.dataset.skipLogic) return;
    const valueName = codeInput.name.replace(/show_if_code$/, "show_if_value");
    const valueInput = document.querySelector(`[name="${valueName}"]`);
    if (!valueInput) return;
    codeInput.dataset.skipLogic = "1";
    const select = document.createElement("select");
    select.className = "skip-logic-select";
    select.setAttribute("aria-label", FIXED.label);
    const label = document.createElement("label");
    label.className = "w-field__label";
    label.textContent = FIXED.label;
    const box = document.createElement("div");
    box.className = "w-field__wrapper skip-logic";
    box.append(label, select);
    const codeWrapper = structChild(codeInput, "show_if_code");
    const valueWrapper = structChild(valueInput, "show_if_value");
    codeWrapper.before(box);
    codeWrapper.hidden = true;
    valueWrapper.hidden = true;
    fill(select, codeInput, valueInput);
    ["focus", "mousedown"].forEach((event) => select.addEventListener(event, () => fill(select, codeInput, valueInput)));
    select.addEventListener("change", () => {
      const [code, value] = select.value ? JSON.parse(select.value) : ["", ""];
      codeInput.value = code;
      valueInput.value = value;
    });
  }

  function enhanceAll() {
    document.querySelectorAll('input[name$="show_if_code"]').forEach((el) => {
      if (CODE_FIELD.test(el.name)) enhance(el);
    });
  }

  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; enhanceAll(); });
  }).observe(document.body, { childList: true, subtree: true });
  enhanceAll();
})();
