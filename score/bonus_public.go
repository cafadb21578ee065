package score

// 加分指标: 特定的公共服务领域 (环卫 etc.). 4 points per full year, counted
// into the total only once 5 years are reached; no cap found in any
// source (rules.md "Bonus indicators", public_service; medium).

// IDPublicService is the indicator's ID.
const IDPublicService ID = "public_service"

var (
	publicPerYear  = param{"public_service.per_year", []value{{&rulesPeriod, 4, Medium, "分值只见于二手资料，未见原文"}}}
	publicMinYears = param{"public_service.min_years", []value{{&rulesPeriod, 5, Medium, "分值只见于二手资料，未见原文"}}}
	publicCap      = param{"public_service.cap", []value{{&rulesPeriod, 0, Medium, "未找到上限规定，按不设上限计算"}}} // 0: no cap
)

var publicItem = Indicator{ID: IDPublicService, Name: "特定公共服务领域", Key: "public_service_years", claimed: func(p *Profile) bool { return p.PublicServiceYears > 0 }}

var publicInd = module{seq: 140, group: GroupBonus, items: []*Indicator{&publicItem}, keys: []string{"public_service_years"},
	params: []*param{&publicPerYear, &publicMinYears, &publicCap}, score: scorePublic, rules: publicRules, help: publicHelp}

func init() { register(&publicInd) }

func scorePublic(e *eval) {
	if e.public <= 0 {
		return
	}
	per, need, cap := e.n(&publicPerYear), e.n(&publicMinYears), e.n(&publicCap)
	pts := counted(per, e.public, need, cap)
	e.total += pts
	if e.res == nil {
		e.take()
		return
	}
	tmpl := "每满 1 年 {0} 分 × {1} 年 = {2} 分"
	switch {
	case pts == 0:
		tmpl += "，满 {3} 年后才计入总分，目前计 0 分"
	case pts < per*e.public:
		tmpl += "，上限 {4} 分"
	}
	why := e.f(tmpl, per, e.public, per*e.public, need, cap)
	e.item(&publicItem, pts, why)
}

func publicText(r *reader) string {
	return r.fs("每满 1 年 {public_service.per_year} 分，满 {public_service.min_years} 年后计入总分{a}", []string{capText(r.n(&publicCap))})
}

func publicRules(w *ruleWriter) {
	w.row(&publicItem, publicText(&w.reader), "在环卫等本市指定的公共服务领域工作；分值从第一年起累计，达到年限后一并计入")
}

func publicHelp(_ string, r *reader) string {
	return "环卫等特定公共服务领域" + publicText(r) + "。"
}
