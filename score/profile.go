package score

import (
	"strconv"
	"strings"
)

// Profile describes one person, with the keys of ../shared/profile.md.
// The zero value of every field means "not given / none / zero / unknown".
// Profiles are comparable (==).
type Profile struct {
	AsOf                 Date        // as_of: evaluation date; zero = today
	Birth                Date        // birth
	Age                  int         // age: used only when Birth is zero
	Education            Education   // education
	FullTime             Tri         // full_time: Unknown when not given
	Title                Title       // title
	TitleBaseOK          Tri         // title_base_ok: Unknown is inferred from the base tier
	InsuranceYears       int         // insurance_years
	BaseTier             Tier        // base_tier (TierUnset when not given)
	BaseMonthlyFen       int64       // base_monthly, in fen (0.01 yuan)
	ShortageMajor        bool        // shortage_major
	InvestTaxAvgFen      int64       // invest_tax_avg, in fen
	InvestHiresAvg       int         // invest_hires_avg
	PublicServiceYears   int         // public_service_years
	KeyArea              string      // key_area: "", KeyAreaLingang or KeyAreaOther
	KeyAreaYears         int         // key_area_years
	FreshGraduate        bool        // fresh_graduate
	Award                Award       // award
	SpouseYears          int         // spouse_years
	StartupTalent        bool        // startup_talent
	TechTransferTalent   bool        // tech_transfer_talent
	FalseMaterial        int         // false_material
	Detention            int         // detention
	Criminal             int         // criminal
	SeriousCrime         bool        // serious_crime
	FamilyPlanningBreach bool        // family_planning_breach
	RetireGroup          RetireGroup // retire_group: "" when not given
}

// Tri is a yes/no answer that may be unknown (the key left out).
type Tri int8

// The values of a Tri. Unknown is the zero value: the key was not given.
const (
	Unknown Tri = iota
	Yes
	No
)

// Choice is one answer the UI can offer, with its profile value and its
// Chinese label; Points and Note say what it is worth where that applies.
type Choice struct {
	Value  string // the profile value; "" means the key is left out
	Label  string
	Points int
	Note   string
}

// TriChoices are the three answers of a yes/no key that may be unknown:
// 是 ("1"), 否 ("0") and 不清楚 ("", the key left out).
func TriChoices() []Choice { return append([]Choice(nil), triChoices...) }

var triChoices = []Choice{{Value: "1", Label: "是"}, {Value: "0", Label: "否"}, {Value: "", Label: "不清楚"}}

// Problem is one thing wrong with an input, naming its key.
type Problem struct {
	Key string // profile key, or "" for the input as a whole
	Zh  string // message for the UI, in plain Chinese, naming the field by its label
	En  string // message for the command line, in English, naming the key
}

// Problems is every problem found in one input; it is an error.
type Problems []Problem

// Error joins the English messages.
func (ps Problems) Error() string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.En
	}
	return strings.Join(msgs, "; ")
}

// Chinese joins the Chinese messages.
func (ps Problems) Chinese() string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Zh
	}
	return strings.Join(msgs, "；")
}

// Keys lists the keys named, in order, without repeats.
func (ps Problems) Keys() []string {
	var keys []string
	seen := map[string]bool{}
	for _, p := range ps {
		if !seen[p.Key] {
			seen[p.Key] = true
			keys = append(keys, p.Key)
		}
	}
	return keys
}

// kind is how a key's value is written.
type kind int

const (
	kDate  kind = iota // YYYY-MM-DD
	kBirth             // YYYY-MM or YYYY-MM-DD
	kInt               // integer in [min, max]
	kMoney             // yuan with at most 2 decimals, in [0, max]
	kBool              // 1/0/true/false; 0 is the same as absent
	kTri               // 1/0/true/false; absent is unknown
	kEnum              // one of values
)

// Field describes one profile key.
type Field struct {
	Key    string
	Label  string // Chinese name, as the pages label the field
	kind   kind
	min    int64
	max    int64
	values []enumValue
	label  func(v string) string // labels built from rule values, when set
	set    func(p *Profile, v int64, s string)
	date   func(p *Profile, d Date) // stores a date key
	get    func(p *Profile) string  // canonical text; "" = zero (omitted)
}

type enumValue struct {
	value string
	label string
}

// Fields lists the profile keys in canonical order.
var Fields = []*Field{
	{Key: "as_of", Label: "计算日期", kind: kDate,
		date: func(p *Profile, d Date) { p.AsOf = d },
		get:  func(p *Profile) string { return dateText(p.AsOf, false) }},
	{Key: "birth", Label: "出生年月", kind: kBirth,
		date: func(p *Profile, d Date) { p.Birth = d },
		get:  func(p *Profile) string { return dateText(p.Birth, true) }},
	intField("age", "年龄", minAge, maxAge, func(p *Profile) *int { return &p.Age }),
	{Key: "education", Label: "学历", kind: kEnum, values: enumOf(EducationTable, func(r EducationRule) (string, string) { return string(r.Value), r.Name }),
		set: func(p *Profile, _ int64, s string) { p.Education = Education(s) },
		get: func(p *Profile) string { return string(p.Education) }},
	triField("full_time", "全日制学历", func(p *Profile) *Tri { return &p.FullTime }),
	{Key: "title", Label: "职称/技能等级", kind: kEnum, values: enumOf(TitleTable, func(r TitleRule) (string, string) { return string(r.Value), r.Name }),
		set: func(p *Profile, _ int64, s string) { p.Title = Title(s) },
		get: func(p *Profile) string { return string(p.Title) }},
	triField("title_base_ok", "职称基数条件", func(p *Profile) *Tri { return &p.TitleBaseOK }),
	intField("insurance_years", "社保年限", 0, 45, func(p *Profile) *int { return &p.InsuranceYears }),
	{Key: "base_tier", Label: "社保缴费基数", kind: kEnum, values: enumOf(TierTable, func(r TierRule) (string, string) { return string(r.Value), "" }),
		label: func(v string) string { return TierRuleOf(Tier(v)).Label(Today()) },
		set:   func(p *Profile, _ int64, s string) { p.BaseTier = Tier(s) },
		get:   func(p *Profile) string { return string(p.BaseTier) }},
	moneyField("base_monthly", "社保月缴费基数", 1000000, func(p *Profile) *int64 { return &p.BaseMonthlyFen }),
	boolField("shortage_major", "紧缺急需专业", func(p *Profile) *bool { return &p.ShortageMajor }),
	moneyField("invest_tax_avg", "投资年均纳税额", 10000000000, func(p *Profile) *int64 { return &p.InvestTaxAvgFen }),
	intField("invest_hires_avg", "年均聘用本市户籍人数", 0, 1000000, func(p *Profile) *int { return &p.InvestHiresAvg }),
	intField("public_service_years", "公共服务领域年限", 0, 45, func(p *Profile) *int { return &p.PublicServiceYears }),
	{Key: "key_area", Label: "重点区域", kind: kEnum, values: []enumValue{{"none", "无"}, {KeyAreaLingang, "临港新片区"}, {KeyAreaOther, "其他远郊重点区域"}},
		set: func(p *Profile, _ int64, s string) { p.KeyArea = s },
		get: func(p *Profile) string { return p.KeyArea }},
	intField("key_area_years", "重点区域年限", 0, 45, func(p *Profile) *int { return &p.KeyAreaYears }),
	boolField("fresh_graduate", "全日制应届高校毕业生", func(p *Profile) *bool { return &p.FreshGraduate }),
	{Key: "award", Label: "表彰奖励", kind: kEnum, values: enumOf(AwardTable, func(r AwardRule) (string, string) { return string(r.Value), r.Name }),
		set: func(p *Profile, _ int64, s string) { p.Award = Award(s) },
		get: func(p *Profile) string { return string(p.Award) }},
	intField("spouse_years", "婚龄", 0, 60, func(p *Profile) *int { return &p.SpouseYears }),
	boolField("startup_talent", "创业人才", func(p *Profile) *bool { return &p.StartupTalent }),
	boolField("tech_transfer_talent", "创新创业中介服务人才", func(p *Profile) *bool { return &p.TechTransferTalent }),
	intField("false_material", "提供虚假材料次数", 0, 20, func(p *Profile) *int { return &p.FalseMaterial }),
	intField("detention", "行政拘留次数", 0, 20, func(p *Profile) *int { return &p.Detention }),
	intField("criminal", "一般刑事犯罪次数", 0, 20, func(p *Profile) *int { return &p.Criminal }),
	boolField("serious_crime", "严重刑事犯罪", func(p *Profile) *bool { return &p.SeriousCrime }),
	boolField("family_planning_breach", "违反计划生育政策", func(p *Profile) *bool { return &p.FamilyPlanningBreach }),
	{Key: "retire_group", Label: "退休类别", kind: kEnum, values: []enumValue{{string(RetireMale), ""}, {string(RetireFemale55), ""}, {string(RetireFemale50), ""}},
		label: func(v string) string { return RetireGroup(v).Label() },
		set:   func(p *Profile, _ int64, s string) { p.RetireGroup = RetireGroup(s) },
		get:   func(p *Profile) string { return string(p.RetireGroup) }},
}

var fieldIndexByKey = func() map[string]int {
	m := make(map[string]int, len(Fields))
	for i, f := range Fields {
		m[f.Key] = i
	}
	return m
}()

// FieldByKey returns the field of a profile key, or nil.
func FieldByKey(key string) *Field {
	if i, ok := fieldIndexByKey[key]; ok {
		return Fields[i]
	}
	return nil
}

func enumOf[T any](rows []T, f func(T) (string, string)) []enumValue {
	vs := make([]enumValue, len(rows))
	for i, r := range rows {
		v, l := f(r)
		if v == "" {
			v = "none"
		}
		vs[i] = enumValue{v, l}
	}
	return vs
}

func intField(key, label string, min, max int64, ptr func(*Profile) *int) *Field {
	return &Field{Key: key, Label: label, kind: kInt, min: min, max: max,
		set: func(p *Profile, v int64, _ string) { *ptr(p) = int(v) },
		get: func(p *Profile) string {
			if v := *ptr(p); v != 0 {
				return strconv.Itoa(v)
			}
			return ""
		}}
}

func boolField(key, label string, ptr func(*Profile) *bool) *Field {
	return &Field{Key: key, Label: label, kind: kBool,
		set: func(p *Profile, v int64, _ string) { *ptr(p) = v == 1 },
		get: func(p *Profile) string {
			if *ptr(p) {
				return "1"
			}
			return ""
		}}
}

func triField(key, label string, ptr func(*Profile) *Tri) *Field {
	return &Field{Key: key, Label: label, kind: kTri,
		set: func(p *Profile, v int64, _ string) {
			*ptr(p) = No
			if v == 1 {
				*ptr(p) = Yes
			}
		},
		get: func(p *Profile) string {
			switch *ptr(p) {
			case Yes:
				return "1"
			case No:
				return "0"
			}
			return ""
		}}
}

func moneyField(key, label string, maxYuan int64, ptr func(*Profile) *int64) *Field {
	return &Field{Key: key, Label: label, kind: kMoney, max: maxYuan * 100,
		set: func(p *Profile, v int64, _ string) { *ptr(p) = v },
		get: func(p *Profile) string { return plainFen(*ptr(p)) }}
}

func dateText(d Date, birth bool) string {
	if d.IsZero() {
		return ""
	}
	if birth && d.Day == 1 {
		return d.String()[:7]
	}
	return d.String()
}

// allowedEn describes the values a key takes, in English.
func (f *Field) allowedEn() string {
	switch f.kind {
	case kDate:
		return "a date YYYY-MM-DD"
	case kBirth:
		return "YYYY-MM or YYYY-MM-DD"
	case kInt:
		return "an integer from " + strconv.FormatInt(f.min, 10) + " to " + strconv.FormatInt(f.max, 10)
	case kMoney:
		return "an amount in yuan from 0 to " + strconv.FormatInt(f.max/100, 10) + " with at most 2 decimals"
	case kBool, kTri:
		return "1/0 or true/false"
	}
	ens := make([]string, len(f.values))
	for i, v := range f.values {
		ens[i] = v.value
	}
	return strings.Join(ens, ", ")
}

// askZh says, in plain Chinese, how to fill the field.
func (f *Field) askZh() string {
	switch f.kind {
	case kDate:
		return f.Label + "请按 YYYY-MM-DD 填写，如 2026-11-28"
	case kBirth:
		return f.Label + "请按 YYYY-MM 填写，如 1990-06"
	case kInt:
		return f.Label + "请填 " + strconv.FormatInt(f.min, 10) + " 到 " + strconv.FormatInt(f.max, 10) + " 之间的整数"
	case kMoney:
		return f.Label + "请填 0 到 " + Money(f.max) + " 元之间的金额，最多两位小数"
	case kBool, kTri:
		return f.Label + "请选择“是”或“否”"
	}
	return f.Label + "请从列表中选择"
}

// Values lists the allowed values of an enum key or a yes/no key that
// may be unknown, with their Chinese labels ("none" first where it
// exists; for a Tri key "1", "0" and "" for 不清楚).
func (f *Field) Values() (values, labels []string) {
	if f.kind == kTri {
		for _, c := range TriChoices() {
			values, labels = append(values, c.Value), append(labels, c.Label)
		}
		return values, labels
	}
	for _, v := range f.values {
		l := v.label
		if f.label != nil {
			l = f.label(v.value)
		}
		values, labels = append(values, v.value), append(labels, l)
	}
	return values, labels
}

// cut shortens s to at most n bytes on a rune boundary, marking the cut,
// and replaces invalid UTF-8.
func cut(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !runeStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

func runeStart(b byte) bool { return b&0xC0 != 0x80 }

// badValue is the problem for a value that is not allowed.
func (f *Field) badValue(raw string) Problem {
	return Problem{Key: f.Key, Zh: f.askZh(),
		En: f.Key + ": invalid value " + strconv.Quote(cut(raw, 40)) + ", want " + f.allowedEn()}
}

// setText parses raw for f and stores it into p. An empty raw means "not
// given" and leaves p as it is.
func (f *Field) setText(p *Profile, raw string) *Problem {
	if raw == "" {
		return nil
	}
	switch f.kind {
	case kDate, kBirth:
		d, err := ParseDate(raw, f.kind == kBirth)
		if err != nil {
			pr := f.badValue(raw)
			return &pr
		}
		f.date(p, d)
	case kInt:
		v, err := strconv.ParseInt(raw, 10, 64)
		if err != nil { // 3.0 from a JSON encoder is 3
			if fv, ferr := strconv.ParseFloat(raw, 64); ferr == nil && fv == float64(int64(fv)) && !strings.ContainsAny(raw, "eE") {
				v, err = int64(fv), nil
			}
		}
		if err != nil || v < f.min || v > f.max {
			pr := f.badValue(raw)
			return &pr
		}
		f.set(p, v, "")
	case kMoney:
		v, ok := parseFen(raw)
		if !ok || v > f.max {
			pr := f.badValue(raw)
			return &pr
		}
		f.set(p, v, "")
	case kBool, kTri:
		switch raw {
		case "1", "true":
			f.set(p, 1, "")
		case "0", "false":
			f.set(p, 0, "")
		default:
			pr := f.badValue(raw)
			return &pr
		}
	case kEnum:
		if f.Key == "base_tier" { // a number: 1.0 is tier 1, 0.80 is 0.8
			if fv, err := strconv.ParseFloat(raw, 64); err == nil && !strings.ContainsAny(raw, "eE") {
				raw = strconv.FormatFloat(fv, 'f', -1, 64)
			}
		}
		for _, v := range f.values {
			if v.value == raw {
				if raw == "none" && f.Key != "base_tier" {
					raw = ""
				}
				f.set(p, 0, raw)
				return nil
			}
		}
		pr := f.badValue(raw)
		return &pr
	}
	return nil
}

// parseFen reads a non-negative decimal with at most two decimals into fen.
func parseFen(s string) (int64, bool) {
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || len(whole) > 13 || (dot && (frac == "" || len(frac) > 2)) {
		return 0, false
	}
	var v int64
	for _, part := range []string{whole, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return 0, false
			}
			v = v*10 + int64(part[i]-'0')
		}
	}
	for i := len(frac); i < 2; i++ {
		v *= 10
	}
	return v, true
}

// Kind says how a key's value is written: "date", "birth", "int",
// "money", "bool", "tri" (yes, no, or left out for unknown) or "enum".
func (f *Field) Kind() string {
	return [...]string{"date", "birth", "int", "money", "bool", "tri", "enum"}[f.kind]
}

// Range is the smallest and largest value of an int key, and the largest
// of a money key in yuan.
func (f *Field) Range() (lo, hi int64) {
	if f.kind == kMoney {
		return 0, f.max / 100
	}
	return f.min, f.max
}
