package score

import (
	"encoding/json"
	"net/url"
	"strings"
)

// unknownKey is the problem for a key that is not in profile.md. The
// Chinese message never shows the key (a cut link leaves half a key, and a
// link is anyone's text); the English one names it, cut on a character
// boundary and without control or bidi characters.
func unknownKey(key string) Problem {
	shown := Shown(cut(key, 40))
	if shown == "" {
		shown = `""` // an empty key is still named
	}
	return Problem{Key: shown, Value: shown,
		Zh: "链接里有一项内容无法识别（链接可能不完整）",
		En: "unknown key " + quote(shown)}
}

// Unknown reports whether the problem is a key that is not a profile key.
func (p Problem) Unknown() bool { return p.Key != "" && FieldByKey(p.Key) == nil }

func repeatedKey(f *Field) Problem {
	return Problem{Key: f.Key,
		Zh: f.Label + "填了不止一次，只用第一次的",
		En: f.Key + ": given more than once"}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// The most of a link ParseQuery reads.
const (
	maxLinkPairs = 64
	maxLinkBytes = 4096
)

// linkTooLong is the one problem of a link longer than the limits.
var linkTooLong = Problem{Key: "",
	Zh: "链接太长，只读取了前面的部分",
	En: "link too long: only the first 64 pairs and 4096 bytes are read"}

// platformKeys are keys that platforms and our embed add to shared links;
// they are not profile keys and are ignored silently.
var platformKeys = []string{"from", "isappinstalled", "scene", "nsukey", "spm", "spm_id_from", "clicktime", "enterid",
	"wxfrom", "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "ref_src",
	"parent", "theme"}

// ignoredKey reports whether a link key is one platforms add (including
// every utm_* and share_* key).
func ignoredKey(key string) bool {
	if strings.HasPrefix(key, "utm_") || strings.HasPrefix(key, "share_") {
		return true
	}
	return has(platformKeys, key)
}

// ParseQuery reads a profile from a URL query string or fragment (without
// "?" or "#"), with the keys of profile.md. It keeps every valid key and
// returns a problem for each bad one: unknown keys, bad values, repeated
// keys. An empty value means the key is not given. Keys that platforms add
// to shared links (utm_*, from, scene, …) and the embed's parent and theme
// are ignored silently. It reads at most 64 pairs and 4 kB; the pairs
// after that are dropped with one problem (Key "") saying the link is too
// long.
func ParseQuery(raw string) (Profile, Problems) {
	var p Profile
	var probs Problems
	var seen [64]bool
	read, pairs := 0, 0
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		read += len(pair) + 1
		if pair == "" {
			continue
		}
		if pairs++; pairs > maxLinkPairs || read-1 > maxLinkBytes {
			probs = append(probs, linkTooLong)
			break
		}
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			probs = append(probs, unknownKey(k))
			continue
		}
		i := fieldIndex(key)
		if i < 0 {
			if !ignoredKey(key) {
				probs = append(probs, unknownKey(key))
			}
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
		return p, Problems{{Key: "", Zh: "内容不是有效的 JSON", En: msg}}
	}
	s := scanner{data: data}
	s.space()
	if s.peek() != '{' {
		return p, Problems{{Key: "", Zh: "内容应为一个 JSON 对象 {…}", En: "want a JSON object {...}"}}
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
		case '[':
			if list, ok := stringList(val); ok && f.Kind == KindMonths {
				val = list // children as ["2018-03", "2021-07"]
				break
			}
			probs = append(probs, f.badValue(val))
			continue
		case '{':
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

// stringList joins a JSON array of strings with commas.
func stringList(text string) (string, bool) {
	var ss []string
	if err := json.Unmarshal([]byte(text), &ss); err != nil || len(ss) == 0 {
		return "", false
	}
	for _, s := range ss {
		if s == "" || strings.Contains(s, ",") {
			return "", false
		}
	}
	return strings.Join(ss, ","), true
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
		switch f.Kind {
		case KindInt, KindMoney:
			b = append(b, v...)
		case KindBool, KindTri:
			if v == "0" {
				b = append(b, "false"...)
			} else {
				b = append(b, "true"...)
			}
		default:
			b = append(b, '"')
			b = append(b, v...)
			b = append(b, '"')
		}
	}
	return append(b, '}'), nil
}
