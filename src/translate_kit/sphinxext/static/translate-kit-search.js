/* The search page of a translate-kit edition: search.html?q=<query>.
 *
 * The query is folded to one script with the table of translate-kit-fold.js and cut
 * like the index (translate_kit.sphinxext.search_language): runs of CJK characters into
 * overlapping bigrams, other words stemmed with Sphinx's stemmer (language_data.js).
 * Only the index shards of those terms are loaded, then the records of the results
 * shown, ten at a time.  Every file is loaded with a <script> element, which browsers
 * allow from file:// too.  Untrusted text (titles, page text) only ever goes into
 * textContent.
 */
"use strict";

const TKSearch = (() => {
  const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  const CJK = "\\u2e80-\\u2fdf\\u3005\\u3007\\u3021-\\u3029\\u3038-\\u303b\\u3400-\\u4dbf"
    + "\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{323af}";
  const IS_CJK = new RegExp(`^[${CJK}]`, "u");
  const TOKEN = new RegExp(`[${CJK}]+|(?:(?![${CJK}])[\\p{L}\\p{N}])+`, "gu");
  const PAGE_SIZE = 10;
  const MAX_SHARDS = 16; // a pasted paragraph still downloads a bounded number of shards
  const CONTEXT_BEFORE = 30;
  const CONTEXT_AFTER = 90;

  const fold = new Map();
  const pairs = Array.from(window.TK_FOLD || "");
  for (let i = 0; i + 1 < pairs.length; i += 2) fold.set(pairs[i], pairs[i + 1]);

  /* One character for one character, so positions in folded text are positions in the text. */
  const foldChar = (char) => {
    const mapped = fold.get(char);
    if (mapped) return mapped;
    const code = char.codePointAt(0);
    // Full-width Latin (as Chinese input methods type it) is folded to ASCII, then lowered
    // as every other letter: the index holds "abc" for ＡＢＣ, as Sphinx stems it.
    const plain = code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : char;
    const lower = plain.toLowerCase();
    return Array.from(lower).length === 1 ? lower : plain;
  };
  const foldText = (text) => Array.from(text, foldChar);

  /* Sphinx's stemmer and stop words for the edition (language_data.js), once loaded. */
  const language = () => ({
    stemmer: typeof Stemmer === "function" ? new Stemmer() : { stemWord: (word) => word },
    stops: typeof stopwords !== "undefined" ? stopwords : new Set(),
  });

  /* The index terms of a query, and the words a reader would see highlighted. */
  const parse = (query) => {
    const { stemmer, stops } = language();
    const terms = [];
    const words = [];
    for (const [token] of foldText(query).join("").matchAll(TOKEN)) {
      if (IS_CJK.test(token)) {
        const chars = Array.from(token);
        if (chars.length === 1) terms.push(token);
        for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
        words.push(chars);
      } else if (!stops.has(token)) {
        const stem = stemmer.stemWord(token);
        terms.push(stops.has(stem) ? token : stem);
        words.push(Array.from(token));
      }
    }
    return { terms: [...new Set(terms)], words };
  };

  const decode = (text) => {
    const pages = [];
    if (text.startsWith("~")) {
      for (let i = 1; i < text.length; i++) {
        const bits = DIGITS.indexOf(text[i]);
        for (let bit = 0; bit < 6; bit++) if (bits & (1 << bit)) pages.push((i - 1) * 6 + bit);
      }
      return pages;
    }
    let last = -1;
    let value = 0;
    for (const char of text) {
      const digit = DIGITS.indexOf(char);
      value = value * 32 + (digit & 31);
      if (digit < 32) {
        last += value;
        pages.push(last);
        value = 0;
      }
    }
    return pages;
  };

  /* FNV-1a over code points, as translate_kit.sphinxext.search_index.term_shard. */
  const shardOf = (term, shards) => {
    let hash = 0x811c9dc5;
    for (const char of term) hash = Math.imul(hash ^ char.codePointAt(0), 0x01000193) >>> 0;
    return hash % shards;
  };

  /* Files call TKSearch.<kind>(number, data); each load waits for its own call. */
  const loaded = { meta: new Map(), shard: new Map(), page: new Map() };
  const waiting = new Map();
  let base = "";
  let version = "";
  const load = (kind, number, path) => {
    if (loaded[kind].has(number)) return Promise.resolve(loaded[kind].get(number));
    const key = `${kind}/${number}`;
    if (!waiting.has(key)) {
      waiting.set(key, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = `${base}${path}?v=${version || Date.now()}`;
        script.onload = () => resolve(loaded[kind].get(number));
        script.onerror = () => reject(new Error(`cannot load ${script.src}`));
        document.head.appendChild(script);
      }));
    }
    return waiting.get(key);
  };
  const receive = (kind) => (number, data) => loaded[kind].set(number, data);

  const search = async (query) => {
    const { terms, words } = parse(query);
    if (!terms.length) return { pages: [], words };
    const meta = await load("meta", 0, "meta.js");
    version = meta.version;
    const shards = [];
    const used = terms.filter((term) => {
      const shard = shardOf(term, meta.shards);
      if (!shards.includes(shard) && shards.length >= MAX_SHARDS) return false;
      if (!shards.includes(shard)) shards.push(shard);
      return true;
    });
    const loadedShards = await Promise.all(shards.map((n) => load("shard", n, `s/${n}.js`)));
    const byShard = new Map(shards.map((n, i) => [n, loadedShards[i]]));
    let found = null;
    const inTitle = new Map();
    for (const term of used) {
      const entry = byShard.get(shardOf(term, meta.shards))[term];
      if (!entry) return { pages: [], words };
      const titled = decode(entry[0]);
      const holding = new Set([...titled, ...decode(entry[1])]);
      found = found === null ? [...holding] : found.filter((page) => holding.has(page));
      for (const page of titled) inTitle.set(page, (inTitle.get(page) || 0) + 1);
    }
    // Pages whose titles hold more of the query first; then newest first (highest number).
    found.sort((a, b) => (inTitle.get(b) || 0) - (inTitle.get(a) || 0) || b - a);
    return { pages: found, words };
  };

  const indexOf = (haystack, needle, from) => {
    outer: for (let i = from; i + needle.length <= haystack.length; i++) {
      for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  };

  /* Where the query's words stand in a text: [start, end) in code points. */
  const matches = (chars, words) => {
    const folded = chars.map(foldChar);
    const spans = [];
    for (const word of words) {
      for (let at = indexOf(folded, word, 0); at >= 0; at = indexOf(folded, word, at + 1)) {
        spans.push([at, at + word.length]);
      }
    }
    return spans.sort((a, b) => a[0] - b[0]);
  };

  /* The words as the page writes them (its own script), for Sphinx's ?highlight=. */
  const pageWords = (record, words) => {
    const seen = new Set();
    for (const text of [record.t, record.x]) {
      const chars = Array.from(text);
      for (const [start, end] of matches(chars, words)) seen.add(chars.slice(start, end).join(""));
    }
    return seen.size ? [...seen] : words.map((word) => word.join(""));
  };

  const summary = (record, words) => {
    const chars = Array.from(record.x);
    const spans = matches(chars, words);
    const first = spans.length ? spans[0][0] : 0;
    const start = Math.max(0, first - CONTEXT_BEFORE);
    const end = Math.min(chars.length, first + CONTEXT_AFTER);
    const context = document.createElement("p");
    context.classList.add("context");
    let at = start;
    const text = (value) => context.appendChild(document.createTextNode(value));
    if (start > 0) text("…");
    for (const [from, to] of spans) {
      if (to <= at || from >= end) continue;
      const lo = Math.max(from, at);
      const hi = Math.min(to, end);
      text(chars.slice(at, lo).join(""));
      const mark = context.appendChild(document.createElement("span"));
      mark.classList.add("highlighted");
      mark.textContent = chars.slice(lo, hi).join("");
      at = hi;
    }
    text(chars.slice(at, end).join(""));
    if (end < chars.length) text("…");
    return context;
  };

  const resultItem = (record, words) => {
    const item = document.createElement("li");
    item.classList.add("kind-text");
    const link = item.appendChild(document.createElement("a"));
    const highlight = encodeURIComponent(pageWords(record, words).join(" "));
    link.href = `${record.u}?highlight=${highlight}`;
    link.textContent = record.t;
    if (record.x) item.appendChild(summary(record, words));
    return item;
  };

  const show = async () => {
    const out = document.getElementById("search-results");
    const query = (new URLSearchParams(window.location.search).get("q") || "").trim();
    document.querySelectorAll('input[name="q"]').forEach((input) => { input.value = query; });
    if (!out || !query) return;
    const text = out.dataset;
    base = text.index.replace(/meta\.js$/, "");
    const heading = out.appendChild(document.createElement("h2"));
    heading.textContent = text.searching;
    const status = out.appendChild(document.createElement("p"));
    status.classList.add("search-summary");
    const list = out.appendChild(document.createElement("ul"));
    list.classList.add("search");
    list.setAttribute("role", "list");

    const { pages, words } = await search(query);
    heading.textContent = text.results;
    const form = text.found_plural[pages.length] || text.found_plural.slice(-1);
    status.textContent = pages.length === 0 ? text.none
      : JSON.parse(text.found)[Number(form)].replace("{count}", pages.length);
    let shown = 0;
    const more = document.createElement("button");
    more.type = "button";
    more.classList.add("tk-search-more");
    more.textContent = text.more;
    const next = async () => {
      more.remove();
      const batch = pages.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      const records = await Promise.all(batch.map((n) => load("page", n, `d/${n}.js`)));
      records.forEach((record) => list.appendChild(resultItem(record, words)));
      if (shown < pages.length) out.appendChild(more);
    };
    more.addEventListener("click", next);
    await next();
  };

  document.addEventListener("DOMContentLoaded", () => {
    show().catch((error) => {
      const status = document.querySelector("#search-results .search-summary");
      if (status) status.textContent = String(error.message || error);
    });
  });

  return {
    meta: receive("meta"), shard: receive("shard"), page: receive("page"),
    parse, decode, shardOf, foldText,
  };
})();
