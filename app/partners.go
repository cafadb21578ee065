package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// partnersPage is /partners, a configurator: the partner's name, button
// text, contact page and colour, with the snippet and a live preview (the
// real embed, through web/embed.js) following as they type; the events
// and an example listener; what the visitor sees before anything is sent;
// the options and the privacy promise.
type partnersPage struct {
	app.Compo
	origin string
	copied string

	// the fields as typed
	partner, cta, ctaURL, theme, themeText string
	// events are what the preview's page received, newest last
	events []string
	listen app.Func
}

// partnerEvents are the events embed.js dispatches on the snippet's div.
var partnerEvents = []string{"jifen:ready", "jifen:step", "jifen:complete", "jifen:lead"}

var (
	_ app.Navigator  = (*partnersPage)(nil)
	_ app.Mounter    = (*partnersPage)(nil)
	_ app.Dismounter = (*partnersPage)(nil)
)

// OnNav sets the page's origin for the snippet.
func (c *partnersPage) OnNav(ctx app.Context) {
	setMeta(ctx, PathPartners)
	// the site's own origin: the browser knows it; the pre-rendered page
	// uses the -origin the server was given, never the request's Host
	c.origin = app.Getenv("JIFEN_ORIGIN")
	if app.IsClient {
		c.origin = app.Window().Get("location").Get("origin").String()
	} else if c.origin == "" {
		c.origin = "https://本站地址"
	}
	if c.theme == "" {
		c.theme, c.themeText = ourAccent, ourAccent
	}
}

// OnMount loads embed.js for the preview and listens to the events it
// dispatches, as a partner's page would.
func (c *partnersPage) OnMount(ctx app.Context) {
	w := app.Window()
	doc := w.Get("document")
	c.listen = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		ev := args[0]
		line := ev.Get("type").String() + " " + w.Get("JSON").Call("stringify", ev.Get("detail")).String()
		ctx.Dispatch(func(ctx app.Context) {
			c.events = append(c.events, line)
			if len(c.events) > 12 {
				c.events = c.events[len(c.events)-12:]
			}
		})
		return nil
	})
	for _, name := range partnerEvents {
		doc.Call("addEventListener", name, c.listen)
	}
	if !w.Get("jifenEmbed").Truthy() && !doc.Call("querySelector", `script[src="/web/embed.js"]`).Truthy() {
		s := doc.Call("createElement", "script")
		s.Set("src", "/web/embed.js")
		s.Set("async", true)
		doc.Get("head").Call("appendChild", s)
	}
}

// OnDismount stops listening.
func (c *partnersPage) OnDismount() {
	if c.listen == nil {
		return
	}
	doc := app.Window().Get("document")
	for _, name := range partnerEvents {
		doc.Call("removeEventListener", name, c.listen)
	}
	c.listen.Release()
	c.listen = nil
}

// copySnippet copies the code, or selects it where the clipboard is not
// available.
func (c *partnersPage) copySnippet(ctx app.Context, e app.Event) {
	text := app.Window().Get("document").Call("getElementById", "snippet").Get("textContent").String()
	copyText(ctx, text, func(ctx app.Context, res copyResult) {
		c.copied = [...]string{copied: "代码已复制。", copyFailed: "无法自动复制：请选中上面的代码手动复制。", noClipboard: "请选中上面的代码手动复制。"}[res]
	})
}

// partnerConfig is what the fields give: the valid values, and for each
// field a problem in words ("" when fine).
type partnerConfig struct {
	partner, cta, ctaURL, theme             string
	partnerErr, ctaErr, ctaURLErr, themeErr string
}

func (c *partnersPage) config() partnerConfig {
	var pc partnerConfig
	var ok bool
	if s := strings.TrimSpace(c.partner); s != "" {
		if pc.partner, ok = parseLabel(s, maxPartnerName); !ok {
			pc.partnerErr = "名称最多 " + itoa(maxPartnerName) + " 个字。"
		}
	}
	if s := strings.TrimSpace(c.cta); s != "" {
		if pc.cta, ok = parseLabel(s, maxCTAText); !ok {
			pc.ctaErr = "按钮文字最多 " + itoa(maxCTAText) + " 个字。"
		}
	}
	if s := strings.TrimSpace(c.ctaURL); s != "" {
		if pc.ctaURL, ok = parseCTAURL(s); !ok {
			pc.ctaURLErr = "请填以 https:// 开头的完整地址，如 https://www.您的网站.com/contact。"
		}
	}
	if pc.theme, ok = ParseTheme(strings.TrimSpace(c.themeText)); !ok {
		pc.theme, pc.themeErr = c.theme, "请填 # 加 6 位色值，如 #0f6b5c。"
	}
	return pc
}

// attrs are the snippet's attributes, in order, with valid values only.
func (pc partnerConfig) attrs() [][2]string {
	var a [][2]string
	for _, kv := range [][2]string{{"data-partner", pc.partner}, {"data-cta", pc.cta}, {"data-cta-url", pc.ctaURL}, {"data-theme", pc.theme}} {
		if kv[1] != "" {
			a = append(a, kv)
		}
	}
	return a
}

// snippet is the code to copy.
func (pc partnerConfig) snippet(origin string) string {
	var b strings.Builder
	b.WriteString("<div data-jifen-embed")
	for _, kv := range pc.attrs() {
		b.WriteString("\n     " + kv[0] + `="` + htmlAttr(kv[1]) + `"`)
	}
	b.WriteString("></div>\n<script src=\"" + origin + "/web/embed.js\" async></script>")
	return b.String()
}

// htmlAttr escapes a value for a double-quoted HTML attribute.
var htmlAttr = strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", ">", "&gt;").Replace

// exampleListener is ten lines for the partner's page.
const exampleListener = `const box = document.querySelector("[data-jifen-embed]");
box.addEventListener("jifen:step", (e) => {
  console.log("第", e.detail.step, "/", e.detail.of, "题");
});
box.addEventListener("jifen:complete", () => console.log("看到了结果"));
box.addEventListener("jifen:lead", (e) => {
  // 访客看过并按了“发送并前往”；联系页面已在新标签页打开
  const { total, meets, gap, reach } = e.detail; // reach 如 "2031-12" 或 null
  fetch("/api/lead", { method: "POST", body: JSON.stringify(e.detail) });
});`

// Render draws the page.
func (c *partnersPage) Render() app.UI {
	pc := c.config()
	opts := [][2]string{
		{"data-jifen-embed", "必填：放自测的位置；一页可以放多个，后来加入页面的也会出现。"},
		{"data-partner", "您的机构名称（最多 " + itoa(maxPartnerName) + " 个字），在按钮下方和发送前的确认里显示给访客。"},
		{"data-cta", "结果下方按钮的文字（最多 " + itoa(maxCTAText) + " 个字），如“预约免费咨询”；不填时为“" + defaultCTA + "”。"},
		{"data-cta-url", "您的联系页面，必须以 https:// 开头；填了它才出现按钮。访客同意发送后，它在新标签页打开。"},
		{"data-theme", "主题色，如 #0f6b5c；用于按钮、总分和进度条。与白色的对比度不足 4.5:1 时仍用本站的颜色（控制台有提示）。"},
		{"data-profile", "预填答案（可选），键与分享链接相同，如 education=master；只在您确知访客情况时用，访客可以修改。"},
		{"data-height", "初始高度（像素，120 到 10000），默认 560；加载后按内容自动调整。"},
		{"data-sandbox", "写上即用 sandbox iframe（allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox）运行，更严格的隔离；事件和按钮照常工作。"},
	}
	events := [][3]string{
		{"jifen:ready", "自测已加载，可以作答。", "{}"},
		{"jifen:step", "访客看到第几题：每换一题一次，第一题和“重新测试”后也有。", "{step: 2, of: 6}"},
		{"jifen:complete", "访客看到了结果。不含答案，也不含分数。", "{}"},
		{"jifen:lead", "访客看过要发送的那一句，并按了“发送并前往”。reach 是预计达到 " + stdText + " 分的月份（已达到时为本月，推算不出时为 null）。", `{total: 105, meets: false, gap: 15, reach: "2031-12"}`},
	}
	return sitePage(PathPartners, "",
		app.Elem("h1").Class("page-title").Text("把 30 秒自测放进您的网页"),
		app.Elem("p").Text("咨询公司、人力资源公司、社区和学校网站可以免费嵌入本计算器的自测：访客不用留手机号就能看到自己的积分；看完结果，可以按您的按钮联系您，发送什么由访客看过后决定。"),
		c.renderForm(pc),
		app.Elem("section").Class("card").Aria("labelledby", "code-title").Body(
			app.Elem("h2").ID("code-title").Text("2. 复制代码"),
			app.Elem("p").Class("small muted").Text("放到您网页中要显示自测的位置。代码随上面的设置更新。"),
			app.Elem("pre").Class("code").ID("snippet").Attr("data-testid", "snippet").Text(pc.snippet(c.origin)),
			app.Elem("button").Attr("type", "button").Class("btn btn-small").Text("复制代码").OnClick(c.copySnippet),
			app.If(c.copied != "", func() app.UI { return app.Elem("p").Role("status").Class("small").Text(c.copied) }),
			app.Elem("p").Class("small muted").Text("iframe 的高度随内容自动调整。也可以不用脚本、直接用 iframe："+c.origin+"/embed?parent=您网站的地址（https:// 加域名，如 https://www.您的网站.com，不带路径）&theme=%230f6b5c&partner=…&cta=…&cta_url=…；没有 parent 时，iframe 不向任何页面发送消息，也不显示按钮。"),
		),
		app.Elem("section").Class("card").Aria("labelledby", "preview-title").Body(
			app.Elem("h2").ID("preview-title").Text("3. 预览"),
			app.Elem("p").Class("small muted").Text(previewHint(pc)),
			c.renderPreview(pc),
			app.Elem("h3").ID("events-title").Text("这个页面收到的事件"),
			app.Elem("ol").Class("event-log").Attr("data-testid", "preview-events").Aria("labelledby", "events-title").Aria("live", "polite").Body(
				app.If(len(c.events) == 0, func() app.UI { return app.Elem("li").Class("muted").Text("还没有：预览加载后会出现。") }),
				app.Range(c.events).Slice(func(i int) app.UI { return app.Elem("li").Body(app.Elem("code").Text(c.events[i])) }),
			),
		),
		app.Elem("section").Class("card").Aria("labelledby", "consent-words").Body(
			app.Elem("h2").ID("consent-words").Text("访客在发送前看到什么"),
			app.Elem("p").Text("访客做完自测，结果下方是到 "+stdText+" 分的月份和最快的办法，然后是您的按钮，按钮下写着“由您的名称（您的域名）提供”。"),
			app.Elem("p").Text("按下按钮，先出现一个确认框：“发送给您的名称（您的域名）？”，下面是要发送的那一句，例如“总分 105 分，还差 15 分，预计 2031 年 12 月达到 "+stdText+" 分”，并写明不发送任何答案，也没有姓名和电话。"),
			app.Elem("p").Text("访客按“发送并前往”，您的页面才收到 jifen:lead，联系页面在新标签页打开；按“不用了”，什么也不发送，您的页面也不会知道。域名是浏览器确认的您页面的域名，别人冒用不了：消息只发往这个域名。"),
		),
		app.Elem("section").Class("card").Aria("labelledby", "events-ref").Body(
			app.Elem("h2").ID("events-ref").Text("事件"),
			app.Elem("p").Class("small").Text("事件在 data-jifen-embed 的 div 上触发（会冒泡），只来自本站的 iframe；事件里从不包含访客的答案。"),
			app.Elem("dl").Class("event-list").Body(app.Range(events).Slice(func(i int) app.UI {
				return app.Elem("div").Class("event-item").Body(
					app.Elem("dt").Body(app.Elem("code").Text(events[i][0])),
					app.Elem("dd").Text(events[i][1]),
					app.Elem("dd").Class("small").Body(app.Text("detail："), app.Elem("code").Text(events[i][2])),
				)
			})),
			app.Elem("h3").Text("示例"),
			app.Elem("pre").Class("code").Attr("data-testid", "example-listener").Text(exampleListener),
		),
		app.Elem("section").Class("card").Aria("labelledby", "opts-title").Body(
			app.Elem("h2").ID("opts-title").Text("全部选项"),
			app.Elem("p").Class("small").Text("格式不对的值不使用，浏览器控制台会有一条提示，写明是哪个属性。"),
			app.Elem("table").Class("table").Body(
				app.Elem("tbody").Body(app.Range(opts).Slice(func(i int) app.UI {
					return app.Elem("tr").Body(app.Elem("td").Body(app.Elem("code").Text(opts[i][0])), td(opts[i][1]))
				})),
			),
		),
		app.Elem("section").Class("card").Aria("labelledby", "privacy-title").Body(
			app.Elem("h2").ID("privacy-title").Text("隐私承诺"),
			app.Elem("p").Text("访客的答案只在其浏览器里计算，不会发送到我们或您的服务器；嵌入的页面不加载任何第三方脚本、字体或统计代码，也不设置第三方 Cookie。"),
			app.Elem("p").Text("您的页面收到：iframe 的高度、自测已加载、第几题、已看到结果。只有访客按下“发送并前往”，才收到总分、是否达到 "+stdText+" 分、还差几分和预计月份这四项。"),
		),
	)
}

// previewHint says what the preview shows with these settings.
func previewHint(pc partnerConfig) string {
	if pc.ctaURL == "" {
		return "这就是访客看到的自测，可以直接试答。填上联系页面地址后，结果下方会出现您的按钮。"
	}
	return "这就是访客看到的自测，可以直接试答；结果下方是您的按钮。在这里按“发送并前往”，下面会列出这个页面收到的内容。"
}

// renderForm is the configurator's fields.
func (c *partnersPage) renderForm(pc partnerConfig) app.UI {
	ratio := contrastWithWhite(pc.theme)
	contrast := "与白色的对比度 " + ratioText(ratio) + "：按钮、总分和进度条都用这个颜色。"
	if ratio < minContrast {
		contrast = "与白色的对比度只有 " + ratioText(ratio) + "（需要 4.5:1）：颜色太浅，按钮和文字会用本站的颜色 " + ourAccent + "。请选深一些的颜色。"
	}
	return app.Elem("section").Class("card configurator").Aria("labelledby", "cfg-title").Body(
		app.Elem("h2").ID("cfg-title").Text("1. 设置"),
		app.Elem("p").Class("small muted").Text("都可以不填。填了联系页面，结果下方才会出现您的按钮。"),
		cfgField("cfg-partner", "机构名称", "访客会看到，如“某某人才咨询”", "text", c.partner, pc.partnerErr, maxPartnerName, func(v string) { c.partner = v }),
		cfgField("cfg-cta", "按钮文字", "如“预约免费咨询”；不填为“"+defaultCTA+"”", "text", c.cta, pc.ctaErr, maxCTAText, func(v string) { c.cta = v }),
		cfgField("cfg-cta-url", "联系页面地址", "https:// 开头，如 https://www.您的网站.com/contact", "url", c.ctaURL, pc.ctaURLErr, maxCTAURL, func(v string) { c.ctaURL = v }),
		app.Elem("div").Class("cfg-field").Body(
			app.Elem("span").ID("cfg-theme-label").Class("cfg-label").Text("主题色"),
			app.Elem("div").Class("cfg-color-row").Body(
				app.ElemSelfClosing("input").Attr("type", "color").ID("cfg-theme").Class("cfg-color").Attr("value", pc.theme).
					Aria("label", "主题色：选颜色").OnInput(c.onColor),
				app.ElemSelfClosing("input").Attr("type", "text").ID("cfg-theme-hex").Class("text-input cfg-hex").Attr("value", c.themeText).
					Aria("label", "主题色：色值").Attr("inputmode", "text").Attr("autocomplete", "off").Attr("spellcheck", "false").
					Attr("aria-invalid", boolText(pc.themeErr != "")).Aria("describedby", "cfg-theme-note").OnInput(c.onHex),
			),
			app.Elem("p").ID("cfg-theme-note").Class("small").Attr("data-testid", "contrast").Text(firstNonEmpty(pc.themeErr, contrast)),
		),
	)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// cfgField is one text field of the configurator, with its hint and its
// problem.
func cfgField(id, label, hint, typ, value, problem string, maxLen int, set func(string)) app.UI {
	described := id + "-hint"
	if problem != "" {
		described += " " + id + "-err"
	}
	return app.Elem("div").Class("cfg-field").Body(
		app.Elem("label").Attr("for", id).Class("cfg-label").Text(label),
		app.ElemSelfClosing("input").Attr("type", typ).ID(id).Class("text-input").Attr("value", value).
			Attr("maxlength", maxLen).Attr("autocomplete", "off").Attr("aria-invalid", boolText(problem != "")).
			Aria("describedby", described).
			OnInput(func(ctx app.Context, e app.Event) { set(ctx.JSSrc().Get("value").String()) }, app.EventScope(id)),
		app.Elem("p").ID(id+"-hint").Class("small muted cfg-hint").Text(hint),
		app.If(problem != "", func() app.UI { return app.Elem("p").ID(id + "-err").Class("field-error").Text(problem) }),
	)
}

// onColor takes the colour picker's value, and writes it in the text field.
func (c *partnersPage) onColor(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	if t, ok := ParseTheme(v); ok {
		c.theme, c.themeText = t, t
		ctx.Defer(func(app.Context) { setProp("cfg-theme-hex", t) })
	}
}

// onHex takes a typed colour, and shows it in the picker when valid.
func (c *partnersPage) onHex(ctx app.Context, e app.Event) {
	c.themeText = ctx.JSSrc().Get("value").String()
	if t, ok := ParseTheme(strings.TrimSpace(c.themeText)); ok {
		c.theme = t
		ctx.Defer(func(app.Context) { setProp("cfg-theme", t) })
	}
}

// setProp sets an input's value on screen (go-app's value attribute is
// not enough once the visitor typed in it).
func setProp(id, v string) {
	if el := app.Window().Get("document").Call("getElementById", id); el.Truthy() {
		el.Set("value", v)
	}
}

// renderPreview is the real embed: a div for embed.js, which follows its
// attributes (go-app never sets an empty one, hence the value of
// data-jifen-embed).
func (c *partnersPage) renderPreview(pc partnerConfig) app.UI {
	div := app.Elem("div").ID("preview").Class("preview").Attr("data-jifen-embed", "preview")
	for _, kv := range pc.attrs() {
		div = div.Attr(kv[0], kv[1])
	}
	return div
}
