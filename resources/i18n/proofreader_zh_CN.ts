<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>Category</name>
        <message>
            <location filename="../../ui/highlight.py" line="51" />
            <source>Duplicate</source>
            <translation>重复</translation>
        </message>
        <message>
            <location filename="../../ui/highlight.py" line="52" />
            <source>Quotes</source>
            <translation>引号</translation>
        </message>
        <message>
            <location filename="../../ui/highlight.py" line="53" />
            <source>Cut paragraph</source>
            <translation>断段</translation>
        </message>
        <message>
            <location filename="../../ui/highlight.py" line="54" />
            <source>Traditional/variant</source>
            <translation>繁体/异体字</translation>
        </message>
        <message>
            <location filename="../../ui/highlight.py" line="55" />
            <source>Punctuation</source>
            <translation>标点</translation>
        </message>
        <message>
            <location filename="../../ui/highlight.py" line="56" />
            <source>Grammar</source>
            <translation>语法</translation>
        </message>
        <message>
            <location filename="../../ui/highlight.py" line="57" />
            <source>Wording</source>
            <translation>用词</translation>
        </message>
        <message>
            <location filename="../../ui/highlight.py" line="58" />
            <source>Numbers</source>
            <translation>数字用法</translation>
        </message>
        <message>
            <location filename="../../ui/highlight.py" line="59" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
    </context>
    <context>
        <name>DetailPane</name>
        <message>
            <location filename="../../ui/detail_pane.py" line="34" />
            <source>Select a finding to see its rule and examples.</source>
            <translation>选择一处问题，查看规则说明和示例。</translation>
        </message>
        <message>
            <location filename="../../ui/detail_pane.py" line="52" />
            <source>(delete)</source>
            <translation>（删除）</translation>
        </message>
        <message>
            <location filename="../../ui/detail_pane.py" line="52" />
            <source>(join)</source>
            <translation>（合并段落）</translation>
        </message>
        <message>
            <location filename="../../ui/detail_pane.py" line="69" />
            <source>Wrong</source>
            <translation>错误示例</translation>
        </message>
        <message>
            <location filename="../../ui/detail_pane.py" line="78" />
            <source>Right</source>
            <translation>正确示例</translation>
        </message>
    </context>
    <context>
        <name>Draft</name>
        <message>
            <location filename="../../ui/draft.py" line="221" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
    </context>
    <context>
        <name>DraftListModel</name>
        <message>
            <location filename="../../ui/document_list.py" line="75" />
            <source>Error</source>
            <translation>无法检查</translation>
        </message>
        <message>
            <location filename="../../ui/document_list.py" line="77" />
            <source>Unchecked</source>
            <translation>未检查</translation>
        </message>
        <message>
            <location filename="../../ui/document_list.py" line="80" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/document_list.py" line="81" />
            <source>%n pending</source>
            <translation>
                <numerusform>%n 处待处理</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/document_list.py" line="94" />
            <source>%n finding(s)</source>
            <translation>
                <numerusform>%n 处问题</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <location filename="../../ui/errors.py" line="54" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="62" />
            <source>Something went wrong. Your review decisions are saved as you make them, so you can carry on working.</source>
            <translation>程序出错了。您的校对处理结果已随时保存，可以继续工作。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="76" />
            <source>Details were written to %1</source>
            <translation>详细信息已写入 %1</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="95" />
            <location filename="../../ui/errors.py" line="107" />
            <source>Show details</source>
            <translation>显示详细信息</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="99" />
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="107" />
            <source>Hide details</source>
            <translation>隐藏详细信息</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <location filename="../../ui/export.py" line="55" />
            <source>HTML page (to read, share or print)</source>
            <translation>HTML 网页（阅读、分享或打印）</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="56" />
            <source>CSV table (Excel, WPS)</source>
            <translation>CSV 表格（Excel、WPS）</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="57" />
            <source>JSON (for other programs)</source>
            <translation>JSON（供其他程序使用）</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="58" />
            <source>Word document (DOCX)</source>
            <translation>Word 文档（DOCX）</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="267" />
            <source>Print report</source>
            <translation>打印报告</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../ui/export.py" line="311" />
            <location filename="../../ui/export.py" line="409" />
            <source>Export report</source>
            <translation>导出报告</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="318" />
            <source>This draft: %1</source>
            <translation>当前稿件：%1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/export.py" line="319" />
            <source>All open drafts (%n)</source>
            <translation>
                <numerusform>全部已打开的稿件（%n 篇）</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="321" />
            <source>Drafts:</source>
            <translation>稿件：</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="332" />
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="339" />
            <source>Report language:</source>
            <translation>报告语言：</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="342" />
            <source>Your name, printed on the report</source>
            <translation>您的姓名，将印在报告上</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="343" />
            <source>Editor:</source>
            <translation>校对员：</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="346" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="351" />
            <source>Save to:</source>
            <translation>保存到：</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="352" />
            <source>Open the report when it is written</source>
            <translation>写入后打开报告</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="357" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="360" />
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="362" />
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="425" />
            <source>Choose where to save.</source>
            <translation>请选择保存位置。</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="432" />
            <location filename="../../ui/export.py" line="459" />
            <source>Could not write the report:
%1</source>
            <translation>无法写入报告：
%1</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="467" />
            <source>Save as PDF</source>
            <translation>另存为 PDF</translation>
        </message>
        <message>
            <location filename="../../ui/export.py" line="468" />
            <source>PDF document (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>FindingsModel</name>
        <message>
            <location filename="../../ui/findings_model.py" line="62" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="63" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="64" />
            <source>Line:Col</source>
            <translation>行:列</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="65" />
            <source>Text</source>
            <translation>原文</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="66" />
            <source>Suggestion</source>
            <translation>建议</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="67" />
            <source>Fix</source>
            <translation>修改</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="68" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="230" />
            <source>Pending</source>
            <translation>待处理</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="231" />
            <source>Accepted</source>
            <translation>已采纳</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="232" />
            <source>Rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="233" />
            <source>Ignored</source>
            <translation>已忽略</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="239" />
            <source>No auto fix</source>
            <translation>无自动修改</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="240" />
            <source>Safe</source>
            <translation>安全</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="240" />
            <source>Check</source>
            <translation>需核对</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="272" />
            <source>(delete)</source>
            <translation>（删除）</translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="272" />
            <source>(join)</source>
            <translation>（合并段落）</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/findings_model.py" line="307" />
            <source>%n finding(s)</source>
            <translation>
                <numerusform>%n 处问题</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/findings_model.py" line="318" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/findings_model.py" line="319" />
            <source>%n pending</source>
            <translation>
                <numerusform>%n 处待处理</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LanguageToolLabel</name>
        <message>
            <location filename="../../ui/languagetool_status.py" line="89" />
            <source>LanguageTool: checking…</source>
            <translation>LanguageTool：正在连接…</translation>
        </message>
        <message>
            <location filename="../../ui/languagetool_status.py" line="94" />
            <source>LanguageTool: connected</source>
            <translation>LanguageTool：已连接</translation>
        </message>
        <message>
            <location filename="../../ui/languagetool_status.py" line="96" />
            <source>LanguageTool: not configured</source>
            <translation>LanguageTool：未配置</translation>
        </message>
        <message>
            <location filename="../../ui/languagetool_status.py" line="99" />
            <source>LanguageTool: unreachable</source>
            <translation>LanguageTool：无法连接</translation>
        </message>
        <message>
            <location filename="../../ui/languagetool_status.py" line="103" />
            <source>Click to set the LanguageTool server</source>
            <translation>点击设置 LanguageTool 服务器</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/mainwindow.py" line="124" />
            <location filename="../../ui/mainwindow.py" line="505" />
            <source>Proofreader</source>
            <translation>校对</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="250" />
            <source>Find (Ctrl+F)</source>
            <translation>查找 (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="258" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="259" />
            <source>Pending</source>
            <translation>待处理</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="260" />
            <source>Accepted</source>
            <translation>已采纳</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="261" />
            <source>Rejected</source>
            <translation>已驳回</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="262" />
            <source>Ignored</source>
            <translation>已忽略</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="271" />
            <source>Findings</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="314" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="316" />
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="328" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="333" />
            <source>&amp;Review</source>
            <translation>校对(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="341" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="345" />
            <source>Main</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="359" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="359" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="391" />
            <source>Checking %v of %m</source>
            <translation>正在检查 %v / %m</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="393" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="394" />
            <source>Stop checking the folder</source>
            <translation>停止检查文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="440" />
            <source>Desk style sheet ignored: %s</source>
            <translation>已忽略编辑部样式表：%s</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mainwindow.py" line="475" />
            <source>%s changed on disk since the last review: %n decision(s) could not be placed again</source>
            <translation>
                <numerusform>%s 在上次校对后已在磁盘上被修改：有 %n 项处理结果无法重新定位</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="498" />
            <source>Original — %s</source>
            <translation>原稿 — %s</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="516" />
            <source>Open Drafts</source>
            <translation>打开稿件</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="517" />
            <source>Drafts (*.txt *.md *.text *.docx);;All files (*)</source>
            <translation>稿件 (*.txt *.md *.text *.docx);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="525" />
            <source>Open Folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="540" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="665" />
            <source>This fix overlaps one already accepted; undo that one first.</source>
            <translation>此修改与已采纳的修改重叠，请先撤销那一处。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mainwindow.py" line="680" />
            <source>Accept %n finding(s)</source>
            <translation>
                <numerusform>采纳 %n 处</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mainwindow.py" line="684" />
            <source>Reject %n finding(s)</source>
            <translation>
                <numerusform>驳回 %n 处</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mainwindow.py" line="688" />
            <location filename="../../ui/mainwindow.py" line="705" />
            <source>Ignore %n finding(s)</source>
            <translation>
                <numerusform>忽略 %n 处</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="699" />
            <source>Added “%s” to your dictionary</source>
            <translation>已将“%s”加入个人词典</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="714" />
            <source>Accept all of %s</source>
            <translation>采纳全部“%s”</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mainwindow.py" line="716" />
            <location filename="../../ui/mainwindow.py" line="724" />
            <source>Accepted %n fix(es)</source>
            <translation>
                <numerusform>已采纳 %n 处修改</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="722" />
            <source>Accept all safe fixes</source>
            <translation>采纳全部安全修改</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="727" />
            <source>Typing</source>
            <translation>输入</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="752" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="753" />
            <source>All rules</source>
            <translation>全部规则</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="780" />
            <source>Not found: %s</source>
            <translation>未找到：%s</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="818" />
            <source>Overwrite Original</source>
            <translation>覆盖原稿</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="819" />
            <source>Replace %s with the corrected text? The current file is kept as a backup beside it.</source>
            <translation>用改正后的文本替换 %s 吗？当前文件将在同一文件夹中保留备份。</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="837" />
            <source>Save Failed</source>
            <translation>保存失败</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="840" />
            <source>tracked changes</source>
            <translation>修订模式</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="840" />
            <source>clean copy</source>
            <translation>清洁稿</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="841" />
            <source>Saved %s (%s)</source>
            <translation>已保存 %s（%s）</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="843" />
            <source>Saved %s</source>
            <translation>已保存 %s</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="848" />
            <source>Some Edits Not Saved</source>
            <translation>部分修改未能保存</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mainwindow.py" line="849" />
            <source>%n edit(s) could not be written into the Word document (for example a new paragraph typed in the corrected pane); check %s by hand.</source>
            <translation>
                <numerusform>有 %n 处修改无法写入 Word 文档（例如在改正稿中新输入的段落），请手工核对 %s。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="858" />
            <source>Save as UTF-8?</source>
            <translation>改存为 UTF-8？</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="859" />
            <source>%s

Save the corrected draft as UTF-8 instead? (The original file is not changed.)</source>
            <translation>%s

改用 UTF-8 编码保存改正稿吗？（原稿文件不会改动。）</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="899" />
            <source>Report written to %s</source>
            <translation>报告已写入 %s</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/mainwindow.py" line="982" />
            <source>LanguageTool: %n more finding(s)</source>
            <translation>
                <numerusform>LanguageTool：另有 %n 条发现</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="1038" />
            <source>Folder check cancelled</source>
            <translation>已取消文件夹检查</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="1056" />
            <source>Keyboard Shortcuts</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="1060" />
            <source>About Proofreader</source>
            <translation>关于校对</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="1061" />
            <source>Proofreader — a proofing tool for Chinese newspaper copy.</source>
            <translation>校对 — 面向中文报刊稿件的校对工具。</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="1066" />
            <source>Ln %d, Col %d</source>
            <translation>第 %d 行，第 %d 列</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="1086" />
            <source>%d pending · %d accepted</source>
            <translation>待处理 %d · 已采纳 %d</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="1108" />
            <source>Unsaved Corrections</source>
            <translation>改正稿未保存</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="1109" />
            <source>Save the corrected text of %s?</source>
            <translation>保存 %s 的改正稿吗？</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="1110" />
            <source>Your decisions are kept in the review file either way; the corrected text is not written until you save.</source>
            <translation>无论是否保存，您的处理结果都已记录在校对记录文件中；改正稿只有在保存时才会写入。</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="166" />
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="168" />
            <source>Open &amp;Folder…</source>
            <translation>打开文件夹(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="170" />
            <source>&amp;Save Corrected</source>
            <translation>保存改正稿(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="171" />
            <source>Save as name.corrected.ext beside the draft</source>
            <translation>在原稿旁保存为“文件名.corrected.扩展名”</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="172" />
            <source>Save Corrected &amp;As…</source>
            <translation>改正稿另存为(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="173" />
            <source>Overwrite Original…</source>
            <translation>覆盖原稿…</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="174" />
            <source>Replace the draft itself (a backup is kept)</source>
            <translation>直接替换原稿（保留备份）</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="178" />
            <source>Word: Save with &amp;Tracked Changes</source>
            <translation>Word：以修订模式保存(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="179" />
            <source>Checked: accepted fixes become Word revisions (修订模式); unchecked: a clean copy (清洁稿)</source>
            <translation>勾选：采纳的修改保存为 Word 修订（修订模式）；不勾选：保存清洁稿</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="185" />
            <source>&amp;Export Report…</source>
            <translation>导出报告(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="186" />
            <source>&amp;Print Report…</source>
            <translation>打印报告(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="188" />
            <source>&amp;Close Draft</source>
            <translation>关闭稿件(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="190" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="191" />
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="193" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="195" />
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="199" />
            <source>&amp;Find…</source>
            <translation>查找(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="201" />
            <source>&amp;Next Finding</source>
            <translation>下一处(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="202" />
            <source>&amp;Previous Finding</source>
            <translation>上一处(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="204" />
            <source>&amp;Accept</source>
            <translation>采纳(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="205" />
            <source>Accept the fix and go to the next finding</source>
            <translation>采纳修改并转到下一处</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="206" />
            <source>&amp;Reject</source>
            <translation>驳回(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="207" />
            <source>Reject: the text is right as it is</source>
            <translation>驳回：原文无误</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="208" />
            <source>&amp;Ignore</source>
            <translation>忽略(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="208" />
            <source>Ignore this once</source>
            <translation>仅忽略这一次</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="209" />
            <source>Ignore and Add to &amp;Dictionary</source>
            <translation>忽略并加入词典(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="211" />
            <source>Accept All of This &amp;Rule</source>
            <translation>采纳本规则全部问题(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="213" />
            <source>Accept All &amp;Safe Fixes</source>
            <translation>采纳全部安全修改(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="215" />
            <source>Accept every pending safe fix in this draft</source>
            <translation>采纳本稿中所有待处理的安全修改</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="216" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../ui/mainwindow.py" line="217" />
            <source>&amp;About Proofreader</source>
            <translation>关于校对(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>ReviewView</name>
        <message>
            <location filename="../../ui/review_view.py" line="205" />
            <source>Original</source>
            <translation>原稿</translation>
        </message>
        <message>
            <location filename="../../ui/review_view.py" line="206" />
            <source>Corrected — you can edit here</source>
            <translation>改正稿 — 可在此直接编辑</translation>
        </message>
    </context>
    <context>
        <name>SaveAsDialog</name>
        <message>
            <location filename="../../ui/save_dialog.py" line="20" />
            <source>Word document, tracked changes (*.docx)</source>
            <translation>Word 文档，修订模式 (*.docx)</translation>
        </message>
        <message>
            <location filename="../../ui/save_dialog.py" line="21" />
            <source>Word document, clean copy (*.docx)</source>
            <translation>Word 文档，清洁稿 (*.docx)</translation>
        </message>
        <message>
            <location filename="../../ui/save_dialog.py" line="41" />
            <source>Save Corrected Draft</source>
            <translation>保存改正稿</translation>
        </message>
        <message>
            <location filename="../../ui/save_dialog.py" line="54" />
            <source>Same type (*.%s)</source>
            <translation>同类文件 (*.%s)</translation>
        </message>
        <message>
            <location filename="../../ui/save_dialog.py" line="55" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" line="61" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="65" />
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="66" />
            <source>Rules</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="67" />
            <source>Dictionary</source>
            <translation>词典</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="89" />
            <source>Editor</source>
            <translation>校对员</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="93" />
            <source>Shown in exported reports</source>
            <translation>显示在导出的报告中</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="94" />
            <source>Editor name:</source>
            <translation>校对员姓名：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="97" />
            <source>Display</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="102" />
            <source> pt</source>
            <translation> 磅</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="104" />
            <source>Text font size:</source>
            <translation>正文字号：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="110" />
            <source>Interface language:</source>
            <translation>界面语言：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="111" />
            <source>A new interface language takes effect when the application is restarted.</source>
            <translation>更改界面语言后，需重新启动程序才能生效。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="117" />
            <source>LanguageTool (grammar checks)</source>
            <translation>LanguageTool（语法检查）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="122" />
            <source>A LanguageTool server (a newsroom's own, or one on this computer); empty: none</source>
            <translation>LanguageTool 服务器地址（报社自建或本机运行）；留空则不使用</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="124" />
            <source>Server URL:</source>
            <translation>服务器地址：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="127" />
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="128" />
            <source>Timeout:</source>
            <translation>超时：</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="136" />
            <source>Choose which checks run and how serious their findings are. Changes apply to the next check.</source>
            <translation>选择要运行的检查及其问题级别。更改在下次检查时生效。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="142" />
            <source>Filter rules</source>
            <translation>筛选规则</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="149" />
            <source>On</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="149" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="149" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="149" />
            <source>Severity</source>
            <translation>级别</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="175" />
            <source>Default (%1)</source>
            <translation>默认（%1）</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="183" />
            <source>Turn all on</source>
            <translation>全部启用</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="185" />
            <source>Restore defaults</source>
            <translation>恢复默认</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="196" />
            <source>One entry per line. Allowed words are never flagged; proper names (people, places) keep their characters exactly as written.</source>
            <translation>每行一条。允许的词语永不标记；专有名词（人名、地名等）保持原有写法，不作繁简转换。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="205" />
            <source>Allowed words</source>
            <translation>允许的词语</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="206" />
            <source>Proper names</source>
            <translation>专有名词</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="214" />
            <source>Stored in this file, which you can also edit by hand</source>
            <translation>保存在此文件中，也可以手工编辑</translation>
        </message>
    </context>
    <context>
        <name>Severity</name>
        <message>
            <location filename="../../ui/settings_dialog.py" line="38" />
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="39" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="40" />
            <source>Info</source>
            <translation>提示</translation>
        </message>
    </context>
</TS>
