package score

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allParams are every registered param, by ID.
func allParams() []*param {
	ps := make([]*param, 0, len(paramByID))
	for _, p := range paramByID {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].ID < ps[j].ID })
	return ps
}

// texts gathers every text a person can read on d: the calculator's help
// and labels, the self-test's choices and hints, the rules page, the
// chart legend, and the results and plans of the profiles given.
func texts(t *testing.T, d Date, queries ...string) string {
	t.Helper()
	var b strings.Builder
	w := func(ss ...string) {
		for _, s := range ss {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	for _, f := range Fields {
		w(f.Label, FieldHelp(f.Key, d))
		for _, c := range f.Options(d) {
			w(c.Label)
		}
	}
	for _, s := range RuleSections(d) {
		w(s.Title)
		w(s.Sources...)
		for _, r := range s.Rows {
			w(r.Name, r.Points, r.Conditions, r.Dispute)
		}
	}
	w(OpenQuestions(d)...)
	w(FieldHelp("base_tier", d.AddYears(1))) // past the wage table
	l := ChartLegend(d)
	w(l.Total, l.Insurance, l.Age, l.Standard, l.Line)
	for _, cs := range [][]Choice{EducationChoices(d), TitleChoices(d), BaseTierChoices(d), RetireGroupChoices(), TriChoices()} {
		for _, c := range cs {
			w(c.Label, c.Note)
		}
	}
	for _, r := range WageRows(d) {
		w(r.Month, r.Wage, r.Low, r.High, r.Note)
	}
	w(WageHeaders(d)...)
	w(RulesIntro(d), AgeHint(35, d), SpouseHint(d), ExamNote(d), StandardUses(d))
	tq, th := TierQuestion(d)
	w(tq, th)
	ps := PlanningRules(d)
	w(ps.Title)
	w(ps.Sources...)
	for _, r := range ps.Rows {
		w(r.Name, r.Points, r.Conditions, r.Dispute)
	}
	for _, query := range queries {
		p, probs := ParseQuery(query)
		require.Empty(t, probs, query)
		p.AsOf = d
		res := MustEvaluate(p)
		for _, it := range res.Items {
			w(it.Name, it.Why, it.Dispute)
		}
		w(res.Warnings...)
		w(res.RulesAsOf)
		pr, err := PlanFrom(p, res)
		require.NoError(t, err)
		w(pr.Assume...)
		w(pr.Stop.Text, pr.Note)
		for _, path := range pr.Paths {
			w(path.Change, path.Detail, path.Dispute)
		}
		for _, c := range pr.Children {
			w(c.SchoolEntry.String(), c.Zhongkao.Sentence(&pr), c.Gaokao.Sentence(&pr), c.Zhongkao.PathSentence(d))
		}
	}
	return b.String()
}

// x is the figure in use on asOf times a multiple in per cent, as a
// reader reads it: x(80) is the 0.8× threshold.
func x(pct int64) string { row, _ := bookAt(wageBook, asOf); s, _ := yuanOf(row.yuan, pct); return s }

// next is the year of the first figure past the table.
var next = strconv.Itoa(wageBook[len(wageBook)-1].from.Year + 1)

// setValue changes the value of p in force on d for the rest of the test.
func setValue(t *testing.T, p *param, d Date, n int64) {
	t.Helper()
	t.Cleanup(WithValue(p.ID, d, n))
}

// TestTextsFollowValues changes each value in turn and checks that every
// sentence stating it follows (issue 11: set the spouse cap to 50 and the
// texts say 50, never "上限 40 分，计 50 分").
func TestTextsFollowValues(t *testing.T) {
	const plan1 = "age=40&education=college&insurance_years=2"
	const kids = "age=29&education=college&insurance_years=10&children=2018-03"
	cases := []struct {
		p     *param
		to    int64
		query string
		want  []string
		gone  []string
	}{
		{&standardPts, 130, "age=35&education=master", []string{"标准分值 130 分", "130 分标准分值", "已达到 130 分标准分值"}, []string{"120 分标准"}},
		{&ageCap, 32, "age=30", []string{"42 周岁及以下 32 分；43 周岁 31 分", "30 周岁，42 周岁及以下满分 32 分", "年龄分（42 周岁后减少）", "42 周岁以后年龄分逐年减少"}, []string{"43 周岁及以下"}},
		{&ageFloor, 6, "age=58", []string{"56 至 60 周岁 6 分", "58 周岁，56 至 60 周岁 6 分"}, nil},
		{&ageFloorFrom, 57, "age=56", []string{"57 至 60 周岁 5 分", "56 周岁，57 周岁 5 分，每年轻 1 岁加 2 分：7 分"}, nil},
		{&ageLast, 62, "age=61", []string{"56 至 62 周岁 5 分", "62 周岁以上 0 分", "61 周岁，56 至 62 周岁 5 分"}, []string{"60 周岁以上"}},
		{&ageStep, 3, "age=50", []string{"47 周岁及以下 30 分；48 周岁 29 分，之后每长 1 岁少 3 分", "每年轻 1 岁加 3 分：23 分"}, nil},
		{&eduCollege, 55, "education=college", []string{"大专 55 分", "大专（高职）55 分"}, []string{"大专 50 分"}},
		{&eduBachelor, 65, "education=bachelor", []string{"本科 65 分", "本科（无学士学位）65 分"}, nil},
		{&eduBachelorDegree, 95, "education=bachelor_degree", []string{"本科+学士 95 分", "本科+学士学位 95 分"}, nil},
		{&eduMaster, 105, "education=master", []string{"硕士 105 分", "硕士研究生（学历+学位）105 分"}, nil},
		{&eduDoctor, 115, "education=doctor", []string{"博士 115 分", "博士研究生（学历+学位）115 分"}, nil},
		{&titleSkill5, 17, "title=skill5", []string{"技能五级 17 分", "技能五级（初级工）17 分"}, nil},
		{&titleSkill4, 33, "title=skill4", []string{"四级 33 分", "技能四级（中级工）33 分"}, nil},
		{&titleSkill3, 66, "title=skill3", []string{"三级 66 分", "技能三级（高级工）66 分"}, nil},
		{&titleMid, 105, "title=intermediate&title_base_ok=1", []string{"技能二级或中级职称 105 分", "中级职称 105 分（已确认"}, nil},
		{&titleHigh, 145, "title=senior&title_base_ok=1", []string{"技能一级或高级职称 145 分", "高级职称 145 分（已确认"}, nil},
		{&titleBaseMonths, 7, "age=40&education=college&title=intermediate&title_base_ok=0&insurance_years=1",
			[]string{"近 12 个月中至少 7 个月社保缴费基数达到上年度平均工资", "并保持 7 个月"}, []string{"至少 6 个月"}},
		{&titleBaseWindow, 24, "title=senior&title_base_ok=0", []string{"近 24 个月中至少 6 个月", "但近 24 个月中至少 6 个月"}, nil},
		{&titleBaseMult, 150, "title=senior&title_base_ok=1", []string{"达到上年度平均工资的 1.5 倍"}, nil},
		{&titleBaseInfer, 200, "education=college&title=senior&base_tier=1", []string{"档次达到上年度平均工资的 2 倍及以上", "）未确认，暂不计分"}, nil},
		{&insPerYear, 4, "insurance_years=5", []string{"每满 1 年 4 分 × 5 年 = 20 分", "每年 +4 分", "（+4 分）", "每满 1 年 4 分，未见上限"}, nil},
		{&insCap, 40, "insurance_years=20", []string{"每满 1 年 3 分，上限 40 分", "= 60 分，上限 40 分"}, nil},
		{&tier08Pts, 27, "base_tier=0.8&insurance_years=3", []string{"0.8 倍 27 分", "0.8 倍至 1 倍：27 分"}, nil},
		{&tier1Pts, 55, "base_tier=1&insurance_years=3", []string{"1 倍 55 分", "1 倍至 2 倍：55 分"}, nil},
		{&tier2Pts, 105, "base_tier=2&insurance_years=3", []string{"2 倍 105 分"}, nil},
		{&tier3Pts, 125, "base_tier=3&insurance_years=2", []string{"3 倍 125 分", "上年度平均工资的 3 倍及以上：125 分"}, nil},
		{&tier08Mult, 70, "base_monthly=9000&insurance_years=3", []string{"0.7 倍 25 分", "低于 " + x(70) + " 元，或不清楚", x(70) + " 元至 " + x(100) + " 元（不含）", "0.7 倍至 1 倍", x(70) + " 元"},
			[]string{x(80), "0.8 倍"}},
		{&tier1Mult, 110, "base_tier=1&insurance_years=3", []string{"1.1 倍 50 分", x(110) + " 元至 " + x(200) + " 元（不含）", "1.1 倍至 2 倍"}, nil},
		{&tier2Mult, 250, "base_tier=2&insurance_years=3", []string{"2.5 倍 100 分", x(100) + " 元至 " + x(250) + " 元（不含）", x(250) + " 元至 " + x(300) + " 元（不含）", "2.5 倍至 3 倍"}, nil},
		{&tier3Mult, 350, plan1, []string{"3.5 倍 120 分", x(350) + " 元及以上（缴费上限）", "3.5 倍（缴费上限）", "3.5 倍档", "提高到缴费上限（上年度平均工资的 3.5 倍）", x(350) + " 元"}, nil},
		{&tierMonths, 24, "base_tier=1&insurance_years=3", []string{"近 48 个月中累计 24 个月", "提高缴费基数 2 年", "至少 24 个月的社保缴费基数", "社保正好 2 年的"}, []string{"累计 36 个月"}},
		{&tierWindow, 60, "base_tier=1&insurance_years=3", []string{"近 60 个月中累计 36 个月"}, nil},
		{&tier3Months, 30, "base_tier=3&insurance_years=3", []string{"近 36 个月中累计 30 个月", "3 倍档 2.5 年"}, nil},
		{&tier3Window, 40, "base_tier=3&insurance_years=3", []string{"近 40 个月中累计 24 个月"}, nil},
		{&wage, 13000, "base_monthly=" + oneX(asOf) + "&insurance_years=3", []string{"13,000 元", "10,400 元至 13,000 元（不含）", "39,000 元及以上", "起上年度平均工资 13,000 元", "使用的 13,000 元计，0.8 倍为 10,400 元"},
			[]string{x(100) + " 元（" + WageAt(asOf).From.MonthChinese(), x(80)}},
		{&wagePublishFrom, 7, "", []string{"要到 " + next + " 年 7、9 月才公布"}, nil},
		{&wagePublishTo, 10, "", []string{"要到 " + next + " 年 8、10 月才公布"}, nil},
		{&shortagePts, 35, "shortage_major=1&education=college&full_time=1", []string{"35 分：专业在本市", "紧缺急需专业 35 分"}, nil},
		{&shortageFullTimeCollege, 0, "shortage_major=1&education=master", []string{"紧缺急需专业 30 分（", "30 分：专业在本市公布的紧缺急需专业目录内（专科专业），且从事相应岗位。"}, []string{"学历不是大专时不计分"}},
		{&investYears, 4, "invest_hires_avg=20", []string{"近 4 年个人出资部分", "连续 4 年在本市投资"}, []string{"近 3 年个人"}},
		{&investTaxStep, 200000, "invest_tax_avg=450000", []string{"每满 200,000 元", "纳税 20 分"}, nil},
		{&investHires, 12, "invest_hires_avg=30", []string{"每满 12 人", "聘用 20 分"}, nil},
		{&investPerStep, 15, "invest_hires_avg=20", []string{"人计 15 分", "聘用 30 分"}, nil},
		{&investCapTrial, 90, "", []string{"2013 年试行办法为 90 分"}, nil},
		{&investCap, 100, "invest_tax_avg=5000000", []string{"上限 100 分", "最多 100 分", "本计算器按 100 分", "已达上限 100 分"}, []string{"最多 120 分"}},
		{&publicPerYear, 5, "public_service_years=6", []string{"每满 1 年 5 分，满 5 年后计入总分", "每满 1 年 5 分 × 6 年 = 30 分"}, nil},
		{&publicMinYears, 6, "public_service_years=5", []string{"满 6 年后计入总分", "满 6 年后才计入总分"}, nil},
		{&publicCap, 30, "public_service_years=10", []string{"计入总分，上限 30 分", "= 40 分，上限 30 分"}, nil},
		{&keyAreaPerYear, 3, "key_area=other&key_area_years=5", []string{"每满 1 年 3 分，上限 20 分", "每满 1 年 3 分 × 5 年，上限 20 分，计 15 分"}, nil},
		{&keyAreaCap, 24, "key_area=other&key_area_years=15", []string{"上限 24 分", "最多 24 分", "计 24 分"}, nil},
		{&keyAreaMinYears, 4, "key_area=other&key_area_years=4", []string{"满 4 年后计入总分", "计 8 分"}, nil},
		{&lingangMinYears, 1, "key_area=lingang&key_area_years=1", []string{"临港新片区满 1 年后计入", "本计算器按满 1 年", "计 2 分"}, []string{"临港新片区满 3 年", "按满 3 年"}},
		{&lingangInsMonths, 24, "", []string{"连续缴纳社保 24 个月"}, nil},
		{&freshGradPts, 12, "fresh_graduate=1&full_time=1", []string{"全日制应届高校毕业生 12 分"}, nil},
		{&awardCitySpecial, 33, "award=city_special", []string{"市级委办局专项表彰 33 分"}, nil},
		{&awardCity, 66, "award=city", []string{"市级委办局综合表彰 66 分"}, nil},
		{&awardNational, 111, "award=national", []string{"省部级及以上政府表彰 111 分"}, nil},
		{&spousePerYear, 5, "spouse_years=3", []string{"婚龄每满 1 年 5 分，最多 40 分", "5 分 × 3 年，计 15 分"}, nil},
		{&spouseCap, 50, "spouse_years=13", []string{"最多 50 分", "上限 50 分，计 50 分"}, []string{"最多 40 分", "上限 40 分"}},
		{&spouseCap, 50, "spouse_years=12", []string{"× 12 年，计 48 分"}, []string{"12 年，上限"}},
		{&startupPts, 125, "startup_talent=1", []string{"持股 5% 及以上，125 分"}, nil},
		{&startupShare, 10, "startup_talent=1", []string{"持股 10% 及以上"}, nil},
		{&startupMonths, 12, "startup_talent=1", []string{"孵化满 12 个月"}, nil},
		{&transferPts, 125, "tech_transfer_talent=1", []string{"连续工作满 6 个月，125 分"}, nil},
		{&transferMonth, 9, "tech_transfer_talent=1", []string{"连续工作满 9 个月"}, nil},
		{&falseMaterialPts, -100, "false_material=1", []string{"近 3 年积分申请中提供虚假材料，每次 −100 分", "1 次 × −100 分"}, nil},
		{&falseMaterialYears, 2, "false_material=1", []string{"近 2 年积分申请中提供虚假材料"}, nil},
		{&detentionPts, -60, "detention=1", []string{"受行政拘留，每次 −60 分", "1 次 × −60 分"}, nil},
		{&detentionYears, 4, "detention=1", []string{"近 4 年受行政拘留"}, nil},
		{&criminalPts, -200, "criminal=1", []string{"一般刑事犯罪记录，每次 −200 分"}, nil},
		{&criminalYears, 3, "criminal=1", []string{"近 3 年有一般刑事犯罪记录"}, nil},
		{&seriousCrimeVeto, 0, "age=35&education=master&serious_crime=1", []string{"有严重刑事犯罪记录的，本计算器不按一票否决计算", "有严重刑事犯罪记录，本计算器不按一票否决计算，0 分"}, []string{"有严重刑事犯罪记录的，不能申请积分"}},
		{&familyPlanningVeto, 1, "age=35&education=master&family_planning_breach=1", []string{"\n本计算器按一票否决计算，0 分", "。本计算器按一票否决计算。"}, []string{"不按一票否决"}},
		{&retireMaleOrig, 61, "birth=1964-06&retire_group=male", []string{"男性从 61 岁到 63 岁", "2025 年 8 月到法定退休年龄"}, nil},
		{&retireMaleNew, 64, "birth=1990-06&retire_group=male", []string{"男性从 60 岁到 64 岁", "2054 年 6 月到法定退休年龄"}, nil},
		{&retireMaleStep, 3, "birth=1965-04&retire_group=male", []string{"男性从 60 岁到 63 岁（每晚出生 3 个月延迟 1 个月）", "2025 年 6 月到法定退休年龄"}, nil},
		{&retireF55Orig, 54, "birth=1980-01&retire_group=female55", []string{"女（原 54 岁退休）", "原 54 岁退休的女性从 54 岁到 58 岁"}, []string{"原 55 岁"}},
		{&retireF55New, 59, "birth=1990-01&retire_group=female55", []string{"原 55 岁退休的女性从 55 岁到 59 岁", "2049 年 1 月到法定退休年龄"}, nil},
		{&retireF55Step, 5, "", []string{"原 55 岁退休的女性从 55 岁到 58 岁（每晚出生 5 个月延迟 1 个月）"}, nil},
		{&retireF50Orig, 51, "", []string{"女（原 51 岁退休）", "原 51 岁退休的女性从 51 岁到 55 岁"}, nil},
		{&retireF50New, 56, "birth=1990-01&retire_group=female50", []string{"从 50 岁到 56 岁", "2046 年 1 月到法定退休年龄"}, nil},
		{&retireF50Step, 3, "", []string{"从 50 岁到 55 岁（每晚出生 3 个月延迟 1 个月）"}, nil},
		{&planStopAge, 62, "age=58", []string{"规划推算到 62 周岁为止", "不填时推算到 62 周岁", "62 周岁前达不到"}, []string{"60 周岁为止"}},
		{&leadDegree, 24, plan1, []string{"大专、专升本约 2 年", "通常约需 2 年"}, nil},
		{&leadMaster, 36, plan1, []string{"在职硕士约 3 年"}, nil},
		{&leadDoctor, 48, plan1, []string{"博士约 4 年"}, nil},
		{&leadSkill, 9, plan1, []string{"技能等级每升一级约 9 个月", "每升一级约 9 个月；"}, nil},
		{&leadTitle, 18, plan1, []string{"中级或高级职称约 1.5 年"}, nil},
		{&retireFlexEarly, 2, "", []string{"最多提前 2 年（不早于原退休年龄）"}, nil},
		{&retireFlexLate, 5, "", []string{"经单位同意最多推迟 5 年"}, nil},
		{&retireLateApply, 1, "birth=1990-06&retire_group=male", []string{"（推迟期间仍可申请积分）", "可能有更多时间，推迟期间仍可申请积分）"}, []string{"未经证实）"}},
		{&childSchoolAge, 7, kids, []string{"孩子 2034 年 6 月中考", "前满 7 周岁"}, nil},
		{&childCutoffMonth, 2, kids, []string{"孩子 2034 年 6 月中考", "按 2 月 28 日前满"}, nil},
		{&childSchoolMonth, 10, kids, []string{"2024-10", "当年 10 月入学"}, nil},
		{&childPrimaryYears, 6, kids, []string{"孩子 2034 年 6 月中考", "小学 6 年"}, nil},
		{&childJuniorYears, 3, kids, []string{"孩子 2032 年 6 月中考", "初中 3 年"}, nil},
		{&childSeniorYears, 4, kids, []string{"孩子 2037 年 6 月高考", "中考后 4 年高考"}, nil},
		{&childExamMonth, 7, kids, []string{"孩子 2033 年 7 月中考"}, nil},
		{&childRegMonth, 10, kids, []string{"须在 2032 年 10 月报名前", "最晚 2032 年 7 月达到", "考试前一年 10 月"}, nil},
		{&childProcessing, 4, kids, []string{"最晚 2032 年 7 月达到", "约 4 个月"}, nil},
		{&childTightMonths, 24, kids, []string{"只有 21 个月余量（时间很紧）"}, nil},
		{&childMaxAge, 18, "", []string{"最多 4 个 18 周岁及以下的孩子"}, nil},
		{&propertyTaxYears, 5, "", []string{"或持居住证满 5 年"}, nil},
	}
	covered := map[*param]bool{}
	for _, c := range cases {
		covered[c.p] = true
		t.Run(c.p.ID, func(t *testing.T) {
			var queries []string
			if c.query != "" {
				queries = append(queries, c.query)
			}
			before := texts(t, asOf, queries...)
			setValue(t, c.p, asOf, c.to)
			after := texts(t, asOf, queries...)
			assert.NotEqual(t, before, after, "no text states %s", c.p.ID)
			for _, s := range c.want {
				if !strings.Contains(after, s) {
					t.Errorf("no text says %q", s)
				}
				if strings.Contains(before, s) {
					t.Errorf("%q was there before the change: it proves nothing", s)
				}
			}
			for _, s := range c.gone {
				if i := strings.Index(after, s); i >= 0 {
					t.Errorf("a text still says %q: …%s…", s, after[max(0, i-60):min(len(after), i+60)])
				}
			}
		})
	}
	for _, id := range ProcessParams() {
		covered[paramByID[id]] = true // the guide's texts state them: its tests change them
	}
	for _, p := range allParams() {
		assert.True(t, covered[p], "no text case changes %s", p.ID)
	}
}

// TestValuesScore changes each value that scores and checks the total
// follows, so no value is read by the texts alone.
func TestValuesScore(t *testing.T) {
	cases := []struct {
		p     *param
		to    int64
		query string
		delta int
	}{
		{&ageCap, 32, "age=30", 2}, {&ageFloor, 6, "age=58", 1}, {&ageFloorFrom, 57, "age=56", 2}, {&ageLast, 62, "age=61", 5}, {&ageStep, 3, "age=50", 6},
		{&eduCollege, 55, "education=college", 5}, {&titleHigh, 145, "title=senior&title_base_ok=1", 5},
		{&titleBaseInfer, 200, "title=senior&base_tier=1", -140},
		{&insPerYear, 4, "insurance_years=5", 5}, {&insCap, 10, "insurance_years=5", -5},
		{&tier1Mult, 110, "base_monthly=" + oneX(asOf) + "&insurance_years=3", -25},
		{&tierMonths, 48, "base_tier=1&insurance_years=3", -50},
		{&wage, 13000, "base_monthly=" + oneX(asOf) + "&insurance_years=3", -25},
		{&shortageFullTimeCollege, 0, "shortage_major=1&education=master", 30},
		{&investCap, 100, "invest_tax_avg=5000000", -20}, {&publicMinYears, 6, "public_service_years=5", -20},
		{&lingangMinYears, 1, "key_area=lingang&key_area_years=1", 2}, {&spouseCap, 50, "spouse_years=13", 10},
		{&detentionPts, -60, "detention=1", -10},
	}
	for _, c := range cases {
		t.Run(c.p.ID, func(t *testing.T) {
			before := q(t, c.query).Total
			setValue(t, c.p, asOf, c.to)
			assert.Equal(t, before+c.delta, q(t, c.query).Total)
		})
	}
	setValue(t, &familyPlanningVeto, asOf, 1)
	assert.True(t, q(t, "family_planning_breach=1").Vetoed)
	setValue(t, &seriousCrimeVeto, asOf, 0)
	assert.False(t, q(t, "serious_crime=1").Vetoed)
}

func TestValuesAreWellFormed(t *testing.T) {
	for _, p := range allParams() {
		require.NotEmpty(t, p.Values, p.ID)
		for i, v := range p.Values {
			assert.NotEmpty(t, v.Per.Source, p.ID)
			assert.Contains(t, []Confidence{High, Medium, Low}, v.Conf, p.ID)
			assert.Equal(t, v.Conf != High, v.Dispute != "", "%s: a dispute line exactly below high", p.ID)
			assert.False(t, !v.Per.To.IsZero() && v.Per.To.Before(v.Per.From), p.ID)
			if i > 0 {
				assert.Equal(t, p.Values[i-1].Per.To.nextDay(), v.Per.From, "%s: periods follow each other", p.ID)
			}
		}
	}
	for _, ind := range modules {
		for _, k := range ind.keys {
			assert.NotNil(t, FieldByKey(k), k)
		}
		for _, p := range ind.params {
			assert.Same(t, p, paramByID[p.ID], "%s registered", p.ID)
		}
	}
	// every param declared in the package is registered (so templates and
	// this test know it)
	files, _ := filepath.Glob("*.go")
	declared := 0
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			declared += len(regexp.MustCompile(`(?m)^\s*(var )?\w+\s*=\s*param\{`).FindAll(b, -1))
		}
	}
	assert.Equal(t, declared, len(paramByID))
}

var (
	isoDate  = regexp.MustCompile(`\d{4}-\d{2}`)
	unspaced = regexp.MustCompile(`\p{Han}\d|\d[\p{Han}]`)
	docNo    = regexp.MustCompile(`\d+号`)
)

// TestTextsConventions: dates and numbers as conventions.md wants them,
// and no text of score says what the UI says once per page.
func TestTextsConventions(t *testing.T) {
	for _, d := range []Date{asOf, {2025, 3, 1}, {2029, 1, 1}} {
		all := texts(t, d, "age=40&education=college&insurance_years=2&title=intermediate&base_monthly=15000",
			"birth=1970-03&retire_group=female55&education=bachelor&full_time=0&title=senior&shortage_major=1&fresh_graduate=1&key_area=lingang&key_area_years=2",
			"age=30&invest_tax_avg=5000000&public_service_years=6&key_area_years=7&award=city&spouse_years=12&startup_talent=1&tech_transfer_talent=1&false_material=1&detention=1&criminal=1&serious_crime=1&family_planning_breach=1")
		assert.NotContains(t, all, "以区人才服务中心核定为准")
		assert.Empty(t, isoDate.FindAllString(all, -1), "ISO dates only in links, JSON and the command line")
		for _, m := range unspaced.FindAllString(docNo.ReplaceAllString(all, "号"), -1) {
			t.Errorf("no space between a digit and Chinese: %q", m)
		}
	}
	for _, f := range Fields {
		assert.NotEmpty(t, FieldHelp(f.Key, asOf), "help of %s", f.Key)
	}
	assert.Empty(t, FieldHelp("nope", asOf))
}

func TestRuleSections(t *testing.T) {
	secs := RuleSections(asOf)
	require.Len(t, secs, 4)
	assert.Equal(t, []string{"基础指标", "加分指标", "减分指标", "一票否决"}, []string{secs[0].Title, secs[1].Title, secs[2].Title, secs[3].Title})
	var ids []string
	for _, s := range secs {
		assert.NotEmpty(t, s.Sources, s.Title)
		for _, r := range s.Rows {
			ids = append(ids, r.ID)
			assert.Equal(t, r.Confidence != High, r.Dispute != "", r.ID)
			assert.NotEmpty(t, r.Points, r.ID)
		}
	}
	assert.Equal(t, []string{"age", "education", "title", "education_title", "title_base", "title_base_inferred", "insurance_years",
		"base_tier", "shortage_major", "investment", "public_service", "key_area", "key_area_lingang", "fresh_graduate", "award", "spouse",
		"startup_talent", "tech_transfer", "false_material", "detention", "criminal", "serious_crime", "family_planning"}, ids)
	assert.Contains(t, secs[1].Sources, SrcLingang)
	assert.Contains(t, secs[1].Sources, SrcWage, "the wage is a value of the base tier")
	row := func(id string) RuleRow {
		for _, s := range secs {
			for _, r := range s.Rows {
				if r.ID == id {
					return r
				}
			}
		}
		t.Fatalf("no row %s", id)
		return RuleRow{}
	}
	assert.Equal(t, High, row("award").Confidence)
	assert.Equal(t, High, row("title_base").Confidence)
	assert.Equal(t, Medium, row("title_base_inferred").Confidence)
	assert.Equal(t, Medium, row("key_area_lingang").Confidence)
	assert.Equal(t, High, row("key_area").Confidence)
	assert.Equal(t, Low, row("family_planning").Confidence)
	assert.Equal(t, "上限：2013 年试行办法为 100 分，较新来源为 120 分", row("investment").Dispute)
	assert.Contains(t, row("education").Points, "本科+学士学位 90 分")
	assert.Contains(t, row("base_tier").Points, "0.8 倍 25 分、1 倍 50 分、2 倍 100 分（近 48 个月中累计 36 个月）；3 倍 120 分（近 36 个月中累计 24 个月）")
}

func TestChoicesAndWageRows(t *testing.T) {
	tiers := BaseTierChoices(asOf)
	require.Len(t, tiers, 5)
	assert.Equal(t, Choice{Value: "none", Label: "低于 " + x(80) + " 元，或不清楚", Note: "上年度平均工资的不到 0.8 倍"}, tiers[0])
	assert.Equal(t, Choice{Value: "0.8", Label: x(80) + " 元至 " + x(100) + " 元（不含）", Points: 25, Note: "上年度平均工资的 0.8 倍至 1 倍"}, tiers[1])
	assert.Equal(t, x(100)+" 元至 "+x(200)+" 元（不含）", tiers[2].Label)
	assert.Equal(t, x(300)+" 元及以上（缴费上限）", tiers[4].Label)
	assert.Equal(t, "上年度平均工资的 3 倍及以上，近 36 个月中累计 24 个月", tiers[4].Note)

	titles := TitleChoices(asOf)
	assert.Equal(t, Choice{Value: "senior", Label: "高级职称", Points: 140, Note: "140 分，须满足职称基数条件（近 12 个月中至少 6 个月社保缴费基数达到上年度平均工资）"}, titles[0])
	assert.Equal(t, Choice{Value: "skill3", Label: "技能三级（高级工）", Points: 60, Note: "60 分"}, titles[4])
	assert.Equal(t, "none", titles[len(titles)-1].Value)
	edus := EducationChoices(asOf)
	assert.Equal(t, Choice{Value: "doctor", Label: "博士研究生（学历+学位）", Points: 110, Note: "110 分"}, edus[0])
	assert.Equal(t, "none", edus[len(edus)-1].Value)

	assert.Equal(t, []string{"起用", "月平均工资", "0.8 倍", "3 倍（缴费上限）"}, WageHeaders(asOf))
	assert.Equal(t, Legend{Total: "总分", Insurance: "社保年限分（每年 +3 分）", Age: "年龄分（43 周岁后减少）", Standard: "120 分标准分值", Line: "120 分"}, ChartLegend(asOf))
	assert.Equal(t, "配偶为上海户籍，婚龄每满 1 年 4 分，最多 40 分。", SpouseHint(asOf))
	assert.Equal(t, 120, StandardAt(asOf))
	assert.NotContains(t, FieldHelp("base_tier", asOf), "公布")
}
