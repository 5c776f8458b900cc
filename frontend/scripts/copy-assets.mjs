// After the CSS build: copy only the USWDS images the compiled CSS references into
// ../static/img/uswds/, and build a small icon sprite (../static/img/sprite.svg) from
// the icons listed in ICONS, for `<svg class="usa-icon"><use href="...sprite.svg#name">`.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const uswdsImg = join(here, "..", "node_modules", "@uswds", "uswds", "dist", "img");
const staticDir = join(here, "..", "..", "static");
const cssFile = join(staticDir, "css", "portal.css");
const imgOut = join(staticDir, "img", "uswds");

// Icons the templates may use from the sprite (names from USWDS's usa-icons folder).
export const ICONS = [
  "add", "arrow_back", "arrow_forward", "calendar_today", "cancel", "chat", "check",
  "check_circle", "close", "comment", "error", "event", "expand_less", "expand_more",
  "file_download", "file_present", "flag", "forum", "groups", "help", "info", "launch",
  "location_on", "lock", "mail", "menu", "navigate_before", "navigate_far_before",
  "navigate_far_next", "navigate_next", "notifications", "people", "person", "phone",
  "remove", "schedule", "search", "visibility", "warning",
];

// Images the templates use directly (`{% static 'img/uswds/...' %}`).
const TEMPLATE_IMAGES = ["usa-icons-bg/search--white.svg"];

const css = readFileSync(cssFile, "utf8");
const referenced = new Set([
  ...[...css.matchAll(/url\("?\.\.\/img\/uswds\/([^")]+)"?\)/g)].map((match) => match[1]),
  ...TEMPLATE_IMAGES,
]);
rmSync(imgOut, { recursive: true, force: true });
for (const name of [...referenced].sort()) {
  const target = join(imgOut, name);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(uswdsImg, name), target);
}

const symbols = ICONS.map((name) => {
  const svg = readFileSync(join(uswdsImg, "usa-icons", `${name}.svg`), "utf8");
  const viewBox = (svg.match(/viewBox="([^"]+)"/) || [null, "0 0 24 24"])[1];
  const body = svg.replace(/^[\s\S]*?<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
  return `<symbol id="${name}" viewBox="${viewBox}">${body}</symbol>`;
});
writeFileSync(
  join(staticDir, "img", "sprite.svg"),
  `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join("")}</svg>\n`,
);
console.log(`portal.css: ${css.length} bytes; ${referenced.size} USWDS images; ${ICONS.length} sprite icons`);
