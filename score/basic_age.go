package score

// 基础指标: 年龄. Full years (周岁) at the evaluation date: 56-60 → 5;
// each year younger +2; cap 30; over 60 → 0 (rules.md "Basic
// indicators", age; high).

// IDAge is the indicator's ID.
const IDAge ID = "age"

var (
	ageCap       = param{"age.cap", []value{{&rulesPeriod, 30, High, ""}}}
	ageFloor     = param{"age.floor", []value{{&rulesPeriod, 5, High, ""}}}
	ageFloorFrom = param{"age.floor_from", []value{{&rulesPeriod, 56, High, ""}}}
	ageLast      = param{"age.last", []value{{&rulesPeriod, 60, High, ""}}}
	ageStep      = param{"age.step", []value{{&rulesPeriod, 2, High, ""}}}
)

// ageItem: claimed by a birth date or an age.
var ageItem = Indicator{ID: IDAge, Name: "年龄", Key: "birth", claimed: func(p *Profile) bool { return !p.Birth.IsZero() || p.Age > 0 }}

var ageInd = module{seq: 10, group: GroupBasic, items: []*Indicator{&ageItem}, keys: []string{"birth", "age"},
	params: []*param{&ageCap, &ageFloor, &ageFloorFrom, &ageLast, &ageStep},
	score:  scoreAge, rules: ageRules, help: ageHelp}

func init() { register(&ageInd) }

// ageRule is the age indicator's values at one date.
type ageRule struct{ cap, floor, floorFrom, last, step int }

func readAge(r *reader) ageRule {
	return ageRule{r.n(&ageCap), r.n(&ageFloor), r.n(&ageFloorFrom), r.n(&ageLast), r.n(&ageStep)}
}

func (a ageRule) points(age int) int {
	switch {
	case age < 0 || age > a.last:
		return 0
	case age >= a.floorFrom:
		return a.floor
	}
	return min(a.floor+a.step*(a.floorFrom-age), a.cap)
}

// fullUntil is the oldest age that still has the cap (43).
func (a ageRule) fullUntil() int { return a.floorFrom - (a.cap-a.floor+a.step-1)/a.step }

// AgePoints returns the age points for full years of age with the values
// in force on d (0 for a negative age: unknown).
func AgePoints(age int, d Date) int { r := reader{d: d}; return readAge(&r).points(age) }

func scoreAge(e *eval) {
	a := readAge(&e.reader)
	pts := a.points(e.age)
	e.total += pts
	if e.res == nil {
		return
	}
	var why string
	switch {
	case e.age < 0:
		why = "未填写出生年月或年龄，年龄未计分"
		e.warn(e.f("请填写出生年月或年龄：年龄最多 {0} 分，本次未计。", a.cap))
	case e.age > a.last:
		why = e.f("{0} 周岁，超过 {1} 周岁，0 分", e.age, a.last)
	case e.age >= a.floorFrom:
		why = e.f("{0} 周岁，{1} 至 {2} 周岁 {3} 分", e.age, a.floorFrom, a.last, a.floor)
	case pts == a.cap:
		why = e.f("{0} 周岁，{1} 周岁及以下满分 {2} 分", e.age, a.fullUntil(), a.cap)
	default:
		why = e.f("{0} 周岁，{1} 周岁 {2} 分，每年轻 1 岁加 {3} 分：{4} 分", e.age, a.floorFrom, a.floor, a.step, pts)
	}
	e.max = a.cap
	e.item(&ageItem, pts, why)
}

// ageRuleText is the rule in one sentence: "43 周岁及以下 30 分；44 周岁
// 29 分，之后每长 1 岁少 2 分；56 至 60 周岁 5 分；60 周岁以上 0 分".
func ageRuleText(r *reader) string {
	a := readAge(r)
	f := a.fullUntil()
	return r.f("{0} 周岁及以下 {age.cap} 分；{1} 周岁 {2} 分，之后每长 1 岁少 {age.step} 分；{age.floor_from} 至 {age.last} 周岁 {age.floor} 分；{age.last} 周岁以上 0 分",
		f, f+1, a.points(f+1))
}

func ageRules(w *ruleWriter) {
	w.row(&ageItem, ageRuleText(&w.reader), "按计算日期时的周岁计")
}

func ageHelp(key string, r *reader) string {
	if key == "age" {
		return "只在没填出生年月时使用，按周岁填。"
	}
	return "年龄按周岁计：" + ageRuleText(r) + "。"
}

// AgeHint says what an age is worth on d: "现在 35 周岁，年龄分 30 分。"
func AgeHint(age int, d Date) string {
	r := reader{d: d}
	return r.f("现在 {0} 周岁，年龄分 {1} 分。", age, readAge(&r).points(age))
}
