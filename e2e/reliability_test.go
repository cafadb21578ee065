package e2e

import (
	"math/rand"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

// shareLinks returns 260 share-link queries: valid ones, the fuzzer's
// corpus, and random mutations of both.
func shareLinks(t *testing.T) []string {
	seeds := []string{
		"age=35&education=master", "birth=1985-06&education=college&insurance_years=10",
		"age=29&education=bachelor&base_tier=0.8&insurance_years=2", "age=48&education=bachelor_degree&title=senior&title_base_ok=1",
		"birth=1990-02-28&base_monthly=9947.2&insurance_years=3&spouse_years=4", "age=40&key_area=lingang&key_area_years=2&award=city",
		"age=30&invest_tax_avg=250000&invest_hires_avg=12&public_service_years=6", "age=33&false_material=1&detention=2&criminal=1",
		"age=50&serious_crime=1", "age=27&fresh_graduate=1&full_time=1&shortage_major=true",
	}
	// the fuzzer's corpus, checked in under score/testdata (never the
	// machine's own cache: the test is the same on every machine)
	corpus, _ := filepath.Glob(filepath.Join("..", "score", "testdata", "fuzz", "FuzzParseQuery", "*"))
	sort.Strings(corpus)
	fromCorpus := 0
	for _, f := range corpus {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "string("); ok {
				if s, err := strconv.Unquote(strings.TrimSuffix(v, ")")); err == nil {
					seeds = append(seeds, s)
					fromCorpus++
				}
			}
		}
	}
	t.Logf("%d share-link seeds, %d of them from the fuzzer's corpus", len(seeds), fromCorpus)
	r := rand.New(rand.NewSource(7))
	junk := []string{"", "-1", "999999", "1e9", "%zz", "%ff", "中文", "null", "<script>", "1.5", "0x10", " ", "true", "none", strings.Repeat("9", 300)}
	keys := []string{"age", "birth", "education", "title", "base_tier", "insurance_years", "spouse_years", "as_of", "foo", "key_area", "base_monthly"}
	var out []string
	for _, q := range seeds {
		if p, probs := score.ParseQuery(q); len(out) < 100 && (p != (score.Profile{}) || len(probs) > 0) {
			out = append(out, q)
		}
	}
	for len(out) < 260 {
		q := seeds[r.Intn(len(seeds))]
		pairs := strings.Split(q, "&")
		switch r.Intn(6) {
		case 0:
			pairs = append(pairs, keys[r.Intn(len(keys))]+"="+junk[r.Intn(len(junk))])
		case 1:
			if len(pairs) > 1 {
				i := r.Intn(len(pairs))
				pairs = append(pairs[:i], pairs[i+1:]...)
			}
		case 2:
			i := r.Intn(len(pairs))
			k, _, _ := strings.Cut(pairs[i], "=")
			pairs[i] = k + "=" + url.QueryEscape(junk[r.Intn(len(junk))])
		case 3:
			pairs = append(pairs, pairs[r.Intn(len(pairs))])
		case 4:
			s := strings.Join(pairs, "&")
			pairs = []string{s[:r.Intn(len(s)+1)]}
		}
		q = strings.Join(pairs, "&")
		if p, probs := score.ParseQuery(q); p == (score.Profile{}) && len(probs) == 0 {
			continue // an empty link shows the saved answers instead
		}
		out = append(out, q)
	}
	return out
}

func TestShareLinksFromTheFuzzer(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/result#age=30")
	today := p.browserToday(t)
	// last is where go-app last navigated (it ignores a navigation there
	// again); soft counts navigations within one page load: Chromium
	// ignores history changes past about 200 in 10 s, so a page load now
	// and then starts afresh.
	tested, last, soft := 0, "", 0
	for i, q := range shareLinks(t) {
		if tested == 200 {
			break
		}

		// every other link the old way, with the answers in the query
		sep, part := "#", "hash"
		if i%2 == 1 {
			sep, part = "?", "search"
		}
		// the link as the browser keeps it (it escapes spaces, quotes,
		// non-ASCII… and a query ends at #), which is what the app reads
		got := p.eval(t, `new URL("/result`+sep+`" + `+jsString(q)+`, location.origin).`+part+`.slice(1)`)
		prof, probs := score.ParseQuery(got)
		if prof == (score.Profile{}) && len(probs) == 0 {
			continue // an empty link shows the saved answers instead
		}
		tested++
		want, empty := prof.Encode(), prof == (score.Profile{})
		if prof.AsOf.IsZero() {
			prof.AsOf = today // the app scores at the browser's day
		}
		res, evalErr := score.Evaluate(prof)
		if _, err := url.Parse("/result" + sep + q); err != nil || sep+q == last || soft == 50 {
			// Go's parser refuses it, go-app would ignore it, or it is
			// time for a fresh page: a plain page load
			p.open(t, "/result"+sep+q)
			last, soft = "", 0
		} else {
			last = sep + q
			soft++
			_, err := run(p, chromedp.Evaluate[bool](`goappNav("/result`+sep+`" + `+jsString(q)+`), true`))
			require.NoError(t, err)
		}
		// the result page says which answers it shows in data-q
		if _, err := run(p, chromedp.Poll[bool](`((document.querySelector(".page") || {dataset: {}}).dataset.q ?? "") === `+jsString("#"+want))); err != nil {
			t.Fatalf("link %d %q: want %q, page shows %s", i, q, want, p.eval(t, `document.querySelector(".page").dataset.q + " at " + location.href`))
		}
		main := p.eval(t, `document.querySelector("main").innerText`)
		assert.NotEmpty(t, main, "blank page for %q", q)
		switch {
		case len(probs) > 0:
			// a link with problems: no number until the visitor goes on
			assert.Contains(t, main, "链接可能不完整", "link %d %q", i, q)
			assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("[data-testid=total]").length)`), "link %d %q", i, q)
		case empty:
			assert.Contains(t, main, "还没有答案", "link %d %q", i, q)
		case evalErr != nil:
			assert.Contains(t, main, "无法计算", "link %d %q", i, q)
		default:
			assert.Equal(t, strconv.Itoa(res.Total), p.eval(t, `document.querySelector("[data-testid=total]").textContent`), "link %d %q", i, q)
		}
	}
	assert.Equal(t, 200, tested, "share links loaded")
	p.check(t)
}
