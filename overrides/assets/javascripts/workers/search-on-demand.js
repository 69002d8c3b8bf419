/* Search on demand. Material starts its search worker, and sends it the search
   index, on every page load: about 25 KB that a visitor on a phone pays for even if
   they never search. This stand-in (overrides/main.html points Material at it)
   speaks Material's worker protocol and answers at once; only when a visitor types
   a query does it fetch Material's real worker and the full index (which
   hooks/search_on_demand.py moves aside), then hands every message to them, each
   query with its words stemmed. */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const realWorker = new URL(new URL(location).searchParams.get("worker"), location).href;
const fullIndex = new URL("../../../search/search_index.full.json", location).href;
const answer = postMessage.bind(self);

let state = "idle";   // then "loading", then "ready": the real worker answers
let setup = null;     // Material's SETUP message, with the search configuration
let latest = null;    // the newest query typed while loading
let forwarding = false;

// The index holds each word's stem ("bruising" as "bruis"; the pipeline in
// mkdocs.yml). Material adds * to every word typed, and lunr does not stem a word
// with a *: "bruise*" would find no "bruis". Stemmed first, "bruis*" finds both.
function stemmed(query) {
  return query.replace(/[A-Za-z]+/g, word => lunr.stemmer(new lunr.Token(word.toLowerCase())).toString());
}

function forward(message) {
  forwarding = true;
  self.dispatchEvent(new MessageEvent("message", { data: message }));
  forwarding = false;
}

function noResults() {
  answer({ type: RESULT, data: { items: [] } });
}

function loadRealWorker() {
  return fetch(fullIndex)
    .then(response => response.json())
    .then(index => new Promise(resolve => {
      // The real worker answers with postMessage: keep its READY to ourselves
      // (Material had ours long ago) and pass everything else to the page.
      self.postMessage = message => message.type === READY ? resolve() : answer(message);
      importScripts(realWorker);
      forward({ type: SETUP, data: { ...setup.data, docs: index.docs } });
    }));
}

self.addEventListener("message", event => {
  const message = event.data;
  if (forwarding)
    return;  // for the real worker
  event.stopImmediatePropagation();
  if (state === "ready") {
    forward(message.type === QUERY ? { ...message, data: stemmed(message.data) } : message);
  } else if (message.type === SETUP) {
    setup = message;
    answer({ type: READY });
  } else if (message.type === QUERY && state === "idle" && !message.data.trim()) {
    noResults();
  } else if (message.type === QUERY) {
    latest = message;
    if (state === "loading")
      return;
    state = "loading";
    loadRealWorker()
      .then(() => {
        state = "ready";
        forward({ ...latest, data: stemmed(latest.data) });
      })
      .catch(() => {
        state = "idle";  // offline for a moment: try again on the next query
        noResults();
      });
  }
});
