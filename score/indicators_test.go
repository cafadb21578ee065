package score

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIndicatorIDs: every ID constant names a registered indicator, each
// indicator's key is a profile key, its claim test agrees with what it
// scores, and its item carries its ID, name and group.
func TestIndicatorIDs(t *testing.T) {
	// every constant of type ID in the package's files
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	require.NoError(t, err)
	consts := map[ID]bool{}
	for _, f := range pkgs["score"].Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok {
				if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "ID" {
					for _, v := range vs.Values {
						lit := v.(*ast.BasicLit).Value
						consts[ID(lit[1:len(lit)-1])] = true
					}
				}
			}
			return true
		})
	}
	require.NotEmpty(t, consts)
	var registered []ID
	for _, ind := range Indicators() {
		registered = append(registered, ind.ID)
		assert.Same(t, ind, IndicatorOf(ind.ID))
		assert.NotNil(t, FieldByKey(ind.Key), "%s: key %q", ind.ID, ind.Key)
		assert.Same(t, ind, IndicatorOfKey(ind.Key), "one indicator per key")
		assert.NotEmpty(t, ind.Name)
		assert.Contains(t, []string{GroupBasic, GroupBonus, GroupDeduction, GroupVeto}, ind.Group)
		assert.False(t, ind.Claimed(&Profile{}), "%s: an empty profile claims nothing", ind.ID)
	}
	assert.Len(t, registered, len(consts), "as many indicators as ID constants")
	for _, id := range registered {
		assert.True(t, consts[id], "%s has its constant", id)
	}
	assert.Equal(t, []ID{IDAge, IDEducation, IDTitle, IDInsuranceYears, IDBaseTier, IDShortageMajor, IDInvestment, IDPublicService, IDKeyArea,
		IDFreshGraduate, IDAward, IDSpouse, IDStartupTalent, IDTechTransfer, IDFalseMaterial, IDDetention, IDCriminal, IDSeriousCrime, IDFamilyPlanning},
		registered, "in the regulation's order")
	assert.Nil(t, IndicatorOf("nope"))

	// a profile that claims everything has every item; each item's ID,
	// name and group are its indicator's
	all := profileOf(t, "age=30&education=master&title=senior&insurance_years=5&base_tier=1&shortage_major=1&invest_hires_avg=10&public_service_years=5&key_area=other&key_area_years=5&fresh_graduate=1&full_time=1&award=city&spouse_years=1&startup_talent=1&tech_transfer_talent=1&false_material=1&detention=1&criminal=1&serious_crime=1&family_planning_breach=1")
	r := MustEvaluate(all)
	require.Len(t, r.Items, len(registered))
	for i, it := range r.Items {
		ind := IndicatorOf(it.ID)
		require.NotNil(t, ind, it.ID)
		assert.Equal(t, registered[i], it.ID)
		assert.Equal(t, ind.Name, it.Name)
		assert.Equal(t, ind.Group, it.Group)
		assert.True(t, ind.Claimed(&all), it.ID)
	}
	// each indicator alone: claimed exactly when its answer is given
	for _, c := range []struct {
		id    ID
		query string
	}{
		{IDAge, "age=30"}, {IDAge, "birth=1990-01"}, {IDEducation, "education=college"}, {IDTitle, "title=junior"},
		{IDInsuranceYears, "insurance_years=1"}, {IDBaseTier, "base_tier=0.8"}, {IDBaseTier, "base_monthly=5000"},
		{IDShortageMajor, "shortage_major=1"}, {IDInvestment, "invest_tax_avg=1"}, {IDInvestment, "invest_hires_avg=1"},
		{IDPublicService, "public_service_years=1"}, {IDKeyArea, "key_area_years=1"}, {IDFreshGraduate, "fresh_graduate=1"},
		{IDAward, "award=city_special"}, {IDSpouse, "spouse_years=1"}, {IDStartupTalent, "startup_talent=1"},
		{IDTechTransfer, "tech_transfer_talent=1"}, {IDFalseMaterial, "false_material=1"}, {IDDetention, "detention=1"},
		{IDCriminal, "criminal=1"}, {IDSeriousCrime, "serious_crime=1"}, {IDFamilyPlanning, "family_planning_breach=1"},
	} {
		p := profileOf(t, c.query)
		for _, ind := range Indicators() {
			assert.Equal(t, ind.ID == c.id, ind.Claimed(&p), "%s claims %s", c.query, ind.ID)
		}
	}
	assert.False(t, IndicatorOf(IDBaseTier).Claimed(&Profile{BaseTier: TierNone}), "the tier none claims nothing")
}

// TestFormSections: every key is asked in one section, in the order of
// Fields; the items shown beside fields exist.
func TestFormSections(t *testing.T) {
	seen := map[string]bool{}
	for _, sec := range FormSections() {
		assert.NotEmpty(t, sec.Title)
		assert.NotEmpty(t, sec.Keys, sec.Title)
		for _, k := range sec.Keys {
			assert.False(t, seen[k], "%s twice", k)
			seen[k] = true
			require.NotNil(t, FieldByKey(k))
		}
	}
	assert.Len(t, seen, len(Fields), "every key has a section")
	for _, f := range Fields {
		if f.Kind == KindInt || f.Kind == KindMoney {
			assert.NotEmpty(t, f.Unit, "%s has a unit", f.Key)
		}
	}
	// when a key is asked
	var p Profile
	assert.True(t, FieldByKey("age").Asked(&p))
	p.Birth = Date{1990, 1, 1}
	assert.False(t, FieldByKey("age").Asked(&p), "age is not asked with a birth date")
	p.Age = 30
	assert.True(t, FieldByKey("age").Asked(&p), "a key with a value is always shown")
	assert.False(t, FieldByKey("title_base_ok").Asked(&Profile{Title: TitleSkill3}))
	assert.True(t, FieldByKey("title_base_ok").Asked(&Profile{Title: TitleSkill2}))
	assert.False(t, FieldByKey("key_area").Asked(&Profile{}))
	assert.True(t, FieldByKey("key_area").Asked(&Profile{KeyAreaYears: 1}))
}

// TestFieldSet: Set reads a value into a profile, "" leaves the key out,
// a bad value leaves the profile as it was.
func TestFieldSet(t *testing.T) {
	var p Profile
	for _, f := range Fields {
		require.NotNil(t, f.clear, f.Key)
	}
	f := FieldByKey("insurance_years")
	require.Nil(t, f.Set(&p, "7"))
	assert.Equal(t, 7, p.InsuranceYears)
	pr := f.Set(&p, "-3")
	require.NotNil(t, pr)
	assert.Equal(t, "-3", pr.Value)
	assert.Equal(t, "社保年限请填 0 到 45 之间的整数", pr.Zh)
	assert.Equal(t, 7, p.InsuranceYears, "a bad value changes nothing")
	require.Nil(t, f.Set(&p, ""))
	assert.Equal(t, 0, p.InsuranceYears)
	tri := FieldByKey("title_base_ok")
	require.Nil(t, tri.Set(&p, "0"))
	assert.Equal(t, No, p.TitleBaseOK)
	require.Nil(t, tri.Set(&p, ""))
	assert.Equal(t, Unknown, p.TitleBaseOK, "cleared is unknown, not no")
	tier := FieldByKey("base_tier")
	require.Nil(t, tier.Set(&p, "none"))
	assert.Equal(t, TierNone, p.BaseTier, "none is a tier")
	assert.Equal(t, "none", tier.Text(&p))
	require.Nil(t, FieldByKey("education").Set(&p, "none"))
	assert.Equal(t, "", FieldByKey("education").Text(&p), "no education is the key left out")
	// every key: a set value is read back as its text
	full := profileOf(t, "as_of=2026-11-28&birth=1990-05-12&education=master&full_time=1&title=skill2&title_base_ok=0&insurance_years=7&base_tier=2&base_monthly=15000.5&children=2018-03,2020-01")
	var q Profile
	for _, f := range Fields {
		require.Nil(t, f.Set(&q, f.Text(&full)), f.Key)
	}
	assert.Equal(t, full, q)
	assert.Equal(t, "ab c", Shown("a\u202eb\x00 c\u2066"), "control and bidi characters are not shown back")
}

// An integer field's range is what a profile may hold: the pages build
// their choices from it (the self-test's birth years from age's).
func TestFieldRangeIsWhatParsingTakes(t *testing.T) {
	lo, hi := FieldByKey("age").Range()
	require.Less(t, lo, hi)
	for _, c := range []struct {
		age int64
		ok  bool
	}{{lo, true}, {hi, true}, {lo - 1, false}, {hi + 1, false}} {
		_, err := ParseQuery("as_of=2026-11-28&age=" + strconv.FormatInt(c.age, 10))
		assert.Equal(t, c.ok, err == nil, "age %d: %v", c.age, err)
	}
	lo, hi = FieldByKey("education").Range()
	assert.Zero(t, lo+hi, "not an integer field")
}
