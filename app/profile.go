package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// A profile travels in the link's fragment (/result#birth=1994-05&…),
// which browsers never send to a server, and is kept in this device's
// local storage. This file is the one pipeline that gives a page its
// profile.

// mineKey marks a link made by our own embed for the visitor who just
// answered there ("详细结果" opens the full site in a new tab). Anyone can
// write it into a link, so it proves nothing: such a link is shown like
// any shared result, never saved without "用这些答案继续"; the marker only
// says, in the notice, that this may be the visitor's own self-test. It
// is dropped from the address bar on load.
const mineKey = "mine=1"

// source says where a page's profile came from.
type source int

const (
	srcNone   source = iota // no answers at all
	srcSaved                // the answers saved on this device
	srcOwn                  // a link with the visitor's own answers
	srcShared               // a link someone shared: shown, never saved on its own
)

// pageProfile is what a page shows: the profile, where it came from and
// the problems found in its link.
type pageProfile struct {
	p     score.Profile
	src   source
	probs score.Problems
	// extra is the embed's own query (parent, theme), kept in its URL.
	extra string
	// raw is the link's profile as it came, kept in the address bar while
	// it has problems (so that a reload or /calc shows the same); accepted:
	// the visitor chose to go on with what could be read.
	raw      string
	accepted bool
	// fromEmbed: the link says it comes from our embed (mineKey).
	fromEmbed bool
	// savedProbs counts the parts of the saved answers that could not be
	// read (they were dropped).
	savedProbs int
}

// held reports whether the link has problems the visitor has not yet
// accepted: the pages show no figure until then, since a cut or garbled
// link would give a confident number that is not the sender's.
func (pp pageProfile) held() bool { return len(pp.probs) > 0 && !pp.accepted }

// empty reports whether there are no answers at all.
func (pp pageProfile) empty() bool { return pp.p == (score.Profile{}) }

// visit is what this run of the app remembers: the answers the visitor
// gave or edited here (in link form), and the shared result being looked
// at, if any (as it is edited, the edits stay shared too).
var visit = struct {
	own    map[string]bool
	shared string
}{own: map[string]bool{}}

// loadProfile gives the page its profile: the link's fragment, else its
// query (older links, a partner's prefill: moved into the fragment), else
// the visitor's saved answers. A link whose answers are neither the saved
// ones nor ones the visitor gave in this visit is someone's shared result
// (opened from a chat, typed, or pasted).
// On the server there is no fragment and no storage: the page gets
// srcNone and renders its loading state.
func loadProfile(ctx app.Context, embed bool) pageProfile {
	var pp pageProfile
	if !app.IsClient {
		return pp
	}
	damaged = 0 // counted anew for this page
	// read the address as the browser has it: Go's URL parser refuses a
	// link with one bad escape (%zz) as a whole, the profile parser names it
	loc := app.Window().Get("location")
	path := loc.Get("pathname").String()
	frag := strings.TrimPrefix(loc.Get("hash").String(), "#")
	if rest, found := cutPair(frag, mineKey); found {
		frag, pp.fromEmbed = rest, true
	}
	query := strings.TrimPrefix(loc.Get("search").String(), "?")
	if embed {
		query, pp.extra = embedParams(ctx, query)
	}
	fromLink := true
	switch {
	case frag != "":
		pp.raw = frag
	case query != "":
		pp.raw = query
	default:
		fromLink = false
	}
	if fromLink {
		pp.p, pp.probs = score.ParseQuery(pp.raw)
	}
	if fromLink && pp.empty() && len(pp.probs) == 0 {
		fromLink = false // only platform parameters (from=singlemessage…)
	}
	// The address bar: the profile after #, no profile in the query; a
	// link with problems as it came, until they are dealt with.
	keepFrag := ""
	switch {
	case fromLink && len(pp.probs) > 0:
		keepFrag = pp.raw
	case fromLink:
		keepFrag = pp.p.Encode()
	}
	setAddress(path, pp.extra, keepFrag)

	saved, hasSaved, bad := loadSaved(ctx)
	pp.savedProbs = bad
	switch {
	case !fromLink && hasSaved:
		pp.p, pp.src, pp.probs = saved, srcSaved, nil
	case !fromLink || pp.empty():
		pp.src = srcNone // nothing usable: the link's problems, no answers
	case len(pp.probs) == 0 && hasSaved && saved.Encode() == pp.p.Encode():
		pp.src = srcOwn
	case len(pp.probs) == 0 && visit.own[pp.p.Encode()] && pp.p.Encode() != visit.shared:
		pp.src = srcOwn
	default:
		pp.src = srcShared
		visit.shared = pp.p.Encode()
	}
	return pp
}

// cutPair removes one key=value pair from a query-like string.
func cutPair(q, pair string) (string, bool) {
	parts := strings.Split(q, "&")
	for i, p := range parts {
		if p == pair {
			return strings.Join(append(parts[:i:i], parts[i+1:]...), "&"), true
		}
	}
	return q, false
}

// link returns path with the profile after #: browsers never send the
// fragment, so no server receives the answers.
func link(path string, p score.Profile) string {
	if f := p.Encode(); f != "" {
		return path + "#" + f
	}
	return path
}

// setAddress puts path?query#fragment in the address bar without a new
// history entry (and without go-app's ReplaceURL, which would also copy
// the answers into the og:url meta tag).
func setAddress(path, query, frag string) {
	if !app.IsClient {
		return
	}
	s := path
	if query != "" {
		s += "?" + query
	}
	if frag != "" {
		s += "#" + safePercent(frag)
	}
	loc := app.Window().Get("location")
	if loc.Get("pathname").String()+loc.Get("search").String()+loc.Get("hash").String() == s {
		return
	}
	app.Window().Get("history").Call("replaceState", nil, "", s)
}

// safePercent escapes each "%" that does not begin an escape ("%0X" from
// a cut link): Go's URL parser refuses an address with one, and go-app
// reads the address with it (web/boot.js does the same on load).
func safePercent(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && (i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// showProfile keeps the page's profile in the address bar.
func showProfile(ctx app.Context, pp *pageProfile) {
	if app.IsClient {
		setAddress(app.Window().Get("location").Get("pathname").String(), pp.extra, pp.p.Encode())
	}
}

// loadSaved returns the answers saved on this device, if any, and how
// many of their parts could not be read: those are dropped (the saved
// answers are written again without them) and the page says so.
func loadSaved(ctx app.Context) (p score.Profile, ok bool, bad int) {
	if !app.IsClient {
		return p, false, 0
	}
	q := readText(ctx, storeKey)
	if q == "" {
		return p, false, 0
	}
	p, probs := score.ParseQuery(q)
	if _, err := score.Evaluate(p); err != nil {
		probs = append(probs, problemsOf(err)...)
		p = score.Profile{}
	}
	if len(probs) > 0 {
		if p == (score.Profile{}) {
			ctx.LocalStorage().Del(storeKey)
		} else {
			ctx.LocalStorage().Set(storeKey, p.Encode())
		}
	}
	return p, p != (score.Profile{}), len(probs)
}

// saveAnswers keeps the visitor's own answers on this device. Answers
// that cannot be scored are never saved, and neither is an empty profile.
func saveAnswers(ctx app.Context, p score.Profile) bool {
	if !app.IsClient || p == (score.Profile{}) {
		return false
	}
	enc := p.Encode()
	visit.own[enc] = true
	if _, err := score.Evaluate(p); err != nil {
		return false
	}
	cleared = nil // saved anew: nothing to undo any more
	if err := ctx.LocalStorage().Set(storeKey, enc); err != nil {
		app.Log("saving answers failed:", err)
		return false
	}
	return true
}

// edited records that the visitor changed the page's answers: they go to
// the address bar, and are saved unless they are a shared result being
// looked at (those stay shared until "用这些答案继续").
func edited(ctx app.Context, pp *pageProfile) {
	showProfile(ctx, pp)
	if pp.src == srcShared {
		visit.shared = pp.p.Encode()
		return
	}
	pp.src = srcOwn
	saveAnswers(ctx, pp.p)
}

// adopt makes a shared result the visitor's own answers and says what
// happened to the answers saved before.
func adopt(ctx app.Context, pp *pageProfile) string {
	_, had, _ := loadSaved(ctx)
	if !saveAnswers(ctx, pp.p) {
		return "这些答案无法计算，没有保存。"
	}
	pp.src = srcOwn
	visit.shared = ""
	if had {
		return "已用这些答案替换您原来保存在本机的答案。"
	}
	return "已把这些答案保存为您的答案（只保存在本机）。"
}

// profilePage is what the pages that show a profile share: the profile
// and where it came from, whether it has been read (before, in the
// pre-rendered page, the page shows its loading state with no figure) and
// what "用这些答案继续" did.
type profilePage struct {
	pp    pageProfile
	ready bool
	note  string
	calc  bool // the calculator: a link's bad values are shown at their fields
}

// open begins such a page's OnNav: its title and, in the browser, its
// profile. It reports whether the profile was read (false on the server).
func (pg *profilePage) open(ctx app.Context, path string) bool {
	setMeta(ctx, path)
	pg.note = ""
	if !app.IsClient {
		return false
	}
	pg.pp = loadProfile(ctx, false)
	pg.ready, pg.calc = true, path == PathCalc
	return true
}

// notices say what in the link could not be used (holding the figures
// until the visitor chooses), for someone's shared result that it is
// theirs, and what of the saved answers could not be read.
func (pg *profilePage) notices() app.UI {
	return app.Elem("div").Class("notices").Body(
		savedNotice(pg.pp.savedProbs),
		app.If(pg.pp.held(), func() app.UI {
			return heldNotice(&pg.pp, pg.calc, func(ctx app.Context) { pg.pp.accepted = true })
		}).Else(func() app.UI { return problemNotice(pg.pp.probs) }),
		app.If(!pg.pp.held(), func() app.UI {
			return sharedNotice(&pg.pp, pg.note, func(ctx app.Context) { pg.note = adopt(ctx, &pg.pp) })
		}),
	)
}

// held reports whether the page waits for the visitor to deal with the
// link's problems (see pageProfile.held).
func (pg *profilePage) held() bool { return pg.pp.held() }
