package score

// 加分指标: 表彰奖励. Provincial/ministerial or national government award →
// 110; Shanghai city-level bureau award: general 60, specific 30 (on the
// city's published list, won while working in Shanghai) (rules.md "Bonus
// indicators", award; high: several independent pages agree).

// Award is a government award (表彰奖励).
type Award string

// Award values of the profile.
const (
	AwardNone        Award = ""
	AwardCitySpecial Award = "city_special"
	AwardCity        Award = "city"
	AwardNational    Award = "national"
)

// IDAward is the indicator's ID.
const IDAward ID = "award"

var (
	awardCitySpecial = param{"award.city_special", []value{{&rulesPeriod, 30, High, ""}}}
	awardCity        = param{"award.city", []value{{&rulesPeriod, 60, High, ""}}}
	awardNational    = param{"award.national", []value{{&rulesPeriod, 110, High, ""}}}
)

// AwardRule is one row of the award table.
type AwardRule struct {
	Value  Award
	Name   string
	points *param // nil: 0
}

// PointsAt is the award's points with the values in force on d.
func (r AwardRule) PointsAt(d Date) int { rd := reader{d: d}; return rd.pts(r.points) }

// AwardTable lists the awards, lowest first.
var AwardTable = []AwardRule{
	{AwardNone, "无", nil},
	{AwardCitySpecial, "市级委办局专项表彰", &awardCitySpecial},
	{AwardCity, "市级委办局综合表彰", &awardCity},
	{AwardNational, "省部级及以上政府表彰", &awardNational},
}

// AwardRuleOf returns the row of an award value.
func AwardRuleOf(a Award) AwardRule {
	for _, r := range AwardTable {
		if r.Value == a {
			return r
		}
	}
	return AwardTable[0]
}

var awardItem = Indicator{ID: IDAward, Name: "表彰奖励", Key: "award", claimed: func(p *Profile) bool { return p.Award != AwardNone }}

var awardInd = module{seq: 170, group: GroupBonus, items: []*Indicator{&awardItem}, keys: []string{"award"},
	params: []*param{&awardCitySpecial, &awardCity, &awardNational}, score: scoreAward, rules: awardRules, help: awardHelp}

func init() { register(&awardInd) }

const awardCond = "须在本市公布的表彰目录内、在沪工作期间获得"

func scoreAward(e *eval) {
	if e.p.Award == AwardNone {
		return
	}
	ar := AwardRuleOf(e.p.Award)
	pts := e.pts(ar.points)
	e.total += pts
	if e.res == nil {
		e.take()
		return
	}
	e.max = AwardTable[len(AwardTable)-1].PointsAt(e.d) // the table is lowest first
	e.item(&awardItem, pts, named(ar.Name, pts)+"（"+awardCond+"）")
}

func awardText(r *reader) string {
	s := ""
	for _, a := range AwardTable[1:] {
		if s != "" {
			s += "、"
		}
		s += named(a.Name, r.pts(a.points))
	}
	return s
}

func awardRules(w *ruleWriter) {
	w.row(&awardItem, awardText(&w.reader)+"；只计最高一项", awardCond)
}

func awardHelp(_ string, r *reader) string { return awardText(r) + "；" + awardCond + "。" }
