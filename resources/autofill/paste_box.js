/*
 * 在留申請 準備アシスタント — the extension's paste box (content script, after fill.js).
 * On the online system's 申込 page only (fill.js refuses any other page): a small button
 * opens a box where the office pastes the assistant's fill payload; 「入力する」 runs
 * window.zairyuFill(text). No network request, no remote code (docs/autofill.md).
 */
(function () {
  "use strict";
  if (!document.getElementById("frm") || document.getElementById("zairyu-paste-open")) return;

  var open = document.createElement("button");
  open.type = "button";
  open.id = "zairyu-paste-open";
  open.textContent = "アシスタントの入力データを貼り付ける";
  open.style.cssText = "position:fixed;bottom:16px;right:16px;z-index:2147483646;padding:8px 12px;" +
    "background:#e8740c;color:#fff;border:0;border-radius:6px;font:14px sans-serif;cursor:pointer";

  var box = document.createElement("div");
  box.id = "zairyu-paste-box";
  box.style.cssText = "display:none;position:fixed;bottom:60px;right:16px;z-index:2147483646;" +
    "width:380px;background:#fff;border:2px solid #e8740c;border-radius:6px;padding:10px;" +
    "font:14px sans-serif;color:#222";
  box.innerHTML = "<div style='margin-bottom:4px'>準備アシスタントの「オンラインシステムに入力」で" +
    "コピーしたデータを貼り付けてください。</div>" +
    "<textarea id='zairyu-paste-text' rows='6' style='width:100%;box-sizing:border-box'></textarea>" +
    "<div style='text-align:right;margin-top:6px'>" +
    "<button type='button' id='zairyu-paste-cancel'>閉じる</button> " +
    "<button type='button' id='zairyu-paste-run'>入力する</button></div>";

  open.addEventListener("click", function (event) {
    event.stopPropagation();
    box.style.display = box.style.display === "none" ? "" : "none";
  });
  box.querySelector("#zairyu-paste-cancel").addEventListener("click", function (event) {
    event.stopPropagation();
    box.style.display = "none";
  });
  box.querySelector("#zairyu-paste-run").addEventListener("click", function (event) {
    event.stopPropagation();
    var area = box.querySelector("#zairyu-paste-text");
    var text = area.value;
    area.value = ""; // the payload does not stay on the page
    box.style.display = "none";
    window.zairyuFill(text);
  });
  document.body.appendChild(open);
  document.body.appendChild(box);
})();
