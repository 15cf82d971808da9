#!/usr/bin/env python3
"""Render seed notices from ../shared/seeds as HTML pages in samples/ (stdlib only, deterministic).

Each page wraps the seed's notice text (title, body paragraphs, signature: exactly the lines the
seed shows, whitespace-trimmed) in the chrome and metadata of a typical Chinese government site,
so that the HTML reader can be tested against the seed:

  000.html  UTF-8, <meta charset>, TRS-style 政府信息公开 table (padded labels 索 引 号 / 分　　类),
            <meta name=SiteName/ArticleTitle/PubDate/...>, print/font bar, footer.
  001.html  GBK, declared only by <meta http-equiv=Content-Type>; heavy chrome: top bar, search
            form, nav, breadcrumb, font switch, print/close, share bar, previous/next, sidebar,
            footer with 主办单位 / ICP / 网站标识码.
  002.html  UTF-8, one glued info line (更新时间:…浏览次数:来源:…作者:… 字体[ 大 中 小 ]).
  003.html  GBK bytes with NO charset declared anywhere (no BOM, no meta, no http-equiv).

Usage: python3 scripts/make_samples_html.py [SEEDS_DIR] [OUT_DIR]
"""

import html
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "seeds")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "samples")


def seed_lines(prefix):
    name = next(n for n in sorted(os.listdir(SEEDS)) if n.startswith(prefix))
    with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
        return f.read().split("\n")


def body(lines, first, last, skip=()):
    """Seed lines from the one starting with `first` to the one starting with `last`
    (inclusive, searched after `first`), trimmed, blank and `skip`-prefixed lines left out."""
    stripped = [l.strip() for l in lines]
    start = next(i for i, l in enumerate(stripped) if l.startswith(first))
    end = next(i for i in range(start, len(stripped)) if stripped[i].startswith(last))
    return [l for l in stripped[start : end + 1] if l and not any(l.startswith(s) for s in skip)]


def esc(s):
    return html.escape(s, quote=True)


def paragraphs(lines, n_title, n_signature, indent):
    """Title lines centred, body paragraphs indented, signature lines right-aligned."""
    out = []
    for i, line in enumerate(lines):
        if i < n_title:
            continue
        if i >= len(lines) - n_signature:
            out.append(f'<p style="text-align: right;">{esc(line)}</p>')
        else:
            out.append(f"<p{indent[0]}>{indent[1]}{esc(line)}</p>")
    return "\n".join(out)


SCRIPT = """<script type="text/javascript">
var _hmt = _hmt || []; (function() { var hm = document.createElement("script");
hm.src = "https://hm.baidu.com/hm.js?0000"; document.body.appendChild(hm); })();
function doZoom(size) { document.getElementById('zoom').style.fontSize = size + 'px'; }
</script>"""

STYLE = """<style type="text/css">
body { margin: 0; font: 14px/1.8 "Microsoft YaHei", SimSun; }
.title { font-size: 22px; text-align: center; } .footer { color: #666; text-align: center; }
</style>"""


def page_000():
    lines = seed_lines("000")
    title = "中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报"
    notice = body(lines, title, "2023年7月14日", skip=("发布日期:",))
    rows = [
        ("索 引 号：", "12440114766117763P/2023-00029", "分　　类：", "主题分类"),
        ("发布机构：", "广州市花都区空港经济管理委员会", "成文日期：", "2023-07-14"),
        ("名　　称：", title, None, None),
        ("文　　号：", "", "发布日期：", "2023-07-14"),
        ("主 题 词：", "", None, None),
    ]
    table = []
    for a, b, c, d in rows:
        if c is None:
            table.append(f'<tr><td class="t1">{esc(a)}</td><td colspan="3">{esc(b)}</td></tr>')
        else:
            table.append(
                f'<tr><td class="t1">{esc(a)}</td><td>{esc(b)}</td>'
                f'<td class="t1">{esc(c)}</td><td>{esc(d)}</td></tr>'
            )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}_广州市花都区人民政府门户网站</title>
<meta name="SiteName" content="广州市花都区人民政府门户网站">
<meta name="SiteDomain" content="www.huadu.gov.cn">
<meta name="SiteIDCode" content="4401140001">
<meta name="ColumnName" content="规章库">
<meta name="ArticleTitle" content="{esc(title)}">
<meta name="PubDate" content="2023-07-14 00:00">
<meta name="ContentSource" content="广州市花都区空港经济管理委员会">
<meta name="Keywords" content="巡察整改,通报">
{SCRIPT}
{STYLE}
</head>
<body>
<div class="header">
  <div class="logo"><a href="/">政府信息公开</a> <a href="/gzk/">规章库</a></div>
  <ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/gzk/">规章库</a></li><li><a href="/hdjl/">互动交流</a></li></ul>
</div>
<div class="xxgk-head">广州市花都区空港经济管理委员会政府信息公开</div>
<div class="xxgk-meta">
<table class="xxgk_table" border="1" cellspacing="0">
{chr(10).join(table)}
</table>
</div>
<div class="tools">【<a href="javascript:window.print()">打印</a>】 【字体:<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
<div class="article">
<h1 class="title">{esc(notice[0])}</h1>
<div class="info">发布日期:2023-07-14&nbsp;&nbsp;浏览次数:<span id="count">-</span></div>
<div class="TRS_Editor" id="zoom">
<div class="Custom_UnionStyle">
{paragraphs(notice, 1, 2, (' style="text-indent: 2em;"', ""))}
</div>
</div>
</div>
<div class="footer">
<p>主办单位：广州市花都区人民政府办公室　承办单位：广州市花都区政务服务数据管理局</p>
<p>网站标识码：4401140001　<a href="https://beian.miit.gov.cn/">粤ICP备05080253号</a>　粤公网安备 44011402000001号</p>
</div>
</body>
</html>
"""


def page_001():
    lines = seed_lines("001")
    title = "中共广州市花都区委关于巡视整改进展情况的通报"
    notice = body(lines, title, "2021年11月22日", skip=("来源:",))
    nbsp4 = "&nbsp;" * 4
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{esc(title)} - 南粤清风网</title>
<meta name="SiteName" content="南粤清风网">
<meta name="ColumnName" content="省委巡视">
<meta name="Author" content="南粤清风网">
<meta name="Description" content="十二届省委第七轮巡视整改进展情况向社会公开">
{SCRIPT}
{STYLE}
</head>
<body>
<div id="top">
  <div class="topbar"><a href="/">首页</a> | <a href="#">设为首页</a> | <a href="#">加入收藏</a></div>
  <div class="search"><form action="/search" method="get"><input type="text" name="q" value="请输入关键字"><button type="submit">搜索</button></form></div>
</div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/yw/">要闻</a></li><li><a href="/xxgk/">信息公开</a></li><li><a href="/xsxc/">巡视巡察</a></li><li><a href="/jdbg/">监督曝光</a></li></ul></div>
<div class="position">所在位置:<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/xxgk/">信息公开</a>&nbsp;&gt;&nbsp;<a href="/xxgk/xsxc/">巡视巡察</a>&nbsp;&gt;&nbsp;<a href="/xxgk/xsxc/swxs/">省委巡视</a>&nbsp;&gt;&nbsp;<a href="/xxgk/xsxc/swxs/7/">十二届省委第七轮巡视整改进展情况向社会公开(一)</a> &gt;正文</div>
<div class="main">
  <div class="article">
    <h2 class="article-title">{esc(notice[0])}</h2>
    <div class="article-info">来源:南粤清风网{nbsp4} 日期:2021-11-23 10:00:00{nbsp4}</div>
    <div class="font-size">字体[ <a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a> ]</div>
    <div class="article-content" id="zoom">
{paragraphs(notice, 1, 2, ("", nbsp4))}
    </div>
    <div class="attachment">附件:</div>
    <div class="article-tools">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
    <div class="prev-next">
      <p>上一篇：<a href="/xxgk/1.html">中共广州市白云区委关于巡视整改进展情况的通报</a></p>
      <p>下一篇：<a href="/xxgk/3.html">中共广州市番禺区委关于巡视整改进展情况的通报</a></p>
    </div>
  </div>
  <div class="sidebar">
    <h3>热点排行</h3>
    <ul><li><a href="/a.html">省纪委监委通报三起违反中央八项规定精神问题</a></li><li><a href="/b.html">以案为鉴 警钟长鸣</a></li><li><a href="/c.html">巡视整改进展情况公开</a></li></ul>
  </div>
</div>
<div class="footer">
  <p>主办单位:中共广东省纪律检查委员会 广东省监察委员会</p>
  <p>合作单位:<a href="http://www.southcn.com/">南方新闻网</a></p>
  <p><a href="https://beian.miit.gov.cn/">粤ICP备10233762号</a>　网站标识码：4400000126</p>
  <p><a href="mailto:nyqfw@gd.gov.cn">nyqfw@gd.gov.cn</a> 投稿邮箱</p>
</div>
</body>
</html>
"""


def page_002():
    lines = seed_lines("002")
    notice = body(lines, "按照区委的统一部署", "2022年10月24日")
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<title>株洲高新区董家塅片区党工委关于巡察整改情况的通报</title>
<meta name="SiteName" content="株洲高新区">
{STYLE}
</head>
<body>
<div class="bread">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a></div>
<div class="xl-main">
<div class="xl-info">更新时间:2023-03-02浏览次数:<span id="hits"></span>来源:株洲高新区董家塅片区作者:株洲高新区董家塅片区 <span class="font">字体[ <a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ]</span></div>
<div class="xl-content">
{paragraphs(notice, 0, 2, ("", ""))}
</div>
</div>
<div class="footer"><p>版权所有：株洲高新技术产业开发区管理委员会</p></div>
</body>
</html>
"""


def page_003():
    lines = seed_lines("003")
    notice = body(lines, "中共郑州航空港经济综合实验区工作委员会", "2024年9月3日", skip=("来源:",))
    ideo2 = "\u3000\u3000"
    return f"""<html>
<head>
<title>关于巡视整改情况的通报</title>
{STYLE}
</head>
<body>
<div class="wrap">
<div class="location">您的位置: <a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgs/">通知公示</a></div>
<div class="detail">
  <div class="detail-title"><p>{esc(notice[0])}</p><p>{esc(notice[1])}</p></div>
  <div class="detail-info"><span>来源:中共郑州航空港经济综合实验区工作委员会</span> <span>日期:2024-09-10 11:05</span></div>
  <div class="detail-content">
{paragraphs(notice, 2, 2, ("", ideo2))}
  </div>
</div>
</div>
</body>
</html>
"""


def main():
    os.makedirs(OUT, exist_ok=True)
    pages = [
        ("000.html", page_000(), "utf-8"),
        ("001.html", page_001(), "gbk"),
        ("002.html", page_002(), "utf-8"),
        ("003.html", page_003(), "gbk"),
    ]
    for name, text, encoding in pages:
        with open(os.path.join(OUT, name), "wb") as f:
            # A GBK site writes characters outside GBK (CJK Ext. A such as U+3635) as numeric
            # character references; do the same.
            f.write(text.encode(encoding, errors="xmlcharrefreplace"))
        print(f"wrote samples/{name} ({encoding})")


if __name__ == "__main__":
    main()
