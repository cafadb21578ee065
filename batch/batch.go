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
}

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
	// columns not scored, rows cut.
	Notices []string
	keyCol  map[string]int // the column of each profile key
}

// Read reads a table from text: Split, then ReadRow for every row. It
// never fails: what cannot be read is in the table's Errors and Notices
// and in each row's Errors.
func Read(text string) *Table {
	t := Split(text)
	for i := range t.Rows {
		t.ReadRow(i)
	}
	return t
}

// Split reads the header of a table (a BOM at its start is dropped; the
// first line that is not empty is the header) and cuts its rows into
// cells, without reading them: ReadRow does, one row at a time (so that a
// page can read a long table in slices).
func Split(text string) *Table {
	text = strings.TrimPrefix(text, "\uFEFF")
	t := &Table{keyCol: map[string]int{}}
	sp := splitter{s: text, sep: separator(text)}
	var buf []string
	line, header := 0, 0
	for {
		var ok bool
		if buf, ok = sp.next(buf); !ok {
			break
		}
		line++
		switch {
		case blank(buf):
		case header == 0:
			header = line
			if !t.header(buf) {
				t.Errors = append(t.Errors, fill("第 {} 行应是表头（列名，如 姓名、出生年月、学历、社保年限），这里没有认出任何列名：请下载模板照着填", strconv.Itoa(line)))
			}
			if len(t.Errors) > 0 {
				return t
			}
			t.Rows = make([]Row, 0, min(MaxRows, strings.Count(sp.s[sp.i:], "\n")+1))
		case len(t.Rows) == MaxRows:
			t.Notices = append(t.Notices, fill("表格超过 {} 行，只读取了前 {} 位员工（到第 {} 行）", "50,000", "50,000", strconv.Itoa(line-1)))
			return t
		default:
			t.Rows = append(t.Rows, Row{Line: line, Cells: append([]string(nil), buf...)})
		}
	}
	if header > 0 && len(t.Rows) == 0 {
		t.Errors = append(t.Errors, fill("只有表头（第 {} 行），没有员工：请在表头下面每行填一位员工", strconv.Itoa(header)))
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

// header reads the header from its cells, with a notice naming the
// columns not scored; false when no cell names a column we know.
func (t *Table) header(cells []string) bool {
	n := len(cells)
	for n > 0 && trim(cells[n-1]) == "" { // trailing empty cells
		n--
	}
	if n > MaxColumns {
		t.Errors = append(t.Errors, fill("表头有 {} 列，最多读取 200 列：请删去不需要的列", strconv.Itoa(n)))
		return true
	}
	var other []string
	for i := 0; i < n; i++ {
		c := Column{Header: trim(cells[i]), Letter: columnLetter(i)}
		switch key := classify(c.Header); {
		case key == "" && c.Header == "":
			other = append(other, c.Letter+" 列（没有列名）")
		case key == "":
			other = append(other, "“"+c.Header+"”")
		default:
			if j, ok := t.keyCol[key]; ok {
				what := "姓名"
				if a := t.Columns[j]; a.Field != nil {
					what = a.Field.Label
				}
				t.Errors = append(t.Errors, fill("“{}”（{} 列）和“{}”（{} 列）都是{}：请只留一列", t.Columns[j].Header, t.Columns[j].Letter, c.Header, c.Letter, what))
			}
			t.keyCol[key] = i
			c.Field = score.FieldByKey(key) // nil for the name
		}
		t.Columns = append(t.Columns, c)
	}
	if len(other) > 0 {
		t.Notices = append(t.Notices, fill("这些列不参与计算，导出时原样保留：{}（列名见模板）", strings.Join(other, "、")))
	}
	return len(other) < n
}

// ReadRow reads the cells of row i into its name, profile and errors.
func (t *Table) ReadRow(i int) {
	r := &t.Rows[i]
	line, cells := r.Line, r.Cells
	r.Name, r.Errors = "", nil
	for i := len(t.Columns); i < len(cells); i++ {
		if trim(cells[i]) != "" {
			r.Errors = append(r.Errors, fill("{}比表头多出内容（从 {} 列起）：请检查这一行是否错位；CSV 文件里带逗号的内容（如 12,577）须加引号", rowName(line), columnLetter(i)))
			break
		}
	}
	// the cells in link form, read by the profile parser of the pages
	q := make([]byte, 0, 128)
	bad := make([]cellProblem, len(t.Columns))
	name, hasName := t.keyCol["name"]
	for i, c := range t.Columns {
		switch {
		case i >= len(cells):
		case hasName && i == name:
			r.Name = score.Shown(trim(cells[i]))
		case c.Field != nil:
			v, pr := readCell(c.Field, cells[i])
			bad[i] = pr
			if pr == 0 && v != "" {
				if len(q) > 0 {
					q = append(q, '&')
				}
				q = append(append(append(q, c.Field.Key...), '='), v...)
			}
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
}

// rowName is "第 3 行".
func rowName(line int) string { return "第 " + strconv.Itoa(line) + " 行" }

// cellMessage says why a cell cannot be used and what may be written.
func cellMessage(line int, c Column, raw string, pr cellProblem) string {
	tmpl := "{}“{}”：无法识别“{}”，可填 {}"
	switch pr {
	case badRange:
		tmpl = "{}“{}”：“{}”超出范围，可填 {}"
	case badDate:
		tmpl = "{}“{}”：“{}”不是存在的日期，可填 {}"
	case badCount:
		tmpl = "{}“{}”：最多填 4 个孩子{}，可填 {}"
		raw = ""
	}
	return fill(tmpl, rowName(line), c.Header, shown(trim(raw)), allowed(c.Field))
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

// fill is tmpl with each {} replaced by the next of args (one template
// costs app.wasm less code than a concatenation of its parts).
func fill(tmpl string, args ...string) string {
	var b []byte
	for _, a := range args {
		i := strings.Index(tmpl, "{}")
		if i < 0 {
			break
		}
		b = append(append(b, tmpl[:i]...), a...)
		tmpl = tmpl[i+2:]
	}
	return string(append(b, tmpl...))
}
