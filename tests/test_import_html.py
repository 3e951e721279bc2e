"""HTML sources: the article's title and paragraphs, none of the page around them."""

from pathlib import Path

from translate_kit.importer.article import clean_article
from translate_kit.importer.extract import from_html
from translate_kit.importer.repair import Repairer

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>泰州召開會議 - 泰州新聞網</title>
<style>p { color: red }</style><script>var tracking = "追蹤代碼";</script></head>
<body>
<header class="site-header"><a href="/">首頁</a></header>
<nav><ul><li>首頁導航</li><li>國內新聞</li></ul></nav>
<div class="breadcrumb">首頁 &gt; 新聞</div>
<article>
  <header><h1>泰州經濟開發區召開項目招引建設專題會議</h1></header>
  <p>近日，泰州經濟開發區召開項目招引建設專題會議。</p>
  <p>會議聽取了項目招引、<b>開工建設</b>等情況。<br>第二行另起一段。</p>
  <div class="share">分享到微信</div>
  <script>alert("不應出現")</script>
</article>
<aside><p>熱門文章側欄</p></aside>
<footer><p>版權所有 泰州新聞網</p></footer>
</body></html>
"""


def test_article_title_and_paragraphs_are_taken_and_the_rest_dropped():
    extracted = from_html(PAGE)
    assert extracted.title == "泰州經濟開發區召開項目招引建設專題會議"
    assert [p.text for p in extracted.paragraphs] == [
        "近日，泰州經濟開發區召開項目招引建設專題會議。",
        "會議聽取了項目招引、開工建設等情況。",
        "第二行另起一段。",
    ]
    assert [p.line for p in extracted.paragraphs] == [10, 11, 11]


def test_without_article_element_the_densest_block_is_the_body():
    page = """<html><head><title>標題</title></head><body>
<div id="menu"><p>菜單</p></div>
<div class="main"><p>第一段正文內容比較長。</p><p>第二段正文內容也比較長。</p></div>
<div class="footer"><p>頁腳</p></div></body></html>"""
    extracted = from_html(page)
    assert extracted.title == "標題"
    assert [p.text for p in extracted.paragraphs] == ["第一段正文內容比較長。", "第二段正文內容也比較長。"]


def test_a_page_without_text_has_no_paragraphs():
    assert from_html("<html><body><nav>首頁</nav></body></html>").paragraphs == []


def test_the_pages_title_is_repaired_like_its_text(tmp_path):
    page = """<html><body><article>
<h1>會后發表聲明</h1>
<p>會議結束后，代表們表示并不干涉，這里位于北方。</p>
</article></body></html>"""
    article = clean_article(from_html(page), Path("a.html"), repairer=Repairer("tw", (), tmp_path))
    assert article.title == "會後發表聲明"
    assert (2, 2, "后", "後") in [(r.line, r.column, r.before, r.after) for r in article.repairs]
