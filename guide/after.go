package guide

import "jifen/score"

// Topic is one section of the guide past the first points notice.
type Topic struct {
	ID     string
	Title  string
	Points []string // short paragraphs, in order
	Links  []string // IDs of Official entries that help
}

// AfterNotice is what comes after the first points notice (rules.md
// "Validity, renewal and changes"): the yearly renewal and 积分确认, a job
// change, adding co-resident family, and the points lapsing with the
// permit; with the values in force on d.
func AfterNotice(d score.Date) []Topic {
	ts := make([]Topic, len(afterNotice))
	for i, t := range afterNotice {
		ts[i] = Topic{t.ID, t.Title, formatAll(d, t.Points), t.Links}
	}
	return ts
}

// formatAll fills each template of ss.
func formatAll(d score.Date, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = score.Format(d, s)
	}
	return out
}

var afterNotice = []Topic{
	{"renewal", "每年签注和积分确认", []string{
		"积分在居住证有效期内有效。居住证每年签注一次，签注时同时确认积分（积分确认）。",
		"积分确认在居住证到期前 {renewal.confirm_months} 个月内办理；可以用下面的“添加到日历”记下日期。",
		"居住证过期，积分随之失效：请在到期前办好签注。",
	}, []string{"rsj"}},
	{"job_change", "换工作（变更）", []string{
		"换工作后，由新单位申报变更：提交与新单位签订的劳动合同和原单位开具的退工单。",
		"变更办好之前，原来的积分通知书对新单位不适用。",
		"新单位同样须满足申请条件：社保缴纳单位、劳动合同单位、个税扣缴单位是同一家。",
	}, []string{"rsj"}},
	{"family", "以后添加同住子女、配偶", []string{
		"同住子女、配偶可以以后再添加，由单位申报。",
		"添加子女时准备的材料，见材料清单中“子女随迁、享受积分待遇”一组。",
	}, []string{"rsj"}},
}

// SelfCheckItem is one common cause of refusal, with how to check it
// before applying.
type SelfCheckItem struct {
	ID    string
	Cause string   // what goes wrong
	How   string   // how to check it, and where
	Links []string // IDs of Official entries where to look
}

// SelfCheck is 申请前自查: why applications are refused although a
// calculator said 120 (rules.md "Validity, renewal and changes"), one entry
// per cause, with the values in force on d.
func SelfCheck(d score.Date) []SelfCheckItem {
	cs := make([]SelfCheckItem, len(selfCheck))
	for i, c := range selfCheck {
		cs[i] = SelfCheckItem{c.ID, score.Format(d, c.Cause), score.Format(d, c.How), c.Links}
	}
	return cs
}

var selfCheck = []SelfCheckItem{
	{"backpaid", "有补缴的社保月份，或社保由代缴机构缴纳，而不是签劳动合同的单位",
		"在随申办（一网通办）或上海人社网站查本人的社保缴费记录：每个月的缴费单位都应是签劳动合同的单位；补缴的月份不算。",
		[]string{"yiwangtongban", "rsj"}},
	{"base_income", "社保缴费基数与个税申报的收入不一致",
		"在个人所得税 App 的“收入纳税明细”里看每月收入，与社保缴费记录中的缴费基数对照，两者应相符。",
		[]string{"etax", "yiwangtongban"}},
	{"non_full_time", "非全日制（自考、成人、网络）学历，不是在户籍地或工作地所在省份取得",
		"在学信网查学历的学习形式和院校所在地；非全日制学历在户籍地、工作地以外的省份取得的，申请前先向区人才服务中心咨询。",
		[]string{"chsi"}},
	{"title_post", "职称/技能等级与现岗位不符，或在外省市取得、未经本市复核",
		"对照证书上的专业、工种和单位聘任的岗位，两者应相符；外省市取得的证书先办理本市复核。",
		nil},
	{"past_employers", "网上申请表的“以往工作单位”一栏没有写实际缴纳社保的单位",
		"对照社保缴费记录，把记录中出现的每个缴费单位都填进申请表的工作经历，名称与记录一致。",
		[]string{"yiwangtongban", "rsj"}},
	{"permit_days", "领取居住证不满 {permit.wait_days} 天就建了积分账户",
		"看居住证的领证日期，满 {permit.wait_days} 天后再请单位建账户。",
		nil},
	{"insured6", "近 {apply.insured_window} 个月在上海缴纳社保不足 {apply.insured_months} 个月",
		"在社保缴费记录中数近 {apply.insured_window} 个月里正常缴纳的月份（补缴不算），至少 {apply.insured_months} 个月。",
		[]string{"yiwangtongban", "rsj"}},
}

// Link is one official entry point.
type Link struct {
	ID   string
	Name string
	For  string // what it is for, in the guide's words
	URL  string // https; a site's home page where a deep link could not be verified
}

// Official are the official entry points the guide names. The page shows
// them as plain links (target="_blank", rel="noopener noreferrer") and
// makes no request to these hosts unless one is clicked. Each is the
// site's home page: its deep links (积分管理, 模拟打分) change and could not
// be verified.
var Official = []Link{
	{"yiwangtongban", "一网通办（随申办）", "单位注册、登录法人账户（首次办理积分）；个人查社保缴费记录", "https://zwdt.sh.gov.cn/"},
	{"rsj", "上海人社（上海人力资源社会保障网）", "人社服务 → 积分管理：单位为申请人建账户、填表、提交，查办理进度；积分模拟打分", "https://rsj.sh.gov.cn/"},
	{"chsi", "学信网", "《教育部学历证书电子注册备案表》；查学历的学习形式", "https://www.chsi.com.cn/"},
	{"cdgdc", "学位网（中国学位与研究生教育信息网）", "学位认证电子报告", "https://www.chinadegrees.cn/"},
	{"etax", "个人所得税 App（网页版：自然人电子税务局）", "收入纳税明细、完税证明", "https://etax.chinatax.gov.cn/"},
	{"cscse", "教育部留学服务中心", "境外学历学位认证", "https://www.cscse.edu.cn/"},
}

// OfficialLink returns the official entry with the id, and whether there
// is one.
func OfficialLink(id string) (Link, bool) {
	for _, l := range Official {
		if l.ID == id {
			return l, true
		}
	}
	return Link{}, false
}
