package score

import (
	"encoding/json"
	"net/url"
	"strings"
)

// unknownKey is the problem for a key that is not in profile.md.
func unknownKey(key string) Problem {
	shown := strings.ToValidUTF8(key, "�")
	if len(shown) > 40 {
		shown = shown[:40] + "…"
	}
	if shown == "" {
		shown = `""` // an empty key is still named
	}
	return Problem{Key: shown,
		Zh: "未知参数“" + shown + "”，已忽略",
		En: "unknown key " + quote(shown)}
}

func repeatedKey(f *Field) Problem {
	return Problem{Key: f.Key,
		Zh: f.Label + "（" + f.Key + "）重复出现，只能给一次",
		En: f.Key + ": given more than once"}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// ParseQuery reads a profile from a URL query string (without "?"), with
// the keys of profile.md. It keeps every valid key and returns a problem
// for each bad one: unknown keys, bad values, repeated keys. An empty
// value means the key is not given.
func ParseQuery(raw string) (Profile, Problems) {
	var p Profile
	var probs Problems
	var seen [64]bool
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			probs = append(probs, unknownKey(k))
			continue
		}
		i := fieldIndex(key)
		if i < 0 {
			probs = append(probs, unknownKey(key))
			continue
		}
		f := Fields[i]
		val, err := url.QueryUnescape(v)
		if err != nil {
			probs = append(probs, f.badValue(v))
			continue
		}
		if seen[i] {
			probs = append(probs, repeatedKey(f))
			continue
		}
		seen[i] = true
		if pr := f.setText(&p, val); pr != nil {
			probs = append(probs, *pr)
		}
	}
	return p, probs
}

func fieldIndex(key string) int {
	if i, ok := fieldIndexByKey[key]; ok {
		return i
	}
	return -1
}

// ParseJSON reads a profile from one JSON object with the keys of
// profile.md. It is strict: unknown keys, values of the wrong type, values
// out of range and repeated keys are problems, each naming its key; a
// JSON null means the key is not given. Syntax errors name no key.
func ParseJSON(data []byte) (Profile, Problems) {
	var p Profile
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		msg := "invalid JSON"
		if err != nil {
			msg = "invalid JSON: " + err.Error()
		}
		return p, Problems{{Key: "", Zh: "不是有效的 JSON", En: msg}}
	}
	s := scanner{data: data}
	s.space()
	if s.peek() != '{' {
		return p, Problems{{Key: "", Zh: "应为一个 JSON 对象 {…}", En: "want a JSON object {...}"}}
	}
	s.i++
	var probs Problems
	var seen [64]bool
	for {
		s.space()
		if s.peek() == '}' {
			break
		}
		if s.peek() == ',' {
			s.i++
			s.space()
		}
		key := s.str()
		s.space()
		s.i++ // ':'
		s.space()
		kind, val := s.value()
		i := fieldIndex(key)
		if i < 0 {
			probs = append(probs, unknownKey(key))
			continue
		}
		f := Fields[i]
		if seen[i] {
			probs = append(probs, repeatedKey(f))
			continue
		}
		seen[i] = true
		switch kind {
		case 'n':
			continue
		case '{', '[':
			probs = append(probs, f.badValue(val))
			continue
		case '"':
			if val == "" {
				probs = append(probs, f.badValue(val))
				continue
			}
		}
		if pr := f.setText(&p, val); pr != nil {
			probs = append(probs, *pr)
		}
	}
	return p, probs
}

// scanner walks a JSON text already known to be valid.
type scanner struct {
	data []byte
	i    int
}

func (s *scanner) peek() byte {
	if s.i < len(s.data) {
		return s.data[s.i]
	}
	return 0
}

func (s *scanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// str reads a string token and returns its value.
func (s *scanner) str() string {
	start := s.i
	s.i++
	escaped := false
	for s.i < len(s.data) {
		c := s.data[s.i]
		if c == '\\' {
			escaped = true
			s.i += 2
			continue
		}
		s.i++
		if c == '"' {
			break
		}
	}
	tok := s.data[start:s.i]
	if !escaped {
		return string(tok[1 : len(tok)-1])
	}
	var v string
	_ = json.Unmarshal(tok, &v)
	return v
}

// value reads one value: kind is '"' for a string, '{' or '[' for a
// nested value (returned as its text), 'n' for null and 'l' for a number
// or true/false (returned as written).
func (s *scanner) value() (kind byte, text string) {
	switch c := s.peek(); c {
	case '"':
		return '"', s.str()
	case '{', '[':
		start := s.i
		depth := 0
		for s.i < len(s.data) {
			switch s.data[s.i] {
			case '"':
				s.str()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			s.i++
			if depth == 0 {
				break
			}
		}
		return c, string(s.data[start:s.i])
	}
	start := s.i
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ',', '}', ' ', '\t', '\n', '\r':
			goto done
		}
		s.i++
	}
done:
	text = string(s.data[start:s.i])
	if text == "null" {
		return 'n', text
	}
	return 'l', text
}

// Encode writes p as a canonical, short URL query (without "?"): the
// non-zero keys in the order of Fields. ParseQuery(p.Encode()) == p.
func (p Profile) Encode() string {
	var b strings.Builder
	for _, f := range Fields {
		v := f.get(&p)
		if v == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(f.Key)
		b.WriteByte('=')
		b.WriteString(v)
	}
	return b.String()
}

// MarshalJSON writes p with the keys of profile.md (non-zero keys only),
// so that ParseJSON reads it back.
func (p Profile) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for _, f := range Fields {
		v := f.get(&p)
		if v == "" {
			continue
		}
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, f.Key...)
		b = append(b, '"', ':')
		switch f.kind {
		case kInt, kMoney:
			b = append(b, v...)
		case kBool:
			b = append(b, "true"...)
		default:
			b = append(b, '"')
			b = append(b, v...)
			b = append(b, '"')
		}
	}
	return append(b, '}'), nil
}
