"""The fact box and the table of harms, as Markdown tables (so mkdocs-bibtex turns
their [@key] citations into footnotes), and the words for each harm's frequency."""

from __future__ import annotations

from escaping import markdown_text


def how_often(harm: dict) -> str:
    """The frequency as the table on the risks page words it."""
    count, total, unit = harm["count"], harm["in"], harm["unit"]
    share = harm.get("percentage")
    if count == 0:
        limit = f" (at most about 1 in {harm['at_most']:,}, {100 / harm['at_most']:g}%)" if harm.get("at_most") else ""
        return f"None in {total:,} {unit}{limit}"
    if count == total:
        return f"All {total:,} {unit}"
    if harm.get("fewer_than"):
        return f"Fewer than {count:,} in {total:,} {unit}" + (f" (under {share})" if share else "")
    if harm.get("about"):
        return f"About {count:,} in {total:,} {unit}" + (f" ({share})" if share else "")
    if harm.get("rounded"):
        return f"{count:,} in {total:,} {unit} (about 1 in {harm['rounded']:,}" + (f", {share})" if share else ")")
    return f"{count:,} in {total:,} {unit}" + (f" ({share})" if share else "")


def dots_filled(harm: dict) -> int:
    """How many of the picture's dots stand for people or treatments with the harm."""
    return round(float(harm["percentage"].rstrip("%")) * harm["picture"] / 100)


def in_pictures_words(harm: dict) -> str:
    """The frequency out of the picture's dots, as in "about 16 in 100 treatments (16%)"."""
    if harm.get("fewer_than"):
        return f"fewer than {dots_filled(harm):,} in {harm['picture']:,} {harm['unit']} (under {harm['percentage']})"
    return f"about {dots_filled(harm):,} in {harm['picture']:,} {harm['unit']} ({harm['percentage']})"


def fact_box(benefits: list[dict], harms) -> str:
    rows = ["| What it may do | What studies found |", "|---|---|"]
    for benefit in benefits:
        cites = "; ".join(f"@{key}" for key in benefit["sources"])
        rows.append(f"| {markdown_text(benefit['label'])} | {markdown_text(benefit['text'])} [{cites}] |")
    rows += ["", "| Side effect | How often | Who this is about |", "|---|---|---|"]
    for harm in harms:
        if harm.get("fact_box"):
            often = in_pictures_words(harm).capitalize() if "picture" in harm else how_often(harm)
            rows.append(f"| {markdown_text(harm['label'])} | {often} [@{harm['source']}] "
                        f"| {markdown_text(harm['who'])} |")
    table = "\n".join(rows)
    return ('\n<div class="fact-box" markdown>\n\n'
            '**Dry needling for muscle pain: benefits and harms at a glance**\n\n'
            f'{table}\n\n</div>\n')


def harms_table(harms) -> str:
    rows = ["| Side effect | How often | Who this is about | Source |", "|---|---|---|---|"]
    rows += [f"| {markdown_text(harm['label'])} | {how_often(harm)} | {markdown_text(harm['who'])} "
             f"| [@{harm['source']}] |" for harm in harms]
    return "\n" + "\n".join(rows) + "\n"
