// Package batch reads the table an employer's HR office keeps of its staff
// (../shared/batch.md), scores every row and writes the export: one
// parser and one writer for the /batch page (in the browser) and for
// `jifen batch` (on the command line), so both read a table alike and
// write the same bytes.
//
// A table is cells pasted from a spreadsheet (tab-separated) or a CSV
// file, a header row first. Headers are the Chinese names of batch.md or
// profile keys, in any order; columns that are neither are kept in the
// export but not scored. Each cell becomes a profile value, or a message
// in Chinese naming the row and the column and listing what may be
// written; the other rows are unaffected.
//
// Rows are numbered as the spreadsheet shows them: the first line of the
// text is row 1 (the header, usually), so the first employee is 第 2 行;
// empty lines are skipped but counted, as the spreadsheet's empty rows
// are. The page, the export and the command line use these numbers.
//
// Nothing here sends anything anywhere, and the package links no text
// decoder: Decode takes the GB18030 decoder as a function (the browser's
// TextDecoder on the page, golang.org/x/text on the command line).
package batch

import (
	"strconv"
	"strings"

	"jifen/score"
)

// Limits of what Read reads: a table larger than this is cut, with a
// notice.
const (
	MaxRows    = 50000 // employees
	MaxColumns = 200
)

// Column is one column of the header.
type Column struct {
	Header string       // as written, without the spaces around it
	Letter string       // its spreadsheet letter: A, B, …
	Field  *score.Field // the profile key it gives; nil for the others
	kind   columnKind
}

// IsName reports whether the column is the 姓名 column.
func (c Column) IsName() bool { return c.kind == colName }

// Kept reports whether the export keeps the column: every column but the
// results of an earlier export.
func (c Column) Kept() bool { return c.kind != colResult }

// Row is one employee.
type Row struct {
	Line    int      // the spreadsheet row: 2 for the first employee under a header on row 1
	Cells   []string // as given
	Name    string   // the 姓名 cell, safe to show; "" when there is none
	Profile score.Profile
	// Errors are the cells that cannot be used, in Chinese, each naming
	// the row and the column ("第 3 行“学历”：无法识别“研究生”，可填 …"): the
	// row is not scored.
	Errors []string
}

// Table is a table read by Read.
type Table struct {
	Columns []Column
	Rows    []Row
	// Errors are what makes the whole table unusable (no header, a key
	// named by two columns, a header and no rows): no row is scored.
	Errors []string
	// Notices say what was read differently from the table as given:
	// columns not scored, results of an earlier export left out, rows
	// skipped or cut.
	Notices []string
	keyCol  map[string]int // the column of each profile key
}

// Read reads a table from text (a BOM at its start is dropped). It never
// fails: what cannot be read is in the table's Errors and Notices and in
// each row's Errors.
func Read(text string) *Table {
	text = strings.TrimPrefix(text, "\uFEFF")
	t := &Table{keyCol: map[string]int{}}
	sp := splitter{s: text, sep: separator(text)}
	var buf []string
	line := 0
	var skipped []int
	found := false
	for !found {
		var ok bool
		if buf, ok = sp.next(buf); !ok {
			break
		}
		line++
		if blank(buf) {
			continue
		}
		if !t.header(buf) && len(skipped) < 5 {
			skipped = append(skipped, line)
			continue
		}
		found = true
	}
	switch {
	case !found && len(skipped) == 0:
		return t // nothing but empty lines
	case !found || len(t.Columns) == 0:
		t.Columns = nil
		t.Errors = append(t.Errors, "没有找到表头：第 "+strconv.Itoa(skipped[0])+" 行应是列名，如 姓名、出生年月、学历、社保年限（可下载模板照着填）")
		return t
	case len(skipped) > 0:
		t.Notices = append(t.Notices, lines(skipped)+"不是表头，已跳过")
	}
	headerLine := line
	if len(t.Errors) > 0 {
		return t
	}
	t.columnNotices()
	t.Rows = make([]Row, 0, min(MaxRows, strings.Count(sp.s[sp.i:], "\n")+1))
	for {
		var ok bool
		if buf, ok = sp.next(buf); !ok {
			break
		}
		line++
		if blank(buf) {
			continue
		}
		if len(t.Rows) == MaxRows {
			t.Notices = append(t.Notices, "表格超过 "+score.Money(MaxRows*100)+" 行，只读取了前 "+score.Money(MaxRows*100)+" 位员工（到第 "+strconv.Itoa(line-1)+" 行）")
			break
		}
		t.Rows = append(t.Rows, t.row(line, buf))
	}
	if len(t.Rows) == 0 {
		t.Errors = append(t.Errors, "只有表头（第 "+strconv.Itoa(headerLine)+" 行），没有员工：请在表头下面每行填一位员工")
	}
	return t
}

// blank reports whether every cell is empty.
func blank(cells []string) bool {
	for _, c := range cells {
		if trim(c) != "" {
			return false
		}
	}
	return true
}

// header reads the header from its cells; false when no cell names a
// column we know (the line is not the header).
func (t *Table) header(cells []string) bool {
	n := len(cells)
	for n > 0 && trim(cells[n-1]) == "" { // trailing empty cells
		n--
	}
	cols := make([]Column, 0, n)
	known := false
	for i := 0; i < n; i++ {
		h := trim(cells[i])
		kind, key := classify(h)
		c := Column{Header: h, Letter: columnLetter(i), kind: kind}
		if kind == colField {
			c.Field = score.FieldByKey(key)
		}
		known = known || kind != colOther
		cols = append(cols, c)
	}
	if !known {
		return false
	}
	t.Columns = cols
	if n > MaxColumns {
		t.Errors = append(t.Errors, "表头有 "+strconv.Itoa(n)+" 列，最多读取 "+strconv.Itoa(MaxColumns)+" 列：请删去不需要的列")
		return true
	}
	name := -1
	for i, c := range cols {
		switch {
		case c.kind == colName && name >= 0:
			t.Errors = append(t.Errors, twice(cols[name], c, "姓名"))
		case c.kind == colName:
			name = i
		case c.kind == colField:
			if j, ok := t.keyCol[c.Field.Key]; ok {
				t.Errors = append(t.Errors, twice(cols[j], c, c.Field.Label))
				continue
			}
			t.keyCol[c.Field.Key] = i
		}
	}
	return true
}

// twice is the error of two columns naming the same thing.
func twice(a, b Column, what string) string {
	return "“" + a.Header + "”（" + a.Letter + " 列）和“" + b.Header + "”（" + b.Letter + " 列）都是" + what + "：请只留一列"
}

// columnNotices says which columns are not scored and which results of an
// earlier export are left out.
func (t *Table) columnNotices() {
	var other, results []string
	for _, c := range t.Columns {
		switch {
		case c.kind == colOther && c.Header == "":
			other = append(other, c.Letter+" 列（没有列名）")
		case c.kind == colOther:
			other = append(other, "“"+c.Header+"”")
		case c.kind == colResult:
			results = append(results, "“"+c.Header+"”")
		}
	}
	if len(other) > 0 {
		t.Notices = append(t.Notices, "这些列不参与计算，导出时原样保留："+strings.Join(other, "、")+"（列名见模板）")
	}
	if len(results) > 0 {
		t.Notices = append(t.Notices, "上次导出的结果列已略过，按现在的规则重新计算："+strings.Join(results, "、"))
	}
}

// row reads one employee's cells.
func (t *Table) row(line int, cells []string) Row {
	r := Row{Line: line, Cells: append([]string(nil), cells...)}
	if extra := r.extraCells(len(t.Columns)); extra >= 0 {
		r.Errors = append(r.Errors, rowName(line)+"比表头多出内容（从 "+columnLetter(extra)+" 列起）：请检查这一行是否错位；CSV 文件里带逗号的内容（如 12,577）须加引号")
	}
	// the cells in link form, read by the profile parser of the pages
	q := make([]byte, 0, 128)
	bad := make([]cellProblem, len(t.Columns))
	for i, c := range t.Columns {
		if i >= len(cells) {
			break
		}
		switch c.kind {
		case colName:
			r.Name = score.Shown(trim(cells[i]))
		case colField:
			v, pr := readCell(c.Field, cells[i])
			bad[i] = pr
			if pr != 0 || v == "" {
				continue
			}
			if len(q) > 0 {
				q = append(q, '&')
			}
			q = append(append(append(q, c.Field.Key...), '='), v...)
		}
	}
	var probs score.Problems
	r.Profile, probs = score.ParseQuery(string(q))
	for _, pr := range probs {
		if j, ok := t.keyCol[pr.Key]; ok {
			bad[j] = badRange // a number out of the key's range
			if t.Columns[j].Field.Kind == score.KindEnum {
				bad[j] = badForm // 1.5 is no tier
			}
		}
	}
	for i, pr := range bad {
		if pr != 0 {
			r.Errors = append(r.Errors, cellMessage(line, t.Columns[i], cells[i], pr))
		}
	}
	return r
}

// extraCells is the index of the first non-empty cell past the header's
// n columns, or -1.
func (r *Row) extraCells(n int) int {
	for i := n; i < len(r.Cells); i++ {
		if trim(r.Cells[i]) != "" {
			return i
		}
	}
	return -1
}

// rowName is "第 3 行".
func rowName(line int) string { return "第 " + strconv.Itoa(line) + " 行" }

// lines names rows: "第 1 行", "第 1、2 行".
func lines(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return "第 " + strings.Join(s, "、") + " 行"
}

// cellMessage says why a cell cannot be used and what may be written.
func cellMessage(line int, c Column, raw string, pr cellProblem) string {
	v := shown(trim(raw))
	head := rowName(line) + "“" + c.Header + "”："
	switch pr {
	case badRange:
		return head + "“" + v + "”超出范围，可填 " + allowed(c.Field)
	case badDate:
		return head + "“" + v + "”不是存在的日期，可填 " + allowed(c.Field)
	case badCount:
		return head + "最多填 " + strconv.Itoa(score.MaxChildren) + " 个孩子，可填 " + allowed(c.Field)
	}
	return head + "无法识别“" + v + "”，可填 " + allowed(c.Field)
}

// shown is a cell as a message quotes it: without control or bidi
// characters, at most 40 bytes.
func shown(s string) string {
	s = strings.ToValidUTF8(score.Shown(s), "\uFFFD")
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}
