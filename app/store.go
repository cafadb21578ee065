package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// storeKey is the local-storage key of the saved answers (a profile
// query). Answers never leave the browser.
const storeKey = "jifen.profile"

// loadSaved returns the answers saved on this device, if any.
func loadSaved(ctx app.Context) (score.Profile, bool) {
	if !app.IsClient {
		return score.Profile{}, false
	}
	var q string
	if err := ctx.LocalStorage().Get(storeKey, &q); err != nil || q == "" {
		return score.Profile{}, false
	}
	p, _ := score.ParseQuery(q)
	return p, p != (score.Profile{})
}

// saveAnswers keeps the answers on this device.
func saveAnswers(ctx app.Context, p score.Profile) {
	if !app.IsClient {
		return
	}
	if err := ctx.LocalStorage().Set(storeKey, p.Encode()); err != nil {
		app.Log("saving answers failed:", err)
	}
}

// clearSaved deletes everything this site keeps on the device.
func clearSaved(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ctx.LocalStorage().Del(storeKey)
}

// linkOrSaved reads the profile of the page's link; a page opened without
// one shows the answers saved on this device, and puts them in its link.
func linkOrSaved(ctx app.Context) (score.Profile, score.Problems) {
	p, probs := parseLink(ctx.Page().URL())
	if p == (score.Profile{}) && len(probs) == 0 {
		if saved, ok := loadSaved(ctx); ok {
			replaceQuery(ctx, saved)
			return saved, nil
		}
	}
	return p, probs
}
