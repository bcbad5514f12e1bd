"""Open data: `data/notices.json` and `data/catalog.json`, written with every build.

Other tools (inspection scripts, the county's portal) read these files; keep them complete and
stable. Only published notices (主动公开 and 依申请公开) appear.
"""

from __future__ import annotations

import json

from ..base import urls, vocab
from ..model.site import Notice, Site
from .pages import item_stats


def notices_json(site: Site) -> str:
    records = [_notice_record(site, n) for n in site.notices]
    return _dump({"site": site.info.name, "base_url": site.info.base_url,
                  "count": len(records), "notices": records})


def _notice_record(site: Site, n: Notice) -> dict:
    item = site.item_by_id[n.item_id]
    township = site.township_by_id.get(n.township_id) if n.township_id else None
    village = township.village(n.village_id) if township and n.village_id else None
    path = urls.notice(n.id)
    return {
        "id": n.id,
        "title": n.title,
        "url": urls.absolute(site.info.base_url, path),
        "path": path,
        "category": n.category,
        "category_id": vocab.CATEGORY_BY_NAME[n.category].id,
        "domain": site.domain_by_id[n.domain_id].name,
        "domain_id": n.domain_id,
        "township": township.name if township else None,
        "township_id": township.id if township else None,
        "village": village.name if village else None,
        "village_id": village.id if village else None,
        "item": item.name,
        "item_id": item.id,
        "发布日期": n.published.isoformat(),
        "成文日期": n.formed.isoformat(),
        "文号": n.doc_number,
        "发布机构": n.publisher,
        "公开属性": n.attribute,
        "摘要": n.summary,
    }


def catalog_json(site: Site) -> str:
    base = site.info.base_url
    stats = item_stats(site)
    info = site.info
    return _dump({
        "site": {
            "名称": info.name, "网址": base, "主办单位": info.sponsor,
            "联系方式": {"地址": info.contact.address, "电话": info.contact.phone,
                     "邮箱": info.contact.email, "办公时间": info.contact.hours,
                     "传真": info.contact.fax},
            "网站标识码": info.site_code, "ICP备案号": info.icp, "公安机关备案号": info.police,
        },
        "home_url": base,
        "catalog_url": urls.absolute(base, urls.CATALOG),
        "categories_url": urls.absolute(base, urls.CATEGORIES),
        "domains_url": urls.absolute(base, urls.DOMAINS),
        "townships_url": urls.absolute(base, urls.TOWNSHIPS),
        "categories": [{"id": c.id, "name": c.name,
                        "url": urls.absolute(base, urls.category(c.id))}
                       for c in vocab.CATEGORIES],
        "domains": [{"id": d.id, "name": d.name, "主管部门": d.department,
                     "url": urls.absolute(base, urls.domain(d.id))} for d in site.domains],
        "townships": [{"id": t.id, "name": t.name, "类型": t.kind,
                       "url": urls.absolute(base, urls.township(t.id)),
                       "villages": [{"id": v.id, "name": v.name,
                                     "url": urls.absolute(base, urls.village(t.id, v.id))}
                                    for v in t.villages]}
                      for t in site.townships],
        "items": [_item_record(site, i, stats.get(i.id, (0, None))) for i in site.items],
    })


def _item_record(site: Site, item, stat: tuple[int, str | None]) -> dict:
    limit = item.time_limit
    return {
        "id": item.id,
        "url": urls.absolute(site.info.base_url, urls.item(item.id)),
        "序号": item.seq,
        "domain_id": item.domain_id,
        "领域": site.domain_by_id[item.domain_id].name,
        "一级事项": item.level1,
        "二级事项": item.level2,
        "公开内容": item.content,
        "公开依据": [{"名称": b.name, "文号": b.number} for b in item.bases],
        "公开时限": {"原文": limit.text, "类型": limit.kind, "天数": limit.days,
                 "周期": limit.period, "公示期": limit.notice_days},
        "公开主体": item.subject,
        "公开渠道": item.channels,
        "其他渠道": item.other_channels,
        "公开对象": item.audiences,
        "公开方式": item.methods,
        "公开层级": item.levels,
        "五公开": item.category,
        "category_id": vocab.CATEGORY_BY_NAME[item.category].id,
        "notice_count": stat[0],
        "latest": stat[1],
    }


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def data_files(site: Site) -> dict[str, str]:
    """Site path → file text, for the open-data files."""
    return {urls.DATA_NOTICES: notices_json(site), urls.DATA_CATALOG: catalog_json(site)}
