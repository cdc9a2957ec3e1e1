"""Compare the answers of two Pagefind indexes of the same site (issue 20).

    python3 Benchmarks/lib/compare_search.py SITE_A SITE_B [query ...]

Serves each folder over HTTP, loads its /pagefind/pagefind.js in headless Chromium and runs
every query (no filter, as recherche.js does for a bare query), then prints, per query, the
result count of each index, whether the ranked URL lists are identical (exactly, and score
tier by score tier), and the first five
URLs. Exits 1 when any count or ranking differs. Used to check that the index built through
`pagefind --service` answers like the one the CLI builds from the written files.
"""
import functools
import http.server
import json
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options

QUERIES = ["rénovation", "Lens", "Béthune", "62119", "prime", "logement", "PLH", "copropriété",
           "Arras", "loyer", "ANAH", "accession"]

SCRIPT = """
const done = arguments[arguments.length - 1];
(async () => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ excerptLength: 24 });
  const out = {};
  for (const q of arguments[0]) {
    const r = await pf.search(q);
    const urls = [];
    for (const x of r.results) urls.push([(await x.data()).url, Math.round(x.score * 1e3) / 1e3]);
    out[q] = urls;
  }
  return out;
})().then(done, e => done({error: String(e)}));
"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def answers(driver, site, queries):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/recherche/")
        driver.set_script_timeout(300)
        result = driver.execute_async_script(SCRIPT, queries)
        if "error" in result:
            raise SystemExit(f"{site}: {result['error']}")
        return result
    finally:
        server.shutdown()


def main():
    a, b, *queries = sys.argv[1:]
    queries = queries or QUERIES
    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options)
    try:
        ra, rb = answers(driver, a, queries), answers(driver, b, queries)
    finally:
        driver.quit()
    differ = 0
    for q in queries:
        ua, ub = [u for u, _ in ra[q]], [u for u, _ in rb[q]]
        # Pages of equal score come in the order Pagefind numbered them (its file order), which
        # differs between the two paths; the ranking is compared score tier by score tier.
        tiers = lambda r: [(s, sorted(u for u, t in r if t == s)) for s in sorted({t for _, t in r}, reverse=True)]
        same = tiers(ra[q]) == tiers(rb[q])
        differ += not same
        print(json.dumps({"query": q, "count_a": len(ua), "count_b": len(ub), "same_order": ua == ub,
                          "same_ranking_up_to_ties": same, "top5_a": ua[:5], "top5_b": ub[:5]}, ensure_ascii=False))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
