"""Drafts for the benchmarks: the largest sample and generated large drafts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from mou_drafter.model.draft import Draft
from mou_drafter.model.files import load_draft

ROOT = Path(__file__).resolve().parent.parent


def largest_sample() -> tuple[str, Draft]:
    path = max((ROOT / "seeds").glob("*.moud"), key=lambda p: p.stat().st_size)
    return path.name, load_draft(path)


def _t(i: int, what: str) -> dict[str, str]:
    return {
        "vi": f"{what} số {i} về hợp tác giữa các huyện biên giới Việt Nam và Lào",
        "lo": f"{what} ທີ {i} ກ່ຽວກັບການຮ່ວມມືລະຫວ່າງເມືອງຊາຍແດນ ລາວ ແລະ ຫວຽດນາມ",
        "en": f"{what} no. {i} on cooperation between border districts of Viet Nam and Laos",
    }


def generated(parties: int = 50, areas: int = 200, obligations: int = 500) -> Draft:
    return Draft.model_validate(
        {
            "kind": "mou",
            "schema_version": 2,
            "languages": ["vi", "lo", "en"],
            "title": _t(0, "Biên bản"),
            "parties": [
                {
                    "id": f"p{i}",
                    "name": _t(i, "Bên"),
                    "short_name": _t(i, "Bên"),
                    "country": "VN" if i % 2 else "LA",
                    "representative": {"name": _t(i, "Người"), "title": _t(i, "Chức vụ")},
                }
                for i in range(parties)
            ],
            "period": {"start": dt.date(2024, 1, 1), "end": dt.date(2028, 12, 31)},
            "signing": {"place": _t(0, "Nơi"), "date": dt.date(2023, 11, 23)},
            "areas": [
                {"id": f"a{i}", "title": _t(i, "Lĩnh vực"), "description": _t(i, "Mô tả")}
                for i in range(areas)
            ],
            "obligations": [
                {"party": f"p{i % parties}" if i % 5 else "all", "text": _t(i, "Trách nhiệm")}
                for i in range(obligations)
            ],
            "contributions": [
                {"party": "p0", "amount": Decimal(585000000), "currency": "VND", "purpose": _t(1, "Hỗ trợ")}
            ],
        }
    )
