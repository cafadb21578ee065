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

func (h *siteHeader) OnMount(ctx app.Context) {
	h.framed = inFrame()
	h.updateAvailable = ctx.AppUpdateAvailable()
	h.installable = ctx.IsAppInstallable()
	h.apple = ctx.IsAppleBrowser()
}

func (h *siteHeader) OnAppUpdate(ctx app.Context) {
	h.updateAvailable = ctx.AppUpdateAvailable()
}

func (h *siteHeader) OnAppInstallChange(ctx app.Context) {
	h.installable = ctx.IsAppInstallable()
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
		app.Elem("p").Class("row").Body(
			app.Elem("button").Attr("type", "button").Class("linklike").ID("clear-data").Text("清除我的数据").OnClick(clearAll),
			app.Elem("a").Attr("href", PathPartners).Text("合作伙伴：嵌入自测"),
		),
	)
}

// clearAll deletes every answer and tick this site keeps on the device.
func clearAll(ctx app.Context, e app.Event) {
	for _, k := range []string{storeKey, storeConditions, storeTicks, batchKey} {
		ctx.LocalStorage().Del(k)
	}
	app.Window().Get("location").Call("assign", "/")
}

// inFrame reports whether the page runs inside an iframe.
func inFrame() bool {
	if !app.IsClient {
		return false
	}
	w := app.Window()
	return !w.Get("top").Equal(w.Get("self"))
}
