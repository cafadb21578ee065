package score

// 基础指标: 学历 (education) and 专业技术职称和技能等级 (title or skill
// level); only the higher of the two counts (either/or; high, agreed by
// many sources). rules.md "Basic indicators": education, title, title
// condition, and the inference when title_base_ok is not given.

// Education is the highest nationally recognised education.
type Education string

// Education values of the profile.
const (
	EduNone           Education = ""
	EduCollege        Education = "college"
	EduBachelor       Education = "bachelor"
	EduBachelorDegree Education = "bachelor_degree"
	EduMaster         Education = "master"
	EduDoctor         Education = "doctor"
)

// Education points (high).

// The IDs of the indicators of this file.
const (
	IDEducation ID = "education"
	IDTitle     ID = "title"
)

var (
	eduCollege        = param{"education.college", []value{{&rulesPeriod, 50, High, ""}}}
	eduBachelor       = param{"education.bachelor", []value{{&rulesPeriod, 60, High, ""}}}
	eduBachelorDegree = param{"education.bachelor_degree", []value{{&rulesPeriod, 90, High, ""}}}
	eduMaster         = param{"education.master", []value{{&rulesPeriod, 100, High, ""}}}
	eduDoctor         = param{"education.doctor", []value{{&rulesPeriod, 110, High, ""}}}
)

// EducationRule is one row of the education table.
type EducationRule struct {
	Value  Education
	Name   string // Chinese
	Short  string // Chinese, short
	points *param // nil: 0
}

// PointsAt is the row's points with the values in force on d.
func (r EducationRule) PointsAt(d Date) int { rd := reader{d: d}; return rd.pts(r.points) }

// EducationTable lists the education levels, lowest first.
var EducationTable = []EducationRule{
	{EduNone, "大专以下", "大专以下", nil},
	{EduCollege, "大专（高职）", "大专", &eduCollege},
	{EduBachelor, "本科（无学士学位）", "本科", &eduBachelor},
	{EduBachelorDegree, "本科+学士学位", "本科+学士", &eduBachelorDegree},
	{EduMaster, "硕士研究生（学历+学位）", "硕士", &eduMaster},
	{EduDoctor, "博士研究生（学历+学位）", "博士", &eduDoctor},
}

// Title is a professional title or vocational skill level.
type Title string

// Title values of the profile.
const (
	TitleNone         Title = ""
	TitleJunior       Title = "junior"
	TitleSkill5       Title = "skill5"
	TitleSkill4       Title = "skill4"
	TitleSkill3       Title = "skill3"
	TitleSkill2       Title = "skill2"
	TitleIntermediate Title = "intermediate"
	TitleSkill1       Title = "skill1"
	TitleSenior       Title = "senior"
)

// Title points (high): 技能二级 or 中级职称 share one value, 技能一级 or
// 高级职称 another.
var (
	titleSkill5 = param{"title.skill5", []value{{&rulesPeriod, 15, High, ""}}}
	titleSkill4 = param{"title.skill4", []value{{&rulesPeriod, 30, High, ""}}}
	titleSkill3 = param{"title.skill3", []value{{&rulesPeriod, 60, High, ""}}}
	titleMid    = param{"title.intermediate", []value{{&rulesPeriod, 100, High, ""}}}
	titleHigh   = param{"title.senior", []value{{&rulesPeriod, 140, High, ""}}}
)

// The base condition of 中级/高级职称 and 技能二级/一级: in the last 12
// months at least 6 months of Shanghai insurance base ≥ 1× the previous
// year's average wage (high: quoted on a district-government QA page).
// When title_base_ok is not given, it is inferred from the base tier: a
// tier from 1× up counts it (medium).
var (
	titleBaseMonths = param{"title.base_months", []value{{&titleWindowPd, 6, High, ""}}}
	titleBaseWindow = param{"title.base_window", []value{{&titleWindowPd, 12, High, ""}}}
	titleBaseMult   = param{"title.base_multiple", []value{{&titleWindowPd, 100, High, ""}}}
	titleBaseInfer  = param{"title.base_inferred_from", []value{{&titleWindowPd, 100, Medium, "这是按缴费基数档次的推定，不是确认：以实际缴费记录为准"}}}
)

// TitleRule is one row of the title table.
type TitleRule struct {
	Value Title
	Name  string
	// NeedsBase: scores only with the base condition (职称基数条件).
	NeedsBase bool
	points    *param // nil: 0
}

// PointsAt is the row's points with the values in force on d.
func (r TitleRule) PointsAt(d Date) int { rd := reader{d: d}; return rd.pts(r.points) }

// TitleTable lists titles and skill levels, lowest first.
var TitleTable = []TitleRule{
	{TitleNone, "无", false, nil},
	{TitleJunior, "初级职称", false, nil},
	{TitleSkill5, "技能五级（初级工）", false, &titleSkill5},
	{TitleSkill4, "技能四级（中级工）", false, &titleSkill4},
	{TitleSkill3, "技能三级（高级工）", false, &titleSkill3},
	{TitleSkill2, "技能二级（技师）", true, &titleMid},
	{TitleIntermediate, "中级职称", true, &titleMid},
	{TitleSkill1, "技能一级（高级技师）", true, &titleHigh},
	{TitleSenior, "高级职称", true, &titleHigh},
}

// EducationRuleOf returns the row of an education value.
func EducationRuleOf(e Education) EducationRule {
	for _, r := range EducationTable {
		if r.Value == e {
			return r
		}
	}
	return EducationTable[0]
}

// TitleRuleOf returns the row of a title value.
func TitleRuleOf(t Title) TitleRule {
	for _, r := range TitleTable {
		if r.Value == t {
			return r
		}
	}
	return TitleTable[0]
}

// pts reads a points param that may be nil (0 points).
func (r *reader) pts(p *param) int {
	if p == nil {
		return 0
	}
	return r.n(p)
}

// The two indicators of the either/or rule: claimed by a level above none.
var (
	educationItem = Indicator{ID: IDEducation, Name: "学历", Key: "education", claimed: func(p *Profile) bool { return p.Education != EduNone }}
	titleItem     = Indicator{ID: IDTitle, Name: "职称/技能等级", Key: "title", claimed: func(p *Profile) bool { return p.Title != TitleNone }}
)

var educationInd = module{seq: 20, group: GroupBasic, items: []*Indicator{&educationItem, &titleItem}, keys: []string{"education", "full_time", "title", "title_base_ok"},
	params: []*param{&eduCollege, &eduBachelor, &eduBachelorDegree, &eduMaster, &eduDoctor,
		&titleSkill5, &titleSkill4, &titleSkill3, &titleMid, &titleHigh,
		&titleBaseMonths, &titleBaseWindow, &titleBaseMult, &titleBaseInfer},
	score: scoreEducationTitle, rules: educationRules, help: educationHelp}

func init() { register(&educationInd) }

// titleBase says whether the base condition counts: an explicit answer
// wins; unknown is inferred from the tier.
func titleBase(e *eval) (ok, inferred bool) {
	switch e.titleOK {
	case Yes:
		return true, false
	case No:
		return false, false
	}
	return TierRuleOf(e.tier).mult(&e.reader) >= int64(e.n(&titleBaseInfer)), true
}

// baseCondText is the condition in words: "近 12 个月中至少 6 个月社保缴费
// 基数达到上年度平均工资".
func baseCondText(r *reader) string {
	tmpl := "近 {0} 个月中至少 {1} 个月社保缴费基数达到上年度平均工资"
	if m := r.n(&titleBaseMult); m != 100 {
		tmpl += "的 {2:m} 倍"
	}
	return r.f(tmpl, r.n(&titleBaseWindow), r.n(&titleBaseMonths), r.n(&titleBaseMult))
}

func scoreEducationTitle(e *eval) {
	er, tr := EducationRuleOf(e.edu), TitleRuleOf(e.title)
	eduPts := e.pts(er.points)
	eduConf, eduDisp := e.take()
	titleRaw := e.pts(tr.points)
	ok, inferred := true, false
	var window, months int
	var mult string // the multiple, when not 1×
	if tr.NeedsBase {
		ok, inferred = titleBase(e)
		window, months = e.n(&titleBaseWindow), e.n(&titleBaseMonths)
		if m := e.n(&titleBaseMult); m != 100 && e.res != nil {
			mult = "的 " + multText(m) + " 倍"
		}
	}
	titlePts := titleRaw
	if !ok {
		titlePts = 0
	}
	titleCounts := titlePts > eduPts
	if titleCounts {
		e.total += titlePts
	} else {
		e.total += eduPts
	}
	if e.res == nil {
		e.take()
		return
	}
	titleConf, titleDisp := e.take()

	// {a}{b}{0} 分: the name and its points ({b} is the space, none after
	// a closing bracket); {c} the title's name, {1} its points.
	tmpl, shown := "{a}{b}{0} 分", eduPts
	switch {
	case titleCounts:
		tmpl, shown = "{a}{b}{0} 分；{c}（{1} 分）更高，学历与职称只计较高者，本项不计", 0
	case e.title != TitleNone && !ok && titleRaw > eduPts && inferred:
		tmpl = "{a}{b}{0} 分；职称基数条件未确认，按学历计"
	case e.title != TitleNone && !ok && titleRaw > eduPts:
		tmpl = "{a}{b}{0} 分；职称基数条件未满足，按学历计"
	case e.title != TitleNone && titleRaw > 0:
		tmpl = "{a}{b}{0} 分；学历与职称只计较高者，按学历计"
	}
	e.max = EducationTable[len(EducationTable)-1].PointsAt(e.d) // the table is lowest first
	e.itemConf(&educationItem, shown, e.fs(tmpl, []string{er.Name, space(er.Name), tr.Name}, eduPts, titlePts), eduConf, eduDisp)
	if e.edu != EduNone && e.p.FullTime == No {
		e.warn("非全日制学历（自考、成人、网络教育）：有的计算器只认可在上海或户籍所在省份取得的，此说法未经核实，不影响本计算。")
	}
	if e.title == TitleNone {
		return
	}
	// {1}, {2} and {c}: the base condition's window, months and multiple;
	// {d}: the tail when education counts instead.
	const cond = "近 {1} 个月中至少 {2} 个月社保缴费基数达到上年度平均工资{c}"
	tmpl = "{a}{b}{0} 分{d}"
	switch {
	case !tr.NeedsBase:
	case !inferred && ok:
		tmpl = "{a}{b}{0} 分（已确认" + cond + "）{d}"
	case !inferred:
		tmpl = "{a}{b}{0} 分，但" + cond + "这一条件未满足，此等级计 0 分{d}"
	case ok:
		tmpl = "{a}{b}{0} 分；职称基数条件按缴费基数档次推定，请确认" + cond + "{d}"
	default:
		tmpl = "{a}{b}{0} 分；职称基数条件（" + cond + "）未确认，暂不计分{d}"
	}
	tail := ""
	shown = titlePts
	if !titleCounts {
		if titlePts > 0 {
			tail = "；学历分不低于职称分，学历与职称只计较高者，本项不计"
		}
		shown = 0
	}
	strs := []string{tr.Name, space(tr.Name), mult, tail}
	e.max = TitleTable[len(TitleTable)-1].PointsAt(e.d) // the table is lowest first
	e.itemConf(&titleItem, shown, e.fs(tmpl, strs, titleRaw, window, months), titleConf, titleDisp)
	e.warn("职称或技能等级须与现工作岗位相符；外省市取得的证书须经本市复核认定。")
	if tr.NeedsBase && !ok && titleRaw > eduPts {
		e.warn(e.fs("{a}须"+cond+"；满足后可计 {0} 分。", strs, titleRaw, window, months))
	}
}

// educationLevelsText lists the levels with points: "大专 50 分、本科
// 60 分、…", with the full names when full is set.
func educationLevelsText(r *reader, full bool) string {
	s := ""
	for _, row := range EducationTable[1:] {
		name := row.Short
		if full {
			name = row.Name
		}
		if s != "" {
			s += "、"
		}
		s += named(name, r.pts(row.points))
	}
	return s
}

func titleLevelsText(r *reader) string {
	return r.f("技能五级 {title.skill5} 分、四级 {title.skill4} 分、三级 {title.skill3} 分；技能二级或中级职称 {title.intermediate} 分；技能一级或高级职称 {title.senior} 分")
}

func educationRules(w *ruleWriter) {
	w.row(&educationItem, educationLevelsText(&w.reader, true)+"；大专以下 0 分", "须为国家承认的学历；境外学历须经教育部留学服务中心认证")
	w.row(&titleItem, titleLevelsText(&w.reader)+"；初级职称 0 分", "须与现工作岗位相符、在本市公布的目录内；职称须在本市工作期间取得，外省市证书须经本市复核认定")
	w.rowAs("education_title", "学历与职称", "只计较高的一项", "")
	w.rowAs("title_base", "职称基数条件", "不满足时，中级/高级职称和技能二级/一级计 0 分", baseCondText(&w.reader))
	w.rowAs("title_base_inferred", "职称基数条件未填写时", w.f("按社保缴费基数档次推定：档次达到上年度平均工资的 {title.base_inferred_from:m} 倍及以上，推定满足并请确认；否则未确认，暂不计分"), "明确填写“是”或“否”时按填写的计算")
}

func educationHelp(key string, r *reader) string {
	switch key {
	case "education":
		return "按最高一级填：" + educationLevelsText(r, false) + "；与职称/技能等级只计较高者。"
	case "full_time":
		return "最高学历是否为全日制。紧缺急需专业加分（全日制大专）和应届毕业生加分需要全日制；不清楚时这两项不计分。"
	case "title":
		return titleLevelsText(r) + "；与学历只计较高者。"
	}
	w := WageAt(r.d)
	return r.fs("中级/高级职称、技能二级/一级须{a}（{0:Y} 元/月，{b}起使用）。不清楚时按缴费基数档次推定。{c}", []string{baseCondText(r), w.From.MonthChinese(), w.note()}, int(w.Yuan))
}
