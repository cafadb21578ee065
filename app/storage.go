package app

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// What the app keeps in this device's local storage, and nothing else:
// 清除我的数据 removes every key of storeKeys. Saved data is untrusted
// (another version, another tab, a person with the developer tools): a
// value of the wrong shape is treated as empty, removed, and counted so
// that the page can say that something could not be read.
const (
	storeKey        = "jifen.profile"       // the visitor's answers, in link form
	storeConditions = "jifen.conditions"    // the guide's confirmed conditions
	storeTicks      = "jifen.ticks"         // the materials ticked
	storeAnswers    = "jifen.answers"       // the checklist's questions answered
	storeExpiry     = "jifen.permit_expiry" // the permit's expiry date, YYYY-MM-DD
	storeBatch      = "jifen.batch"         // an HR officer's staff table, when asked to keep it
)

// storeKeys are every key the app writes.
var storeKeys = []string{storeKey, storeConditions, storeTicks, storeAnswers, storeExpiry, storeBatch}

// damaged counts what could not be read from storage in this run of the
// app (it was removed), for the notice that says so.
var damaged int

// rawItem is the stored text of a key, and whether there is one.
func rawItem(key string) (string, bool) {
	if !app.IsClient {
		return "", false
	}
	v := app.Window().Get("localStorage").Call("getItem", key)
	if v.IsNull() || v.IsUndefined() {
		return "", false
	}
	return v.String(), true
}

// dropDamaged removes a key that could not be read and counts it.
func dropDamaged(ctx app.Context, key string) {
	ctx.LocalStorage().Del(key)
	damaged++
}

// readFlags reads a key that holds ticks by ID ({"permit": true}). A
// missing key is empty; null or any other shape is empty too, and removed.
func readFlags(ctx app.Context, key string) map[string]bool {
	flags := map[string]bool{}
	raw, ok := rawItem(key)
	if !ok {
		return flags
	}
	var m map[string]bool
	if err := json.Unmarshal([]byte(raw), &m); err != nil || m == nil {
		dropDamaged(ctx, key)
		return flags
	}
	for k, v := range m {
		if len(k) <= 64 && v {
			flags[k] = true
		}
	}
	return flags
}

// readText reads a key that holds a string. A missing key is "";
// anything but a JSON string is "" too, and removed.
func readText(ctx app.Context, key string) string {
	raw, ok := rawItem(key)
	if !ok {
		return ""
	}
	var s string
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		dropDamaged(ctx, key)
		return ""
	}
	return s
}

// snapshot is what 清除我的数据 removed, kept in memory while the page is
// open so that it can be undone.
type snapshot map[string]string

// clearStorage removes every key the app writes and returns what was
// there.
func clearStorage(ctx app.Context) snapshot {
	snap := snapshot{}
	for _, k := range storeKeys {
		if raw, ok := rawItem(k); ok {
			snap[k] = raw
		}
		ctx.LocalStorage().Del(k)
	}
	if app.IsClient {
		// boot.js's count of page loads (no answer in it)
		app.Window().Get("sessionStorage").Call("removeItem", "jifen.loads")
	}
	damaged = 0
	return snap
}

// restore puts a snapshot back.
func (s snapshot) restore() {
	if !app.IsClient {
		return
	}
	ls := app.Window().Get("localStorage")
	for k, v := range s {
		ls.Call("setItem", k, v)
	}
}
