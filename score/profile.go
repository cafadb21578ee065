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
	// Children are the birth months (the 1st of each) of up to
	// MaxChildren co-resident children, in the order given, then zero
	// dates (children: none when all are zero).
	Children [MaxChildren]Date
}

// MaxChildren is the most children a profile lists (profile.md, children).
const MaxChildren = 4

// ChildBirths lists the children's birth months given.
func (p *Profile) ChildBirths() []Date {
	var ds []Date
	for _, d := range p.Children {
		if !d.IsZero() {
			ds = append(ds, d)
		}
	}
	return ds
}

// childrenText writes the children's months as a link does:
// "2018-03,2021-07"; "" for none.
func childrenText(cs [MaxChildren]Date) string {
	var b []byte
	for _, d := range cs {
		if d.IsZero() {
			continue
		}
		if len(b) > 0 {
			b = append(b, ',')
		}
		b = append(b, d.String()[:7]...)
	}
	return string(b)
}

// parseMonths reads up to MaxChildren months YYYY-MM (or dates
// YYYY-MM-DD, whose month is kept), separated by commas.
func parseMonths(s string) ([MaxChildren]Date, bool) {
	var ms [MaxChildren]Date
	parts := strings.Split(s, ",")
	if len(parts) > MaxChildren {
		return ms, false
	}
	for i, part := range parts {
		d, err := ParseDate(strings.TrimSpace(part), true)
		if err != nil {
			return ms, false
		}
		ms[i] = Date{d.Year, d.Month, 1}
	}
	return ms, true
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
	// Value is the value that could not be used, as given (cut, without
	// control or bidi characters: safe to show back), for a bad value.
	Value string
	Zh    string // message for the UI, in plain Chinese, naming the field by its label
	En    string // message for the command line, in English, naming the key
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

// Kind is how a key's value is written.
type Kind uint8

// The kinds of profile keys.
const (
	KindDate   Kind = iota // YYYY-MM-DD
	KindBirth              // YYYY-MM or YYYY-MM-DD
	KindInt                // integer in [min, max]
	KindMoney              // yuan with at most 2 decimals, in [0, max]
	KindBool               // 1/0/true/false; 0 is the same as absent
	KindTri                // 1/0/true/false; absent is unknown
	KindEnum               // one of values
	KindMonths             // up to MaxChildren months YYYY-MM, comma-separated
)

// String is the kind's name: "date", "birth", "int", "money", "bool",
// "tri", "enum" or "months".
func (k Kind) String() string {
	return [...]string{"date", "birth", "int", "money", "bool", "tri", "enum", "months"}[k]
}

// Form is the section of the full calculator that asks a key.
type Form uint8

// The calculator's sections, in order.
const (
	FormBasic     Form = iota + 1 // 基础指标
	FormBonus                     // 加分指标
	FormRare                      // 其他加分（较少见）
	FormDeduction                 // 减分指标
	FormVeto                      // 一票否决
	FormPlan                      // 规划用（不影响积分）
	FormDate                      // 计算日期
)

// FormSection is one section of the full calculator: its title, whether
// it starts folded (rare items), and its keys in order.
type FormSection struct {
	Form   Form
	Title  string
	Folded bool
	Keys   []string
}

var formTitles = [...]struct {
	form   Form
	title  string
	folded bool
}{
	{FormBasic, "基础指标", false}, {FormBonus, "加分指标", false}, {FormRare, "其他加分（较少见）", true},
	{FormDeduction, "减分指标", true}, {FormVeto, "一票否决", true}, {FormPlan, "规划用（不影响积分）", true}, {FormDate, "计算日期", true},
}

// FormSections lists the sections of the full calculator, each with the
// keys it asks in the order of Fields.
func FormSections() []FormSection {
	secs := make([]FormSection, 0, len(formTitles))
	for _, t := range formTitles {
		sec := FormSection{Form: t.form, Title: t.title, Folded: t.folded}
		for _, f := range Fields {
			if f.Form == t.form {
				sec.Keys = append(sec.Keys, f.Key)
			}
		}
		secs = append(secs, sec)
	}
	return secs
}

// Field describes one profile key: how it is written, how the pages ask
// it, and where it goes in a Profile.
type Field struct {
	Key   string
	Label string // Chinese name, as the pages label the field
	Kind  Kind
	Unit  string // shown after a number field: "年", "元/月"; "" for none
	Form  Form   // the calculator's section that asks it
	min   int64
	max   int64
	// values are an enum's values; keepNone: its "none" is a value of its
	// own (base_tier), not the key left out; numeric: its values are
	// numbers, written in any decimal form (1.0 is 1).
	values   []enumValue
	keepNone bool
	numeric  bool
	label    func(v string, d Date) string // labels built from rule values, when set
	unset    func(d Date) string           // label of the choice that leaves the key out, when not "none"
	ask      func(p *Profile) bool         // whether the calculator asks it; nil: always
	note     func(p *Profile, d Date) string
	set      func(p *Profile, v int64, s string)
	date     func(p *Profile, d Date) // stores a date key
	get      func(p *Profile) string  // canonical text; "" = zero (omitted)
	clear    func(p *Profile)         // leaves the key out
}

type enumValue struct {
	value string
	label string
}

// Fields lists the profile keys in canonical order.
var Fields = []*Field{
	{Key: "as_of", Label: "计算日期", Kind: KindDate, Form: FormDate,
		date:  func(p *Profile, d Date) { p.AsOf = d },
		get:   func(p *Profile) string { return dateText(p.AsOf, false) },
		clear: func(p *Profile) { p.AsOf = Date{} }},
	{Key: "birth", Label: "出生年月", Kind: KindBirth, Form: FormBasic,
		date:  func(p *Profile, d Date) { p.Birth = d },
		get:   func(p *Profile) string { return dateText(p.Birth, true) },
		clear: func(p *Profile) { p.Birth = Date{} }},
	intField("age", "年龄", "周岁", FormBasic, minAge, maxAge, func(p *Profile) *int { return &p.Age }).
		asked(func(p *Profile) bool { return p.Birth.IsZero() }),
	{Key: "education", Label: "学历", Kind: KindEnum, Form: FormBasic, values: enumOf(EducationTable, func(r EducationRule) (string, string) { return string(r.Value), r.Name }),
		set:   func(p *Profile, _ int64, s string) { p.Education = Education(s) },
		get:   func(p *Profile) string { return string(p.Education) },
		clear: func(p *Profile) { p.Education = EduNone }},
	triField("full_time", "全日制学历", FormBasic, func(p *Profile) *Tri { return &p.FullTime }).
		asked(func(p *Profile) bool { return p.Education != EduNone || p.ShortageMajor || p.FreshGraduate }),
	{Key: "title", Label: "职称/技能等级", Kind: KindEnum, Form: FormBasic, values: enumOf(TitleTable, func(r TitleRule) (string, string) { return string(r.Value), r.Name }),
		set:   func(p *Profile, _ int64, s string) { p.Title = Title(s) },
		get:   func(p *Profile) string { return string(p.Title) },
		clear: func(p *Profile) { p.Title = TitleNone }},
	triField("title_base_ok", "职称基数条件", FormBasic, func(p *Profile) *Tri { return &p.TitleBaseOK }).
		asked(func(p *Profile) bool { return TitleRuleOf(p.Title).NeedsBase }),
	intField("insurance_years", "社保年限", "年", FormBasic, 0, 45, func(p *Profile) *int { return &p.InsuranceYears }),
	{Key: "base_tier", Label: "社保缴费基数", Kind: KindEnum, Form: FormBonus, keepNone: true, numeric: true,
		values: enumOf(TierTable, func(r TierRule) (string, string) { return string(r.Value), "" }),
		label:  func(v string, d Date) string { return TierRuleOf(Tier(v)).Label(d) },
		unset:  func(Date) string { return "不清楚（按下面的月缴费基数估算）" },
		set:    func(p *Profile, _ int64, s string) { p.BaseTier = Tier(s) },
		get:    func(p *Profile) string { return string(p.BaseTier) },
		clear:  func(p *Profile) { p.BaseTier = TierUnset }},
	moneyField("base_monthly", "社保月缴费基数", "元/月", FormBonus, 1000000, func(p *Profile) *int64 { return &p.BaseMonthlyFen }).
		noted(monthlyNote),
	boolField("shortage_major", "紧缺急需专业", FormBonus, func(p *Profile) *bool { return &p.ShortageMajor }),
	moneyField("invest_tax_avg", "投资年均纳税额", "元/年", FormRare, 10000000000, func(p *Profile) *int64 { return &p.InvestTaxAvgFen }),
	intField("invest_hires_avg", "年均聘用本市户籍人数", "人/年", FormRare, 0, 1000000, func(p *Profile) *int { return &p.InvestHiresAvg }),
	intField("public_service_years", "公共服务领域年限", "年", FormRare, 0, 45, func(p *Profile) *int { return &p.PublicServiceYears }),
	{Key: "key_area", Label: "重点区域", Kind: KindEnum, Form: FormRare, values: []enumValue{{"none", "无"}, {KeyAreaLingang, "临港新片区"}, {KeyAreaOther, "其他远郊重点区域"}},
		ask:   func(p *Profile) bool { return p.KeyAreaYears > 0 },
		set:   func(p *Profile, _ int64, s string) { p.KeyArea = s },
		get:   func(p *Profile) string { return p.KeyArea },
		clear: func(p *Profile) { p.KeyArea = "" }},
	intField("key_area_years", "重点区域年限", "年", FormRare, 0, 45, func(p *Profile) *int { return &p.KeyAreaYears }),
	boolField("fresh_graduate", "全日制应届高校毕业生", FormBonus, func(p *Profile) *bool { return &p.FreshGraduate }),
	{Key: "award", Label: "表彰奖励", Kind: KindEnum, Form: FormRare, values: enumOf(AwardTable, func(r AwardRule) (string, string) { return string(r.Value), r.Name }),
		set:   func(p *Profile, _ int64, s string) { p.Award = Award(s) },
		get:   func(p *Profile) string { return string(p.Award) },
		clear: func(p *Profile) { p.Award = AwardNone }},
	intField("spouse_years", "与上海户籍配偶的婚龄", "年", FormBonus, 0, 60, func(p *Profile) *int { return &p.SpouseYears }),
	boolField("startup_talent", "创业人才", FormRare, func(p *Profile) *bool { return &p.StartupTalent }),
	boolField("tech_transfer_talent", "创新创业中介服务人才", FormRare, func(p *Profile) *bool { return &p.TechTransferTalent }),
	intField("false_material", "提供虚假材料次数", "次", FormDeduction, 0, 20, func(p *Profile) *int { return &p.FalseMaterial }),
	intField("detention", "行政拘留次数", "次", FormDeduction, 0, 20, func(p *Profile) *int { return &p.Detention }),
	intField("criminal", "一般刑事犯罪次数", "次", FormDeduction, 0, 20, func(p *Profile) *int { return &p.Criminal }),
	boolField("serious_crime", "严重刑事犯罪", FormVeto, func(p *Profile) *bool { return &p.SeriousCrime }),
	boolField("family_planning_breach", "违反计划生育政策", FormVeto, func(p *Profile) *bool { return &p.FamilyPlanningBreach }),
	{Key: "retire_group", Label: "退休类别", Kind: KindEnum, Form: FormPlan, values: []enumValue{{string(RetireMale), ""}, {string(RetireFemale55), ""}, {string(RetireFemale50), ""}},
		label: func(v string, _ Date) string { return RetireGroup(v).Label() },
		unset: func(d Date) string { r := reader{d: d}; return r.f("不填（推算到 {plan.stop_age} 周岁）") },
		set:   func(p *Profile, _ int64, s string) { p.RetireGroup = RetireGroup(s) },
		get:   func(p *Profile) string { return string(p.RetireGroup) },
		clear: func(p *Profile) { p.RetireGroup = RetireNone }},
	{Key: "children", Label: "孩子的出生年月", Kind: KindMonths, Form: FormPlan,
		get:   func(p *Profile) string { return childrenText(p.Children) },
		clear: func(p *Profile) { p.Children = [MaxChildren]Date{} }},
}

// noted sets the note on the key's value.
func (f *Field) noted(note func(p *Profile, d Date) string) *Field { f.note = note; return f }

// Note says what the key's value in p means on d, where that helps ("按
// 2026 年 7 月起使用的上年度平均工资 12,577 元计：属于“1 倍至 2 倍”档"); "" otherwise.
func (f *Field) Note(p *Profile, d Date) string {
	if f.note == nil {
		return ""
	}
	return f.note(p, d)
}

// asked sets when the calculator asks the key.
func (f *Field) asked(ask func(p *Profile) bool) *Field { f.ask = ask; return f }

// Asked reports whether the calculator asks the key for p: where its
// answer changes something, or it has a value.
func (f *Field) Asked(p *Profile) bool { return f.ask == nil || f.ask(p) || f.get(p) != "" }

// Text is the key's value in p as a link writes it; "" when it is not
// given.
func (f *Field) Text(p *Profile) string { return f.get(p) }

// Set reads raw as the key's value into p; "" leaves the key out. A value
// that is not allowed leaves p as it is and returns the problem.
func (f *Field) Set(p *Profile, raw string) *Problem {
	if raw == "" {
		f.clear(p)
		return nil
	}
	q := *p
	if pr := f.setText(&q, raw); pr != nil {
		return pr
	}
	*p = q
	return nil
}

// Options are the choices of an enum key or a yes/no key that may be
// unknown, with their Chinese labels on d. The choice that leaves the key
// out has the Value "" (an enum's "none", 不清楚, or the field's own
// label for it, first).
func (f *Field) Options(d Date) []Choice {
	if f.Kind == KindTri {
		return TriChoices()
	}
	cs := make([]Choice, 0, len(f.values)+1)
	if f.unset != nil {
		cs = append(cs, Choice{Label: f.unset(d)})
	}
	for _, v := range f.values {
		c := Choice{Value: v.value, Label: v.label}
		if f.label != nil {
			c.Label = f.label(v.value, d)
		}
		if c.Value == "none" && !f.keepNone {
			c.Value = ""
		}
		cs = append(cs, c)
	}
	return cs
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

func intField(key, label, unit string, form Form, min, max int64, ptr func(*Profile) *int) *Field {
	return &Field{Key: key, Label: label, Kind: KindInt, Unit: unit, Form: form, min: min, max: max,
		set: func(p *Profile, v int64, _ string) { *ptr(p) = int(v) },
		get: func(p *Profile) string {
			if v := *ptr(p); v != 0 {
				return strconv.Itoa(v)
			}
			return ""
		},
		clear: func(p *Profile) { *ptr(p) = 0 }}
}

func boolField(key, label string, form Form, ptr func(*Profile) *bool) *Field {
	return &Field{Key: key, Label: label, Kind: KindBool, Form: form,
		set: func(p *Profile, v int64, _ string) { *ptr(p) = v == 1 },
		get: func(p *Profile) string {
			if *ptr(p) {
				return "1"
			}
			return ""
		},
		clear: func(p *Profile) { *ptr(p) = false }}
}

func triField(key, label string, form Form, ptr func(*Profile) *Tri) *Field {
	return &Field{Key: key, Label: label, Kind: KindTri, Form: form,
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
		},
		clear: func(p *Profile) { *ptr(p) = Unknown }}
}

func moneyField(key, label, unit string, form Form, maxYuan int64, ptr func(*Profile) *int64) *Field {
	return &Field{Key: key, Label: label, Kind: KindMoney, Unit: unit, Form: form, max: maxYuan * 100,
		set:   func(p *Profile, v int64, _ string) { *ptr(p) = v },
		get:   func(p *Profile) string { return plainFen(*ptr(p)) },
		clear: func(p *Profile) { *ptr(p) = 0 }}
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
	switch f.Kind {
	case KindDate:
		return "a date YYYY-MM-DD"
	case KindBirth:
		return "YYYY-MM or YYYY-MM-DD"
	case KindInt:
		return "an integer from " + strconv.FormatInt(f.min, 10) + " to " + strconv.FormatInt(f.max, 10)
	case KindMoney:
		return "an amount in yuan from 0 to " + strconv.FormatInt(f.max/100, 10) + " with at most 2 decimals"
	case KindBool, KindTri:
		return "1/0 or true/false"
	case KindMonths:
		return "up to " + strconv.Itoa(MaxChildren) + " months YYYY-MM, comma-separated"
	}
	ens := make([]string, len(f.values))
	for i, v := range f.values {
		ens[i] = v.value
	}
	return strings.Join(ens, ", ")
}

// askZh says, in plain Chinese, how to fill the field.
func (f *Field) askZh() string {
	switch f.Kind {
	case KindDate:
		return f.Label + "请按 YYYY-MM-DD 填写，如 2026-11-28"
	case KindBirth:
		return f.Label + "请按 YYYY-MM 填写，如 1990-06"
	case KindInt:
		return f.Label + "请填 " + strconv.FormatInt(f.min, 10) + " 到 " + strconv.FormatInt(f.max, 10) + " 之间的整数"
	case KindMoney:
		return f.Label + "请填 0 到 " + Money(f.max) + " 元之间的金额，最多两位小数"
	case KindBool, KindTri:
		return f.Label + "请选择“是”或“否”"
	case KindMonths:
		return f.Label + "请按 YYYY-MM 填写，如 2018-03；最多 " + strconv.Itoa(MaxChildren) + " 个，用逗号分开"
	}
	return f.Label + "请从列表中选择"
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
	return Problem{Key: f.Key, Value: Shown(cut(raw, 40)), Zh: f.askZh(),
		En: f.Key + ": invalid value " + strconv.Quote(cut(raw, 40)) + ", want " + f.allowedEn()}
}

// setText parses raw for f and stores it into p. An empty raw means "not
// given" and leaves p as it is.
func (f *Field) setText(p *Profile, raw string) *Problem {
	if raw == "" {
		return nil
	}
	switch f.Kind {
	case KindDate, KindBirth:
		d, err := ParseDate(raw, f.Kind == KindBirth)
		if err != nil {
			pr := f.badValue(raw)
			return &pr
		}
		f.date(p, d)
	case KindInt:
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
	case KindMoney:
		v, ok := parseFen(raw)
		if !ok || v > f.max {
			pr := f.badValue(raw)
			return &pr
		}
		f.set(p, v, "")
	case KindBool, KindTri:
		switch raw {
		case "1", "true":
			f.set(p, 1, "")
		case "0", "false":
			f.set(p, 0, "")
		default:
			pr := f.badValue(raw)
			return &pr
		}
	case KindMonths:
		ms, ok := parseMonths(raw)
		if !ok {
			pr := f.badValue(raw)
			return &pr
		}
		p.Children = ms
	case KindEnum:
		if f.numeric { // a number: 1.0 is tier 1, 0.80 is 0.8
			if fv, err := strconv.ParseFloat(raw, 64); err == nil && !strings.ContainsAny(raw, "eE") {
				raw = strconv.FormatFloat(fv, 'f', -1, 64)
			}
		}
		for _, v := range f.values {
			if v.value == raw {
				if raw == "none" && !f.keepNone {
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

// Range is the smallest and largest value of an int key, and the largest
// of a money key in yuan.
func (f *Field) Range() (lo, hi int64) {
	if f.Kind == KindMoney {
		return 0, f.max / 100
	}
	return f.min, f.max
}

// Shown makes text from a link, saved data or a file safe to show back:
// without control characters and the invisible characters that reorder
// text (bidi controls), which could make a value read as something else.
func Shown(s string) string {
	clean := true
	for _, r := range s {
		if hidden(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if hidden(r) {
			return -1
		}
		return r
	}, s)
}

// hidden reports a control or bidi-control character.
func hidden(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
