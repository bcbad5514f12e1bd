"""Every user-facing string, in Chinese, in one place.

Staff read the problem messages; citizens read the page texts. Messages say what is wrong and
(in the *_HINT next to them) what to do. Placeholders use str.format names.
"""

# -- problem report ------------------------------------------------------------------------------
ERROR_LABEL = "✗ 错误"
WARNING_LABEL = "! 注意"
NOTE_LABEL = "· 说明"
AT_LINE = "（第 {line} 行）"
AT_FIELD = " 字段「{field}」"
HINT_ARROW = "→ "
SUMMARY_ERRORS = (
    "\n共发现 {errors} 个错误、{warnings} 处注意事项。站点没有生成，上一次生成的站点保持不变。"
    "请按上面的提示修改后重新运行。"
)
SUMMARY_WARNINGS = "\n共 {warnings} 处注意事项（不影响生成，建议处理）。"
NONE = "无"

# -- files ---------------------------------------------------------------------------------------
FILE_UNREADABLE = "无法读取这个文件（{detail}）。"
FILE_EMPTY = "文件是空的。"
FILE_EMPTY_HINT = "请填写内容，或者删除这个文件。"
FILE_BINARY = "这不是文本文件（可能是 Word 或图片文件改了扩展名）。"
FILE_BINARY_HINT = "公开信息请保存为 .md 文本文件；Word、PDF 等文件请作为「附件」放在旁边。"
FILE_NOT_UTF8 = "文件的编码无法识别：既不是 UTF-8，也不是 GBK。"
FILE_NOT_UTF8_HINT = "请用记事本或 VS Code 打开，选择「另存为」，编码选 UTF-8 后保存。"
FILE_GBK = "文件是 GBK 编码（Windows 记事本的旧默认格式），已按 GBK 读取。"
FILE_GBK_HINT = "建议转成 UTF-8：运行 site-builder fix-encoding，或在记事本「另存为」时编码选 UTF-8。"
FILE_UTF16 = "文件是 UTF-16 编码（记事本「另存为」时编码选了「Unicode」），已按 UTF-16 读取。"
FILE_UTF16_HINT = "建议转成 UTF-8：运行 site-builder fix-encoding，或在记事本「另存为」时编码选 UTF-8。"
FILE_LARGE = "文件很大（{size:.1f} MB），手机打开会很慢。"
FILE_LARGE_HINT = "很长的名单或表格建议放到附件（如 Excel）中，正文写摘要。"
FM_MISSING = "文件开头缺少信息块：第一行应当是三个减号 ---。"
FM_MISSING_HINT = (
    "公开信息的开头要有用 --- 包起来的信息块，写明标题、事项、发布日期等；"
    "可以运行 site-builder new 生成一份模板。"
)
FM_UNCLOSED = "开头的信息块没有结束：找不到第二行 ---。"
FM_UNCLOSED_HINT = "请在标题、日期等信息的下一行加上一行 ---，再写正文。"
FM_NOT_MAPPING = "开头信息块的格式不对：应当是「字段名: 内容」一行一项。"
FM_EMPTY = "开头的信息块是空的。"
CATALOG_MISSING = "找不到标准目录文件 {path}。"
CATALOG_MISSING_HINT = "标准目录 catalog.yaml 应放在项目根目录，格式见 docs/编写指南.md。"
CATALOG_NOT_MAPPING = "标准目录的格式不对：最外层应当是「站点」「乡镇」「领域」「事项」等字段。"

# -- YAML syntax ---------------------------------------------------------------------------------
YAML_SYNTAX = "格式错误，无法读取（{detail}）。"
YAML_TAB = "这一行用了制表符（Tab 键）缩进，这种格式只能用空格缩进。"
YAML_TAB_HINT = "请把行首的 Tab 换成两个空格（VS Code：右下角「Tab 大小」→「将缩进转换为空格」）。"
YAML_FULLWIDTH_COLON = "字段名「{key}」后面用了中文全角冒号「：」。"
YAML_FULLWIDTH_COLON_HINT = "字段名后面要用英文半角冒号加一个空格，例如「标题: 关于……的通知」。"
YAML_COLON_IN_VALUE = "这一行的内容里有英文冒号「:」，被误当成了字段名。"
YAML_COLON_IN_VALUE_HINT = "请把内容用英文双引号括起来，例如 标题: \"通知：关于……\"，或改用中文冒号。"
YAML_STRUCTURE = "格式错误：缩进或冒号不对（{detail}）。"
YAML_STRUCTURE_HINT = "每项写成「字段名: 内容」（冒号后有空格）；同一层的字段左边要对齐，用空格缩进。"
YAML_QUOTE = "引号没有配对：这一行开头的引号没有结束。"
YAML_QUOTE_HINT = "检查这一行附近的引号：开头用了 \" 结尾也要有 \"。"
YAML_QUOTE_THEN_TEXT = "格式错误：「{key}」的内容以英文引号 {quote} 开头，引号结束后还有文字，这种写法无法读取。"
YAML_SPECIAL_START = "格式错误：「{key}」的内容以「{char}」开头：在这种格式里，开头的「{char}」表示{meaning}，不是普通文字，所以这一行无法读取。"
YAML_QUOTE_VALUE_HINT = "请把整段内容用英文双引号括起来，写成：{key}: {quoted}"
YAML_QUOTE_CHINESE_HINT = "；或者把文字里的英文引号改成中文引号“”。"
YAML_SPECIAL_LIST_HINT = "（如果这里本来就要写一个列表，请检查结尾的「]」或「}」和逗号是否漏写。）"
YAML_MULTI_DOC = "文件里出现了多余的 --- 分隔线。"
YAML_MULTI_DOC_HINT = "catalog.yaml 里不要写 --- 分隔线。"
YAML_DUPLICATE_KEY = "字段「{key}」写了两次（第一次在第 {first} 行）。"
YAML_DUPLICATE_KEY_HINT = "同一个字段只能写一次，请删除多余的一行。"

# -- fields --------------------------------------------------------------------------------------
FIELD_MISSING = "缺少必填字段「{field}」。"
FIELD_MISSING_HINT = "请补上「{field}: ……」这一行。"
FIELD_NOT_TEXT = "「{field}」应当是一段文字。"
FIELD_NOT_TEXT_HINT = "写成「字段名: 内容」，内容写在同一行。"
FIELD_NOT_INT = "「{field}」应当是一个整数，这里写的是“{value}”。"
FIELD_NOT_INT_HINT = "只写数字，例如 20。"
FIELD_TOO_SMALL = "「{field}」不能小于 {minimum}。"
FIELD_TOO_SMALL_HINT = "请写 {minimum} 或更大的整数，例如「{field}: {example}」。"
FIELD_NOT_MAP = "「{field}」的格式不对：下面应当是缩进的「字段名: 内容」。"
FIELD_NOT_MAP_HINT = "参照 docs/编写指南.md 中的完整示例。"
FIELD_NOT_LIST = "「{field}」应当是一个列表，每项以「- 」开头。"
FIELD_NOT_LIST_HINT = "每一项单独一行，以减号和空格开头，例如「  - 政府网站」。"
UNKNOWN_FIELD = "不认识的字段「{field}」。"
UNKNOWN_FIELD_GUESS = "是不是想写「{guess}」？"
UNKNOWN_FIELD_HINT = "可以使用的字段有：{allowed}。"
CHOICE_UNKNOWN = "「{field}」的值“{value}”不在可选范围内。"
CHOICE_GUESS = "是不是想写「{guess}」？可选：{allowed}。"
CHOICE_HINT = "可选：{allowed}。"
ID_INVALID = "编号“{value}”不符合要求。"
ID_INVALID_HINT = (
    "编号只能用小写英文字母、数字和减号（例如 chengguan、2024-0012），不超过 40 个字符；"
    "编号会出现在网址和二维码里，发布后请不要再改。"
)
URL_INVALID = "网址“{value}”不对。"
URL_INVALID_HINT = "请写完整网址，以 https:// 或 http:// 开头，例如 https://www.example.gov.cn/。"
DATE_FORMAT = "「{field}」的日期“{value}”无法识别。"
DATE_IMPOSSIBLE = "「{field}」的日期“{value}”不存在。"
DATE_YEAR = "「{field}」的日期“{value}”年份不对。"
DATE_HINT = "请写真实的日期，格式如 2024-09-23（也可写 2024年9月23日）。"

# -- catalog -------------------------------------------------------------------------------------
WHAT_TOWNSHIP = "乡镇编号"
WHAT_TOWNSHIP_NAME = "乡镇名称"
WHAT_VILLAGE = "村（社区）编号"
WHAT_VILLAGE_NAME = "村（社区）名称"
WHAT_DOMAIN = "领域"
WHAT_ITEM = "事项"
WHAT_PAGE = "栏目页面编号"
DUPLICATE_ID = "{what}“{value}”重复了（第一次出现在第 {first} 行）。"
DUPLICATE_ID_HINT = "每个编号和名称只能用一次，请改成不同的。"
REF_UNKNOWN = "{what}“{value}”在标准目录 catalog.yaml 中不存在。"
REF_GUESS = "是不是想写「{guess}」？"
REF_DOMAIN_HINT = "请填写 catalog.yaml「领域」中某一项的 id。"
REF_ITEM_HINT = "请填写 catalog.yaml「事项」中某一项的 id（标准目录页面也列出了所有事项）。"
REF_TOWNSHIP_HINT = "请填写 catalog.yaml「乡镇」中某一项的 id 或名称；县级发布的信息不写「乡镇」。"
REF_UNKNOWN_VILLAGE = "村（社区）“{value}”不在{township}的村（社区）名单中。"
REF_VILLAGE_HINT = "这个乡镇的村（社区）有：{villages}。新的村请先加到 catalog.yaml。"
VILLAGE_WITHOUT_TOWNSHIP = "写了村（社区）“{value}”，但没有写所属乡镇。"
VILLAGE_WITHOUT_TOWNSHIP_HINT = "请同时填写「乡镇」。"
OTHER_CHANNEL_MISSING = "「公开渠道」选了「其他」，但没有写明是什么渠道。"
OTHER_CHANNEL_HINT = "请加一行「其他渠道: ……」写明具体渠道。"
LIMIT_DAYS_MISSING = "公开时限类型是「{kind}」，但没有写天数。"
LIMIT_DAYS_HINT = "请加一行「天数: 20」（填写几个工作日或自然日）。"
LIMIT_PERIOD_MISSING = "公开时限类型是「定期」，但没有写周期。"
LIMIT_PERIOD_HINT = "请加一行「周期: 按季度」（可选：按月、按季度、按半年、按年）。"

# -- notices -------------------------------------------------------------------------------------
DUPLICATE_NOTICE_ID = "编号“{value}”已经被另一篇信息用了（{first}）。"
DUPLICATE_NOTICE_ID_HINT = (
    "每篇信息的编号必须不同；复制旧文件写新信息时，请改掉 id（site-builder new 会自动分配新编号）。"
)
ATTRIBUTE_MISSING = "没有标明公开属性。按规定，未标明公开属性的文件应退回重新办理。"
ATTRIBUTE_MISSING_HINT = "请加一行「公开属性: 主动公开」（可选：主动公开、依申请公开、不予公开）。"
PUBLISHED_BEFORE_FORMED = "发布日期 {published} 早于成文日期 {formed}。"
PUBLISHED_BEFORE_FORMED_HINT = "发布日期不能早于成文日期，请核对这两个日期。"
LEVEL_MISMATCH = "事项“{item}”的公开层级是{levels}，这篇信息却是{level}发布的。"
LEVEL_MISMATCH_HINT = (
    "请核对「乡镇」「村」是否填对：县级信息不写乡镇，乡级信息不写村；"
    "或者选择公开层级相符的事项。"
)
ATTACHMENT_MISSING = "附件“{name}”找不到。"
ATTACHMENT_MISSING_HINT = "附件要和这篇信息放在同一个文件夹（{folder}）里，文件名要完全一致（包括扩展名）。"
ATTACHMENT_MARKDOWN = "附件“{name}”是 Markdown（.md）文件，不能作为附件发布：content 文件夹里的 .md 文件都当作公开信息或网页处理。"
ATTACHMENT_MARKDOWN_HINT = (
    "要附上的文字材料请另存为 .txt、.docx 或 .pdf 再作为附件；要提到另一篇信息，"
    "请在正文里链接那篇信息的 .md 文件（见第十一节）。"
)
ATTACHMENT_EMPTY = "「附件」里有一项是空的。"
ATTACHMENT_EMPTY_HINT = "每一项写一个文件名，例如「  - 名单.xlsx」；没有附件就删掉这一行。"
LINK_MISSING = "正文链接的文件“{target}”找不到。"
LINK_MISSING_HINT = "图片和文件要放在这篇信息旁边（{folder}），链接写文件名，例如 ![](照片.jpg)。"
LINK_MARKDOWN = "正文链接的“{target}”是 Markdown 文件，但不是一篇公开信息或栏目页面（草稿或其他格式），不能发布。"
LINK_OUTSIDE = "正文链接的文件“{target}”在 content 文件夹之外。"
LINK_OUTSIDE_HINT = "只能链接 content 文件夹里的文件，请把文件复制到这篇信息旁边。"
INTERPRETS_UNKNOWN = "「解读」指向的信息“{value}”不存在（或就是本篇）。"
INTERPRETS_UNKNOWN_HINT = "请填写被解读的政策文件的 id，两篇要同步发布。"
INTERPRETS_WITHHELD = "「解读」指向的信息“{value}”是不予公开的。"
INTERPRETS_WITHHELD_HINT = "不予公开的文件不能发布解读；请核对 id 或两篇的公开属性。"
PUBLISHED_FUTURE = "发布日期 {published} 在今天（{today}）之后，这篇信息这次不发布，到发布日期后重新生成网站时才会出现。"
PUBLISHED_FUTURE_HINT = "如果日期写错了，请改成实际发布的日期。"
PUBLISHED_LATE = "按「{limit}」应在 {deadline} 前公开，实际发布日期是 {published}，已超过公开时限。"
PUBLISHED_LATE_HINT = "请核对成文日期和发布日期；确实逾期的，请按本单位规定说明情况。"
BODY_EMPTY = "正文是空的，也没有附件。"
BODY_EMPTY_HINT = "请在信息块下面写正文，或者添加附件。"
EMPTY_COLUMNS = "有 {count} 个栏目还没有任何公开信息，网页上只显示「暂无公开信息」：{columns}。"
EMPTY_COLUMNS_HINT = "政府网站检查把没有内容的栏目算作空白栏目，空白栏目达到 {limit} 个即判为不合格。请尽快发布这些栏目的信息（村（社区）栏目可发布低保审核、补贴发放等公示）；确实没有公开事项的领域或事项，可以从 catalog.yaml 中去掉。"
EMPTY_KIND_CATEGORY = "五公开类别"
EMPTY_KIND_DOMAIN = "领域"
EMPTY_KIND_ITEM = "事项"
EMPTY_KIND_TOWNSHIP = "乡镇（街道）"
EMPTY_KIND_VILLAGE = "村（社区）"
EMPTY_KIND_LIST = "{kind}：{names}"
PLACEHOLDER_TITLE = "标题还是 site-builder new 模板里的提示文字「{text}」，这篇信息还没有写完。"
PLACEHOLDER_TITLE_HINT = "请改成这篇信息的正式标题；还没写完的信息可以先把文件名改成以 _ 开头（草稿，不会检查也不会发布）。"
PLACEHOLDER_BODY = "正文里还有 site-builder new 模板的提示文字「{text}」，发布出去网页上就是这句话。"
PLACEHOLDER_BODY_HINT = "请删掉这一行，写上正文（或者添加附件）；还没写完的信息可以先把文件名改成以 _ 开头（草稿）。"

# -- pages: navigation and headings --------------------------------------------------------------
NAV_HOME = "首页"
NAV_CATEGORIES = "五公开"
NAV_DOMAINS = "重点领域"
NAV_TOWNSHIPS = "乡镇（街道）"
NAV_CATALOG = "标准目录"
NAV_XXGK = "信息公开"
NAV_XXGK_INDEX = "信息公开栏目"
HOME_CATEGORIES = "五公开"
HOME_LATEST = "最新公开"
HOME_DOMAINS = "重点领域"
HOME_TOWNSHIPS = "乡镇（街道）"
HOME_XXGK = "政府信息公开"
TILE_COUNT = "{count} 条"
OVERVIEW_CATEGORIES_INTRO = "按照“五公开”要求，全县公开信息分为决策、执行、管理、服务、结果公开五类。点击类别名称查看该类全部信息。"
OVERVIEW_DOMAINS_INTRO = "按基层政务公开标准目录确定的重点领域查看公开事项和公开信息。"
OVERVIEW_TOWNSHIPS_INTRO = "各乡镇（街道）和所辖村（社区）的公开信息。可以点击乡镇名称，也可以直接点击本村（社区）名称。"
OVERVIEW_NAME = "名称"
OVERVIEW_CONTENT = "公开内容"
OVERVIEW_DEPARTMENT = "主管部门"
OVERVIEW_ITEMS = "公开事项"
OVERVIEW_KIND = "类型"
OVERVIEW_VILLAGES = "村（社区）"
OVERVIEW_COUNT = "信息数"
OVERVIEW_LATEST = "最近发布"
OVERVIEW_ITEM_COUNT = "{count} 项"
TOWNSHIP_TILE = "{kind} · {villages} 个村（社区） · {count} 条"
CATALOG_TILE = "{count} 个事项"
DOMAIN_DEPARTMENT = "主管部门：{department}"
DOMAIN_ITEMS = "公开事项"
DOMAIN_NOTICES = "本领域公开信息"
ITEM_NOTICES = "本事项公开信息"
TOWNSHIP_VILLAGES = "村（社区）"
TOWNSHIP_NOTICES = "本乡镇公开信息"
VILLAGE_OF = "{township}所辖村（社区）的公开信息。"
LIST_COUNT = "共 {count} 条，按发布日期从新到旧排列。"
LIST_EMPTY = "暂无公开信息。"
BADGE_ON_REQUEST = "依申请公开"
PAGE_PREV = "上一页"
PAGE_NEXT = "下一页"
PAGE_LABEL = "第 {current} 页，共 {total} 页"
PAGE_TITLE = "{title}（第 {number} 页）"
BY_YEAR = "按年份："
YEAR_LINK = "{year}年（{count}）"
COUNTY_LEVEL = "县级"
COUNTY_PLACE = "县级发布（不属于某个乡镇）"
CATALOG_INTRO = (
    "本目录依据《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》"
    "（国办发〔2019〕54号）编制，列明各公开事项的内容、依据、时限、主体、渠道、对象、方式和层级。"
    "点击事项名称可查看该事项已公开的全部信息。"
)
CATALOG_DOMAIN = "{domain}领域"
C_SEQ = "序号"
C_ITEM = "公开事项"
C_LEVEL1 = "一级事项"
C_LEVEL2 = "二级事项"
C_CONTENT = "公开内容（要素）"
C_BASIS = "公开依据"
C_LIMIT = "公开时限"
C_SUBJECT = "公开主体"
C_CHANNEL = "公开渠道和载体"
C_AUDIENCE = "公开对象"
C_METHOD = "公开方式"
C_LEVEL = "公开层级"
C_CATEGORY = "五公开类别"
C_PUBLISHED = "已公开信息"
C_DOMAIN = "所属领域"
ITEM_COUNT = "{count} 条"
ITEM_LATEST = "最近 {date}"
ITEM_NONE = "暂无"
NOTICE_PERIOD_SUFFIX = "；公示期 {days} 个工作日"
XXGK_INTRO = "按照《中华人民共和国政府信息公开条例》设置的信息公开栏目。"
XXGK_STATUTORY = "按五公开和标准目录分类"
COLUMN_EMPTY = "本栏目暂无内容。"
UPDATED = "更新日期：{date}"

# -- notice page ---------------------------------------------------------------------------------
F_INDEX_NO = "索引号"
F_CLASS = "分类"
F_PUBLISHER = "发布机构"
F_FORMED = "成文日期"
F_TITLE = "名称"
F_DOC_NO = "文号"
F_PUBLISHED = "发布日期"
F_ATTRIBUTE = "公开属性"
F_ITEM = "所属事项"
F_CATEGORY = "五公开类别"
F_PLACE = "乡镇"
F_KEYWORDS = "主题词"
ATTACHMENTS = "附件"
INTERPRETS = "本文解读的政策："
INTERPRETED_BY = "相关解读："
ON_REQUEST_TITLE = "本信息依申请公开"
ON_REQUEST_TEXT = "本信息不在网上公开全文。如需获取，请依法提出政府信息公开申请。"
ON_REQUEST_LINK = "查看《{title}》"

BUILD_PUBLISHED = "网站已生成到 {path}（{notices} 篇公开信息）。"
BUILD_TIME = "用时 {seconds} 秒。"
BUILD_STRICT_FAILED = "严格模式（--strict）：有 {count} 处注意事项，网站没有生成，上一次生成的网站保持不变。请处理上面的注意事项，或者不加 --strict 生成。"
BUILD_CONFIG_ERROR = "网站外观设置文件 mkdocs.yml 有错误（{detail}）。"
BUILD_CONFIG_MISSING = "找不到网站外观设置文件 mkdocs.yml。"
BUILD_CONFIG_HINT = "mkdocs.yml 放在项目文件夹里（和 catalog.yaml 在一起），一般不用改；请用项目里原来的 mkdocs.yml，或对照 git 中的版本改回来。"
BUILD_FAILED = "\n网站没有生成，上一次生成的网站保持不变。"
BUILD_ENGINE_MESSAGE = "MkDocs：{detail}"

# -- the site-builder command --------------------------------------------------------------------
USAGE_PREFIX = "用法："
ARG_SEE_HELP = "运行 {prog} --help 查看全部选项和例子。"
ARG_NEEDS_VALUE = "{option} 后面要写内容（{help}）。"
ARG_BAD_CHOICE = "{option}“{value}”不存在。可用的有：{choices}"
ARG_BAD_VALUE = "{option} 后面写的“{value}”不对。"
ARG_UNKNOWN = "不认识的选项或内容：{0}"
ARG_REQUIRED = "缺少必须写的选项：{0}"
ARG_AMBIGUOUS = "选项 {0} 不完整，可能是 {1}，请写全。"
COMMANDS_TITLE = "命令"
COMMAND = "命令"
OPTIONS_TITLE = "选项"
HELP_HELP = "显示这段帮助并退出"
ROOT_HELP = "项目文件夹（含 catalog.yaml 和 content/），默认是当前文件夹"
ROOT_METAVAR = "文件夹"
DESCRIPTION = "政务公开站点生成器：把标准目录（catalog.yaml）和公开信息（content/ 下的 Markdown 文件）生成政务公开网站。"
EPILOG = """常用流程：
  site-builder new --item shjz-dbsh --township chengguan   新建一篇公开信息
  site-builder items 低保                                  按名称查找标准目录事项
  site-builder import 通知.docx -i 低保审核 -t chengguan   把 Word 通知、Excel 名单转成公开信息
  site-builder check                                       检查所有文件，列出要修改的地方
  site-builder serve                                       在本机预览网站（改文件后自动刷新）
  site-builder build                                       生成网站到 site/ 文件夹，用于上传发布
  site-builder print --township chengguan                  打印本周的公开栏张贴包（PDF）
  site-builder archive --period 2026-11-上                 生成本期移交县档案馆、图书馆的文件

每个命令的详细说明：site-builder 命令 --help，例如 site-builder new --help"""
CHECK_HELP = "检查标准目录和全部公开信息，列出所有问题"
CHECK_DESCRIPTION = "检查 catalog.yaml 和 content/ 下的全部文件。发现错误时逐条列出文件、行号、字段和修改方法，并以非零状态退出；不生成网站。"
QUIET_HELP = "没有问题时不输出统计"
CHECK_OK = "检查通过：{notices} 篇信息将发布（另有 {withheld} 篇不予公开，不会发布），{items} 个目录事项，{townships} 个乡镇（街道），{pages} 个信息公开栏目页面。"
NEW_HELP = "新建一篇公开信息（自动填好编号、日期和信息块）"
NEW_DESCRIPTION = "按标准目录事项和乡镇新建一篇公开信息，自动分配编号，填好今天的日期、发布机构和公开属性。生成后打开文件修改标题和正文即可。"
ITEM_HELP = "标准目录事项的 id，例如 shjz-dbsh（见 catalog.yaml 或网站「标准目录」页）"
ITEM_METAVAR = "事项"
TOWNSHIP_HELP = "乡镇（街道）的 id 或名称；县级信息不写"
TOWNSHIP_METAVAR = "乡镇"
VILLAGE_HELP = "村（社区）的 id 或名称；村级信息才写"
VILLAGE_METAVAR = "村"
TITLE_HELP = "标题（也可以生成后再改）"
TITLE_METAVAR = "标题"
NEW_DONE = "已新建：{path}\n请打开这个文件，修改标题、发布日期和正文，然后运行 site-builder check 检查。"
NEW_FAILED = "无法新建："
NEW_DEFAULT_TITLE = "（请在这里填写标题）"
NEW_BODY = "（请在这里写正文。可以用 ## 写小标题，用表格列名单；名单中的身份证号、手机号要去标识化，例如 138****1234。）\n"
NEW_UNKNOWN_ITEM = "标准目录中没有事项“{item}”。可用的事项有：{items}"
NEW_UNKNOWN_TOWNSHIP = "没有乡镇（街道）“{township}”。可用的有：{townships}"
NEW_UNKNOWN_VILLAGE = "{township}没有村（社区）“{village}”。可用的有：{villages}"
NEW_VILLAGE_NEEDS_TOWNSHIP = "写了村（社区），请同时用 --township 写明所属乡镇。"
NEW_LEVEL_MISMATCH = "事项“{item}”的公开层级是{levels}，不能在{level}发布。请换一个事项，或调整 --township/--village。"
NEW_CATALOG_BROKEN = "catalog.yaml 有错误，请先运行 site-builder check 并按提示修改。"
BUILD_HELP = "生成网站到 site/ 文件夹（出错时保留上一次的网站）"
BUILD_DESCRIPTION = "检查全部文件并生成网站。有错误时不生成，上一次生成的 site/ 保持不变。"
STRICT_HELP = "严格模式：有任何注意事项也不生成"
SERVE_HELP = "在本机预览网站，修改文件后自动刷新"
SERVE_DESCRIPTION = "在本机启动预览服务器。修改 catalog.yaml 或 content/ 下的文件后，浏览器中的页面会自动刷新。按 Ctrl+C 停止。"
ADDR_HELP = "预览地址，默认 127.0.0.1:8000"
ADDR_METAVAR = "地址:端口"
SERVE_START = "正在生成预览，完成后请用浏览器打开 http://{addr}/ （按 Ctrl+C 停止）"
FIX_HELP = "把 GBK 或 UTF-16 编码（记事本旧格式、「Unicode」格式）的文件转成 UTF-8"
FIX_DESCRIPTION = "找出 content/ 和 catalog.yaml 中不是 UTF-8 编码的文件，按 UTF-16（有字节顺序标记时）或 GBK 读取后另存为 UTF-8。文件内容不变，只改编码。"
FILES_HELP = "要转换的文件；不写则自动查找"
FILES_METAVAR = "文件"
FIX_NOTHING = "所有文件都已经是 UTF-8 编码，不需要转换。"
FIX_DONE = "已转换为 UTF-8：{path}{note}"
FIX_FAILED = "无法转换：{path}（{note}）"
FIX_NOT_GBK = "既不是 UTF-8，也不是 UTF-16 或 GBK，请手工另存为 UTF-8"
FIX_ALREADY = "（原来就是 UTF-8，未改动）"
INTERRUPTED = "已中断。"

# -- search (the search page, its script and the header box) ------------------------------------
SEARCH_TITLE = "站内搜索"
SEARCH_INTRO = "可以搜索公开信息的标题、正文、文号、发布机构、乡镇和村（社区）名称，也可以只用下面的条件筛选。多个词用空格隔开，表示同时包含。"
SEARCH_LABEL = "搜索关键词"
SEARCH_PLACEHOLDER = "例如：低保、高龄津贴、12号"
SEARCH_BUTTON = "搜索"
SEARCH_HEADER_LABEL = "搜索本站"
SEARCH_FILTERS = "筛选条件"
SEARCH_ALL = "全部"
SEARCH_F_CATEGORY = "五公开类别"
SEARCH_F_DOMAIN = "领域"
SEARCH_F_TOWNSHIP = "乡镇（街道）"
SEARCH_F_YEAR = "发布年份"
SEARCH_F_SORT = "排序"
SEARCH_SORT_RELEVANCE = "相关程度"
SEARCH_SORT_DATE = "发布日期（从新到旧）"
SEARCH_YEAR = "{year}年"
SEARCH_CLEAR = "清除条件"
SEARCH_NOSCRIPT = "搜索需要浏览器启用 JavaScript。也可以按五公开、领域或乡镇栏目浏览全部公开信息。"
SEARCH_LOADING = "正在搜索……"
SEARCH_PROMPT = "请输入关键词，或选择筛选条件。"
SEARCH_COUNT = "共找到 {count} 条结果。"
SEARCH_COUNT_QUERY = "“{query}”共找到 {count} 条结果。"
SEARCH_COUNT_ABOUT = "“{query}”找到约 {count} 条结果。"
SEARCH_COUNT_MAYBE = "其中排在最后的 {count} 条篇幅较长，未能确认含有完整的“{query}”。"
SEARCH_EMPTY = "没有找到符合条件的信息。请检查错别字、减少关键词，或者放宽筛选条件再试。"
SEARCH_NONE_FOR = "没有找到“{query}”。"
SEARCH_DID_YOU_MEAN = "您是否要找："
SEARCH_MORE = "显示更多结果"
SEARCH_SHOWN = "已显示 {shown} 条，共 {count} 条。"
SEARCH_FAILED = "搜索暂时无法使用（索引文件加载失败）。请稍后再试，或按栏目浏览。"
SEARCH_OFFLINE = "以本地文件方式打开网站时无法搜索（浏览器不允许读取索引文件）。请通过网站地址访问，或按五公开、领域、乡镇栏目浏览。"
SEARCH_KIND_ITEM = "标准目录事项"
SEARCH_KIND_PAGE = "信息公开栏目"
SEARCH_ITEM_PUBLISHER = "公开主体：{subject}"
SEARCH_DOC_NUMBER = "文号：{number}"
SEARCH_KEYWORDS = "主题词：{keywords}"
SEARCH_LATER = "（正文较长，“{query}”可能在后面的部分，请打开原文查看。）"
SEARCH_COUNT_OPTION = "{label}（{count}）"
SEARCH_CONDITIONS = "搜索条件：{conditions}"
SEARCH_CONDITION_QUERY = "关键词“{query}”"

# -- publication safety: personal data (privacy.py, screen.py) ----------------------------------
PII_KIND_ID = "身份证号"
PII_KIND_MOBILE = "手机号"
PII_KIND_CARD = "银行卡号"
PII_FOUND = "发现{kind}：{shown}{why}。公开的名单和文件中，{kind}必须去标识化，完整号码不能发布。"
PII_RENDERED = (
    "网页上会显示完整的{kind}：{shown}。源文件里这串数字被 HTML 字符（如 &nbsp;、&#49;）、标签或加粗等格式拆开了，"
    "逐行检查时没有认出来，但读者在网页上看到的是完整号码。")
PII_RENDERED_HINT = (
    "请在源文件里直接写遮盖后的号码（例如手机号 138****1234、身份证号 35*************123），数字之间不要用 &nbsp; 等字符或格式；"
    "这种写法无法自动遮盖，设置了「个人信息: 遮盖」也要手工改。如果这确实不是个人信息，把它加到信息块的「不是个人信息」列表里。")
PII_FOUND_IN = "附件「{name}」{where}发现{kind}：{shown}{why}。公开的附件中，{kind}必须去标识化。"
PII_FOUND_LINKED = (
    "正文链接的文件「{name}」{where}发现{kind}：{shown}{why}。这个文件会随正文发布，{kind}必须去标识化。"
)
PII_FOUND_SHARED = (
    "共用文件夹 content/assets/ 里的文件「{name}」{where}发现{kind}：{shown}{why}。"
    "这个文件夹原样复制到网站，{kind}必须去标识化。"
)
PII_IN_FILE_NAME = "附件的文件名里有{kind}：{shown}。文件名就是网站上这个文件的网址，无法自动遮盖。"
PII_IN_LINK = "正文链接的文件名“{name}”里有{kind}：{shown}。文件名就是网站上这个文件的网址，无法自动遮盖。"
PII_IN_FILE_NAME_HINT = (
    "请把文件改名，不要在文件名里写手机号、身份证号（例如改成「联系人名单.txt」），"
    "再改掉这里写的文件名；文件里面的个人信息可以自动遮盖。"
)
PII_IN_ID = "编号（id）里有{kind}：{shown}。编号就是这一页的网址，无法自动遮盖。"
PII_IN_ID_HINT = "请换一个编号，例如 2025-0012（发布后编号不能再改，见第十二节）。"
PII_FOUND_FIELD = "「{field}」里发现{kind}：{shown}。公开的名单和文件中，{kind}必须去标识化，完整号码不能发布。"
PII_LEFT = "遮盖后「{field}」里仍有{kind}：{shown}，没能自动遮盖，不能发布。"
PII_LEFT_HINT = "请在源文件里直接改成遮盖后的写法（例如 138****1234），并把这个情况告诉维护人员。"
PII_BY_LABEL = "（按「身份证号」等标注判断）"
PII_HINT = (
    "请改成遮盖后的写法，例如 {example}；或在信息块加一行「个人信息: 遮盖」，生成网站时自动遮盖"
    "（源文件不变）。如果这确实不是个人信息（例如工单编号），把它原样加到信息块的「不是个人信息」列表里。"
)
PII_HINT_PAGE = "请改成遮盖后的写法，例如 {example}；或在 catalog.yaml「设置」中写「个人信息: 遮盖」。"
PII_HINT_SHARED = (
    "content/assets/ 里的文件原样复制到网站，不能自动遮盖：请在文件里遮盖后重新保存，例如 {example}；"
    "名单请作为附件放在信息旁边。"
)
PII_HINT_CATALOG = "站点信息里请写办公电话（如 0578-6023301）或服务热线，不要写个人手机号、身份证号。"
PII_HINT_ATTACHMENT = (
    "请在文件里遮盖后重新保存，例如 {example}；或在信息块加一行「个人信息: 遮盖」，"
    "生成网站时发布遮盖后的副本（原附件不变）。"
)
PII_WHERE_SHEET = "工作表「{sheet}」{cell} 单元格"
PII_WHERE_PARAGRAPH = "第 {number} 段"
PII_WHERE_PAGE = "第 {page} 页第 {line} 行"
PII_HINT_PDF = "PDF 附件无法自动遮盖：请在原文件（Word、Excel）中遮盖，例如 {example}，再重新导出 PDF。"
PII_WHERE_TABLE = "第 {table} 个表格第 {row} 行第 {column} 列"
PII_UNREADABLE = "附件「{name}」无法打开（可能已损坏、加了密码，或扩展名不对），不能检查其中的个人信息（{detail}）。"
PII_UNREADABLE_LINKED = (
    "正文链接的文件「{name}」无法打开（可能已损坏、加了密码，或扩展名不对），不能检查其中的个人信息（{detail}）。"
)
PII_UNREADABLE_HINT = "请用 Excel 或 Word 打开这个文件，另存一份后替换，再重新生成。"
PII_MASKED = "已在网站上遮盖 {count} 处个人信息（{kinds}），位置：{places}。源文件没有改动。"
PII_PATTERN_BAD = "「遮盖格式」中{kind}的写法“{value}”看不懂。"
PII_PATTERN_BAD_HINT = "写一个遮盖后的样子，用 * 代替要隐藏的数字，例如 手机号: 138****1234、身份证号: 35*************123。"
PII_PATTERN_WEAK = "「遮盖格式」中{kind}的写法“{value}”保留的数字太多。"
PII_PATTERN_WEAK_HINT = "手机号至少隐藏 4 位，身份证号必须隐藏出生日期（第 7～14 位），银行卡号至少隐藏 6 位。"
PII_PATTERN_KIND = "「遮盖格式」里不认识“{kind}”。"
PII_PATTERN_KIND_HINT = "可以设置：手机号、身份证号、银行卡号。"

# -- publication safety: unsafe HTML (rawhtml.py) -------------------------------------------------
HTML_TAG = "正文里的 HTML 标签 <{name}> 不允许使用{why}：{snippet}"
HTML_TAG_WHY = {
    "script": "（脚本可以篡改网页、窃取访问者的信息）",
    "style": "（样式可以隐藏或伪造网页内容）",
    "iframe": "（会在网页里嵌入其他网站）",
    "frame": "（会在网页里嵌入其他网站）",
    "object": "（会在网页里嵌入插件或其他网站）",
    "embed": "（会在网页里嵌入插件或其他网站）",
    "form": "（表单可以伪造办事入口、收集信息）",
    "input": "（表单可以伪造办事入口、收集信息）",
    "meta": "（会让网页自动跳转）",
    "base": "（会改变网页里所有链接的去向）",
    "link": "（会加载其他网站的文件）",
}
HTML_TAG_HINT = (
    "正文只能用 Markdown 和少量 HTML：表格、换行 <br>、加粗、斜体、下划线、上下标、列表。"
    "请删除这个标签；表格请用 Markdown 表格。"
)
HTML_EVENT = "HTML 属性 {name} 不允许使用（事件属性会运行脚本）：{snippet}"
HTML_STYLE = "HTML 属性 style 不允许使用（样式可以隐藏或伪造网页内容）：{snippet}"
HTML_ATTRIBUTE = "HTML 属性 {name} 不允许使用：{snippet}"
HTML_ATTRIBUTE_HINT = "请删除这个属性。表格可用 colspan、rowspan、align；图片可用 alt、width、height；链接可用 href、title。"
HTML_CLASS = "样式类“{name}”不允许使用（样式类可以隐藏或伪造网页内容）：{snippet}"
HTML_CLASS_HINT = "请删除 {: .…} 写法或 class 属性；提示框写成 !!! note \"标题\"，类型只能用 note、info、tip、warning、danger 等英文名。"
HTML_URL = "链接地址“{name}”不允许使用。"
HTML_URL_HINT = "只能链接以 http://、https://、mailto:、tel: 开头的网址，或这篇信息旁边的文件；javascript:、data: 等地址会运行脚本或伪造内容。"
HTML_EXTERNAL_IMAGE = "图片“{name}”在其他网站上，网页打开时会向那个网站请求（很多地方打不开，也不安全）。"
HTML_EXTERNAL_IMAGE_HINT = "请把图片文件下载下来放在这篇信息旁边，用 ![图片说明](文件名.jpg) 引用。"
HTML_COMMENT = "HTML 注释里的文字网页上看不见，却会原样出现在网页源代码中：{snippet}"
HTML_COMMENT_HINT = "请删除这段注释；不公开的内容不要写进公开信息。"

# -- publication safety: attachments and withheld documents --------------------------------------
ATTACHMENT_OUTSIDE = "附件“{name}”不在 content 文件夹里（路径里有 ..、是绝对路径，或是指向外面的链接）。"
ATTACHMENT_OUTSIDE_HINT = "附件只能放在这篇信息旁边（或旁边的子文件夹里），「附件」里直接写文件名。"
ATTACHMENT_ACTIVE = "附件“{name}”是 {kind} 文件：网页、SVG 图片、XML、脚本、Flash 这类文件可以带脚本，放到网站上会在本站网址下运行，能篡改网页、窃取访问者的信息。"
LINK_ACTIVE = "正文链接的文件“{target}”是 {kind} 文件：网页、SVG 图片、XML、脚本、Flash 这类文件可以带脚本，放到网站上会在本站网址下运行，能篡改网页、窃取访问者的信息。"
ACTIVE_FILE_HINT = "请转换后再发布：网页（包括 Word 另存的 .htm）和 XML 转成 PDF（在浏览器或 Word 里「打印」→「另存为 PDF」），SVG 图片转成 PNG（正文里写 ![说明](图.png)）；脚本、程序和服务器配置文件不能发布。"
LINK_WITHHELD = "正文链接了不予公开的信息（{file}）。"
LINK_WITHHELD_HINT = "不予公开的信息没有网页，也不能被链接；请删除这个链接。"
TABLE_LONG = "正文里的表格有 {rows} 行，手机上很难阅读，网页也会很慢。"
TABLE_LONG_HINT = "很长的名单建议做成 Excel 附件，正文只写说明和汇总。"

# -- printed links never break (permalinks.py) ----------------------------------------------------
MANIFEST_HEADER = (
    "# 已发布的网址：每次生成网站成功后由 site-builder 自动补充，请随项目一起提交，不要手工删除。\n"
    "# 这些网址可能已印在公开栏的二维码上。以后生成时如果其中某个网址不再有页面，会报错，\n"
    "# 需要在 catalog.yaml 的「迁移」（换了网址，自动跳转）或「撤回」（已撤回，显示撤回说明）中写明。\n"
)
MANIFEST_UPDATED = "已把新发布的网址记入 {file}，请随项目一起提交。"
URL_GONE = "网址 {url} 以前发布过（可能已印在公开栏的二维码上），这次生成后它将打不开。"
URL_GONE_HINT = (
    "如果这篇信息改了编号或换了位置，请在 catalog.yaml 中写明新网址，生成的网站会自动跳转：\n"
    "      迁移:\n        - {{原网址: {url}, 新网址: /n/新的编号/}}\n"
    "    如果这篇信息已撤回、不再公开，请写明撤回日期，网址会显示“已撤回”的说明：\n"
    "      撤回:\n        - {{网址: {url}, 日期: {today}}}\n"
    "    （只有确定这个网址从来没有上线过时，才可以从 published-urls.txt 中删除这一行。）"
)
URL_STILL_USED = "网址 {url} 现在还有页面，不能写在「迁移」或「撤回」里。"
URL_STILL_USED_HINT = "请核对网址；只有已经没有页面的旧网址才需要写明去向。"
URL_DECLARED_TWICE = "网址 {url} 已经写过一次（第 {first} 行）。"
URL_TARGET_MISSING = "「新网址」{url} 没有页面。"
URL_TARGET_MISSING_HINT = "请写这次生成的网站中存在的网址，例如 /n/2025-0012/，或者以 https:// 开头的完整网址。"
URL_DECLARED_BAD = "网址“{value}”的写法不对。"
URL_DECLARED_BAD_HINT = "请写本站网页的路径，例如 /n/2024-0003/（也可以写完整网址）。"
MOVED_TITLE = "页面已迁移"
MOVED_TEXT = "本页已迁移，正在跳转。如果没有自动跳转，请点击："
RETIRED_TITLE = "该信息已撤回"
RETIRED_TEXT = "您访问的信息已于 {date} 撤回，不再公开。"
RETIRED_NOTE = "说明：{note}"
RETIRED_HOME = "返回首页"

# -- link check after every build (linkcheck.py) --------------------------------------------------
LINK_BROKEN = "网页 {page} 上的链接“{link}”指向的页面或文件不存在。"
LINK_ANCHOR_BROKEN = "网页 {page} 上的链接“{link}”指向的位置（# 后面的部分）在目标页面上找不到。"
LINK_EXTERNAL = "网页 {page} 要从其他网站加载“{link}”。网站不能向其他网站请求脚本、样式、图片或字体（很多地方打不开，也不安全）。"
LINK_ON_MORE_PAGES = "（另有 {count} 个网页也是这样）"
LINK_BROKEN_HINT = "请核对链接：站内网页写成 ../../n/2025-0012/ 这样的相对地址，文件要放在信息旁边并写对文件名。网站没有生成，上一次的网站保持不变。"
LINK_EXTERNAL_HINT = "请把文件下载下来放进项目（图片放在信息旁边，样式和字体放在 content/assets/ 或 overrides/ 中），改用本站地址。"

# -- QR codes (qr.py) ----------------------------------------------------------------------------
QR_LABEL = "本页二维码"
QR_ALT = "本页网址 {url} 的二维码"
QR_SCAN_SCREEN = "用手机扫码，打开本页"
QR_SCAN_PRINT = "扫码查看原文"
QR_DOWNLOAD = "下载二维码："
QR_PNG = "PNG 图片（可插入 Word）"
QR_SVG = "SVG 矢量图（印刷用）"
QR_SOURCE = "来源：{site}"
PRINT_DATE = "打印日期："
PRINT_DATE_FORMAT = "{year}年{month}月{day}日"  # filled in by the page's script; as dates.cn: 2026年12月01日
QR_FILE_NAME = "二维码-{name}"
QR_HOME_NAME = "首页"
QR_NAME_TAKEN = "文件名“{name}”和本页二维码的文件名相同，二维码会覆盖它。"
QR_NAME_HINT = "qr.svg 和 qr.png 是网站为每个页面生成的二维码，请把这个文件改名（并修改正文或附件中对它的引用）。"

# -- printing: posters, board packs, QR sheets (printing.py, pdf.py) -----------------------------
POSTER_SITE = "{site} · 公开栏"
POSTER_PERIOD = "公示期"
POSTER_PERIOD_VALUE = "{first}至{last}（{days}个工作日）"
POSTER_ATTACHMENTS_ONLINE = "附件请扫描上方二维码，在网上查看和下载。"
PAGE_NUMBER = "第 {page} 页，共 {pages} 页"
RUNNING_LINE = "（续）{title}"
COVER_TITLE = "政务公开栏"
COVER_SCOPE = "本期张贴：{scope}，共 {count} 篇"
COVER_MAIN_QR = "扫码查看{place}全部公开信息"
COVER_CATEGORIES = "按“五公开”分类查看全县信息"
COVER_CONTENTS = "本期目录"
COVER_NO = "序号"
COVER_PERIOD = "至{last}"
SCOPE_SINCE = "{since}以来发布的信息"
SCOPE_UNTIL = "{until}以前发布的信息"
SCOPE_BETWEEN = "{since}至{until}发布的信息"
SCOPE_LATEST = "最新 {count} 篇"
SCOPE_JOIN = "中的"
SHEET_HOME = "网站首页"
SHEET_HALL_TITLE = "{site}政务公开专区"
SHEET_PART = "{title}（{number}）"
SHEET_HALL_SUBTITLE = "用手机扫描二维码，查看政府信息公开"
SHEET_TOWNSHIP_TITLE = "{township}政务公开"
SHEET_TOWNSHIP_SUBTITLE = "扫码查看本乡镇（街道）和各村（社区）的公开信息"
SHEET_TOWNSHIP_SELF = "{township}（全部）"
SHEET_FOOT = "主办单位：{sponsor}　电话：{phone}　网址：{url}"
FILE_PACK = "公开栏-{place}-{date}.pdf"
FILE_POSTER = "公示栏版-{notice}.pdf"
FILE_HALL_SHEET = "二维码-政务公开专区.pdf"
FILE_TOWNSHIP_SHEET = "二维码-{township}.pdf"
DONE_PACK = "封面和 {count} 篇信息的公示栏版"
DONE_POSTER = "公示栏版"
DONE_HALL_SHEET = "政务公开专区二维码：首页、五公开、各领域"
DONE_TOWNSHIP_SHEET = "本乡镇和 {count} 个村（社区）的二维码"
PRINT_DONE = "已生成：{path}（{what}，共 {pages} 页）"
PRINT_HELP = "生成打印用的 PDF：公开栏张贴包、公示栏版、政务公开专区二维码"
PRINT_DESCRIPTION = """生成 A4 打印用的 PDF 文件（放在 print/ 文件夹）：
  --township 乡镇          公开栏张贴包：封面（乡镇名称、日期、二维码、目录）+ 每篇信息的公示栏版
  --notice 编号            一篇信息的公示栏版（大字标题、发布机构、发布日期、公示期、二维码）
  --sheets                 政务公开专区二维码：全县一张（五公开、各领域），每个乡镇一张（含各村）
不写 --since、--until、--latest 时，张贴包包含本周（周一起）发布的信息。
例如：site-builder print --township chengguan --since 2026-11-16"""
PRINT_TOWNSHIP_HELP = "乡镇（街道）的 id 或名称：生成这个乡镇的公开栏张贴包"
PRINT_VILLAGE_HELP = "村（社区）的 id 或名称：只打印这个村的信息（同时写 --township）"
PRINT_SINCE_HELP = "只包含这一天及以后发布的信息，例如 2026-11-16"
PRINT_UNTIL_HELP = "只包含这一天及以前发布的信息"
PRINT_LATEST_HELP = "只包含最新的 N 篇"
PRINT_NOTICE_HELP = "信息编号，生成这篇信息的公示栏版；可以写多次"
PRINT_SHEETS_HELP = "生成政务公开专区二维码（全县一张，每个乡镇一张）"
PRINT_OUT_HELP = "PDF 放在哪个文件夹，默认 print/"
DATE_METAVAR = "日期"
NOTICE_METAVAR = "编号"
PRINT_NOTHING = "请说明要打印什么：--township 乡镇（张贴包）、--notice 编号（公示栏版）或 --sheets（二维码）。例如：site-builder print --township chengguan --since 2026-11-16"
PRINT_INPUT_ERRORS = "请先按上面的提示修改，再打印。"
PRINT_UNKNOWN_TOWNSHIP = "没有乡镇（街道）“{township}”。可用的有：{townships}"
PRINT_UNKNOWN_VILLAGE = "{township}没有村（社区）“{village}”。可用的有：{villages}"
PRINT_VILLAGE_NEEDS_TOWNSHIP = "写了 --village，请同时用 --township 写明所属乡镇。"
PRINT_UNKNOWN_NOTICE = "没有编号为“{notice}”的已发布信息。请核对编号（见信息文件开头的 id，或网址 /n/编号/）。"
PRINT_ON_REQUEST = "信息“{notice}”是依申请公开的，不在网上公开全文，不能打印公示栏版。"
PRINT_BAD_DATE = "{option} 的日期“{value}”无法识别，请写成 2026-11-16 这样的格式。"
PRINT_IMPOSSIBLE_DATE = "{option} 的日期“{value}”不存在（日历上没有这一天），请核对日期。"
PRINT_DATE_YEAR = "{option} 的日期“{value}”年份不对，请写 {first}—{last} 年之间的日期。"
PRINT_BAD_LATEST = "--latest 后面要写一个正整数，例如 --latest 10（这里是“{value}”）。"
PRINT_DEFAULT_WEEK = "没有指定 --since、--until 或 --latest：打印本周（{since}以来）发布的信息。"
PRINT_NO_NOTICES = "{place}没有符合条件的信息（{scope}；依申请公开的信息不打印）。请用 --since 指定更早的日期，或用 --latest 10 打印最新 10 篇。"
PRINT_SITE_MISSING = "注意：还没有生成网站（没有 {site} 文件夹）。二维码指向网站上的页面，请运行 site-builder build 并把网站发布后再张贴。"
PRINT_PAGES_MISSING = "注意：{site} 中还没有这些二维码指向的页面：{pages}。请重新运行 site-builder build 并发布网站后再张贴。"
PRINT_PAGE = "{label}（{path}）"
PRINT_PAGES_MORE = " 等 {count} 个"
PDF_NO_BROWSER = "生成 PDF 需要 Chromium 浏览器，但没有找到。请安装：sudo apt-get install chromium fonts-noto-cjk（也可以用环境变量 SITE_BUILDER_CHROMIUM 指定浏览器程序）。"
PDF_BAD_BROWSER = "环境变量 {env} 指定的浏览器程序“{path}”不存在，没有生成 PDF。请改成 Chromium 程序的完整路径（例如 /usr/bin/chromium），或者去掉这个环境变量，使用系统里安装的 chromium。"
PDF_NO_CHINESE_FONT = "注意：没有找到中文字体，PDF 中的汉字可能显示为方框。请安装：sudo apt-get install fonts-noto-cjk"
PDF_TIMEOUT = "生成 PDF 超过 {seconds} 秒没有完成，已停止。请重试；信息很多时可以用 --latest 减少篇数。"
PDF_FAILED = "Chromium 没能生成 PDF（{detail}）。请确认 Chromium 可以运行：chromium --headless --version"

# --- issue 11: spreadsheets (sheets.py) ---
SHEET_SUBJECT_ATTACHED = "附件「{name}」"
SHEET_SUBJECT_LINKED = "正文链接的文件「{name}」"
SHEET_SUBJECT_SHARED = "共用文件夹 content/assets/ 里的文件「{name}」"
SHEET_LABEL = "工作表「{sheet}」"
SHEET_HIDDEN = "（隐藏的工作表）"
SHEET_VERY_HIDDEN = "（深度隐藏的工作表，Excel 的「取消隐藏」里也看不到）"
SHEET_WHERE_CELL = "{sheet}{cell} 单元格"
SHEET_WHERE_FORMULA = "{sheet}{cell} 单元格的公式"
SHEET_WHERE_COMMENT = "{sheet}{cell} 单元格的批注"
SHEET_WHERE_LINK = "{sheet}{cell} 单元格的超链接"
SHEET_WHERE_HEADER = "{sheet}的{part}（{side}）"
SHEET_WHERE_TITLE = "{sheet}的名称"
SHEET_WHERE_NAME = "定义的名称「{name}」（公式 → 名称管理器）"
SHEET_WHERE_PROPERTY = "文档属性「{name}」（文件 → 信息 → 属性）"
SHEET_WHERE_CUSTOM = "自定义属性「{name}」（文件 → 信息 → 属性 → 高级属性 → 自定义）"
SHEET_WHERE_PART = "{part}（文件内部的 {path}）"
SHEET_WHERE_PART_OF_SHEET = "工作表「{sheet}」的{part}"
SHEET_WHERE_RAW = "文件的其他部分（公式、文本框、图表等，无法确定具体位置）"
SHEET_PART_CELLS = "单元格"
SHEET_PART_HEADERS = "页眉页脚"
SHEET_PART_LINKS = "超链接"
SHEET_PART_VALIDATION = "数据有效性（下拉列表）"
SHEET_PART_CONDITIONAL = "条件格式"
SHEET_PART_OTHER = "其他设置"
SHEET_PART_STRINGS = "文字表（单元格的文字，包括删除内容后留在文件里的）"
SHEET_PART_COMMENTS = "批注"
SHEET_PART_THREADED = "新版批注（可回复的批注）"
SHEET_PART_PERSONS = "批注人名单"
SHEET_PART_CHARTS = "图表（图表里保存了一份数据）"
SHEET_PART_VML = "批注框或控件"
SHEET_PART_DRAWINGS = "图形、文本框或图片说明"
SHEET_PART_PIVOT_CACHE = "数据透视表保存的数据"
SHEET_PART_PIVOT = "数据透视表"
SHEET_PART_EXTERNAL = "外部链接保存的数据"
SHEET_PART_TABLES = "表格（套用表格格式）的设置"
SHEET_PART_QUERY = "数据连接或查询"
SHEET_PART_STYLES = "单元格格式"
SHEET_PART_WORKBOOK = "工作簿设置"
SHEET_PART_SHEET_NAMES = "工作表名称"
SHEET_PART_NAMES = "定义的名称（公式 → 名称管理器）"
SHEET_PART_CORE = "文档属性"
SHEET_PART_CUSTOM = "自定义属性"
SHEET_PART_APP = "文档属性（单位、经理等）"
SHEET_PART_CUSTOM_XML = "自定义 XML 数据"
SHEET_PART_SLICERS = "切片器或日程表"
SHEET_PART_RELS = "链接地址"
SHEET_PART_OTHER_FILE = "其他部分"
SHEET_NUMBER = (
    "{subject}{where}的{kind}是以数字格式保存的（{shown}，{length} 位）：Excel 的数字只保留 15 位有效数字，"
    "后面几位已经变成 0 或别的数字，在 Excel 里还会显示成 {scientific} 这样的科学计数法。")
SHEET_SCIENTIFIC = (
    "{subject}{where}的“{text}”是用科学计数法写的 {length} 位长号码，看起来是{kind}："
    "号码的后几位已经丢失（通常是单元格为数字格式，或经过 CSV 文件转存造成的）。")
SHEET_NUMBER_HINT = (
    "请把这一列设置为文本格式（选中整列 → 右键「设置单元格格式」→「文本」），再按原始材料重新输入完整号码"
    "（丢失的位数无法从这个文件恢复；也可以先输入英文单引号 ' 再输入号码），公开时写成遮盖后的样子，例如 {example}。"
    "设置了「个人信息: 遮盖」也要先改好，否则网站上是错误的号码。")
SHEET_EMBEDDED = "{subject}里嵌入了其他文件、控件或宏（{parts}），无法检查其中的个人信息，读者下载后却能打开。"
SHEET_EMBEDDED_HINT = (
    "请在 Excel 或 WPS 里删除嵌入的对象（插入的文件、图标、控件）和宏，另存为 Excel 工作簿（.xlsx）后替换；"
    "需要一起公开的文件请作为单独的附件。")
SHEET_LEFT = "{subject}遮盖后，{where}里仍有{kind}：{shown}。这一部分无法自动遮盖，不能发布。"
SHEET_LEFT_HINT = (
    "请在 Excel 里删除或改掉这一部分（{where}）：例如删除数据透视表、图表或外部链接，给工作表、名称改名；"
    "或在原文件里直接写遮盖后的号码，例如 {example}。然后重新生成。")
SHEET_XLS_MASK = "{subject}{where}发现{kind}：{shown}。旧版 Excel 文件（.xls、.et）无法自动遮盖。"
SHEET_XLS_MASK_HINT = (
    "请在 Excel 或 WPS 里打开这个文件，「另存为」Excel 工作簿（.xlsx），改用新文件（.xlsx 可以自动遮盖）；"
    "或在文件里手工遮盖，例如 {example}。")
SHEET_OLE_EMBEDDED = "嵌入的对象"
SHEET_OLE_MACROS = "宏"
SHEET_TOO_BIG = "{subject}解压后有 {size} MB，超过了 {limit} MB 的上限，没有检查（这么大的表格读者也很难打开，也可能是有意做成的“压缩炸弹”）。"
SHEET_TOO_BIG_HINT = "请删除不需要公开的工作表、图片和格式后重新保存，或拆成几个文件；公开名单只保留必要的列。"
SHEET_XLS_USER = "作者（最后保存者）"
SHEET_WHERE_HEADER_XLS = "{sheet}的{part}"
SHEET_WHERE_XLS_PROPERTIES = "文档属性（文件 → 属性：标题、主题、作者、单位、备注等）"
SHEET_NUMBER_WHOLE = (
    "{subject}{where}的{kind}是以数字格式保存的（{shown}，{length} 位）：号码现在还完整，但 Excel 会把它显示成 {scientific} 这样的科学计数法，"
    "再编辑、复制或另存为 CSV 时后几位就会丢失。")

# --- issue 11: attachments in every format (formats.py, documents.py, screen.py) ---
# Why a file cannot be read (after 附件「名称」), and how to make it readable.
UNREAD_OLD_WORD = "是旧版 Word 或 WPS 文字文件（{suffix}），无法读取其中的文字"
UNREAD_OLD_WORD_FIX = "请用 WPS 或 Word 打开它，「文件 → 另存为」Word 文档（.docx），把附件换成 .docx 文件"
UNREAD_OLD_SHEET = "是旧版 Excel 或 WPS 表格文件（{suffix}），无法读取其中的单元格"
UNREAD_OLD_SHEET_FIX = "请用 WPS 或 Excel 打开它，「文件 → 另存为」Excel 工作簿（.xlsx），把附件换成 .xlsx 文件"
UNREAD_OLD_SLIDES = "是旧版 PowerPoint 或 WPS 演示文件（{suffix}），无法读取其中的文字"
UNREAD_SLIDES = "是演示文稿（.pptx），无法读取其中的文字"
UNREAD_SLIDES_FIX = "请用 WPS 或 PowerPoint 打开它，「文件 → 导出为 PDF」，把附件换成这个（文字版）PDF"
UNREAD_OLE = "是旧版 Office 或 WPS 格式的文件，或者加了密码（内部是 OLE 复合文档），无法读取其中的文字"
UNREAD_OLE_FIX = "请用 WPS 或 Office 打开它，去掉密码，另存为 .docx、.xlsx 或文字版 PDF 后替换"
UNREAD_ARCHIVE = "是 {suffix} 压缩包，无法打开检查里面的文件"
UNREAD_ARCHIVE_FIX = "请解压后把里面的文件逐个作为附件，或者重新压缩成 .zip 格式"
UNREAD_OFD = "是 OFD 版式文件，无法读取其中的文字"
UNREAD_OFD_FIX = "请用 OFD 阅读器（如数科阅读器）把它导出为 PDF（文字版）后替换"
UNREAD_BINARY = "不是文字文件，也不是能识别的文档格式（{suffix}），无法读取其中的内容"
UNREAD_SUFFIX = "扩展名 {suffix}"
UNREAD_NO_SUFFIX = "文件名没有扩展名"
UNREAD_BINARY_FIX = "请换成常用格式（.csv、.txt、.xlsx、.docx 或文字版 PDF）后再作为附件"
UNREAD_PDF_SCAN = "是扫描件 PDF（里面只有图片，没有可以读取的文字）"
UNREAD_PDF_SCAN_FIX = "请用由 Word 或 WPS 直接「导出为 PDF」的文字版替换；只有纸质原件时，请把内容录入成 Word 或 Excel 再导出"
UNREAD_TOO_BIG = "解压后超过 {size} MB，或压缩包套压缩包超过 {depth} 层（为防止“压缩炸弹”，没有继续解压）"
UNREAD_TOO_BIG_FIX = "请解压后把需要公开的文件直接作为附件"
UNREAD_IN_MEMBER = "里的「{member}」{reason}"
UNREAD_ENCRYPTED = "加了密码，无法打开"
UNREAD_ENCRYPTED_FIX = "请去掉密码后重新压缩（网站上的附件不应加密码）"
DOCX_UNREAD_EMBEDDED = "里嵌入了旧格式的对象「{name}」（例如粘贴进来的旧版 Excel 表格），无法读取"
DOCX_UNREAD_EMBEDDED_FIX = "请在 Word 里删除这个嵌入对象，改为「选择性粘贴 → 无格式文本」或直接插入表格，再保存"

# Reported at the notice (or page) that attaches or links the file.
FILE_UNREAD = "附件「{name}」{reason}，不能自动检查其中的身份证号、手机号、银行卡号，不能直接公开。"
FILE_UNREAD_LINKED = "正文链接的文件「{name}」{reason}，不能自动检查其中的身份证号、手机号、银行卡号，不能直接公开。"
FILE_UNREAD_HINT = (
    "{fix}。如果必须公开原文件：请逐个文件、逐页人工核查，确认没有未遮盖的个人信息后，在信息块里登记，例如\n"
    "人工核查:\n  - {{文件: {name}, 核查人: 张三, 日期: {today}}}\n（见编写指南第十节）。")
FILE_MASK_INCOMPLETE_HINT = "这个文件遮盖后仍能找到号码，不能自动遮盖：请在原文件里遮盖（例如 {example}）后重新保存。"
FILE_MASK_WORD_HINT = (
    "这个 Word 文件有的地方无法自动遮盖（例如嵌入的 RTF 或 PDF）：请在 Word 里遮盖（例如 {example}）后重新保存，"
    "修订请「审阅 → 接受所有修订」，批注请删除，页眉页脚、文本框和「文件 → 信息 → 属性」也要检查。")
FILE_MASK_RTF_HINT = "RTF 文件无法自动遮盖：请用 Word 或 WPS 打开，遮盖（例如 {example}）后另存为 .docx 再作为附件。"
PICTURES_UNCHECKED = (
    "有 {count} 个{what}（{examples}）：其中的文字无法自动识别，"
    "发布前请人工查看，确认没有身份证、银行卡、手机号等个人信息（例如证件照片、签名表的照片）。"
)

UNCHECKED_PICTURES = "图片"
UNCHECKED_MEDIA = "音频或视频文件"
UNCHECKED_BOTH = "图片、音频或视频文件"

# Where a finding is, inside a file.
WHERE_LINE = "第 {line} 行第 {column} 列"
WHERE_MEMBER = "里的「{member}」{where}"
WHERE_MEMBER_NAME = "里的文件名「{member}」"
WHERE_JSON = "「{path}」的值"
WHERE_JSON_KEY = "「{path}」的键名"
DOCX_EMBEDDED = "里嵌入的文件「{member}」{where}"
DOCX_SECTION = "第 {section} 节{variant}{kind}"
DOCX_HEADER = "页眉"
DOCX_FOOTER = "页脚"
DOCX_FIRST_PAGE = "首页"
DOCX_EVEN_PAGE = "偶数页"
DOCX_FOOTNOTE = "第 {number} 个脚注"
DOCX_ENDNOTE = "第 {number} 个尾注"
DOCX_COMMENT = "第 {number} 条批注"
DOCX_RELS = "超链接或外部引用"
DOCX_GLOSSARY = "文档部件（内容控件的提示文字、自动图文集）"
DOCX_CHART = "图表数据"
DOCX_DIAGRAM = "SmartArt 图形"
DOCX_CUSTOM_XML = "内容控件绑定的数据（自定义 XML）"
DOCX_SETTINGS = "文档变量"
DOCX_PROPERTIES = "文档属性"
DOCX_PROPERTY = "文档属性「{name}」（「文件 → 信息 → 属性」）"
DOCX_PART = "文件内部的「{name}」部分"
DOCX_CONTROL = "（内容控件）"
DOCX_TEXT_BOX = "里的第 {number} 个文本框"
DOCX_INSIDE = "里的"
DOCX_ATTR = "（{name} 属性）"
DOCX_ATTR_ALT = "（图片或图形的说明文字）"
DOCX_ATTR_TOOLTIP = "（链接的提示文字）"
DOCX_ATTR_FIELD = "（域代码）"
DOCX_ATTR_LINK = "（链接地址）"
DOCX_DELETED = "（修订中被删除的文字：在 Word「审阅」里接受或拒绝修订后才会真正删除）"
DOCX_INSERTED = "（修订中插入的文字）"
DOCX_FIELD_CODE = "（域代码：按 Alt+F9 可以看到）"

# 人工核查: files a person has checked, declared in the front matter.
REVIEW_NOT_LIST = "「人工核查」要写成列表，每项写明文件、核查人和日期。"
REVIEW_HINT = "例如\n人工核查:\n  - {文件: 2019年名单.doc, 核查人: 张三, 日期: 2026-11-20}"
REVIEW_UNKNOWN_FILE = "「人工核查」里的文件「{name}」不是这篇的附件，也不是正文链接的文件。"
REVIEW_UNKNOWN_FILE_HINT = "文件名要和「附件」或正文链接里写的完全一样。这篇的文件有：{names}"
REVIEW_NO_FILES = "（没有）"
REVIEW_FUTURE = "「人工核查」的日期 {date} 还没到（今天是 {today}）。"
REVIEW_FUTURE_HINT = "请写实际核查的日期。"
# --- issue 11: silent or misleading behaviour ---
# File names the build writes into a page folder (filenames.py)
NAME_RESERVED = "附件“{name}”和网站为本页生成的文件 {reserved} 同名（不分大小写），生成网站时会互相覆盖，全站的链接都会出错。"
LINK_RESERVED = "正文链接的文件“{target}”和网站为本页生成的文件 {reserved} 同名（不分大小写），生成网站时会互相覆盖，全站的链接都会出错。"
NAME_RESERVED_HINT = "index.html（网页本身）、qr.png 和 qr.svg（本页二维码）是网站为每个页面生成的文件名。请把文件改名，例如“{suggest}”，并改正「附件」或正文里的文件名。"
LINK_ESCAPE = "正文链接“{written}”：文件名里的“{char}”在网址里有特殊含义（# 后面是页内位置，? 后面是查询条件，% 用来转义），这样写链接指向的不是文件“{name}”。"
LINK_ESCAPE_HINT = "链接里请写成 ({escaped})（把特殊符号转义）；或者把文件改名，不用 # ? % 这些符号。同一个文件写在「附件」里时不用转义，网站会自动处理。"
# Files under content/ that are never read (strays.py)
STRAY_SUFFIX = "这个文件不会被读取，也不会发布：只有扩展名是小写 .md 的文件才当作公开信息（或信息公开栏目页面）读取，“{suffix}”不算。"
STRAY_SUFFIX_HINT = "如果这是一篇公开信息，请把文件改名为“{suggest}”。"
STRAY_TEXT = "这个文件开头有 --- 信息块，像是一篇公开信息，但扩展名是“{suffix}”，不会被读取，也不会发布；也没有信息把它作为附件或在正文里链接它。"
STRAY_WORD = "这个 {suffix} 文件没有信息把它作为附件，也没有正文链接它，不会读取，也不会发布。"
STRAY_WORD_HINT = "如果它是某篇信息的附件，请在那篇信息的「附件」里写上文件名“{name}”；如果它本身就是要发布的信息，请运行 site-builder new 新建一篇 .md 信息，把正文复制进去（原文件可以作为附件）；不需要的文件请移出 content 文件夹。"
# published-urls.txt deleted or emptied (manifestguard.py)
MANIFEST_LOST = "找不到已发布网址的记录 published-urls.txt（或者里面没有网址），但这个项目以前发布过网站（{evidence}）。没有这份记录，就查不出哪些印在公开栏二维码上的网址这次会打不开。"
MANIFEST_LOST_HINT = (
    "请恢复这个文件：用版本库恢复（git checkout -- published-urls.txt），或者复制上次生成时留下的副本"
    "（cp .cache/published-urls.txt published-urls.txt）。确实要从头记录时（例如网站从未正式上线），"
    "请新建 published-urls.txt，只写一行：{marker}"
)
MANIFEST_EVIDENCE_SITE = "{site} 文件夹里有上次生成的网站，{count} 个网址"
MANIFEST_EVIDENCE_COPY = ".cache/published-urls.txt 里记着 {count} 个网址"
MANIFEST_EVIDENCE_GIT = "版本库（git）最近一次提交的 published-urls.txt 里记着 {count} 个网址"
# 迁移 / 撤回 (permalinks.py)
RETIRED_FUTURE = "「日期」{date} 还没到：撤回日期要写已经撤回的那一天，不能写以后的日期（今天是 {today}）。"
RETIRED_FUTURE_HINT = "信息要在以后撤回，请到那一天再删除或改为不予公开，同时写上撤回；现在请不要写这一条。"
URL_NEVER_PUBLISHED = "网址 {url} 没有发布过（published-urls.txt 里没有），不能写在「{key}」里：写了它会多出一个{page}，还会列进网站地图 sitemap.xml。"
URL_NEVER_PUBLISHED_HINT = "请核对网址（与 published-urls.txt 里的写法对照）；只有以前发布过、现在没有页面的网址才需要写明去向。确实印发过的网址（例如旧网站的网址）请先把它加进 published-urls.txt。"
URL_NEVER_PUBLISHED_MOVE = "跳转页"
URL_NEVER_PUBLISHED_RETIRED = "「已撤回」页面"
# catalog.yaml that is not text (load.py)
CATALOG_BINARY = "标准目录 catalog.yaml 不是文本文件（可能是 Word、Excel 或压缩文件改了文件名）。"
CATALOG_BINARY_HINT = "catalog.yaml 要用记事本或 VS Code 编辑，保存为 UTF-8 文本；格式见 docs/编写指南.md。如果原来的文件被覆盖了，请从版本库恢复（git checkout -- catalog.yaml）。"
CATALOG_EMPTY_HINT = "标准目录不能是空的：请从版本库恢复（git checkout -- catalog.yaml），或按 docs/编写指南.md 填写站点、乡镇、领域和事项。"
# --- issue 11: robustness (symlinks, content/assets/, restricted files, limits, lock, disk, YAML aliases) ---
# one build at a time (lock.py)
LOCK_HOLDER = "{command}（进程 {pid}，{started} 开始）"
LOCK_HOLDER_UNKNOWN = "另一个程序"
LOCK_BUSY = (
    "这个项目里另一个生成网站的程序正在运行：{holder}。两个同时生成会互相删掉对方写的文件，"
    "所以这次没有生成，site/ 保持不变。请等它结束后再运行（它结束或被关掉后会自动解锁，"
    "不用删除锁文件 {file}）。"
)
LOCK_WAITING = "网站正在生成：{holder}。等它结束后再继续……"
LOCK_WAIT_GAVE_UP = "等了 {seconds} 秒，网站还在生成：{holder}。请等它结束后再运行（锁文件：{file}）。"
# sizes (limits.py)
LIMIT_FILE_TOO_LARGE = "{what}有 {size} MB，超过了 {limit} MB 的上限，没有读取。"
LIMIT_WHAT_MARKDOWN = "这个文件"
LIMIT_MARKDOWN_HINT = (
    "一篇公开信息（或栏目页面）最大 {limit} MB，真实的公开信息一般不到 0.05 MB：这么大的文件多半是"
    "粘贴了整个表格或数据库，手机打不开，检查和生成也要好几分钟、占用几 GB 内存。很长的名单或表格"
    "请做成 Excel 附件，正文写说明和汇总。"
)
LIMIT_WHAT_CATALOG = "标准目录 catalog.yaml "
LIMIT_CATALOG_HINT = (
    "catalog.yaml 最大 {limit} MB（有 5000 篇信息的县也只有 0.3 MB）：请检查是不是把别的文件的内容"
    "粘贴了进来，或者保存错了文件。"
)
LIMIT_SCAN_TOO_LARGE = (
    "文件「{name}」有 {size} MB，超过了自动检查个人信息的上限（这类文件 {limit} MB）：检查这么大的"
    "文件要几分钟、占用几 GB 内存。没有检查过的文件不能发布。"
)
LIMIT_SCAN_UNZIPPED = (
    "文件「{name}」解压后有 {size} MB（Excel、Word 文件其实是压缩包），超过了自动检查个人信息的上限"
    "（{limit} MB）：检查要占用几 GB 内存。没有检查过的文件不能发布。"
)
LIMIT_SCAN_HINT = "请拆分成几个较小的文件（例如按乡镇或按月份），每个不超过 {limit} MB。"
LIMIT_SCAN_PDF_HINT = (
    "扫描件请用较低的分辨率（如 200 dpi、黑白）重新扫描或另存为较小的 PDF，或者拆分成几个文件，"
    "每个不超过 {limit} MB。"
)
# a full disk (limits.py)
DISK_FULL = (
    "✗ 错误 无法写入 {folder}：{reason}。已删除生成了一半的文件，原来的网站（site/）保持不变。\n"
    "    → 请清理磁盘（例如删除项目里的 .cache 文件夹、print/ 里旧的 PDF 或其他大文件）后重新运行。"
)
DISK_FULL_OTHER = (
    "✗ 错误 无法写入 {folder}：{reason}。\n"
    "    → 请清理磁盘（例如删除项目里的 .cache 文件夹、print/ 里旧的 PDF 或其他大文件）后重新运行。"
)
DISK_FULL_NO_FOLDER = (
    "✗ 错误 无法写入文件：{reason}。\n"
    "    → 请清理磁盘（例如删除项目里的 .cache 文件夹、print/ 里旧的 PDF 或其他大文件）后重新运行。"
)
DISK_FULL_SPACE = "磁盘空间已满"
DISK_FULL_QUOTA = "超出了磁盘配额"
DISK_FULL_FILE_SIZE = "超出了系统允许的最大文件大小"
# YAML anchors and aliases (yamlsrc.py)
YAML_ALIAS_TOO_BIG = (
    "YAML 引用「*{name}」（引用第 {anchor_line} 行「&{name}」处的内容）展开后共有 {count} 项，"
    "超过了 {limit} 项的上限，没有读取。"
)
YAML_ALIAS_TOO_BIG_HINT = (
    "「&名称」给一段内容起名，「*名称」把它原样重复一次；层层引用会重复成千上万次（这是一种攻击手法，"
    "能耗尽电脑内存）。请把引用的内容直接写出来，删掉「&」「*」。"
)
# symbolic links in content/ (contentfiles.py)
SYMLINK_OUTSIDE = (
    "“{name}”是一个符号链接（快捷方式），指向 content 文件夹之外（{target}）：生成网站时会把它指向的"
    "文件或整个文件夹当作网站内容复制出去。"
)
SYMLINK_BROKEN = "“{name}”是一个符号链接（快捷方式），但它指向的“{target}”不存在。"
SYMLINK_LOOP = "“{name}”是一个循环的符号链接（快捷方式）：它指向自己、它所在的文件夹，或经过别的链接绕回这里，无法读取。"
SYMLINK_HINT = "请删除这个链接；要发布的文件，请把文件本身复制到 content 里。"
# content/assets/ (contentfiles.py)
SHARED_ACTIVE = (
    "共用文件夹 content/assets/ 里的“{name}”是 {kind} 文件：这个文件夹原样复制到网站，网页、SVG 图片、"
    "XML、脚本、Flash 这类文件可以带脚本，放到网站上会在本站网址下运行，能篡改网页、窃取访问者的信息。"
)
SHARED_MARKDOWN = (
    "共用文件夹 content/assets/ 里的“{name}”是 Markdown 文件：这个文件夹原样复制到网站，"
    "Markdown 文件会被直接做成网页，不经过任何检查。"
)
SHARED_MARKDOWN_HINT = (
    "公开信息请放在 content/notices/ 下，栏目页面放在 content/pages/ 下；说明文字请另存为 .txt 或 .pdf。"
)
SHARED_PII_IN_NAME = (
    "共用文件夹 content/assets/ 里的文件名“{name}”有{kind}：{shown}。文件名就是网站上这个文件的网址，"
    "无法遮盖。"
)
# files of 依申请公开 and 不予公开 notices (restricted.py)
RESTRICTED_WHAT_ATTACHMENT = "附件"
RESTRICTED_WHAT_LINKED = "正文链接的文件"
RESTRICTED_WHAT_SHARED = "共用文件夹 content/assets/ 里的文件"
RESTRICTED_ROLE_ATTACHMENT = "附件"
RESTRICTED_ROLE_LINKED = "正文链接的文件"
RESTRICTED_ROLE_SELF = "原文"
RESTRICTED_SAME_FILE = "{what}“{name}”是{attribute}的信息（{file}）的{role}“{other}”，{why}"
RESTRICTED_SAME_CONTENT = (
    "{what}“{name}”与{attribute}的信息（{file}）的{role}“{other}”内容完全相同（是它的副本），{why}"
)
RESTRICTED_WHY_ON_REQUEST = "这个文件只提供给申请人，不能在网站上发布。"
RESTRICTED_WHY_WITHHELD = "不能在网站上发布。"
RESTRICTED_HINT = (
    "请核对是不是放错了文件，或两篇信息的公开属性：这个文件确实可以公开时，请把另一篇信息改为主动公开"
    "（或去掉它的这个附件）；否则请从这里删除。"
)
RESTRICTED_IN_SHARED = (
    "{attribute}的信息的{role}“{name}”放在共用文件夹 content/assets/ 里：这个文件夹里的文件全部原样"
    "复制到网站，谁都能下载。"
)
RESTRICTED_IN_SHARED_HINT = (
    "如果这个文件只应提供给申请人，请把它移到这篇信息旁边（同一个文件夹），链接里直接写文件名；"
    "如果它本来就是公开的（如空白申请表、单位标志），可以不改。"
)
YAML_ALIAS_RECURSIVE = "YAML 引用「*{name}」引用了包含它自己的内容（第 {anchor_line} 行「&{name}」），展开后无穷无尽，没有读取。"
YAML_TOO_DEEP = "内容一层套一层，超过了 {limit} 层，没有读取。"
YAML_TOO_DEEP_HINT = "标准目录和信息块最多只有几层（字段、列表、列表里的字段）。请检查括号「[」「{」是否成对，或是不是粘贴了别的内容。"
SHARED_PII_IN_NAME_HINT = "请把文件（或文件夹）改名，名字里不要写手机号、身份证号，并改掉正文里指向它的链接。"
# --- issue 11: invisible and look-alike characters, fake masks, YAML blocks, sensitive rosters ---
PII_TRICK_INVISIBLE = "号码中间夹着看不见的字符（{codes}），读者看到的仍是完整号码"
PII_TRICK_LOOK_ALIKE = "号码用的是特殊的数字字符（如 𝟏、①、¹、١），读者看到的仍是完整号码"
PII_TRICK_MASK = "数字之间加了 *、× 或 x，但一位数字也没有少，这不是遮盖：遮盖要用 * 代替数字，例如 138****1234"
PII_TRICK_LINES = "这一项的值分几行写，网页上连成一行，读者看到的是完整号码"
SENSITIVE_KIND_HEALTH = "疾病、健康状况"
SENSITIVE_KIND_DISABILITY = "残疾情况"
SENSITIVE_KIND_CRIMINAL = "违法犯罪记录"
SENSITIVE_KIND_RELIGION = "宗教信仰"
SENSITIVE_KIND_BIOMETRIC = "生物识别信息"
SENSITIVE_FOUND = (
    "名单表格的「{header}」列写了{kinds}（{where}{words}），和姓名一起公开。这些属于敏感个人信息"
    "（个人信息保护法第二十八条），一旦公开容易使当事人受到歧视、伤害，公示名单只能写公示必需的内容。")
SENSITIVE_ROWS = "第 {rows} 行"
SENSITIVE_HEADING = "表头"
SENSITIVE_WORDS = "：{words}"
SENSITIVE_HINT = (
    "低保等救助公示只写姓名、家庭人口（保障人数）、保障金额等必需内容；致困原因、纳入原因只写类别，"
    "如「因病」「因残」「因灾」，不写病名、病情、残疾类别和等级，也不写宗教信仰、违法犯罪记录等。"
    "请删去这一列或改写这些单元格；确需说明具体情况的，不要和姓名一起在网上公开。")
SENSITIVE_IN_FILE = "文件「{name}」{sheet}里"
SENSITIVE_SHEET = "工作表「{sheet}」"
# --- issue 16: feeds, exports, transfer to the archive and library ---
FEED_SITE_TITLE = "{site} · 最新信息"
FEED_SITE_SECTION = "全部信息"
FEED_TITLE = "{site} · {section}"
FEED_SUBTITLE = "{section}最新发布的 {count} 条信息（新的在前）"
FEED_F_DOMAIN = "领域"
FEED_ON_REQUEST = "本信息依申请公开，网上只公开目录信息。如需获取，请依法提出政府信息公开申请。"
FEED_SUBSCRIBE = "订阅本栏目（Atom）"
FEED_WHAT = "什么是订阅？"
OD_TITLE = "开放数据"
OD_TILE = "信息列表和标准目录（Excel、CSV、JSON）、订阅"
OD_INTRO = "本网站公开的全部信息和标准目录都可以下载为表格和数据文件，每次更新网站时自动重新生成，供查阅、统计和其他系统使用。文件中只有已在网上公开的信息：不予公开的文件不会出现；依申请公开的信息只有目录信息（标题、文号、摘要等），没有正文。"
OD_FILES = "数据文件"
OD_COL_FILE = "文件"
OD_COL_CONTENT = "内容"
OD_FILE_NOTICES_XLSX = "全部已公开信息，每篇一行（Excel 表格），字段见下表"
OD_FILE_NOTICES_CSV = "同上，CSV 格式（UTF-8 编码，带 BOM，Excel 可直接打开）"
OD_FILE_NOTICES_JSON = "同上，JSON 格式：site（网站名称）、base_url（网址）、count（条数）和 notices（每篇信息一条记录）"
OD_FILE_CATALOG_XLSX = "政务公开事项标准目录（Excel 表格），与「标准目录」页面的表格相同，字段见下表"
OD_FILE_CATALOG_JSON = "标准目录、网站信息（名称、网址、主办单位、联系方式）、五公开类别、领域、乡镇（街道）和村（社区）及各栏目网址，JSON 格式"
OD_FILE_FEED = "全站最新信息的订阅地址（Atom 格式），各栏目的订阅地址见下文「订阅」"
OD_FILE_SITEMAP = "网站地图：全部已发布页面的网址（供搜索引擎使用）"
OD_ATTRIBUTES = "表格和数据文件里的日期都写成 2026-11-20 这样的格式；没有的值留空（JSON 中为 null）。"
OD_ATTRIBUTE_ANCHOR = "fields"
OD_FIELDS_TITLE = "信息列表的字段"
OD_FIELDS_INTRO = "notices.xlsx 和 notices.csv 的第一行是字段名，与 notices.json 中每条记录的字段相同、顺序相同："
OD_COL_FIELD = "字段"
OD_COL_MEANING = "含义"
OD_FIELDS = (
    ("id", "信息编号，网址 /n/编号/ 由它生成，发布后不变"),
    ("title", "标题"),
    ("url", "信息页面的完整网址"),
    ("path", "信息页面在网站内的路径"),
    ("category", "五公开类别：决策公开、执行公开、管理公开、服务公开、结果公开"),
    ("category_id", "五公开类别的代号（栏目网址 /c/代号/）"),
    ("domain", "重点领域名称"),
    ("domain_id", "领域代号（栏目网址 /d/代号/）"),
    ("township", "所属乡镇（街道）；县级发布的信息为空"),
    ("township_id", "乡镇（街道）代号（栏目网址 /t/代号/）"),
    ("village", "所属村（社区）；不属于某个村的为空"),
    ("village_id", "村（社区）代号"),
    ("item", "所属标准目录事项（一级事项 / 二级事项）"),
    ("item_id", "事项代号（事项网址 /i/代号/）"),
    ("发布日期", "在网站上发布的日期"),
    ("成文日期", "文件形成（签发）的日期"),
    ("文号", "发文字号，没有的为空"),
    ("发布机构", "发布这条信息的机关"),
    ("公开属性", "主动公开 或 依申请公开"),
    ("摘要", "内容摘要"),
)
OD_CATALOG_TITLE = "标准目录表格的列"
OD_CATALOG_INTRO = "catalog.xlsx 每个事项一行，按领域排列，前两行是表头（与「标准目录」页面相同）："
OD_COL_COLUMN = "列"
OD_CATALOG_COLUMNS = (
    ("序号", "事项在标准目录中的序号"),
    ("所属领域", "重点领域名称"),
    ("公开事项：一级事项、二级事项", "事项名称"),
    ("公开内容（要素）", "应当公开的内容"),
    ("公开依据", "法律法规和文件名称及文号，每行一个"),
    ("公开时限", "时限原文；设有公示期的注明公示期"),
    ("公开主体", "负责公开的机关"),
    ("公开渠道和载体", "网站、公开栏等渠道"),
    ("公开对象：全社会、特定群体", "打 √ 的是适用的对象"),
    ("公开方式：主动公开、依申请公开", "打 √ 的是适用的方式"),
    ("公开层级：县级、乡级、村级", "打 √ 的是适用的层级"),
    ("五公开类别", "决策、执行、管理、服务、结果公开之一"),
    ("已公开信息", "网站上这个事项已发布的信息条数"),
    ("最近发布", "最近一条信息的发布日期"),
)
OD_LATEST = "最近发布"
OD_SHEET_NOTICES = "公开信息"
OD_SHEET_CATALOG = "标准目录"
OD_FEEDS_TITLE = "订阅"
OD_FEEDS_ANCHOR = "feeds"
OD_FEEDS_INTRO = "订阅地址（Atom 格式）可以加到手机或电脑上的订阅阅读器（RSS 阅读器）里，有新信息时阅读器会自动收到，不用天天打开网站查看。每个订阅地址包含这个栏目最新的 50 条信息：标题、发布机构、文号、公开属性、五公开类别、摘要和原文链接。各栏目页面上的「订阅本栏目」链接也是这些地址。"
OD_COL_SECTION = "栏目"
OD_COL_FEED = "订阅地址"
OD_COL_COUNT = "栏目信息数"
OD_SITEMAP_TITLE = "网站地图"
OD_SITEMAP_INTRO = "sitemap.xml 列出本网站全部已发布的页面（迁移、撤回后的提示页不列入），供搜索引擎收录。"
AR_HELP = "生成移交县档案馆、图书馆的文件（每月5日、20日，节假日顺延）"
AR_DESCRIPTION = """生成一期政府信息公开文件移交（一式两份，送县档案馆和图书馆）：每篇主动公开信息的 A4 PDF（含信息块和二维码）和附件、移交清单（Excel 和 PDF，含每个文件的 SHA-256 校验值）、封面（移交单，两份，有移交人、接收人签字栏），放在 archive/期次/ 文件夹，并打包为 .zip。

每月 5 日（期次写 2026-11-上）和 20 日（2026-11-下）移交，遇周末和法定节假日顺延到下一个工作日（按国务院公布的节假日和调休）。每期收录从上一次移交日起、到本次移交日前一天发布的信息。上一期移交后修改过的信息会再次移交，在清单中注明「更正」（依据 archive/ 文件夹里各期的 移交记录.json，请保留这个文件夹）。依申请公开和不予公开的信息不移交。

例如：
  site-builder archive --period 2026-11-上
  site-builder archive --from 2026-10-01 --to 2026-10-31 -o 移交"""
AR_PERIOD_METAVAR = "期次"
AR_PERIOD_HELP = "移交期次：年-月-上（5 日移交）或 年-月-下（20 日移交），例如 2026-11-上"
AR_FROM_HELP = "自定期间：从这一天（含）起发布的信息，与 --to 一起用"
AR_TO_HELP = "自定期间：到这一天（含）为止发布的信息"
AR_OUT_HELP = "放在哪个文件夹，默认 archive/（请保留，下次移交要用它判断哪些信息是更正）"
AR_PERIOD_AND_DATES = "--period 和 --from/--to 只能用一种：按期次移交写 --period 2026-11-上，自定期间写 --from 2026-10-01 --to 2026-10-31。"
AR_NO_PERIOD = "请写明移交哪一期：--period 2026-11-上（11月5日移交）或 --period 2026-11-下（11月20日移交）；自定期间写 --from 2026-10-01 --to 2026-10-31（两个都要写）。"
AR_BAD_PERIOD = "期次“{value}”无法识别，请写成 2026-11-上（5 日移交）或 2026-11-下（20 日移交）。"
AR_BAD_MONTH = "期次“{value}”的月份不对，请写 1—12 月，例如 2026-11-上。"
AR_BAD_YEAR = "期次“{value}”的年份不对，请写 {first}—{last} 年之间的年份。"
AR_DATES_REVERSED = "--from {first} 晚于 --to {last}，请把较早的日期写在 --from。"
AR_INPUT_ERRORS = "请先按上面的提示修改，再生成移交文件。"
AR_PERIOD_LINE = "移交期次 {name}：收录 {first}至{last} 发布的主动公开信息，移交日期 {transfer}{moved}。"
AR_MOVED = "（应于 {due} 移交，遇节假日顺延）"
AR_DONE = "已生成 {folder}/ 和 {zip}：{count} 篇信息（其中更正 {corrections} 篇），附件 {attachments} 个，共 {pages} 页。请打印 封面.pdf（两份，档案馆、图书馆各一份）和 移交清单.pdf，连同文件一起移交。"
AR_DONE_CORRECTION = "  更正：{title}（上次在 {name} 移交后有修改）"
AR_EMPTY = "本期没有需要移交的信息；封面和清单仍已生成，可作为本期无移交的记录。"
AR_SEQ = "序号"
AR_TITLE = "标题"
AR_PAGES = "页数"
AR_FILE = "文件"
AR_SHA256 = "SHA-256"
AR_REMARK = "备注"
AR_ATTACHMENT = "附件"
AR_CORRECTION = "更正（原在 {name} 移交）"
AR_ATTACHMENTS_BESIDE = "附件文件与本文件放在同一文件夹中，校验值见移交清单。"
AR_LIST_TITLE = "政府信息公开文件移交清单（{name}）"
AR_LIST_SHEET = "移交清单"
AR_LIST_XLSX = "移交清单.xlsx"
AR_LIST_PDF = "移交清单.pdf"
AR_COVER_PDF = "封面.pdf"
AR_LIST_NOTE = "SHA-256 是文件的校验值：用任何校验工具（如 Windows 命令 certutil -hashfile 文件名 SHA256）算出的值与本清单一致，说明文件与移交时相同。"
AR_SCOPE = "收录 {first}至{last} 发布的主动公开信息 {count} 篇（其中更正 {corrections} 篇），附件 {attachments} 个。"
AR_COVER_TITLE = "政府信息公开文件移交单"
AR_COPY = "第{number}份　送{to}"
AR_ARCHIVE = "{county}档案馆"
AR_LIBRARY = "{county}图书馆"
AR_FROM = "移交单位"
AR_TO = "接收单位"
AR_BATCH = "移交期次"
AR_DUE = "移交日期"
AR_DUE_MOVED = "{transfer}（应于 {due} 移交，遇节假日顺延）"
AR_RANGE = "收录范围"
AR_RANGE_VALUE = "{first}至{last} 发布的主动公开信息"
AR_COUNT = "信息数量"
AR_COUNT_VALUE = "{count} 篇（其中更正 {corrections} 篇）"
AR_FILES = "附件和页数"
AR_FILES_VALUE = "附件 {attachments} 个；信息正文共 {pages} 页"
AR_LIST = "移交清单"
AR_LIST_FILES = "移交清单.pdf、移交清单.xlsx（列出每个文件及其 SHA-256 校验值）"
AR_COVER_NOTE = "依申请公开和不予公开的信息不在移交范围内。接收时请按移交清单核对文件和页数。"
AR_GIVER = "移交人（签字）"
AR_TAKER = "接收人（签字）"
AR_SIGN_DATE = "日期"
AR_TWO_COPIES = "文件一式两份，分别移交档案馆和图书馆，每馆一张移交单；接收人签字后，移交单位留存复印件。"
AR_PAGES_MISSING = "注意：生成的网站 {site}/ 里还没有这些信息的页面：{notices}。移交件上的二维码指向网站上的原文，请运行 site-builder build 并发布网站。"
# --- issue 12: import from Word / Excel, items by name, tables and 落款 ---
ITEM_BY_NAME_HELP = "标准目录事项的 id 或名称（可以只写一部分，例如 低保、审核信息）；不知道写什么，先运行 site-builder items 低保"
ITEMS_HELP = "列出标准目录事项（编号、名称、五公开类别、领域、公开层级），可以按词查找"
ITEMS_DESCRIPTION = "列出 catalog.yaml 中的全部公开事项；写一个词只列名称、领域或类别中含这个词的事项，例如 site-builder items 低保。new 和 import 的 --item 可以写编号，也可以写名称。"
ITEMS_WORD_HELP = "只列含这个词的事项，例如 低保"
ITEMS_WORD_METAVAR = "词"
ITEMS_LINE = "{id}  {name}  〔{category}〕 领域：{domain}  层级：{levels}"
ITEMS_NONE = "没有名称、领域或类别含“{word}”的事项。不写词可以列出全部：site-builder items"
ITEM_AMBIGUOUS = "“{item}”对应多个事项，请用 --item 写其中一个的编号：{items}"
ITEM_UNKNOWN_GUESS = "标准目录中没有事项“{item}”。是不是下面的事项？请用 --item 写它的编号：{items}"
ITEM_UNKNOWN = "标准目录中没有事项“{item}”，名称里也没有这个词。运行 site-builder items 列出全部事项。"
REF_ITEM_GUESS = "是不是想写：{items}？请填写事项编号（运行 site-builder items 低保 可以按名称查找）。"
IMPORT_HELP = "把 Word 文档（.docx/.doc/.wps）或 Excel/CSV 名单（.xlsx/.xls/.csv）转成公开信息"
IMPORT_DESCRIPTION = "把办公室现有的 Word 通知和 Excel 名单转成公开信息：一个文件一篇，放到 content/notices/ 下对应乡镇的文件夹。标题、文号、成文日期和发布机构从文档（标题、落款）中读取，每一项都会列出来请您核对；身份证号、手机号当场检查，加 --mask 自动遮盖。转换后自动运行检查。"
IMPORT_FILES_HELP = "要导入的文件，可以写多个"
IMPORT_MASK_HELP = "把发现的身份证号、手机号、银行卡号遮盖后再写入（如 138****1234）"
IMPORT_ATTACH_HELP = "同时把原文件作为附件放在信息旁边（附件同样会检查个人信息）"
IMPORT_INTO_HELP = "把名单表格加到这篇已有信息的正文末尾（落款之前），而不是新建一篇"
IMPORT_NEED_ITEM = "请用 --item 写明这篇信息属于哪个标准目录事项（编号或名称，例如 --item 低保）。运行 site-builder items 可以查看全部事项。"
IMPORT_NO_FILE = "找不到文件“{file}”。请核对文件名和所在文件夹。"
IMPORT_UNKNOWN_TYPE = "“{file}”的类型（{suffix}）不能导入。可以导入 Word 文档（.docx，装了 LibreOffice 时还有 .doc、.wps）和名单（.xlsx、.xls、.csv）。"
IMPORT_NEED_DOCX = "“{file}”是老版本的 Word/WPS 文件，这台电脑没有安装 LibreOffice，无法转换。请用 Word 或 WPS 打开它，「另存为」Word 文档（.docx）后再导入；或者安装 LibreOffice：sudo apt-get install libreoffice-writer-nogui"
IMPORT_CONVERT_FAILED = "LibreOffice 没能转换“{file}”（文件可能损坏或有密码）。请用 Word 或 WPS 打开它，「另存为」Word 文档（.docx）后再导入。"
IMPORT_WORD_UNREADABLE = "读不出 Word 文档“{file}”（{detail}）：文件可能损坏、有密码，或其实不是 .docx。请用 Word 或 WPS 打开后「另存为」Word 文档（.docx）再导入。"
IMPORT_SHEET_UNREADABLE = "读不出表格“{file}”（{detail}）：文件可能损坏或有密码。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。"
IMPORT_SHEET_EMPTY = "表格“{file}”里没有内容。"
IMPORT_NUMBER_LOST = "表格“{file}”{cell}的号码是按「数字」保存的，Excel 只保留 15 位有效数字，现在是 {shown}，后几位已经丢失，导入会把错误的号码公开出去。请在 Excel 中把这一列设为「文本」格式，照原始材料重新录入（或在号码前加英文单引号 '），再导入。"
IMPORT_CELL = "工作表「{sheet}」{cell} 单元格"
IMPORT_COLUMN = "列{number}"
IMPORT_HEADER = "表格「{sheet}」的表头（第一行）：{header}。如果不对，请在生成的文件里修改表格第一行。"
IMPORT_NO_HEADER = "表格「{sheet}」第一行就是数据，没有表头：暂用「列1」…「列{columns}」作列名，请在生成的文件里把表格第一行改成真正的列名（如 姓名、身份证号）。"
IMPORT_CSV_GBK = "“{file}”是 GBK 编码（Excel 另存的 CSV 常见），已按 GBK 读取。"
IMPORT_MERGED_TABLE = "表格「{first}」有合并单元格，Markdown 表格表示不了，已按 HTML 表格保留（网页上照样显示为表格），请在预览中核对。"
IMPORT_IMAGE_TYPE = "文档中的第 {number} 张图片格式（{type}）网页不能显示，没有导入。请在 Word 中把它另存为 PNG 或 JPG 图片，放到信息旁边，再在正文中写 ![图片说明](文件名)。"
IMPORT_IMAGE_ALT = "图片 {name} 在 Word 中没有“替代文字”，暂用「图N」：请在正文 ![图N](…) 的方括号里写一句图片说明，方便视力不好的读者用读屏软件听到。"
IMPORT_IMAGE_SAVED = "图片已存到 {path}"
IMPORT_WHERE_TITLE = "取自文档标题"
IMPORT_WHERE_NUMBER = "取自文号行"
IMPORT_WHERE_TEXT = "取自正文开头"
IMPORT_WHERE_SIGNOFF = "取自落款"
IMPORT_WHERE_SHEET_TITLE = "取自表格标题行"
IMPORT_WHERE_FILE_NAME = "取自文件名"
IMPORT_CHECK_IT = "，请核对"
IMPORT_TOOK = "  {field}：{value}（{where}）"
IMPORT_MISSING = "  {field}：文档中没有找到，{what}"
IMPORT_MISSING_TITLE = "  标题：文档中没有找到，请在文件里填写标题（不填不能发布）"
IMPORT_DEFAULT_PUBLISHER = "暂填默认发布机构，请核对"
IMPORT_DEFAULT_TODAY = "暂填今天，请改成文件的成文日期"
IMPORT_NO_NUMBER = "没有文号就空着"
IMPORT_NO_SIGNOFF = "文末没有找到落款（发文机关一行、日期一行），成文日期和发布机构请核对。"
IMPORT_ATTACHED = "原文件 {file} 已作为附件放在信息旁边（发布前同样检查个人信息）。"
IMPORT_ATTACH_EXISTS = "信息旁边已经有同名文件“{file}”，没有覆盖。请改名后再用 --attach，或不加 --attach。"
IMPORT_ATTACH_BY_HAND = "请在这篇信息的「附件:」里加上一行：  - {{文件: {file}, 名称: 附件名称}}"
IMPORT_PII_FOUND = "  第 {line} 行第 {column} 列：{kind} {shown}（写入的是完整号码）"
IMPORT_PII_MASKED = "  第 {line} 行第 {column} 列：{kind}已遮盖为 {shown}"
IMPORT_PII_HINT = "上面的完整号码不能公开：请重新导入并加 --mask 自动遮盖，或在文件中手工改成 138****1234 这样的形式。"
IMPORT_PII_TITLE_FOUND = "发现个人信息（身份证号、手机号、银行卡号）："
IMPORT_INTO_UNKNOWN = "没有编号为“{notice}”的信息（或有多篇）。请写信息文件开头 id: 后面的编号，例如 --into 2026-0012。"
IMPORT_INTO_ROSTERS = "--into 只能加名单表格（.xlsx、.xls、.csv），“{file}”请单独导入成一篇信息。"
IMPORT_INTO_BROKEN = "“{file}”开头的信息块不完整（缺少结束的 ---），请先运行 site-builder check 修好。"
IMPORT_DONE = "已导入：{source} → {notice}"
IMPORT_INTO_DONE = "已把 {source} 的表格加到 {notice}"
IMPORT_FAILED = "无法导入："
IMPORT_CHECK_CLEAN = "检查：这篇信息没有发现问题。请打开文件核对上面列出的各项，然后运行 site-builder serve 预览。"
IMPORT_CHECK_PROBLEMS = "检查：发现下面的问题，请按提示修改后运行 site-builder check："
IMPORT_SUMMARY = "从文档中读到（请逐项核对）："
IMPORT_NOTES = "还要请您看一看："
TABLE_NO_RULE = "这几行像表格，但表头下面少了分隔行，网页上会显示成一段带竖线的文字，不是表格。"
TABLE_NO_RULE_HINT = "在表头（第 {line} 行）下面加一行：{rule}"
TABLE_GLUED = "表格紧跟在上一行文字后面，网页上会显示成一段带竖线的文字，不是表格。"
TABLE_GLUED_HINT = "在表格上面（第 {line} 行之前）空一行。"
TABLE_CELLS = "这一行有 {cells} 格，表头有 {header} 格。"
TABLE_CELLS_MORE_HINT = "多出的格在网页上不会显示：请检查是不是多写了竖线 |，或者在表头加一列。内容里本来就有竖线的，写成 \\|。"
TABLE_CELLS_FEWER_HINT = "缺的格在网页上显示为空：请补上（空格也要写出竖线，例如 |  |）。"
C_ITEM_ID = "事项编号"
SERVE_PORT_BUSY = "端口 {port} 已被占用（可能是另一个预览还开着，或别的程序在用它），预览没有启动。请关掉另一个预览，或换一个端口：site-builder serve --addr {host}:{free}"
SERVE_BAD_ADDR = "--addr 要写成「地址:端口」，例如 127.0.0.1:8000（这里是“{addr}”）。"
SERVE_BUILT = "预览已生成，用时 {seconds} 秒。"
SERVE_SERVING = "预览地址：{url} （修改文件后自动刷新；按 Ctrl+C 停止）"
SERVE_CHANGED = "发现文件有改动，正在重新生成预览……"
SERVE_STOPPED = "预览已停止。"
SERVE_ABORTED = "预览没有启动：请按上面的提示修改后重新运行 site-builder serve。"
PRINT_KEPT = "今天已经生成过张贴包 {old}，没有覆盖它：这次的另存为 {path}（两份都保留，所选信息可能不同，请张贴需要的那一份）。"
PRINT_REPLACED = "已替换原来的同名文件 {path}。"
FM_UNCLOSED_AT = "开头的信息块没有结束：找不到第二行 ---。第 {line} 行看起来已经是正文了，信息块应该在它前面结束。"
FM_UNCLOSED_AT_HINT = "在第 {line} 行前面加一行 ---（三个英文减号，单独一行）。"
FM_BAD_CLOSE = "第 {line} 行「{text}」想结束信息块，但写法不对：结束行必须是三个英文减号 ---，不能多也不能少，不能用中文破折号或全角减号。"
FM_BAD_CLOSE_HINT = "把第 {line} 行改成 ---"
CATALOG_HELP = "标准目录和 Excel 互转：export 导出目录表，import 从目录表读回事项"
CATALOG_DESCRIPTION = "标准目录常以 Excel 附件下发和修改。export 把标准目录写成 Excel（每个领域一个工作表，横向 A4 打印，每页重复表头）；import 把这样的表格读回 catalog.yaml 的「事项」（事项编号保持不变，新行按名称自动编号，有问题时列出工作表和行号，什么也不改）。"
CATALOG_ACTION_HELP = "export（导出）或 import（导入）"
CATALOG_FILE_HELP = "Excel 文件，例如 目录.xlsx"
CATALOG_EXPORTED = "已导出标准目录：{path}（{domains} 个领域、{items} 个事项，每个领域一个工作表，横向 A4 打印）。"
CATALOG_IMPORTED = "已按 {file} 更新 catalog.yaml 的「事项」：共 {items} 项（原文件备份为 catalog.yaml.bak）。请运行 site-builder check 检查。"
CATALOG_NEW_IDS = "新的事项自动编了号：{ids}。编号会出现在网址里，发布后不要再改。"
CATALOG_KEPT = "这些事项在 catalog.yaml 里有、表格里没有，已保留：{ids}。确实要删除的，请直接在 catalog.yaml 中删除（已发布的信息要先改到别的事项）。"
CATALOG_NOT_IMPORTED = "表格有下面的问题，catalog.yaml 没有改动。请在 Excel 中改好后再导入："
CATALOG_NEEDS_XLSX = "请写一个 .xlsx 文件名，例如 site-builder catalog {action} 目录.xlsx"
CATALOG_XLSX_ROW = "工作表「{sheet}」第 {row} 行"
CATALOG_XLSX_DOMAIN = "工作表「{sheet}」不是 catalog.yaml 中的领域（工作表名要和领域名称一样：{domains}）。"
CATALOG_XLSX_DUPLICATE = "{where}：事项编号 {id} 和{first}重复。每个事项的编号要不同；新加的事项可以不填编号，会自动编号。"
CATALOG_XLSX_MISSING = "{where}：缺少{columns}。"
CATALOG_XLSX_BAD_ID = "{where}：事项编号“{id}”只能用小写字母、数字和减号（如 shjz-dbsh）；新事项可以不填，会自动编号。"
CATALOG_XLSX_OTHER_DOMAIN = "{where}：事项编号 {id} 属于领域 {domain}，不能放在这个工作表里。换领域请新加一行（不填编号），或在 catalog.yaml 中修改。"
CATALOG_XLSX_NO_TICK = "{where}：「{column}」一格也没有打 √。"
CATALOG_XLSX_BAD_VALUE = "{where}：「{column}」的“{value}”不是可选值。可选：{allowed}"
CATALOG_XLSX_LIMIT = "{where}：读不懂公开时限“{value}”。请写成「……10个工作日内」「……20日内」「实时」或「按季度」这样。"
CATALOG_XLSX_BASIS = "{where}：公开依据“{value}”要写成「《文件名称》（文号）」，一行一个。"
