"""Every mistake in CONTRIBUTING.md's table "When the build stops", in its order, made
in a copy of the real site: the build stops, and its messages name the file, the
line and the fix, exactly as a writer reads them. Change a row here when its
message changes there."""

from __future__ import annotations

import pytest

UNANNOTATED = "\n@article{nobody2020unused,\n  author = {Nobody, Anne},\n  title = {Unused},\n  journal = {J},\n  year = {2020},\n}\n"
UNUSED_ENTRY = UNANNOTATED.replace("\n}\n", "\n  annote = {Made up for this test.},\n}\n")
# A real entry (brady2014adverse) as a journal's export gives it: key and DOI both need fixing.
PASTED = ("\n@article{Brady_2014,\n  author = {Brady, Sarah and Doody, Catherine},\n  title = {Adverse events},\n"
          "  journal = {Journal of Manual \\& Manipulative Therapy},\n  year = {2014},\n"
          "  doi = {https://doi.org/10.1179/2042618613Y.0000000044},\n  annote = {Pasted export.}\n}\n")

# (file, text in it, what the writer typed instead, a line the build must print)
MISTAKES = {
    "unknown key": ("docs/risks.md", "[@brady2014adverse]. It found", "[@brady2014advers]. It found",
                    "docs/risks.md:43: citation [@brady2014advers] not found in refs.bib (did you mean "
                    "brady2014adverse?). Fix: use a key that exists in refs.bib, or add the entry to refs.bib"),
    "words in a citation": ("docs/risks.md", "[@brady2014adverse]. It found", "[see @brady2014adverse, p. 4]. It found",
                            "docs/risks.md:43: 'see @brady2014adverse, p. 4' is not a citation the site can render. "
                            "Fix: cite as [@key] or [@key1; @key2]"),
    "citation in code": ("docs/risks.md", "[@brady2014adverse]. It found", "`[@brady2014adverse]`. It found",
                         "docs/risks.md:43: a citation is inside code and would not be rendered. "
                         "Fix: move the [@key] out of the backticks or code block"),
    "uncited entry": ("refs.bib", "\n@article{pavkovich", UNUSED_ENTRY + "\n@article{pavkovich",
                      "refs.bib: entry 'nobody2020unused' is not cited on any page. Fix: cite it with "
                      "[@nobody2020unused] where the site relies on it, or delete the entry"),
    "missing field": ("refs.bib", "  journal   = {International Journal of Sports Physical Therapy},\n", "",
                      "refs.bib:20: entry 'pavkovich2015use' has no 'journal' field. Fix: add journal = {...},"),
    "no annote": ("refs.bib", "\n@article{pavkovich", UNANNOTATED + "\n@article{pavkovich",
                  "refs.bib:20: entry 'nobody2020unused' has no 'annote' field. Fix: add annote = {...}, saying "
                  "what the source supports and how you checked its details"),
    "key not lowercase": ("refs.bib", "{pavkovich2015use,", "{Pavkovich2015use,",
                          "refs.bib:20: key 'Pavkovich2015use' is not lowercase letters and digits. Fix: name it "
                          "authorYYYYword"),
    "key used twice": ("refs.bib", "@article{pavkovich2015use,", "@article{dunning2018electrical,",
                       "refs.bib:28: key 'dunning2018electrical' is used twice (also on line 20). Fix: give each "
                       "entry its own key"),
    "DOI as a web address": ("refs.bib", "{10.1111/j.1526-4637.2011.01204.x}",
                             "{https://doi.org/10.1111/j.1526-4637.2011.01204.x}",
                             "refs.bib:15: doi 'https://doi.org/10.1111/j.1526-4637.2011.01204.x' in "
                             "'alonsoblanco2011prevalence' is not well formed. Fix: write the bare DOI"),
    "pasted entry, two problems": ("refs.bib", "\n@article{pavkovich", PASTED + "\n@article{pavkovich",
                                   "refs.bib cannot be used (2 to fix):\n  refs.bib:20: key 'Brady_2014' is not "
                                   "lowercase letters and digits. Fix: name it authorYYYYword: first author's surname, "
                                   "year, first main title word, for example brady2014adverse\n  refs.bib:25: doi "
                                   "'https://doi.org/10.1179/2042618613Y.0000000044' in 'Brady_2014' is not well "
                                   "formed. Fix: write the bare DOI"),
    "text outside an entry": ("refs.bib", "\n@article{pavkovich", "\nPavkovich R. Dry needling. 2015.\n@article{pavkovich",
                              "refs.bib:20: text outside any entry: 'Pavkovich R. Dry needling. 2015.' is ignored. "
                              "Fix: start each entry with '@'"),
    "entry never closed": ("refs.bib", "  year      = {2015},\n  annote", "  year      = {2015,\n  annote",
                           "refs.bib:20: entry 'pavkovich2015use' is never closed (a '}' is missing). Fix: make every"),
    "syntax error": ("refs.bib", "  year      = {2015},\n  annote", "  year      = {2015}\n  annote",
                     "refs.bib:25: BibTeX syntax error: syntax error. Fix: check this line and the one above it"),
    "too many commas": ("refs.bib", "{Pavkovich, Ron}", "{Pavkovich, Ron, Jr, PT}",
                        "refs.bib:21: Too many commas in 'Pavkovich, Ron, Jr, PT'. Fix: write each person as "
                        "'Surname, Given names'"),
    "LaTeX command": ("refs.bib", "{The use of dry needling", "{The \\emph{use} of dry needling",
                      "refs.bib:22: '\\emph' in the title of 'pavkovich2015use' would show on the page as typed. "
                      "Fix: write the plain text"),
    "no front matter": ("docs/benefits.md", "---\ntitle: Benefits\n", "title: Benefits\n",
                        "docs/benefits.md:1: the page has no front matter. Fix: start the page with a '---' block"),
    "no title": ("docs/benefits.md", "title: Benefits\n", "",
                 "docs/benefits.md:1: front matter has no 'title'. Fix: add 'title:' with the page title"),
    "description length": ("docs/benefits.md", "description: What research", "description: Short.\nnotes: What research",
                           "docs/benefits.md:3: description is 6 characters long. Fix: write one sentence of 50 to "
                           "160 characters"),
    "bad date": ("docs/benefits.md", "last_reviewed: 2026-11-25", "last_reviewed: 25/11/2026",
                 "docs/benefits.md:4: last_reviewed '25/11/2026' is not a valid date. Fix: write the date as YYYY-MM-DD"),
    "dates in the wrong order": ("docs/benefits.md", "next_review: 2027-11-25", "next_review: 2026-01-01",
                                 "docs/benefits.md:5: next_review 2026-01-01 is not after last_reviewed 2026-11-25. "
                                 "Fix: set next_review to a later date"),
    "front matter not YAML": ("docs/benefits.md", "title: Benefits", "title: [Benefits",
                              "docs/benefits.md:3: the front matter is not valid YAML. Fix: write each line as "
                              "'name: value'"),
    "link to a missing page": ("docs/index.md", "](understanding.md)", "](understandng.md)",
                               "docs/index.md:35: link to 'understandng.md' points to a file that does not exist in "
                               "docs/. Fix: link to 'understanding.md' if that is the file you meant"),
    "missing anchor": ("docs/index.md", "](risks.md#collapsed-lung)", "](risks.md#colapsed-lung)",
                       "Doc file 'index.md' contains a link 'risks.md#colapsed-lung', but the doc 'risks.md' does "
                       "not contain an anchor '#colapsed-lung'."),
    "redirect to a missing page": ("mkdocs.yml", "what-is-dry-needling.md: understanding.md",
                                   "what-is-dry-needling.md: understandng.md",
                                   "mkdocs.yml:98: redirect from 'what-is-dry-needling.md' goes to 'understandng.md', "
                                   "which is not a file in docs/. Fix: write 'what-is-dry-needling.md: "
                                   "understanding.md' if that is the page you meant"),
    "glossary line": ("docs/includes/glossary.md", "*[chronic pain]: Pain", "[chronic pain]: Pain",
                      "docs/includes/glossary.md:3: this line is not a glossary entry. Fix: write it as "
                      "'*[term]: definition'"),
    "glossary term twice": ("docs/includes/glossary.md", "*[chronic pain]: Pain", "*[acupuncture]: Pain",
                            "docs/includes/glossary.md:3: 'acupuncture' is defined twice. Fix: keep one definition"),
    "marker mistyped": ("docs/risks.md", "<!-- fact-box -->", "<!-- factbox -->",
                        "docs/risks.md:24: '<!-- factbox -->' is not a marker the site understands. "
                        "Fix: write '<!-- fact-box -->'"),
    "picture not in the data": ("docs/risks.md", "<!-- risk-picture: bleeding-boyce -->",
                                "<!-- risk-picture: bleeding-boyse -->",
                                "docs/risks.md:39: risk picture 'bleeding-boyse' is not in docs/data/risks.yml "
                                "(did you mean bleeding-boyce?). Fix: use the id of a harm"),
    "claim not in the data": ("docs/risks.md", "<!-- claim: soreness-duration -->", "<!-- claim: soreness-duraton -->",
                              "docs/risks.md:56: claim 'soreness-duraton' is not in docs/data/claims.yml (did you mean "
                              "soreness-duration?). Fix: use the id of a claim in docs/data/claims.yml, or add the claim there"),
    "claim marker mistyped": ("docs/risks.md", "<!-- claim: soreness-duration -->", "<!-- claims: soreness-duration -->",
                              "docs/risks.md:56: '<!-- claims: soreness-duration -->' is not a marker the site "
                              "understands. Fix: write '<!-- claim: id -->'"),
    "card naming a claim not in the data": (
        "docs/data/claims.yml", "claims: [harm-infection, harm-nerve-injury]", "claims: [harm-infection, harm-nerve-injuries]",
        "docs/data/claims.yml:58: claim 'harm-nerve-injuries' is not in docs/data/claims.yml (did you mean "
        "harm-nerve-injury?). Fix: use the id of a claim in docs/data/claims.yml, or add the claim there"),
    "card not in the data": ("docs/risks.md", "<!-- card: call-111, signs only -->", "<!-- card: call-11, signs only -->",
                             "docs/risks.md:138: card 'call-11' is not in docs/data/claims.yml (did you mean "
                             "call-111?). Fix: use the id of a card in docs/data/claims.yml, or add the card there"),
    "card without signs shown as signs only": ("docs/handout.md", "<!-- card: call-999 -->",
                                               "<!-- card: call-999, signs only -->",
                                               "docs/handout.md:14: card 'call-999' has no items to show as its "
                                               "signs. Fix: remove ', signs only', or give the card 'items:'"),
    "card urgency mistyped": ("docs/data/claims.yml", "    urgency: urgent\n", "    urgency: soon\n",
                             "docs/data/claims.yml:59: card 'call-111' has 'urgency: soon'. Fix: after 'urgency:' "
                             "write how soon to act, as on the NHS's care cards"),
    "claim no page shows": ("docs/risks.md", "<!-- claim: blood-thinners -->\n", "",
                            "docs/data/claims.yml:158: claim 'blood-thinners' is not shown on any page. Fix: show it "
                            "with '<!-- claim: blood-thinners -->' where the site relies on it, or delete it"),
    "claim source not in refs.bib": ("docs/data/claims.yml", "sources: [munoz2022dry]", "sources: [munoz2022]",
                                     "docs/data/claims.yml:162: claim 'blood-thinners' cites 'munoz2022', which is not "
                                     "in refs.bib. Fix: use the key of a refs.bib entry, or add the entry to refs.bib"),
    "claim without certainty": ("docs/data/claims.yml", "    certainty: not graded\n", "",
                                "docs/data/claims.yml:158: claim 'blood-thinners' has no certainty. Fix: add "
                                "'certainty:' with how sure we are"),
    "certainty not a level": ("docs/data/claims.yml", "    certainty: guidance\n", "    certainty: guidence\n",
                              "docs/data/claims.yml:156: claim 'tell-clinician-first' has certainty 'guidence', which "
                              "is not a level under 'levels:' (did you mean guidance?). Fix: write one of: high,"),
    "number not in the finding": ("docs/data/claims.yml", "usually lasts less than 72 hours", "usually lasts less than 48 hours",
                                  "docs/data/claims.yml:173: claim 'soreness-duration' says 48, which its finding does "
                                  "not give. Fix: copy the number from the source into 'finding:', or correct the text"),
    "claim figure in neither the data nor the finding": (
        "docs/data/claims.yml", "The other 28 in 100 had not.", "The other 27 in 100 had not.",
        "docs/data/claims.yml:357: '27 in 100' is not a figure in docs/data/risks.yml or in the claim's finding. "
        "Fix: copy the figure from docs/data/risks.yml, or correct the data there first"),
    "standard met without a link": ("docs/about.md", "| Yes | [References](references.md) |", "| Yes | References |",
                                    "docs/about.md:94: criterion 'Gives citations to the evidence' is marked met but "
                                    "does not link to where. Fix: under 'Where', link to the page or section that "
                                    "meets it, or mark it 'Not yet' and say what is missing"),
    "script": ("docs/benefits.md", "\n# Benefits\n", "\n# Benefits\n\n<script>alert(1)</script>\n",
               "docs/benefits.md:10: the page contains a <script> element. Fix:"),
    "event handler": ("docs/benefits.md", "\n# Benefits\n", '\n# Benefits\n\n<p onclick="alert(1)">Hi</p>\n',
                      "docs/benefits.md:10: the page has an event handler, onclick=, on a <p>. Fix: remove onclick="),
    "javascript: link": ("docs/benefits.md", "\n# Benefits\n", "\n# Benefits\n\n[Hi](javascript:alert(1))\n",
                         "docs/benefits.md:10: the page has a <a href> that points to 'javascript:alert(1)'. Fix: link to a page"),
    "script in an SVG": ("docs/assets/favicon.svg", "<svg", "<svg onload=\"alert(1)\"",
                         "docs/assets/favicon.svg:1: the image has an event handler, onload=, on a <svg>. Fix: remove onload="),
    "box without text": ("docs/benefits.md", "\n# Benefits\n", '\n# Benefits\n\n!!! note "Note"\nNot indented.\n',
                         "docs/benefits.md:10: the page has a box 'Note' with a title but no text. "
                         "Fix: indent each line of the box's text by 4 spaces"),
    "harm without a source": ("docs/data/risks.yml", "    source: boyce2020adverse\n", "",
                              "docs/data/risks.yml:48: harm 'any-minor-boyce' has no source. Fix: add 'source:' with "
                              "the refs.bib key of the study"),
    "figure not in the data": ("docs/risks.md", "about 16 in 100 treatments (16%)", "about 15 in 100 treatments (16%)",
                               "docs/risks.md:32: '15 in 100 treatments (16%)' is not a figure in docs/data/risks.yml. "
                               "Fix:"),
    "one harm in two forms": ("docs/risks.md", "- Serious side effects are rare. A collapsed lung is one of them.",
                              "- Serious side effects are rare. Fainting is about 1 in 5,000 visits [@white2001adverse].",
                              "docs/risks.md:17: '1 in 5,000 visits' gives harm 'fainting-white' rounded, without its "
                              "count '6 of 31,822' beside it, so the page gives one harm in two forms. Fix: write the "
                              "rounded figure only after the count, in the same sentence: '6 of 31,822 visits, about "
                              "1 in 5,000 visits'"),
    "words and picture out of different numbers": ("docs/data/risks.yml", "    count: 8\n    in: 100\n",
                                                   "    count: 1\n    in: 13\n",
                                                   "docs/data/risks.yml:79: harm 'bruising-boyce' says 1 in 13 but its "
                                                   "picture shows 100 dots. Fix: give it as a number in 100 ('in: 100'), "
                                                   "the same as its picture"),
    "rate without a citation": ("docs/risks.md", "about 1 in 5,000 [@white2001adverse].", "about 1 in 5,000.",
                                "docs/risks.md:60: '6 of 31,822' is a rate or a count with no citation. Fix: cite the "
                                "study it comes from ([@key]) in the same paragraph, or show it as a claim"),
    "review in the future": ("docs/benefits.md", "last_reviewed: 2026-11-25", "last_reviewed: 2999-01-01",
                             "docs/benefits.md:4: last_reviewed 2999-01-01 is in the future. Fix: set it to the day"),
    "review more than 3 years away": ("docs/benefits.md", "next_review: 2027-11-25", "next_review: 2031-01-01",
                                      "docs/benefits.md:5: next_review 2031-01-01 is more than 3 years after "
                                      "last_reviewed 2026-11-25. Fix: set it to 2029-11-25 or earlier"),
    "snippet outside docs": ("docs/benefits.md", "\n# Benefits\n", '\n# Benefits\n\n--8<-- "../refs.bib"\n',
                             "docs/benefits.md:10: the snippet '../refs.bib' is not a file inside docs/. Fix: include "
                             "only files in docs/"),
}


@pytest.mark.parametrize("file, old, new, message", MISTAKES.values(), ids=MISTAKES.keys())
def test_the_build_names_the_mistake(site_copy, file, old, new, message):
    site_copy.replace(file, old, new)
    output = site_copy.failed_build_output()
    assert message in output, output
    assert not site_copy.site.exists()
