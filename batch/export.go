package batch

import (
	"strconv"
	"strings"

	"jifen/score"
)

// The export is CSV (RFC 4180: cells with a comma, a quote or a line
// break quoted, quotes doubled, lines ended by CRLF) in UTF-8 with a BOM,
// so that Excel on Chinese Windows opens it in Chinese.
//
// A cell that begins with = + - @, a tab or a carriage return would be
// read by Excel as a formula (a name cell "=HYPERLINK(…)" could run
// something): such a cell is written with a ' before it, as is customary;
// Excel then shows it as text, with the '. Plain numbers ("-50", the
// points of a deduction) are left as they are: Excel reads them as
// numbers, not formulas.

// BOM is the UTF-8 byte-order mark the export and the template begin with.
const BOM = "\uFEFF"

// Export writes the table and its results, the rows in the table's order:
// the table's own columns as given, then 总分, 是否达标, 还差, 预计达到 120 分, the points of each
// indicator that any row has (学历（分）…, in the regulation's order),
// 提示 (the warnings, or for a row with errors the errors) and each
// child's 中考 verdict (子女1中考…). outs are the rows' outcomes (ScoreAll);
// today is the date the rows without a 计算日期 were scored at.
func Export(t *Table, outs []Outcome, today score.Date) []byte {
	has := map[score.ID]bool{}
	kids := 0
	for i := range outs {
		for _, it := range outs[i].Result.Items {
			has[it.ID] = true
		}
		kids = max(kids, len(outs[i].Children))
	}
	var inds []*score.Indicator
	for _, ind := range score.Indicators() {
		if has[ind.ID] {
			inds = append(inds, ind)
		}
	}
	w := csvWriter{b: make([]byte, 0, 256*(len(t.Rows)+1))}
	w.b = append(w.b, BOM...)
	for _, c := range t.Columns {
		w.cell(c.Header)
	}
	w.cell(hTotal, hStatus, hGap, reachHeader(score.StandardAt(today)))
	for _, ind := range inds {
		w.cell(pointsHeader(ind))
	}
	w.cell(hNotes)
	for k := range kids {
		w.cell(childHeader(k + 1))
	}
	w.end()
	for ri := range t.Rows {
		r, o := &t.Rows[ri], &outs[ri]
		for i := range t.Columns {
			cell := ""
			if i < len(r.Cells) {
				cell = r.Cells[i]
			}
			w.cell(cell)
		}
		res := &o.Result
		total, gap, notes := strconv.Itoa(res.Total), strconv.Itoa(res.Gap), strings.Join(res.Warnings, " ")
		switch o.Status {
		case StatusError:
			total, gap, notes = "", "", strings.Join(o.Errors, "；")
		case StatusCannot:
			gap = ""
		}
		w.cell(total, o.Status.String(), gap, o.Reach)
		for _, ind := range inds {
			cell := ""
			if it, ok := res.Item(ind.ID); ok && o.Status != StatusError {
				cell = strconv.Itoa(it.Points)
			}
			w.cell(cell)
		}
		w.cell(notes)
		for k := range kids {
			cell := ""
			if k < len(o.Children) {
				cell = o.Children[k]
			}
			w.cell(cell)
		}
		w.end()
	}
	return w.b
}

// templateText is the template: the headers of batch.md and two example
// rows, tab-separated.
const templateText = "姓名\t出生年月\t学历\t全日制\t职称或技能\t职称基数条件\t社保年限\t社保基数档次\t社保月基数\t配偶沪籍婚龄\t紧缺专业\t应届毕业生\t重点区域\t重点区域年限\t公共服务年限\t表彰奖励\t退休类别\t子女出生年月\n" +
	"张三\t1990-05\t本科+学士\t是\t中级\t是\t6\t1\t\t3\t否\t否\t\t\t\t无\t男\t2018-03\n" +
	"李四\t1996/3\t硕士\t是\t无\t\t2\t\t12,577\t\t否\t是\t临港\t1\t\t无\t女55\t"

// Template is the table to start from: the headers of batch.md and two
// example rows, as CSV with a BOM.
func Template() []byte {
	w := csvWriter{b: []byte(BOM)}
	for _, line := range strings.Split(templateText, "\n") {
		w.cell(strings.Split(line, "\t")...)
		w.end()
	}
	return w.b
}

// csvWriter writes CSV lines.
type csvWriter struct {
	b []byte
	n int // cells on the current line
}

// cell writes cells: a ' before what Excel would take for a formula,
// quotes where RFC 4180 needs them.
func (w *csvWriter) cell(cells ...string) {
	for _, c := range cells {
		if w.n > 0 {
			w.b = append(w.b, ',')
		}
		w.n++
		w.b = appendCell(w.b, c)
	}
}

// end ends the line.
func (w *csvWriter) end() {
	w.b = append(w.b, '\r', '\n')
	w.n = 0
}

// appendCell writes one cell.
func appendCell(b []byte, c string) []byte {
	if formulaLike(c) {
		c = "'" + c
	}
	if !strings.ContainsAny(c, ",\"\r\n") {
		return append(b, c...)
	}
	b = append(b, '"')
	for i := 0; i < len(c); i++ {
		if c[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, c[i])
	}
	return append(b, '"')
}

// formulaLike reports a cell that begins with = + - @, a tab or a
// carriage return and is not a plain number (-50, +3.5).
func formulaLike(c string) bool {
	if c == "" || !strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return false
	}
	if c[0] != '-' && c[0] != '+' || len(c) == 1 {
		return true
	}
	whole, frac, dot := strings.Cut(c[1:], ".")
	return !digitsOnly(whole) || dot && !digitsOnly(frac)
}
