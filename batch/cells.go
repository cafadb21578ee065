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

// enumAliases are the words each choice may be written as, by key and
// profile value ("" for the choice that adds nothing), besides the
// value itself and the pages' label of it.
var enumAliases = map[string]map[string][]string{
	"education": {
		"doctor":          {"博士", "博士研究生", "博士学位"},
		"master":          {"硕士", "硕士研究生", "硕士学位"},
		"bachelor_degree": {"本科+学士", "本科学士", "学士", "学士学位", "本科+学士学位", "本科(学士)", "本科(有学士学位)", "本科有学士学位", "本科及学士", "本科学士学位", "本科(有学位)", "本科有学位"},
		"bachelor":        {"本科", "本科(无学士学位)", "本科无学士学位", "本科(无学位)", "本科无学位"},
		"college":         {"大专", "专科", "高职", "大专(高职)", "大学专科", "高职高专"},
		"":                {"无", "高中", "中专", "大专以下", "初中", "职高", "技校", "中技", "none"},
	},
	"title": {
		"":             {"无", "none"},
		"junior":       {"初级", "初级职称"},
		"skill5":       {"技能五级", "职业技能五级", "初级工", "五级/初级工"},
		"skill4":       {"技能四级", "职业技能四级", "中级工", "四级/中级工"},
		"skill3":       {"技能三级", "职业技能三级", "高级工", "三级/高级工"},
		"skill2":       {"技能二级", "职业技能二级", "技师", "二级/技师"},
		"intermediate": {"中级", "中级职称"},
		"skill1":       {"技能一级", "职业技能一级", "高级技师", "一级/高级技师"},
		"senior":       {"高级", "高级职称", "副高", "正高", "副高级", "正高级", "副高级职称", "正高级职称"},
	},
	"base_tier": {
		"none": {"无", "0", "不到0.8倍", "0.8倍以下"},
		"":     {"不清楚", "不知道", "未知"},
	},
	"key_area": {
		"lingang": {"临港", "临港新片区"},
		"other":   {"其他", "其它", "其他远郊重点区域", "其他重点区域", "远郊", "远郊重点区域"},
		"":        {"无", "none"},
	},
	"award": {
		"city_special": {"市级专项", "市级专项表彰", "专项表彰"},
		"city":         {"市级", "市级综合", "市级综合表彰"},
		"national":     {"国家级", "省部级", "省部级及以上", "国家级表彰"},
		"":             {"无", "none"},
	},
	"retire_group": {
		"male":     {"男", "男性", "男干部", "男工人"},
		"female55": {"女55", "女55岁", "女(55)", "女(干部)", "女干部", "女(原55岁退休)", "女,55"},
		"female50": {"女50", "女50岁", "女(50)", "女(工人)", "女工人", "女(原50岁退休)", "女,50"},
	},
}

// enumAllowed lists what an enum cell may hold, as batch.md writes it.
var enumAllowed = map[string]string{
	"education":    "博士、硕士、本科+学士、本科、大专、无",
	"title":        "无、初级、技能五级、技能四级、技能三级（高级工）、技能二级（技师）、中级、技能一级（高级技师）、高级",
	"base_tier":    "无、0.8、1、2、3（也可写 2倍），或留空（按社保月基数估算）",
	"key_area":     "临港、其他",
	"award":        "无、市级专项、市级、国家级",
	"retire_group": "男、女55（干部）、女50（工人）",
}

// enumWords finds an enum's value by a folded word, by key.
var enumWords = func() map[string]map[string]string {
	m := map[string]map[string]string{}
	for _, f := range score.Fields {
		if f.Kind != score.KindEnum {
			continue
		}
		words := map[string]string{}
		for _, c := range f.Options(score.Today()) {
			words[fold(c.Label)] = c.Value
			if c.Value != "" {
				words[fold(c.Value)] = c.Value
			}
		}
		for v, ws := range enumAliases[f.Key] {
			for _, w := range ws {
				words[fold(w)] = v
			}
		}
		m[f.Key] = words
	}
	return m
}()

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
	case score.KindDate, score.KindBirth:
		return readDateCell(raw, f.Kind == score.KindDate)
	case score.KindMonths:
		return readMonths(raw)
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
	// an enum
	if val, ok := enumWords[f.Key][v]; ok {
		return val, 0
	}
	if base := stripNote(v); base != "" {
		if val, ok := enumWords[f.Key][base]; ok {
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
	return "", badForm
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
	neg := false
	switch {
	case strings.HasPrefix(v, "+"):
		v = v[1:]
	case strings.HasPrefix(v, "-"):
		v, neg = v[1:], true
	}
	whole, frac, _ := strings.Cut(v, ".")
	if whole == "" || !digitsOnly(whole) || strings.Trim(frac, "0") != "" {
		return "", badForm
	}
	whole = strings.TrimLeft(whole, "0")
	switch {
	case whole == "":
		return "0", 0
	case len(whole) > 9:
		return "", badRange
	case neg:
		return "", badRange
	}
	return whole, 0
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
	wan := false
	if s, ok := strings.CutSuffix(v, "万"); ok {
		v, wan = s, true
	}
	whole, frac, dot := strings.Cut(v, ".")
	if strings.Contains(whole, ",") { // thousands: 12,577 but not 1,25
		groups := strings.Split(whole, ",")
		for i, g := range groups {
			if g == "" || len(g) > 3 || i > 0 && len(g) != 3 {
				return "", badForm
			}
		}
		whole = strings.Join(groups, "")
	}
	if whole == "" || !digitsOnly(whole) || dot && (frac == "" || !digitsOnly(frac)) {
		if strings.HasPrefix(v, "-") {
			return "", badRange
		}
		return "", badForm
	}
	whole = strings.TrimLeft(whole, "0")
	if len(whole)+len(frac) > 15 {
		return "", badRange
	}
	// the amount in units of 10^-len(frac) yuan, then in fen
	n, _ := strconv.ParseInt(whole+frac, 10, 64)
	scale := int64(1)
	for range frac {
		scale *= 10
	}
	mult := int64(100)
	if wan {
		mult = 1000000
	}
	if n > (1<<62)/mult || n*mult%scale != 0 {
		if n > (1<<62)/mult {
			return "", badRange
		}
		return "", badForm // more than two decimals of a yuan
	}
	fen := n * mult / scale
	s := strconv.FormatInt(fen/100, 10)
	if c := fen % 100; c != 0 {
		s += "." + strconv.FormatInt(c/10, 10)
		if c%10 != 0 {
			s += strconv.FormatInt(c%10, 10)
		}
	}
	return s, 0
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

// readDateCell reads a date for as_of (needDay) or a birth date (the
// day may be left out: 1990-05, 1990/5, 1990.05, 1990年5月, 199005).
func readDateCell(raw string, needDay bool) (string, cellProblem) {
	y, m, d, pr := readDate(raw)
	switch {
	case pr != 0:
		return "", pr
	case d == 0 && needDay:
		return "", badForm
	case d == 0:
		return pad(y, 4) + "-" + pad(m, 2), 0
	}
	return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2), 0
}

// readMonths reads children's birth months, separated by , ， 、 ; ； or
// line breaks (or spaces between whole dates).
func readMonths(raw string) (string, cellProblem) {
	parts := strings.FieldsFunc(raw, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ';' || r == '；' || r == '\n' || r == '\r'
	})
	var out []string
	for _, part := range parts {
		if trim(part) == "" {
			continue
		}
		y, m, _, pr := readDate(part)
		if pr == badForm && strings.ContainsFunc(trim(part), space) {
			for _, sub := range strings.FieldsFunc(part, space) {
				if y, m, _, pr = readDate(sub); pr != 0 {
					return "", pr
				}
				out = append(out, pad(y, 4)+"-"+pad(m, 2))
			}
			continue
		}
		if pr != 0 {
			return "", pr
		}
		out = append(out, pad(y, 4)+"-"+pad(m, 2))
	}
	if len(out) > score.MaxChildren {
		return "", badCount
	}
	return strings.Join(out, ","), 0
}

// readDate reads a date cell; d is 0 when only the month was written.
func readDate(raw string) (y, m, d int, pr cellProblem) {
	raw = trim(raw)
	// a time after the date (1990/5/17 0:00:00, 2026-12-01T00:00)
	if i := strings.IndexAny(raw, " T"); i > 0 && strings.Contains(raw[i:], ":") {
		raw = raw[:i]
	}
	v := fold(raw)
	if v == "" {
		return 0, 0, 0, badForm
	}
	whole, frac, dot := strings.Cut(v, ".")
	switch {
	case len(whole) == 5 && digitsOnly(whole) && (!dot || digitsOnly(frac)):
		n, _ := strconv.Atoi(whole)
		if n < serialMin || n > serialMax {
			return 0, 0, 0, badRange
		}
		t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
		return t.Year(), int(t.Month()), t.Day(), 0
	case len(v) == 8 && digitsOnly(v): // 19900517
		y, _ = strconv.Atoi(v[:4])
		m, _ = strconv.Atoi(v[4:6])
		d, _ = strconv.Atoi(v[6:])
	case len(v) == 6 && digitsOnly(v): // 199005
		y, _ = strconv.Atoi(v[:4])
		m, _ = strconv.Atoi(v[4:])
	default:
		nums, ok := dateParts(v)
		if !ok {
			return 0, 0, 0, badForm
		}
		y, m = nums[0], nums[1]
		if len(nums) == 3 {
			d = nums[2]
		}
	}
	if y < 1900 || y > 2199 || m < 1 || m > 12 || d < 0 || d > daysIn(y, m) {
		return 0, 0, 0, badDate
	}
	return y, m, d, 0
}

// dateParts reads year, month and maybe day written with - / . or 年 月 日:
// a year of 4 digits, a month and a day of 1 or 2; a trailing 月 or 日.
func dateParts(v string) ([]int, bool) {
	var nums []int
	for v != "" {
		i := 0
		for i < len(v) && v[i] >= '0' && v[i] <= '9' {
			i++
		}
		want := 2
		if len(nums) == 0 {
			want = 4
		}
		if i == 0 || i > want || len(nums) == 0 && i != 4 || len(nums) == 3 {
			return nil, false
		}
		n, _ := strconv.Atoi(v[:i])
		nums = append(nums, n)
		v = v[i:]
		if v == "" {
			break
		}
		sep := ""
		for _, s := range []string{"-", "/", ".", "年", "月", "日", "号"} {
			if strings.HasPrefix(v, s) {
				sep = s
				break
			}
		}
		if sep == "" {
			return nil, false
		}
		v = v[len(sep):]
		if v == "" && sep != "月" && sep != "日" && sep != "号" {
			return nil, false
		}
	}
	return nums, len(nums) == 2 || len(nums) == 3
}

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
		return strconv.FormatInt(lo, 10) + " 到 " + strconv.FormatInt(hi, 10) + " 之间的整数，如 " + ex + " 或 " + ex + unit
	case score.KindMoney:
		_, hi := f.Range()
		return "0 到 " + score.Money(hi*100) + " 元之间的金额，如 12,577 或 12577.5"
	}
	return enumAllowed[f.Key]
}
