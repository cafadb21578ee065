// Package guide is the application process of ../shared/rules.md: who can
// apply, the steps in order, the employer's first registration, and the
// materials checklist built from a person's own profile. It has no UI
// import; the web app renders it.
package guide

import (
	"strconv"

	"jifen/score"
)

// Condition is one eligibility condition (约束条件) the person confirms.
type Condition struct {
	ID   string
	Text string // the condition, as a question answered yes
	Fix  string // what to do when it is not met
}

// Conditions are the constraints of the implementing rules (实施细则 art. 2).
var Conditions = []Condition{
	{"permit", "持有有效的上海居住证，且领证已满 3 天", "先办理上海居住证：在沪登记居住满 6 个月，并有稳定就业、稳定住所或连续就读；领证 3 天后才能建积分账户。"},
	{"employed", "目前在上海的单位就业，本月正常缴纳职工社保", "积分只能由在沪用人单位申请，须在申请当月在职并缴纳社保。"},
	{"insured6", "近 12 个月中至少 6 个月在上海缴纳职工社保（补缴不算）", "继续在上海连续缴纳社保，满 6 个月后再申请。"},
	{"contract", "劳动合同期限 1 年及以上，且剩余至少 2 个月", "请单位签订 1 年及以上的劳动合同（派遣人员为派遣协议）。"},
	{"same", "社保缴纳单位、劳动合同单位、个税扣缴单位是同一家", "三者须为同一单位；不一致时先与单位理顺社保、合同和个税。"},
	{"not_self", "不是个体工商户或自由职业（须由单位申请）", "个人和个体工商户不能申请，需由用人单位申请。"},
}

// Eligibility is the verdict of the eligibility check.
type Eligibility struct {
	CanApply bool
	// Missing lists what stands in the way, in plain words.
	Missing []string
}

// Check says whether a person can apply now: every condition confirmed,
// the standard score met and no veto.
func Check(confirmed map[string]bool, r score.Result) Eligibility {
	var e Eligibility
	for _, c := range Conditions {
		if !confirmed[c.ID] {
			e.Missing = append(e.Missing, c.Text+"：未确认。"+c.Fix)
		}
	}
	switch {
	case r.Vetoed:
		e.Missing = append(e.Missing, "存在一票否决情形，不能申请积分。")
	case !r.MeetsStandard:
		e.Missing = append(e.Missing, "积分 "+strconv.Itoa(r.Total)+" 分，未达到 120 分标准分值，还差 "+strconv.Itoa(r.Gap)+" 分。")
	}
	e.CanApply = len(e.Missing) == 0
	return e
}

// Step is one step of the application, in order.
type Step struct {
	Who   string // 本人, 单位 or 区人才服务中心
	What  string
	Where string
	Time  string // how long it usually takes
}

// Steps is the process of rules.md, in order.
var Steps = []Step{
	{"本人", "办理上海居住证：在沪登记居住满 6 个月，并有稳定就业、稳定住所或连续就读。", "社区事务受理服务中心 / 派出所", "约 15 个工作日"},
	{"本人", "模拟打分（就是本计算器），达到 120 分再申请。", "本网站或上海人社网站的模拟打分", "几分钟"},
	{"本人", "向单位人事提出申请；个人和个体工商户不能自己申请。领取居住证满 3 天后才能建账户。", "所在单位人事部门", "视单位而定"},
	{"单位", "首次办理的单位先注册：一网通办法人账户登录、填写单位信息，再带材料到注册地所在区人才服务中心现场核验。", "上海人社网站 → 积分管理；区人才服务中心", "核验当场或数个工作日"},
	{"单位", "为申请人建立积分账户（申请人会收到个人登录信息），在线填写《上海市居住证积分申请表》。", "上海人力资源社会保障网 → 人社服务 → 积分管理", "1-2 天"},
	{"单位", "在线审核提交，再把纸质材料送到单位注册地所在区的人才服务中心（不能跨区）。", "注册地所在区人才服务中心", "预约后当天"},
	{"区人才服务中心", "窗口查验材料是否齐全（缺什么当场告知），调档案、核验学历学位；网上状态变为“已核实”。", "区人才服务中心", "约 20 个工作日"},
	{"区人才服务中心", "区人社局评分，结果以短信通知。", "区人力资源和社会保障局", "20 个工作日内；受理后全程约 1.5 个月"},
	{"本人", "打印积分通知书。", "网上、区人才服务中心或自助机（凭身份证）", "随时"},
	{"单位", "每年居住证签注时复核积分；情况变化由单位申报变更。", "上海人社网站 → 积分管理", "每年一次"},
}

// EmployerDocs are what the employer brings to its first registration.
var EmployerDocs = []string{
	"经办人的单位介绍信（加盖公章）",
	"经办人身份证（经办人的社保须由本单位缴纳）",
	"营业执照；劳务派遣单位另需劳务派遣经营许可证；外省市企业在沪分支机构另需在沪缴纳企业所得税的证明",
}

// Material is one item of the checklist.
type Material struct {
	ID     string
	Name   string
	Note   string // details: originals, copies, where to get it
	Reason string // why it is needed: "所有人" or the claimed item
}

// always are needed by everyone (originals checked, copies kept).
var always = []Material{
	{"employer_letter", "单位介绍信及经办人身份证", "单位出具，加盖公章", "所有人"},
	{"permit", "上海居住证", "原件", "所有人"},
	{"form", "《上海市居住证积分申请表》", "网上填写后打印，加盖单位公章", "所有人"},
	{"id_hukou", "本人身份证和户口簿", "原件和复印件", "所有人"},
	{"contract", "劳动合同（1 年及以上）", "派遣人员提供派遣协议", "所有人"},
	{"licence", "单位营业执照", "复印件加盖公章", "所有人"},
	{"tax6", "近 6 个月个人所得税完税证明", "个人所得税 App 或税务局打印", "所有人"},
}

// Checklist builds the materials list from a profile: the items everyone
// needs, then only those for what the profile claims.
func Checklist(p score.Profile) []Material {
	list := append([]Material{}, always...)
	add := func(reason string, ms ...Material) {
		for _, m := range ms {
			m.Reason = reason
			list = append(list, m)
		}
	}
	if p.Education != score.EduNone {
		add("学历加分",
			Material{ID: "diploma", Name: "毕业证书和学位证书", Note: "原件和复印件"},
			Material{ID: "chsi", Name: "学信网学历（学位）认证报告", Note: "学信网在线申请"})
		if p.FullTime != score.Yes {
			add("非全日制学历", Material{ID: "adult_edu", Name: "毕业生登记表和成绩单", Note: "自考、成人、网络教育学历需要"})
		}
		add("境外学历（如有）", Material{ID: "cscse", Name: "教育部留学服务中心学历学位认证书", Note: "只在境外取得学历时需要"})
	}
	if p.Title != score.TitleNone {
		add("职称/技能等级加分",
			Material{ID: "title_cert", Name: "职称证书或职业技能等级证书", Note: "原件和复印件；外省市证书须经本市复核"},
			Material{ID: "title_review", Name: "职称评审表或聘任文件", Note: "评审或考试取得的相关文件"},
			Material{ID: "title_hire", Name: "单位聘任证明", Note: "证书须与现岗位相符"})
	}
	if p.BaseTier != score.TierUnset && p.BaseTier != score.TierNone || p.BaseMonthlyFen > 0 {
		add("社保缴费基数加分", Material{ID: "tax48", Name: "近 48 个月个人所得税完税证明", Note: "用于核对缴费基数与收入是否相符"})
	}
	if p.SpouseYears > 0 {
		add("配偶为上海户籍",
			Material{ID: "marriage", Name: "结婚证", Note: "原件和复印件"},
			Material{ID: "spouse_id", Name: "配偶身份证和户口簿", Note: "原件和复印件"})
	}
	if p.InvestTaxAvgFen > 0 || p.InvestHiresAvg > 0 {
		add("投资纳税或带动就业",
			Material{ID: "company_reg", Name: "企业登记信息（工商登记档案）", Note: ""},
			Material{ID: "articles", Name: "公司章程和验资报告", Note: ""},
			Material{ID: "tax3y", Name: "近 3 年企业纳税记录", Note: "税务局出具"})
	}
	if p.Award != score.AwardNone {
		add("表彰奖励", Material{ID: "award", Name: "获奖证书", Note: "须在本市公布的目录内"})
	}
	add("子女随迁享受待遇（如有）", Material{ID: "children", Name: "子女出生医学证明、身份证或户口簿", Note: "只在子女要享受积分待遇时需要"})
	return list
}
