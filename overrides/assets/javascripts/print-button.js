// The print button on pages that offer one (print_button: true in a page's front
// matter; overrides/main.html writes it hidden). Shown only when this file runs,
// so a visitor without script never meets a button that does nothing. A file, not
// an inline handler: the pages' Content-Security-Policy runs only the site's files.
for (const button of document.querySelectorAll("button.print-button")) {
  button.addEventListener("click", () => window.print());
  button.hidden = false;
}
