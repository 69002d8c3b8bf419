"""Citation markers a visitor can read and tap, on a phone as on a desktop.

Python-Markdown writes each citation as a bare superscript number, so two side by side
read as one ("4" and "7" as "47"), each a few pixels wide, and a tap jumps to the list
at the foot of the page, where an entry cited twenty times has twenty "back" arrows.
Here each run of markers becomes "[4, 7]", each number a button that opens its
reference in place (an HTML popover: touch, keyboard and screen readers, no script).
The footnote link stays beside the button for browsers without popovers (the
stylesheet shows one or the other; search indexes only the link), and each entry
in the list keeps one way back."""

from __future__ import annotations

import re

# One run of citation markers with nothing between them, and one marker in it.
RUN = re.compile(r'(?:<sup id="fnref\d*:[^"]+"><a class="footnote-ref" href="#fn:[^"]+">\d+</a></sup>)+')
MARKER = re.compile(r'<sup id="(fnref\d*:[^"]+)"><a class="footnote-ref" href="#fn:([^"]+)">(\d+)</a></sup>')
# One entry of the list, and its "back to the text" arrows.
ENTRY = re.compile(r'(<li id="fn:([^"]+)">\s*<p>)(.*?)(</p>\s*</li>)', re.DOTALL)
BACKREF = re.compile(r'(?:&#160;)?<a class="footnote-backref" href="#fnref\d*:[^"]+"[^>]*>&#8617;</a>')
LIST_END = re.compile(r'(<div class="footnote">.*?</ol>)', re.DOTALL)
# Glossary terms: their tooltips would open behind the popover, so it shows them as text.
TERM = re.compile(r"</?abbr[^>]*>")
PUNCTUATION = '<span class="citation-mark" aria-hidden="true">{}</span>'


def on_page_content(html, page, config, files):
    if 'class="footnote-ref"' not in html:
        return html
    html = RUN.sub(readable_run, html)
    popovers = []

    def one_way_back(entry: re.Match) -> str:
        start, key, text, end = entry.groups()
        backrefs = BACKREF.findall(text)
        reference = BACKREF.sub("", text)
        popovers.append(popover(key, len(popovers) + 1, reference))
        return start + reference + (backrefs[0] if backrefs else "") + end

    html = ENTRY.sub(one_way_back, html)
    return LIST_END.sub(lambda match: match.group(1) + "\n" + "\n".join(popovers), html, count=1)


def readable_run(run: re.Match) -> str:
    markers = MARKER.findall(run.group())
    return "".join(marker(anchor, key, number, opens=i == 0, closes=i == len(markers) - 1)
                   for i, (anchor, key, number) in enumerate(markers))


def marker(anchor: str, key: str, number: str, opens: bool, closes: bool) -> str:
    before = PUNCTUATION.format("[") if opens else ""
    after = PUNCTUATION.format("]" if closes else ", ")
    return (f'<sup id="{anchor}">{before}'
            f'<button type="button" class="citation-ref" popovertarget="cite:{key}" '
            f'aria-label="Reference {number}" data-search-exclude>{number}</button>'
            f'<a class="footnote-ref" href="#fn:{key}">{number}</a>{after}</sup>')


def popover(key: str, number: int, reference: str) -> str:
    return (f'<span class="citation-popover" id="cite:{key}" popover>'
            f'<strong class="citation-popover__number">Reference {number}</strong> '
            f'<span class="citation-popover__text">{TERM.sub("", reference).strip()}</span> '
            f'<button type="button" class="citation-popover__close" popovertarget="cite:{key}" '
            f'popovertargetaction="hide">Close</button></span>')
