package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// navPages are the pages of the site navigation, from the page table.
var navPages = func() []Page {
	var ps []Page
	for _, pg := range Pages {
		if pg.Nav != "" {
			ps = append(ps, pg)
		}
	}
	return ps
}()

// siteHeader is the top bar: the name, the navigation, and the notices
// for a new version and for installing the app.
type siteHeader struct {
	app.Compo
	Active string // the path of the current page

	updateAvailable bool
	installable     bool
	framed          bool
	apple           bool
	showAppleHelp   bool
}

var (
	_ app.Mounter      = (*siteHeader)(nil)
	_ app.AppUpdater   = (*siteHeader)(nil)
	_ app.AppInstaller = (*siteHeader)(nil)
)

// The header's handlers change what it draws only now and then (an
// install prompt, an update): go-app redraws the whole page above a
// component that handles an event, so when nothing changed they say so
// (ctx.PreventUpdate). Without it the page was drawn twice at every start.

func (h *siteHeader) OnMount(ctx app.Context) {
	was := h.drawn()
	h.framed = inFrame()
	h.updateAvailable = ctx.AppUpdateAvailable()
	h.installable = ctx.IsAppInstallable()
	h.apple = ctx.IsAppleBrowser()
	h.unchanged(ctx, was)
}

func (h *siteHeader) OnAppUpdate(ctx app.Context) {
	was := h.drawn()
	h.updateAvailable = ctx.AppUpdateAvailable()
	h.unchanged(ctx, was)
}

func (h *siteHeader) OnAppInstallChange(ctx app.Context) {
	was := h.drawn()
	h.installable = ctx.IsAppInstallable()
	h.unchanged(ctx, was)
}

// drawn is the state the handlers set that the header draws.
func (h *siteHeader) drawn() [4]bool {
	return [4]bool{h.framed, h.updateAvailable, h.installable, h.apple}
}

// unchanged prevents the update when the header draws as it was.
func (h *siteHeader) unchanged(ctx app.Context, was [4]bool) {
	if h.drawn() == was {
		ctx.PreventUpdate()
	}
}

func (h *siteHeader) Render() app.UI {
	return app.Elem("header").Class("site-header").Body(
		app.Elem("div").Class("bar").Body(
			app.Elem("a").Class("brand").Attr("href", PathSelfTest).Body(
				app.ElemSelfClosing("img").Attr("src", "/web/icon.svg").Attr("alt", "图标").Aria("hidden", "true").Attr("width", 28).Attr("height", 28),
				app.Elem("span").Text(SiteName),
			),
			app.If(h.installable && !h.framed, func() app.UI {
				return app.Elem("button").Attr("type", "button").Class("btn btn-small").Text("安装到手机").OnClick(h.install)
			}),
		),
		app.Elem("nav").Aria("label", "主导航").Class("site-nav").Body(
			app.Range(navPages).Slice(func(i int) app.UI {
				pg := navPages[i]
				a := app.Elem("a").Attr("href", pg.Path).Text(pg.Nav)
				if pg.Path == h.Active {
					a = a.Aria("current", "page").Class("active")
				}
				return a
			}),
		),
		app.If(h.updateAvailable, func() app.UI {
			return app.Elem("div").Class("notice notice-info").Role("status").Body(
				app.Elem("button").Attr("type", "button").Class("linklike").Text("新版本可用，点击更新").OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }),
			)
		}),
		app.If(h.showAppleHelp, func() app.UI {
			return app.Elem("div").Class("notice notice-info").Role("status").Body(
				app.Elem("p").Text("在 Safari 中点底部的“分享”按钮，再选“添加到主屏幕”，即可像 App 一样离线使用。"),
			)
		}),
	)
}

func (h *siteHeader) install(ctx app.Context, e app.Event) {
	if h.apple {
		h.showAppleHelp = !h.showAppleHelp
		return
	}
	ctx.ShowAppInstallPrompt()
}

// sitePage is the frame of every page of the site: the header with the
// navigation (active is the current path), the content in main (with the
// class given) and the footer.
func sitePage(active, class string, content ...app.UI) app.HTMLElem {
	return app.Elem("div").Class("page").Body(
		&siteHeader{Active: active},
		app.Elem("main").ID("main").Class("container "+class).Body(content...),
		siteFooter(),
	)
}

// siteFooter is the bottom of every page: privacy, the disclaimer, and
// the way to delete what this site keeps on the device.
func siteFooter() app.UI {
	return app.Elem("footer").Class("site-footer").Body(
		app.Elem("p").Text("隐私：您的答案只在这台设备上计算和保存，不会发送到任何服务器。分享链接把答案放在“#”后面，浏览器不会把这一段发给任何服务器（包括本站）；但收到链接的人能看到这些答案。"),
		app.Elem("p").Text("本工具依据公开资料整理，结果仅供参考；积分以区人才服务中心核定为准。"),
		&clearData{},
		app.Elem("p").Class("row").Body(
			app.Elem("a").Attr("href", PathPartners).Text("合作伙伴：嵌入自测"),
		),
	)
}

// clearData is 清除我的数据: it asks first, then removes every key the app
// keeps on this device, says so, and offers to undo it while the page is
// open (what was removed is kept in memory only).
type clearData struct {
	app.Compo
	confirm bool
	// mounted is the component's own context: work deferred on the
	// context of a button's click is dropped when the button goes, as
	// these do, so the focus is moved through this one.
	mounted app.Context
}

var _ app.Mounter = (*clearData)(nil)

// OnMount keeps the context; nothing drawn changes, so no update.
func (c *clearData) OnMount(ctx app.Context) {
	c.mounted = ctx
	ctx.PreventUpdate()
}

// focusLater focuses an element once the component is drawn again.
func (c *clearData) focusLater(id string) {
	if c.Mounted() {
		c.mounted.Defer(func(app.Context) { focusID(id) })
	}
}

// cleared is what 清除我的数据 removed last, on the page clearedOn, until
// undone, something is saved again, or the page is closed.
var (
	cleared   snapshot
	clearedOn string
)

func (c *clearData) Render() app.UI {
	switch {
	case c.confirm:
		return app.Elem("div").Class("notice notice-warn clear-box").Role("alertdialog").Aria("labelledby", "clear-q").Body(
			app.Elem("p").ID("clear-q").Text("确定清除？这台设备上保存的答案、勾选的条件和材料、提醒日期和名单都会删除。"),
			app.Elem("div").Class("row").Body(
				app.Elem("button").Attr("type", "button").Class("btn btn-small").ID("clear-yes").Text("确定清除").OnClick(c.clear),
				app.Elem("button").Attr("type", "button").Class("btn btn-small btn-ghost").ID("clear-no").Text("取消").
					OnClick(func(ctx app.Context, e app.Event) { c.confirm = false; c.focusLater("clear-data") }),
			),
		)
	case cleared != nil && app.IsClient && app.Window().Get("location").Get("pathname").String() == clearedOn:
		return app.Elem("div").Class("notice notice-info clear-box").Role("status").Attr("data-testid", "cleared").Body(
			app.Elem("p").Text("已清除这台设备上保存的全部数据。"),
			app.Elem("button").Attr("type", "button").Class("btn btn-small").ID("clear-undo").Text("撤销").OnClick(c.undo),
		)
	}
	return app.Elem("p").Body(
		app.Elem("button").Attr("type", "button").Class("linklike").ID("clear-data").Text("清除我的数据").
			OnClick(func(ctx app.Context, e app.Event) { c.confirm = true; c.focusLater("clear-yes") }),
	)
}

func (c *clearData) clear(ctx app.Context, e app.Event) {
	cleared, c.confirm = clearStorage(ctx), false
	clearedOn = app.Window().Get("location").Get("pathname").String()
	visit.own, visit.shared = map[string]bool{}, ""
	reopen(ctx, "cleared")
	c.focusLater("clear-undo")
}

func (c *clearData) undo(ctx app.Context, e app.Event) {
	cleared.restore()
	cleared = nil
	reopen(ctx, "restored")
}

// reopen opens the current page again without answers in its link, so
// that it shows what is (or is again) saved on this device. go-app runs a
// page's OnNav again only for an address it did not just open: the
// fragment carries from=…, a key every page ignores (and drops from the
// address bar), different for each use.
func reopen(ctx app.Context, why string) {
	ctx.Navigate(app.Window().Get("location").Get("pathname").String() + "#from=jifen-" + why)
}

// inFrame reports whether the page runs inside an iframe.
func inFrame() bool {
	if !app.IsClient {
		return false
	}
	w := app.Window()
	return !w.Get("top").Equal(w.Get("self"))
}
