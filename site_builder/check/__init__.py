"""Stage 3, checks: every rule on the input, all problems collected; builds the model.

validate (catalog and notices; assembles the Site), declarations (迁移/撤回 in catalog.yaml),
screen (what will be published: personal data, unsafe HTML, attachment paths and types),
privacy (finding and masking ID numbers, mobiles, bank cards in text and files) with normalize
(numbers as a reader reads them) and yamltext (values over several lines), the file readers
sheets (Excel), documents (Word) and formats (every other type; what cannot be read), sensitive
(health and similar details in rosters), restricted (files of 依申请公开/不予公开 notices),
contentfiles (symbolic links, content/assets/), strays (notice-like files that are not read),
manifestguard (a deleted published-urls.txt), tables (tables without their rule line), rawhtml
(the HTML allow-list, nh3), compliance (what the inspection will find on a given day: late,
overdue, stale, 公示 without result, policies without 解读, 征求意见 without 采纳情况; check's 说明
line).

May import: base, input, model.
Must not import: output, pipeline, paper or the adapters.
"""
