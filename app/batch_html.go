package app

import (
	"html"
	"sort"
	"strconv"
	"strings"
	"time"

	"jifen/batch"
	"jifen/guide"
	"jifen/score"
)

// The HTML of /batch (see batchPage): every text from a table is escaped
// (esc) before it is written.

// esc escapes text for HTML, as content or a quoted attribute.
func esc(s string) string { return html.EscapeString(s) }

// htm collects HTML.
type htm []byte

// add appends tmpl with each {} replaced by the next of args (one
// template costs app.wasm less code than a concatenation of its parts).
func (h *htm) add(tmpl string, args ...string) {
	for _, a := range args {
		i := strings.Index(tmpl, "{}")
		if i < 0 {
			break
		}
		*h = append(append(*h, tmpl[:i]...), a...)
		tmpl = tmpl[i+2:]
	}
	*h = append(*h, tmpl...)
}

// batchInputHTML is the page's title, its privacy line, what it is for,
// and the paste box, the file picker, the template and the storage
// choice: written once, never redrawn (the box keeps its text).
var batchInputHTML = `<div class="batch-intro"><h1 class="page-title">单位批量计算</h1>` +
	`<p class="batch-privacy" data-testid="batch-privacy">名单只在这台设备上计算，不会上传到任何服务器（包括本站）。</p>` +
	`<p class="muted">给单位人事：把员工名单（第一行是表头，下面一行一人）粘贴进来或打开文件，每人的积分、是否达标、还差多少、预计哪个月达到 ` + stdText +
	` 分立即算出。</p><p><a class="more" href="` + PathGuide + `#employer-first">单位第一次办理？看“单位首次办理”：一网通办注册、现场核验和材料</a></p>` +
	`<section class="card batch-input" aria-labelledby="batch-input-title"><h2 id="batch-input-title">员工名单</h2>` +
	`<label for="` + pasteID + `" class="field-label">粘贴表格（在 Excel 或 WPS 里选中整张表，含表头，复制后粘贴到这里）</label>` +
	`<textarea id="` + pasteID + `" class="batch-paste" data-testid="batch-paste" rows="7" wrap="off" spellcheck="false" autocomplete="off" aria-describedby="batch-paste-help" placeholder="` +
	esc("姓名\t出生年月\t学历 …\n张三\t1990-05\t本科+学士 …") + `"></textarea>` +
	`<p id="batch-paste-help" class="hint">表头用中文列名（见模板），列的顺序不限；不认识的列原样保留、不参与计算。空格子按“没有”计，和自测一样。</p>` +
	`<div class="batch-file-row"><label for="` + fileID + `" class="field-label">或打开文件：点下面的框选择<span class="drag-hint">，或把文件拖进框里</span>（CSV，或从 Excel 另存的文本；UTF-8 或 GBK 编码都可以）</label>` +
	`<input type="file" id="` + fileID + `" class="batch-file" data-testid="batch-file" accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"></div>` +
	`<div class="row batch-tools"><button type="button" class="btn btn-small" data-act="template" data-key="" data-testid="batch-template">下载模板（表头和两行示例）</button></div>` +
	`<div class="check-item batch-keep"><input type="checkbox" id="` + keepID + `" class="check" data-testid="batch-keep">` +
	`<label for="` + keepID + `"><span>保存在这台设备上</span><span class="choice-sub">不勾选时名单不保存，关闭页面就没有了；勾选后下次打开本页还在（只存在这台设备的浏览器里）。</span></label></div></section></div>`

// liveHTML is what the page says as it goes, in its live region: what
// the last file or storage action did, the progress while scoring (past
// half a second), what could not be read of the table as a whole, and
// the counts once scored.
func (c *batchPage) liveHTML() string {
	var h htm
	h.add("<div>")
	if c.fileErr != "" {
		h.add(`<p class="field-error">{}</p>`, esc(c.fileErr))
	}
	if c.saved {
		h.add(`<button type="button" class="btn btn-small btn-ghost" data-act="forget" data-key="" data-testid="batch-forget">删除保存的名单</button>`)
	}
	if c.note != "" {
		h.add(`<p class="small">{}</p>`, esc(c.note))
	}
	t := c.table
	switch {
	case c.scoring && c.slow:
		all := max(c.rows, c.done, 1)
		h.add(`<div class="card" data-testid="batch-progress"><p>正在计算… 已算 {} / {} 行</p><progress max="{}" value="{}" aria-label="计算进度"></progress></div>`,
			score.Money(int64(c.done)*100), score.Money(int64(all)*100), strconv.Itoa(all), strconv.Itoa(c.done))
	case c.scoring:
		h.add(`<p class="muted" data-testid="batch-progress">正在读取表格…</p>`)
	case t == nil:
	case len(t.Errors) > 0:
		h.add(`<div class="notice notice-error" data-testid="batch-table-error"><p><strong>这张表无法计算：</strong></p><ul>{}</ul></div>`, items(t.Errors))
	default:
		h.add(`<p class="sr-only">计算完成：{}</p>`, c.counts.String())
	}
	if t != nil && !c.scoring && len(t.Notices) > 0 {
		h.add(`<div class="notice notice-warn" data-testid="batch-notice"><ul>{}</ul></div>`, items(t.Notices))
	}
	h.add("</div>")
	return string(h)
}

// items are texts as the items of a list.
func items(texts []string) string {
	var h htm
	for _, t := range texts {
		h.add("<li>{}</li>", esc(para(t)))
	}
	return string(h)
}

// The filters of the results table.
const (
	filterAll    = "all"
	filterMet    = "met"
	filterBelow  = "below"
	filterCannot = "cannot"
	filterError  = "error"
)

// The sort keys of the results table.
const (
	sortLine  = "line"
	sortName  = "name"
	sortTotal = "total"
	sortGap   = "gap"
	sortReach = "reach"
)

// refresh rebuilds the rows shown after the table, the filter or the
// order changed, and goes back to the first page.
func (c *batchPage) refresh() {
	c.view = c.view[:0]
	for i := range c.outs {
		s := c.outs[i].Status
		if c.filter == filterAll || c.filter == filterOf[s] {
			c.view = append(c.view, i)
		}
	}
	if c.sortKey == sortName && c.nameRank == nil {
		c.nameRank = nameOrder(c.table.Rows)
	}
	rows, outs := c.table.Rows, c.outs
	key := func(i int) (int, bool) {
		o := &outs[i]
		switch c.sortKey {
		case sortTotal:
			return o.Result.Total, o.Status != batch.StatusError
		case sortGap:
			return o.Result.Gap, o.Status == batch.StatusMet || o.Status == batch.StatusBelow
		case sortReach:
			return o.ReachMonth, o.ReachMonth >= 0
		case sortName:
			return c.nameRank[i], true
		}
		return rows[i].Line, true
	}
	sort.SliceStable(c.view, func(a, b int) bool {
		x, okX := key(c.view[a])
		y, okY := key(c.view[b])
		switch {
		case okX != okY: // rows without the figure (有错误, 不能申请) last
			return okX
		case x != y:
			return x < y != c.sortDesc
		}
		return c.view[a] < c.view[b]
	})
	c.page = 0
}

// filterOf is the filter that shows a status.
var filterOf = map[batch.Status]string{batch.StatusMet: filterMet, batch.StatusBelow: filterBelow, batch.StatusCannot: filterCannot, batch.StatusError: filterError}

// nameOrder ranks the rows by name (by code point: characters of the
// same radical together, as in a character dictionary), once.
func nameOrder(rows []batch.Row) []int {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rows[idx[a]].Name < rows[idx[b]].Name })
	rank := make([]int, len(rows))
	for r, i := range idx {
		rank[i] = r
	}
	return rank
}

// resultsHTML is the export and print buttons, the filter, the table of
// one page of rows and the pager.
func (c *batchPage) resultsHTML() string {
	if c.scoring || c.table == nil || len(c.table.Errors) > 0 || len(c.outs) == 0 {
		return ""
	}
	n := c.counts
	var h htm
	h.add(`<section id="batch-results" class="card" aria-labelledby="batch-counts"><h2 id="batch-counts" class="batch-counts" tabindex="-1" data-testid="batch-counts">{}</h2>`+
		`<p class="small muted">已读取{}；计算日期 {}（表里有“计算日期”的行按该日期）；依据公开资料计算，以区人才服务中心核定为准。</p>`+
		`<p class="small muted batch-hint">点“结果”“规划”“指南”在新标签页打开这位员工的页面（作为分享的结果显示，不保存）。</p>`+
		`<div class="row batch-tools"><button type="button" class="btn btn-primary btn-small" data-act="export" data-key="" data-testid="batch-export">导出 CSV（Excel 可打开）</button>`+
		`<button type="button" class="btn btn-small" data-act="print" data-key="" data-testid="batch-print">打印单位汇总和材料清单（A4）</button></div>`+
		`<fieldset class="batch-filter" data-testid="batch-filter"><legend>显示</legend>`, n.String(), esc(c.source), dayText(c.today))
	for i, f := range [...]string{filterAll, filterMet, filterBelow, filterCannot, filterError} {
		count := [...]int{n.Rows, n.Met, n.Below, n.Cannot, n.Errors}[i]
		if f == filterCannot && count == 0 && c.filter != f {
			continue
		}
		checked := ""
		if c.filter == f {
			checked = " checked"
		}
		h.add(`<label class="chip" for="batch-filter-{}"><input type="radio" id="batch-filter-{}" name="batch-filter" value="{}"{}>{}（{}）</label>`,
			f, f, f, checked, [...]string{"全部", "达标", "未达标", "不能申请", "有错误"}[i], strconv.Itoa(count))
	}
	h.add("</fieldset>")
	if len(c.view) == 0 {
		h.add(`<p class="muted">没有符合条件的行。</p></section>`)
		return string(h)
	}
	from := c.page * pageSize
	to := min(from+pageSize, len(c.view))
	pages := (len(c.view) + pageSize - 1) / pageSize
	if c.printing { // on paper: every row shown, then the materials
		from, to, pages = 0, len(c.view), 1
	}
	caption := "员工积分：{} 人"
	args := []string{strconv.Itoa(len(c.view))}
	if to-from < len(c.view) {
		caption, args = "员工积分：第 {}–{} 人，共 {} 人", []string{strconv.Itoa(from + 1), strconv.Itoa(to), args[0]}
	}
	if len(c.view) < len(c.outs) {
		caption += "（筛选后；全表 {} 行）"
		args = append(args, strconv.Itoa(len(c.outs)))
	}
	h.add(`<div class="table-wrap"><table class="table batch-table"><caption class="batch-caption">`+caption+`</caption><thead><tr>`, args...)
	for i, label := range [...]string{"行", "姓名", "总分", "是否达标", "还差", reachHead, "子女中考", "提示", "查看"} {
		key := [...]string{sortLine, sortName, sortTotal, "", sortGap, sortReach, "", "", ""}[i]
		if key == "" {
			h.add(`<th scope="col">{}</th>`, label)
			continue
		}
		mark, sorted := "", ""
		if c.sortKey == key {
			mark, sorted = " ▲", ` aria-sort="ascending"`
			if c.sortDesc {
				mark, sorted = " ▼", ` aria-sort="descending"`
			}
		}
		h.add(`<th scope="col"{}><button type="button" class="sort" data-act="sort" data-key="{}">{}<span aria-hidden="true">{}</span></button></th>`, sorted, key, label, mark)
	}
	h.add("</tr></thead><tbody>")
	for _, i := range c.view[from:to] {
		c.rowHTML(&h, i)
	}
	h.add("</tbody></table></div>")
	if c.printing {
		h.add(c.materialsHTML())
	}
	if pages > 1 {
		prev, next := "", ""
		if c.page == 0 {
			prev = " disabled"
		}
		if c.page >= pages-1 {
			next = " disabled"
		}
		h.add(`<nav class="row batch-pager" aria-label="翻页"><button type="button" class="btn btn-small" data-act="prev" data-key=""{}>上一页</button>`+
			`<span class="small">第 {} / {} 页</span><button type="button" class="btn btn-small" data-act="next" data-key=""{}>下一页</button></nav>`,
			prev, strconv.Itoa(c.page+1), strconv.Itoa(pages), next)
	}
	h.add("</section>")
	return string(h)
}

// reachHead is the header of the reach month.
var reachHead = "预计达到 " + stdText + " 分"

// rowHTML is one employee: the figures, what is wrong or to note, and the
// links to the person's own pages (the profile after #).
func (c *batchPage) rowHTML(h *htm, i int) {
	r, o := &c.table.Rows[i], &c.outs[i]
	name := esc(personName(r))
	total, cls := "", "status-bad"
	switch o.Status {
	case batch.StatusMet:
		cls = "status-ok"
	case batch.StatusBelow:
		cls = "status-gap"
	}
	if o.Status != batch.StatusError {
		total = strconv.Itoa(o.Result.Total)
	}
	var kids, notes, links htm
	for k, v := range o.ChildrenZh {
		kids.add("<div>子女{}：{}</div>", strconv.Itoa(k+1), esc(v))
	}
	if o.Status == batch.StatusError {
		notes.add(`<ul class="batch-errors" data-testid="batch-error">{}</ul>`, items(o.Errors))
	} else if ws := o.Result.Warnings; len(ws) > 0 {
		notes.add(`<details class="batch-warnings"><summary>{} 条提示</summary><ul>{}</ul></details>`, strconv.Itoa(len(ws)), items(ws))
	}
	if o.Status != batch.StatusError {
		frag := esc(r.Profile.Encode())
		links.add(`<span class="batch-links"><a href="/result#{}" target="_blank" rel="noopener" aria-label="{}的结果（新标签页）">结果</a>`+
			`<a href="/plan#{}" target="_blank" rel="noopener" aria-label="{}的规划（新标签页）">规划</a>`+
			`<a href="/guide#{}" target="_blank" rel="noopener" aria-label="{}的指南（新标签页）">指南</a></span>`, frag, name, frag, name, frag, name)
	}
	line := strconv.Itoa(r.Line)
	h.add(`<tr data-testid="batch-row" data-line="{}"><td class="col-line" data-label="行">{}</td><th scope="row" class="col-name" data-label="姓名">{}</th>`+
		`<td class="col-num" data-label="总分" data-testid="batch-total">{}</td><td class="{}" data-label="是否达标" data-testid="batch-status">{}</td>`+
		`<td class="col-num" data-label="还差">{}</td><td data-label="{}" data-testid="batch-reach">{}</td><td class="col-kids" data-label="子女中考">{}</td>`+
		`<td class="col-notes" data-label="提示">{}</td><td class="col-links" data-label="查看">{}</td></tr>`,
		line, line, name, total, cls, o.Status.String(), gapCell(o), reachHead, reachText(o), string(kids), string(notes), string(links))
}

func personName(r *batch.Row) string {
	if r.Name == "" {
		return "（未填姓名）"
	}
	return r.Name
}

// reachText is a row's 预计达到 on the page: 已达到, 2030 年 12 月, 退休前达不到.
func reachText(o *batch.Outcome) string {
	if o.ReachMonth > 0 {
		return monthText(score.Date{Year: o.ReachMonth / 12, Month: time.Month(o.ReachMonth%12 + 1), Day: 1})
	}
	return o.Reach
}

// gapCell is a row's 还差: empty when it cannot apply or has an error.
func gapCell(o *batch.Outcome) string {
	if o.Status == batch.StatusMet || o.Status == batch.StatusBelow {
		return strconv.Itoa(o.Result.Gap)
	}
	return ""
}

// materialsHTML is what the print view adds below the table: what the
// employer and every applicant bring, then what each employee who reaches
// the standard adds for their own claims.
func (c *batchPage) materialsHTML() string {
	var people htm
	common := ""
	for _, i := range c.view {
		if c.outs[i].Status != batch.StatusMet {
			continue
		}
		r := &c.table.Rows[i]
		p := r.Profile
		if p.AsOf.IsZero() {
			p.AsOf = c.today
		}
		var own htm
		for _, g := range guide.Materials(p, nil) {
			var text htm
			text.add("<strong>{}：</strong>{} ", esc(g.Title), esc(materialNames(g.Items)))
			if g.ID != "employer" && g.ID != "always" {
				own = append(own, text...)
			} else if !strings.Contains(common, string(text)) {
				common += "<p>" + string(text) + "</p>"
			}
		}
		people.add(`<p class="batch-print-person"><strong>第 {} 行 {}（{} 分）</strong> {}</p>`,
			strconv.Itoa(r.Line), esc(personName(r)), strconv.Itoa(c.outs[i].Result.Total), string(own))
	}
	if len(people) == 0 {
		return ""
	}
	return `<div class="batch-print" data-testid="batch-print-view"><h3>材料清单</h3>` + common + "<h3>每位达标员工另需的材料（按各人填写的情况）</h3>" + string(people) + "</div>"
}

func materialNames(ms []guide.Material) string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.Name
	}
	return strings.Join(names, "、")
}
