package batch

import "strings"

// A table is cells copied from a spreadsheet (tab-separated, as Excel and
// WPS put them on the clipboard) or a CSV file (comma-separated, RFC
// 4180). Both quote a cell with a separator, a quote or a line break in
// it ("a ""b"""), so both are read the same way, leniently: a quote only
// opens a quoted cell at the start of the cell; text after a closing quote
// is kept; a quote that is never closed is an ordinary character, so one
// stray quote cannot swallow the rest of the table. Lines end with CRLF,
// LF or CR.

// separator is the separator of the header, the first line that is not
// empty: a tab when it has one (pasted cells), else a comma when it has
// one (CSV), else a tab (a table of one column, whose cells may hold
// commas: 12,577).
func separator(text string) byte {
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		switch {
		case strings.IndexByte(line, '\t') >= 0:
			return '\t'
		case strings.IndexByte(line, ',') >= 0:
			return ','
		case trim(line) != "":
			return '\t'
		}
	}
	return '\t'
}

// splitter reads the records of a table one at a time.
type splitter struct {
	s   string
	i   int
	sep byte
}

// The ends of a cell.
const (
	endCell = iota // a separator follows
	endLine        // the record ends
	endText        // the text ends
)

// next returns the cells of the next record, reusing buf, and false when
// the text has ended. An empty line is a record of one empty cell.
func (sp *splitter) next(buf []string) ([]string, bool) {
	if sp.i >= len(sp.s) {
		return buf[:0], false
	}
	cells := buf[:0]
	for {
		cell, end := sp.cell()
		cells = append(cells, cell)
		if end != endCell {
			return cells, true
		}
	}
}

// cell reads one cell and what follows it.
func (sp *splitter) cell() (string, int) {
	s, start := sp.s, sp.i
	q := start
	for q < len(s) && s[q] == ' ' {
		q++
	}
	if q < len(s) && s[q] == '"' {
		if cell, ok := sp.quoted(q + 1); ok {
			return cell, sp.end()
		}
	}
	k := start
	for k < len(s) && s[k] != sp.sep && s[k] != '\n' && s[k] != '\r' {
		k++
	}
	sp.i = k
	return s[start:k], sp.end()
}

// quoted reads a quoted cell whose text starts at j; false when its quote
// is never closed (the cell is then read as it stands).
func (sp *splitter) quoted(j int) (string, bool) {
	s := sp.s
	var b strings.Builder
	from := j
	for j < len(s) {
		if s[j] != '"' {
			j++
			continue
		}
		if j+1 < len(s) && s[j+1] == '"' { // "" is one quote
			b.WriteString(s[from : j+1])
			j += 2
			from = j
			continue
		}
		b.WriteString(s[from:j])
		k := j + 1 // text after the closing quote is kept
		for k < len(s) && s[k] != sp.sep && s[k] != '\n' && s[k] != '\r' {
			k++
		}
		b.WriteString(s[j+1 : k])
		sp.i = k
		return b.String(), true
	}
	return "", false
}

// end steps over what ends the cell at sp.i and says what it was.
func (sp *splitter) end() int {
	s, k := sp.s, sp.i
	switch {
	case k >= len(s):
		return endText
	case s[k] == sp.sep:
		sp.i = k + 1
		return endCell
	case s[k] == '\r' && k+1 < len(s) && s[k+1] == '\n':
		sp.i = k + 2
	default: // \n or \r
		sp.i = k + 1
	}
	return endLine
}
