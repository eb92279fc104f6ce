# SPDX-License-Identifier: MIT
"""The follow-up commands as a user types them, on the fixtures of
tests/data/followup: kaigi search (a Japanese phrase from a long-text
answer; a two-character word and its note; names masked unless --names)
and kaigi report regional (periods, areas, every format, wrong use)."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import kaigi_test  # noqa: E402
from kaigi_test import source, want  # noqa: E402

DATA = source("tests", "data", "followup")


def kaigi(db, *args, lang="ja", code=0):
    env = dict(os.environ, LANG="C.UTF-8", XDG_CONFIG_HOME=os.path.dirname(db))
    return kaigi_test.kaigi(db, *args, lang=lang, code=code, env=env)


def main():
    with tempfile.TemporaryDirectory(prefix="kaigi-followup-cli-") as d:
        db = os.path.join(d, "k.db")
        kaigi(db, "import", "-q", os.path.join(DATA, "three_reviews.yaml"),
              os.path.join(DATA, "regional.yaml"))
        # ---- search
        out, err = kaigi(db, "search", "外出が怖く")
        want(out, "2025-01-14  K-2025-101  多職種合同ケアカンファレンス資料（要支援版） › ケアマネの見立て",
             "転倒してから外出が怖くなり")
        if err:
            sys.exit("no note expected for a long word:\n" + err)
        out, err = kaigi(db, "search", "長女")
        want(out, "外出が怖くなり、買い物は長女に頼っている")
        if err:  # two characters are in the index: no note
            sys.exit("no note expected for a two-character word:\n" + err)
        out, _ = kaigi(db, "search", "スズキ")
        want(out, "（個人情報の項目：--names で表示）")
        if "スズキ・タ" in out:
            sys.exit("a sensitive answer was shown without --names:\n" + out)
        out, _ = kaigi(db, "search", "--names", "スズキ")
        want(out, "スズキ・タ")
        out, err = kaigi(db, "search", "坂の上", "--limit", "2")
        if out.count("\n    ") != 2:
            sys.exit("--limit 2 shows two hits:\n" + out)
        want(err, "新しい2件")
        out, err = kaigi(db, "search", "存在しない言葉")
        want(err, "見つかりませんでした")
        kaigi(db, "search", code=2)
        kaigi(db, "search", "x", "--limit", "many", code=2)
        out, _ = kaigi(db, "search", "多職種", lang="en")
        want(out, "(meeting)  Meeting › Purpose")
        # ---- report regional
        out, _ = kaigi(db, "report", "regional", "--from", "2024-01-01", "--to", "2025-12-31")
        want(out, "地域課題の集計", "令和6年1月1日〜令和7年12月31日", "坂の上のスーパーへの移動手段",
             "買い物の移動手段の", "資源発", "支援経過：ADL・IADLの変化")
        out, _ = kaigi(db, "report", "regional", "--area", "西地区", "--format", "md")
        want(out, "# 地域課題の集計", "| 西地区 | 男性が参加しやすい通いの場がない | 2 | 2 |")
        if "| 東地区 |" in out:
            sys.exit("--area 西地区 shows 東地区:\n" + out)
        out, _ = kaigi(db, "report", "regional", "--format", "csv", lang="en")
        want(out, "\ufefftable,year,area,category", "raised,,東地区,mobility,Exercise and mobility,")
        csv = os.path.join(d, "r.csv")
        kaigi(db, "report", "regional", "-o", csv)
        with open(csv, "rb") as f:
            want(f.read().decode("utf-8"), "\r\n", "register,")
        html = os.path.join(d, "r.html")
        kaigi(db, "report", "regional", "--to", "2024-12-31", "-o", html)
        with open(html, encoding="utf-8") as f:
            want(f.read(), "<html", "令和6年12月31日")
        kaigi(db, "report", "regional", "--from", "2025-13-01", code=2)
        kaigi(db, "report", "regional", "--from", "2025-06-01", "--to", "2025-01-01", code=2)
        kaigi(db, "report", "regional", "--format", "docx", code=2)
        kaigi(db, "report", "regional", "--bogus", code=2)
        out, _ = kaigi(db, "report", "--help")
        want(out, "report regional [--fy YEAR | --year YEAR | --from DATE --to DATE]",
             "[--sheet FORM]")
        # ---- 年度: --fy names the 年度, the outcomes group by it
        out, _ = kaigi(db, "report", "regional", "--fy", "2024", "--format", "md")
        want(out, "令和6年度（令和6年4月1日〜令和7年3月31日）", "事例の集計", "| 令和6年度 | 東地区 |")
        out, _ = kaigi(db, "report", "regional", "--fy", "R7")
        want(out, "令和7年度（令和7年4月1日〜令和8年3月31日）")
        out, _ = kaigi(db, "report", "regional", "--year", "2025", "--format", "md")
        want(out, "令和7年（令和7年1月1日〜令和7年12月31日）", "| 令和7年 |")
        out, _ = kaigi(db, "report", "regional", "--fy", "2024", "--format", "csv", lang="en")
        want(out, "tally,,,,,,,,,,,3,,,,,,,,,,row,row:adl_toyoake/adl/outdoor_walk,Walking outdoors,6,50.0,")
        kaigi(db, "report", "regional", "--fy", "twenty", code=2)
        kaigi(db, "report", "regional", "--fy", "2024", "--from", "2024-01-01", code=2)
    print("ok")


if __name__ == "__main__":
    main()
