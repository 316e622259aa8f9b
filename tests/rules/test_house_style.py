"""House style: the sheet (plain text or TOML, settings folder or .proofreader.toml) and the
rule that applies it, with notes and scopes."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofreader import style
from proofreader.config import Config, StyleEntry
from proofreader.engine import Checker, apply_findings
from proofreader.rules.house_style import HouseStyle

SHEET = """\
# 本社用字规范
新冠肺炎 → 新冠病毒感染   # 2023年起的规范名称
微信公众号 -> 微信公众账号
本报讯 => 本报消息 @headline  # 只改标题
手机APP\t手机应用
其它 → 其他
"""


def checker(entries: list[StyleEntry]) -> Checker:
    return Checker(Config(house_style=entries), rules=[HouseStyle])


ENTRIES = style.parse_sheet_text(SHEET)

BAD = [
    ("新冠肺炎疫情防控工作。", "新冠肺炎", "新冠病毒感染疫情防控工作。"),
    ("关注微信公众号。", "微信公众号", "关注微信公众账号。"),
    ("下载手机APP。", "手机APP", "下载手机应用。"),
    ("其它事项另行通知。", "其它", "其他事项另行通知。"),
    ("“新冠肺炎”这个说法。", "新冠肺炎", "“新冠病毒感染”这个说法。"),
    ("预防新冠肺炎。", "新冠肺炎", "预防新冠病毒感染。"),
    ("他的微信公众号很受欢迎。", "微信公众号", "他的微信公众账号很受欢迎。"),
    ("新冠肺炎和新冠肺炎", "新冠肺炎", "新冠病毒感染和新冠肺炎"),
    ("其它", "其它", "其他"),
    ("扫码关注微信公众号：某某。", "微信公众号", "扫码关注微信公众账号：某某。"),
    ("新冠肺炎患者已经出院。", "新冠肺炎", "新冠病毒感染患者已经出院。"),
    ("打开手机APP就能办理。", "手机APP", "打开手机应用就能办理。"),
    ("其它单位也派人参加。", "其它", "其他单位也派人参加。"),
    ("关于新冠肺炎的报道", "新冠肺炎", "关于新冠病毒感染的报道"),
    ("各类微信公众号", "微信公众号", "各类微信公众账号"),
    ("本次新冠肺炎疫情", "新冠肺炎", "本次新冠病毒感染疫情"),
    ("以及其它", "其它", "以及其他"),
    ("官方手机APP上线", "手机APP", "官方手机应用上线"),
    ("新冠肺炎疫苗", "新冠肺炎", "新冠病毒感染疫苗"),
    ("认证的微信公众号", "微信公众号", "认证的微信公众账号"),
]

GOOD = [
    "新冠病毒感染疫情防控工作。",
    "关注微信公众账号。",
    "下载手机应用。",
    "其他事项另行通知。",
    "肺炎患者已经出院。",
    "微信用户很多。",
    "公众号这个词。",
    "手机很好用。",
    "他它们",
    "第一段正文。\n\n本报讯 记者 李明",
    "正文里的本报讯不改。",
    "疫情防控工作有序推进。",
    "今天天气很好。",
    "新冠病毒感染者",
    "微信公众账号运营",
    "手机应用商店",
    "其他单位也派人参加。",
    "APP下载",
    "新冠疫苗接种",
    "公众号和微信",
]


@pytest.mark.parametrize(("text", "span", "fixed"), BAD)
def test_bad(text: str, span: str, fixed: str) -> None:
    found = checker(ENTRIES).check_text(text)
    hits = [f for f in found if f.text_in(text) == span]
    assert hits, [f.text_in(text) for f in found]
    assert apply_findings(text, hits[:1]).text == fixed


@pytest.mark.parametrize("text", GOOD)
def test_good(text: str) -> None:
    found = checker(ENTRIES).check_text(text)
    assert found == [], [f.text_in(text) for f in found]


def test_enough_examples() -> None:
    assert len(BAD) >= 20 and len(GOOD) >= 20


def test_parse_plain_text_sheet() -> None:
    assert ENTRIES[0] == StyleEntry("新冠肺炎", "新冠病毒感染", "2023年起的规范名称")
    assert ENTRIES[1] == StyleEntry("微信公众号", "微信公众账号")
    assert ENTRIES[2] == StyleEntry("本报讯", "本报消息", "只改标题", "headline")
    assert ENTRIES[3] == StyleEntry("手机APP", "手机应用")
    assert len(ENTRIES) == 5


def test_note_shows_in_the_message() -> None:
    text = "新冠肺炎疫情"
    (f,) = checker(ENTRIES).check_text(text)
    assert "2023年起的规范名称" in f.message and "新冠病毒感染" in f.message
    assert f.rule == "house-style" and f.category == "wording"


def test_scope_limits_an_entry_to_a_paragraph_kind() -> None:
    text = (
        "打赢疫情防控阻击战 举一反三\n\n"
        "今天上午，全市召开疫情防控工作会议，部署下一阶段工作，要求打赢阻击战。"
    )
    headline_only = [StyleEntry("阻击战", "攻坚战", scope="headline")]
    body_only = [StyleEntry("阻击战", "攻坚战", scope="body")]
    everywhere = [StyleEntry("阻击战", "攻坚战")]
    first, second = text.index("阻击战"), text.rindex("阻击战")
    assert [f.offset for f in checker(headline_only).check_text(text)] == [first]
    assert [f.offset for f in checker(body_only).check_text(text)] == [second]
    assert [f.offset for f in checker(everywhere).check_text(text)] == [first, second]


def test_bad_lines_are_reported_with_their_place() -> None:
    with pytest.raises(style.StyleError, match=r"sheet.txt:2"):
        style.parse_sheet_text("甲 → 乙\n只有一个词\n", "sheet.txt")
    with pytest.raises(style.StyleError, match="unknown scope"):
        style.parse_sheet_text("甲 → 乙 @sidebar\n")


def test_user_sheet_from_the_settings_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PROOFREADER_CONFIG_DIR", str(tmp_path))
    assert style.user_config_dir() == tmp_path
    assert style.load_user_sheet() == []
    (tmp_path / "house-style.txt").write_text("新冠肺炎 → 新冠病毒感染\n", encoding="utf-8")
    assert style.load_user_sheet() == [StyleEntry("新冠肺炎", "新冠病毒感染")]
    # A TOML sheet wins over the text one.
    (tmp_path / "house-style.toml").write_text(
        '[style]\nentries = ["微信公众号 → 微信公众账号"]\n', encoding="utf-8"
    )
    assert style.load_user_sheet() == [StyleEntry("微信公众号", "微信公众账号")]


def test_settings_folder_defaults_to_xdg(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("PROOFREADER_CONFIG_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert style.user_config_dir() == tmp_path / "proofreader"


DESK = """\
[style]
file = "sheet.txt"
entries = ["微信公众号 → 微信公众账号  # 全社统一"]
[[style.entry]]
wrong = "本报讯"
right = "本报消息"
scope = "headline"

[variants]
disabled = ["笔划"]
enabled = ["其它"]

[terms]
banned = [{term = "小鲜肉", preferred = "年轻演员", reason = "本报不用"}, "砖家"]
cautious = [{term = "网红", reason = "慎用"}]

[ignore]
rules = ["lone-dash"]
texts = [{rule = "misused-word", text = "按装"}, {text = "某某"}, "甲乙"]
"""


def test_desk_file_beside_the_drafts_or_in_a_parent(tmp_path: Path) -> None:
    (tmp_path / ".proofreader.toml").write_text(DESK, encoding="utf-8")
    (tmp_path / "sheet.txt").write_text("新冠肺炎 → 新冠病毒感染\n", encoding="utf-8")
    drafts = tmp_path / "2026" / "11"
    drafts.mkdir(parents=True)
    draft = drafts / "page1.txt"
    draft.write_text("新冠肺炎", encoding="utf-8")
    assert style.find_desk_file(draft) == (tmp_path / ".proofreader.toml").resolve()
    desk = style.load_desk(style.find_desk_file(draft))
    assert [e.wrong for e in desk.style] == ["新冠肺炎", "微信公众号", "本报讯"]
    assert desk.style[1].note == "全社统一" and desk.style[2].scope == "headline"
    assert desk.disabled == {"笔划"} and desk.enabled == {"其它"}
    assert [t.term for t in desk.banned] == ["小鲜肉", "砖家"]
    assert desk.cautious[0].reason == "慎用"
    assert desk.ignore_rules == {"lone-dash"}
    assert desk.ignore_texts == {("misused-word", "按装"), ("*", "某某"), ("*", "甲乙")}


def test_config_for_a_draft_merges_user_sheet_and_desk(tmp_path: Path) -> None:
    user = tmp_path / "settings"
    user.mkdir()
    (user / "house-style.txt").write_text("手机APP → 手机应用\n", encoding="utf-8")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".proofreader.toml").write_text(DESK, encoding="utf-8")
    (desk / "sheet.txt").write_text("新冠肺炎 → 新冠病毒感染\n", encoding="utf-8")
    draft = desk / "page.txt"
    text = "手机APP和新冠肺炎，笔划和成份，其它，小鲜肉，某某—，请按装。"
    draft.write_text(text, encoding="utf-8")
    config = style.config_for(draft, Config(ignore={"ellipsis"}), config_dir=user)
    assert "ellipsis" in config.ignore and "lone-dash" in config.ignore
    found = {(f.rule, f.text_in(text)) for f in Checker(config).check_text(text)}
    assert ("house-style", "手机APP") in found
    assert ("house-style", "新冠肺炎") in found
    assert ("variant-form", "成份") in found
    assert ("variant-form", "笔划") not in found
    assert ("variant-form", "其它") in found
    assert ("banned-term", "小鲜肉") in found
    assert not any(t in ("某某", "按装", "—") for _, t in found)


def test_no_desk_file(tmp_path: Path) -> None:
    draft = tmp_path / "page.txt"
    draft.write_text("x", encoding="utf-8")
    parents = [p / ".proofreader.toml" for p in tmp_path.parents]
    assert style.find_desk_file(draft) in (None, *parents)
    assert style.config_for(draft, config_dir=tmp_path).house_style == []


def test_broken_toml_is_a_style_error(tmp_path: Path) -> None:
    path = tmp_path / ".proofreader.toml"
    path.write_text("[style\n", encoding="utf-8")
    with pytest.raises(style.StyleError, match=r"\.proofreader\.toml"):
        style.load_desk(path)
    path.write_text('[variants]\ndisabled = "笔划"\n', encoding="utf-8")
    with pytest.raises(style.StyleError, match=r"variants\.disabled"):
        style.load_desk(path)
