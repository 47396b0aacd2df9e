import Foundation
import JianzhengReports

typealias HTMLText = Markup<HTML>

/// The frame every page shares: title, navigation, the reviewer's name, and the stylesheet and script served by
/// the workbench itself (no network resource; CJK fonts from the system).
enum PageLayout {
    enum Section: String, CaseIterable {
        case overview = "/", catalogue = "/catalogue", proposal = "/proposal", downloads = "/downloads"

        var label: String {
            switch self {
            case .overview: "总览"
            case .catalogue: "事项目录"
            case .proposal: "变更试算"
            case .downloads: "下载"
            }
        }
    }

    static func page(title: String, section: Section?, name: String?, body: HTMLText, notice: String? = nil) -> String {
        let navigation = HTMLText.joined(Section.allCases.map { item in
            item == section ? "<a href=\"\(item.rawValue)\" aria-current=\"page\">\(item.label)</a>" : "<a href=\"\(item.rawValue)\">\(item.label)</a>"
        })
        let who: HTMLText = name.map { "<span class=\"who\">审核人：\($0)</span>" } ?? "<span class=\"who\">未填写审核人</span>"
        let flash: HTMLText = notice.map { "<p class=\"flash\" role=\"status\">\($0)</p>" } ?? ""
        let page: HTMLText = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · 减证审查工作台</title>
            <link rel="stylesheet" href="/static/workbench.css">
            <script src="/static/workbench.js" defer></script>
            </head>
            <body>
            <header class="bar"><strong>减证审查工作台</strong><nav>\(navigation)</nav>\(who)</header>
            <main>
            \(flash)<h1>\(title)</h1>
            \(body)
            </main>
            </body>
            </html>

            """
        return page.text
    }

    /// The hidden CSRF field every form carries.
    static func csrfField(_ token: String) -> HTMLText { "<input type=\"hidden\" name=\"csrf\" value=\"\(token)\">" }

    /// The reviewer's name field, filled from the cookie.
    static func nameField(_ name: String?) -> HTMLText {
        "<label>审核人 <input name=\"author\" required maxlength=\"60\" value=\"\(name ?? "")\"></label>"
    }

    static let stylesheet = """
        :root { --remove: #c0392b; --share: #2e86c1; --commit: #d68910; --keep: #7f8c8d; }
        body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: #1b1b1b; background: #fafafa; }
        header.bar { display: flex; gap: 1.5em; align-items: center; padding: 0.6em 1.2em; background: #1f3a5f; color: #fff; }
        header.bar a { color: #dfe8f5; margin-right: 1em; text-decoration: none; } header.bar a[aria-current] { color: #fff; font-weight: bold; border-bottom: 2px solid #fff; }
        header.bar .who { margin-left: auto; font-size: 0.9em; }
        main { max-width: 72em; margin: 1em auto; padding: 0 1.2em; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
        table.grid { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.92em; }
        table.grid th, table.grid td { border: 1px solid #ccd; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        table.grid th { background: #eef2f7; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
        form.filters { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: end; background: #fff; padding: 0.8em; border: 1px solid #ccd; }
        form.filters label { display: flex; flex-direction: column; font-size: 0.85em; }
        .flash { background: #e8f6e8; border: 1px solid #9c9; padding: 0.5em 0.8em; }
        .error { background: #fdecea; border: 1px solid #e99; padding: 0.5em 0.8em; }
        .pager { margin: 0.8em 0; display: flex; gap: 1em; }
        .cards { display: flex; flex-wrap: wrap; gap: 1em; } .card { background: #fff; border: 1px solid #ccd; padding: 0.8em 1em; min-width: 12em; }
        .card b { display: block; font-size: 1.6em; }
        .decision { background: #fff; border: 1px solid #ccd; margin: 1em 0; padding: 0.6em 1em; }
        .decision .review { border-top: 1px dashed #ccd; margin-top: 0.6em; padding-top: 0.6em; }
        .status { display: inline-block; padding: 0.1em 0.5em; border-radius: 0.3em; background: #eee; }
        .status.已核 { background: #d5f5e3; } .status.有异议 { background: #fadbd8; } .status.已签发 { background: #d6eaf8; }
        .outdated { color: #a04000; font-weight: bold; }
        .note { margin: 0.3em 0; } .note.serious { border-left: 4px solid var(--remove); padding-left: 0.5em; } .note.resolved { color: #888; text-decoration: line-through; }
        textarea { width: 100%; min-height: 18em; font-family: monospace; } textarea.note { min-height: 4em; font-family: inherit; }
        form.inline { display: inline; } figure { margin: 1em 0; } figcaption { font-weight: bold; }
        pre.diagnostics { background: #fff7f0; border: 1px solid #e0b080; padding: 0.6em; white-space: pre-wrap; }
        details pre { white-space: pre-wrap; background: #f4f4f4; padding: 0.6em; }
        svg text { font-family: inherit; font-size: 12px; }
        """

    /// Progressive help only: a chosen file is read into the proposal's text area; a filter menu submits its form.
    /// Every page reads and works without it.
    static let script = """
        document.addEventListener('DOMContentLoaded', function () {
          var file = document.getElementById('proposal-file');
          var text = document.getElementById('proposal-text');
          if (file && text) {
            file.addEventListener('change', function () {
              if (!file.files.length) { return; }
              var reader = new FileReader();
              reader.onload = function () { text.value = reader.result; };
              reader.readAsText(file.files[0], 'utf-8');
            });
          }
          document.querySelectorAll('form.filters select').forEach(function (select) {
            select.addEventListener('change', function () { select.form.submit(); });
          });
        });
        """
}
