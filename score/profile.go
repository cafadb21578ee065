package score

import (
	"strconv"
	"strings"
)

// Profile describes one person, with the keys of ../shared/profile.md.
// The zero value of every field means "not given / none / zero".
type Profile struct {
	AsOf                 Date      // as_of: evaluation date; zero = today
	Birth                Date      // birth
	Age                  int       // age: used only when Birth is zero
	Education            Education // education
	FullTime             bool      // full_time
	Title                Title     // title
	TitleBaseOK          bool      // title_base_ok
	InsuranceYears       int       // insurance_years
	BaseTier             Tier      // base_tier (TierUnset when not given)
	BaseMonthlyFen       int64     // base_monthly, in fen (0.01 yuan)
	ShortageMajor        bool      // shortage_major
	InvestTaxAvgFen      int64     // invest_tax_avg, in fen
	InvestHiresAvg       int       // invest_hires_avg
	PublicServiceYears   int       // public_service_years
	KeyArea              string    // key_area: "", KeyAreaLingang or KeyAreaOther
	KeyAreaYears         int       // key_area_years
	FreshGraduate        bool      // fresh_graduate
	Award                Award     // award
	SpouseYears          int       // spouse_years
	StartupTalent        bool      // startup_talent
	TechTransferTalent   bool      // tech_transfer_talent
	FalseMaterial        int       // false_material
	Detention            int       // detention
	Criminal             int       // criminal
	SeriousCrime         bool      // serious_crime
	FamilyPlanningBreach bool      // family_planning_breach
}

// Problem is one thing wrong with an input, naming its key.
type Problem struct {
	Key string // profile key, or "" for the input as a whole
	Zh  string // message for the UI, in Chinese
	En  string // message for the command line, in English
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
	kBool              // 1/0/true/false
	kEnum              // one of values
)

// Field describes one profile key.
type Field struct {
	Key    string
	Label  string // Chinese name
	kind   kind
	min    int64
	max    int64
	values []enumValue
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
	intField("age", "年龄", 16, 80, func(p *Profile) *int { return &p.Age }),
	{Key: "education", Label: "学历", kind: kEnum, values: enumOf(EducationTable, func(r EducationRule) (string, string) { return string(r.Value), r.Name }),
		set: func(p *Profile, _ int64, s string) { p.Education = Education(s) },
		get: func(p *Profile) string { return string(p.Education) }},
	boolField("full_time", "全日制", func(p *Profile) *bool { return &p.FullTime }),
	{Key: "title", Label: "职称/技能等级", kind: kEnum, values: enumOf(TitleTable, func(r TitleRule) (string, string) { return string(r.Value), r.Name }),
		set: func(p *Profile, _ int64, s string) { p.Title = Title(s) },
		get: func(p *Profile) string { return string(p.Title) }},
	boolField("title_base_ok", "职称社保基数条件", func(p *Profile) *bool { return &p.TitleBaseOK }),
	intField("insurance_years", "社保缴纳年限", 0, 45, func(p *Profile) *int { return &p.InsuranceYears }),
	{Key: "base_tier", Label: "社保缴费基数档次", kind: kEnum, values: enumOf(TierTable, func(r TierRule) (string, string) { return string(r.Value), r.Name }),
		set: func(p *Profile, _ int64, s string) { p.BaseTier = Tier(s) },
		get: func(p *Profile) string { return string(p.BaseTier) }},
	moneyField("base_monthly", "月缴费基数", 1000000, func(p *Profile) *int64 { return &p.BaseMonthlyFen }),
	boolField("shortage_major", "紧缺急需专业", func(p *Profile) *bool { return &p.ShortageMajor }),
	moneyField("invest_tax_avg", "投资年均纳税额", 10000000000, func(p *Profile) *int64 { return &p.InvestTaxAvgFen }),
	intField("invest_hires_avg", "年均聘用本市户籍人数", 0, 1000000, func(p *Profile) *int { return &p.InvestHiresAvg }),
	intField("public_service_years", "公共服务领域年限", 0, 45, func(p *Profile) *int { return &p.PublicServiceYears }),
	{Key: "key_area", Label: "重点区域", kind: kEnum, values: []enumValue{{"none", "无"}, {KeyAreaLingang, "临港新片区"}, {KeyAreaOther, "其他远郊重点区域"}},
		set: func(p *Profile, _ int64, s string) { p.KeyArea = s },
		get: func(p *Profile) string { return p.KeyArea }},
	intField("key_area_years", "重点区域工作居住年限", 0, 45, func(p *Profile) *int { return &p.KeyAreaYears }),
	boolField("fresh_graduate", "全日制应届毕业生", func(p *Profile) *bool { return &p.FreshGraduate }),
	{Key: "award", Label: "表彰奖励", kind: kEnum, values: enumOf(AwardTable, func(r AwardRule) (string, string) { return string(r.Value), r.Name }),
		set: func(p *Profile, _ int64, s string) { p.Award = Award(s) },
		get: func(p *Profile) string { return string(p.Award) }},
	intField("spouse_years", "与上海户籍配偶婚龄", 0, 60, func(p *Profile) *int { return &p.SpouseYears }),
	boolField("startup_talent", "创业人才", func(p *Profile) *bool { return &p.StartupTalent }),
	boolField("tech_transfer_talent", "创新创业中介服务人才", func(p *Profile) *bool { return &p.TechTransferTalent }),
	intField("false_material", "提供虚假材料次数", 0, 20, func(p *Profile) *int { return &p.FalseMaterial }),
	intField("detention", "行政拘留次数", 0, 20, func(p *Profile) *int { return &p.Detention }),
	intField("criminal", "一般刑事犯罪记录次数", 0, 20, func(p *Profile) *int { return &p.Criminal }),
	boolField("serious_crime", "严重刑事犯罪记录", func(p *Profile) *bool { return &p.SeriousCrime }),
	boolField("family_planning_breach", "违反计划生育政策", func(p *Profile) *bool { return &p.FamilyPlanningBreach }),
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

func moneyField(key, label string, maxYuan int64, ptr func(*Profile) *int64) *Field {
	return &Field{Key: key, Label: label, kind: kMoney, max: maxYuan * 100,
		set: func(p *Profile, v int64, _ string) { *ptr(p) = v },
		get: func(p *Profile) string { return FenText(*ptr(p)) }}
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

// FenText writes an amount in fen as yuan with no trailing zeros
// ("9947.2"); "" for zero.
func FenText(fen int64) string {
	if fen == 0 {
		return ""
	}
	s := strconv.FormatInt(fen/100, 10)
	if c := fen % 100; c != 0 {
		if c%10 == 0 {
			s += "." + strconv.FormatInt(c/10, 10)
		} else {
			s += "." + strconv.FormatInt(c/10, 10) + strconv.FormatInt(c%10, 10)
		}
	}
	return s
}

// Allowed describes the values a key takes, in Chinese and in English.
func (f *Field) Allowed() (zh, en string) {
	switch f.kind {
	case kDate:
		return "日期，格式 YYYY-MM-DD", "a date YYYY-MM-DD"
	case kBirth:
		return "年月 YYYY-MM 或日期 YYYY-MM-DD", "YYYY-MM or YYYY-MM-DD"
	case kInt:
		lo, hi := strconv.FormatInt(f.min, 10), strconv.FormatInt(f.max, 10)
		return lo + " 到 " + hi + " 的整数", "an integer from " + lo + " to " + hi
	case kMoney:
		hi := strconv.FormatInt(f.max/100, 10)
		return "0 到 " + hi + " 元的金额（最多两位小数）", "an amount in yuan from 0 to " + hi + " with at most 2 decimals"
	case kBool:
		return "1/0 或 true/false", "1/0 or true/false"
	}
	zhs := make([]string, len(f.values))
	ens := make([]string, len(f.values))
	for i, v := range f.values {
		zhs[i] = v.value + "（" + v.label + "）"
		ens[i] = v.value
	}
	return strings.Join(zhs, "、"), strings.Join(ens, ", ")
}

// Values lists the allowed values of an enum key with their Chinese
// labels ("none" first where it exists).
func (f *Field) Values() (values, labels []string) {
	for _, v := range f.values {
		values = append(values, v.value)
		labels = append(labels, v.label)
	}
	return values, labels
}

// badValue is the problem for a value that is not allowed.
func (f *Field) badValue(raw string) Problem {
	zh, en := f.Allowed()
	shown := raw
	if len(shown) > 40 {
		shown = shown[:40] + "…"
	}
	shown = strings.ToValidUTF8(shown, "�")
	return Problem{Key: f.Key,
		Zh: f.Label + "（" + f.Key + "）的值“" + shown + "”无效，应为" + zh,
		En: f.Key + ": invalid value " + strconv.Quote(shown) + ", want " + en}
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
	case kBool:
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
// "money", "bool" or "enum".
func (f *Field) Kind() string {
	return [...]string{"date", "birth", "int", "money", "bool", "enum"}[f.kind]
}

// Range is the smallest and largest value of an int key, and the largest
// of a money key in yuan.
func (f *Field) Range() (lo, hi int64) {
	if f.kind == kMoney {
		return 0, f.max / 100
	}
	return f.min, f.max
}
