"""What a visitor sees before reading a word: headings that stand out, a logo that
does not vanish into the header, and the device's dark mode with or without script.
Each check returns a list of problems naming the page, what is wrong and the fix."""

from __future__ import annotations

HEADINGS = """() => [...document.querySelectorAll(".md-typeset h1, .md-typeset h2, .md-typeset h3")]
  .map(h => ({tag: h.tagName.toLowerCase(), text: h.textContent.trim(),
              weight: parseInt(getComputedStyle(h).fontWeight, 10),
              colour: getComputedStyle(h).color,
              body: getComputedStyle(h.closest(".md-typeset")).color}))"""

# Share of the logo's visible pixels that stand out from the header behind it by a
# contrast of at least 3:1 (WCAG 1.4.11, for the parts of a picture that matter).
LOGO = """async () => {
  const img = document.querySelector(".md-header .md-logo img");
  if (!img || !img.getClientRects().length) return null;
  await img.decode();
  const canvas = new OffscreenCanvas(64, 64), ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0, 64, 64);
  const data = ctx.getImageData(0, 0, 64, 64).data;
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const header = lum(getComputedStyle(document.querySelector(".md-header")).backgroundColor
    .match(/\\d+/g).map(Number));
  let seen = 0, standing = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] < 128) continue;
    seen++;
    const l = lum([data[i], data[i + 1], data[i + 2]]);
    if ((Math.max(l, header) + 0.05) / (Math.min(l, header) + 0.05) >= 3) standing++;
  }
  return standing / seen;
}"""
LOGO_SHARE = 0.25

DARK = """() => {
  const lum = c => c.match(/\\d+/g).slice(0, 3).map(Number).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const article = getComputedStyle(document.querySelector("article"));
  return {background: lum(getComputedStyle(document.body).backgroundColor), text: lum(article.color)};
}"""


def heading_problems(page) -> list[str]:
    return [f"{page.url}: the {h['tag']} '{h['text']}' is weight {h['weight']}"
            f"{'' if h['colour'] == h['body'] else ' and paler than the text'}. Fix: keep the "
            "headings rule in docs/stylesheets/extra.css (weight 600 or more, the text colour)."
            for h in page.evaluate(HEADINGS) if h["weight"] < 600 or h["colour"] != h["body"]]


def logo_problems(page) -> list[str]:
    share = page.evaluate(LOGO)
    if share is None:
        return [f"{page.url}: no logo shows in the header. Fix: keep theme.logo in mkdocs.yml."]
    if share < LOGO_SHARE:
        return [f"{page.url}: only {share:.0%} of the logo stands out from the header (3:1), under "
                f"{LOGO_SHARE:.0%}. Fix: give docs/assets/favicon.svg a light ring or outline."]
    return []


def dark_problems(page) -> list[str]:
    """For a page opened in a dark-mode browser: light text on a dark background."""
    found = page.evaluate(DARK)
    if found["background"] > 0.2 or found["text"] < found["background"]:
        return [f"{page.url}: in dark mode the page is light (background luminance "
                f"{found['background']:.2f}). Fix: keep the no-script dark-mode rules in "
                "docs/stylesheets/extra.css, and the palette's prefers-color-scheme media in mkdocs.yml."]
    return []
