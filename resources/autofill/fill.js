/*
 * 在留申請 準備アシスタント — fill script for the online system's 申込 page.
 *
 * Entry point: window.zairyuFill(payloadText) -> report object.
 * The payload is the JSON text written by `assistant fill payload` (docs/autofill.md):
 *   {"format": "zairyu-fill/1", "procedure_title": "...（区分N）",
 *    "items": [{"key": "<control id or name>", "value": "...", "label": "..."}]}
 *
 * Rules kept here (see docs/autofill.md):
 * - no network request of any kind, no external script: plain DOM only;
 * - refuses a page that is not the 申込 page or whose procedure/区分 title differs;
 * - never clicks a submit control, 確認へ進む, 入力中のデータを保存する, 再選択, 削除;
 *   the only buttons it clicks are a repeat group's 「＋追加する」/「入力追加」;
 * - never touches file inputs;
 * - a value over maxlength or not among the choices is reported, never cut.
 */
(function () {
  "use strict";

  var PANEL_ID = "zairyu-fill-panel";
  var HIGHLIGHT = "3px solid #e8740c";
  var ADD_LABELS = ["＋追加する", "入力追加"];
  var PAGE_TITLE_MARK = "手続き申込：申込";

  function norm(text) {
    return String(text == null ? "" : text).replace(/[\s\u3000]+/g, " ").trim();
  }

  function pageProcedureTitle(doc) {
    var el = doc.querySelector(".c-box--selectProcess__title--sub");
    return el ? norm(el.textContent) : "";
  }

  function isOfferPage(doc) {
    var form = doc.getElementById("frm");
    var title = norm(doc.title);
    return !!form && title.indexOf(PAGE_TITLE_MARK) !== -1 &&
      /offer/i.test(form.getAttribute("action") || "");
  }

  function hiddenByAncestor(el) {
    // The control itself may be styled away (custom radios); its row decides.
    for (var node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (node.style && node.style.display === "none") return node;
      if (window.getComputedStyle(node).display === "none") return node;
    }
    return null;
  }

  function repeatRow(el) {
    for (var node = el.parentElement; node; node = node.parentElement) {
      var m = /^repetition(\d+)_(\d+)$/.exec(node.id || "");
      if (m) return {group: m[1], index: parseInt(m[2], 10), node: node};
    }
    return null;
  }

  function addButton(group, index) {
    var holder = document.getElementById("repetition" + group + "_" + index + "_buttonAdd");
    if (!holder) return null;
    var inputs = holder.querySelectorAll("input[type=button], button[type=button]");
    for (var i = 0; i < inputs.length; i++) {
      var text = norm(inputs[i].value || inputs[i].textContent);
      if (ADD_LABELS.indexOf(text) !== -1) return inputs[i];
    }
    return null;
  }

  function isShown(node) {
    return node.style.display !== "none" && window.getComputedStyle(node).display !== "none";
  }

  // Shows rows 2..index of a repeat group by clicking the page's own add button of the
  // row before, as a user would. Returns the number of clicks, or -1 when a row stays hidden.
  function ensureRow(row, state) {
    var clicks = 0;
    for (var k = 2; k <= row.index; k++) {
      var node = document.getElementById("repetition" + row.group + "_" + k);
      if (!node) return -1;
      if (isShown(node)) continue;
      var button = addButton(row.group, k - 1);
      if (!button) return -1;
      button.click();
      clicks++;
      state.rowsAdded++;
      if (!isShown(node)) return -1;
    }
    return clicks;
  }

  function fire(el, names) {
    for (var i = 0; i < names.length; i++) {
      el.dispatchEvent(new Event(names[i], {bubbles: true}));
    }
  }

  // The focus/blur a user's typing brings, as events: moving the real focus item by item
  // would make the browser lay the page out again each time (seconds on 270 items).
  function focusEvents(el, entering) {
    el.dispatchEvent(new FocusEvent(entering ? "focus" : "blur", {bubbles: false}));
    el.dispatchEvent(new FocusEvent(entering ? "focusin" : "focusout", {bubbles: true}));
  }

  function setNativeValue(el, value) {
    var proto = el.tagName === "TEXTAREA" ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    var desc = Object.getOwnPropertyDescriptor(proto, "value");
    desc.set.call(el, value);
  }

  function labelTextOfChoice(input) {
    if (input.id) {
      var own = document.querySelector("label[for='" + input.id + "']");
      if (own && norm(own.textContent)) return norm(own.textContent);
    }
    var wrap = input.closest("label");
    return wrap ? norm(wrap.textContent) : "";
  }

  // An option text matches the value exactly, or by its Japanese part before the first
  // space (the page shows "有 Yes", "中国 People's Republic of China"; a case holds "男 male").
  function choiceMatches(text, value) {
    text = norm(text);
    value = norm(value);
    if (!value) return false;
    return text === value || text.split(" ")[0] === value.split(" ")[0];
  }

  // Outlines are drawn after the whole fill: a style change between two fills would make
  // every visibility check recompute the page's styles.
  var toHighlight = [];

  function highlight(el) {
    toHighlight.push((el.type === "radio" || el.type === "checkbox") ? (el.closest("dd") || el) : el);
  }

  function drawHighlights() {
    for (var i = 0; i < toHighlight.length; i++) {
      outline(toHighlight[i]);
    }
    toHighlight = [];
  }

  function outline(target) {
    if (target.getAttribute("data-zairyu-filled") !== null) return;
    target.setAttribute("data-zairyu-filled", "1");
    target.setAttribute("data-zairyu-outline", target.style.outline || "");
    target.style.outline = HIGHLIGHT;
    var clear = function (event) {
      if (!event.isTrusted) return; // only the office's own edits clear it
      target.style.outline = target.getAttribute("data-zairyu-outline") || "";
      target.removeAttribute("data-zairyu-filled");
      target.removeEventListener("input", clear, true);
      target.removeEventListener("change", clear, true);
    };
    target.addEventListener("input", clear, true);
    target.addEventListener("change", clear, true);
  }

  var REASONS = {
    missing: "この画面にその項目がありません",
    hidden: "回答により表示されていない項目です",
    row: "繰り返し行を追加できませんでした",
    choice: "選択肢にありません",
    ambiguous: "選択肢が一つに決まりません",
    length: "文字数が上限を超えています",
    file: "ファイルは手で添付してください",
    button: "ボタンには入力しません",
    kind: "この種類の項目には入力できません"
  };

  function resolve(key) {
    var el = document.getElementById(key);
    if (el && el.type === "radio" && el.name) {
      // A radio named by its id stands for its whole group: the value picks the choice.
      return Array.prototype.slice.call(document.getElementsByName(el.name));
    }
    if (el) return [el];
    var named = document.getElementsByName(key);
    return Array.prototype.slice.call(named);
  }

  function fillOne(item, state) {
    var key = String(item.key || "");
    var value = item.value == null ? "" : String(item.value);
    var controls = resolve(key);
    if (!controls.length) return {reason: "missing"};
    var first = controls[0];
    var tag = first.tagName;
    var type = (first.getAttribute("type") || "").toLowerCase();
    if (tag === "INPUT" && type === "file") return {reason: "file"};
    if (tag === "BUTTON" || (tag === "INPUT" && /^(submit|button|reset|image)$/.test(type))) {
      return {reason: "button"};
    }
    var row = repeatRow(first);
    if (row && hiddenByAncestor(row.node)) return {reason: "hidden"}; // the whole group is off
    if (row && !isShown(row.node) && ensureRow(row, state) < 0) return {reason: "row"};
    if (hiddenByAncestor(first)) return {reason: "hidden"};

    if (tag === "SELECT") {
      var matches = [];
      for (var i = 0; i < first.options.length; i++) {
        if (choiceMatches(first.options[i].text, value)) matches.push(i);
      }
      if (!matches.length) return {reason: "choice", detail: value};
      if (matches.length > 1) return {reason: "ambiguous", detail: value};
      focusEvents(first, true);
      first.selectedIndex = matches[0];
      fire(first, ["input", "change"]);
      focusEvents(first, false);
      highlight(first);
      return null;
    }
    if (tag === "INPUT" && (type === "radio" || type === "checkbox")) {
      if (type === "checkbox" && controls.length === 1 && /^(true|false)$/.test(value)) {
        var want = value === "true";
        if (first.checked !== want) first.click();
        highlight(first);
        return null;
      }
      var wanted = type === "checkbox" ? value.split("\n") : [value];
      var picked = [];
      for (var w = 0; w < wanted.length; w++) {
        var hits = controls.filter(function (c) { return choiceMatches(labelTextOfChoice(c), wanted[w]); });
        if (!hits.length) return {reason: "choice", detail: wanted[w]};
        if (hits.length > 1) return {reason: "ambiguous", detail: wanted[w]};
        picked.push(hits[0]);
      }
      for (var p = 0; p < picked.length; p++) {
        if (!picked[p].checked) picked[p].click(); // a user's click: click, input, change
        highlight(picked[p]);
      }
      return null;
    }
    if (tag === "TEXTAREA" || (tag === "INPUT" && /^(text|tel|email|number|date|search|url|)$/.test(type))) {
      var max = first.maxLength;
      if (max > 0 && value.length > max) {
        return {reason: "length", detail: value.length + "文字（上限" + max + "文字）"};
      }
      focusEvents(first, true);
      setNativeValue(first, value);
      fire(first, ["input", "change"]);
      focusEvents(first, false);
      highlight(first);
      return null;
    }
    return {reason: "kind"};
  }

  function escapeText(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function showPanel(report) {
    var old = document.getElementById(PANEL_ID);
    if (old) old.remove();
    var panel = document.createElement("div");
    panel.id = PANEL_ID;
    panel.setAttribute("role", "status");
    panel.style.cssText = "position:fixed;top:12px;right:12px;z-index:2147483647;max-width:420px;" +
      "max-height:70vh;overflow:auto;background:#fff;color:#222;border:2px solid #e8740c;" +
      "border-radius:6px;padding:10px 14px;font:14px/1.5 sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)";
    var html = "<div style='font-weight:bold;margin-bottom:4px'>準備アシスタント：自動入力</div>";
    if (!report.ok) {
      html += "<div class='zairyu-message' style='color:#b00020'>" + escapeText(report.message) + "</div>";
    } else {
      html += "<div>入力した項目：<span class='zairyu-filled-count'>" + report.filled + "</span>件</div>";
      html += "<div>入力できなかった項目：<span class='zairyu-notfilled-count'>" +
        report.notFilled.length + "</span>件</div>";
      if (report.notFilled.length) {
        html += "<ul style='margin:4px 0 4px 18px;padding:0'>";
        for (var i = 0; i < report.notFilled.length; i++) {
          var n = report.notFilled[i];
          html += "<li class='zairyu-notfilled'>" + escapeText((n.label || n.key) + "：" + n.reason +
            (n.detail ? "（" + n.detail + "）" : "")) + "</li>";
        }
        html += "</ul>";
      }
      html += "<div style='margin-top:6px;color:#b00020'>添付ファイル（顔写真・PDF）は入力されません。" +
        "画面で手で添付してください。</div>";
      html += "<div style='margin-top:4px;color:#555'>入力した項目は枠で示しています（編集すると消えます）。" +
        "送信前に画面の内容を必ず確かめてください。</div>";
    }
    html += "<div style='text-align:right;margin-top:6px'><a href='#' class='zairyu-close'>閉じる</a></div>";
    panel.innerHTML = html;
    panel.querySelector(".zairyu-close").addEventListener("click", function (event) {
      event.preventDefault();
      panel.remove();
    });
    document.body.appendChild(panel);
  }

  function refuse(message) {
    var report = {ok: false, message: message, filled: 0, notFilled: [], rowsAdded: 0};
    showPanel(report);
    return report;
  }

  window.zairyuFill = function (payloadText) {
    var started = (window.performance && performance.now) ? performance.now() : Date.now();
    var payload;
    try {
      payload = JSON.parse(payloadText);
    } catch (e) {
      return refuse("入力データを読めません。アシスタントの「オンラインシステムに入力」で" +
        "コピーしたデータを貼り付けてください。");
    }
    if (!payload || payload.format !== "zairyu-fill/1" || !Array.isArray(payload.items)) {
      return refuse("入力データの形式が違います。アシスタントで作ったデータを使ってください。");
    }
    if (!isOfferPage(document)) {
      return refuse("この画面はオンラインシステムの申込画面ではありません。何も入力していません。");
    }
    var pageTitle = pageProcedureTitle(document);
    var wantTitle = norm(payload.procedure_title);
    if (pageTitle !== wantTitle) {
      return refuse("手続き・区分が案件と違います。画面：「" + (pageTitle || "不明") + "」、案件：「" +
        wantTitle + "」。何も入力していません。");
    }
    var state = {rowsAdded: 0};
    var report = {ok: true, message: "", filled: 0, notFilled: [], rowsAdded: 0, filledKeys: []};
    for (var i = 0; i < payload.items.length; i++) {
      var item = payload.items[i];
      var problem;
      try {
        problem = fillOne(item, state);
      } catch (e) {
        problem = {reason: "kind", detail: String(e && e.message || e)};
      }
      if (problem) {
        report.notFilled.push({key: item.key, label: item.label || item.key,
          reason: REASONS[problem.reason], code: problem.reason, detail: problem.detail || ""});
      } else {
        report.filled++;
        report.filledKeys.push(item.key);
      }
    }
    drawHighlights();
    report.rowsAdded = state.rowsAdded;
    var ended = (window.performance && performance.now) ? performance.now() : Date.now();
    report.elapsedMs = ended - started;
    showPanel(report);
    return report;
  };
})();
