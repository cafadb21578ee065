package score

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestReachFromAgrees: for profiles of every kind (met, short, never,
// vetoed, retired, with children), ReachFrom gives PlanFrom's reach date,
// stop and children's verdicts and margins.
func TestReachFromAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	edus := []Education{EduNone, EduCollege, EduBachelor, EduBachelorDegree, EduMaster, EduDoctor}
	titles := []Title{TitleNone, TitleSkill3, TitleIntermediate, TitleSenior}
	tiers := []Tier{TierUnset, TierNone, Tier08, Tier1, Tier2, Tier3}
	groups := []RetireGroup{RetireNone, RetireMale, RetireFemale55, RetireFemale50}
	asOf := Date{2026, 12, 7}
	kinds := map[string]int{}
	for i := 0; i < 400; i++ {
		p := Profile{AsOf: asOf, Birth: Date{1962 + rng.IntN(45), time.Month(1 + rng.IntN(12)), 1},
			Education: edus[rng.IntN(len(edus))], Title: titles[rng.IntN(len(titles))], TitleBaseOK: Tri(rng.IntN(3)),
			InsuranceYears: rng.IntN(12), BaseTier: tiers[rng.IntN(len(tiers))], SpouseYears: rng.IntN(3) * rng.IntN(4),
			RetireGroup: groups[rng.IntN(len(groups))], SeriousCrime: rng.IntN(40) == 0}
		for k := 0; k < rng.IntN(3); k++ {
			p.Children[k] = Date{2008 + rng.IntN(18), time.Month(1 + rng.IntN(12)), 1}
		}
		res, err := Evaluate(p)
		if err != nil {
			continue
		}
		want, err := PlanFrom(p, res)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReachFrom(p, res)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case res.Vetoed || res.Retired:
			kinds["cannot"]++
		case want.ReachDate == nil:
			kinds["never"]++
		case *want.ReachDate == p.AsOf:
			kinds["met"]++
		default:
			kinds["later"]++
		}
		if (want.ReachDate == nil) != (got.ReachDate == nil) || want.ReachDate != nil && *want.ReachDate != *got.ReachDate {
			t.Fatalf("%s: reach %v, PlanFrom %v", p.Encode(), got.ReachDate, want.ReachDate)
		}
		if got.Stop.Date != want.Stop.Date || got.Stop.Reason != want.Stop.Reason {
			t.Fatalf("%s: stop %+v, PlanFrom %+v", p.Encode(), got.Stop, want.Stop)
		}
		if len(got.Children) != len(want.Children) {
			t.Fatalf("%s: %d children, PlanFrom %d", p.Encode(), len(got.Children), len(want.Children))
		}
		for k := range want.Children {
			g, w := got.Children[k], want.Children[k]
			for _, x := range [][2]ExamCheck{{g.Zhongkao, w.Zhongkao}, {g.Gaokao, w.Gaokao}} {
				if x[0].Verdict != x[1].Verdict || (x[0].Margin == nil) != (x[1].Margin == nil) || x[0].Margin != nil && *x[0].Margin != *x[1].Margin {
					t.Fatalf("%s: child %d %s %s, PlanFrom %s", p.Encode(), k, x[0].Exam, x[0].Verdict, x[1].Verdict)
				}
			}
			if g.RetiresFirst != w.RetiresFirst {
				t.Fatalf("%s: child %d RetiresFirst differs", p.Encode(), k)
			}
		}
	}
	for _, k := range []string{"cannot", "never", "met", "later"} {
		if kinds[k] == 0 {
			t.Errorf("no profile of kind %s among the samples: %v", k, kinds)
		}
	}
}

func BenchmarkReachFrom(b *testing.B) {
	p, _ := ParseQuery("as_of=2026-11-28&birth=1986-04&education=college&insurance_years=2&children=2018-03")
	res := MustEvaluate(p)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReachFrom(p, res); err != nil {
			b.Fatal(err)
		}
	}
}
