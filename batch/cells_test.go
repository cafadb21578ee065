package batch

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

// readOne reads a table of one employee: the header and its cells.
func readOne(t *testing.T, header, cell string) *Table {
	t.Helper()
	tab := Read("姓名\t" + header + "\n张三\t" + cell + "\n")
	require.Empty(t, tab.Errors, "%s=%q", header, cell)
	require.Len(t, tab.Rows, 1, "%s=%q", header, cell)
	return tab
}

// profile is the profile a link gives, as the pages read it.
func profile(t *testing.T, link string) score.Profile {
	t.Helper()
	p, probs := score.ParseQuery(link)
	require.Empty(t, probs, link)
	return p
}

// profileAt is profile dated d, unless the link gives its own date.
func profileAt(t *testing.T, link string, d score.Date) score.Profile {
	t.Helper()
	p := profile(t, link)
	if p.AsOf.IsZero() {
		p.AsOf = d
	}
	return p
}

// Every cell form of batch.md, and the generous ones, gives the profile
// value of its link form.
func TestCellForms(t *testing.T) {
	cases := []struct {
		header string
		cells  []string
		link   string // the profile they give, in link form
	}{
		{"出生年月", []string{"1990-05", "1990/5", "1990.05", "1990年5月", "1990 年 5 月", "1990年05月", "199005", "１９９０－０５", "1990-5", " 1990.5 "}, "birth=1990-05"},
		{"出生年月", []string{"1990-05-17", "1990/5/17", "1990.5.17", "1990年5月17日", "19900517", "1990/5/17 0:00:00", "1990-05-17T00:00"}, "birth=1990-05-17"},
		// spreadsheet serials: Excel's DATE(2000,1,1) is 36526
		{"出生年月", []string{"36526", "36526.0", "36526.75"}, "birth=2000-01"},
		{"出生年月", []string{"36557"}, "birth=2000-02"},
		{"出生年月", []string{""}, ""},
		{"学历", []string{"博士", "博士研究生", "doctor"}, "education=doctor"},
		{"学历", []string{"硕士", "硕士研究生", "master", "硕士研究生（学历+学位）"}, "education=master"},
		{"学历", []string{"本科+学士", "本科学士", "学士", "本科＋学士", "本科 + 学士", "本科+学士学位", "bachelor_degree"}, "education=bachelor_degree"},
		{"学历", []string{"本科", "本科（无学士学位）", "bachelor"}, "education=bachelor"},
		{"学历", []string{"大专", "专科", "高职", "大专（高职）", "college", "COLLEGE"}, "education=college"},
		{"学历", []string{"无", "高中", "中专", "大专以下", ""}, ""},
		{"全日制", []string{"是", "Y", "y", "YES", "1", "true", "TRUE", "√", "有"}, "full_time=1"},
		{"全日制", []string{"否", "N", "no", "0", "false", "×", "无"}, "full_time=0"},
		{"全日制", []string{"", "不清楚"}, ""},
		{"职称或技能", []string{"无", ""}, ""},
		{"职称或技能", []string{"初级", "初级职称"}, "title=junior"},
		{"职称或技能", []string{"技能五级", "初级工", "技能五级（初级工）"}, "title=skill5"},
		{"职称或技能", []string{"技能四级", "中级工"}, "title=skill4"},
		{"职称或技能", []string{"技能三级", "高级工", "技能三级（高级工）", "技能三级(高级工)"}, "title=skill3"},
		{"职称或技能", []string{"技能二级", "技师", "技能二级（技师）"}, "title=skill2"},
		{"职称或技能", []string{"中级", "中级职称", "intermediate"}, "title=intermediate"},
		{"职称或技能", []string{"技能一级", "高级技师", "技能一级（高级技师）"}, "title=skill1"},
		{"职称或技能", []string{"高级", "高级职称", "副高", "正高", "senior"}, "title=senior"},
		{"职称基数条件", []string{"是", "1"}, "title_base_ok=1"},
		{"职称基数条件", []string{"否", "N"}, "title_base_ok=0"},
		{"职称基数条件", []string{"", "不清楚", "未知"}, ""},
		{"社保年限", []string{"5", "5年", "５", "５年", "5.0", " 5 年", "05", "+5"}, "insurance_years=5"},
		{"社保年限", []string{"0", "0年"}, ""},
		{"社保基数档次", []string{"无", "不到 0.8 倍"}, "base_tier=none"},
		{"社保基数档次", []string{"0.8", "0.80", "0.8倍", "０．８"}, "base_tier=0.8"},
		{"社保基数档次", []string{"1", "1.0", "1倍", "1 倍至 2 倍"}, "base_tier=1"},
		{"社保基数档次", []string{"2", "2倍", "2.0倍"}, "base_tier=2"},
		{"社保基数档次", []string{"3", "3倍", "3倍及以上", "3倍以上"}, "base_tier=3"},
		{"社保基数档次", []string{"", "不清楚"}, ""},
		{"社保月基数", []string{"12577", "12,577", "12,577.00", "¥12,577", "￥12577", "12577元", "１２，５７７", "12 577"}, "base_monthly=12577"},
		{"社保月基数", []string{"12577.5", "12,577.5", "12577.50元", "1.25775万"}, "base_monthly=12577.5"},
		{"社保月基数", []string{"1.2万", "1.2万元"}, "base_monthly=12000"},
		{"配偶沪籍婚龄", []string{"3", "3年"}, "spouse_years=3"},
		{"紧缺专业", []string{"是"}, "shortage_major=1"},
		{"紧缺专业", []string{"否", ""}, ""},
		{"应届毕业生", []string{"是", "Y"}, "fresh_graduate=1"},
		{"重点区域", []string{"临港", "临港新片区", "lingang"}, "key_area=lingang"},
		{"重点区域", []string{"其他", "其他远郊重点区域", "other"}, "key_area=other"},
		{"重点区域年限", []string{"2", "2年"}, "key_area_years=2"},
		{"公共服务年限", []string{"4"}, "public_service_years=4"},
		{"表彰奖励", []string{"无", ""}, ""},
		{"表彰奖励", []string{"市级专项", "市级委办局专项表彰"}, "award=city_special"},
		{"表彰奖励", []string{"市级", "市级委办局综合表彰"}, "award=city"},
		{"表彰奖励", []string{"国家级", "省部级及以上政府表彰"}, "award=national"},
		{"退休类别", []string{"男", "male"}, "retire_group=male"},
		{"退休类别", []string{"女55", "女55（干部）", "女（干部）", "女（原 55 岁退休）", "female55"}, "retire_group=female55"},
		{"退休类别", []string{"女50", "女50（工人）", "女（工人）", "female50"}, "retire_group=female50"},
		{"子女出生年月", []string{"2018-03"}, "children=2018-03"},
		{"子女出生年月", []string{"2018-03,2021-07", "2018-03，2021-07", "2018-03、2021-07", "2018-03;2021-07", "2018/3、2021年7月", "2018-03 2021-07", "2018-03-12, 2021.7"}, "children=2018-03,2021-07"},
		{"计算日期", []string{"2026-12-01", "2026/12/1", "2026年12月1日", "20261201", "2026.12.1"}, "as_of=2026-12-01"},
		{"年龄", []string{"35", "35岁", "35周岁"}, "age=35"},
		// headers as profile keys, with a note, or full-width
		{"birth", []string{"1990-05"}, "birth=1990-05"},
		{"insurance_years", []string{"7"}, "insurance_years=7"},
		{"社保年限（年）", []string{"7"}, "insurance_years=7"},
		{" 社保年限 ", []string{"7"}, "insurance_years=7"},
		{"ＥＤＵＣＡＴＩＯＮ", []string{"硕士"}, "education=master"},
		{"社保缴费基数", []string{"2"}, "base_tier=2"},
	}
	for _, c := range cases {
		for _, cell := range c.cells {
			tab := readOne(t, c.header, cell)
			r := tab.Rows[0]
			assert.Empty(t, r.Errors, "%s=%q", c.header, cell)
			assert.Equal(t, profile(t, c.link), r.Profile, "%s=%q", c.header, cell)
		}
	}
}

// A cell that cannot be read names the row as the spreadsheet shows it,
// the column by its header as written and the value, and lists what may
// be written.
func TestCellErrors(t *testing.T) {
	cases := []struct {
		header, cell string
		want         string
	}{
		{"学历", "研究生", "第 2 行“学历”：无法识别“研究生”，可填 博士、硕士、本科+学士、本科、大专、无"},
		{"最高学历", "MBA", "第 2 行“最高学历”：无法识别“MBA”，可填 博士、硕士"},
		{"出生年月", "1990-13", "第 2 行“出生年月”：“1990-13”不是存在的日期，可填 1990-05、1990/5、1990.05、1990年5月、1990-05-17 或表格里的日期"},
		{"出生年月", "1990-02-30", "不是存在的日期"},
		{"出生年月", "5/17/1990", "无法识别“5/17/1990”"},
		{"出生年月", "99999", "“99999”超出范围"},
		{"出生年月", "九〇年", "无法识别"},
		{"社保年限", "99", "第 2 行“社保年限”：“99”超出范围，可填 0 到 45 之间的整数，如 5 或 5年"},
		{"社保年限", "-1", "“-1”超出范围"},
		{"社保年限", "5.5", "无法识别“5.5”，可填 0 到 45 之间的整数"},
		{"社保年限", "五年", "无法识别“五年”"},
		{"年龄", "12", "“12”超出范围，可填 16 到 80 之间的整数，如 35 或 35岁"},
		{"社保月基数", "1,25", "无法识别“1,25”，可填 0 到 1,000,000 元之间的金额"},
		{"社保月基数", "2,000,000", "“2,000,000”超出范围"},
		{"社保月基数", "12577.555", "无法识别"},
		{"社保基数档次", "1.5", "第 2 行“社保基数档次”：无法识别“1.5”，可填 无、0.8、1、2、3（也可写 2倍），或留空（按社保月基数估算）"},
		{"全日制", "maybe", "第 2 行“全日制”：无法识别“maybe”，可填 是、否（也可写 Y/N、1/0、true/false），不清楚就留空"},
		{"紧缺专业", "也许", "第 2 行“紧缺专业”：无法识别“也许”，可填 是、否（也可写 Y/N、1/0、true/false），或留空"},
		{"职称基数条件", "大概", "不清楚就留空"},
		{"职称或技能", "工程师", "可填 无、初级、技能五级、技能四级、技能三级（高级工）、技能二级（技师）、中级、技能一级（高级技师）、高级"},
		{"退休类别", "女", "可填 男、女55（干部）、女50（工人）"},
		{"重点区域", "浦东", "可填 临港、其他"},
		{"表彰奖励", "区级", "可填 无、市级专项、市级、国家级"},
		{"子女出生年月", "2010-01,2012-01,2014-01,2016-01,2018-01", "第 2 行“子女出生年月”：最多填 4 个孩子"},
		{"子女出生年月", "2018-03,小明", "无法识别“2018-03,小明”"},
		{"计算日期", "2026-12", "第 2 行“计算日期”：无法识别“2026-12”，可填 2026-12-01"},
		// a cell cannot smuggle another key into the profile
		{"学历", "master&serious_crime=1", "无法识别“master&serious_crime=1”"},
		{"学历", "doctorate", "无法识别“doctorate”"},
	}
	for _, c := range cases {
		tab := readOne(t, c.header, c.cell)
		r := tab.Rows[0]
		require.Len(t, r.Errors, 1, "%s=%q", c.header, c.cell)
		assert.Contains(t, r.Errors[0], c.want, "%s=%q", c.header, c.cell)
		assert.True(t, strings.HasPrefix(r.Errors[0], "第 2 行“"+strings.TrimSpace(c.header)+"”："), r.Errors[0])
		o := tab.Score(0, score.Date{Year: 2026, Month: 12, Day: 7})
		assert.Equal(t, StatusError, o.Status)
		assert.Equal(t, r.Errors, o.Errors)
	}
}

// A value shown back in a message is cut and has no control or bidi
// characters.
func TestErrorShowsValueSafely(t *testing.T) {
	tab := readOne(t, "学历", "\u202e研究生"+strings.Repeat("长", 40))
	msg := tab.Rows[0].Errors[0]
	assert.NotContains(t, msg, "\u202e")
	assert.Contains(t, msg, "“研究生长")
	assert.Contains(t, msg, "…”")
	assert.Less(t, len(msg), 300)
}

// Every header of batch.md is known, and no name means two keys.
func TestHeaders(t *testing.T) {
	for h, key := range map[string]string{
		"出生年月": "birth", "学历": "education", "全日制": "full_time", "职称或技能": "title", "职称基数条件": "title_base_ok",
		"社保年限": "insurance_years", "社保基数档次": "base_tier", "社保月基数": "base_monthly", "配偶沪籍婚龄": "spouse_years",
		"紧缺专业": "shortage_major", "应届毕业生": "fresh_graduate", "重点区域": "key_area", "重点区域年限": "key_area_years",
		"公共服务年限": "public_service_years", "表彰奖励": "award", "退休类别": "retire_group", "子女出生年月": "children",
		"计算日期": "as_of", "as_of": "as_of",
	} {
		assert.Equal(t, key, classify(h), h)
	}
	assert.Equal(t, "name", classify("姓名"))
	for _, line := range strings.Split(wordsText, "\n") {
		w := strings.Fields(line)
		f := score.FieldByKey(w[0])
		require.True(t, f != nil || w[0] == "name", line)
		for _, word := range w[2:] {
			if w[1] == "=" {
				assert.Equal(t, w[0], classify(word), "%s names %s", word, w[0])
				continue
			}
			v, pr := readCell(f, word)
			assert.Zero(t, pr, "%s: %s", w[0], word)
			want := w[1]
			if want == "-" {
				want = ""
			}
			assert.Equal(t, want, v, "%s: %s", w[0], word)
		}
	}
	for _, f := range score.Fields {
		assert.Equal(t, f.Key, classify(f.Label), "the label %s", f.Label)
	}
	// every choice the pages offer is a word of its column
	d := score.Date{Year: 2026, Month: 12, Day: 7}
	for _, f := range score.Fields {
		if f.Kind != score.KindEnum {
			continue
		}
		for _, c := range f.Options(d) {
			v, pr := readCell(f, c.Label)
			assert.Zero(t, pr, "%s: %s", f.Key, c.Label)
			assert.Equal(t, c.Value, v, "%s: %s", f.Key, c.Label)
		}
	}
}

// TestEveryEnumSaysWhatMayBeWritten: an enum key without a line of its
// own in enumAllowed still lists its choices (a new indicator needs no
// row here).
func TestEveryEnumSaysWhatMayBeWritten(t *testing.T) {
	for _, f := range score.Fields {
		if f.Kind == score.KindEnum {
			assert.NotEmpty(t, allowed(f), f.Key)
		}
	}
	f := *score.FieldByKey("award")
	f.Key = "award_copy"
	assert.Contains(t, allowed(&f), score.AwardTable[len(score.AwardTable)-1].Name, "the pages' labels")
}
