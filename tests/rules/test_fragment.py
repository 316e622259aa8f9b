"""The fragment family: body paragraphs cut mid-sentence, joined or reported without a fix."""

from __future__ import annotations

import pytest

from proofreader.engine import Checker, apply_findings
from proofreader.model import Applicability, Category
from proofreader.rules import fragment
from proofreader.rules.base import CheckContext

CHECK = Checker(rules=fragment.RULES)


def found(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(f.rule, f.text_in(text), f.replacements) for f in CHECK.check_text(text)]


def test_the_sample_page(sample_text: str) -> None:
    """Four paragraphs cut by the layout (joined) and two whose continuation is lost."""
    got = [(f.rule, f.offset, f.length, f.replacements) for f in CHECK.check_text(sample_text)]
    assert got == [
        ("paragraph-truncated", 444, 1, ()),  # 准确反映社会面上的 / (headline)
        ("paragraph-truncated", 1345, 1, ()),  # 一方需要, / 仲旭东充分肯定…
        ("paragraph-cut", 1538, 2, ("",)),  # 教育引导群众 / 遵守封控…
        ("paragraph-cut", 1749, 2, ("",)),  # 坚持“当 / 日事当日毕”
        ("paragraph-cut", 2225, 2, ("",)),  # 积极主动起 / 来，该慢的…
        ("paragraph-cut", 3187, 2, ("",)),  # 检测的时 / 间地点
    ]


def test_joining_the_sample_gives_whole_sentences(sample_text: str) -> None:
    findings = CHECK.check_text(sample_text)
    fixed = apply_findings(sample_text, findings).text
    for sentence in (
        "教育引导群众遵守封控",
        "坚持“当日事当日毕”",
        "积极主动起来，"[:-1],
        "的时间地点",
    ):
        assert sentence in fixed
    # the joined text has no cut paragraph left; the two truncated ones stay reported
    again = CHECK.check_text(fixed)
    assert [f.rule for f in again] == ["paragraph-truncated", "paragraph-truncated"]


def test_findings_are_of_the_fragment_category(sample_text: str) -> None:
    for f in CHECK.check_text(sample_text):
        assert f.category == Category.FRAGMENT
        assert f.message and f.message_en
        if f.rule == "paragraph-cut":
            assert f.applicability == Applicability.UNSAFE
            assert sample_text[f.offset : f.end].strip() == ""
        else:
            assert f.applicability == Applicability.DISPLAY_ONLY and f.length == 1


@pytest.mark.parametrize("sep", ["\n", "\n\n", "\r\n", "\r\n\r\n", "\n\n\n"])
def test_the_join_removes_exactly_the_line_breaks(sep: str) -> None:
    text = f"仲旭东要求，社会面要安静平静，教育引导群{sep}众遵守封控、管控规定。"
    [f] = CHECK.check_text(text)
    assert f.rule == "paragraph-cut" and f.text_in(text) == sep
    assert apply_findings(text, [f]).text == text.replace(sep, "")


def test_the_join_removes_the_indentation_of_the_continuation() -> None:
    text = "　　昨天上午，志愿者们把物资送到居民\n　　的家门口，居民纷纷道谢。"
    [f] = CHECK.check_text(text)
    assert f.text_in(text) == "\n　　"
    assert (
        apply_findings(text, [f]).text
        == "　　昨天上午，志愿者们把物资送到居民的家门口，居民纷纷道谢。"
    )


def test_a_cut_across_a_quotation() -> None:
    text = "精密智控要提速提效，坚持“当\n\n日事当日毕”，以更加主动的工作态度，提高精密智控水平。"
    assert found(text) == [("paragraph-cut", "\n\n", ("",))]


@pytest.mark.parametrize(
    "text",
    [
        "做到核酸检测全覆盖，准确反映社会面上的\n\n党员干部做表率 抗击疫情筑防线",
        "他表示，要继续加强与各方的沟通和\n\n■记者 王强",
        "实现志愿服务快速反应。一方需要,\n\n仲旭东充分肯定独山港镇疫情防控工作成效。",
        "会议要求各部门认真落实防控措施，压实责任，切实保障\n\n本报讯 昨天上午，我市召开会议。",
        "他说，各部门要加强协作，确保\n\n“请大家戴好口罩。”工作人员说。",
        "全市干部群众日夜奋战，连续作战，坚决打赢这场",
    ],
)
def test_truncated_paragraphs_get_no_fix(text: str) -> None:
    [f] = CHECK.check_text(text)
    assert f.rule == "paragraph-truncated" and not f.replacements
    first = text.split("\n")[0]
    assert f.offset == len(first) - 1  # the last character of the cut paragraph


@pytest.mark.parametrize(
    "text",
    [
        # headlines, decks, bylines, captions, credits, furniture: not sentences
        "平湖版\n\nJIAXING DAILY\n\n仲旭东在部署疫情防控工作时强调 以问题为导向强化工作举措",
        "认真复盘 举一反三 打赢疫情防控阻击战\n\n■记者 林旭东\n\n本报讯 昨天晚上，我市召开会议。",
        "我市党员干部下沉村社区投身疫情防控一线\n\n■记者 杨昊玥\n通讯员 张其良 张丹燕",
        "保障生活物资\n\n昨天，独山港镇组织村干部装卸生活物资。\n\n■摄影 周雯婷 张丹燕 王强",
        "DIYI PINGLUN 栏目统筹: 黄金凤\n\n讲文明 树新风 公益/广告\n\n平湖市传媒中心 宣",
        # paragraphs that end like sentences
        "会议明确了以下三项任务：\n\n一是加强排查；\n\n二是做好保障；\n\n三是稳定秩序。",
        "“请大家戴好口罩、保持安全距离，共同战胜疫情……”\n\n昨天一早，喇叭声如期响了起来。",
        "他问：“什么时候能解封？”\n\n工作人员说：“请耐心等待。”",
        "（完）\n\n相关报道见第二版）",
        "",
        "\n\n\n",
    ],
)
def test_no_fragment(text: str) -> None:
    assert found(text) == []


def test_lf_separated_body_paragraphs() -> None:
    """make_drafts lays some drafts out one body paragraph per line, no blank lines."""
    text = (
        "在全球性失业大潮面前，政府的措施能否取得明显效果仍是未知数。\n"
        "社会学家为失业人士开出“药方”：在危机中能拯救自己的只\n"
        "有自己。\n"
        "窗是圆的，却嵌着一块六角形的玻璃。"
    )
    assert found(text) == [("paragraph-cut", "\n", ("",))]


def test_cuts_are_shared_through_the_context_cache(sample_text: str) -> None:
    ctx = CheckContext(sample_text)
    first = fragment.cuts(ctx)
    assert fragment.cuts(ctx) is first
    assert fragment.links(ctx) == {c.para.index: c.next.index for c in first if c.next}
    assert len(fragment.links(ctx)) == 4


def test_offsets_stay_in_bounds_for_odd_input() -> None:
    for text in ["的", "，", "“", "\n的\n", "\r\n\r\n群\r\n众", "　　\n　　的"]:
        for f in CHECK.check_text(text):
            assert 0 <= f.offset <= f.end <= len(text)


@pytest.mark.parametrize(
    ("text", "last"),
    [
        # truncated drafts from the accuracy benchmark: no word spans the break and the next
        # paragraph opens a sentence (a speaker, a framing clause, a noun subject and 是)
        ("诗人鼓动劳动人民团结起来，这首诗在当地广为流传，诗人鼓动劳动人\n\n"
         "当地气象部门提醒，从昨天至初六，还有一股新的冷空气南下。", "人"),
        ("三叉河村的经验值得总结，这里建起了加工中心，引进年加工\n\n"
         "镇党委书记表示，下一步，新仓镇将总结推广三叉河村的经验。", "工"),
        ("记者从有关部门获悉，今年全市旅游市场持续升温，发展最快的可能要属管理者的\n\n"
         "体育旅游是体育产业与旅游产业融合发展的新业态。", "的"),
    ],
)  # fmt: skip
def test_truncated_before_a_new_sentence_is_not_joined(text: str, last: str) -> None:
    assert found(text) == [("paragraph-truncated", last, ())]


@pytest.mark.parametrize(
    "text",
    [
        # the next paragraph looks like a new sentence, but the cut one's last sentence is
        # only a word long (。市) or ends with a place word (市|教育局): still a join
        "学校组织了朗诵比赛、课本剧表演等活动，活动结束后，市\n\n"
        "教育局相关负责人表示，希望通过这些活动让孩子们爱上阅读。",
        "各镇街道要加强协调，做好服务保障工作，确保活动安全有序。镇\n\n"
        "党委书记表示，下一步将总结推广经验。",
    ],
)
def test_a_cut_subject_still_joins(text: str) -> None:
    assert [r for r, _, _ in found(text)] == ["paragraph-cut"]
