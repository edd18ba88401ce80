// On English pages, Chinese data (names, addresses, reasons typed by staff) is marked lang="zh-CN" so screen readers and
// fonts treat it as Chinese. The server marks what it knows; this covers every other element whose own text is Chinese.
(function () {
  var cjk = /[\u3400-\u4dbf\u4e00-\u9fff\uff08\uff09\u3001\u3002]/;
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  var marked = [];
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var parent = node.parentElement;
    if (!parent || !cjk.test(node.nodeValue) || parent.closest('script,style')) {
      continue;
    }

    var owner = parent.closest('[lang]');
    if (!owner || owner === document.documentElement) {
      marked.push(parent);
    }
  }

  marked.forEach(function (el) { el.setAttribute('lang', 'zh-CN'); });
})();
