//go:build !wasm

package server

import (
	"sort"
	"strconv"
	"strings"
)

// sortAttributes writes the attributes of every start tag of a page in
// name order. go-app writes them in map order, which changes from one
// rendering to the next; sorted, the same page is the same bytes (and
// ETag) at every start and in every export. go-app writes a tag as
// `<name attr attr="Go-quoted value">`; a tag in another form is left as
// it is.
func sortAttributes(page string) string {
	var b strings.Builder
	b.Grow(len(page))
	for {
		i := strings.IndexByte(page, '<')
		if i < 0 || i+1 >= len(page) {
			b.WriteString(page)
			return b.String()
		}
		b.WriteString(page[:i])
		page = page[i:]
		tag, n := sortTag(page)
		b.WriteString(tag)
		page = page[n:]
	}
}

// sortTag reads the tag at the start of s and returns it with its
// attributes sorted, and its length in s.
func sortTag(s string) (string, int) {
	i := 1
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	if i == 1 {
		return s[:1], 1 // not a start tag
	}
	var attrs []string
	for {
		if i >= len(s) {
			return s[:1], 1
		}
		switch s[i] {
		case '>':
			if len(attrs) < 2 {
				return s[:i+1], i + 1
			}
			sort.SliceStable(attrs, func(a, b int) bool { return attrName(attrs[a]) < attrName(attrs[b]) })
			return s[:tagNameEnd(s)] + " " + strings.Join(attrs, " ") + ">", i + 1
		case ' ':
			j := i + 1
			for j < len(s) && isNameByte(s[j]) {
				j++
			}
			if j == i+1 {
				return s[:1], 1
			}
			if j < len(s) && s[j] == '=' {
				q, err := strconv.QuotedPrefix(s[j+1:])
				if err != nil || q[0] != '"' {
					return s[:1], 1
				}
				j += 1 + len(q)
			}
			attrs = append(attrs, s[i+1:j])
			i = j
		default:
			return s[:1], 1
		}
	}
}

func tagNameEnd(s string) int {
	i := 1
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	return i
}

func attrName(a string) string {
	name, _, _ := strings.Cut(a, "=")
	return name
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':'
}
