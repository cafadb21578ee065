package e2e

import (
	"bufio"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

// rawRequest sends bytes on a new connection and returns the status code
// of the answer (0 when the server closed without one). It never waits
// more than 10 s.
func rawRequest(t *testing.T, addr, req string) int {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	require.NoError(t, err)
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, req); err != nil {
		return 0 // the server may stop reading a huge request early
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		if e, ok := err.(net.Error); ok && e.Timeout() {
			t.Fatalf("no answer within 10 s to %.80q", req)
		}
		return 0
	}
	f := strings.Fields(line)
	require.GreaterOrEqual(t, len(f), 2, "status line %q", line)
	code, err := strconv.Atoi(f[1])
	require.NoError(t, err)
	return code
}

func TestHostileRequests(t *testing.T) {
	if serverPath == "" {
		t.Skip("no server")
	}
	srv := startServer(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	get := func(target string, headers ...string) string {
		return "GET " + target + " HTTP/1.1\r\nHost: " + addr + "\r\n" + strings.Join(headers, "") + "Connection: close\r\n\r\n"
	}
	many := make([]string, 3000)
	for i := range many {
		many[i] = "k" + strconv.Itoa(i) + "=" + strconv.Itoa(i)
	}
	cases := map[string]string{
		"traversal":             get("/../../etc/passwd"),
		"traversal in web":      get("/web/../site.go"),
		"encoded traversal":     get("/web/..%2f..%2fetc%2fpasswd"),
		"encoded dots":          get("/%2e%2e/%2e%2e/etc/passwd"),
		"versioned traversal":   get("/abc/web/%2e%2e/%2e%2e/server.go"),
		"double encoded":        get("/web/%252e%252e/site.go"),
		"backslashes":           get("/web/..\\..\\site.go"),
		"nul":                   get("/web/style.css%00.png"),
		"long url":              get("/result?age=" + strings.Repeat("9", 100000)),
		"long query value":      get("/result?education=" + strings.Repeat("x", 10000)),
		"thousands of params":   get("/result?" + strings.Join(many, "&")),
		"invalid utf-8":         get("/result?education=%ff%fe%80&%c3%28=1"),
		"invalid utf-8 in path": get("/%ff%fe"),
		"long header":           get("/", "X-Long: "+strings.Repeat("a", 200000)+"\r\n"),
		"many headers":          get("/", strings.Repeat("X-A: b\r\n", 2000)),
		"bad accept-encoding":   get("/web/app.wasm", "Accept-Encoding: br;q=nan, gzip;q=-1, *;q=0\r\n"),
		"range on wasm":         get("/web/app.wasm", "Range: bytes=999999999-\r\n"),
		"propfind":              "PROPFIND / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"trace":                 "TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"unknown method":        "FROBNICATE /result HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"post with body":        "POST /result HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
		"garbage":               "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
		"http/0.9":              "GET /\r\n\r\n",
		"no host":               "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
		"absolute form":         "GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
	}
	for name, req := range cases {
		code := rawRequest(t, addr, req)
		assert.True(t, code == 0 || code < 500, "%s: got %d", name, code)
		if strings.Contains(name, "traversal") || strings.Contains(name, "encoded") || name == "backslashes" {
			assert.NotEqual(t, 200, code, "%s must not serve a file", name)
		}
	}
	// pages answer normally with bad input
	for _, target := range []string{"/result?education=" + strings.Repeat("x", 10000), "/result?" + strings.Join(many, "&"), "/result?education=%ff%fe%80"} {
		res, err := http.Get(srv.URL + target)
		require.NoError(t, err)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		assert.Equal(t, 200, res.StatusCode)
		assert.Contains(t, string(body), "无法使用", "a notice in Chinese")
	}
	// and the server keeps answering
	res, err := http.Get(srv.URL + "/")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode)
}

func TestGracefulShutdownFinishesDownloads(t *testing.T) {
	if serverPath == "" {
		t.Skip("no server")
	}
	srv := startServer(t)
	req, err := http.NewRequest("GET", srv.URL+"/web/app.wasm", nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", "identity") // the largest answer
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	require.NoError(t, err)
	defer res.Body.Close()
	want, err := strconv.Atoi(res.Header.Get("Content-Length"))
	require.NoError(t, err)
	buf := make([]byte, 64<<10)
	n, err := io.ReadFull(res.Body, buf)
	require.NoError(t, err)

	require.NoError(t, srv.cmd.Process.Signal(os.Interrupt))
	exited := make(chan error, 1)
	go func() { exited <- srv.cmd.Wait() }()
	time.Sleep(300 * time.Millisecond)
	// a new connection is refused while the download goes on
	_, err = net.DialTimeout("tcp", strings.TrimPrefix(srv.URL, "http://"), time.Second)
	assert.Error(t, err, "the listener is closed")
	select {
	case <-exited:
		t.Fatal("the server quit before the download finished")
	default:
	}
	for {
		m, err := res.Body.Read(buf)
		n += m
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		time.Sleep(2 * time.Millisecond) // a slow client
	}
	assert.Equal(t, want, n, "the whole app.wasm arrived")
	select {
	case err := <-exited:
		assert.NoError(t, err, "clean exit")
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit after the download")
	}
}

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
		want := prof.Encode()
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
		case prof == (score.Profile{}):
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
