package batch

import (
	"strconv"
	"strings"
	"time"

	"jifen/score"
)

// A cell is read generously (batch.md): spaces anywhere, full-width
// digits and punctuation, the words people write (是/否/Y/N, 本科学士, 2倍,
// 1990年5月, 12,577.5, a spreadsheet's date serial). What it cannot read
// is a problem that names the cell and lists what may be written.

// Why a cell cannot be used.
const (
	badForm  = iota + 1 // 无法识别
	badRange            // 超出范围
	badDate             // no such date (30 February)
	badCount            // too many children
)

// cellProblem is why a cell cannot be used.
type cellProblem uint8

// enumAllowed lists what an enum cell may hold, as batch.md writes it.
var enumAllowed = map[string]string{
	"education":    "博士、硕士、本科+学士、本科、大专、无",
	"title":        "无、初级、技能五级、技能四级、技能三级（高级工）、技能二级（技师）、中级、技能一级（高级技师）、高级",
	"base_tier":    "无、0.8、1、2、3（也可写 2倍），或留空（按社保月基数估算）",
	"key_area":     "临港、其他",
	"award":        "无、市级专项、市级、国家级",
	"retire_group": "男、女55（干部）、女50（工人）",
}

var (
	yesWords     = []string{"是", "y", "yes", "1", "true", "有", "√", "✓", "✔", "对"}
	noWords      = []string{"否", "n", "no", "0", "false", "无", "×", "✗", "✘", "不是", "没有"}
	unknownWords = []string{"不清楚", "不知道", "未知", "?"}
)

// readCell turns a cell into the key's value as a link writes it ("" for
// an empty cell or an unknown answer), or says why it cannot.
func readCell(f *score.Field, raw string) (string, cellProblem) {
	raw = trim(raw)
	if raw == "" {
		return "", 0
	}
	switch f.Kind {
	case score.KindDate, score.KindBirth, score.KindMonths:
		return readDates(raw, f.Kind)
	}
	v := fold(raw)
	switch f.Kind {
	case score.KindBool, score.KindTri:
		switch {
		case has(yesWords, v):
			return "1", 0
		case has(noWords, v):
			return "0", 0
		case has(unknownWords, v):
			return "", 0
		}
		return "", badForm
	case score.KindInt:
		return readInt(v)
	case score.KindMoney:
		return readMoney(v)
	}
	// an enum: a word of wordsText, a number for the tier, or the value
	// itself (doctor), which the profile parser checks
	for _, x := range []string{v, stripNote(v)} {
		if val, ok := words()[f.Key+"|"+x]; ok && x != "" {
			return val, 0
		}
	}
	if f.Key == "base_tier" { // 2, 2倍, 2.0, 3倍以上
		n := v
		for _, suf := range []string{"倍及以上", "倍以上", "倍"} {
			if s, ok := strings.CutSuffix(n, suf); ok {
				n = s
				break
			}
		}
		if x, err := strconv.ParseFloat(n, 64); err == nil && !strings.ContainsAny(n, "eEnN") {
			return strconv.FormatFloat(x, 'f', -1, 64), 0
		}
	}
	for i := 0; i < len(v); i++ { // a value in link form: no & or =
		if c := v[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
			return "", badForm
		}
	}
	return v, 0
}

func has(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// intUnits are the units an integer cell may end with.
var intUnits = []string{"周岁", "岁", "年", "次", "人/年", "人", "个", "名"}

// readInt reads a whole number, with a unit or not (5, 5年, 5.0, +5).
func readInt(v string) (string, cellProblem) {
	for _, u := range intUnits {
		if s, ok := strings.CutSuffix(v, u); ok {
			v = s
			break
		}
	}
	v, neg := sign(v)
	n, scale, ok := decimal(v)
	p := pow10(scale)
	switch {
	case !ok || n%p != 0: // 5.5 years
		return "", badForm
	case n/p > 1e9 || neg && n > 0:
		return "", badRange
	}
	return strconv.FormatInt(n/p, 10), 0
}

// readMoney reads yuan: 12577, 12,577, 12577.5, ¥12,577, 12577元, 1.2万.
func readMoney(v string) (string, cellProblem) {
	v = strings.TrimPrefix(strings.TrimPrefix(v, "¥"), "rmb")
	for _, u := range []string{"元/月", "元/年", "元"} {
		if s, ok := strings.CutSuffix(v, u); ok {
			v = s
			break
		}
	}
	mult := int64(100) // fen
	if s, ok := strings.CutSuffix(v, "万"); ok {
		v, mult = s, 1000000
	}
	v, neg := sign(v)
	n, scale, ok := decimal(v)
	p := pow10(scale)
	switch {
	case neg && ok:
		return "", badRange
	case !ok || n*mult%p != 0: // more than two decimals of a yuan
		return "", badForm
	case n > (1<<62)/mult:
		return "", badRange
	}
	fen := n * mult / p
	s := strconv.FormatInt(fen/100, 10)
	if c := fen % 100; c != 0 {
		s += "." + strconv.FormatInt(c/10, 10)
		if c%10 != 0 {
			s += strconv.FormatInt(c%10, 10)
		}
	}
	return s, 0
}

// sign removes a leading + or -, and says whether it was -.
func sign(v string) (string, bool) {
	if v != "" && (v[0] == '+' || v[0] == '-') {
		return v[1:], v[0] == '-'
	}
	return v, false
}

// decimal reads digits, with thousands separated by commas in groups of
// three (12,577 but not 1,25) and a fraction: the digits as one number and
// how many of them follow the point.
func decimal(v string) (n int64, scale int, ok bool) {
	whole, frac, dot := strings.Cut(v, ".")
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		for i, g := range groups {
			if g == "" || len(g) > 3 || i > 0 && len(g) != 3 {
				return 0, 0, false
			}
		}
		whole = strings.Join(groups, "")
	}
	if !digitsOnly(whole) || dot && !digitsOnly(frac) || len(whole)+len(frac) > 15 {
		return 0, 0, false
	}
	n, _ = strconv.ParseInt(whole+frac, 10, 64)
	return n, len(frac), true
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Spreadsheet date serials read as dates: 1930-01-01 to 2099-12-31.
// (Excel counts days from 1899-12-30, after its 1900 leap-day bug.)
const (
	serialMin = 10959
	serialMax = 73050
)

// monthSeps are the separators of children's months.
var monthSeps = strings.NewReplacer("，", ",", "、", ",", ";", ",", "；", ",", "\n", ",", "\r", ",")

// spaceSeps make spaces separators, for months separated by spaces only.
var spaceSeps = strings.NewReplacer(" ", ",", "\u3000", ",", "\t", ",", "\u00a0", ",")

// readDates reads a date cell: as_of needs the day, a birth may leave
// it out (1990-05), children are up to four months separated by , ， 、
// ; ； or line breaks (or spaces between whole dates).
func readDates(raw string, kind score.Kind) (string, cellProblem) {
	parts := []string{raw}
	if kind == score.KindMonths {
		parts = strings.Split(monthSeps.Replace(raw), ",")
		if _, _, _, pr := readDate(raw); len(parts) == 1 && pr != 0 { // 2018-03 2021-07
			parts = strings.Split(spaceSeps.Replace(raw), ",")
		}
	}
	var out []string
	for _, part := range parts {
		if trim(part) == "" {
			continue
		}
		y, m, d, pr := readDate(part)
		switch {
		case pr != 0:
			return "", pr
		case d == 0 && kind == score.KindDate:
			return "", badForm
		}
		s := pad(y, 4) + "-" + pad(m, 2)
		if d > 0 && kind != score.KindMonths {
			s += "-" + pad(d, 2)
		}
		out = append(out, s)
	}
	if len(out) > score.MaxChildren {
		return "", badCount
	}
	return strings.Join(out, ","), 0
}

// readDate reads one date: 1990-05-17, 1990/5/17, 1990.5.17,
// 1990年5月17日, 19900517, or without the day (d is then 0), or a
// spreadsheet serial.
func readDate(raw string) (y, m, d int, pr cellProblem) {
	raw = trim(raw)
	// a time after the date (1990/5/17 0:00:00, 2026-12-01T00:00)
	if i := strings.IndexAny(raw, " T"); i > 0 && strings.Contains(raw[i:], ":") {
		raw = raw[:i]
	}
	v := fold(raw)
	for _, sep := range []string{"年", "月", "日", "号", "/", "."} {
		v = strings.ReplaceAll(v, sep, "-")
	}
	parts := strings.Split(strings.TrimSuffix(v, "-"), "-")
	n := make([]int, len(parts))
	for i, p := range parts {
		if !digitsOnly(p) {
			return 0, 0, 0, badForm
		}
		n[i], _ = strconv.Atoi(p)
	}
	switch p := parts[0]; {
	case len(p) == 5 && len(parts) <= 2: // a serial, maybe with a time of day
		if n[0] < serialMin || n[0] > serialMax {
			return 0, 0, 0, badRange
		}
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n[0])
		return t.Year(), int(t.Month()), t.Day(), 0
	case len(parts) == 1 && (len(p) == 8 || len(p) == 6): // 19900517, 199005
		y, m = n[0]/pow(len(p)-4), n[0]/pow(len(p)-6)%100
		if len(p) == 8 {
			d = n[0] % 100
		}
	case len(p) == 4 && (len(parts) == 2 || len(parts) == 3) && len(parts[1]) <= 2 && len(parts[len(parts)-1]) <= 2:
		y, m = n[0], n[1]
		if len(parts) == 3 {
			d = n[2]
		}
	default:
		return 0, 0, 0, badForm
	}
	if y < 1900 || y > 2199 || m < 1 || m > 12 || d < 0 || d > daysIn(y, m) || len(parts) == 3 && d == 0 {
		return 0, 0, 0, badDate
	}
	return y, m, d, 0
}

func pow(n int) int { return int(pow10(n)) }

func daysIn(y, m int) int { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() }

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// allowed says, in Chinese, what a cell of the field may hold.
func allowed(f *score.Field) string {
	switch f.Kind {
	case score.KindBirth:
		return "1990-05、1990/5、1990.05、1990年5月、1990-05-17 或表格里的日期"
	case score.KindDate:
		return "2026-12-01、2026/12/1、2026年12月1日 或表格里的日期"
	case score.KindBool:
		return "是、否（也可写 Y/N、1/0、true/false），或留空"
	case score.KindTri:
		return "是、否（也可写 Y/N、1/0、true/false），不清楚就留空"
	case score.KindMonths:
		return "孩子的出生年月，如 2018-03、2018/3、2018年3月；几个孩子用逗号、顿号或分号分开，最多 " + strconv.Itoa(score.MaxChildren) + " 个"
	case score.KindInt:
		lo, hi := f.Range()
		ex, unit := "5", "年"
		switch f.Unit {
		case "周岁":
			ex, unit = "35", "岁"
		case "次":
			ex, unit = "1", "次"
		case "人/年":
			ex, unit = "10", "人"
		}
		return fill("{} 到 {} 之间的整数，如 {} 或 {}{}", strconv.FormatInt(lo, 10), strconv.FormatInt(hi, 10), ex, ex, unit)
	case score.KindMoney:
		_, hi := f.Range()
		return "0 到 " + score.Money(hi*100) + " 元之间的金额，如 12,577 或 12577.5"
	}
	if s, ok := enumAllowed[f.Key]; ok {
		return s
	}
	// a choice without its own line here: the pages' labels
	var labels []string
	for _, c := range f.Options(score.Today()) {
		labels = append(labels, c.Label)
	}
	return strings.Join(labels, "、")
}
