package score

// Every fact about an indicator lives with it, in its own file: its ID,
// its Chinese name, its group, the profile key beside which its points are
// shown, whether a profile claims it, its values, how it scores, its
// rules-page rows and the help of its keys. The calculator, the guide's
// materials and the rules page look them up here; none of them retypes
// an ID, a name or a claim.

// ID names an indicator, as the "id" column of rules.md does. It is the
// ID of the indicator's item in a Result.
type ID string

// Each indicator's ID constant is in the indicator's own file, beside its
// Indicator (IDAge in basic_age.go…); TestIndicatorIDs checks that every
// one is registered.

// Indicator is what the product knows of one indicator besides its
// values: what the pages need to name it, place it and decide whether a
// person claims it.
type Indicator struct {
	ID    ID
	Name  string // Chinese, as items and the rules page name it
	Group string // GroupBasic, GroupBonus, GroupDeduction or GroupVeto
	// Key is the profile key beside whose field the calculator shows the
	// indicator's points.
	Key string
	// claimed reports whether a profile claims the indicator: gives an
	// answer that can score, deduct or veto it.
	claimed func(p *Profile) bool
}

// Claimed reports whether p claims the indicator (an answer that can
// score, deduct or veto it), e.g. for the materials it needs.
func (ind *Indicator) Claimed(p *Profile) bool { return ind.claimed(p) }

// indicatorList are the registered indicators in the regulation's order;
// indicatorByID finds them.
var (
	indicatorList []*Indicator
	indicatorByID = map[ID]*Indicator{}
)

// Indicators lists every indicator, in the regulation's order.
func Indicators() []*Indicator { return append([]*Indicator(nil), indicatorList...) }

// IndicatorOf returns the indicator with the ID, or nil when there is none.
func IndicatorOf(id ID) *Indicator { return indicatorByID[id] }

// IndicatorOfKey returns the indicator whose points are shown beside the
// profile key, or nil.
func IndicatorOfKey(key string) *Indicator {
	for _, ind := range indicatorList {
		if ind.Key == key {
			return ind
		}
	}
	return nil
}

// registerIndicators makes a module's indicators known, in seq order of
// their modules (register calls it).
func registerIndicators() {
	indicatorList = indicatorList[:0]
	for _, m := range modules {
		for _, ind := range m.items {
			if q := indicatorByID[ind.ID]; q != nil && q != ind {
				panic("score: two indicators " + string(ind.ID))
			}
			ind.Group = m.group
			indicatorByID[ind.ID] = ind
			indicatorList = append(indicatorList, ind)
		}
	}
}
