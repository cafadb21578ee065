package score

import "testing"

var benchProfile = func() Profile {
	p, _ := ParseQuery("as_of=2026-11-28&birth=1988-04&education=bachelor_degree&title=intermediate&insurance_years=4&base_tier=1&spouse_years=2")
	return p
}()

func BenchmarkEvaluate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(benchProfile); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlan(b *testing.B) {
	p, _ := ParseQuery("as_of=2026-11-28&birth=1986-04&education=college&insurance_years=2")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Plan(p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseQuery(b *testing.B) {
	q := benchProfile.Encode()
	b.ReportAllocs()
	for b.Loop() {
		ParseQuery(q)
	}
}

func BenchmarkParseJSON(b *testing.B) {
	data, _ := benchProfile.MarshalJSON()
	b.ReportAllocs()
	for b.Loop() {
		ParseJSON(data)
	}
}
