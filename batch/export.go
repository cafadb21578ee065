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
// the table's own columns as given (the results of an earlier export
// left out), then 总分, 是否达标, 还差, 预计达到 120 分, the points of each
// indicator that any row has (学历（分）…, in the regulation's order),
// 提示 (the warnings, or for a row with errors the errors) and each
// child's 中考 verdict (子女1中考…). outs are the rows' outcomes (ScoreAll);
// today is the date the rows without a 计算日期 were scored at.
func Export(t *Table, outs []Outcome, today score.Date) []byte {
	var kept []int
	for i, c := range t.Columns {
		if c.Kept() {
			kept = append(kept, i)
		}
	}
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
	b := make([]byte, 0, 256*(len(t.Rows)+1))
	b = append(b, BOM...)
	rec := make([]string, 0, len(kept)+6+len(inds)+kids)
	for _, i := range kept {
		rec = append(rec, t.Columns[i].Header)
	}
	rec = append(rec, hTotal, hStatus, hGap, reachHeader(score.StandardAt(today)))
	for _, ind := range inds {
		rec = append(rec, pointsHeader(ind))
	}
	rec = append(rec, hNotes)
	for k := range kids {
		rec = append(rec, childHeader(k+1))
	}
	b = appendRecord(b, rec)
	for ri := range t.Rows {
		r, o := &t.Rows[ri], &outs[ri]
		rec = rec[:0]
		for _, i := range kept {
			cell := ""
			if i < len(r.Cells) {
				cell = r.Cells[i]
			}
			rec = append(rec, cell)
		}
		res := &o.Result
		switch o.Status {
		case StatusError:
			rec = append(rec, "", o.Status.String(), "", "")
		case StatusCannot:
			rec = append(rec, strconv.Itoa(res.Total), o.Status.String(), "", o.Reach)
		default:
			rec = append(rec, strconv.Itoa(res.Total), o.Status.String(), strconv.Itoa(res.Gap), o.Reach)
		}
		for _, ind := range inds {
			cell := ""
			if it, ok := res.Item(ind.ID); ok && o.Status != StatusError {
				cell = strconv.Itoa(it.Points)
			}
			rec = append(rec, cell)
		}
		if o.Status == StatusError {
			rec = append(rec, strings.Join(o.Errors, "；"))
		} else {
			rec = append(rec, strings.Join(res.Warnings, " "))
		}
		for k := range kids {
			cell := ""
			if k < len(o.Children) {
				cell = o.Children[k]
			}
			rec = append(rec, cell)
		}
		b = appendRecord(b, rec)
	}
	return b
}

// Template is the table to start from: the headers of batch.md and two
// example rows, as CSV with a BOM.
func Template() []byte {
	b := []byte(BOM)
	for _, rec := range [][]string{
		{"姓名", "出生年月", "学历", "全日制", "职称或技能", "职称基数条件", "社保年限", "社保基数档次", "社保月基数",
			"配偶沪籍婚龄", "紧缺专业", "应届毕业生", "重点区域", "重点区域年限", "公共服务年限", "表彰奖励", "退休类别", "子女出生年月"},
		{"张三", "1990-05", "本科+学士", "是", "中级", "是", "6", "1", "", "3", "否", "否", "", "", "", "无", "男", "2018-03"},
		{"李四", "1996/3", "硕士", "是", "无", "", "2", "", "12,577", "", "否", "是", "临港", "1", "", "无", "女55", ""},
	} {
		b = appendRecord(b, rec)
	}
	return b
}

// appendRecord writes one CSV line.
func appendRecord(b []byte, cells []string) []byte {
	for i, c := range cells {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCell(b, c)
	}
	return append(b, '\r', '\n')
}

// appendCell writes one cell: a ' before what Excel would take for a
// formula, quotes where RFC 4180 needs them.
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
