package e2e

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"

	"jifen/batch"
	"jifen/score"
)

// staffRow is one employee of a generated staff table: the cells as an
// HR office writes them and, independently, the profile they mean in
// link form (so that the page's totals are checked against score, not
// against the batch package's own reading).
type staffRow struct {
	cells []string
	link  string // "" for a row with a bad cell
}

var staffHeader = []string{"姓名", "出生年月", "学历", "全日制", "职称或技能", "社保年限", "社保基数档次", "配偶沪籍婚龄", "子女出生年月", "严重刑事犯罪", "部门"}

// staffTable makes n rows, every tenth with a bad 学历 cell, in cell
// forms of batch.md; the others' profiles in link form.
func staffTable(n int, seed uint64) []staffRow {
	rng := rand.New(rand.NewPCG(seed, 99))
	edus := [][2]string{{"博士", "doctor"}, {"硕士研究生", "master"}, {"本科学士", "bachelor_degree"}, {"本科", "bachelor"}, {"专科", "college"}, {"高中", ""}}
	titles := [][2]string{{"", ""}, {"初级", "junior"}, {"高级工", "skill3"}, {"中级职称", "intermediate"}, {"副高", "senior"}}
	tiers := [][2]string{{"", ""}, {"0.8", "0.8"}, {"1倍", "1"}, {"2", "2"}, {"3", "3"}, {"无", "none"}}
	rows := make([]staffRow, n)
	for i := range rows {
		y, m := 1968+rng.IntN(36), 1+rng.IntN(12)
		birthForms := []string{fmt.Sprintf("%d-%02d", y, m), fmt.Sprintf("%d/%d", y, m), fmt.Sprintf("%d年%d月", y, m), fmt.Sprintf("%d.%02d", y, m)}
		edu, title, tier := edus[rng.IntN(len(edus))], titles[rng.IntN(len(titles))], tiers[rng.IntN(len(tiers))]
		years, spouse := rng.IntN(12), rng.IntN(3)*rng.IntN(4)
		full := []string{"是", "否", ""}[rng.IntN(3)]
		kid := ""
		if rng.IntN(3) == 0 {
			kid = fmt.Sprintf("%d-%02d", 2008+rng.IntN(17), 1+rng.IntN(12))
		}
		crime := ""
		if rng.IntN(25) == 0 {
			crime = "是"
		}
		cells := []string{"员工" + strconv.Itoa(i+1), birthForms[rng.IntN(4)], edu[0], full, title[0], strconv.Itoa(years) + "年", tier[0], strconv.Itoa(spouse), kid, crime, "研发"}
		link := fmt.Sprintf("birth=%d-%02d", y, m)
		for _, kv := range [][2]string{{"education", edu[1]}, {"full_time", map[string]string{"是": "1", "否": "0"}[full]}, {"title", title[1]},
			{"insurance_years", strconv.Itoa(years)}, {"base_tier", tier[1]}, {"spouse_years", strconv.Itoa(spouse)}, {"children", kid}, {"serious_crime", map[string]string{"是": "1"}[crime]}} {
			if kv[1] != "" && kv[1] != "0" || kv[0] == "full_time" && kv[1] == "0" {
				link += "&" + kv[0] + "=" + kv[1]
			}
		}
		if i%10 == 9 {
			cells[2], link = "研究生", ""
		}
		rows[i] = staffRow{cells, link}
	}
	return rows
}

// tsv writes rows as cells pasted from a spreadsheet; csv as Excel saves
// them (CRLF, quoted where needed).
func tsv(rows []staffRow) string {
	lines := []string{strings.Join(staffHeader, "\t")}
	for _, r := range rows {
		lines = append(lines, strings.Join(r.cells, "\t"))
	}
	return strings.Join(lines, "\n") + "\n"
}

func csvText(rows []staffRow) string {
	lines := []string{strings.Join(staffHeader, ",")}
	for _, r := range rows {
		lines = append(lines, strings.Join(r.cells, ","))
	}
	return strings.Join(lines, "\r\n") + "\r\n"
}

// paste puts text into the paste box as a paste does.
func (p *page) paste(t testing.TB, text string) {
	t.Helper()
	js := `(() => { const el = document.querySelector("[data-testid=batch-paste]"); el.focus(); el.value = ` + jsString(text) +
		`; el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste"})); return true })()`
	_, err := run(p, chromedp.Evaluate[bool](js))
	require.NoError(t, err)
}

// rowsShown are the rows the table shows: line, name, total, status,
// reach, errors.
type rowShown struct {
	Line   int    `json:"line"`
	Name   string `json:"name"`
	Total  string `json:"total"`
	Status string `json:"status"`
	Reach  string `json:"reach"`
	Error  string `json:"error"`
	Result string `json:"result"`
	Target string `json:"target"`
}

func (p *page) rowsShown(t *testing.T) []rowShown {
	t.Helper()
	out := p.eval(t, `JSON.stringify([...document.querySelectorAll("[data-testid=batch-row]")].map(r => ({
		line: +r.dataset.line, name: r.querySelector("th").textContent,
		total: r.querySelector("[data-testid=batch-total]").textContent,
		status: r.querySelector("[data-testid=batch-status]").textContent,
		reach: r.querySelector("[data-testid=batch-reach]").textContent,
		error: (r.querySelector("[data-testid=batch-error]") || {textContent: ""}).textContent,
		result: (r.querySelector("a[href^='/result']") || {}).getAttribute?.("href") || "",
		target: (r.querySelector("a[href^='/result']") || {target: ""}).target})))`)
	var rows []rowShown
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	return rows
}

// storage is every key and value of the page's local and session storage.
func (p *page) storage(t *testing.T) string {
	return p.eval(t, `JSON.stringify([localStorage, sessionStorage].map(s => Object.fromEntries(Object.keys(s).map(k => [k, s.getItem(k)]))))`)
}

func TestBatchPasteScoresEveryRow(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/batch")
	assert.Equal(t, "名单只在这台设备上计算，不会上传到任何服务器（包括本站）。", p.text(t, "[data-testid=batch-privacy]"))
	assert.Equal(t, "/guide#employer-first", p.eval(t, `document.querySelector("main a[href^='/guide#']").getAttribute("href")`))
	before := p.storage(t)

	rows := staffTable(120, 1)
	p.paste(t, tsv(rows))
	p.waitFor(t, `document.querySelector("[data-testid=batch-counts]")`)
	today := p.browserToday(t)
	// the counts and each row's figures are score's, for the profile
	// each row means
	var met, below, cannot, bad int
	for _, r := range rows {
		if r.link == "" {
			bad++
			continue
		}
		p, _ := score.ParseQuery(r.link)
		p.AsOf = today
		res := score.MustEvaluate(p)
		switch {
		case res.Vetoed || res.Retired:
			cannot++
		case res.MeetsStandard:
			met++
		default:
			below++
		}
	}
	want := batch.Counts{Rows: len(rows), Met: met, Below: below, Cannot: cannot, Errors: bad}.String()
	assert.Equal(t, want, p.text(t, "[data-testid=batch-counts]"))
	shown := p.rowsShown(t)
	require.Len(t, shown, 50, "a page of rows")
	checkRows := func(shown []rowShown) {
		for _, s := range shown {
			r := rows[s.Line-2] // the header is row 1
			assert.Equal(t, r.cells[0], s.Name)
			if r.link == "" {
				assert.Equal(t, "", s.Total, "no total for a bad cell")
				assert.Equal(t, "有错误", s.Status)
				assert.Equal(t, "第 "+strconv.Itoa(s.Line)+" 行“学历”：无法识别“研究生”，可填 博士、硕士、本科+学士、本科、大专、无", s.Error)
				continue
			}
			assert.Equal(t, strconv.Itoa(totalAt(t, r.link, today)), s.Total, r.link)
			pr, _ := score.ParseQuery(r.link)
			assert.Equal(t, "/result#"+pr.Encode(), s.Result, "the person's page, the profile after #")
			assert.Equal(t, "_blank", s.Target)
		}
	}
	checkRows(shown)

	// the next page
	p.do(t, chromedp.Click(chromedp.CSS(`button[data-act=next]`)))
	p.waitFor(t, `document.querySelector("[data-testid=batch-row]").dataset.line === "52"`)
	checkRows(p.rowsShown(t))
	assert.Equal(t, "true", p.eval(t, `String(document.activeElement === document.querySelector("button[data-act=next]"))`), "the focus stays on the button")

	// sorted by total, highest first: rows with an error last
	p.do(t, chromedp.Click(chromedp.CSS(`button[data-key=total]`)))
	p.waitFor(t, `document.querySelector("th[aria-sort=ascending] button[data-key=total]")`)
	p.do(t, chromedp.Click(chromedp.CSS(`button[data-key=total]`)))
	p.waitFor(t, `document.querySelector("th[aria-sort=descending] button[data-key=total]")`)
	shown = p.rowsShown(t)
	for i := 1; i < len(shown); i++ {
		a, _ := strconv.Atoi(shown[i-1].Total)
		b, _ := strconv.Atoi(shown[i].Total)
		assert.GreaterOrEqual(t, a, b, "sorted by total, descending")
	}
	// filtered: only the rows with an error
	p.do(t, chromedp.Click(chromedp.CSS(`#batch-filter-error`)))
	p.waitFor(t, `document.querySelectorAll("[data-testid=batch-row]").length === `+strconv.Itoa(bad))
	for _, s := range p.rowsShown(t) {
		assert.Equal(t, "有错误", s.Status)
	}
	p.do(t, chromedp.Click(chromedp.CSS(`#batch-filter-met`)))
	p.waitFor(t, `document.querySelectorAll("[data-testid=batch-row]").length === `+strconv.Itoa(min(met, 50)))
	for _, s := range p.rowsShown(t) {
		assert.Equal(t, "达标", s.Status)
		assert.Equal(t, "已达到", s.Reach)
	}

	// nothing was stored, no name is in any storage
	after := p.storage(t)
	assert.Equal(t, before, after, "nothing written to storage without 保存在这台设备上")
	assert.NotContains(t, after, "员工1")
	p.check(t)
}

// download clicks a button and returns the file the browser saved.
func (p *page) download(t *testing.T, sel string) []byte {
	t.Helper()
	dir := t.TempDir()
	_, err := chromedp.CallBrowser(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
	require.NoError(t, err)
	p.do(t, chromedp.Click(chromedp.CSS(sel)))
	deadline := time.Now().Add(stepTimeout)
	for time.Now().Before(deadline) {
		files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
		if len(files) == 1 {
			b, err := os.ReadFile(files[0])
			require.NoError(t, err)
			if len(b) > 0 {
				return b
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no file downloaded by %s", sel)
	return nil
}

// jifenBatch runs `jifen batch` on a file at a date.
func jifenBatch(t *testing.T, path string, d score.Date) []byte {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "jifen")
	build := exec.Command("go", "build", "-o", bin, "../cmd/jifen")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)
	cmd := exec.Command(bin, "batch", "-as-of", d.String(), path)
	stdout, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		require.ErrorAs(t, err, &ee)
		require.Equal(t, 1, ee.ExitCode(), "%s", ee.Stderr) // rows with an error
	}
	return stdout
}

// TestBatchGBKFileExportsWhatJifenWrites: a CSV in GBK, as Excel on Chinese
// Windows saves it, opened through the file picker, reads as the same
// table; its export is the bytes `jifen batch` writes for the same file,
// and totals are score's.
func TestBatchGBKFileExportsWhatJifenWrites(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/batch")
	rows := staffTable(30, 2)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(csvText(rows))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "名单.csv")
	require.NoError(t, os.WriteFile(path, []byte(gbk), 0o600))
	p.do(t, chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][data-testid=batch-file]`), []string{path}))
	p.waitFor(t, `document.querySelector("[data-testid=batch-counts]")`)
	assert.Contains(t, p.text(t, "#batch-results"), "文件“名单.csv”（GB18030 编码）")
	assert.Equal(t, strings.ReplaceAll(csvText(rows), "\r\n", "\n"), p.eval(t, `document.querySelector("[data-testid=batch-paste]").value`), "the file, decoded, in the box")
	today := p.browserToday(t)
	for _, s := range p.rowsShown(t) {
		if r := rows[s.Line-2]; r.link != "" {
			assert.Equal(t, strconv.Itoa(totalAt(t, r.link, today)), s.Total, r.link)
		}
	}
	got := p.download(t, "[data-testid=batch-export]")
	assert.True(t, strings.HasPrefix(string(got), "\uFEFF姓名,出生年月,学历,"), "UTF-8 with a BOM, the table's own columns first")
	assert.Equal(t, string(jifenBatch(t, path, today)), string(got), "the page's export is jifen batch's")
	// and what the batch package writes natively for the same text
	tab := batch.Read(csvText(rows))
	assert.Equal(t, string(batch.Export(tab, tab.ScoreAll(today), today)), string(got))
	p.check(t)
}

// TestBatchKeepsTheListOnlyWhenTicked: 保存在这台设备上 saves the table
// under jifen.batch, it is back after a reload, and 删除保存的名单 removes
// it; 清除我的数据 removes it too.
func TestBatchKeepsTheListOnlyWhenTicked(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/batch")
	text := tsv(staffTable(5, 3))
	p.paste(t, text)
	p.waitFor(t, `document.querySelector("[data-testid=batch-counts]")`)
	assert.Equal(t, "null", p.eval(t, `String(localStorage.getItem("jifen.batch"))`))
	p.do(t, chromedp.Click(chromedp.CSS(`[data-testid=batch-keep]`)))
	p.waitFor(t, `localStorage.getItem("jifen.batch")`)
	assert.Equal(t, text, p.eval(t, `JSON.parse(localStorage.getItem("jifen.batch"))`))
	counts := p.text(t, "[data-testid=batch-counts]")

	p.open(t, "/batch")
	p.waitFor(t, `document.querySelector("[data-testid=batch-counts]")`)
	assert.Equal(t, counts, p.text(t, "[data-testid=batch-counts]"), "the saved list is back")
	assert.Equal(t, "true", p.eval(t, `String(document.querySelector("[data-testid=batch-keep]").checked)`))
	p.do(t, chromedp.Click(chromedp.CSS(`[data-testid=batch-forget]`)))
	p.waitFor(t, `localStorage.getItem("jifen.batch") === null`)
	// the page is drawn anew at its next frame
	p.waitFor(t, `document.querySelector(".batch-live").textContent.includes("已删除保存在这台设备上的名单")`)
	assert.Equal(t, "false", p.eval(t, `String(document.querySelector("[data-testid=batch-keep]").checked)`))
	assert.Empty(t, p.eval(t, `document.querySelector("[data-testid=batch-forget]") ? "still there" : ""`))

	p.do(t, chromedp.Click(chromedp.CSS(`[data-testid=batch-keep]`)))
	p.waitFor(t, `localStorage.getItem("jifen.batch")`)
	// 清除我的数据 removes it too, and the tick goes; 撤销 brings both back
	p.do(t, chromedp.Click(chromedp.CSS(`#clear-data`)), chromedp.Click(chromedp.CSS(`#clear-yes`)))
	p.waitFor(t, `localStorage.getItem("jifen.batch") === null && !document.querySelector("[data-testid=batch-keep]").checked`)
	p.do(t, chromedp.Click(chromedp.CSS(`#clear-undo`)))
	p.waitFor(t, `localStorage.getItem("jifen.batch") !== null && document.querySelector("[data-testid=batch-keep]").checked`)
	assert.Equal(t, text, p.eval(t, `JSON.parse(localStorage.getItem("jifen.batch"))`))
	p.check(t)
}

// TestBatchTableErrorsAndNotices: a header naming a key twice, a header
// alone, columns not scored.
func TestBatchTableErrorsAndNotices(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/batch")
	p.paste(t, "姓名\t学历\t部门\teducation\n张三\t硕士\t研发\t本科\n")
	p.waitFor(t, `document.querySelector("[data-testid=batch-table-error]")`)
	assert.Contains(t, p.text(t, "[data-testid=batch-table-error]"), "“学历”（B 列）和“education”（D 列）都是学历：请只留一列")
	assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("[data-testid=batch-row]").length)`))
	p.paste(t, "姓名\t学历\n")
	p.waitFor(t, `document.querySelector("[data-testid=batch-table-error]").textContent.includes("只有表头")`)
	p.paste(t, "姓名\t学历\t部门\n张三\t硕士\t研发\n")
	p.waitFor(t, `document.querySelector("[data-testid=batch-notice]")`)
	assert.Contains(t, p.text(t, "[data-testid=batch-notice]"), "这些列不参与计算，导出时原样保留：“部门”")
	p.check(t)
}

// TestBatchPrintView prints the summary and each employee's materials on
// A4.
func TestBatchPrintView(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/batch")
	p.paste(t, "姓名\t出生年月\t学历\t全日制\t社保年限\t社保基数档次\t配偶沪籍婚龄\t子女出生年月\n"+
		"张三\t1990-05\t硕士\t是\t6\t1\t2\t2018-03\n李四\t1996-03\t本科\t是\t1\t\t\t\n王五\t1988-01\t博士\t是\t3\t2\t\t\n")
	p.waitFor(t, `document.querySelector("[data-testid=batch-counts]")`)
	_, err := run(p, chromedp.Evaluate[bool](`window.print = () => {}, true`))
	require.NoError(t, err)
	p.do(t, chromedp.Click(chromedp.CSS(`[data-testid=batch-print]`)))
	p.waitFor(t, `document.querySelector("[data-testid=batch-print-view]")`)
	view := p.eval(t, `document.querySelector("[data-testid=batch-print-view]").textContent`)
	for _, want := range []string{"单位准备", "每人必备", "第 2 行 张三", "结婚证", "出生医学证明", "第 4 行 王五"} {
		assert.Contains(t, view, want)
	}
	assert.NotContains(t, view, "李四", "the materials are for those who reach the standard")
	pdf, err := run(p, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(pdf), "%PDF"))
	p.check(t)
}

// TestBatchAccessibleAndTappable checks the filled page with axe-core at
// phone and desktop size, and its controls' height.
func TestBatchAccessibleAndTappable(t *testing.T) {
	src := axeSource(t)
	srv := startServer(t)
	for _, size := range []struct {
		name string
		w, h int64
	}{{"phone", 390, 844}, {"desktop", 1280, 800}} {
		t.Run(size.name, func(t *testing.T) {
			p := newPage(t, srv.URL)
			p.do(t, chromedp.EmulateViewport(size.w, size.h))
			p.open(t, "/batch")
			p.paste(t, tsv(staffTable(60, 4)))
			p.waitFor(t, `document.querySelector("[data-testid=batch-counts]")`)
			assert.Empty(t, axeRun(t, p, src), "axe at %s", size.name)
			small := p.eval(t, `JSON.stringify([...document.querySelectorAll("main a, main button, main select, main input, main summary, main textarea")]
				.filter(e => e.offsetParent !== null && e.type !== "radio" && e.type !== "checkbox")
				.filter(e => e.getBoundingClientRect().height < 43.5)
				.map(e => e.tagName + " " + e.textContent.trim().slice(0, 20)))`)
			assert.Equal(t, "[]", small, "controls under 44 px")
			p.check(t)
		})
	}
}

// TestBatchScreenshots takes the pictures of /batch a person looks at:
// JIFEN_SHOTS=DIR keeps them.
func TestBatchScreenshots(t *testing.T) {
	dir := os.Getenv("JIFEN_SHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	srv := startServer(t)
	for _, size := range []struct {
		name string
		w, h int64
	}{{"390x844", 390, 844}, {"1280x800", 1280, 800}} {
		p := newPage(t, srv.URL)
		p.do(t, chromedp.EmulateViewport(size.w, size.h))
		p.open(t, "/batch")
		shot(t, p, filepath.Join(dir, "batch-empty-"+size.name+".png"))
		p.paste(t, tsv(staffTable(20, 5)))
		p.waitFor(t, `document.querySelector("[data-testid=batch-counts]")`)
		for i, sel := range []string{"#batch-results", "[data-testid=batch-row]:nth-child(9)"} {
			_, err := run(p, chromedp.Evaluate[bool](`window.scrollTo(0, document.querySelector(`+jsString(sel)+`).getBoundingClientRect().top + scrollY - 8), true`))
			require.NoError(t, err)
			shot(t, p, filepath.Join(dir, "batch-results-"+size.name+"-"+strconv.Itoa(i)+".png"))
		}
		p.check(t)
	}
}

func shot(t *testing.T, p *page, path string) {
	t.Helper()
	b, err := run(p, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, b, 0o644))
}
